"""Which cue and which mention a quotation belongs to, by the patterns of news writing.

In order of strength of evidence:

- **tail**: a reporting clause right after the quote (``"…," X said``,
  ``"…," said X``, ``"…," X, the spokesman, added``);
- **head**: a cue before the quote in its sentence (``X said: "…"``,
  ``X said that "…"``, ``According to X, "…"``, the second half of a split
  quote ``"…," he said, "…"``), or a sentence ending in a colon just before;
- **subject**: a speaker right before a quoted fragment with no cue
  (``both leaders "expressed the hope"``) or before a colon (``Peskov: "…"``);
- **next sentence**: a cue that follows in the next sentence of the paragraph;
- **continuation**: a quote with no cue of its own continues the speaker of
  the quote before it in the paragraph, or of the paragraph before.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Final

import regex

from quotes.bisection import first_above, first_from, first_pair_above
from quotes.cues import FoundCue, cues_in
from quotes.lexicon import mention_lexicon, word_lists
from quotes.marks import Bounds, QuotedSpan, as_bounds
from quotes.mentions import Found, MentionKind, extended, first_starting, mention_after, mention_before
from quotes.model import SpeakerKind
from quotes.text import (
    LETTERS,
    LETTERS_BACKWARDS,
    blank,
    blanks_then,
    last_chars,
    skip_blanks_back,
    skip_space,
    skip_space_back,
)
from quotes.words import WordMatch

__all__ = [
    "LISTED",
    "Attribution",
    "Document",
    "Evidence",
    "attribute",
    "continues",
    "cue_subject",
    "in_as_clause",
    "inside",
    "issued_by",
    "opens_after",
    "subject_before",
]

_LEAD: Final = " \t\u00a0,\u2014\u2013-"  # what may stand between a quote and its reporting clause
_TAIL_WORDS: Final = 12  # the reporting clause after a quote starts within this many words
LISTED: Final = 4096
"""Offsets kept in a list, at most: a document's quotations, a resolver's sentence openings.
Compiled code reads a list's items in place, where an array boxes each item it gives; past
this many (a hostile text), an array keeps them in a few bytes each."""

LOOKBACK: Final = 5000  # characters: how far back an antecedent is sought, so work stays linear
NEAREST: Final = 8
"""Cues, names or earlier words a rule reads around one place at most: a sentence of a
hundred cues, names or quotations then costs each of them the same, and news never has so
many in the places these rules read."""


class Evidence(enum.Enum):
    """How a quotation was linked to its speaker, strongest first."""

    # hashed by identity, in C, as members compare: `Enum.__hash__` is Python code, and the rules
    # look members up in tables thousands of times per document
    __hash__ = object.__hash__

    TAIL = "tail"
    HEAD = "head"
    SUBJECT = "subject"
    NEXT_SENTENCE = "next sentence"
    CONTINUATION = "continuation"


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Attribution:
    """The cue and mention of one quotation.

    Attributes:
        mention: The words naming the speaker at the quote, if found.
        cue: The reporting cue, if any.
        evidence: Which pattern linked them.
        referent: Where the mention is a document ("the report"), the
            mention of its issuer, if found.
    """

    mention: Found | None
    cue: FoundCue | None
    evidence: Evidence
    referent: Found | None

    def __init__(
        self, mention: Found | None, cue: FoundCue | None, evidence: Evidence, referent: Found | None = None
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "referent", referent)


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Document:
    """What attribution needs to know of a document.

    Attributes:
        text: The document.
        sentences: Sentence ``(start, end)`` offsets, in order.
        paragraphs: Paragraph ``(start, end)`` offsets, in order.
        quoted: Outermost quotations ``(open_start, close_end)``, in order, kept as
            `Bounds` (any sequence of pairs is converted).
        names: The names of `quotes.mentions.names`, in order.
        subjects: Subjects of verbs from a trained parser, by the verb's
            offset (`quotes.trained.verb_subjects`); empty without one.
        reports: What each cue reports, by the cue's offset, as far as it has been
            read (`quotes.indirect` fills it in, so that the reported speech, the rules
            and the ranker read each cue once).
    """

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    quoted: Bounds
    names: list[Found]
    subjects: dict[int, tuple[int, int]]
    cues: list[FoundCue] = dataclasses.field(init=False, compare=False, repr=False)
    _cue_starts: list[int] = dataclasses.field(init=False, compare=False, repr=False)
    _sentence_starts: list[int] = dataclasses.field(init=False, compare=False, repr=False)
    _paragraph_starts: list[int] = dataclasses.field(init=False, compare=False, repr=False)
    _quote_starts: Sequence[int] = dataclasses.field(init=False, compare=False, repr=False)
    _quote_ends: Sequence[int] = dataclasses.field(init=False, compare=False, repr=False)
    reports: dict[int, object] = dataclasses.field(init=False, compare=False, repr=False)

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]],
        quoted: Sequence[tuple[int, int]],
        names: list[Found],
        subjects: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "quoted", as_bounds(quoted))
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "subjects", {} if subjects is None else subjects)
        # every cue of the document, found once: attribution then only slices this list
        cues = cues_in(self.text, 0, len(self.text), self.quoted)
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "_cue_starts", [cue.start for cue in cues])
        # the starts alone, so that finding a position's sentence compares ints, not tuples
        object.__setattr__(self, "_sentence_starts", [start for start, _ in self.sentences])
        object.__setattr__(self, "_paragraph_starts", [start for start, _ in self.paragraphs])
        # the quotations' offsets as lists where there are few, which compiled code bisects and
        # reads in place (an array boxes each item it gives); a text of very many keeps the
        # arrays, a few bytes a quotation
        few = len(self.quoted) <= LISTED
        object.__setattr__(self, "_quote_starts", list(self.quoted.starts) if few else self.quoted.starts)
        object.__setattr__(self, "_quote_ends", list(self.quoted.ends) if few else self.quoted.ends)
        object.__setattr__(self, "reports", {})

    def cues_between(self, start: int, end: int, limit: int | None = None) -> list[FoundCue]:
        """The cues that lie wholly within ``text[start:end]``, in order; only the first
        `limit` of them if given, so that a stretch full of cues costs no more to ask about."""
        starts, cues = self._cue_starts, self.cues
        low = first_from(starts, start)
        high = first_from(starts, end, low)
        if limit is not None:
            high = min(high, low + limit + 1)  # cues do not overlap: only the last one can reach past `end`
        found: list[FoundCue] = []  # read in place: no slice of the cues, no second one of the result
        for index in range(low, high):
            cue = cues[index]
            if cue.end <= end:
                found.append(cue)
                if len(found) == limit:
                    break
        return found

    def last_cues(self, start: int, end: int, limit: int) -> list[FoundCue]:
        """The last `limit` cues that lie wholly within ``text[start:end]``, in order."""
        low = first_from(self._cue_starts, start)
        high = first_from(self._cue_starts, end)
        cues = [cue for cue in self.cues[max(low, high - limit - 1) : high] if cue.end <= end]
        return cues[-limit:]

    def last_cue(self, start: int, end: int) -> FoundCue | None:
        """The last cue that lies wholly within ``text[start:end]``, if any: ``last_cues(start,
        end, 1)`` without the list."""
        low = first_from(self._cue_starts, start)
        high = first_from(self._cue_starts, end)
        for index in range(high - 1, max(low, high - 2) - 1, -1):  # only the last can reach past `end`
            if self.cues[index].end <= end:
                return self.cues[index]
        return None

    def sentence_index(self, position: int) -> int:
        """Index of the sentence holding `position` (or the one before it)."""
        return max(0, first_above(self._sentence_starts, position) - 1)

    def paragraph_index(self, position: int) -> int:
        """Index of the paragraph holding `position` (or the one before it)."""
        return max(0, first_above(self._paragraph_starts, position) - 1)

    def quote_before(self, position: int) -> tuple[int, int] | None:
        """The last quotation that closes at or before `position`."""
        starts, ends = self._quote_starts, self._quote_ends
        index = first_above(starts, position) - 1
        while index >= 0 and ends[index] > position:
            index -= 1
        return (starts[index], ends[index]) if index >= 0 else None

    def quote_after(self, position: int) -> tuple[int, int] | None:
        """The first quotation that opens at or after `position`."""
        starts = self._quote_starts
        index = first_from(starts, position)
        return (starts[index], self._quote_ends[index]) if index < len(starts) else None

    def quotes_within(self, start: int, end: int) -> int:
        """The number of quotations wholly within ``text[start:end]``."""
        starts, ends = self._quote_starts, self._quote_ends
        low = first_from(starts, start)
        high = first_from(starts, end, low)
        count = 0
        for index in range(low, high):
            if ends[index] <= end:
                count += 1
        return count


def attribute(
    spans: Sequence[QuotedSpan],
    document: Document,
    reports: Callable[[FoundCue], bool] | None = None,
) -> list[Attribution | None]:
    """Link each quotation to its cue and speaker mention.

    Args:
        spans: The quotations to attribute, in order.
        document: The document around them.
        reports: Whether a cue introduces reported speech of its own (see
            `quotes.indirect.reports`); such a cue in the next sentence is not
            a cue-less quotation's.

    Returns:
        One attribution per span, None where the text gives no speaker.
    """
    results: list[Attribution | None] = []
    previous: tuple[QuotedSpan, Attribution] | None = None
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        found = _tail(span, document)
        if found is not None and found.cue is not None and found.cue.subject_follows:
            # "Pelosi called it a "breach," according to NBC": the source is not the speaker
            head = _head(span, document)
            if head is not None and head.mention is not None and head.cue is not None:
                found = head
        found = found or _head(span, document)
        if found is None:
            found = _next_sentence(span, document)
            if (
                found is not None
                and previous
                and continues(previous[0], span, document)
                and (
                    _introduces_next(found, following, document)
                    or (reports is not None and found.cue is not None and reports(found.cue))
                )
            ):
                # '"B." Marek Petrov said: "C."' or '... said that C': B goes on with the previous speaker
                found = None
        if (found is None or found.mention is None) and previous and continues(previous[0], span, document):
            cue = found.cue if found is not None else None
            found = Attribution(
                previous[1].mention, cue or previous[1].cue, Evidence.CONTINUATION, previous[1].referent
            )
        if found is not None and found.mention is not None and found.mention.kind is MentionKind.DOCUMENT:
            end = document.sentences[document.sentence_index(found.mention.end)][1]
            issuer = _issuer(document.text, found.mention, end, document)
            found = Attribution(
                found.mention, found.cue, found.evidence, issuer if issuer is not found.mention else None
            )
        results.append(found)
        if found is not None and found.mention is not None:
            previous = (span, found)
    return results


def _tail(span: QuotedSpan, document: Document) -> Attribution | None:
    """``"…," X said`` / ``"…," said X``: a reporting clause right after the quote."""
    text = document.text
    start = span.close_end
    sentence = document.sentences[document.sentence_index(start)]
    stop = sentence[1] if sentence[1] > start else start
    following = document.quote_after(start)
    if following is not None and following[0] < stop:
        stop = following[0]
    if stop <= start:
        return None
    for cue in document.cues_between(start, min(stop, start + 200), 1):  # only the first cue can close
        if len(LETTERS.findall(text, start, cue.start)) > _TAIL_WORDS:
            return None
        lead = text[start : cue.start]
        if "\n" in lead:
            return None
        participle = text[cue.start : cue.end].lower().endswith("ing")
        if lead.strip(_LEAD) == "and" or (participle and not lead.strip(_LEAD)):
            # 'The State Department gave its "…" and said'; 'X said "…", adding'
            mention = _sentence_subject(text, cue, document)
            return Attribution(mention, cue, Evidence.TAIL) if mention else None
        if not lead.strip(_LEAD):
            mention = _issuer(text, mention_after(text, cue.end, stop, document.names), stop, document)
            if mention is not None and mention.kind is not MentionKind.NAME:
                mention = _apposed_after(text, mention, stop, document)  # "said his father, Abdullah Kurdi,"
            return Attribution(mention, cue, Evidence.TAIL) if mention else None
        mention = subject_before(text, cue.start, start, document)
        if mention is not None and _opens_clause(text, start, mention, document):
            return Attribution(mention, cue, Evidence.TAIL)
    return None


def _opens_clause(text: str, start: int, mention: Found, document: Document) -> bool:
    """Whether `mention` (or a description in apposition before it) opens the clause after a quote."""
    lead = text[start : mention.start]
    if not lead.strip(_LEAD):
        return True
    position = start + len(lead) - len(lead.lstrip(_LEAD))
    apposed = mention_after(text, position, mention.start, document.names)
    return apposed is not None and not text[apposed.end : mention.start].strip(_LEAD)


def _head(span: QuotedSpan, document: Document) -> Attribution | None:
    """A cue before the quote in its sentence, or a sentence ending in a colon just before."""
    text = document.text
    end = span.open_start
    index = document.sentence_index(end)
    start = document.sentences[index][0]
    before = document.quote_before(end)
    if before is not None and before[1] > start:
        start = before[1]
    if blank(text, start, end) and index > 0:
        previous = document.sentences[index - 1]
        if last_chars(text, previous[0], previous[1], 1) == ":":
            start, end = previous[0], previous[1]
            quote = document.quote_before(end)
            if quote is not None and quote[1] > start:
                start = quote[1]
    cues = document.last_cues(start, end, NEAREST)
    source = None
    for cue in reversed(cues):
        mention = cue_subject(text, cue, start, end, document)
        if mention is not None:
            if source is None and cue.subject_follows and mention.kind is MentionKind.DOCUMENT:
                # 'X decided, according to the summary, "…"': the document is X's source, X speaks
                source = Attribution(mention, cue, Evidence.HEAD)
                continue
            return Attribution(mention, cue, Evidence.HEAD)
        if (
            source is None
            and blank(text, start, cue.start)
            and text[cue.start : cue.end].lower().endswith("ing")
        ):
            # 'Calling it "…", Anna Franowska told Reuters': the subject follows the quote
            mention = _after_quote(text, span, document)
            if mention is not None:
                return Attribution(mention, cue, Evidence.HEAD)
    if source is not None:
        return source
    sentence_start = document.sentences[index][0]
    if sentence_start < start:
        # a cue earlier in the sentence, before other quotes: X called it "A" and "B"
        wider = document.last_cues(sentence_start, start, NEAREST)
        for cue in reversed(wider):
            mention = cue_subject(text, cue, sentence_start, end, document)
            if mention is not None:
                return Attribution(mention, cue, Evidence.HEAD)
        cues = cues or wider
    mention = None if cues else subject_before(text, end, start, document, colon=True)
    if mention is not None:
        return Attribution(mention, None, Evidence.SUBJECT)
    if cues:
        return Attribution(None, cues[-1], Evidence.HEAD)
    return None


def _parsed_subject(text: str, cue: FoundCue, document: Document) -> Found | None:
    """The subject a trained parser gives the cue, read as a mention; None without a parser."""
    span = document.subjects.get(cue.start)
    if span is None or inside(span[0], document.quoted):
        return None
    mention = mention_before(text, span[1], span[0], document.names)
    if mention is None:
        return None
    return _apposed_before(text, mention, span[0], document)


def _after_quote(text: str, span: QuotedSpan, document: Document) -> Found | None:
    """The mention right after a quote and its comma."""
    sentence = document.sentences[document.sentence_index(span.close_end)]
    position = span.close_end
    while position < sentence[1] and text[position] in _LEAD:
        position += 1
    mention = mention_after(text, position, sentence[1], document.names)
    return _apposed_after(text, mention, sentence[1], document) if mention is not None else None


def _inverted(text: str, cue: FoundCue, end: int, document: Document) -> Found | None:
    """``said Peskov: "…"``: a speaker right after the cue, then a colon or comma."""
    mention = mention_after(text, cue.end, end, document.names)
    if mention is None:
        return None
    position = skip_space(text, mention.end, end)
    if position < end and text[position] in ":,":
        position = skip_space(text, position + 1, end)
    return mention if position == end else None  # nothing but a colon or a comma follows


def cue_subject(
    text: str, cue: FoundCue, start: int, end: int, document: Document, *, parsed: bool = True
) -> Found | None:
    """The speaker of a cue within ``text[start:end]``, wherever news puts it.

    With `parsed` false, a trained parser's subject is never used.
    """
    if in_as_clause(text, cue, start) or _in_relative(text, start, cue.start):
        return None  # "as reported by Hurriyet Daily News": a source, not the speaker
    if cue.subject_follows:
        return _issuer(text, mention_after(text, cue.end, end, document.names), end, document)
    passive = _BY.match(text, cue.end, end) if blanks_then(text, cue.end, end, "by") else None
    if passive is not None:  # "he was told by Emergencies Minister Yevgeny Zinichev"
        return mention_after(text, passive.end(), end, document.names)
    before = last_chars(text, start, _skip_gap(text, cue.start, start), 8)  # enough for ", and"
    participle = text[cue.start : cue.end].lower().endswith("ing") and (
        before.endswith((",", "\u2014", "\u2013")) or _last_word_in(before, word_lists().participle_openers)
    )
    if participle or _coordinated(before):
        # "X spoke out against the attack, calling it ..."; "X opposed it and said ..."
        return _sentence_subject(text, cue, document)
    mention = subject_before(text, cue.start, start, document)
    if mention is None and blank(text, start, cue.start, _LEAD):
        mention = _inverted(text, cue, end, document)
    if mention is None and parsed:
        mention = _parsed_subject(text, cue, document)
    return _issuer(text, mention, end, document)


_AS_BEFORE: Final = regex.compile(r"(?:^|[^\p{L}])[Aa]s[ \t\u00a0]+$")


def in_as_clause(text: str, cue: FoundCue, start: int = 0) -> bool:
    """Whether "as" opens the clause of `cue` ("as reported by the Herald"): whoever it names is
    the source of a report, not the speaker. `start` bounds how far back to look."""
    return _as_before(text, max(start, cue.start - 8), cue.start)


def _as_before(text: str, start: int, end: int) -> bool:
    """Whether `_AS_BEFORE` finds "as" at the end of ``text[start:end]``; the engine is asked
    only where an "s" and blanks end it, as few cues follow "as"."""
    stop = end - 1 if text[end - 1 : end] == "\n" else end  # `$` matches before a final line break too
    before = skip_blanks_back(text, start, stop)
    if before == stop or before - 1 < start or text[before - 1] != "s":
        return False
    return _AS_BEFORE.search(text, start, end) is not None


# a cue inside a parenthetical relative clause: "— which the BBC noted as unusual —"
_RELATIVE: Final = regex.compile(r"[\u2014\u2013(][ \t\u00a0]*(?:which|as|who)\b[^\u2014\u2013()]*$")
_RELATIVE_OPENS: Final = regex.compile(r"[ \t\u00a0]*(?:which|as|who)\b")  # `_RELATIVE` after its dash
_BY: Final = regex.compile(r"[ \t\u00a0]+by[ \t\u00a0]+")
_ISSUED_BY: Final = regex.compile(r"[^.;:\"\u201c\u201d]{0,40}?\b(?:by|from)[ \t\u00a0]+")


def _in_relative(text: str, start: int, end: int) -> bool:
    """Whether `_RELATIVE` finds a clause in ``text[start:end]``: no dash or bracket may follow
    the one that opens it, so only the last one can, and the engine reads only the words
    after it, not every character of the sentence before the cue."""
    opened = max(
        text.rfind("\u2014", start, end), text.rfind("\u2013", start, end), text.rfind("(", start, end)
    )
    return (
        opened >= 0
        and text.find(")", opened, end) < 0
        and _RELATIVE_OPENS.match(text, opened + 1, end) is not None
    )


def _coordinated(before: str) -> bool:
    """Whether the words before a cue end in "and" or "but": "X opposed it and said"."""
    for word in ("and", "but"):  # runs for every cue: a plain loop, no call per word
        if before.endswith(word) and (len(before) == len(word) or before[-len(word) - 1].isspace()):
            return True
    return False


def _last_word_in(before: str, words: Iterable[str]) -> bool:
    """Whether `before` ends in one of the lowercase `words`, as a whole word."""
    for word in words:
        if before.endswith(word) and (len(before) == len(word) or before[-len(word) - 1].isspace()):
            return True
    return False


def issued_by(text: str, document: Found, end: int, names: Sequence[Found]) -> Found | None:
    """The issuer a document names after it, before `end`: "a statement released by *X*",
    "a tweet on Monday by *X*"."""
    by = _ISSUED_BY.match(text, document.end, end)
    return mention_after(text, by.end(), end, names) if by is not None else None


def _issuer(text: str, mention: Found | None, end: int, document: Document) -> Found | None:
    """Who issued a document: "a statement released by *Erdogan's office*"."""
    if mention is None or mention.kind is not MentionKind.DOCUMENT:
        return mention
    issuer = issued_by(text, mention, end, document.names)
    if issuer is not None:
        return issuer
    released = _RELEASED.search(text, max(0, mention.start - 40), mention.start)
    if released is not None:  # "They released a statement which said"
        sentence_start = document.sentences[document.sentence_index(released.start())][0]
        issuer = subject_before(text, released.start(), sentence_start, document)
        if issuer is not None:
            return issuer
    if text[mention.start : mention.start + 4].lower() != "the " or not mention.head:
        return mention
    if "'s " in mention.name or "\u2019s " in mention.name:
        return mention  # "the court's summary": its owner issued it
    # "the statement" refers back to "in a statement", whose sentence names the issuer
    head = regex.compile(rf"(?ri)\b{regex.escape(mention.head)}\b")
    for earlier in islice(head.finditer(text, max(0, mention.start - LOOKBACK), mention.start), NEAREST):
        if inside(earlier.start(), document.quoted):
            continue
        sentence = document.sentences[document.sentence_index(earlier.start())]
        for cue in document.cues_between(sentence[0], sentence[1], NEAREST):
            subject = subject_before(text, cue.start, sentence[0], document)
            if subject is not None and subject.kind is MentionKind.NAME:
                return subject
        break
    # "..., according to the Kremlin press service."
    source = _SOURCE.search(text, max(0, mention.start - LOOKBACK), mention.start)
    if source is not None:
        found = mention_after(text, source.end(), len(text), document.names)
        if found is not None and found.speaker_kind is SpeakerKind.ORGANISATION:
            return found
    return mention


_RELEASED: Final = regex.compile(
    r"\b(?:released|issued|published|posted|put[ \t\u00a0]+out|sent|made)"
    r"[ \t\u00a0]+(?:[\p{L}']+[ \t\u00a0]+)?$"
)
_SOURCE: Final = regex.compile(r"(?ri)\baccording[ \t\u00a0]+to[ \t\u00a0]+")


def inside(position: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether `position` falls inside one of the ordered spans `quoted`."""
    if isinstance(quoted, Bounds):  # a document's quotations: bisect their arrays
        index = quoted.first_after(position) - 1
        return index >= 0 and position < quoted.ends[index]
    index = first_pair_above(quoted, position) - 1
    return index >= 0 and quoted[index][0] <= position < quoted[index][1]


def _sentence_subject(text: str, cue: FoundCue, document: Document) -> Found | None:
    """The subject of the sentence a participle or a coordinated cue belongs to."""
    start = document.sentences[document.sentence_index(cue.start)][0]
    for earlier in document.cues_between(start, cue.start, NEAREST):
        before = last_chars(text, start, earlier.start, 1)
        if before == "," and text[earlier.start : earlier.end].lower().endswith("ing"):
            continue
        mention = subject_before(text, earlier.start, start, document)
        if mention is not None:
            return mention
    mention = mention_after(text, start, cue.start, document.names)
    if mention is not None:
        return _apposed_after(text, mention, cue.start, document)
    first = first_starting(document.names, start)
    for name in document.names[first : first + NEAREST]:
        if name.start >= cue.start:
            break
        if name.kind is MentionKind.NAME and name.speaker_kind is not SpeakerKind.UNKNOWN:
            return name
    return None


def _apposed_after(text: str, mention: Found, end: int, document: Document) -> Found:
    """Prefer the name in "One of these groups, the Syrian Democratic Forces (SDF), said"."""
    if mention.kind is MentionKind.NAME:
        return mention
    comma = _COMMA.match(text, mention.end, end)
    if comma is None:
        return mention
    name = mention_after(text, comma.end(), end, document.names)
    if (
        name is not None
        and name.kind is MentionKind.NAME
        and _COMMA.match(text, _skip_acronym(text, name.end), end)
    ):
        return name
    return mention


_ORIGIN: Final = regex.compile(r"[ \t\u00a0]+(?:from|of|at)[ \t\u00a0]+[^,.;:()\"\u201c\u201d\n]{1,40}$")
_COMMA: Final = regex.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")
_ACRONYM_AFTER: Final = regex.compile(r"[ \t\u00a0]*\([^()\n]{1,12}\)")


def _skip_acronym(text: str, position: int) -> int:
    match = _ACRONYM_AFTER.match(text, position)
    return match.end() if match else position


def _skip_gap(text: str, position: int, start: int) -> int:
    """Move `position` back over adverbs, auxiliaries and time phrases ("Erdogan *on Tuesday* told")."""
    lists = word_lists()
    while True:
        # runs before every cue's subject: the common word, a name or a noun, fails the cheap tests first
        word = LETTERS_BACKWARDS.search(text, max(start, position - 40), position)
        if word is None or text[word.end() : position].strip():
            return position
        form = word.group()
        lower = form.lower()
        if lower in lists.subject_gap or (lower.endswith("ly") and _adverb(form, lists.not_adverbs)):
            position = word.start()
            continue
        if "'" in form or "\u2019" in form:  # "they've said", "he's suggesting": the subject ends before
            kept = _contraction(form)
            return word.start() + kept if kept else position
        if lower == "to":  # "Jones continued to insist", "Jones went on to say"
            verb = _word_before(text, word.start(), start)
            if verb is not None and verb.group() == "on":
                verb = _word_before(text, verb.start(), start)
            if verb is None or verb.group() not in lists.catenatives:
                return position
            position = verb.start()
            continue
        if lower not in lists.time_words:
            return position
        time = _time_start(text, word, start)
        if time is None:
            return position
        position = time


def _word_before(text: str, position: int, start: int) -> WordMatch | None:
    """The word that ends right before `position`, with only spaces between."""
    word = LETTERS_BACKWARDS.search(text, max(start, position - 40), position)
    if word is None or text[word.end() : position].strip():
        return None
    return word


def _contraction(word: str) -> int:
    """The length of `word` without a contracted auxiliary: 4 for "they've", 2 for "he's"; 0 if none."""
    apostrophe = max(word.rfind("'"), word.rfind("\u2019"))
    if apostrophe <= 0:
        return 0
    lists = word_lists()
    suffix = word[apostrophe + 1 :].lower()
    if suffix in lists.contractions:
        return apostrophe
    if suffix == "s" and word[:apostrophe].lower() in lists.contracting_pronouns:
        return apostrophe  # "he's said"; "Ford's" is a possessive
    return 0


def _adverb(word: str, not_adverbs: frozenset[str]) -> bool:
    """Whether a word is an adverb of manner by its form: "Jones *privately* conceded"."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in not_adverbs


def _time_start(text: str, word: WordMatch, start: int) -> int | None:
    """The start of a time phrase ending in `word`: "*on Tuesday*", "*this week*", "*Tuesday night*".

    A weekday stands alone; another time word ("week", "night") needs an opener
    or a weekday before it. None when `word` ends no time phrase.
    """
    lists = word_lists()
    weekday = word.group()[:1].isupper()  # the time words that are capitalised are the weekdays
    position = word.start()
    before = _word_before(text, position, start)
    if (
        not weekday
        and before is not None
        and before.group()[:1].isupper()
        and before.group().lower() in lists.time_words
    ):  # "Tuesday night"
        weekday = True
        position = before.start()
        before = _word_before(text, position, start)
    if before is not None and before.group().lower() in lists.time_openers:
        return before.start()
    return position if weekday else None


def subject_before(
    text: str, end: int, start: int, document: Document, *, colon: bool = False
) -> Found | None:
    """The speaker ending before `end`, past adverbs and one parenthetical ("X, the spokesman, said")."""
    position = end
    if colon:
        position = skip_space_back(text, start, end)
        if position == start:
            return None
        if text[position - 1] == ":":
            position -= 1
    position = _skip_gap(text, position, start)
    mention = mention_before(text, position, start, document.names)
    if mention is not None:
        return _apposed_before(text, mention, start, document)
    if colon:
        return None
    opened = _parenthetical_start(text, position, start)
    if opened is not None:  # "Jones — who ran the port for years — said", "Jones (a Democrat) said"
        mention = mention_before(text, _skip_gap(text, opened, start), start, document.names)
        if mention is not None:
            return _apposed_before(text, mention, start, document)
    origin = _ORIGIN.search(text, max(start, position - 60), position)
    if origin is not None:  # "Regina Ip from the pro-Beijing camp said"
        named = _with_origin(text, mention_before(text, origin.start(), start, document.names), position)
        if named is not None:
            return named
    close = skip_space_back(text, start, position) - 1
    if close < start or text[close] != ",":
        return None
    if text.startswith("who", position):  # "the board met Lena Ford, who said": who she is
        antecedent = mention_before(text, close, start, document.names)
        if antecedent is not None and antecedent.kind is not MentionKind.PRONOUN:
            return _apposed_before(text, antecedent, start, document)
    comma = text.rfind(",", max(start, close - 150), close)
    if comma < 0 or any(c in text[comma:close] for c in '"\u201c\u201d;:\n'):
        return None
    inner = mention_before(text, close, comma + 1, document.names)
    outer_end = _skip_gap(text, comma, start)
    outer = mention_before(text, outer_end, start, document.names)
    if inner is not None and text[comma + 1 : inner.start].strip():
        inner = None  # the parenthetical is more than a mention
    if outer is None and (inner is None or inner.kind is not MentionKind.NAME):
        # two parentheticals: "Rep. Dana Whitfield, D-N.Y., one of the bill's sponsors, said",
        # "Jones, 54, a retired teacher, said"
        earlier = text.rfind(",", max(start, comma - 40), comma)
        if earlier >= 0 and not any(c in text[earlier:comma] for c in '"\u201c\u201d;:\n'):
            outer = mention_before(text, _skip_gap(text, earlier, start), start, document.names)
    if inner is not None and inner.kind is MentionKind.NAME:
        organisation = outer is not None and outer.speaker_kind is SpeakerKind.ORGANISATION
        if (
            outer is None
            or outer.kind is not MentionKind.NAME
            or (organisation and inner.speaker_kind is not SpeakerKind.ORGANISATION)
        ):
            return inner  # "the director of Amnesty International, Mariela Belski, said"
    return outer or inner


def _parenthetical_start(text: str, position: int, start: int) -> int | None:
    """Where a parenthetical closing right before `position` opens: "X *— who ran the port —*".

    Dashes or brackets, at most 200 characters apart, with no quotation mark,
    semicolon or line break inside. None when no parenthetical closes there.
    """
    close = skip_space_back(text, start, position) - 1
    if close <= start:
        return None
    mark = text[close]
    if mark == ")":
        opening = text.rfind("(", max(start, close - 200), close)
        if opening < 0 or ")" in text[opening + 1 : close]:
            return None
    elif mark == "-" and text[close - 1] == "-":  # "X -- who ran the port -- said"
        opening = text.rfind("--", max(start, close - 200), close - 1)
        if opening < 0:
            return None
    elif mark in "\u2014\u2013" or (mark == "-" and text[close - 1] == " "):
        opening = text.rfind(mark, max(start, close - 200), close)
        if opening < 0 or (mark == "-" and text[opening - 1 : opening + 2] != " - "):
            return None
    else:
        return None
    if any(c in text[opening:close] for c in '"\u201c\u201d;\n'):
        return None
    return opening


def _with_origin(text: str, mention: Found | None, end: int) -> Found | None:
    """A person, or people, with where they come from: "Regina Ip *from the pro-Beijing camp*".

    A name stays the name; a description of people takes its origin into its
    words ("critics from across the political spectrum"), which name no one without it.
    """
    if mention is None:
        return None
    if mention.kind is MentionKind.NAME:
        return mention if mention.speaker_kind is not SpeakerKind.ORGANISATION else None
    if (
        mention.kind is not MentionKind.DESCRIPTION
        or mention.speaker_kind is not SpeakerKind.PERSON
        or mention.head == "percent"  # a share reads its own "of": "40 percent of the budget" is none
    ):
        return None
    end = skip_space_back(text, mention.end, end)
    last = LETTERS_BACKWARDS.search(text, mention.end, end)
    if last is None or last.group().lower() in mention_lexicon().determiners:
        return None  # "One of the stated goals": "of the" is no origin, "stated" no cue of this
    return extended(mention, end, mention.name + text[mention.end : end])


def _apposed_before(text: str, mention: Found, start: int, document: Document) -> Found:
    """Prefer the name in "Fahrettin Altun, presidential communication director said"."""
    if mention.kind is MentionKind.NAME or mention.kind is MentionKind.PRONOUN:
        return mention
    comma = text.rfind(",", max(start, mention.start - 3), mention.start)
    if comma < 0 or text[comma + 1 : mention.start].strip():
        return mention
    name = mention_before(text, comma, start, document.names)
    if (
        name is None
        or name.kind is not MentionKind.NAME
        or not blank(text, start, name.start, _LEAD + '"\u201d')
    ):
        return mention  # "The entire crew were Iranians, the army said": the name ends a clause
    return name


def _next_sentence(span: QuotedSpan, document: Document) -> Attribution | None:
    """A quote whose cue follows in the next sentence of its paragraph."""
    index = document.sentence_index(span.close_end) + 1
    if index >= len(document.sentences):
        return None
    start, end = document.sentences[index]
    if document.paragraph_index(start) != document.paragraph_index(span.close_end):
        return None
    quote = document.quote_after(start)
    if quote is not None and quote[0] < end:
        end = quote[0]  # 'McGurk later wrote, "…"': the cue must come before the next quote
    for cue in document.cues_between(start, end, 1):
        mention = cue_subject(document.text, cue, start, end, document)
        if mention is not None:
            return Attribution(mention, cue, Evidence.NEXT_SENTENCE)
    return None


def _introduces_next(found: Attribution, following: QuotedSpan | None, document: Document) -> bool:
    """Whether the cue of a next-sentence attribution is the head cue of the quotation that
    follows it ('Marek Petrov said: "…"', 'According to X, "…"', 'Y called it "…"')."""
    if found.cue is None or following is None:
        return False
    head = _head(following, document)
    return head is not None and head.cue is not None and head.cue.start == found.cue.start


def continues(previous: QuotedSpan, span: QuotedSpan, document: Document) -> bool:
    """Whether `span` continues the speaker of `previous`: same paragraph, or the next one opening with it."""
    before = document.paragraph_index(previous.close_end)
    return document.paragraph_index(span.open_start) == before or opens_after(span, before, document)


def opens_after(span: QuotedSpan, paragraph: int, document: Document) -> bool:
    """Whether `span` opens the paragraph right after the one numbered `paragraph`."""
    this = document.paragraph_index(span.open_start)
    return this - paragraph == 1 and blank(document.text, document.paragraphs[this][0], span.open_start)
