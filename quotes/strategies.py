"""Hypothesis strategies for code that consumes quotations.

Downstream projects property-test their own code with these: `quotes` gives
valid `Quote` objects with every optional part present or absent (and
`speakers`, `mentions`, `cues` their parts; `quotations` is `quotes` under a
name that does not shadow the package, and ``st.from_type(Quote)`` works
once the package is installed), `newsy_text` gives text dense in
quotation marks, and `articles` gives news-like texts built from templates of
real news patterns, together with the quotations each one contains and who
said them, at exact offsets.

Importing this module needs hypothesis (``pip install news-quotes[strategies]``);
importing `quotes` itself never does.

Example:
    >>> from hypothesis import given
    >>> from quotes.strategies import articles
    >>> @given(articles())
    ... def test_offsets(article):
    ...     for expected in article.quotes:
    ...         assert article.text[expected.start : expected.end] == expected.text
    >>> test_offsets()
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from quotes.lexicon import given_names
from quotes.model import Cue, DateSource, Mention, Quote, QuoteKind, Speaker, SpeakerKind

try:
    from hypothesis import strategies as st
except ImportError as err:  # pragma: no cover - the test runs it in a subprocess
    raise ImportError(
        "quotes.strategies needs hypothesis; install it with: pip install news-quotes[strategies]"
    ) from err

__all__ = [
    "MARK_STYLES",
    "NEWSY_ALPHABET",
    "QUOTE_MARKS",
    "SAFE_WORDS",
    "SURNAMES",
    "Article",
    "ExpectedQuote",
    "articles",
    "cues",
    "mentions",
    "newsy_text",
    "quotations",
    "quotes",
    "speakers",
]

QUOTE_MARKS = "\"'`“”„‘’‚«»‹›″′"
"""Every quotation mark and look-alike the pairing has to cope with."""

NEWSY_ALPHABET = QUOTE_MARKS + "abcXYZ .,:;!?—–-()[]\n\u00a0"
"""Quotation marks with the letters, punctuation and spaces found next to them."""

MARK_STYLES: tuple[tuple[str, str], ...] = (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"))
"""The (opening, closing) quotation marks of English news, curly and straight."""

SURNAMES: tuple[str, ...] = (
    "Okafor", "Kowalski", "Lindqvist", "Haddad", "Moreno", "Tanaka", "Novak", "Brennan", "Castillo",
    "Petrov", "Mensah", "Fischer", "Dubois", "Rossi", "Nakamura", "Osei", "Larsen", "Kaplan", "Herrera",
    "Abernathy", "Okonkwo", "Varga", "Quinlan", "Szabo", "Achterberg", "Demir", "Ferreira", "Halvorsen",
)  # fmt: skip
"""Family names for generated speakers: none is a given name, a word or a cue."""

_ADJECTIVES = (
    "old", "quiet", "busy", "narrow", "small", "large", "green", "wooden", "northern", "southern",
    "coastal", "rural", "crowded", "empty", "costly", "cheap", "steady", "fragile", "modern", "historic",
)  # fmt: skip
_NOUNS = (
    "bridge", "budget", "harbour", "road", "school", "market", "railway", "library", "museum", "river",
    "festival", "harvest", "timetable", "price", "station", "garden", "tunnel", "park", "route", "ferry",
    "bakery", "stadium", "canal", "orchard", "pier", "runway", "clinic", "reservoir", "highway", "village",
)  # fmt: skip
_MODALS = ("will", "would", "could", "might", "should", "must", "can")
_VERBS = (
    "reopen", "open", "close", "grow", "improve", "stay", "change", "expand", "recover", "shrink",
    "settle", "return", "flood", "freeze", "survive", "cope", "last", "fail", "succeed", "move",
)  # fmt: skip
_PAST = (
    "reopened", "opened", "closed", "grew", "improved", "stayed", "changed", "expanded", "recovered",
    "shrank", "flooded", "froze", "survived", "moved", "emptied", "filled",
)  # fmt: skip
_TIMES = (
    "in spring", "in autumn", "next year", "by the summer", "within a month", "after the winter",
    "this week", "before the holidays", "overnight", "soon", "again", "at last",
)  # fmt: skip

SAFE_WORDS: frozenset[str] = frozenset(
    word for phrase in (*_ADJECTIVES, *_NOUNS, *_MODALS, *_VERBS, *_PAST, *_TIMES) for word in phrase.split()
) | {"the", "a", "and", "too", "very"}
"""Every word of generated quotations and filler sentences, lowercased: never a cue, a name or a mark."""


# -- the data model ----------------------------------------------------------


@st.composite
def _spans(
    draw: st.DrawFn, max_size: int = 40, alphabet: str | st.SearchStrategy[str] | None = None
) -> tuple[str, int, int]:
    """Some text and the offsets it would span in a document."""
    text = draw(st.text(alphabet, max_size=max_size) if alphabet is not None else st.text(max_size=max_size))
    start = draw(st.integers(0, 1000))
    return text, start, start + len(text)


def mentions() -> st.SearchStrategy[Mention]:
    """Valid `Mention`s: any text, at offsets its length spans."""
    return _spans().map(lambda span: Mention(*span))


def cues() -> st.SearchStrategy[Cue]:
    """Valid `Cue`s: any text and lemma, at offsets the text's length spans."""
    return st.builds(
        lambda span, lemma: Cue(span[0], lemma, span[1], span[2]), _spans(), st.text(max_size=12)
    )


def speakers(
    kinds: Iterable[SpeakerKind | str] = tuple(SpeakerKind),
    *,
    registered: bool | None = None,
    alphabet: str | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Valid `Speaker`s: a non-empty name, with or without id, title and Wikidata item.

    Args:
        kinds: The kinds of speaker to give (person, organisation, unknown).
        registered: True for speakers with a registry id and a Wikidata item,
            False for speakers nobody registered, None for either.
        alphabet: The characters of names and titles (as `st.text` takes
            them); any character by default.
    """
    text = functools.partial(st.text, alphabet) if alphabet is not None else st.text
    ids = st.text(alphabet or "abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12)
    wikidata = st.integers(1, 10**9).map(lambda number: f"Q{number}")
    return st.builds(
        Speaker,
        name=text(min_size=1, max_size=30),
        id=_optional(ids, registered),
        kind=st.sampled_from([SpeakerKind(kind) for kind in kinds]),
        title=st.none() | text(max_size=20),
        wikidata=_optional(wikidata, registered),
    )


def _optional(values: st.SearchStrategy[Any], present: bool | None) -> st.SearchStrategy[Any]:
    """`values` (present), None (absent), or either (None)."""
    if present is None:
        return st.none() | values
    return values if present else st.none()


def quotes(
    kinds: Iterable[QuoteKind | str] = tuple(QuoteKind),
    *,
    speaker: bool | None = None,
    alphabet: str | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Quote]:
    """Valid `Quote`s, each optional part present or absent, confidence in [0, 1], with or
    without the date its speaker was resolved on.

    Args:
        kinds: The kinds of quotation to give.
        speaker: True for quotations with a speaker (and its mention and
            cue), False for quotations without one, None for either.
        alphabet: The characters of the quoted text (as `st.text` takes
            them); any character by default.

    Example:
        >>> from hypothesis import given
        >>> @given(quotes(["direct"], speaker=True, alphabet="abc "))
        ... def test_direct(quote):
        ...     assert quote.kind == "direct" and quote.speaker is not None
        ...     assert set(quote.text) <= set("abc ")
        >>> test_direct()
    """
    return st.builds(
        lambda span, kind, who, mention, cue, confidence, date: Quote(
            span[0], span[1], span[2], kind, who, mention, cue, confidence, *date
        ),
        _spans(max_size=200, alphabet=alphabet),
        st.sampled_from([QuoteKind(kind) for kind in kinds]),
        _optional(speakers(), speaker),
        _optional(mentions(), speaker),
        cues() if speaker else st.none() | cues(),
        st.floats(0.0, 1.0),
        st.just((None, DateSource.NONE))
        | st.tuples(st.dates(), st.sampled_from([DateSource.GIVEN, DateSource.DATELINE])),
    )


quotations = quotes
"""`quotes` under a name that does not shadow the package: ``from quotes.strategies import quotations``."""


def newsy_text() -> st.SearchStrategy[str]:
    """Text dense in quotation marks, apostrophes, punctuation and line breaks."""
    return st.text(alphabet=NEWSY_ALPHABET, max_size=300)


# -- articles with the quotations they contain --------------------------------


@attrs.frozen
class ExpectedQuote:
    """A quotation an `Article` was built with: what `quotes.extract` should report.

    Attributes:
        text: The quoted words, as `Quote.text` reports them (without the
            quotation marks; a reported clause without its full stop).
        start: Offset of the first character in the article.
        end: Offset after the last character.
        kind: Direct, mixed or indirect.
        speaker: The speaker's full name, as `Speaker.name` reports it.
        continuation: Whether the quotation has no cue of its own and
            continues the speaker of the one before it (“...,” she said. “...”).
    """

    text: str
    start: int
    end: int
    kind: QuoteKind = attrs.field(converter=QuoteKind)
    speaker: str
    continuation: bool = False


def _check_quotes(
    instance: Article, attribute: attrs.Attribute[Any], value: tuple[ExpectedQuote, ...]
) -> None:
    """Validate that every expected quotation slices the article's text, in order."""
    for expected in value:
        if instance.text[expected.start : expected.end] != expected.text:
            raise ValueError(f"{expected!r} does not slice the article at {expected.start}..{expected.end}")
    if [q.start for q in value] != sorted(q.start for q in value):
        raise ValueError("expected quotations must be in document order")


@attrs.frozen
class Article:
    """A generated news text and the quotations it was built with.

    Attributes:
        text: The article.
        quotes: Its quotations in document order; each slices `text` exactly.
    """

    text: str
    quotes: tuple[ExpectedQuote, ...] = attrs.field(validator=_check_quotes)


@attrs.frozen
class _Quoted:
    """The quoted words of a sentence, and the kind of quotation they are."""

    text: str
    kind: QuoteKind
    continuation: bool = False


@attrs.frozen
class _Sentence:
    """One sentence of an article: plain strings and quoted words, and who speaks in it."""

    parts: tuple[str | _Quoted, ...]
    speaker: str = ""


def _assemble(sentences: Sequence[_Sentence], gaps: Sequence[str]) -> Article:
    """Join sentences with the gaps between them, recording where each quotation lands.

    Args:
        sentences: The sentences in order.
        gaps: One separator (a space or a paragraph break) before each sentence but the first.
    """
    pieces: list[str] = []
    expected: list[ExpectedQuote] = []
    offset = 0
    for sentence, gap in zip(sentences, ("", *gaps), strict=True):
        pieces.append(gap)
        offset += len(gap)
        for part in sentence.parts:
            words = part.text if isinstance(part, _Quoted) else part
            if isinstance(part, _Quoted):
                end = offset + len(words)
                expected.append(
                    ExpectedQuote(words, offset, end, part.kind, sentence.speaker, part.continuation)
                )
            pieces.append(words)
            offset += len(words)
    return Article("".join(pieces), tuple(expected))


# Strategies for the pieces of a sentence, built once: a strategy built afresh
# for every draw costs more to validate than to draw from.
_ADJECTIVE = st.sampled_from(_ADJECTIVES)
_NOUN = st.sampled_from(_NOUNS)
_MODAL = st.sampled_from(_MODALS)
_VERB = st.sampled_from(_VERBS)
_PAST_VERB = st.sampled_from(_PAST)
_TIME = st.sampled_from(_TIMES)
_COIN = st.booleans()
_ONE_OR_TWO = st.integers(1, 2)
_UP_TO_TWO = st.integers(0, 2)
_GAP = st.sampled_from([" ", "\n\n"])
_TAIL_VERB = st.sampled_from(["said", "added", "explained", "stressed", "told reporters"])
_HEAD_VERB = st.sampled_from(["said", "added", "told reporters", "said on Monday"])
_REPORTING = st.sampled_from(["said that", "said", "added that", "confirmed that", "told reporters"])
_NAMING = st.sampled_from(["called it", "called the plans"]) | _NOUN.map(
    lambda noun: f"described the {noun} as"
)
_TITLE = st.sampled_from(("", "Mayor", "Professor", "Senator", "Dr.", "Judge"))
_ROLE = st.sampled_from(("", "a local historian", "the project's director", "a spokesperson for the council"))

_Parts = tuple[str | _Quoted, ...]


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def _clause(draw: st.DrawFn) -> str:
    """A lowercase clause: "the old bridge would reopen in spring"."""
    return f"the {draw(_ADJECTIVE)} {draw(_NOUN)} {draw(_MODAL)} {draw(_VERB)} {draw(_TIME)}"


def _clauses(draw: st.DrawFn) -> str:
    """One clause, or two joined by "and"."""
    return " and ".join(_clause(draw) for _ in range(draw(_ONE_OR_TWO)))


def _statement(draw: st.DrawFn) -> str:
    """A quoted statement of one or two sentences, without its last punctuation mark."""
    return ". ".join(_capitalised(_clauses(draw)) for _ in range(draw(_ONE_OR_TWO)))


def _fragment(draw: st.DrawFn) -> str:
    """A quoted fragment of a paraphrase: "a costly timetable", "too fragile"."""
    adjective, noun = draw(_ADJECTIVE), draw(_NOUN)
    return draw(st.sampled_from([f"a {adjective} {noun}", f"too {adjective}", f"very {adjective}"]))


def _filler(draw: st.DrawFn) -> _Sentence:
    """A sentence with no quotation, cue or name: "The quiet market reopened in spring."."""
    return _Sentence((f"The {draw(_ADJECTIVE)} {draw(_NOUN)} {draw(_PAST_VERB)} {draw(_TIME)}.",))


@attrs.frozen
class _Naming:
    """How one sentence names its speaker.

    Attributes:
        subject: Before a reporting verb: "Mayor Ana Novak", "Ana Novak, a local historian,", "she".
        plain: Anywhere else: "Ana Novak", "Novak", "her".
        pronoun: Whether the naming is a pronoun, which never follows its verb ("said she").
    """

    subject: str
    plain: str
    pronoun: bool = False


_Template = Callable[[st.DrawFn, _Naming, tuple[str, str]], _Parts]


def _direct_tail(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """“<statement>,” <Speaker> said.  or  “<statement>,” said <Speaker>."""
    opening, closing = marks
    quoted = _Quoted(_statement(draw) + ",", QuoteKind.DIRECT)
    if not who.pronoun and draw(_COIN):
        return opening, quoted, f"{closing} said {who.plain}."
    return opening, quoted, f"{closing} {who.subject} {draw(_TAIL_VERB)}."


def _direct_head(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """<Speaker> said: “<statement>.”"""
    opening, closing = marks
    head = f"{_capitalised(who.subject)} {draw(_HEAD_VERB)}: {opening}"
    return head, _Quoted(_statement(draw) + ".", QuoteKind.DIRECT), closing


def _according_to(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """According to <Speaker>, “<statement>.”"""
    opening, closing = marks
    words = _statement(draw)
    quoted = _Quoted(words[:1].lower() + words[1:] + ".", QuoteKind.DIRECT)
    return f"According to {who.plain}, {opening}", quoted, closing


def _split(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """“<clause>,” <Speaker> said, “and <clause>.”"""
    opening, closing = marks
    first = _Quoted(_capitalised(_clause(draw)) + ",", QuoteKind.DIRECT)
    second = _Quoted(f"and {_clause(draw)}.", QuoteKind.DIRECT)
    return opening, first, f"{closing} {who.subject} said, {opening}", second, closing


def _continued(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """“<statement>,” <Speaker> said. “<statement>.”  The second quotation has no cue of its own."""
    opening, closing = marks
    first = _Quoted(_statement(draw) + ",", QuoteKind.DIRECT)
    second = _Quoted(_statement(draw) + ".", QuoteKind.DIRECT, continuation=True)
    return opening, first, f"{closing} {who.subject} said. {opening}", second, closing


def _paragraphs(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """<Speaker> said: “<statement>.  ¶ “<statement>.”  A quotation runs on into the next paragraph."""
    opening, closing = marks
    first = _Quoted(_statement(draw) + ".", QuoteKind.DIRECT)
    second = _Quoted(_statement(draw) + ".", QuoteKind.DIRECT, continuation=True)
    return f"{_capitalised(who.subject)} said: {opening}", first, f"\n\n{opening}", second, closing


def _question(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """“Will the old bridge reopen in spring?” <Speaker> asked."""
    opening, closing = marks
    question = f"{_capitalised(draw(_MODAL))} the {draw(_ADJECTIVE)} {draw(_NOUN)} {draw(_VERB)}?"
    return opening, _Quoted(question, QuoteKind.DIRECT), f"{closing} {who.subject} asked."


def _mixed(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """<Speaker> called it “<fragment>”.  or  <Speaker> described the <noun> as “<fragment>”."""
    opening, closing = marks
    head = f"{_capitalised(who.subject)} {draw(_NAMING)} {opening}"
    return head, _Quoted(_fragment(draw), QuoteKind.MIXED), f"{closing}."


def _said_that(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """<Speaker> said that <clause>.  or, without "that", <Speaker> said <clause>."""
    head = f"{_capitalised(who.subject)} {draw(_REPORTING)} "
    return head, _Quoted(_clauses(draw), QuoteKind.INDIRECT), "."


def _clause_first(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """<Clause>, <Speaker> said.  or  <Clause>, according to <Speaker>."""
    quoted = _Quoted(_capitalised(_clauses(draw)), QuoteKind.INDIRECT)
    return quoted, f", according to {who.plain}." if draw(_COIN) else f", {who.subject} said."


def _according_clause(draw: st.DrawFn, who: _Naming, marks: tuple[str, str]) -> _Parts:
    """According to <Speaker>, <clause>."""
    return f"According to {who.plain}, ", _Quoted(_clauses(draw), QuoteKind.INDIRECT), "."


_TEMPLATES: dict[QuoteKind, tuple[_Template, ...]] = {
    QuoteKind.DIRECT: (_direct_tail, _direct_head, _according_to, _split, _continued, _paragraphs, _question),
    QuoteKind.MIXED: (_mixed,),
    QuoteKind.INDIRECT: (_said_that, _clause_first, _according_clause),
}


@attrs.frozen
class _Person:
    """A generated speaker: names, and the title and role of their first mention."""

    given: str
    family: str
    title: str = ""
    role: str = ""
    pronouns: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        """The full name, as `Speaker.name` reports it."""
        return f"{self.given} {self.family}"


def _people() -> st.SearchStrategy[_Person]:
    """Speakers with a given name of the lexicon, a family name of `SURNAMES`, perhaps a title or a role."""
    names = given_names()
    genders = {
        **{name: ("he", "him") for name in names.male},
        **{name: ("she", "her") for name in names.female},
    }
    return st.builds(
        lambda given, family, title, role: _Person(given, family, title, role, genders.get(given)),
        st.sampled_from(sorted(genders)),
        st.sampled_from(SURNAMES),
        _TITLE,
        _ROLE,
    )


def _naming(draw: st.DrawFn, person: _Person, named: bool, last: bool, options: _Options) -> _Naming:
    """How a sentence names `person`, given whether they were named before or spoke last."""
    if not named:
        full = f"{person.title} {person.name}".lstrip()
        return _Naming(f"{full}, {person.role}," if person.role else full, full)
    forms = [_Naming(person.name, person.name)]
    if options.surnames:
        forms.append(_Naming(person.family, person.family))
    if options.pronouns and last and person.pronouns is not None:
        forms.append(_Naming(*person.pronouns, pronoun=True))
    return draw(st.sampled_from(forms))


@attrs.frozen
class _Options:
    """What `articles` was asked for; see its arguments."""

    people: st.SearchStrategy[list[_Person]]
    templates: st.SearchStrategy[_Template]
    marks: st.SearchStrategy[tuple[str, str]]
    quotes: st.SearchStrategy[int]
    surnames: bool
    pronouns: bool


@st.composite
def _articles(draw: st.DrawFn, options: _Options) -> Article:
    """An article of quotation sentences with fillers around them, in one mark style."""
    marks = draw(options.marks)
    people = draw(options.people)
    sentences = [_filler(draw) for _ in range(draw(_UP_TO_TWO))]
    named: set[_Person] = set()
    last: _Person | None = None
    for _ in range(draw(options.quotes)):
        person = draw(st.sampled_from(people))
        who = _naming(draw, person, person in named, person == last, options)
        sentences.append(_Sentence(draw(options.templates)(draw, who, marks), person.name))
        sentences += [_filler(draw) for _ in range(draw(_UP_TO_TWO))]
        named.add(person)
        last = person
    if not sentences:
        sentences.append(_filler(draw))
    return _assemble(sentences, [draw(_GAP) for _ in sentences[1:]])


def articles(
    *,
    kinds: Iterable[QuoteKind | str] = tuple(QuoteKind),
    marks: Iterable[tuple[str, str]] = MARK_STYLES,
    min_quotes: int = 1,
    max_quotes: int = 4,
    surnames: bool = True,
    pronouns: bool = True,
    run_on: bool = True,
) -> st.SearchStrategy[Article]:
    """News-like articles with the quotations they contain, at exact offsets.

    Each article is built from templates of real news patterns, with sentences
    that hold no quotation between them and one quotation-mark style
    throughout:

    - direct: “...,” Ana Novak said.  /  “...,” said Ana Novak.  /  Ana Novak
      said: “...”  /  According to Ana Novak, “...”  /  “...,” Ana Novak said,
      “and ...”  /  “...,” Ana Novak said. “...”  /  “Will ...?” Ana Novak
      asked.  /  Ana Novak said: “...  ¶ “...” (a quotation that runs on into
      the next paragraph: two quotations, one per paragraph)
    - mixed: Ana Novak called it “...”.  /  Ana Novak described the bridge as “...”.
    - indirect: Ana Novak said (that) ...  /  ..., Ana Novak said.  /
      According to Ana Novak, ...  /  ..., according to Ana Novak.

    A speaker is a given name of the library's lexicon and a family name of
    `SURNAMES`, named first in full, perhaps with a title (Mayor, Dr.) or a
    role (", a local historian,"), and afterwards in full, by family name or
    by pronoun; every quotation expects the full name. Content is drawn from
    `SAFE_WORDS` alone, so it never holds a quotation mark, a cue or a name.

    Args:
        kinds: Which kinds of quotation the articles contain.
        marks: The (opening, closing) mark styles to choose from, one per article.
        min_quotes: The fewest quotation sentences in an article.
        max_quotes: The most quotation sentences in an article (a sentence
            may hold two quotations: “...,” she said, “and ...”).
        surnames: Whether a later mention may use the family name alone.
        pronouns: Whether a speaker who spoke last may be "he" or "she".
        run_on: Whether a quotation may run on into the next paragraph.

    Returns:
        A strategy for `Article`s.

    Raises:
        ValueError: No kind or no mark style was given, or the bounds are out of order.
    """
    chosen = frozenset(QuoteKind(kind) for kind in kinds)
    styles = tuple(marks)
    if not chosen:
        raise ValueError("articles() needs at least one kind of quotation")
    if not styles:
        raise ValueError("articles() needs at least one quotation-mark style")
    if not 0 <= min_quotes <= max_quotes:
        raise ValueError(f"articles() needs 0 <= min_quotes <= max_quotes, got {min_quotes}, {max_quotes}")
    templates = [
        template
        for kind in QuoteKind
        if kind in chosen
        for template in _TEMPLATES[kind]
        if run_on or template is not _paragraphs
    ]
    people = st.lists(_people(), min_size=1, max_size=3, unique_by=(lambda p: p.given, lambda p: p.family))
    return _articles(
        _Options(
            people,
            st.sampled_from(templates),
            st.sampled_from(styles),
            st.integers(min_quotes, max_quotes),
            surnames,
            pronouns,
        )
    )
