"""A drop-in for textacy's direct quotation extractor, token for token.

textacy users switch with one import::

    # from textacy.extract.triples import direct_quotations
    from quotes.compat import direct_quotations

    for speaker, cue, content in direct_quotations(doc):
        ...

The triples follow textacy's conventions: ``content`` is the quotation with
its quotation marks; ``speaker`` is the head of the words naming the speaker
with its conjuncts and compounds ("Dmitry Peskov", never "the"); ``cue`` is
the reporting verb with its auxiliaries and negation ("did n't disclose");
a quotation without a speaker or a cue verb, of fewer than two words, or of
title-case words only (a book's title) gives no triple. Where textacy is
installed, each triple is a ``textacy.extract.triples.DQTriple``.

What differs is which quotations are found and who is named: the mention
the library chose for a quotation (its nearest mention, a resolved pronoun)
rather than the subject of the nearest reporting verb; mixed quotations
too; an odd number of quotation marks costs only the quotations next to the
stray mark instead of a `ValueError`; and on a doc without a parse (a blank
pipeline) the speaker is its mention's words less a leading determiner, the
cue its words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import NamedTuple, cast

from spacy.tokens import Doc, Span, Token

from quotes.component import covering_span, quotes_of, stored_group
from quotes.extract import Extractor
from quotes.lexicon import mention_lexicon
from quotes.model import QuoteKind

__all__ = ["DQTriple", "direct_quotations"]

_QUOTED = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED})


class DQTriple(NamedTuple):
    """A direct quotation, shaped as textacy's ``DQTriple`` (which is used instead where installed).

    Attributes:
        speaker: The tokens naming the speaker at this quotation, in order.
        cue: The tokens of the reporting verb, in order.
        content: The quotation, with its quotation marks.
    """

    speaker: list[Token]
    cue: list[Token]
    content: Span


@functools.cache
def _triple_class() -> Callable[[list[Token], list[Token], Span], DQTriple]:
    """textacy's ``DQTriple`` where textacy is installed, else this module's, of the same fields."""
    try:
        from textacy.extract.triples import DQTriple as TextacyTriple
    except ImportError:
        return DQTriple
    return cast(Callable[[list[Token], list[Token], Span], DQTriple], TextacyTriple)


@functools.cache
def _extractor() -> Extractor:
    return Extractor(kinds=_QUOTED)


def direct_quotations(doc: Doc) -> Iterator[DQTriple]:
    """Yield a (speaker, cue, content) triple for each attributed direct or mixed quotation of `doc`.

    Uses the quotations the ``quotes`` component stored on the doc where it
    ran; otherwise finds them, reading the doc's entities and parse where it
    has them (a doc of a trained pipeline) and its text alone where not.

    Args:
        doc: Any `Doc`, from a blank or a trained pipeline.

    Yields:
        The triples in order of position, as textacy builds them.
    """
    make = _triple_class()
    parsed = doc.has_annotation("DEP")
    found = quotes_of(doc) if stored_group(doc) is not None else _extractor().from_doc(doc)
    for quote in found:
        if quote.kind not in _QUOTED or quote.speaker_mention is None or quote.cue is None:
            continue
        content = _with_marks(covering_span(doc, quote.start, quote.end))
        mention = covering_span(doc, quote.speaker_mention.start, quote.speaker_mention.end)
        cue = covering_span(doc, quote.cue.start, quote.cue.end)
        if parsed:
            verb = next((token for token in cue if token.pos_ == "VERB"), None)
            speaker, cue_tokens = (
                (_expand_noun(_head(mention, verb)), _expand_verb(verb)) if verb else ([], [])
            )
        else:
            speaker, cue_tokens = _without_determiner(mention), list(cue)
        if speaker and cue_tokens and _quotation_like(content):
            yield make(speaker, cue_tokens, content)


def _with_marks(span: Span) -> Span:
    """`span` widened by the quotation-mark tokens just outside it, as textacy's content holds them."""
    doc = span.doc
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].is_quote else span.start
    end = span.end + 1 if span.end < len(doc) and doc[span.end].is_quote else span.end
    return doc[start:end]


def _quotation_like(content: Span) -> bool:
    """textacy's test of a quotation: two words or more inside its marks, not all in title case."""
    if len(content) < 4:
        return False
    words = [token for token in content if not (token.is_punct or token.is_stop)]
    return not all(token.is_title for token in words)


def _head(mention: Span, verb: Token) -> Token:
    """The token a mention hangs on: the cue verb's subject where the mention holds it, else its root.

    textacy's speaker is built on the subject of the verb ("Vice President"
    of "Vice President Mike Pence said"), where the mention may be a name in
    apposition to it ("Mike Pence").
    """
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    inside = [token for token in subjects if mention.start <= token.i < mention.end]
    if inside:
        return inside[0]
    named = mention.root  # a name in apposition to the subject: "Vice President Mike Pence said"
    while named.dep_ == "appos" and named.head is not named:
        named = named.head
    return named if named in subjects else mention.root


def _expand_noun(head: Token) -> list[Token]:
    """A noun with its conjuncts and their compounds, in order (textacy's ``expand_noun``)."""
    tokens = [head, *head.conjuncts]
    tokens += [child for token in tokens for child in token.children if child.dep_ == "compound"]
    return sorted(tokens, key=_position)


def _expand_verb(verb: Token) -> list[Token]:
    """A verb with its auxiliaries and negation, in order (textacy's ``expand_verb``)."""
    modifiers = [child for child in verb.children if child.dep_ in ("aux", "auxpass", "neg")]
    return sorted([verb, *modifiers], key=_position)


def _without_determiner(mention: Span) -> list[Token]:
    """A mention's tokens less a leading determiner: the speaker where there is no parse."""
    determiners = mention_lexicon().determiners
    return [token for token in mention if not (token.i == mention.start and token.lower_ in determiners)]


def _position(token: Token) -> int:
    return token.i
