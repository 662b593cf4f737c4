"""Which quotations the rules already attribute near-certainly, so the ranker need not.

Two patterns are the ones news writes most and the rules read best:

- ``tail``: a direct quotation closed by its own reporting clause (``"…," Peskov
  said``, ``"…," said the minister``);
- ``head``: a quotation introduced by a named or pronoun speaker and a cue in its
  own paragraph (``Peskov said: "…"``, ``He called the move "reckless"``).

On PolNeAR training data the ranker agrees with the rules on nearly all of them
and is right on few more (0.4 points of speaker accuracy over all quotations).
These quotes keep the rules' attribution, with the rules' accuracy on such
training quotes (``[gate]`` of the model file, one figure per pattern) as its
probability, and cost no candidates or features: the ranker's time goes to the
quotations whose speaker the rules are unsure of.
"""

from __future__ import annotations

from typing import Final

from quotes.attribution import NEAREST, Attribution, Document, Evidence
from quotes.marks import QuotedSpan
from quotes.mentions import MentionKind
from quotes.model import QuoteKind
from quotes.text import WORD

__all__ = ["GATE_WORDS", "HEAD", "PATTERNS", "TAIL", "gated"]

GATE_WORDS: Final = 2
"""Words at most between a tail-gated quote's closing mark and its reporting clause."""

TAIL: Final = "tail"
"""The gate's pattern of a quotation closed by its own reporting clause."""
HEAD: Final = "head"
"""The gate's pattern of a quotation introduced by its speaker and cue."""
PATTERNS: Final = (TAIL, HEAD)
"""Every pattern the gate lets through."""

_HEAD_KINDS: Final = (MentionKind.NAME, MentionKind.PRONOUN)


def gated(span: QuotedSpan, kind: QuoteKind, rule: Attribution | None, document: Document) -> str | None:
    """The pattern by which the rules' attribution of `span` is kept without ranking, if any.

    Args:
        span: The quotation.
        kind: Its kind.
        rule: The rules' attribution of it.
        document: Its document.

    Returns:
        `TAIL`, `HEAD`, or None for a quotation the ranker decides.
    """
    if rule is None or rule.referent is not None or rule.mention is None or rule.cue is None:
        return None
    if rule.evidence is Evidence.TAIL and kind is QuoteKind.DIRECT and _tail(span, rule, document):
        return TAIL
    if rule.evidence is Evidence.HEAD and _head(span, rule, document):
        return HEAD
    return None


def _tail(span: QuotedSpan, rule: Attribution, document: Document) -> bool:
    """A tail clause (cue and mention) right after the closing mark, in its paragraph, whose
    sentence names no source after it ("…," X said, according to CNN)."""
    mention, cue = rule.mention, rule.cue
    if mention is None or cue is None or mention.kind is MentionKind.DOCUMENT:
        return False
    close = span.close_end
    if mention.start < close or cue.start < close:
        return False
    clause = min(mention.start, cue.start)
    end = max(mention.end, cue.end)
    if "\n" in document.text[close:end]:
        return False
    if clause - close > 1 and len(WORD.findall(document.text, close, clause)) > GATE_WORDS:
        return False
    sentence_end = document.sentences[document.sentence_index(cue.start)][1] if document.sentences else end
    later = document.cues_between(cue.end, max(sentence_end, end), NEAREST)
    return not any(other.subject_follows for other in later)


def _head(span: QuotedSpan, rule: Attribution, document: Document) -> bool:
    """A name or a pronoun, then its cue, then the quotation, in one paragraph: "X said: "…"",
    "X called the move "reckless"" (a description or a document is left to the ranker)."""
    mention, cue = rule.mention, rule.cue
    if mention is None or cue is None or mention.kind not in _HEAD_KINDS:
        return False
    if not mention.end <= cue.start or cue.end > span.open_start:
        return False
    return "\n" not in document.text[mention.start : span.open_start]
