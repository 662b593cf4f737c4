"""``doc._.quotes``, registered as soon as spaCy's `Doc` exists, without importing spaCy.

`import quotes` calls `install`. Where spaCy's tokens are already imported the
extension is registered at once; otherwise a one-shot import hook registers
it the moment ``spacy.tokens`` finishes importing. The default pipeline needs
no spaCy, so `import quotes` does not load it (half a second and some 70 MB
of memory a process), yet a spaCy user reads ``doc._.quotes`` in any order
of imports.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

__all__ = ["install", "register"]

_NAME = "quotes"
_TOKENS = "spacy.tokens"


def install() -> None:
    """Register ``doc._.quotes`` now if spaCy's tokens are imported, else when they are."""
    if _TOKENS in sys.modules:
        register()
    elif not any(isinstance(finder, _Watcher) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Watcher())


def register() -> None:
    """Register ``doc._.quotes``, once: the quotations the component stored on a doc."""
    from spacy.tokens import Doc

    if not Doc.has_extension(_NAME):
        Doc.set_extension(_NAME, getter=_quotes)


def _quotes(doc: Any) -> Any:
    """The getter: `quotes.component.quotes_of`, imported when first asked."""
    from quotes.component import quotes_of

    return quotes_of(doc)


class _Watcher(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader of ``spacy.tokens`` to register after it runs."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _TOKENS:
            return None
        sys.meta_path.remove(self)  # one shot, and the real finders answer the lookup below
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _RegisterAfter(spec.loader)
        return spec


class _RegisterAfter(importlib.abc.Loader):
    """A loader that runs another, then registers the extension."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        register()
