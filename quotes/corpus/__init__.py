"""Quotations across a corpus: one frame of them, speaker tables and repeated quotations.

The frame functions need pandas (``pip install 'news-quotes[pandas]'``).
Importing `quotes` never imports pandas, and neither does importing this
package: `to_frame` and `DTYPES` load it when first used, and `tally` and
`cluster_ids` work on plain rows and texts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quotes.corpus.clustering import cluster_ids, clusters, duplicates
from quotes.corpus.speaker_table import speakers, tally

if TYPE_CHECKING:
    from quotes.corpus.frame import DTYPES, to_frame

__all__ = ["DTYPES", "cluster_ids", "clusters", "duplicates", "speakers", "tally", "to_frame"]


def __getattr__(name: str) -> Any:
    """`to_frame` and `DTYPES`, importing pandas on first use."""
    if name in ("DTYPES", "to_frame"):
        from quotes.corpus import frame

        return getattr(frame, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
