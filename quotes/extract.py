"""`extract` and `Extractor`: every quotation of a document, in order."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quotes.direct import Context, classify
from quotes.errors import Errors
from quotes.layout import paragraphs
from quotes.marks import find_quotations, outermost
from quotes.model import Quote, QuoteKind
from quotes.sentences import sentences

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Extractor", "extract"]

_CONFIDENCE = {QuoteKind.DIRECT: 0.9, QuoteKind.MIXED: 0.7, QuoteKind.INDIRECT: 0.6}


class Extractor:
    """Finds quotations with one fixed configuration.

    Args:
        nlp: An optional trained spaCy pipeline; without one the extractor
            needs no model at all.
        kinds: Which kinds of quotation to return; all by default.

    Example:
        >>> from quotes import Extractor
        >>> Extractor()('"We are ready," he said.')[0].text
        'We are ready,'
    """

    def __init__(self, nlp: Language | None = None, *, kinds: Iterable[QuoteKind | str] = tuple(QuoteKind)):
        self.nlp = nlp
        self.kinds = frozenset(QuoteKind(kind) for kind in kinds)

    def __call__(self, text: str) -> list[Quote]:
        """Return every quotation of `text`, in order of position.

        Raises:
            TypeError: `text` is not a `str`.
        """
        _check_text(text)
        paras = paragraphs(text)
        quoted = outermost(find_quotations(text, paras))
        context = Context(
            text=text,
            sentences=sentences(text, paras),
            paragraphs=paras,
            quoted=[(q.open_start, q.close_end) for q in quoted],
        )
        found = []
        for span in quoted:
            kind = classify(span, context)
            if kind is None or kind not in self.kinds:
                continue
            found.append(
                Quote(
                    text=text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                    kind=kind,
                    confidence=_CONFIDENCE[kind],
                )
            )
        return found


def _check_text(text: object) -> None:
    if isinstance(text, str):
        return
    hint = (
        "Decode it first, e.g. data.decode('utf-8', errors='replace')."
        if isinstance(text, (bytes, bytearray, memoryview))
        else "Pass the document's text."
    )
    raise TypeError(Errors.E001.format(type=type(text).__name__, hint=hint))


@functools.cache
def _default() -> Extractor:
    return Extractor()


def extract(text: str) -> list[Quote]:
    """Return every quotation in a news text, in order of position.

    Uses the default `Extractor`: no trained model, all kinds of quotation.

    Args:
        text: The document; any `str` is valid.

    Returns:
        The quotations, each with exact offsets: ``text[q.start:q.end] == q.text``.

    Raises:
        TypeError: `text` is not a `str`.

    Example:
        >>> import quotes
        >>> [q.text for q in quotes.extract('Peskov said: "No comment."')]
        ['No comment.']
    """
    return _default()(text)
