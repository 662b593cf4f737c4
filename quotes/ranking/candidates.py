"""Who might have said a quotation: every mention in a bounded window around it.

The rules of `quotes.attribution` give at most one mention; the ranker
(`quotes.ranking.model`) chooses among many. A quote's window runs from the
sentence before it (from the previous paragraph, where the quote opens its own)
to the sentence after it, within its paragraph. Its candidates are the rules'
mention, the subject and the object of every reporting cue in the window, even
where they are common-noun phrases the lexicon does not know ("the New York
businessman said", "said an Iowa Democrat"), every name and pronoun of the window
(in an earlier paragraph only with a cue), the name after a dash that ends a quote
("“…” ― Jane Doe"), and the previous quote's mention. Who an "as" clause names ("as
reported by the Herald") is the source of a report, never a candidate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import regex

from quotes.attribution import Attribution, Document, cue_subject, in_as_clause, inside
from quotes.cues import FoundCue
from quotes.lexicon import mention_lexicon, word_lists
from quotes.marks import QuotedSpan
from quotes.mentions import Found, MentionKind, first_starting, mention_after
from quotes.model import SpeakerKind
from quotes.text import WORD, WORD_BACKWARDS
from quotes.words import COMPILED, WordMatch, Words

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["Candidate", "Source", "Window", "candidates", "phrase_after", "phrase_before", "window"]

_BEFORE_CHARS: Final = 1500  # how far back a window reaches at most, so work stays linear
_AFTER_CHARS: Final = 600
_CUES: Final = 24  # cues read in one window at most
_PHRASE_WORDS: Final = 6  # words of a common-noun phrase before or after a cue
# (the word boundary first: the engine tests it faster than the lookbehind, at every position)
# each letter's two cases spelled out, not (?i): that matches "ſhe" and "İt" too (the engine
# folds long s and dotted capital I to s and i), which `str.lower` keeps out of the lexicon
_PRONOUN: Final = regex.compile(
    r"\b(?<![\p{L}\p{N}'\u2019\-])(?:[Hh][Ee]|[Ss][Hh][Ee]|[Tt][Hh][Ee][Yy]|[Ii][Tt]|[Ww][Ee]|[Ii])"
    r"(?![\p{L}\p{N}'\u2019\-])"
)
_DASH: Final = regex.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013\-]{1,2}[ \t\u00a0]*")
_STOP: Final = ',.;:!?()[]"\u201c\u201d\u2018\u2019\u2014\u2013\u2015\n'


class Source:
    """Names of the ways a candidate is found; a candidate may be found in several."""

    RULE: Final = "rule"
    REFERENT: Final = "referent"
    NAME: Final = "name"
    PRONOUN: Final = "pronoun"
    CUE_SUBJECT: Final = "cue_subject"
    CUE_OBJECT: Final = "cue_object"
    PHRASE_BEFORE_CUE: Final = "phrase_before_cue"
    PHRASE_AFTER_CUE: Final = "phrase_after_cue"
    DASH: Final = "dash"
    PREVIOUS: Final = "previous"

    ALL: Final = (
        RULE,
        REFERENT,
        NAME,
        PRONOUN,
        CUE_SUBJECT,
        CUE_OBJECT,
        PHRASE_BEFORE_CUE,
        PHRASE_AFTER_CUE,
        DASH,
        PREVIOUS,
    )


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Candidate:
    """One mention that may name a quotation's speaker.

    Attributes:
        mention: The mention.
        cue: The reporting cue that links it to the quote, if one does.
        sources: How it was found (names of `Source`).
    """

    mention: Found
    cue: FoundCue | None
    sources: frozenset[str]

    def __init__(self, mention: Found, cue: FoundCue | None, sources: frozenset[str]) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "sources", sources)


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Window:
    """The stretch of a document whose mentions may be a quote's speaker.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character.
    """

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


def window(span: QuotedSpan, document: Document) -> Window:
    """The sentence before the quote (the previous paragraph if the quote opens its own)
    to the sentence after it within the quote's paragraph, at most a bounded number of
    characters either side."""
    first = document.sentence_index(span.open_start)
    last = document.sentence_index(max(span.open_start, span.close_end - 1))
    start = document.sentences[max(0, first - 1)][0]
    paragraph = document.paragraph_index(span.open_start)
    paragraph_start = document.paragraphs[paragraph][0]
    if paragraph > 0 and not document.text[paragraph_start : span.open_start].strip(' \t\u00a0"\u201c'):
        start = min(start, document.paragraphs[paragraph - 1][0])
    end = (
        document.sentences[min(len(document.sentences) - 1, last + 1)][1]
        if document.sentences
        else span.close_end
    )
    # never past the quote's paragraph: on PolNeAR training data a mention in the next one was
    # the speaker for 7 of 2,979 ranked quotes, and was a third of all candidates
    closing = document.paragraph_index(max(span.open_start, span.close_end - 1))
    end = min(end, document.paragraphs[closing][1])
    start = max(start, span.open_start - _BEFORE_CHARS)
    end = min(max(end, span.close_end), span.close_end + _AFTER_CHARS)
    return Window(min(start, span.open_start), end)


def candidates(
    span: QuotedSpan,
    document: Document,
    rule: Attribution | None,
    previous: Found | None = None,
    memo: dict[int, list[tuple[Found | None, str]]] | None = None,
) -> list[Candidate]:
    """Every candidate speaker of one quotation, one per distinct span, in order of position.

    Args:
        span: The quotation.
        document: Its document.
        rule: What `quotes.attribution.attribute` found for it.
        previous: The mention of the quotation before it, if any.
        memo: The mentions each cue of the document gives, by the cue's offset, as far
            as known: filled in here, so that a cue near several quotations is read once.

    Returns:
        The candidates, never one inside the quotation itself.
    """
    text = document.text
    area = window(span, document)
    found: _Found = {}

    if rule is not None:
        _add(found, span, rule.mention, rule.cue, Source.RULE)
        _add(found, span, rule.referent, rule.cue, Source.REFERENT)
    first = first_starting(document.names, area.start)
    for name in document.names[first:]:
        if name.start >= area.end:
            break
        if name.end <= area.end:
            _add(found, span, name, None, Source.NAME)
    for pronoun in _pronouns(text, area, document.quoted):
        _add(found, span, pronoun, None, Source.PRONOUN)
    memo = {} if memo is None else memo
    sources: list[Found] = []  # who an "as" clause names: "as reported by the Herald"
    for cue in document.cues_between(area.start, area.end, _CUES):
        found_by_cue = memo.get(cue.start)
        if found_by_cue is None:
            found_by_cue = memo[cue.start] = _cue_mentions(cue, document)
        as_clause = in_as_clause(text, cue)
        for mention, source in found_by_cue:
            if mention is not None and area.start <= mention.start and mention.end <= area.end:
                if as_clause and source in _AFTER_CUE:
                    sources.append(mention)
                else:
                    _add(found, span, mention, cue, source)
    dash = _DASH.match(text, span.close_end)
    if dash is not None and dash.end() > span.close_end:
        _add(
            found,
            span,
            phrase_after(text, dash.end(), min(len(text), dash.end() + 120), document.names),
            None,
            Source.DASH,
        )
    if previous is not None and previous.end <= span.open_start:
        _add(found, span, previous, None, Source.PREVIOUS)
    opening = document.paragraph_index(span.open_start)
    return [
        Candidate(mention, cue, frozenset(found_by))
        for _, (mention, cue, found_by) in sorted(found.items())
        if (
            cue is not None
            or not found_by <= _BARE
            or mention.end > span.open_start
            or document.paragraph_index(mention.start) >= opening
        )
        and (Source.RULE in found_by or not _overlaps(mention, sources))
    ]


# each candidate's mention, cue and the ways it was found, by the mention's offsets
_Found = dict[tuple[int, int], tuple[Found, FoundCue | None, set[str]]]


def _add(found: _Found, span: QuotedSpan, mention: Found | None, cue: FoundCue | None, source: str) -> None:
    """Count `mention` a candidate of the quotation `span`, found by `source` (with its `cue`),
    unless it is none or lies in the quotation's own words. A function, not a closure:
    compiled, a closure is called through Python's protocol."""
    if mention is None or mention.end <= mention.start:
        return
    if mention.start < span.close_end and mention.end > span.open_start:
        return  # the quote's own words
    key = (mention.start, mention.end)
    entry = found.get(key)
    if entry is None:
        found[key] = (mention, cue, {source})
    else:
        entry[2].add(source)
        if entry[1] is None and cue is not None:
            found[key] = (entry[0], cue, entry[2])


def _overlaps(mention: Found, others: Sequence[Found]) -> bool:
    """Whether `mention` shares a character with one of `others`."""
    return any(mention.start < other.end and other.start < mention.end for other in others)


# How a mention is found that is only near a quote: in an earlier paragraph, with no cue and
# no other way found, such a mention named the speaker of 9 of 2,979 quotes the model ranked
# on PolNeAR training data, and was one candidate in seven.
_BARE: Final = frozenset({Source.NAME, Source.PRONOUN})
_AFTER_CUE: Final = frozenset({Source.CUE_OBJECT, Source.PHRASE_AFTER_CUE})


def _cue_mentions(cue: FoundCue, document: Document) -> list[tuple[Found | None, str]]:
    """The subject and the object of a cue, as mentions and as plain phrases."""
    text = document.text
    sentence = document.sentences[document.sentence_index(cue.start)]
    low, high = sentence[0], max(sentence[1], cue.end)
    quote = document.quote_after(cue.end)
    if quote is not None and quote[0] < high:
        high = max(cue.end, quote[0])
    earlier = document.quote_before(cue.start)
    if earlier is not None and earlier[1] > low:
        low = min(cue.start, earlier[1])
    return [
        (cue_subject(text, cue, low, high, document, parsed=False), Source.CUE_SUBJECT),
        (mention_after(text, cue.end, high, document.names), Source.CUE_OBJECT),
        (phrase_before(text, cue.start, low), Source.PHRASE_BEFORE_CUE),
        (phrase_after(text, cue.end, high), Source.PHRASE_AFTER_CUE),
    ]


def _pronouns(text: str, area: Window, quoted: Sequence[tuple[int, int]]) -> list[Found]:
    """The personal pronouns of the window outside quotations."""
    pronouns = mention_lexicon().pronouns
    result = []
    for start, end in _pronoun_spans(text, area.start, area.end):
        if inside(start, quoted):
            continue
        form = text[start:end].lower()
        spec = pronouns[form]
        kind = SpeakerKind.ORGANISATION if spec.organisation else SpeakerKind.UNKNOWN
        if spec.gender:
            kind = SpeakerKind.PERSON
        result.append(
            Found(start, end, MentionKind.PRONOUN, form, kind, gender=spec.gender, plural=spec.plural)
        )
    return result


def _pronoun_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where `_PRONOUN` finds a personal pronoun in ``text[start:end]`` (offsets not below 0),
    in order.

    Compiled, the characters are read in a loop, which tests only the few that can begin a
    pronoun; in pure Python the pattern is faster.
    """
    if not COMPILED:
        return [match.span() for match in _PRONOUN.finditer(text, start, end)]
    position: i64 = max(0, start)
    stop: i64 = min(end, len(text))
    found: list[tuple[int, int]] = []
    while position < stop:
        code: i64 = ord(text[position])
        if code < 128 and _OPENS_PRONOUN[code] and (position == 0 or not _joins(text, position - 1, True)):
            length = _pronoun_at(text, position, stop)
            if length:
                found.append((position, position + length))
                position += length
                continue
        position += 1
    return found


def _pronoun_at(text: str, position: i64, stop: i64) -> i64:
    """The length of the pronoun at `position` that ends a word before `stop`, else 0: what the
    first of `_PRONOUN`'s alternatives that matches there finds."""
    first: i64 = ord(text[position]) | 32  # lowercase: it is one of `_OPENS_PRONOUN`
    if first == 105:  # "it", else "i"
        if _spelt(text, position, stop, "it"):
            return 2
        return 1 if _spelt(text, position, stop, "i") else 0
    form = "he" if first == 104 else "she" if first == 115 else "they" if first == 116 else "we"
    return len(form) if _spelt(text, position, stop, form) else 0


def _spelt(text: str, position: i64, stop: i64, form: str) -> bool:
    """Whether `form` (lowercase ASCII letters), in either case, is a word at `position` that
    ends before `stop` or at it (`_PRONOUN`'s lookahead)."""
    length: i64 = len(form)
    after: i64 = position + length
    if after > stop:
        return False
    index: i64 = 0
    while index < length:
        code: i64 = ord(text[position + index])
        letter: i64 = ord(form[index])
        if code != letter and code != letter - 32:  # the letter in either case, ASCII only
            return False
        index += 1
    return after == stop or not _joins(text, after, False)


def _joins(text: str, index: i64, before: bool) -> bool:
    """Whether ``text[index]`` joins a pronoun to a word: before it, as `_PRONOUN`'s ``\\b``
    and lookbehind say; after it, as its lookahead says."""
    return (_JOINED_BEFORE if before else _JOINED_AFTER).holds(text, index)


# what joins a pronoun to a word, as `regex` reads the classes (`Words` settles ASCII at once)
_JOINED_BEFORE: Final = Words(r"[\w\p{L}\p{N}'\u2019\-]", "")  # no pronoun after it: `\b`, lookbehind
_JOINED_AFTER: Final = Words(r"[\p{L}\p{N}'\u2019\-]", "")  # no pronoun before it: the lookahead
_OPENS_PRONOUN: Final = bytes(chr(code).lower() in "hstwi" for code in range(128))


def phrase_before(text: str, end: int, start: int) -> Found | None:
    """The words right before a cue, back to a determiner, as a description: "the New York
    businessman" in "the New York businessman said"; None where punctuation comes first.

    Args:
        text: The document.
        end: The cue's start.
        start: How far back the phrase may begin.
    """
    gap = word_lists().subject_gap
    words: list[WordMatch] = []
    position = end
    while len(words) < _PHRASE_WORDS:
        word = WORD_BACKWARDS.search(text, max(start, position - 60), position)
        if word is None or any(c in _STOP for c in text[word.end() : position]):
            break
        if not words and word.group().lower() in gap:
            position = word.start()  # "the businessman *also* said"
            continue
        words.append(word)
        position = word.start()
        if word.group().lower() in mention_lexicon().determiners:
            break
    if not words:
        return None
    words.reverse()
    return _phrase(text, words)


def phrase_after(text: str, start: int, end: int, names: Sequence[Found] = ()) -> Found | None:
    """The words right after a cue (or a dash) up to punctuation, as a mention: "an Iowa
    Democrat" in "said an Iowa Democrat."; a name of `names` where one starts there.

    Args:
        text: The document.
        start: The cue's end.
        end: How far the phrase may reach.
        names: The document's names, in order.
    """
    named = mention_after(text, start, end, names) if names else None
    if named is not None:
        return named
    words: list[WordMatch] = []
    position = start
    while len(words) < _PHRASE_WORDS:
        word = WORD.search(text, position, min(end, position + 60))
        if word is None or any(c in _STOP for c in text[position : word.start()]):
            break
        words.append(word)
        position = word.end()
    if not words:
        return None
    return _phrase(text, words)


def _phrase(text: str, words: list[WordMatch]) -> Found | None:
    """A description made of `words`, its head the last one; None where they name no one."""
    stop = word_lists().not_speakers
    determiners = mention_lexicon().determiners
    while words and words[0].group().lower() in stop and words[0].group().lower() not in determiners:
        words = words[1:]
    if not words or words[-1].group().lower() in stop:
        return None
    body = [w.group() for w in words]
    lexicon = mention_lexicon()
    if body[0].lower() in lexicon.determiners and len(body) > 1:
        body = body[1:]
    head = words[-1].group().lower()
    plural = head.endswith("s") and not head.endswith("ss")
    organisation = head in lexicon.organisation_heads
    kind = SpeakerKind.ORGANISATION if organisation else SpeakerKind.UNKNOWN
    if head in lexicon.person_heads:
        kind = SpeakerKind.PERSON
    return Found(
        words[0].start(),
        words[-1].end(),
        MentionKind.DESCRIPTION,
        " ".join(body),
        kind,
        plural=plural,
        head=head,
    )
