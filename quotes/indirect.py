"""Reported speech without quotation marks: "Peskov said Russia and Turkey maintain contacts".

The content of an indirect quotation is the reported clause alone, never the
cue, the speaker or a trailing attribution. News writes it in these ways:

- ``X said (that) CLAUSE``, with an audience or an adverbial between
  (``X told reporters on Monday that CLAUSE``);
- ``CLAUSE, X said.`` and ``CLAUSE, said X, a description.``, perhaps with a day
  or a new clause after the cue (``..., the bank said Wednesday``);
- ``PART, X said, PART.``, two quotations, one for each part, as PolNeAR marks them;
- ``According to X, CLAUSE.``, ``CLAUSE, according to X.`` and
  ``PART, according to X, PART.``, X any source (``recent polls``);
- an embedded question: ``X asked (Y) whether CLAUSE``;
- a passive with its speaker: ``Y was reported by X to have left``, ``Y, reported by X as
  carrying ...``;
- a second clause joined to the first: ``…, adding that CLAUSE``;
- two reports joined: ``X said A, and Y argued that B`` (the first ends before "and");
- a report relayed by news: ``The Herald reported X said CLAUSE`` and ``The Herald
  quoted X as saying CLAUSE`` are X's report;
- a report inside a clause its speaker closes: ``Lee told Y that B, but C, the source
  added`` is the source's report, Lee's telling and all.

Only verbs of speech introduce reported speech; beliefs, wishes and plans
(believes, wants, plans) and verbs of naming (branded the operation as an act
of aggression) never do (see ``quotes/data/cues.toml``).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final, cast

import regex

from quotes.attribution import NEAREST, Attribution, Document, Evidence, cue_subject, inside, subject_before
from quotes.cues import CueSection, FoundCue
from quotes.lexicon import clause_words, complement_words, cue_lexicon, mention_lexicon, word_lists
from quotes.mentions import Found, MentionKind, extended, mention_after
from quotes.text import WORD, WORD_BACKWARDS, blank, blanks_then, skip_space, skip_space_back
from quotes.words import WordMatch, first_words

__all__ = ["LEAD_IN_RATIO", "Reported", "leads_in", "reported_speech", "reports"]

_MIN_WORDS: Final = 3  # a reported clause is at least this long
LEAD_IN_RATIO: Final = 5
"""How many times the quoted words a clause that leads into them must outnumber to be reported speech."""
_THAT_WITHIN: Final = 16  # words: "said on Monday, in a statement, that ..." keeps its "that" this close
# Cues of speech that never take a reported clause of their own.
# ("points to data that ...": "point" without "out" points at a thing, not a clause.)
_NO_CLAUSE: Final = frozenset(
    {"ask", "speak", "query", "question", "call", "post", "continue", "go on", "answer", "point", "plead"}
)
# Words after a cue that start an adverbial, not the reported clause.
_NOT_A_CLAUSE: Final = frozenset(
    {"when", "after", "before", "while", "during", "on", "in", "at", "to", "with", "about", "for", "by", "as",
     "if", "whether", "of", "from", "via", "through", "without", "so", "and", "but", "or", "nothing",
     "aboard", "along", "amid", "among", "outside", "inside", "near", "across", "against", "toward",
     "towards", "behind", "alongside", "into", "onto", "upon", "throughout", "within"}
)  # fmt: skip
_CLAUSE_WINDOW: Final = 10  # words after a cue in which a reported clause shows its verb
_LONG_SUBJECT_WINDOW: Final = 24  # words after "said" in which an auxiliary may end a long subject
# A sentence of news has at most a handful of reporting cues (four in the development set);
# one of a hundred ("said said said ...") is no prose, and reading its first ones bounds the work.
_CUES_PER_SENTENCE: Final = 16
# an adverbial aside after a cue and its comma: "said, in a statement after the call, ..."
_ASIDE: Final = regex.compile(r"(?:on|in|at|during|after|before|via|through)\b[^,;:\n\"\u201c\u201d]{1,60},")
# the words `_ADVERBIAL_PHRASE` can open with, each followed by a blank
_ADVERBIAL_OPENERS: Final = frozenset(
    {"late", "early", "earlier", "later", "on", "in", "at", "during", "last", "this", "via"}
)
# (each word possessive: no part of a word is followed by a blank or a comma, so cutting one
# finds nothing, and trying every cut before a phrase with no comma cost 30K instructions)
_ADVERBIAL_PHRASE: Final = regex.compile(
    r"(?:(?:late|early|earlier|later)[ \t\u00a0]+)?(?:on|in|at|during|last|this|via)[ \t\u00a0]+"
    r"(?:(?:a|an|the|his|her|its|their)[ \t\u00a0]+)?[\p{L}\p{N}'\u2019\-]++"
    r"(?:[ \t\u00a0]+[\p{L}\p{N}'\u2019\-]++){0,3}?"
    r"(?=[ \t\u00a0]*,)[ \t\u00a0]*,"
    r"|(?:on|last|this|late[ \t\u00a0]+on)[ \t\u00a0]+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|morning|evening|year|month)\b"
    r"|yesterday\b|today\b"
    r"|(?:in|on|since|by)[ \t\u00a0]+(?:(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:[ \t\u00a0]+\d{1,2})?(?:,?[ \t\u00a0]+\d{4})?|\d{4})\b,?"
)
# a quantity opens a clause's subject, though its first word opens adverbials too:
# "said at least 116 people died", "said about 20 buildings collapsed"
_QUANTITY: Final = regex.compile(
    r"(?:at[ \t\u00a0]+(?:least|most)|about|around|up[ \t\u00a0]+to|more[ \t\u00a0]+than"
    r"|as[ \t\u00a0]+many[ \t\u00a0]+as)[ \t\u00a0]+\d",
    regex.IGNORECASE,
)
_AUDIENCE: Final = frozenset(
    {"tell", "inform", "assure", "warn", "remind", "brief", "advise", "reassure", "urge"}
)
_TRAILING: Final = ".;:!?,\u2014\u2013-"  # trimmed, with white space, from the end of a clause
_LEADING: Final = ",;:"  # trimmed, with white space, from the start of a clause


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Reported:
    """One indirect quotation.

    Attributes:
        start: Offset of the reported clause.
        end: Offset after it.
        attribution: Its cue and speaker mention.
    """

    start: int
    end: int
    attribution: Attribution

    def __init__(self, start: int, end: int, attribution: Attribution) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "attribution", attribution)


def reported_speech(document: Document) -> list[Reported]:
    """Every indirect quotation of a document, in order.

    Args:
        document: The document, with its quotations and names.
    """
    found: list[Reported] = []
    # walk the cues, not the sentences: most sentences have none, and asking each costs a search
    sentences = document.sentences
    sentence = -1
    start = end = count = 0
    for cue in document.cues:
        if sentence < 0 or cue.start >= end:
            sentence = document.sentence_index(cue.start)
            start, end = sentences[sentence]
            count = 0
        if cue.start < start or cue.end > end or count == _CUES_PER_SENTENCE:
            continue  # a cue across a sentence end is no sentence's (`Document.cues_between`)
        count += 1
        reported = _reported_once(document, cue, start, end)
        if reported is None:
            continue
        if found and reported.start < found[-1].end:
            if _nested(reported, found[-1]) or _closes_around(reported, found[-1]):
                found[-1] = reported
            elif (first := _before_joined(document, found[-1], reported)) is not None:
                found[-1] = first  # "X said A, and Y said B": two reports
                found.append(reported)
            continue
        if not leads_in(document, reported.start, reported.end):
            found.append(reported)
        rest = _rest_after(document, cue, reported, end)
        if rest is not None and not leads_in(document, rest.start, rest.end):
            found.append(rest)
    return found


def _nested(inner: Reported, outer: Reported) -> bool:
    """Whether `inner` is a report by someone a report relays: "Reuters reported *a source
    said* the ban is temporary" is the source's report, as Reuters tells it.

    Only a cue of reporting, citing or quoting relays another's words this way ("The paper
    quoted an aide as saying ..."); "Lee said the council announced ..." stays Lee's report,
    of what the council did.
    """
    mention, cue = inner.attribution.mention, outer.attribution.cue
    return (
        mention is not None
        and cue is not None
        and cue.lemma in _RELAYS
        and mention.start == outer.start
        and inner.end <= outer.end
        and inner.attribution.evidence is Evidence.HEAD
    )


_RELAYS: Final = frozenset({"report", "cite", "quote"})  # cues of news that relay someone else's words


def _closes_around(outer: Reported, inner: Reported) -> bool:
    """Whether `outer` is a clause closed by its speaker that holds all of `inner`: "Lee had
    told the police that she wanted no escort, but they overruled her, the source added"."""
    return (
        outer.attribution.evidence is Evidence.TAIL and outer.start <= inner.start and inner.end <= outer.end
    )


def _before_joined(document: Document, outer: Reported, inner: Reported) -> Reported | None:
    """`outer` up to the "and" or "but" that joins `inner` to it, where `inner`'s speaker opens
    the joined clause ("Lee said the vote failed, *and* critics argued that ..."); else None."""
    mention = inner.attribution.mention
    if mention is None or not outer.start < mention.start < outer.end or inner.start < mention.end:
        return None
    # only the few characters right before the speaker decide, so each report costs the same
    joined = _JOINED_SPEAKER.search(document.text, max(outer.start, mention.start - 16), mention.start)
    if joined is None:
        return None
    content = _content(document, outer.start, joined.start())
    return Reported(content[0], content[1], outer.attribution) if content is not None else None


_JOINED_SPEAKER: Final = regex.compile(r"[,;]?[ \t\u00a0]+(?:and|but)[ \t\u00a0]+$")


def _rest_after(document: Document, cue: FoundCue, first: Reported, end: int) -> Reported | None:
    """``PART, X said, PART.``: the part after a cue that interrupts the reported sentence.

    "In her state, Lee said, first offenders are sent to treatment" reports both parts;
    the first is found as the clause before the cue (`_tail_clause`), the rest is its own
    quotation with the same speaker, as PolNeAR marks it. The rest runs to the end of its
    clause and must read as one ("Lee said, adding ..." is a new cue's).
    """
    mention = first.attribution.mention
    if first.attribution.evidence is not Evidence.TAIL or mention is None or first.end > mention.start:
        return None  # no report before the cue and its speaker
    text = document.text
    position = max(cue.end, mention.end)
    comma = skip_space(text, position, end)
    adverbial = _adverbial(text, comma, end)
    if adverbial is not None and text[adverbial.end() - 1] == ",":
        comma = adverbial.end() - 1  # "..., the agency said in a June report, and ..."
    if comma >= end or text[comma] != ",":
        return None  # the cue closes the sentence
    after = skip_space(text, comma + 1, end)
    word = WORD.match(text, after, end)
    if word is None:
        return None  # '..., she said, "...': a quotation of its own
    lower = word.group().lower()
    if lower == "and":  # "..., the agency said, and those in the bottom fifth paid ...": it goes on
        after = skip_space(text, word.end(), end)
        word = WORD.match(text, after, end)
        if word is None:
            return None
        lower = word.group().lower()
    if lower in _NOT_A_CLAUSE or lower in clause_words().conjunctions:
        return None  # "..., he said, but ...", "..., he said, in a statement": a new clause or an adverbial
    if lower.endswith("ing") or cue_lexicon().lemma(lower) is not None:
        return None  # "..., the bank said, citing data": a participle, no part of the report
    # "..., Lee said, a date the builders set": a description of the first part (but in
    # "..., Lee said, one should visit", "one" is a clause's subject)
    if lower in _APPOSITION and not (lower == "one" and _verb_follows(text, word.end(), end)):
        return None
    clause_end = _clause_end(document, after, end)
    if not _looks_like_clause(text, after, clause_end, present=True):
        return None  # "..., Sanders said, a policy that ...": an apposition, no clause
    return _clause(document, after, clause_end, mention, cue, Evidence.HEAD)


def leads_in(document: Document, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` only leads into the quotation that finishes it.

    "Lee said there is a danger when “…”" reports one thing, the quoted words, and
    the library returns them as a mixed quotation with Lee as the speaker. A long
    paraphrase that a short quoted tail completes ("Lee said the talks that began in
    May were a matter of “serious concern”") still reports on its own: the clause
    counts as reported speech while its words outnumber the quoted ones
    `LEAD_IN_RATIO` times.
    """
    text = document.text
    opening = skip_space(text, end, min(len(text), end + 3))
    quote = document.quote_after(opening)
    if quote is None or quote[0] != opening:
        return False
    clause = len(first_words(WORD, text, start, end))
    # the quoted words are counted only as far as they may be few enough: a long quotation costs no more
    most = clause // LEAD_IN_RATIO
    quoted = len(first_words(WORD, text, quote[0], quote[1], most + 1))
    return max(quoted, 1) > most


def reports(document: Document, cue: FoundCue) -> bool:
    """Whether `cue` introduces or closes a reported clause of its own ("Y said that ...")."""
    start, end = document.sentences[document.sentence_index(cue.start)]
    return _reported_once(document, cue, start, end) is not None


def _reported_once(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """`_reported` for the cue of the sentence ``text[start:end]``, read once a document."""
    known = document.reports.get(cue.start, _UNREAD)
    if known is _UNREAD:
        known = document.reports[cue.start] = _reported(document, cue, start, end)
    return cast("Reported | None", known)


_UNREAD: Final = object()  # a cue not read yet (None is a cue that reports nothing)


def _reported(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """The reported clause a cue introduces or closes, with its speaker."""
    speech = cue.section is CueSection.SPEECH or cue.subject_follows
    if not speech and cue.lemma not in _complement_cues():
        return None  # "criticised", "branded": a stance or a name, not what was said
    text = document.text
    before = max(start, cue.start - 40)
    if _maybe_negated(text, before, cue.start) and _NEGATED.search(text, before, cue.start):
        return None  # "had not announced any plans": nothing was reported
    if not speech or cue.lemma in _NO_CLAUSE:
        # "accused Lee of lying", "called on the council to resign", "asked whether", "asked Lee to"
        question = _question(document, cue, start, end) if cue.lemma == "ask" else None
        return question if question is not None else _complemented(document, cue, start, end)
    if cue.subject_follows:  # "According to X, CLAUSE." / "CLAUSE, according to X."
        return _according(document, cue, start, end)
    passive = _passive_by(document, cue, start, end)
    if passive is not None:
        return passive
    if cue.lemma in _EXPLAINING:  # "Ham explained why he backs Trump": what he explained
        question = _question(document, cue, start, end)
        if question is not None:
            return question
    tail = _tail_clause(document, cue, start, end)
    if tail is not None:
        return tail
    clause = _clause_span(document, cue, end)  # the cheaper test first: most cues report no clause
    if clause is None:
        return _complemented(document, cue, start, end)
    return _with_subject(document, cue, clause, start, end)


@functools.cache
def _complement_cues() -> frozenset[str]:
    """Every cue that reports a complement (`_complement`), read once."""
    lists = complement_words()
    return lists.commissive | lists.directive | lists.accusation | lists.objects | _object_lemmas()


def _complemented(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """The complement a cue reports (`_complement`), with its speaker; after a participle set
    off by a comma, only as far as the next comma ("Giuliani, claiming *to represent the
    State Department*, and Yermak")."""
    clause = _complement(document, cue, end)
    if clause is None:
        return None
    text = document.text
    before = skip_space_back(text, start, cue.start)
    if _participle(text[cue.start : cue.end].lower()) and text[before - 1 : before] == ",":
        comma = text.find(",", clause[0], clause[1])
        clause = (clause[0], comma) if comma >= 0 else clause
    return _with_subject(document, cue, clause, start, end)


def _with_subject(
    document: Document, cue: FoundCue, clause: tuple[int, int], start: int, end: int
) -> Reported | None:
    """The reported `clause` of a cue with the cue's subject as its speaker, if it has one."""
    text = document.text
    # the speaker is sought only for a clause that may be one
    content = _content(document, clause[0], clause[1])
    if content is None:
        return None
    # the rules alone find the speaker of reported speech: a parser's guess costs precision here
    mention = _quoted_as(document, cue, start) or cue_subject(text, cue, start, end, document, parsed=False)
    if mention is None and not _opens_with_verb(text, clause[0], clause[1]):
        # ("The initial reports were of ...": no subject after the cue, so the cue is a noun)
        mention = _plain_subject(document, cue, start)
    if mention is None:
        return None
    return _report(content[0], content[1], mention, cue, Evidence.HEAD)


def _passive_by(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """A passive cue with its speaker after "by": "The mayor was reported *by local media* to
    have left", "a plane, reported *by the press* as belonging to the army"; what follows
    "to" (with it) or "as" (without it) is the report."""
    text = document.text
    # the cheap test first: most cues have no "by" after them
    by = _BY.match(text, cue.end, end) if blanks_then(text, cue.end, end, "by") else None
    if by is None:
        return None
    passive = _PASSIVE_BEFORE.search(text, max(start, cue.start - _PASSIVE_CHARS), cue.start)
    if passive is None:
        return None
    joint = _AGENT_JOINT.search(text, by.end(), min(end, by.end() + _AGENT_CHARS))
    if joint is None or any(c in text[by.end() : joint.start()] for c in _OBJECT_STOPS):
        return None  # no "to" or "as" after a few words of the agent's: another construction
    agent = _named_or_written(document, by.end(), joint.start())
    if agent is None:
        return None
    if joint.group(1).lower() == "to":
        clause = _to_clause(document, joint.start(1), joint.start(1), end)
        if clause is None:
            return None  # "reported by X to the police": a preposition, no infinitive
        return _clause(document, clause[0], clause[1], agent, cue, Evidence.HEAD)
    after = WORD.match(text, joint.end(), end)
    if after is None or not _participle(after.group().lower()):
        return None  # "written by two reporters as part of a series": "as" a preposition
    clause_end = _clause_end(document, joint.end(), end)
    if passive.group().startswith(","):  # "a plane, reported by X as Y, crashed": Y ends at a comma
        comma = text.find(",", joint.end(), clause_end)
        clause_end = comma if comma >= 0 else clause_end
    return _clause(document, joint.end(), clause_end, agent, cue, Evidence.HEAD)


_BY: Final = regex.compile(r"[ \t\u00a0]+by[ \t\u00a0]+")
# an auxiliary of the passive (perhaps with an adverb), or a comma: "a plane, reported by ..."
_PASSIVE_BEFORE: Final = regex.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)(?:[ \t\u00a0]+[\p{L}]+ly)?[ \t\u00a0]+|,[ \t\u00a0]*)$"
)
_PASSIVE_CHARS: Final = 30  # characters before a passive cue: "were initially"
_AGENT_CHARS: Final = 60  # characters of the agent after "by": "the state news agency of Iran"
_AGENT_JOINT: Final = regex.compile(r"[ \t\u00a0]+(to|as)[ \t\u00a0]+", regex.IGNORECASE)


def _quoted_as(document: Document, cue: FoundCue, start: int) -> Found | None:
    """The one a report quotes ("The paper quoted *an aide* as saying ..."), for the cue
    "saying" that follows "as"; None for any other cue."""
    text = document.text
    if not text[cue.start : cue.end].lower().endswith("ing"):
        return None  # the cheap test first
    found = _QUOTED_AS.search(text, max(start, cue.start - _QUOTED_AS_CHARS), cue.start)
    if found is None:
        return None
    return _named_or_written(document, *found.span(1))


def _named_or_written(document: Document, start: int, end: int) -> Found | None:
    """The mention that fills ``text[start:end]``, else those words as a description (its
    last word the head): "by *local media*", "quoted *a senior aide* as"."""
    text = document.text
    mention = mention_after(text, start, end, document.names)
    if mention is not None and mention.end == end:
        return mention
    head = WORD_BACKWARDS.search(text, start, end)
    if head is None:
        return None
    return Found(start, end, MentionKind.DESCRIPTION, text[start:end], head=head.group().lower())


_QUOTED_AS_CHARS: Final = 100  # characters before "as saying": "quoted a senior official in the ministry"
_QUOTED_AS: Final = regex.compile(
    r"\b(?:cited|cites|citing|quoted|quotes|quoting)[ \t\u00a0]+([^,.;:\n\"\u201c\u201d]{1,80}?)"
    r"[ \t\u00a0]+as[ \t\u00a0]*$",
    regex.IGNORECASE,
)


def _question(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """An embedded question: "X asked (Y) whether CLAUSE", "X asked why CLAUSE", "X
    explained why CLAUSE".

    Only a question word makes what follows "asked" a report: "asked the court to act"
    is a request, and "asked about the plan" names a topic.
    """
    text = document.text
    previous = WORD_BACKWARDS.search(text, max(start, cue.start - 12), cue.start)
    if previous is not None and previous.group().lower() in clause_words().auxiliaries:
        return None  # "he was asked whether ...": the asker is unnamed, the subject is asked
    question_words = clause_words().question_words
    first = None
    position = cue.end
    for word in first_words(WORD, text, cue.end, end, _AUDIENCE_WORDS + 1):
        if not blank(text, position, word.start()):
            return None  # punctuation: "asked, ..." or "asked "..."
        lower = word.group().lower()
        if lower in question_words:
            first = word
            break
        if lower in _NOT_A_CLAUSE or cue_lexicon().lemma(lower) is not None:
            return None  # "asked for ...", "asked about ..."
        position = word.end()  # an audience: "asked the engineers why"
    if first is None:
        return None
    mention = cue_subject(text, cue, start, end, document, parsed=False)
    if mention is None:
        return None  # "Asked whether ..., she said": the asker is unnamed
    clause_start = first.start()
    return _clause(
        document, clause_start, _clause_end(document, clause_start, end), mention, cue, Evidence.HEAD
    )


_EXPLAINING: Final = frozenset({"explain"})  # cues after which a question word opens what was said
_AUDIENCE_WORDS: Final = 4  # words between "asked" and its question: "asked the city's engineers why"


def _according(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """The report a source phrase opens, closes or interrupts: "According to X, CLAUSE."."""
    text = document.text
    mention = mention_after(text, cue.end, end, document.names)
    following = skip_space(text, mention.end, end) if mention is not None else end
    if mention is None or (following < end and text[following] not in _SOURCE_ENDS):
        # a name may be only the start of the source: "according to a person familiar with the talks"
        phrase = _source_phrase(text, cue.end, end)
        if mention is not None and phrase is not None and mention.kind is MentionKind.DESCRIPTION:
            place = _OF_PLACE.match(text, mention.end, phrase.end)
            if place is not None:  # "according to the mayor of Yartsevo": the place is the mayor's
                mention = extended(mention, place.end(), mention.name + place.group())
        mention = mention or phrase
        if mention is None:
            return None
        source_end = max(mention.end, phrase.end) if phrase is not None else mention.end
    else:
        source_end = mention.end
    if blank(text, start, cue.start):
        comma = skip_space(text, source_end, end)
        if comma == end or text[comma] != ",":
            return None  # "According to X, CLAUSE": the comma comes right after X
        clause_start = comma + 1
        return _clause(
            document, clause_start, _clause_end(document, clause_start, end), mention, cue, Evidence.HEAD
        )
    if not WORD.search(text, source_end, end):
        # "CLAUSE, according to X." and "CLAUSE yesterday according to X."
        clause_end = skip_space_back(text, start, cue.start)
        while clause_end > start and text[clause_end - 1] == ",":
            clause_end -= 1
        return _clause(document, start, clause_end, mention, cue, Evidence.TAIL)
    return _aside(document, cue, mention, source_end, start, end)


def _source_phrase(text: str, start: int, end: int) -> Found | None:
    """The source after "according to" when it names no one: "according to *recent polls*".

    It runs to the next comma or the sentence end, and is at most a few words long: a
    longer run is no noun phrase but the clause itself ("according to him the plan ...").
    """
    words = first_words(WORD, text, start, end, _SOURCE_WORDS + 1)
    if not words or not blank(text, start, words[0].start()):
        return None
    last = words[0]
    for word in words[1:]:
        if "," in text[last.end() : word.start()]:
            break
        last = word
    else:
        if len(words) > _SOURCE_WORDS:
            return None
    phrase = text[words[0].start() : last.end()]
    return Found(words[0].start(), last.end(), MentionKind.DESCRIPTION, phrase, head=last.group().lower())


# " of" and a few capitalised words after a description: "the mayor *of Yartsevo*"
_OF_PLACE: Final = regex.compile(
    r"[ \t\u00a0]+of[ \t\u00a0]+\p{Lu}[\p{L}'\u2019\-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}'\u2019\-]*){0,3}"
)
_SOURCE_ENDS: Final = ",.;:!?"  # after these the source is the name alone
_SOURCE_WORDS: Final = 12  # words: "according to a person familiar with the talks between the two parties"


def _aside(
    document: Document, cue: FoundCue, mention: Found, source_end: int, start: int, end: int
) -> Reported | None:
    """``PART, according to X, PART.``: the report is the part with a verb, the first one if both
    have, and the first one if only a description of the source follows it.

    "By May 1, according to filings, the firm had sold its stake" reports the second part;
    "The plan, according to aides, is to wait" the first, as the corpora mark it.
    """
    text = document.text
    before = skip_space_back(text, start, cue.start)
    after = skip_space(text, source_end, end)
    if before <= start or text[before - 1] != "," or after >= end or text[after] != ",":
        return None
    last = WORD_BACKWARDS.search(text, start, before)
    if last is not None and cue_lexicon().lemma(last.group()) is not None:
        return None  # "X decided, according to the summary, that ...": the source of another cue's report
    first = WORD.search(text, start, before)
    opens = first is not None and first.group().lower() not in _NOT_A_CLAUSE  # not "By May 1"
    if opens and _looks_like_clause(text, start, before - 1):
        return _clause(document, start, before - 1, mention, cue, Evidence.TAIL)
    second = WORD.search(text, after + 1, end)
    if second is None or second.group().lower() in _NOT_A_CLAUSE:
        # "Trump leads, according to the poll, and has a lead in Ohio": no clause of its own
        return _clause(document, start, before - 1, mention, cue, Evidence.TAIL) if opens else None
    clause_end = _clause_end(document, after + 1, end)
    if opens and not _looks_like_clause(text, after + 1, clause_end, present=True):
        # "The deal covers 100 workers, according to the union, one of two in the talks"
        return _clause(document, start, before - 1, mention, cue, Evidence.TAIL)
    return _clause(document, after + 1, clause_end, mention, cue, Evidence.HEAD)


_APPOSITION: Final = frozenset({"a", "an", "one"})  # words opening a noun in apposition, not a clause


def _plain_subject(document: Document, cue: FoundCue, start: int) -> Found | None:
    """A subject the mention rules do not know, right before a cue: "*The organizer of the
    rally* said", "*Some 22 percent* said", "..., *the magazine* said".

    It is a few words after the sentence start or a comma, none of them a verb, opening
    with a capital, a number or a determiner.
    """
    text = document.text
    end = skip_space_back(text, start, cue.start)
    window = max(start, end - _SUBJECT_CHARS)
    opening = max(text.rfind(",", window, end), text.rfind(";", window, end))
    if opening < 0 and window > start:
        return None  # no comma or sentence start close enough: too long for a subject
    begin = skip_space(text, max(start, opening + 1), end)
    words = first_words(WORD, text, begin, end, _SUBJECT_WORDS + 1)
    if not words or len(words) > _SUBJECT_WORDS or words[0].start() != begin:
        return None
    if any(not blank(text, a.end(), b.start()) for a, b in itertools.pairwise(words)):
        return None  # punctuation between the words: no plain noun phrase
    if not blank(text, words[-1].end(), end):
        return None
    first = words[0].group()
    if not (first[0].isupper() or first[0].isdigit() or first.lower() in mention_lexicon().determiners):
        return None
    if first.lower() in _PREPOSITIONS:
        return None  # "In the wake of the Times report, ...": an adverbial, no subject
    lists = clause_words()
    lexicon = cue_lexicon()
    determiners = mention_lexicon().determiners
    previous = ""
    for word in words:
        lower = word.group().lower()
        if lower in lists.auxiliaries or lower in lists.subject_pronouns:
            return None  # "It said": not a plain noun phrase
        if lexicon.lemma(lower) is not None and previous not in determiners:
            # "Officials say Lee said": a verb; but a determiner makes a noun ("the state tax chief")
            return None
        previous = lower
        if lower in _RELATIVE_PRONOUNS or lower in _NOT_CLAUSE_SUBJECT or lower in lists.past_forms:
            return None
        if lower.endswith("ed") and len(lower) > 4:
            return None  # "The plan failed and officials said": a clause, not a subject
    head = words[-1].group().lower()
    if head in mention_lexicon().determiners or head in lists.not_before_verb or head.endswith("ly"):
        return None  # "The estimated cost": the cue is an adjective; "X initially denied"
    if head[0].isdigit():
        return None  # "the RNC and 11 state parties": a number before a noun read as a cue
    if head.endswith(_POSSESSIVE):
        return None  # "Ford's said": a possessive whose noun is missing, not "Ford has said"
    return Found(begin, end, MentionKind.DESCRIPTION, text[begin:end], head=head)


def _opens_with_verb(text: str, start: int, end: int) -> bool:
    """Whether the words at `start` open with an auxiliary ("were of drone attacks")."""
    first = WORD.match(text, start, end)
    return first is not None and first.group().lower() in clause_words().auxiliaries


_POSSESSIVE: Final = ("'s", "\u2019s", "s'", "s\u2019")
_SUBJECT_CHARS: Final = 80  # characters: "The deputy head of the delegation to the forum"
_SUBJECT_WORDS: Final = 8
# words that make the run before a cue an adverbial or a clause, not its subject
_NOT_CLAUSE_SUBJECT: Final = frozenset(
    {"when", "after", "before", "while", "if", "as", "because", "but", "or"}
)


def _tail_clause(document: Document, cue: FoundCue, start: int, end: int) -> Reported | None:
    """``CLAUSE, X said.``: the cue and its speaker close the sentence, or interrupt it.

    After the cue may come an adverbial ("said Wednesday"), or a comma and a new clause
    ("the guard said, but ..."). With the speaker after the cue ("CLAUSE, said Ann Lee, a
    professor."), a description may follow the name. A cue inside the clause ("If X, she
    said, Y") reports the part before it, as PolNeAR marks it, when that part opens the
    sentence or has a verb.
    """
    text = document.text
    if text.find(",", start, cue.start) < 0:
        return None  # every form here has a comma before the cue: the cheapest test first
    after_start = cue.end
    if cue.lemma in _AUDIENCE:  # "CLAUSE, officials told state media."
        audience = mention_after(text, cue.end, end, document.names)
        if audience is not None:
            after_start = audience.end
    # a cue that takes an object may be followed by one in "-ing" ("cited disparaging remarks")
    closes = _closes_sentence(text, after_start, end, bare_participle=cue.lemma in _BARE_CLAUSE)
    # "X, said Y" and "If X, she said, Y": a comma at either side of the cue (these are read
    # for every cue, so a single space is looked at, not a run of white space)
    comma_before_cue = cue.start - 2 if text[cue.start - 1 : cue.start] == " " else cue.start - 1
    inverted = comma_before_cue >= start and text[comma_before_cue] == ","
    interrupts = (
        not closes and text[after_start : after_start + 1] == "," and _interrupts(text, after_start, end)
    )
    if not closes and not interrupts:
        # the cheap tests first: most cues close no clause, and only "CLAUSE, said X" is left
        return _inverted(document, cue, start, comma_before_cue, end) if inverted else None
    # a subject the mention rules know, else a plain noun phrase ("..., the slide says")
    mention = subject_before(text, cue.start, start, document) or _plain_subject(document, cue, start)
    if mention is None:
        return _inverted(document, cue, start, comma_before_cue, end) if inverted else None
    comma = skip_space_back(text, start, mention.start) - 1
    if comma < start or text[comma] != ",":
        return None
    clause_start = max(start, text.rfind(";", start, mention.start) + 1)  # the clause after a ";"
    first = WORD.search(text, clause_start, comma)
    if first is None:
        return None
    lower = first.group().lower()
    if not closes:  # the cue interrupts the clause: "If X, she said, Y"
        last = WORD_BACKWARDS.search(text, clause_start, comma)
        if last is None or lower in _RELATIVE_PRONOUNS:
            return None
        if last.group().lower() in _RELATIVE_PRONOUNS or _participle(lower):
            return None  # "fighters which, the statement said, CLAUSE": the report is the rest
        if not _looks_like_clause(text, first.start(), comma, present=True) and first.start() != start:
            return None  # "..., and their plan, they said, was ...": no report of its own before the cue
    elif lower in _PREPOSITIONS and not _looks_like_clause(text, first.start(), comma, present=True):
        return None  # "Through a spokesman, he declined to comment.": an adverbial, no report
    return _clause(document, clause_start, comma, mention, cue, Evidence.TAIL)


def _inverted(document: Document, cue: FoundCue, start: int, comma: int, end: int) -> Reported | None:
    """``CLAUSE, said X.``: the speaker after the cue, perhaps with a description after it."""
    text = document.text
    if _participle(text[cue.start : cue.end].lower()):
        return None  # "CLAUSE, citing data": a participle has no subject after it
    following = WORD.match(text, cue.end + 1, end)
    if following is None or following.group().lower() in _NO_SPEAKER:
        return None  # the cheap test first: "..., said that", "..., said on Monday", '..., said "...'
    mention = mention_after(text, cue.end, end, document.names)
    if mention is None or not _ends_mention(text, mention.end, end):
        return None
    return _clause(document, start, comma, mention, cue, Evidence.TAIL)


# words right after a cue that name no speaker: "..., said that ...", "..., said it was ..."
_NO_SPEAKER: Final = _NOT_A_CLAUSE | {
    "that",
    "it",
    "there",
    "this",
    "yesterday",
    "today",
    "he",
    "she",
    "they",
    "we",
    "i",
}


def _closes_sentence(text: str, position: int, end: int, *, bare_participle: bool = True) -> bool:
    """Whether the words from `position` to `end`, after a closing cue, are an adverbial
    ("on Monday", "Wednesday"), a participle ("responding"), or a comma and a new clause
    joined by a conjunction ("the guard said, but ...").

    A participle with no comma before it closes the sentence only where `bare_participle`
    ("Ushakov said responding to a question", but not "Lee cited disparaging remarks").
    """
    first = WORD.search(text, position, end)  # the first word decides for most cues: read it alone
    if first is None:
        return True  # only the final stop
    lower = first.group().lower()
    between = text[position : first.start()]
    lists = clause_words()
    if between and not between.isspace():
        # only a comma, not a quotation, a dash or a colon, lets the sentence go on
        if between.strip(_COMMA) or between.count(",") != 1:
            return False
        return lower in lists.conjunctions or (lower.endswith("ing") and lower not in _NOT_PARTICIPLES)
    if bare_participle and lower.endswith("ing") and lower not in _NOT_PARTICIPLES:
        return True
    if lower not in _ADVERBIAL and lower not in lists.time_words:
        return False
    position = first.end()
    for index, word in enumerate(first_words(WORD, text, position, end, _CLOSING_WORDS)):
        if _SEPARATORS.search(text, position, word.start()) is not None:
            joined = not text[position : word.start()].strip(_COMMA)
            lower = word.group().lower()
            return joined and (lower in lists.conjunctions or _participle(lower))
        if index == _CLOSING_WORDS - 1:
            return False  # too long for an adverbial
        position = word.end()
    return True


_CLOSING_WORDS: Final = 6  # words of an adverbial after a closing cue: "said in a statement on Monday"
_SEPARATORS: Final = regex.compile(r"[,;:\u2014\u2013\"\u201c]")
_COMMA: Final = ", \t\u00a0"


def _participle(lower: str) -> bool:
    """Whether a lowercase word reads as a participle ("declining", not "morning")."""
    return lower.endswith("ing") and lower not in _NOT_PARTICIPLES


def _interrupts(text: str, position: int, end: int) -> bool:
    """Whether a comma follows a cue at once: "If X, she said, Y"."""
    following = skip_space(text, position, end)
    if following >= end or text[following] != ",":
        return False
    after = skip_space(text, following + 1, end)
    return WORD.match(text, after, end) is not None  # not 'she said, "..."'


def _ends_mention(text: str, position: int, end: int) -> bool:
    """Whether a speaker named after a closing cue ends the report: the sentence ends, or a
    description in apposition ("said Ann Lee, a professor") or an adverbial follows."""
    following = skip_space(text, position, end)
    # "..., recalled Mr. Obama talking about ...": a participle with no comma is the cue's object
    return (
        following == end
        or text[following] == ","
        or _closes_sentence(text, following, end, bare_participle=False)
    )


_ADVERBIAL: Final = frozenset(
    {"on", "in", "at", "during", "after", "late", "earlier", "later", "today", "yesterday"}
)
_NOT_PARTICIPLES: Final = frozenset(
    {"thing", "nothing", "something", "everything", "king", "spring", "evening", "morning"}
)


def _clause_span(document: Document, cue: FoundCue, end: int) -> tuple[int, int] | None:
    """The reported clause after a cue: after "that", an audience or an adverbial, to its end."""
    text = document.text
    # the words are read one by one only where a "that" may be among them, and only as far as
    # the loop goes (the rules read no word after the one it stops at)
    words: list[WordMatch] = []
    words_after: Iterable[WordMatch] = ()
    if text.find("that", cue.end, end) >= 0:
        quotation = document.quote_after(cue.end)
        quoted_from = quotation[0] if quotation is not None else end
        words_after = WORD.finditer(text, cue.end, end)
    else:
        first_word = WORD.search(text, cue.end, end)  # the one word the rules below read
        if first_word is not None:
            words.append(first_word)
    for index, word in enumerate(islice(words_after, _THAT_WITHIN)):
        words.append(word)
        if word.start() >= quoted_from:
            break  # the quoted words are no part of the narrator's clause
        if word.group() == "that" and (index == 0 or not _inside_clause(text, cue.end, word.start())):
            if index and not _complementiser(text, cue, words, index):
                break  # "said five states that have ...", "expressed hope that": not the cue's "that"
            if _verb_follows(text, word.end(), end):
                if index:
                    break  # "said in a film that showed ...": a relative "that", with no subject after it
                return word.start(), _clause_end(document, word.start(), end)  # "said that was wrong"
            return word.end(), _clause_end(document, word.end(), end)
        if index and cue_lexicon().lemma(word.group()) is not None:
            break  # "said the talks were useful, adding that ...": that "that" is the next cue's
        if text[word.end() : word.end() + 1] in ("\u201c", '"'):
            break
    if not words:
        return None
    position = words[0].start()
    if cue.lemma in _AUDIENCE:  # "told reporters Russia ...", "informed Erdogan the talks ..."
        audience = mention_after(text, position, end, document.names)
        if audience is None:
            return _after_audience(document, cue, words[0].start(), end)
        position = audience.end
    position = skip_space(text, position, end)
    aside = _ASIDE.match(text, position, end) if "," in text[cue.end : position] else None
    if aside is not None:  # "said, in a statement after the call, the two ...": an aside between commas
        position = skip_space(text, aside.end(), end)
    adverbial = _adverbial(text, position, end)
    if adverbial is not None:  # "said on Friday", "said in a statement,"
        position = skip_space(text, adverbial.end(), end)
    first = WORD.match(text, position, end)
    if first is None:
        return None
    lists = clause_words()
    lower = first.group().lower()
    if lower in lists.time_words:  # "wrote Thursday on a site", "said last week the"
        after = _after_time(text, position, end)
        if text[after : after + 1] == ",":  # "The truth, he said then, was ...": the clause goes on
            after = skip_space(text, after + 1, end)
        first = WORD.match(text, after, end)
        if first is None:
            return None
        lower = first.group().lower()
    if lower.endswith("ly") and len(lower) > 4 and lower not in lists.subject_pronouns:
        # "said carefully, as ...", "said recently the plan ...": an adverb, not the clause's first word
        first = WORD.match(text, skip_space(text, first.end(), end), end)
        if first is None:
            return None
        lower = first.group().lower()
    if lower == "if" and cue.lemma in _BARE_CLAUSE:  # "said if the vote fails, ..."
        clause_end = _clause_end(document, first.start(), end)
        comma = text.find(",", first.end(), clause_end)
        if comma < 0 or not _looks_like_clause(text, comma + 1, clause_end, present=True):
            return None
        return first.start(), clause_end
    if lower in _NOT_A_CLAUSE and not _QUANTITY.match(text, first.start(), end):
        # "told supporters at the rally she would ...": the audience goes on past its first noun
        return _after_audience(document, cue, words[0].start(), end) if cue.lemma in _AUDIENCE else None
    if lower.endswith("ing") and lower not in _NOT_PARTICIPLES:
        return None  # "he said, declining to comment": a participle, not a clause
    if first.start() == cue.end + 1:  # the word right after the cue, with no audience or adverbial
        if lower.endswith("ed") and len(lower) > 4:
            return None  # "FBI notes released Monday": a participle right after a noun, not a clause
        if lower in lists.auxiliaries and not _relative_before(text, cue.start):
            # "how a candidate responds can be ...": no subject, so the cue is no verb of its own
            # (but "fires which state media said were under control" reports the relative's clause)
            return None
    clause_end = _clause_end(document, first.start(), end)
    if not _looks_like_clause(text, first.start(), clause_end, present=cue.lemma in _BARE_CLAUSE):
        return None  # "announced the launch of ...": an object, not a clause
    return first.start(), clause_end


def _complement(document: Document, cue: FoundCue, end: int) -> tuple[int, int] | None:
    """What a cue reports that is no clause of its own: a promise or a threat ("vowed *to
    sue*"), a request to someone ("urged *voters to turn out*", "called on *the council to
    resign*") or an accusation ("accused *the senator of lying*"); None for anything else."""
    text = document.text
    lists = complement_words()
    position = skip_space(text, cue.end, end)
    if cue.lemma in lists.commissive:
        return _to_clause(document, position, position, end)
    if cue.lemma in lists.objects or cue.lemma in _object_lemmas():
        found = _object(document, cue, position, end)
        if found is not None or cue.lemma in lists.objects:
            return found
    if cue.lemma in lists.directive:
        joint = "to"
    elif cue.lemma in lists.accusation:
        joint = "of"
    else:
        return None
    words = first_words(WORD, text, position, end, _OBJECT_WORDS + 1)
    first = words[0].group().lower() if words else joint
    if first in _NOT_A_CLAUSE or first == joint:
        return None  # "urged on Monday", "vowed to": no one is asked or accused first
    for index, word in enumerate(words[1:], 1):
        if any(c in _OBJECT_STOPS for c in text[words[index - 1].end() : word.start()]):
            return None  # the object ends before its "to" or "of": another construction
        if word.group().lower() == joint:
            if joint == "to":
                return _to_clause(document, words[0].start(), word.start(), end)
            clause_end = _clause_end(document, word.end(), end)
            return (words[0].start(), clause_end) if WORD.search(text, word.end(), clause_end) else None
    return None


_OBJECT_WORDS: Final = 8  # words of the person urged or accused: "the leaders of both parties in Congress"


def _object(document: Document, cue: FoundCue, position: int, end: int) -> tuple[int, int] | None:
    """The noun phrase a cue reports ("denied *the allegations against him*"), after the
    cue's preposition where it takes one ("warned of *foreign hacking*")."""
    text = document.text
    lists = complement_words()
    first = WORD.match(text, position, end)
    if first is None:
        return None
    lower = first.group().lower()
    if f"{cue.lemma} {lower}" in lists.objects_after:
        position = skip_space(text, first.end(), end)
        first = WORD.match(text, position, end)
        if first is None:
            return None
        lower = first.group().lower()
    elif cue.lemma not in lists.objects:
        return None  # "called the meeting": only "called for" reports
    if lower in _NOT_A_CLAUSE or lower in clause_words().subject_pronouns or lower == "that":
        return None  # "denied on Monday", "denied he knew": no object, or a clause of its own
    if cue_lexicon().lemma(lower) is not None:
        return None
    return position, _clause_end(document, position, end)


@functools.cache
def _object_lemmas() -> frozenset[str]:
    """The cues of `ComplementWords.objects_after` ("warn" of "warn of"), read once."""
    return frozenset(phrase.split(" ", 1)[0] for phrase in complement_words().objects_after)


_OBJECT_STOPS: Final = ',.;:!?()"\u201c\u201d\u2014\u2013'


def _to_clause(document: Document, start: int, to: int, end: int) -> tuple[int, int] | None:
    """``text[start:...]`` to the end of its clause, where an infinitive opens at `to`:
    "to" and a verb, not a preposition ("to sue", not "to the court")."""
    text = document.text
    marker = WORD.match(text, to, end)
    if marker is None or marker.group().lower() != "to":
        return None
    verb = WORD.match(text, skip_space(text, marker.end(), end), end)
    if verb is None or verb.group().lower() in word_lists().determiners or verb.group()[:1].isupper():
        return None
    return start, _clause_end(document, verb.start(), end)


def _after_time(text: str, position: int, end: int) -> int:
    """Where the words after an adverbial of time at `position` begin ("Thursday", "last
    week", "earlier this month"); `position` itself if none stands there."""
    time_words = clause_words().time_words
    first = WORD.match(text, position, end)
    if first is None or first.group().lower() not in time_words:
        return position  # the cheap test first: most clauses open with no adverbial of time
    after = position
    for count, word in enumerate(WORD.finditer(text, position, end)):
        lower = word.group().lower()
        if count == _TIME_WORDS or lower not in time_words or not blank(text, after, word.start()):
            break
        if lower not in _TIME_MODIFIERS:  # "this" alone is the clause's subject: "said this is"
            position = skip_space(text, word.end(), end)
        after = word.end()
    return position


_TIME_WORDS: Final = 3
_TIME_MODIFIERS: Final = frozenset(
    {"this", "last", "late", "early", "by", "to", "from", "through", "via", "before", "when", "while"}
)


def _present_form(word: str) -> bool:
    """Whether a lowercase word may be a verb in the present ("leaves", not "glass" or "its")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PRESENT)


_CONTRACTION: Final = regex.compile(r"['\u2019](?:ll|s|re|d|ve|m)$")
_NOT_PRESENT: Final = ("ss", "us", "is", "'s", "\u2019s", "ics", "ies")
# cues whose object is nearly always a clause, so a clause may show a verb in "-s"
_BARE_CLAUSE: Final = frozenset({"say", "tell"})


def _relative_before(text: str, position: int) -> bool:
    """Whether a relative pronoun stands a few words before `position`: "which officials said"."""
    window = text[max(0, position - _RELATIVE_CHARS) : position]
    return any(word.group().lower() in _RELATIVE_PRONOUNS for word in WORD.finditer(window))


_RELATIVE_CHARS: Final = 40  # characters before a cue: "which the state news agency said"


def _verb_follows(text: str, position: int, end: int) -> bool:
    """Whether the word at `position` (after spaces) is an auxiliary or a verb in the past:
    after "that", a relative's verb or a demonstrative's ("a film that showed", "that was")."""
    word = WORD.match(text, skip_space(text, position, end), end)
    if word is None:
        return False
    lower = word.group().lower()
    lists = clause_words()
    return (
        lower in lists.auxiliaries or lower in lists.past_forms or (lower.endswith("ed") and len(lower) > 4)
    )


_PREPOSITIONS: Final = frozenset(
    {"on", "in", "at", "to", "with", "about", "for", "by", "as", "of", "from", "via", "through", "during"}
)


def _complementiser(text: str, cue: FoundCue, words: list[WordMatch], index: int) -> bool:
    """Whether the "that" at `words[index]`, some words after a cue, opens its reported clause.

    Between them may stand an audience ("told reporters that"), a comma, a name or a day
    ("said Tuesday that"), an adverb ("said again that") or a prepositional phrase ("said in
    a statement that"); a bare noun makes it a relative or a noun's own "that"
    ("said five states that have ..."), and a verb between them a "that" inside the clause.
    """
    lists = clause_words()
    if any(word.group().lower() in lists.auxiliaries for word in words[:index]):
        return False  # "said officials are in possession of video that": a "that" inside the clause
    if cue.lemma in _AUDIENCE:
        return True
    previous = words[index - 1]
    if "," in text[previous.end() : words[index].start()] or previous.group()[:1].isupper():
        return True
    if previous.group().lower() in lists.time_words:
        return True
    return words[0].group().lower() in _PREPOSITIONS  # "said in a statement that", not "said X of Y that"


def _after_audience(document: Document, cue: FoundCue, start: int, end: int) -> tuple[int, int] | None:
    """The clause after an audience the mention rules do not know: "told *the crowd* she
    would run", "tells *audiences at rallies* he will win": it opens with a pronoun."""
    text = document.text
    pronouns = clause_words().subject_pronouns
    for index, word in enumerate(first_words(WORD, text, start, end, _AUDIENCE_WORDS + 1)):
        lower = word.group().lower()
        if index and lower in pronouns and lower not in _NOT_AUDIENCE_END:
            clause_end = _clause_end(document, word.start(), end)
            return (word.start(), clause_end) if _looks_like_clause(text, word.start(), clause_end) else None
        if index == 0 and lower in pronouns:
            return None  # "told it", "told them": the pronoun is the audience, read by the rules above
    return None


_NOT_AUDIENCE_END: Final = frozenset(
    {"this", "these", "those", "there"}
)  # "told the crowd this ..." is ambiguous


def _looks_like_clause(text: str, start: int, end: int, *, present: bool = False) -> bool:
    """Whether words after a cue read as a clause (with a verb) rather than an object noun phrase.

    Args:
        text: The document.
        start: Where the words begin.
        end: Where they end.
        present: Whether a verb in "-s" counts ("the plan leaves tenants"): after "said",
            whose object is nearly always a clause, not after "announced" ("announced new rules").
    """
    lists = clause_words()
    determiners = word_lists().determiners
    first_comma = text.find(",", start, end)  # where the pattern can first match: it opens with one
    relative = _RELATIVE_CLAUSE.search(text, first_comma, end) if first_comma >= 0 else None
    if relative is not None:
        closing = text.find(",", relative.end(), end)
        if closing >= 0 and _verb_follows(text, closing + 1, end):
            return True  # "the bridge, which opened in 1990, would reopen": the subject's relative
        end = relative.start()  # "justified the strike, which was approved ...": the object's own clause
    comma = text.find(",", start, end)
    if comma >= 0 and text.find(",", comma + 1, min(end, comma + _APPOSITION_CHARS)) < 0:
        # "announcing the pick, the union called ...": past a comma that closes no apposition
        # ("said Ann Lee, the mayor, would ...") or fronted adverbial ("says despite the
        # cost, she plans ...") the words are another clause's
        first_word = WORD.match(text, start, end)
        if first_word is None or first_word.group().lower() not in _FRONTED:
            end = comma
    # the words are lowercased as they are read: most clauses show their verb in the first few
    # (after "said", a long subject may reach its auxiliary late: "said her plans to raise ...
    # and give ... would make")
    window = _LONG_SUBJECT_WINDOW if present else _CLAUSE_WINDOW
    words = _lowered_words(text, start, min(end, start + 8 * window), window)
    first = next(words, None)
    if first is None:
        return False
    # the clause's subject may run a few words from its opening determiner to its verb in "-s"
    # ("said the city budget leaves"), and a name stands for a determiner and a noun ("said Lee
    # deserves"); further in, only a determiner right before a noun ("said the words that end
    # the long city meetings" shows no verb)
    opening = 0 if _determines(first, determiners) else -1 if text[start].isupper() else _NO_OPENING
    determined = -_NOUN_PHRASE
    bare = _CONTRACTION.sub("", first) if "'" in first or "\u2019" in first else first
    if bare in lists.subject_pronouns and bare not in _DEMONSTRATIVES:
        return True  # "she", and "she'll", "he's", "they're": a pronoun with its verb
    # ("this", "these" may open a noun phrase, "announced this change": a verb must follow)
    previous = ""
    relative_seen = False
    for index, word in enumerate(itertools.chain((first,), words)):
        if index >= _CLAUSE_WINDOW:
            # far from the cue only an auxiliary or a past form tells ("said hundreds of ISIS
            # (Islamic State of Iraq and Syria) fighters escaped"), and none after a relative
            past = word in lists.past_forms or (word.endswith("ed") and len(word) > 4)
            aux = word in lists.auxiliaries and previous != "to"
            if (aux or (past and previous not in lists.not_before_verb)) and not relative_seen:
                return True
            relative_seen = relative_seen or word in _RELATIVE_PRONOUNS
            previous = word
            continue
        relative_seen = relative_seen or word in _RELATIVE_PRONOUNS
        if previous not in _RELATIVE_PRONOUNS:  # "the strike, which was approved": a relative clause
            if word in lists.auxiliaries and previous != "to":  # not "claiming a right to have"
                return True
            verb = word in lists.past_forms or (word.endswith("ed") and len(word) > 4)
            if (
                present
                and (index - determined == 2 or 1 < index - opening <= _NOUN_PHRASE)
                and _present_form(word)
            ):
                return True  # "the plan leaves tenants", "Lee's plan leaves", "an internal review shows"
            if verb and index and previous not in lists.not_before_verb:
                return True
        if _determines(word, determiners):
            determined = index
            if word.endswith(_POSSESSIVE):  # "Mrs. Clinton's statistical advantage obscures"
                opening = index  # a possessive opens the subject anew
        previous = word
    return False


# words that open an adverbial before a clause's subject: "despite the cost, she plans"
_FRONTED: Final = _NOT_A_CLAUSE | {
    "despite", "although", "though", "because", "since", "unless", "until", "even", "once"
}  # fmt: skip
_APPOSITION_CHARS: Final = 60  # an apposition between commas: ", the mayor of the city,"
_DEMONSTRATIVES: Final = frozenset({"this", "these", "those"})
_NOUN_PHRASE: Final = 3  # words from a clause's first determiner to its verb: "the city budget leaves"
_NO_OPENING: Final = -_NOUN_PHRASE - 1  # no determiner or name opens the clause: no verb in "-s" is read


def _determines(word: str, determiners: frozenset[str]) -> bool:
    """Whether `word` opens a noun phrase: a determiner, or a possessive ("Lee's")."""
    return word in determiners or word.endswith(_POSSESSIVE)


# (an aside between commas may follow: "had not, as of Monday, announced"; but "a source, whom
# they did not name, said" is no negated cue)
_NEGATED: Final = regex.compile(
    r"\b(?:not|never|n't|no[ \t\u00a0]+longer)\b(?:[ \t\u00a0]*,[^,;:\n]{1,40},)?"
    r"(?:[ \t\u00a0]+[\p{L}]+){0,2}[ \t\u00a0]*$"
)
_TRAILING_CUES: Final = frozenset({"saying", "said", "says", "adding", "stating", "writing", "noting"})
_RELATIVE_CLAUSE: Final = regex.compile(r",[ \t\u00a0]*(?:which|who|whom|whose)\b")
_RELATIVE_PRONOUNS: Final = frozenset({"which", "who", "whom", "that", "whose"})


def _adverbial(text: str, start: int, end: int) -> regex.Match[str] | None:
    """`_ADVERBIAL_PHRASE` matched at `start`: the engine is asked only where the phrase's
    first word stands (the cheap test first: most words after a cue open no such phrase)."""
    if _lowercase_run(text, start, end) not in _ADVERBIAL_OPENERS:
        return None
    return _ADVERBIAL_PHRASE.match(text, start, end)


def _lowercase_run(text: str, start: int, end: int) -> str:
    """The ASCII lowercase letters from `start` on, before `end`, up to the first other character."""
    position = start
    while position < end:
        code = ord(text[position])  # compiled, read in place
        if code < 97 or code > 122:
            break
        position += 1
    return text[start:position]


def _clause_stop(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_CLAUSE_STOP` searched in ``text[start:end]``, from the first character a stop can open
    with: no match starts before it, and the engine need not try every blank of the clause
    before it (or be called at all where there is none)."""
    first = end
    found = text.find(";", start, first)  # each written out: compiled, a loop over a tuple is not free
    first = found if found >= 0 else first
    found = text.find("\u2014", start, first)
    first = found if found >= 0 else first
    found = text.find(",", start, first)
    first = found if found >= 0 else first
    found = text.find("\u2013", start + 1, min(end, first + 2))  # the blank before a dash opens the stop
    first = min(first, found - 1) if found >= 0 else first
    found = text.find("--", start + 1, min(end, first + 2))
    first = min(first, found - 1) if found >= 0 else first
    return _CLAUSE_STOP.search(text, first, end) if first < end else None


def _lowered_words(text: str, start: int, end: int, count: int) -> Iterator[str]:
    """The first `count` words of ``text[start:end]``, lowercased, each read when asked for:
    one generator, where a generator over `islice` over `finditer` cost three steps a word."""
    position = start
    for _ in range(count):
        word = WORD.search(text, position, end)
        if word is None:
            return
        yield word.group().lower()
        position = word.end()


def _maybe_negated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds what `_NEGATED` needs ("no", "n't" or "never"): the
    cheap test first, as few cues follow a negation."""
    return (
        text.find("no", start, end) >= 0
        or text.find("n't", start, end) >= 0
        or text.find("never", start, end) >= 0
    )


def _inside_clause(text: str, start: int, end: int) -> bool:
    """Whether a full stop or a colon stands between a cue and a later "that"."""
    return any(c in text[start:end] for c in ".;:?!")


def _clause_end(document: Document, start: int, end: int) -> int:
    """Where a reported clause ends: the sentence end, a quotation, a ";", "but", or ", adding"."""
    text = document.text
    stop = _clause_stop(text, start, end)
    if stop is not None:
        end = stop.start()
    relative = _TRAILING_RELATIVE.search(text, start, end) if text.find(",", start, end) >= 0 else None
    if relative is not None and _looks_like_clause(text, start, relative.start()):
        closing = text.find(",", relative.end(), end)
        if closing < 0 or not _verb_follows(text, closing + 1, end):
            # "..., who worked on the campaign": after the clause's verb, the narrator's (but
            # "they believe gas, which leaks often, was the cause" goes on after the relative)
            end = relative.start()
    quote = document.quote_after(start + 1)
    if quote is not None and quote[0] < end:
        end = quote[0]  # the quoted words are a mixed quote of their own
    for cue in document.cues_between(start, end, NEAREST):
        # only the few characters right before the cue decide, so each cue costs the same
        window = max(start, cue.start - 16)
        before = text[window : cue.start].rstrip()
        if before.endswith(",") and text[cue.start : cue.end].lower().endswith("ing"):
            return window + len(before) - 1  # "..., adding that ...": a clause of its own
        joined = _JOINED.search(before) if before.endswith(("and", "but")) else None  # the cheap test first
        if joined is not None:
            return window + joined.start()  # "... and said": the next clause is another report
    return end


_JOINED: Final = regex.compile(r",?[ \t\u00a0]+(?:and|but)$")


# A clause ends at a ";", a concession, a dash (" - " or an unspaced em dash, "--"), or a
# participle after a comma (", meaning the rules ..."), but not at ", including ...".
# (Each choice opens with one character, the space before a dash too, so that the engine
# skips straight to the next of them instead of trying every position.)
_DASH: Final = r"(?:\u2013|--)[ \t\u00a0]"
# the standard engine: this is searched in every clause, and it is faster here
_CLAUSE_STOP: Final = re.compile(
    r";|\u2014|,[ \t\u00a0]+(?:(?:but|while|although|though|whereas|however|despite|even[ \t\u00a0]+as)\b"
    r"|and[ \t\u00a0]+(?:the|a|an)[ \t\u00a0]"
    r"|(?!(?:including|according|regarding|notwithstanding|nothing|something|anything|everything"
    r"|morning|evening|spring|bring)\b)[a-z]{2,}ing\b)"
    rf"| {_DASH}|\t{_DASH}|\u00a0{_DASH}"
)
# a relative clause at a clause's end ("the firm hired Lee, who ..."), not inside its subject
# ("the pipeline, which is running, renders ...")
_TRAILING_RELATIVE: Final = re.compile(r",[ \t\u00a0]+(?:which|who|whom|whose|when|where)\b")


def _clause(
    document: Document, start: int, end: int, mention: Found, cue: FoundCue, evidence: Evidence
) -> Reported | None:
    """A reported clause trimmed of spaces and final punctuation, if it is long enough and not quoted."""
    content = _content(document, start, end)
    return _report(content[0], content[1], mention, cue, evidence) if content is not None else None


def _report(start: int, end: int, mention: Found, cue: FoundCue, evidence: Evidence) -> Reported | None:
    """The reported clause ``text[start:end]`` of `mention`, unless the mention is a pronoun inside it."""
    if mention.kind is MentionKind.PRONOUN and mention.start >= start and mention.end <= end:
        return None
    return Reported(start, end, Attribution(mention, cue, evidence))


def _content(document: Document, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` of the words a reported clause may hold, trimmed of spaces and final
    punctuation; None if they are too few or quoted."""
    text = document.text
    while start < end and (text[start].isspace() or text[start] in _LEADING):
        start += 1  # "that, in addition to Scott, he would ...": the comma opens no words
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    # the rules below count words only up to _MIN_WORDS + 2, and read the last one
    count = len(first_words(WORD, text, start, end, _MIN_WORDS + 2))
    if count < _MIN_WORDS or inside(start, document.quoted):
        return None
    following = skip_space(text, end, min(len(text), end + 3))
    if inside(following, document.quoted) and count < _MIN_WORDS + 2:
        return None  # 'the crash was "likely" ...': a quoted fragment carries the clause
    last_word = WORD_BACKWARDS.search(text, start, end)
    last = last_word.group().lower() if last_word is not None else ""
    if last in _TRAILING_CUES:
        return None  # "... by saying": the report goes on in a quotation
    if text[start] in "\"\u201c\u2018'" or _mostly_quoted(document, start, end):
        return None  # a quotation, not reported speech
    return start, end


def _mostly_quoted(document: Document, start: int, end: int) -> bool:
    """Whether quotation marks cover half a clause or more: a mixed quote, not reported speech."""
    quoted = document.quoted
    first = max(0, quoted.first_after(start) - 1)
    last = quoted.first_from(end)
    starts, ends = quoted.starts, quoted.ends  # read in place: a slice of `Bounds` copies its arrays
    covered = 0
    for index in range(first, last):
        covered += max(0, min(end, ends[index]) - max(start, starts[index]))
    return covered * 2 >= end - start
