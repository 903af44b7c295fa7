"""Old import paths kept for one release after the rooms moved (see CHANGELOG.md); each warns.

``pipeline.process`` and the other old modules are thin files that hand back the new module
itself (so a test that patches one patches the other); ``pipeline.store``, ``pipeline.evaluate``,
``pipeline.serve`` and ``pipeline.cli``, now rooms, answer their old names through a module
``__getattr__``. Imported by name only, so the import contracts see no edge through here.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any


def warn_moved(old: str, new: str) -> None:
    warnings.warn(f"{old} has moved to {new}; the old name goes in the next release", DeprecationWarning, stacklevel=3)


def alias_module(old: str, new: str) -> ModuleType:
    """Make ``import old`` give the module ``new`` itself (with a DeprecationWarning)."""
    warn_moved(old, new)
    module = importlib.import_module(new)
    sys.modules[old] = module
    return module


def old_names(package: str, new: str) -> Callable[[str], Any]:
    """A ``__getattr__`` for a package that took the place of the module ``new`` now holds."""

    def __getattr__(name: str) -> Any:
        if not name.startswith("__"):
            module = importlib.import_module(new)
            if hasattr(module, name):
                warn_moved(f"{package}.{name}", f"{new}.{name}")
                return getattr(module, name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
