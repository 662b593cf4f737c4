"""Mentions of speakers, found without a trained model.

News names a speaker in four ways: by name, with or without a title
("Kremlin Aide Yuri Ushakov", "Peskov", "the Kremlin"); by a description
("the Turkish president", "a Turkish official", "the press service"); by a
document that speaks for its issuer ("the statement"); and by a pronoun.
`names` finds every name of a document in one linear scan over capitalised
words; `mention_before` and `mention_after` read the mention that ends or
starts at a given offset, the way a reporting cue needs its subject.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import functools
import operator
import sys
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING, Final

import regex

from quotes.lexicon import (
    MentionLexicon,
    abbreviations,
    cue_lexicon,
    given_names,
    mention_lexicon,
    word_lists,
)
from quotes.model import SpeakerKind
from quotes.runs import RunPattern, name_runs
from quotes.text import WORD, WORD_BACKWARDS, letters_before_blanks, opens_sentence, unquoted_pieces
from quotes.words import COMPILED, WordMatch, first_words

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = [
    "Found",
    "MentionKind",
    "end_of",
    "extended",
    "first_ending",
    "first_starting",
    "first_starting_after",
    "mention_after",
    "mention_before",
    "names",
    "start_of",
    "with_description",
]


class MentionKind(enum.Enum):
    """How a mention names its speaker."""

    # hashed by identity, in C, as members compare: `Enum.__hash__` is Python code, and the rules
    # look members up in tables thousands of times per document
    __hash__ = object.__hash__

    NAME = "name"
    DESCRIPTION = "description"
    DOCUMENT = "document"
    PRONOUN = "pronoun"


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Found:
    """A mention of a speaker in a document.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        kind: Name, description, document or pronoun.
        name: For a name, the name without its title; for a description, its
            words without the determiner; for a pronoun, the pronoun, lowercase.
        speaker_kind: Person, organisation or unknown.
        title: Title words before a name, or a description in apposition.
        gender: "male", "female" or None.
        plural: Whether it names several speakers.
        head: The head noun of a description, lowercase.
    """

    start: int
    end: int
    kind: MentionKind
    name: str
    speaker_kind: SpeakerKind
    title: str | None
    gender: str | None
    plural: bool
    head: str | None

    def __init__(
        self,
        start: int,
        end: int,
        kind: MentionKind,
        name: str,
        speaker_kind: SpeakerKind = SpeakerKind.UNKNOWN,
        title: str | None = None,
        gender: str | None = None,
        plural: bool = False,
        head: str | None = None,
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "speaker_kind", speaker_kind)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "plural", plural)
        object.__setattr__(self, "head", head)

    def __hash__(self) -> int:
        # the hash `dataclasses` would make, of the same fields in the same order, written out
        # so that compiled it is C: the resolver keys its answers by mention, at every quotation
        return hash(
            (
                self.start,
                self.end,
                self.kind,
                self.name,
                self.speaker_kind,
                self.title,
                self.gender,
                self.plural,
                self.head,
            )
        )


# Words: a longer run of capitalised words is read in pieces this long. No name is
# (the longest run in the development set has 12 words), and reading a run of a million
# words ("Abc Abc ...") at once would cost memory for each of them.
_RUN_WORDS: Final = 48
_CACHED_RUN: Final = 200  # characters: longer runs are read without remembering them


@functools.cache
def _name_runs() -> RunPattern:
    """The runs of capitalised words (`quotes.runs`), with the lexicon's particles and the
    abbreviations a name may go on after ("Sen.")."""
    dotted = [a for a in abbreviations() if a[:1].isupper() and "." not in a]
    return name_runs(dotted, mention_lexicon().connectors, _RUN_WORDS)


def _run_start(text: str, start: int) -> int:
    """Where a capitalised run starts, with a lowercase prefix ("al-Assad", "pro-Beijing")."""
    if start < 2 or text[start - 1] != "-":
        return start
    position = start - 1
    while position > 0 and start - 1 - position < 3 and "a" <= text[position - 1] <= "z":
        position -= 1
    return position


_TOKEN: Final = regex.compile(r"\S+")
_ARTICLE_BEFORE: Final = regex.compile(r"\b[Tt]he[ \t\u00a0]+$")
_DETERMINER_BEFORE: Final = regex.compile(
    r"(?:^|(?<=[^\p{L}]))(?:[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any|[Oo]ther)"
    r"[ \t\u00a0]+$"
)
_ARTICLE_AFTER: Final = regex.compile(r"[Tt]he[ \t\u00a0]+")
_PREPOSITION_BEFORE: Final = regex.compile(
    r"\b(of|from|in|at|for|to|via|on|by|about|against|over|into|than|like)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$"
)
_QUANTITY_OF: Final = regex.compile(
    r"(?:\b[Aa][ \t\u00a0]+(?:number|group|majority|handful|few)"
    r"|\b(?:[Ss]ome|[Oo]ne|[Mm]any|[Ss]everal|[Mm]ost|[Aa]ll|[Bb]oth|[Ee]ach|[Mm]embers|[Dd]ozens|[Hh]undreds"
    r"|[Tt]wo|[Tt]hree))[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?$"
)
_COMPLEMENTS: Final = frozenset({"of", "from", "in", "at", "for", "to"})
# "the Iranian Revolutionary Guard Corps (IRGC)", "Sen. Lindsey Graham (R-S.C.)"
_ACRONYM_BEFORE: Final = regex.compile(r"[ \t\u00a0]*\([^()\n]{1,24}\)$")
_POSSESSIVE: Final = ("'s", "\u2019s")
# the words `_PREPOSITION_BEFORE` (with the article it may end with) and `_DETERMINER_BEFORE`
# end with, before their blanks: the cheap tests that go first
_PREPOSITION_WORDS: Final = frozenset({
    "of", "from", "in", "at", "for", "to", "via", "on", "by", "about", "against", "over", "into", "than",
    "like", "the",
})  # fmt: skip
_DETERMINER_WORDS: Final = frozenset(
    {"the", "a", "an", "one", "some", "several", "two", "three", "many", "other"}
)

start_of = operator.attrgetter("start")
"""The start of a mention: the key to `bisect` a list of mentions in order."""
end_of = operator.attrgetter("end")
"""The end of a mention: the key to `bisect` a list of mentions in order."""


def first_starting(found: Sequence[Found], position: int, low: int = 0) -> int:
    """The index of the first of the mentions `found`, in order, that starts at `position` or
    later: ``bisect.bisect_left(found, position, low, key=start_of)``, which compiled reads
    each probe's start in place where `found` is a list (`quotes.bisection`), as a document's
    names are; any other sequence is bisected by `bisect`."""
    if not COMPILED or not isinstance(found, list):
        return bisect.bisect_left(found, position, low, key=start_of)
    listed: list[Found] = found  # compiled, a list's items are read in place
    high: i64 = len(listed)
    start: i64 = low
    while start < high:
        middle: i64 = (start + high) // 2
        if listed[middle].start < position:
            start = middle + 1
        else:
            high = middle
    return start


def first_starting_after(found: Sequence[Found], position: int) -> int:
    """The index of the first of the mentions `found`, in order, that starts after `position`:
    ``bisect.bisect_right(found, position, key=start_of)``."""
    if not COMPILED or not isinstance(found, list):
        return bisect.bisect_right(found, position, key=start_of)
    listed: list[Found] = found
    high: i64 = len(listed)
    start: i64 = 0
    while start < high:
        middle: i64 = (start + high) // 2
        if position < listed[middle].start:
            high = middle
        else:
            start = middle + 1
    return start


def first_ending(found: Sequence[Found], position: int) -> int:
    """The index of the first of the mentions `found`, in order of their ends, that ends at
    `position` or later: ``bisect.bisect_left(found, position, key=end_of)``."""
    if not COMPILED or not isinstance(found, list):
        return bisect.bisect_left(found, position, key=end_of)
    listed: list[Found] = found
    high: i64 = len(listed)
    start: i64 = 0
    while start < high:
        middle: i64 = (start + high) // 2
        if listed[middle].end < position:
            start = middle + 1
        else:
            high = middle
    return start


def names(text: str, quoted: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Every name of a person or organisation in `text`, outside quotations.

    A run of capitalised words is split at words that are never names
    (sentence-initial "The", days, months) and between two people ("Putin and
    Erdogan"); title words before a name are its title.

    Args:
        text: The document.
        quoted: ``(open_start, close_end)`` of the quotations, in order; names
            inside them are skipped.

    Returns:
        The names, in order of position.
    """
    found: list[Found] = []
    pattern = _name_runs()
    for piece_start, piece_end in unquoted_pieces(0, len(text), quoted):
        for start, end in pattern.spans(text, piece_start, piece_end):
            if text[start - 1 : start] == "-":  # the cheap test first: few runs have a prefix
                start = _run_start(text, start)
            common, readings = _reading(text[start:end])
            if common and opens_sentence(text, start):
                continue  # "Calling it ...", "Officials said ...": a common word opening a sentence
            for reading, describable in readings:
                name = _shifted(reading, start)
                found.append(_described_person(text, name) if describable else name)
    return _people(found)


_Reading = tuple[bool, tuple[tuple[Found, bool], ...]]  # whether one common word, and the names
_READINGS: Final[dict[str, _Reading]] = {}  # the reading of each run read lately
_READINGS_KEPT: Final = 8192  # runs remembered at most: then they are let go, so memory stays flat


def _reading(run: str) -> _Reading:
    """`_analyse` of a run, remembered: news repeats its names, so a run's reading is computed
    once (a dict, which compiled code asks in place, where `functools.lru_cache` cost a Python
    call), unless the run is too long to be a name."""
    known = _READINGS.get(run)
    if known is None:
        known = _analyse(run)
        if len(run) <= _CACHED_RUN:
            if len(_READINGS) >= _READINGS_KEPT:
                _READINGS.clear()
            _READINGS[run] = known
    return known


def _analyse(run: str) -> _Reading:
    """Whether a capitalised run is one common word, and its names with offsets into the run.

    The reading depends on the run's words alone, and news repeats its names,
    so it is computed once per distinct run. Each name comes with whether a
    description before it may say it is a person (`_described_person`).
    """
    lexicon = mention_lexicon()
    tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(run)]
    common = len(tokens) == 1 and _is_common(run)
    found = (_name(run, piece, lexicon) for piece in _pieces(run, tokens, lexicon))
    return common, tuple((f, _describable(f)) for f in found if f is not None)


def _shifted(found: Found, offset: int) -> Found:
    """`found` moved `offset` characters on."""
    return _spanning(found, found.start + offset, found.end + offset)


def _spanning(found: Found, start: int, end: int) -> Found:
    """`found` over other offsets: `dataclasses.replace` costs several times as much, at every cue."""
    return Found(
        start,
        end,
        found.kind,
        found.name,
        found.speaker_kind,
        found.title,
        found.gender,
        found.plural,
        found.head,
    )


def extended(found: Found, end: int, name: str) -> Found:
    """`found` reaching on to `end`, named `name`: a mention with the words that complete it
    ("the Lord President" to "the Lord President of the court"). Built directly, as
    `dataclasses.replace` costs several times as much."""
    return Found(
        found.start, end, found.kind, name, found.speaker_kind, found.title, found.gender, found.plural,
        found.head,
    )  # fmt: skip


def _as_person(found: Found, start: int, title: str | None, gender: str | None) -> Found:
    """`found` from `start` on, as a person with a `title` and a `gender` its description gives."""
    return Found(
        start, found.end, found.kind, found.name, SpeakerKind.PERSON, title, gender, found.plural, found.head
    )


def _describable(name: Found) -> bool:
    """Whether a description before a name may tell that it is a person: a full name of unknown kind."""
    return name.kind is MentionKind.NAME and name.speaker_kind is SpeakerKind.UNKNOWN and " " in name.name


def _described_person(text: str, name: Found) -> Found:
    """A name of unknown kind after a description of a person ("press secretary Karine Jean-Pierre")."""
    if not _describable(name):
        return name
    described = with_description(text, name, max(0, name.start - 80))
    if described.start == name.start or described.speaker_kind is not SpeakerKind.PERSON:
        return name
    return _as_person(name, name.start, described.title, described.gender)


def _people(found: list[Found]) -> list[Found]:
    """Mark as people the names news shortens to a surname ("Kino Gabriel" ... "Gabriel").

    `found` is changed in place and returned.
    """
    single: set[str] = set()  # one-word names
    surnames: set[str] = set()  # last words of longer names that are not organisations
    people: set[str] = set()  # last words of the names of people
    unknown: list[tuple[int, str]] = []  # the names of unknown kind, by index, with their last words
    # the members, read once: each read of `SpeakerKind.PERSON` is an attribute lookup on the
    # class, and a slow one on Python 3.11, whose `EnumType` has a `__getattr__`
    name, person, organisation = MentionKind.NAME, SpeakerKind.PERSON, SpeakerKind.ORGANISATION
    unknown_kind = SpeakerKind.UNKNOWN
    for index, f in enumerate(found):
        last = f.name[f.name.rfind(" ") + 1 :]  # the last word, or the whole name
        if f.speaker_kind is person:
            people.add(last)
        if f.kind is name:
            if last == f.name:
                single.add(last)
            elif f.speaker_kind is not organisation:
                surnames.add(last)
            if f.speaker_kind is unknown_kind:
                unknown.append((index, last))
    for index, last in unknown:
        f = found[index]
        if (last in single) if last != f.name else (last in people or last in surnames):
            # built directly: `replace` costs several times as much, and a tenth of names come here
            found[index] = Found(f.start, f.end, f.kind, f.name, person, f.title, f.gender, f.plural, f.head)
    return found


def _is_common(word: str) -> bool:
    """Whether a capitalised word is a reporting verb or a noun of a description."""
    lower = word.lower()
    return cue_lexicon().lemma(lower) is not None or lower in _heads() or lower in mention_lexicon().modifiers


def _pieces(text: str, tokens: list[tuple[int, int]], lexicon: MentionLexicon) -> list[list[tuple[int, int]]]:
    """Split a capitalised run at words that are never names and at particles between people."""
    pieces: list[list[tuple[int, int]]] = [[]]
    for index, (start, end) in enumerate(tokens):
        word = text[start:end].rstrip(".")
        if word in lexicon.never:
            pieces.append([])
            continue
        pieces[-1].append((start, end))
        following = (
            text[tokens[index + 1][0] : tokens[index + 1][1]].lower() if index + 1 < len(tokens) else ""
        )
        if word.endswith(_POSSESSIVE) and following not in lexicon.organisation_words:
            pieces.append([])  # "Erdogan's office", but not "the Sheriff's Office"
    result = []
    for piece in pieces:
        while piece and text[piece[0][0] : piece[0][1]] in lexicon.connectors:
            piece.pop(0)
        while piece and text[piece[-1][0] : piece[-1][1]] in lexicon.connectors:
            piece.pop()
        if piece:
            for part in _split_people(text, piece, lexicon):
                result.extend(_split_at_given_name(text, part, lexicon))
    return result


def _split_at_given_name(
    text: str, piece: list[tuple[int, int]], lexicon: MentionLexicon
) -> list[list[tuple[int, int]]]:
    """Split "United Nations Nikki Haley" before a given name that starts a full name."""
    words = [text[s:e] for s, e in piece]
    for index in range(1, len(words) - 1):
        previous = words[index - 1].lower().rstrip(".")
        if (
            _given_gender(words[index]) is not None
            and previous not in lexicon.titles
            and _given_gender(words[index - 1]) is None
            and words[index - 1] not in lexicon.connectors
        ):
            return [piece[:index], piece[index:]]
    return [piece]


def _split_people(
    text: str, piece: list[tuple[int, int]], lexicon: MentionLexicon
) -> list[list[tuple[int, int]]]:
    """Split "Putin and Erdogan" or "President Rouhani of Iran"; keep "Bank of England" whole."""
    words = [text[s:e] for s, e in piece]
    if any(w.lower() in lexicon.organisation_words for w in words):
        for index in range(2, len(words) - 1):
            if words[index] in ("of", "for") and _given_gender(words[0]) is not None:
                return [piece[:index], piece[index + 1 :]]  # "Yvette Cooper of the Labour Party"
        return [piece]
    out: list[list[tuple[int, int]]] = [[]]
    for index, word in enumerate(words):
        if word in lexicon.connectors and word in ("and", "of", "for", "on", "the"):
            between_titles = (
                0 < index < len(words) - 1
                and words[index - 1].lower() in lexicon.titles
                and words[index + 1].lower() in lexicon.titles
            )
            if not between_titles:  # "Secretary of State" stays whole
                out.append([])
                continue
        out[-1].append(piece[index])
    return [
        p
        for p in out
        if p and text[p[0][0] : p[0][1]] not in lexicon.connectors and text[p[-1][0] : p[-1][1]] != "the"
    ]


def _name(text: str, piece: list[tuple[int, int]], lexicon: MentionLexicon) -> Found | None:
    """Read one piece of a capitalised run as a title and a name."""
    start, end = piece[0][0], piece[-1][1]
    words = [text[s:e] for s, e in piece]
    last = words[-1]
    if last.endswith(_POSSESSIVE):
        words[-1] = last[:-2]
        end -= 2
        if not words[-1]:
            return None
    lowered = [w.lower().rstrip(".") for w in words]
    for index, word in enumerate(lowered):
        if word == "state" and (index == 0 or lowered[index - 1] != "of"):
            lowered[index] = ""  # a title only in "Secretary of State", not in "Islamic State"
    for index in _complement_starts(lowered, lexicon):
        lowered[index] = ""  # "Ministry of *Foreign* Affairs", "Department of *State*": no title
    last_org = max((i for i, w in enumerate(lowered) if w in lexicon.organisation_words), default=-1)
    last_title = max((i for i, w in enumerate(lowered) if w in lexicon.titles), default=-1)
    if last_org >= 0 and last_org >= last_title:
        name = text[start:end]
        return Found(start, end, MentionKind.NAME, name, SpeakerKind.ORGANISATION)
    if last_title == len(words) - 1:
        # only title words ("President", "Kremlin Spokesman"): a description
        name = text[start:end]
        head = lowered[-1]
        return Found(start, end, MentionKind.DESCRIPTION, name, SpeakerKind.PERSON, head=head)
    if last_title >= 0 and words[last_title + 1] in lexicon.connectors:
        # "Prime Minister of Iraq", "High Commissioner for Human Rights": a title, not a name
        kind = SpeakerKind.ORGANISATION if last_org >= 0 else SpeakerKind.PERSON
        mention_kind = MentionKind.NAME if last_org >= 0 else MentionKind.DESCRIPTION
        return Found(start, end, mention_kind, text[start:end], kind, head=lowered[last_title])
    name_start = piece[last_title + 1][0] if last_title >= 0 else start
    name = text[name_start:end]
    title = text[start:name_start].rstrip() or None
    acronym = len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()
    if acronym:
        return Found(start, end, MentionKind.NAME, name, SpeakerKind.ORGANISATION)
    given = words[last_title + 1] if len(words) - last_title - 1 >= 2 else ""  # a lone word is a surname
    gender = _gender(lowered[: last_title + 1], lexicon) or _given_gender(given)
    people = title is not None or (len(words) - last_title - 1 >= 2 and _given_gender(given) is not None)
    kind = SpeakerKind.PERSON if people else SpeakerKind.UNKNOWN
    return Found(start, end, MentionKind.NAME, name, kind, title=title, gender=gender)


def _complement_starts(lowered: Sequence[str], lexicon: MentionLexicon) -> list[int]:
    """Where the complement of an organisation word starts: "Ministry of (the) *Interior*"."""
    starts = []
    for index, word in enumerate(lowered[:-1]):
        if word in lexicon.organisation_words and lowered[index + 1] in ("of", "for"):
            after = index + 2 + (lowered[index + 2 : index + 3] == ["the"])
            if after < len(lowered):
                starts.append(after)
    return starts


def _given_gender(word: str) -> str | None:
    """The gender of a given name, from ``quotes/data/given_names.toml``."""
    names = given_names()
    if word in names.female:
        return "female"
    if word in names.male:
        return "male"
    return None


def _gender(title_words: Sequence[str], lexicon: MentionLexicon) -> str | None:
    for word in title_words:
        if word in lexicon.female_titles:
            return "female"
        if word in lexicon.male_titles:
            return "male"
    return None


def mention_before(text: str, end: int, start: int, found_names: Sequence[Found]) -> Found | None:
    """The mention that ends exactly at `end`, not reaching before `start`.

    Tries, in order: a name (with any description right before it, "Greek
    prime minister Kyriakos Mitsotakis"), a pronoun, then a description.

    Args:
        text: The document.
        end: Where the mention must end (trailing space ignored).
        start: How far back it may begin.
        found_names: The document's names from `names`, in order.
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    if text[end - 1] == "%":
        return _share(text, end, start)
    acronym = _ACRONYM_BEFORE.search(text, max(start, end - 16), end) if text[end - 1] == ")" else None
    if acronym is not None:
        found = mention_before(text, acronym.start(), start, found_names)
        return _spanning(found, found.start, end) if found is not None else None
    index = first_ending(found_names, end)
    if index < len(found_names) and found_names[index].end == end and found_names[index].start >= start:
        name = found_names[index]
        before = max(start, name.start - 12)
        # the cheap tests first: most names follow no preposition and no article
        preposition = (
            _PREPOSITION_BEFORE.search(text, before, name.start)
            if letters_before_blanks(text, before, name.start) in _PREPOSITION_WORDS
            else None
        )
        if preposition is not None:
            # "the acting Prime Minister of Iraq", "representatives from Iran": the name
            # completes a description; after any other preposition it is no subject
            if preposition.group(1) not in _COMPLEMENTS:
                return None
            quantity = _QUANTITY_OF.search(text, max(start, preposition.start() - 24), preposition.end())
            if quantity is not None and preposition.group(1) == "of":
                return _spanning(name, quantity.start(), name.end)  # "A number of Senators"
            described = mention_before(text, preposition.start(), start, found_names)
            if described is None or described.kind is MentionKind.PRONOUN:
                return None
            if described.head == "percent" and not name.name.endswith("s"):
                return None  # "32% of Republican statements": a share of things; "42% of Democrats" speak
            if described.kind is MentionKind.NAME:  # "President Hassan Rouhani of Iran"
                return _spanning(described, described.start, end)
            return extended(described, end, described.name + text[described.end : end])
        if name.kind is MentionKind.NAME:
            name = with_description(text, name, start)
        if name.kind is MentionKind.DESCRIPTION:
            before = max(start, name.start - 10)
            determiner = letters_before_blanks(text, before, name.start).lower() in _DETERMINER_WORDS
            article = _DETERMINER_BEFORE.search(text, before, name.start) if determiner else None
        else:
            before = max(start, name.start - 5)
            the = letters_before_blanks(text, before, name.start) in ("the", "The")
            article = _ARTICLE_BEFORE.search(text, before, name.start) if the else None
        if article is not None:
            name = _spanning(name, article.start(), name.end)
        return name
    lexicon = mention_lexicon()
    backwards = WORD_BACKWARDS.finditer(text, max(start, end - 160), end)
    last = next(backwards, None)
    if last is None or last.end() != end:
        return None
    lower = last.group().lower()
    if lower in lexicon.pronouns:
        return _pronoun(last, lexicon)
    if lower in lexicon.plural_groups or lower in lexicon.single_groups:  # the cheap test first
        group = _group(text, last, start, lexicon)
        if group is not None:
            return group
    if lower in _share_ends():
        return _share(text, end, start)
    if lower not in _heads() and not any(w.group() in _COMPLEMENTS for w in islice(backwards, 2)):
        return None  # neither a description nor a head with its complement ("the mayor of Yartsevo")
    words = first_words(WORD, text, max(start, end - 160), end)
    found = _description(text, words, len(words) - 1, start, lexicon)
    if found is None:
        # "the Russian head of state", "the mayor of Yartsevo": a head with its complement
        for index in range(len(words) - 2, max(0, len(words) - 4), -1):
            if words[index].group() in _COMPLEMENTS and index > 0:
                found = _description(text, words, index - 1, start, lexicon)
                if found is not None:
                    return extended(found, end, found.name + text[found.end : end])
    elif found.kind is MentionKind.DESCRIPTION:
        return _complemented(text, words, found, start, lexicon)
    if found is None and _plural_head(lower):  # "52 percent of registered voters"
        return _share(text, end, start)
    return found


def _complemented(
    text: str, words: list[WordMatch], found: Found, start: int, lexicon: MentionLexicon
) -> Found:
    """A description with the one it completes: "the Lord President of *the court*", not "the court"."""
    first = next(index for index, word in enumerate(words) if word.start() == found.start)
    if (
        first < 2
        or words[first - 1].group() != "of"
        or text[words[first - 2].end() : found.start].strip() != "of"
    ):
        return found
    outer = _description(text, words, first - 2, start, lexicon)
    if outer is None or outer.kind is not MentionKind.DESCRIPTION:
        return found
    return extended(outer, found.end, outer.name + text[outer.end : found.end])


def _possessive_at(text: str, position: int) -> bool:
    """Whether "'s" or "’s" starts at `position`: ``text.startswith(_POSSESSIVE, position)``, which
    compiled code hands to a Python method call."""
    after = text[position : position + 2]
    return after == "'s" or after == "\u2019s"


def mention_after(text: str, start: int, end: int, found_names: Sequence[Found]) -> Found | None:
    """The mention that starts at `start` (after spaces), ending by `end`: "said *the Kremlin spokesman*"."""
    while start < end and text[start].isspace():
        start += 1
    article = _ARTICLE_AFTER.match(text, start, end) if text[start : start + 3] in ("the", "The") else None
    name_start = article.end() if article else start
    index = first_starting(found_names, name_start)
    name = None
    if index < len(found_names) and found_names[index].start == name_start and found_names[index].end <= end:
        name = _spanning(found_names[index], start, found_names[index].end)
        modifier = _possessive_at(text, name.end) or _head_follows(text, name.end, end)
        if not modifier:
            return name  # unlike "the Turkish president" or "Erdogan's office", where it is a modifier
    lexicon = mention_lexicon()
    # a description here has its head among the first seven words, and is read leftwards from it
    words = first_words(WORD, text, start, min(end, start + 160), 7)
    if not words or words[0].start() != start:
        return name
    first = words[0].group().lower()
    if first in lexicon.pronouns:
        return _pronoun(words[0], lexicon)
    # a description runs from its determiner to its head: take the longest that parses
    best = None
    heads = _heads()
    for index in range(len(words)):
        if words[index].group().lower() in heads:
            candidate = _description(text, words, index, start, lexicon)
            if candidate is not None and candidate.start == start:
                best = candidate
        if text[words[index].end() : words[index].end() + 1] in ",.;:":
            break
    after = first_starting(found_names, start)
    for later in found_names[after : after + 3]:
        if later.end > end or later.start - start > 60:
            continue  # checked before the gap is copied: the next name may be far away
        gap = text[start : later.start]
        if not gap.strip() or not _TITLE_WORDS.fullmatch(gap):
            continue
        last = gap.split()[-1].lower()
        introduced = _heads().get(last) is MentionKind.DESCRIPTION or last in word_lists().name_introducers
        if introduced and not _possessive_at(text, later.end):
            # "said former thinktank executive Ken Gude", "said Sea-Eye spokesperson Carlotta Weibl"
            return Found(
                start, later.end, later.kind, later.name, later.speaker_kind, gap.strip(), later.gender,
                later.plural, later.head,
            )  # fmt: skip
    return best or name


def _head_follows(text: str, position: int, end: int) -> bool:
    """Whether lowercase modifiers and then a head noun follow: "(the Russian) foreign minister"."""
    lexicon = mention_lexicon()
    for _ in range(4):
        following = WORD.match(text, _skip_spaces(text, position, end), end)
        if following is None or not following.group().islower():
            return False
        if following.group() in _heads():
            return True
        if following.group() not in lexicon.modifiers:
            return False
        position = following.end()
    return False


def _skip_spaces(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \t\u00a0":
        position += 1
    return position


_TITLE_WORDS: Final = regex.compile(r"(?:[\p{L}\p{M}'\u2019\-]+[ \t\u00a0]+){1,6}")


@functools.cache
def _heads() -> dict[str, MentionKind]:
    """Every head noun of a description, singular and plural, with the kind of mention it heads."""
    lexicon = mention_lexicon()
    heads: dict[str, MentionKind] = {}
    for nouns, kind in (
        (lexicon.document_heads, MentionKind.DOCUMENT),
        (lexicon.organisation_heads, MentionKind.DESCRIPTION),
        (lexicon.person_heads, MentionKind.DESCRIPTION),
    ):
        for noun in nouns:
            heads[noun] = kind
            plural = _plural(noun)
            if plural is not None:
                heads.setdefault(plural, kind)
    return heads


def _plural(noun: str) -> str | None:
    """The regular plural of a head noun ("economist" -> "economists", "ally" -> "allies").

    None for a noun that already looks plural or has no regular plural
    ("witnesses", "police", "spokesman's").
    """
    if (
        not noun.replace("-", "").isalpha()
        or (noun.endswith("s") and not noun.endswith("ss"))
        or noun in ("police", "media", "data")
    ):
        return None
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("ss", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def _pronoun(word: WordMatch, lexicon: MentionLexicon) -> Found:
    # one string for each form, not one per pronoun: a text of many "he said" holds them all
    form = sys.intern(word.group().lower())
    spec = lexicon.pronouns[form]
    kind = SpeakerKind.ORGANISATION if spec.organisation else SpeakerKind.UNKNOWN
    if spec.gender:
        kind = SpeakerKind.PERSON
    return Found(
        word.start(), word.end(), MentionKind.PRONOUN, form, kind, gender=spec.gender, plural=spec.plural
    )


def _description(
    text: str,
    words: list[WordMatch],
    head_index: int,
    start: int,
    lexicon: MentionLexicon,
    *,
    bare: bool = False,
) -> Found | None:
    """A description whose head noun is ``words[head_index]``, read leftwards to its determiner."""
    head = words[head_index].group().lower()
    kind = _heads().get(head)
    if kind is None:
        return None
    first = head_index
    while first > 0:
        previous = words[first - 1]
        if text[previous.end() : words[first].start()].strip():
            break  # punctuation between the words
        form = previous.group()
        lower = form.lower()
        if lower in lexicon.determiners:
            first -= 1
            break
        if lower.endswith(_POSSESSIVE):
            first = _possessor_start(text, words, first - 1, lexicon)
            break
        if lower in lexicon.modifiers or form[0].isupper() or lower in _heads() or "-" in lower:
            first -= 1
            continue
        opened = _determined(text, words, first - 1, lexicon)
        if opened is None and _plural_head(head):  # "and aviation experts", ", border officials"
            opened = _opened_plural(text, words, first - 1, start, lexicon)
        if opened is not None:  # "the fisheries minister": unknown words after a determiner
            first = opened
        break
    begin = words[first].start()
    if begin < start:
        return None
    words_text = [w.group() for w in words[first : head_index + 1]]
    determiner = words_text[0].lower() in lexicon.determiners
    if (
        kind is MentionKind.DESCRIPTION
        and len(words_text) == 1
        and head in ("man", "woman", "people", "person")
    ):
        return None  # a bare "people" names no one
    if (
        not bare
        and not determiner
        and len(words_text) == 1
        and words[first].group()[0].islower()
        and head_index > 0
    ):
        before = words[head_index - 1].group().lower()
        opened = before in lexicon.clause_openers and _plural_head(head)  # "with officials saying"
        if (
            not opened
            and before not in lexicon.determiners
            and not text[words[head_index - 1].end() : begin].strip()
        ):
            return None  # a noun inside a longer phrase, not a subject
    organisation = head in lexicon.organisation_heads
    plural = _plural_head(head)
    speaker_kind = SpeakerKind.ORGANISATION if organisation else SpeakerKind.PERSON
    if kind is MentionKind.DOCUMENT:
        speaker_kind = SpeakerKind.UNKNOWN
    body = words_text[1:] if determiner else words_text
    gender = _gender([w.lower() for w in body], lexicon)
    return Found(
        begin,
        words[head_index].end(),
        kind,
        " ".join(body),
        speaker_kind,
        gender=gender,
        plural=plural,
        head=head,
    )


def _opened_plural(
    text: str, words: list[WordMatch], index: int, start: int, lexicon: MentionLexicon
) -> int | None:
    """The first of at most three modifiers of a bare plural, ending at ``words[index]``.

    The modifiers must open their phrase ("and *aviation* experts", ", *border*
    officials"); none may be a word of another kind (a determiner, a pronoun,
    a function word, a cue). None when they do not open one.
    """
    function_words = word_lists().function_words
    for back in range(index, max(-1, index - 3), -1):
        word = words[back]
        if back < index and text[word.end() : words[back + 1].start()].strip():
            return None
        lower = word.group().lower()
        if (
            lower in lexicon.determiners
            or lower in lexicon.pronouns
            or lower in function_words
            or lower in lexicon.clause_openers
            or cue_lexicon().lemma(lower) is not None
        ):
            return None
        if _opens_phrase(text, words, back, start, lexicon):
            return back
    return None


def _opens_phrase(text: str, words: list[WordMatch], index: int, start: int, lexicon: MentionLexicon) -> bool:
    """Whether ``words[index]`` opens a phrase: at `start`, after punctuation or after a clause opener."""
    begin = words[index].start()
    gap_start = words[index - 1].end() if index > 0 else max(start, begin - 3)
    if text[gap_start:begin].strip():
        return True  # a comma, a dash, a quotation mark
    if index == 0:
        return gap_start == start
    return words[index - 1].group().lower() in lexicon.clause_openers


def _plural_head(head: str) -> bool:
    """Whether a head noun names several: "officials", "police", "data"."""
    if head in ("police", "people", "authorities", "media", "forces", "data"):
        return True
    return head.endswith("s") and head not in ("press", "news", "corps", "congress")


def _group(text: str, word: WordMatch, start: int, lexicon: MentionLexicon) -> Found | None:
    """People named without a noun: "*Others* say", "*The two* said", "and *a third* said".

    The word must open its phrase: begin the text, follow punctuation or a
    clause opener, or follow a determiner that does.
    """
    lower = word.group().lower()
    plural = lower in lexicon.plural_groups
    if not plural and lower not in lexicon.single_groups:
        return None
    first = word.start()
    previous = _word_before(text, first, start)
    if previous is not None and previous.group().lower() in ("the", "a"):
        first = previous.start()
        previous = _word_before(text, first, start)
    elif lower in ("second", "third", "fourth"):
        return None  # an ordinal names someone only after "a" or "the"
    if previous is not None and previous.group().lower() not in lexicon.clause_openers:
        return None  # "for some", "of the two": inside a longer phrase
    name = text[first : word.end()]
    return Found(
        first, word.end(), MentionKind.DESCRIPTION, name, SpeakerKind.PERSON, plural=plural, head=lower
    )


@functools.cache
def _share_pattern() -> regex.Pattern[str]:
    """A share of people ending where the pattern's search ends: "nearly 52 percent of voters".

    Every part is bounded, so a search over a short window stays cheap.
    """
    lexicon = mention_lexicon()
    space = r"[ \t\u00a0]{1,3}"
    number = r"(?:\d{1,3}(?:\.\d)?|\L<numbers>(?:-\L<numbers>)?)"
    share = (
        rf"(?:{number}(?:{space}percent\b|{space}per{space}cent\b|%)"
        rf"|{number}{space}in{space}(?:10|ten)\b|\L<fractions>\b)"
    )
    return regex.compile(
        rf"(?i)(?<![\p{{L}}\p{{N}}])(?:\L<hedges>{space})?{share}"
        rf"(?:{space}(?:of{space})?[\p{{L}}\p{{M}}'\u2019\-]+(?:{space}[\p{{L}}\p{{M}}'\u2019\-]+){{0,4}})?$",
        numbers=sorted(lexicon.share_numbers),
        fractions=sorted(lexicon.share_fractions),
        hedges=sorted(lexicon.share_hedges),
    )


@functools.cache
def _share_ends() -> frozenset[str]:
    """The last words of a share that names no people after it: "42 percent", "nearly half"."""
    fractions = mention_lexicon().share_fractions
    return frozenset(
        {"percent", "cent", "10", "ten", "polled", "surveyed"} | {f.split()[-1] for f in fractions}
    )


def _share(text: str, end: int, start: int) -> Found | None:
    """A share of people as a poll reports it, ending at `end`: "42 percent", "nine in 10 voters".

    Anything after the share must be people ("of voters", "Democratic voters polled"):
    its last word is a head noun of a person or a participle of polling.
    """
    match = _share_pattern().search(text, max(start, end - 70), end)
    if match is None:
        return None
    last = WORD_BACKWARDS.search(text, match.start(), end)
    if last is None:
        return None
    lower = last.group().lower()
    lexicon = mention_lexicon()
    bare = text[end - 1] == "%" or lower in _share_ends()
    polled = lower in ("polled", "surveyed", "questioned", "interviewed")
    people = _heads().get(lower) is MentionKind.DESCRIPTION and lower not in lexicon.organisation_heads
    if not (bare or polled or people):
        return None  # "40 percent of the budget said": a share of something, not of people
    words = text[match.start() : end]
    return Found(
        match.start(), end, MentionKind.DESCRIPTION, words, SpeakerKind.PERSON, plural=True, head="percent"
    )


def _word_before(text: str, position: int, start: int) -> WordMatch | None:
    """The word right before `position`, with only spaces between; None after punctuation or at `start`."""
    word = WORD_BACKWARDS.search(text, max(start, position - 40), position)
    if word is None or text[word.end() : position].strip():
        return None
    return word


def _possessor_start(text: str, words: list[WordMatch], index: int, lexicon: MentionLexicon) -> int:
    """The first word of a possessor ending at ``words[index]``: "*the* ministry's", "*the* court's".

    A common noun owns with its determiner; a name ("Trump's") owns alone.
    """
    if index > 0 and not text[words[index - 1].end() : words[index].start()].strip():
        before = words[index - 1].group().lower()
        if before in lexicon.determiners and words[index].group()[0].islower():
            return index - 1
    return index


def _determined(text: str, words: list[WordMatch], index: int, lexicon: MentionLexicon) -> int | None:
    """The index of a determiner that opens a description at most three words before `index`."""
    for back in range(index, max(-1, index - 4), -1):
        word = words[back]
        if text[word.end() : words[back + 1].start()].strip():
            return None
        lower = word.group().lower()
        if lower in lexicon.determiners or lower.endswith(_POSSESSIVE):
            return back
        if lower in lexicon.pronouns or cue_lexicon().lemma(lower) is not None:
            return None
    return None


def with_description(text: str, name: Found, start: int) -> Found:
    """Extend a name over a lowercase description right before it ("student protester Joshua Wong").

    Args:
        text: The document.
        name: A name of `names`.
        start: How far back the description may begin.
    """
    lexicon = mention_lexicon()
    last = WORD_BACKWARDS.search(text, max(start, name.start - 120), name.start)
    if last is None or name.start - last.end() > 1 or last.group().lower() not in _heads():
        return name  # no head noun of a description right before the name
    if text[last.end() : name.start].strip():
        return name
    words = first_words(WORD, text, max(start, name.start - 120), name.start)
    description = _description(text, words, len(words) - 1, start, lexicon, bare=True)
    if description is None or description.kind is not MentionKind.DESCRIPTION:
        return name
    if description.speaker_kind is SpeakerKind.ORGANISATION and name.speaker_kind is not SpeakerKind.PERSON:
        return _spanning(name, description.start, name.end)  # "television broadcaster PBS"
    title = text[description.start : name.start].strip()
    if name.title:
        title = f"{title} {name.title}"
    gender = name.gender or description.gender
    return _as_person(name, description.start, title, gender)
