"""A griffe extension for the API reference: a module constant taken from the native
module (``STEMMERS = _native.STEMMER_NAMES``) is shown with its value, read from
the built extension when the site is built, instead of the expression that names it."""

from __future__ import annotations

import importlib
from typing import Any

import griffe


class RuntimeValues(griffe.Extension):
    def on_attribute_instance(self, *, attr: griffe.Attribute, **kwargs: Any) -> None:
        parent = attr.parent
        if parent is None or not parent.is_module or not str(attr.value).startswith("_native."):
            return
        module = importlib.import_module(parent.path)
        attr.value = repr(getattr(module, attr.name))
