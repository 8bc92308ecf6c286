"""``isinstance(stemmer, nltk.stem.api.StemmerI)`` for stemline's stemmers, without
importing NLTK.

NLTK's ``StemmerI`` is an abstract base class: a class counts as one once it is
registered with ``StemmerI.register``. stemline registers its stemmer classes when
``nltk.stem.api`` is imported: at once if it already is, else through a finder on
``sys.meta_path`` that waits for that one module, lets the usual finder and loader
import it, registers the classes, and removes itself. Nothing imports NLTK for
this, and a process that never imports NLTK never sees it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_MODULE = "nltk.stem.api"
_pending: list[type[Any]] = []


def register(*classes: type[Any]) -> None:
    """Registers ``classes`` with NLTK's ``StemmerI``, now or when NLTK's is imported."""
    api = sys.modules.get(_MODULE)
    if api is not None and hasattr(api, "StemmerI"):
        for cls in classes:
            api.StemmerI.register(cls)
        return
    _pending.extend(classes)
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


class _Loader(importlib.abc.Loader):
    """The module's own loader, with the registration after it runs the module."""

    def __init__(self, loader: Any, finder: _Finder) -> None:
        self._loader = loader
        self._finder = finder

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        for cls in _pending:
            module.StemmerI.register(cls)
        _pending.clear()

    def __getattr__(self, name: str) -> Any:
        # get_source, get_filename and the rest: the module's own loader's.
        return getattr(self._loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _MODULE:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec: importlib.machinery.ModuleSpec | None = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader, self)
                return spec
        return None
