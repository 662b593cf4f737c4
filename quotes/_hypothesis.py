"""The package's hypothesis plugin: ``st.from_type(Quote)`` and its parts, registered on load.

Hypothesis calls `setup` through the ``hypothesis`` entry point the package
declares, when hypothesis itself is imported, which may be from inside
`quotes.strategies`: so the strategies are looked up only when first drawn.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["setup"]


def setup() -> None:
    """Register a strategy for `Quote`, `Speaker`, `Mention` and `Cue`; calling it again changes nothing."""
    from hypothesis import strategies as st

    from quotes.model import Cue, Mention, Quote, Speaker

    for kind, name in ((Quote, "quotes"), (Speaker, "speakers"), (Mention, "mentions"), (Cue, "cues")):
        st.register_type_strategy(kind, _later(name))


def _later(name: str) -> Callable[[type], Any]:
    """The strategy `quotes.strategies.<name>()`, made when hypothesis first asks for it."""
    return lambda _: getattr(importlib.import_module("quotes.strategies"), name)()
