"""What the ranker knows of a candidate speaker: general, named features.

Each feature is a name with a value (1.0 for an indicator); the model
(`quotes.ranking.model`) has one weight per name. `FEATURES` lists every name
`features` can give, so a model file can be checked against the code. Nothing
here knows a particular document, publication or person: the features describe
the pattern that links a mention to a quote (side, distance in words,
sentences and paragraphs, the cue next to the mention, names and quotes between
them), the mention itself (kind, pronoun, title, capitals) and the quote.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence
from itertools import product
from typing import Final

import regex

from quotes.attribution import Attribution, Document, Evidence
from quotes.bisection import first_from
from quotes.cues import CueSection, FoundCue
from quotes.indirect import reports
from quotes.lexicon import word_lists
from quotes.marks import QuotedSpan
from quotes.mentions import Found, MentionKind
from quotes.model import QuoteKind, SpeakerKind
from quotes.ranking.candidates import Candidate, Source
from quotes.text import LETTERS, WORD, WORD_BACKWARDS

__all__ = [
    "FEATURES",
    "DocumentFeatures",
    "MentionFacts",
    "QuoteFacts",
    "QuoteSetting",
    "features",
    "name_candidates",
    "null_features",
]

_SIDES: Final = ("before", "after")
_SENTENCE: Final = ("0", "1", "2+")
_PARAGRAPH: Final = ("0", "1", "2+")
_WORDS: Final = ("0", "1-2", "3-5", "6-10", "11-20", "21-40", "41+")
_COUNT: Final = ("0", "1", "2+")
_KINDS: Final = tuple(kind.value for kind in MentionKind)
_SPEAKER_KINDS: Final = tuple(kind.value for kind in SpeakerKind)
_SECTIONS: Final = tuple(section.value for section in CueSection)
_PRONOUNS: Final = ("he", "she", "they", "it", "we", "i")
_QUOTE_KINDS: Final = (QuoteKind.DIRECT.value, QuoteKind.MIXED.value)
_EVIDENCE: Final = ("tail", "head", "subject", "next sentence", "continuation")
_LENGTH: Final = ("1", "2", "3", "4+")
_SALIENCE: Final = ("1", "2-3", "4+")
_LEAD: Final = " \t\u00a0,\u2014\u2013-"
_ENDINGS: Final = ("comma", "stop", "question", "other")
_CANDIDATES: Final = ("1-3", "4-10", "11+")
_PREPOSITIONS: Final = frozenset(
    {"of", "to", "in", "with", "for", "about", "from", "on", "at", "against", "than", "like", "into", "over"}
)
# names of the features of an enum member, made once: an enum's `.value` is a slow property
_KIND_NAMES: Final = {kind: f"kind:{kind.value}" for kind in MentionKind}
_KIND_SIDE_NAMES: Final = {
    (kind, side): f"kind:{kind.value}:{side}" for kind, side in product(MentionKind, _SIDES)
}
_SPEAKER_KIND_NAMES: Final = {kind: f"speaker_kind:{kind.value}" for kind in SpeakerKind}
# names of the features that depend on a candidate's side, made once (index 0 before, 1 after):
# building each name with an f-string for every candidate was most of the ranker's time
_SIDE_NAMES: Final = tuple(f"side:{side}" for side in _SIDES)
_SOURCE_NAMES: Final = {
    source: (f"src:{source}", tuple(f"src:{source}:{side}" for side in _SIDES)) for source in Source.ALL
}
_RULE_NAMES: Final = {evidence: f"rule:{evidence.value}" for evidence in Evidence}
_PRONOUN_SIDE_NAMES: Final = {p: tuple(f"pronoun:{p}:{side}" for side in _SIDES) for p in _PRONOUNS}
_SENTENCE_NAMES: Final = tuple(tuple(f"sentences:{side}:{d}" for d in _SENTENCE) for side in _SIDES)
_PARAGRAPH_NAMES: Final = tuple(tuple(f"paragraphs:{side}:{d}" for d in _PARAGRAPH) for side in _SIDES)
_WORD_BOUNDS: Final = (0, 2, 5, 10, 20, 40)
_WORD_NAMES: Final = tuple(tuple(f"words:{side}:{d}" for d in _WORDS) for side in _SIDES)
_NAMES_BETWEEN: Final = tuple(f"names_between:{n}" for n in _COUNT)
_QUOTES_BETWEEN: Final = tuple(f"quotes_between:{n}" for n in _COUNT)
_QUOTES_BETWEEN_SIDE: Final = tuple(tuple(f"quotes_between:{n}:{side}" for side in _SIDES) for n in _COUNT)
_CUES_BETWEEN: Final = tuple(f"cues_between:{n}" for n in _COUNT)
_CUE_FOLLOWS_SIDE: Final = tuple(f"cue_follows:{side}" for side in _SIDES)
_CUE_PRECEDES_SIDE: Final = tuple(f"cue_precedes:{side}" for side in _SIDES)
_CUE_INTRODUCES: Final = tuple(f"cue_introduces:{side}" for side in _SIDES)
_TAIL_SENTENCE_NAMES: Final = tuple(f"tail_pattern:{d}" for d in _SENTENCE)
_TAIL_ENDING_NAMES: Final = {ending: f"tail_pattern:{ending}" for ending in _ENDINGS}
_QUOTE_NAMES: Final = {
    kind: (f"quote:{kind.value}", tuple(f"quote:{kind.value}:{side}" for side in _SIDES))
    for kind in QuoteKind
}
_OPENS_PARAGRAPH: Final = tuple(f"quote_opens_paragraph:{side}" for side in _SIDES)
_ENDS_COMMA: Final = tuple(f"quote_ends_comma:{side}0" for side in _SIDES)
_QUOTE_END_NAMES: Final = {
    ending: tuple(f"quote_end:{ending}:{side}" for side in _SIDES) for ending in _ENDINGS
}
_PRONOUN_NAMES: Final = {p: f"pronoun:{p}" for p in _PRONOUNS}
_LENGTH_NAMES: Final = tuple(f"length:{n}" for n in _LENGTH)
_SALIENCE_NAMES: Final = tuple(f"salience:{n}" for n in _SALIENCE)
# a cue's features on either side of a mention: that there is one, its section, "say"
_CUE_SIDE_NAMES: Final = {
    side: (side, {section: f"{side}:{section.value}" for section in CueSection}, f"{side}:say")
    for side in ("cue_follows", "cue_precedes")
}
_CLAIMED: Final = ("cue_claimed:earlier", "cue_claimed:later")
_NULL_RULE_NAMES: Final = {evidence: f"null:rule:{evidence.value}" for evidence in Evidence}
_NULL_QUOTE_NAMES: Final = {kind: f"null:quote:{kind.value}" for kind in QuoteKind}
_NULL_CANDIDATES: Final = tuple(f"null:candidates:{n}" for n in _CANDIDATES)
_GAP_STOP: Final = regex.compile('[\n"\u201c\u201d;:.]')  # what ends a subject before its cue
_GAP_CHARS: Final = 400  # words are counted over this many characters at most: beyond is far anyway
_PASSIVE: Final = regex.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\b[\s\p{L}]*$")
# possessive: a word is never split over two of the three, which on a long gap made the engine
# try every way of cutting its letters before giving up (the same gaps match)
_COLON_GAP: Final = regex.compile(r"[\s,\u2014\u2013\-]*+(?:\p{L}++[\s,]*+){0,3}:\s*$")


def _names() -> tuple[str, ...]:
    names = ["bias", "rule", "log_words", "rule_cue_subject"]
    names += [f"rule:{e}" for e in _EVIDENCE]
    names += [f"src:{s}" for s in Source.ALL]
    names += [f"src:{s}:{side}" for s, side in product(Source.ALL, _SIDES)]
    names += [f"kind:{k}" for k in _KINDS]
    names += [f"kind:{k}:{side}" for k, side in product(_KINDS, _SIDES)]
    names += [f"speaker_kind:{k}" for k in _SPEAKER_KINDS]
    names += [f"pronoun:{p}" for p in _PRONOUNS]
    names += [f"pronoun:{p}:{side}" for p, side in product(_PRONOUNS, _SIDES)]
    names += ["titled", "plural", "gendered", "capitalised", "all_caps", "lower_start", "determiner_start"]
    names += [f"length:{n}" for n in _LENGTH]
    names += [f"side:{side}" for side in _SIDES]
    names += [f"sentences:{side}:{d}" for side, d in product(_SIDES, _SENTENCE)]
    names += [f"paragraphs:{side}:{d}" for side, d in product(_SIDES, _PARAGRAPH)]
    names += [f"words:{side}:{d}" for side, d in product(_SIDES, _WORDS)]
    names += [f"names_between:{n}" for n in _COUNT]
    names += [f"quotes_between:{n}" for n in _COUNT]
    names += [f"cues_between:{n}" for n in _COUNT]
    names += ["cue_follows", "cue_precedes", "by_precedes"]
    names += [f"cue_follows:{s}" for s in _SECTIONS]
    names += [f"cue_precedes:{s}" for s in _SECTIONS]
    names += [f"cue_follows:{side}" for side in _SIDES]
    names += [f"cue_precedes:{side}" for side in _SIDES]
    names += ["cue_follows:say", "cue_precedes:say", "cue_follows:participle", "cue_precedes:according"]
    names += ["cue_follows:passive", "head_pattern", "cue_claimed", "inverted_tail", "cue_introduces:other"]
    names += ["cue_claimed:earlier", "cue_claimed:later"]
    names += [f"cue_introduces:{side}" for side in _SIDES]
    names += [f"tail_pattern:{d}" for d in _SENTENCE]
    names += [f"tail_pattern:{e}" for e in _ENDINGS]
    names += [f"quotes_between:{n}:{side}" for n, side in product(_COUNT, _SIDES)]
    names += ["colon", "dash", "possessive", "after_preposition", "sentence_initial", "comma_follows"]
    names += ["previous_same", "previous_same:continues", "previous_mention"]
    names += [f"salience:{n}" for n in _SALIENCE]
    names += [f"quote:{k}" for k in _QUOTE_KINDS]
    names += [f"quote:{k}:{side}" for k, side in product(_QUOTE_KINDS, _SIDES)]
    names += ["quote_opens_paragraph:before", "quote_opens_paragraph:after"]
    names += ["quote_ends_comma:after0", "quote_ends_comma:before0"]
    names += [f"quote_end:{e}:{side}" for e, side in product(_ENDINGS, _SIDES)]
    names += ["null", "null:norule", "null:rule_no_mention", "null:no_cue_near"]
    names += [f"null:rule:{e}" for e in _EVIDENCE]
    names += [f"null:quote:{k}" for k in _QUOTE_KINDS]
    names += [f"null:candidates:{n}" for n in _CANDIDATES]
    names += ["null:continues"]
    return tuple(names)


FEATURES: Final[tuple[str, ...]] = _names()
"""Every feature name `features` and `null_features` can give."""


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class MentionFacts:
    """What the features need to know of one mention, whatever the quotation.

    Attributes:
        features: The features of the mention alone.
        follows: The cue right after it, if any.
        precedes: The cue right before it, if any.
        sentence: The index of its sentence.
        paragraph: The index of its paragraph.
    """

    features: dict[str, float]
    follows: FoundCue | None
    precedes: FoundCue | None
    sentence: int
    paragraph: int

    def __init__(
        self,
        features: dict[str, float],
        follows: FoundCue | None,
        precedes: FoundCue | None,
        sentence: int,
        paragraph: int,
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "features", features)
        object.__setattr__(self, "follows", follows)
        object.__setattr__(self, "precedes", precedes)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "paragraph", paragraph)


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class QuoteFacts:
    """What the features need to know of one quotation, whatever the candidate.

    Attributes:
        sentences: The index of the sentence its candidates before it are measured from
            (that of its opening mark), then that of those after it (its closing mark).
        paragraphs: The same for paragraphs.
        opens_paragraph: Whether nothing but space comes before it in its paragraph.
        ending: How its quoted words end (see `_ending`).
    """

    sentences: tuple[int, int]
    paragraphs: tuple[int, int]
    opens_paragraph: bool
    ending: str

    def __init__(
        self, sentences: tuple[int, int], paragraphs: tuple[int, int], opens_paragraph: bool, ending: str
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "opens_paragraph", opens_paragraph)
        object.__setattr__(self, "ending", ending)


@dataclasses.dataclass(frozen=True, slots=True)
class DocumentFeatures:
    """What the features need to know of a whole document, computed once.

    Attributes:
        surnames: How often each last word of a name occurs among the document's names.
        facts: The facts of each mention asked about so far, by its offsets: a mention
            near several quotations is read once.
        quotes: The facts of each quotation asked about so far, by its offsets: read
            once for all its candidates.
    """

    surnames: Counter[str]
    facts: dict[tuple[int, int], MentionFacts] = dataclasses.field(default_factory=dict)
    quotes: dict[tuple[int, int, int, int], QuoteFacts] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> DocumentFeatures:
        """Count the document's names."""
        return cls(Counter(_surname(name) for name in document.names if name.kind is MentionKind.NAME))

    def facts_of(self, mention: Found, document: Document) -> MentionFacts:
        """The facts of `mention`, read once."""
        key = (mention.start, mention.end)
        found = self.facts.get(key)
        if found is None:
            found = self.facts[key] = _mention_facts(mention, document, self)
        return found

    def quote_facts(self, span: QuotedSpan, document: Document) -> QuoteFacts:
        """The facts of the quotation `span`, read once."""
        key = (span.open_start, span.close_end, span.start, span.end)
        found = self.quotes.get(key)
        if found is None:
            found = self.quotes[key] = _quote_facts(span, document)
        return found


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class QuoteSetting:
    """One quotation with what the rules found for it and for the one before.

    Attributes:
        span: The quotation.
        kind: Direct or mixed.
        rule: The rules' attribution, if any.
        previous: The mention the rules gave the quotation before, if any.
        continues: Whether this quote continues the previous one's paragraph.
        runs_on: Whether the quotation before this one was left open at the end of its
            paragraph and this one opens the next: one quotation over paragraphs.
    """

    span: QuotedSpan
    kind: QuoteKind
    rule: Attribution | None
    previous: Found | None
    continues: bool
    runs_on: bool

    def __init__(
        self,
        span: QuotedSpan,
        kind: QuoteKind,
        rule: Attribution | None,
        previous: Found | None,
        continues: bool,
        runs_on: bool = False,
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "previous", previous)
        object.__setattr__(self, "continues", continues)
        object.__setattr__(self, "runs_on", runs_on)


def features(
    candidate: Candidate,
    setting: QuoteSetting,
    document: Document,
    counts: DocumentFeatures,
    others: Sequence[Candidate],
    names: Sequence[Found] | None = None,
) -> dict[str, float]:
    """The features of one candidate speaker of one quotation.

    Args:
        candidate: The candidate.
        setting: The quotation.
        document: Its document.
        counts: The document's precomputed counts.
        others: All candidates of the quotation, in order of position.
        names: The mentions of those of `others` found as names (`name_candidates`), if
            known: a quotation's candidates then read them once for all.
    """
    text = document.text
    mention = candidate.mention
    span = setting.span
    sources = candidate.sources
    before = mention.end <= span.open_start
    at = 0 if before else 1
    f: dict[str, float] = {"bias": 1.0}
    rule = setting.rule
    if Source.RULE in sources and rule is not None:
        f["rule"] = 1.0
        f[_RULE_NAMES[rule.evidence]] = 1.0
    for source in sources:
        name, by_side = _SOURCE_NAMES[source]
        f[name] = 1.0
        f[by_side[at]] = 1.0
    if Source.CUE_SUBJECT in sources and Source.RULE in sources:
        f["rule_cue_subject"] = 1.0
    facts = counts.facts_of(mention, document)
    f.update(facts.features)
    kind = mention.kind
    f[_KIND_SIDE_NAMES[kind, _SIDES[at]]] = 1.0
    if kind is MentionKind.PRONOUN and mention.name in _PRONOUN_SIDE_NAMES:
        f[_PRONOUN_SIDE_NAMES[mention.name][at]] = 1.0
    f[_SIDE_NAMES[at]] = 1.0
    gap_start, gap_end = (mention.end, span.open_start) if before else (span.close_end, mention.start)
    gap_end = max(gap_start, gap_end)
    follows = facts.follows
    quote = counts.quote_facts(span, document)
    sentences = abs(quote.sentences[at] - facts.sentence)
    paragraphs = abs(quote.paragraphs[at] - facts.paragraph)
    if not before and follows is not None and paragraphs == 0 and not text[gap_start:gap_end].strip(_LEAD):
        sentences = 0  # "“…?” Okafor asked": one sentence, however a splitter cut it
    sentence_bucket = min(sentences, 2)
    f[_SENTENCE_NAMES[at][sentence_bucket]] = 1.0
    f[_PARAGRAPH_NAMES[at][min(paragraphs, 2)]] = 1.0
    distance = _words(text, gap_start, gap_end)
    f[_bucket(distance, _WORD_BOUNDS, _WORD_NAMES[at])] = 1.0
    f["log_words"] = math.log1p(distance) / 4.0
    between = 0
    for named in name_candidates(others) if names is None else names:
        if named.start >= gap_end:
            break  # in order of position: no later name is between either
        if gap_start <= named.start and named.end <= gap_end:
            between += 1
    f[_NAMES_BETWEEN[min(between, 2)]] = 1.0
    quotes_between = min(document.quotes_within(gap_start, gap_end), 2)
    f[_QUOTES_BETWEEN[quotes_between]] = 1.0
    f[_QUOTES_BETWEEN_SIDE[quotes_between][at]] = 1.0
    f[_CUES_BETWEEN[min(len(document.cues_between(gap_start, gap_end, 2)), 2)]] = 1.0
    if follows is not None:
        f[_CUE_FOLLOWS_SIDE[at]] = 1.0
        after_cue = document.quote_after(follows.end)
        if after_cue is not None and not text[follows.end : after_cue[0]].strip(" \t\u00a0,:"):
            # "X said: “…”": the cue introduces a quotation right after it
            f[_CUE_INTRODUCES[at] if after_cue[0] == span.open_start else "cue_introduces:other"] = 1.0
        if before:
            if quotes_between == 0 and sentences == 0:
                f["head_pattern"] = 1.0  # "X said: “…”"
            elif quotes_between != 0:
                f["cue_claimed"] = 1.0  # "X said: “A.” “B.”": X's cue has its own quote
        elif distance <= 2 and paragraphs == 0:
            # "“…,” X said"; "“…?” X asked", which a sentence splitter may cut after the mark
            f[_TAIL_SENTENCE_NAMES[sentence_bucket]] = 1.0
            f[_TAIL_ENDING_NAMES[quote.ending]] = 1.0
    if facts.precedes is not None:
        f[_CUE_PRECEDES_SIDE[at]] = 1.0
        if not before and distance <= 3:
            f["inverted_tail"] = 1.0  # "“…,” said X"
    if sentences:
        cue = facts.precedes or follows
        if cue is not None and _claimed(cue, mention, span, document):
            # "“…” According to X, CLAUSE." or "CLAUSE, according to X. “…”": X's cue has its own report
            f[_CLAIMED[at]] = 1.0
    # the cheap test first: most gaps hold no colon
    if (
        before
        and text.find(":", mention.end, span.open_start) >= 0
        and _COLON_GAP.match(text, mention.end, span.open_start)
    ):
        f["colon"] = 1.0
    if Source.DASH in sources:
        f["dash"] = 1.0
    previous = setting.previous
    if previous is not None:
        if previous.start == mention.start and previous.end == mention.end:
            f["previous_mention"] = 1.0
        if kind is MentionKind.NAME and _surname(previous) == _surname(mention):
            f["previous_same"] = 1.0
            if setting.continues:
                f["previous_same:continues"] = 1.0
    quote_name, quote_by_side = _QUOTE_NAMES[setting.kind]
    f[quote_name] = 1.0
    f[quote_by_side[at]] = 1.0
    if quote.opens_paragraph:
        f[_OPENS_PARAGRAPH[at]] = 1.0
    if sentences == 0 and quote.ending == "comma":
        f[_ENDS_COMMA[at]] = 1.0
    if distance <= 2:
        f[_QUOTE_END_NAMES[quote.ending][at]] = 1.0
    return f


def name_candidates(candidates: Sequence[Candidate]) -> list[Found]:
    """The mentions of `candidates` found as names, in their order."""
    return [candidate.mention for candidate in candidates if Source.NAME in candidate.sources]


def _quote_facts(span: QuotedSpan, document: Document) -> QuoteFacts:
    """What is true of a quotation whatever the candidate: where it is and how it ends."""
    text = document.text
    after = max(span.open_start, span.close_end - 1)  # the closing mark, or the opening one
    paragraph = document.paragraphs[document.paragraph_index(span.open_start)]
    return QuoteFacts(
        (document.sentence_index(span.open_start), document.sentence_index(after)),
        (document.paragraph_index(span.open_start), document.paragraph_index(after)),
        not text[paragraph[0] : span.open_start].strip(),
        _ending(text[span.start : span.end]),
    )


def _mention_facts(mention: Found, document: Document, counts: DocumentFeatures) -> MentionFacts:
    """What is true of a mention whatever the quotation: its kind, form and neighbours."""
    text = document.text
    f: dict[str, float] = {}
    f[_KIND_NAMES[mention.kind]] = 1.0
    f[_SPEAKER_KIND_NAMES[mention.speaker_kind]] = 1.0
    if mention.kind is MentionKind.PRONOUN and mention.name in _PRONOUN_NAMES:
        f[_PRONOUN_NAMES[mention.name]] = 1.0
    if mention.title:
        f["titled"] = 1.0
    if mention.plural:
        f["plural"] = 1.0
    if mention.gender:
        f["gendered"] = 1.0
    written = text[mention.start : mention.end]
    words = WORD.findall(written)
    if written[:1].isupper():
        f["capitalised"] = 1.0
    else:
        f["lower_start"] = 1.0
    if len(written) > 3 and written.isupper():
        f["all_caps"] = 1.0
    if words and words[0].lower() in word_lists().determiners:
        f["determiner_start"] = 1.0
    f[_bucket(len(words), (1, 2, 3), _LENGTH_NAMES)] = 1.0
    follows = _cue_following(text, mention, document)
    if follows is not None:
        _cue_side(f, "cue_follows", follows)
        if text[follows.start : follows.end].lower().endswith("ing"):
            f["cue_follows:participle"] = 1.0
        if _PASSIVE.search(text, mention.end, follows.start):
            f["cue_follows:passive"] = 1.0  # "The talks were called ...": named, not speaking
    precedes = _cue_preceding(text, mention, document)
    if precedes is not None:
        _cue_side(f, "cue_precedes", precedes)
        if precedes.lemma == "according to":
            f["cue_precedes:according"] = 1.0
    before = WORD_BACKWARDS.search(text, max(0, mention.start - 30), mention.start)
    if before is not None and not text[before.end() : mention.start].strip():
        if before.group().lower() in _PREPOSITIONS:
            f["after_preposition"] = 1.0
        if before.group().lower() == "by":
            f["by_precedes"] = 1.0
    if text.startswith(("'s", "\u2019s"), mention.end):
        f["possessive"] = 1.0
    if text[mention.end : mention.end + 1] == ",":
        f["comma_follows"] = 1.0
    sentence = document.sentence_index(mention.start)
    sentence_start = document.sentences[sentence][0] if document.sentences else 0
    if not text[sentence_start : mention.start].strip(" \t\n\u00a0\"\u201c\u201d'("):
        f["sentence_initial"] = 1.0
    if mention.kind is MentionKind.NAME:
        count = counts.surnames.get(_surname(mention), 1)
        f[_bucket(count, (1, 3), _SALIENCE_NAMES)] = 1.0
    return MentionFacts(f, follows, precedes, sentence, document.paragraph_index(mention.start))


def null_features(setting: QuoteSetting, document: Document, count: int) -> dict[str, float]:
    """The features of the choice that none of a quotation's `count` candidates is its speaker."""
    f = {"null": 1.0}
    rule = setting.rule
    if rule is None:
        f["null:norule"] = 1.0
    else:
        f[_NULL_RULE_NAMES[rule.evidence]] = 1.0
        if rule.mention is None:
            f["null:rule_no_mention"] = 1.0
    f[_NULL_QUOTE_NAMES[setting.kind]] = 1.0
    f[_bucket(count, (3, 10), _NULL_CANDIDATES)] = 1.0
    span = setting.span
    sentence = document.sentences[document.sentence_index(span.open_start)] if document.sentences else (0, 0)
    if not document.cues_between(sentence[0], max(sentence[1], span.close_end), 1):
        f["null:no_cue_near"] = 1.0
    if setting.continues:
        f["null:continues"] = 1.0
    return f


def _cue_side(f: dict[str, float], side: str, cue: FoundCue) -> None:
    """Set the features of a cue on one `side` of a mention: that there is one, its section, "say"."""
    name, by_section, say = _CUE_SIDE_NAMES[side]
    f[name] = 1.0
    f[by_section[cue.section]] = 1.0
    if cue.lemma == "say":
        f[say] = 1.0


def _bucket(value: int, bounds: Sequence[int], labels: Sequence[str]) -> str:
    """The label of the first bound `value` does not exceed; the last label past them all.

    `bounds` ascend, so the first bound not below `value` is found by bisection.
    """
    index = first_from(bounds, value)
    return labels[index] if index < min(len(bounds), len(labels)) else labels[-1]


def _ending(quoted: str) -> str:
    """How the quoted words end: a comma, a full stop, a question or exclamation mark, or else."""
    last = quoted.rstrip()[-1:]
    if last == ",":
        return "comma"
    if last == ".":
        return "stop"
    if last in "?!":
        return "question"
    return "other"


def _surname(mention: Found) -> str:
    return mention.name.rsplit(" ", 1)[-1].lower()


def _words(text: str, start: int, end: int) -> int:
    """The number of words, as white space separates them, in ``text[start:end]``; beyond
    `_GAP_CHARS` characters, 41. (A regex count of words cost the ranker a twentieth of its
    time, for no better choice on PolNeAR dev.)"""
    if end - start > _GAP_CHARS:
        return 41
    return len(text[start:end].split())


def _claimed(cue: FoundCue, mention: Found, span: QuotedSpan, document: Document) -> bool:
    """Whether the cue of a mention in another sentence than a quotation's reports words of
    its own: a clause ("According to X, CLAUSE") or another quotation right after it
    ("According to X, “…”")."""
    end = max(cue.end, mention.end)
    after = document.quote_after(end)
    if after is not None and after[0] != span.open_start and not document.text[end : after[0]].strip(_OPENS):
        return True
    return reports(document, cue)


_OPENS: Final = " \t\u00a0,:"  # what stands between a cue and the quotation it introduces


def _cue_following(text: str, mention: Found, document: Document) -> FoundCue | None:
    """A cue right after the mention, past adverbs and one parenthetical: "X (R-Utah) *said*"."""
    for cue in document.cues_between(mention.end, mention.end + 120, 1):
        gap = text[mention.end : cue.start]
        if _GAP_STOP.search(gap):
            return None
        if gap.count(",") in (0, 2) or gap.strip() == ",":
            extra = [w.lower() for w in LETTERS.findall(gap)]
            if gap.count(",") == 0 and any(w not in word_lists().subject_gap for w in extra):
                return None
            return cue
    return None


def _cue_preceding(text: str, mention: Found, document: Document) -> FoundCue | None:
    """A cue right before the mention: "said *X*", "according to *X*", "told by *X*"."""
    cue = document.last_cue(max(0, mention.start - 40), mention.start)
    if cue is None:
        return None
    gap = text[cue.end : mention.start].lower().strip()
    return cue if gap in ("", "by", ",") else None
