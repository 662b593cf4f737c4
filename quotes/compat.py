"""A drop-in for textacy's direct quotation extractor.

textacy users switch with one import::

    # from textacy.extract.triples import direct_quotations
    from quotes.compat import direct_quotations

    for speaker, cue, content in direct_quotations(doc):
        ...

Differences from textacy's `direct_quotations`: ``content`` is the quoted
words without their quotation marks; a quotation whose speaker or cue is not
found is still yielded, with an empty list in their place; a mixed quotation
(quoted words inside a paraphrase) is yielded too; an odd number of quotation
marks costs only the quotations next to the stray mark instead of a
`ValueError`; and no trained pipeline is needed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from quotes.component import SPANS_KEY, covering_span, quotes_of
from quotes.extract import Extractor
from quotes.model import QuoteKind

__all__ = ["DQTriple", "direct_quotations"]

_QUOTED = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED})


class DQTriple(NamedTuple):
    """A direct quotation, shaped as textacy's ``DQTriple``.

    Attributes:
        speaker: The tokens naming the speaker at this quotation, in order; empty if unknown.
        cue: The tokens of the reporting words, in order; empty if none.
        content: The quoted words, without the quotation marks.
    """

    speaker: list[Token]
    cue: list[Token]
    content: Span


@functools.cache
def _extractor() -> Extractor:
    return Extractor(kinds=_QUOTED)


def direct_quotations(doc: Doc) -> Iterator[DQTriple]:
    """Yield a (speaker, cue, content) triple for each direct or mixed quotation of `doc`.

    Uses the quotations the ``quotes`` component stored on the doc where it
    ran; otherwise finds them, reading the doc's entities and parse where it
    has them (a doc of a trained pipeline) and its text alone where not.

    Args:
        doc: Any `Doc`, from a blank or a trained pipeline.

    Yields:
        The triples in order of position.
    """
    found = quotes_of(doc) if SPANS_KEY in doc.spans else _extractor().from_doc(doc)
    for quote in found:
        if quote.kind not in _QUOTED:
            continue
        mention, cue = quote.speaker_mention, quote.cue
        yield DQTriple(
            speaker=list(covering_span(doc, mention.start, mention.end)) if mention else [],
            cue=list(covering_span(doc, cue.start, cue.end)) if cue else [],
            content=covering_span(doc, quote.start, quote.end),
        )
