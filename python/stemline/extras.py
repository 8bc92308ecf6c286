"""Optional dependencies: each comes with an extra of the package, and a missing one
is an :class:`ImportError` whose message names the extra that installs it.

>>> try:
...     require("stemline.example", "pandas", "no_such_module_here")
... except MissingExtraError as e:
...     print(e)
stemline.example needs no_such_module_here, which is not installed: pip install "stemline[pandas]"
"""

from __future__ import annotations

__all__ = ["MissingExtraError", "missing_extra", "require"]


class MissingExtraError(ImportError):
    """An optional dependency is missing. The message is one line saying what needs
    it and which extra installs it; :attr:`extra` is that extra's name and ``name``
    (as for any :class:`ImportError`) the missing module's."""

    def __init__(self, feature: str, module: str, extra: str) -> None:
        super().__init__(
            f'{feature} needs {module}, which is not installed: pip install "stemline[{extra}]"',
            name=module,
        )
        self.extra = extra


def missing_extra(feature: str, extra: str, error: ImportError, module: str) -> MissingExtraError:
    """The error for ``error``, met while importing ``module`` (or a module it
    imports), which ``feature`` needs; raise it ``from error``, so that the
    original stays its ``__cause__``."""
    # The missing module's own name when the error gives it (pandas without numpy).
    return MissingExtraError(feature, (error.name or module).partition(".")[0], extra)


def require(feature: str, extra: str, *modules: str) -> None:
    """Raise :class:`MissingExtraError` unless each of ``modules`` is installed:
    for the modules that import their library only when used, found without
    importing it (``import stemline.spark`` stays as light as the rest)."""
    import importlib.util

    for module in modules:
        try:
            found = importlib.util.find_spec(module) is not None
        except ImportError as e:  # an import hook that refuses it
            raise MissingExtraError(feature, module, extra) from e
        except ValueError:  # in sys.modules without a spec: imported some other way
            found = True
        if not found:
            cause = ModuleNotFoundError(f"No module named {module!r}", name=module)
            raise MissingExtraError(feature, module, extra) from cause
