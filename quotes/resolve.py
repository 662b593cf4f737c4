"""From a mention to a speaker: "he", "the Kremlin spokesman", "Peskov" to Dmitry Peskov.

A speaker is named by the fullest name the article gives. Names go through
the registry first; an unregistered person gets the fullest form of the name
in the article ("Peskov", or "Dmitry" where one Dmitry is named, to "Dmitry
Peskov"), an acronym its spelt-out form ("the SDF" to "Syrian Democratic
Forces"), an organisation its fullest equivalent name ("Turkish Foreign
Ministry" to "Turkish Ministry of Foreign Affairs"). Descriptions go through
the registry's roles ("the Kremlin spokesman", "the Russian presidential
spokesman"), then to the organisation or the nearest earlier name they
describe ("the court" to "Court of Session", "the minister" to "Italian
economic development minister Stefano Patuanelli"); a document speaks for its
owner ("the court's summary") or else the last speaker ("the statement");
pronouns go to the nearest earlier compatible speaker.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from array import array
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING, Final

import regex

from quotes import unchecked
from quotes.attribution import LISTED, LOOKBACK, issued_by
from quotes.bisection import first_above, first_from, first_pair_above
from quotes.lexicon import cue_lexicon, mention_lexicon, word_lists
from quotes.marks import QUOTE_CHARACTERS
from quotes.mentions import (
    Found,
    MentionKind,
    first_starting,
    first_starting_after,
    mention_before,
    with_description,
)
from quotes.model import Speaker, SpeakerKind
from quotes.registry import Entry, Registry, normalise_name
from quotes.text import blanks_then, skip_blanks
from quotes.words import COMPILED, Words

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["HISTORY_BACK", "Resolver"]

HISTORY_BACK: Final = 60
"""The earlier attributions a pronoun or a document is resolved against: the latest
this many, so that the work stays linear (older ones need not be kept)."""
# earlier names considered for a description or a document: bounded, so work stays linear
_NAMES_BACK: Final = 60
_FORMS_BACK: Final = 4  # earlier capitalised forms of a description read before giving up
_ACRONYM: Final = regex.compile(r"[ \t\u00a0]\(\s*(\p{Lu}[\p{Lu}\p{N}&\-]{1,9})\s*\)")
_OR_ACRONYM: Final = regex.compile(
    r",[ \t\u00a0]+or[ \t\u00a0]+(\p{Lu}[\p{Lu}\p{N}&\-]{1,9})(?![\p{L}\p{N}])"
)


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Resolved:
    """A speaker with how sure the resolution is.

    Attributes:
        speaker: The speaker.
        certainty: 1.0 for a name, less for a description or a pronoun.
        gender: The speaker's gender if known, for later pronouns.
    """

    speaker: Speaker
    certainty: float
    gender: str | None
    plural: bool

    def __init__(
        self, speaker: Speaker, certainty: float, gender: str | None = None, plural: bool = False
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "certainty", certainty)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "plural", plural)

    def with_certainty(self, certainty: float) -> Resolved:
        """The same speaker, as sure as `certainty`: `dataclasses.replace` costs several times as much."""
        return Resolved(self.speaker, certainty, self.gender, self.plural)


class Resolver:
    """Resolves the mentions of one document.

    Args:
        text: The document.
        found_names: Its names (`quotes.mentions.names`), in order.
        registry: The registry of known speakers.
        sentences: Its sentences ``(start, end)``, in order; pronouns prefer
            names that open a sentence, as subjects do.
        on: The article's date: a role ("the foreign minister") names whoever held it
            that day; without a date, only a role a single person ever held names them.
    """

    def __init__(
        self,
        text: str,
        found_names: Sequence[Found],
        registry: Registry,
        sentences: Sequence[tuple[int, int]] = (),
        on: datetime.date | None = None,
    ):
        self.text = text
        self.names = list(found_names)
        self.registry = registry
        self.sentences = list(sentences)
        self.on = on
        # sentence subjects, read only as far as a pronoun needs them: names[:_subjects_read]
        self._subjects: list[Found] = []
        self._subjects_read = 0
        self._openings: Sequence[int] | None = None
        self._ends = [name.end for name in self.names]
        self._fullest: dict[str, str] = {}
        self._genders: dict[str, str] = {}
        self._named: set[str] | None = None
        self._resolved_names: dict[Found, Resolved] = {}
        self._acronyms: dict[str, str] = {}
        self._entries: dict[str, Entry | None] = {}  # the registry's answer for each name asked
        self._entry_speakers: dict[str, tuple[Entry, Speaker]] = {}  # each entry's speaker, by its id
        # the fullest form of each organisation: by its registry id, and by its words
        self._registered_forms: dict[str, str] = {}
        self._equivalent_forms: dict[frozenset[str], str] = {}
        self._people: set[str] = set()
        given: dict[str, set[str]] = {}  # a given name to the surnames of the people bearing it
        seen: set[tuple[str, SpeakerKind, str | None]] = set()
        # the members, read once: each read of `SpeakerKind.PERSON` is an attribute lookup on
        # the class, and a slow one on Python 3.11, whose `EnumType` has a `__getattr__`
        name_kind, person, organisation = MentionKind.NAME, SpeakerKind.PERSON, SpeakerKind.ORGANISATION
        for name in self.names:
            if name.kind is not name_kind:
                continue
            if _spelt_out_after(text, name.end):
                self._note_acronym(name)
            # news repeats its names: what a name says of its speaker is read once
            key = (name.name, name.speaker_kind, name.gender)
            if key in seen:
                continue
            seen.add(key)
            if name.speaker_kind is person:
                surname = _surname(name.name)
                self._people.add(surname)
                if len(name.name.split()) > len(self._fullest.get(surname, "").split()):
                    self._fullest[surname] = name.name
                if name.gender is not None:
                    self._genders.setdefault(surname, name.gender)
                words = normalise_name(name.name).split()
                if len(words) > 1:
                    given.setdefault(words[0], set()).add(surname)
                self._add_registered_form(name.name)
            if name.speaker_kind is organisation:
                self._add_form(name.name)
        # "Boris" for the article's one Boris, unless "Boris" is also someone's surname
        self._given = {
            first: self._fullest[next(iter(surnames))]
            for first, surnames in given.items()
            if len(surnames) == 1 and " " not in self._fullest.get(first, "")
        }

    def _subjects_before(self, limit: int) -> list[Found]:
        """The first name of each sentence, at least all before `limit`, in order.

        The first name of a sentence is its likeliest subject, so the likeliest
        antecedent. Names are read only as far as a pronoun asks: past the last
        pronoun of an article none is read.
        """
        if self._openings is None:
            # where each sentence's first word starts, past any quotation marks and brackets before
            # it, in order, as the sentences are: a list, which compiled code bisects and reads in
            # place, unless a text has very many sentences, which then cost a few bytes each
            listed = [_first_word(self.text, start, end) for start, end in self.sentences]
            self._openings = listed if len(listed) <= LISTED else array("q", listed)
        openings, names, text = self._openings, self.names, self.text
        while self._subjects_read < len(names) and names[self._subjects_read].start < limit:
            name = names[self._subjects_read]
            self._subjects_read += 1
            if name.kind is not MentionKind.NAME:
                continue
            opening = _holds(openings, name.start) or (
                text[name.start - 4 : name.start] in ("The ", "the ") and _holds(openings, name.start - 4)
            )
            if opening or _cue_follows(text, name.end):
                self._subjects.append(name)
        return self._subjects

    def resolve(self, mention: Found, history: Sequence[tuple[int, Resolved]] = ()) -> Resolved | None:
        """The speaker a mention stands for.

        Args:
            mention: The mention at a quotation.
            history: Earlier attributions ``(mention_start, resolved)``, in order.
        """
        if mention.kind is MentionKind.NAME:
            return self._name(mention)
        if mention.kind is MentionKind.PRONOUN:
            return self._pronoun(mention, history)
        if mention.head in mention_lexicon().document_heads:
            owner = self._possessor(mention)
            if owner is not None:
                return owner  # "the court's summary" speaks for the court
        if mention.kind is MentionKind.DOCUMENT:
            return self._issuer(mention) or self._document(mention, history)
        return self._appositive(mention) or self._description(mention)

    def _issuer(self, document: Found) -> Resolved | None:
        """Who a document names as its issuer in its sentence: "a tweet on Monday by *X*"."""
        sentence = first_pair_above(self.sentences, document.start) - 1
        end = self.sentences[sentence][1] if sentence >= 0 else len(self.text)
        issuer = issued_by(self.text, document, max(end, document.end), self.names)
        return self._named_by(issuer)

    def _appositive(self, description: Found) -> Resolved | None:
        """The name set beside a description, between commas: "his father, *Abdullah Kurdi*,"."""
        comma = _APPOSITION.match(self.text, description.end)
        if comma is None:
            return None
        index = first_starting(self.names, comma.end())
        if index == len(self.names):
            return None
        name = self.names[index]
        if name.start != comma.end() or name.kind is not MentionKind.NAME:
            return None
        if _APPOSITION_END.match(self.text, name.end) is None:
            return None  # "the minister, Moscow and Kyiv": a list, not a name beside it
        return self._name(name).with_certainty(0.9)

    def _named_by(self, mention: Found | None) -> Resolved | None:
        """A name's or a description's speaker, no surer than 0.9; None for other mentions."""
        if mention is None or mention.kind in (MentionKind.DOCUMENT, MentionKind.PRONOUN):
            return None
        resolved = self._name(mention) if mention.kind is MentionKind.NAME else self._description(mention)
        return resolved.with_certainty(min(resolved.certainty, 0.9))

    def _note_acronym(self, name: Found) -> None:
        """Remember the acronym a name spells out right after it, if any."""
        text, end = self.text, name.end
        # the cheap tests first: the engine is asked only where the pattern's first characters are
        bracketed = _ACRONYM.match(text, end) if text[end + 1 : end + 2] == "(" else None
        if bracketed and name.speaker_kind is SpeakerKind.ORGANISATION:
            # "the Investigative Committee and the Federal Security Service (FSB)": the last of two
            last = _THE.sub("", name.name.rsplit(" and ", 1)[-1])
            self._acronyms[bracketed.group(1)] = last or name.name
        spelt = bracketed
        if spelt is None and text[end : end + 1] == "," and blanks_then(text, end + 1, len(text), "or"):
            spelt = _OR_ACRONYM.match(text, end)
        if spelt and _initials(name.name) == spelt.group(1):
            # "Medecins Sans Frontieres (MSF)", "the Federal Bureau of Investigation, or FBI,":
            # the letters tell, whatever the kind of name
            self._acronyms[spelt.group(1)] = name.name

    def _possessor(self, document: Found) -> Resolved | None:
        """Who owns a document, resolved: "the court" of "the court's summary", "Trump" of "Trump's"."""
        owned = _POSSESSIVE.search(self.text, document.start, document.end)
        if owned is None:
            return None
        return self._named_by(mention_before(self.text, owned.start(), document.start, self.names))

    def _by_name(self, name: str) -> Entry | None:
        """`Registry.by_name`, asked once a document for each name: news repeats its names, and
        half the lookups of an article were repeats."""
        if name in self._entries:
            return self._entries[name]
        entry = self._entries[name] = self.registry.by_name(name)
        return entry

    def _add_registered_form(self, name: str) -> Entry | None:
        """Remember the article's name of a registered speaker if it is the fullest so far: the
        speaker is named as the article names them ("Volodymyr Zelenskyy", "State Department"),
        with the registry's id and Wikidata item. Returns the entry, if the name is registered."""
        entry = self._by_name(name)
        if entry is not None:
            if normalise_name(name) == normalise_name(entry.name):
                name = entry.name  # "Kremlin" is "the Kremlin": the registry's own form of it
            registered = self._registered_forms.get(entry.id, name)
            self._registered_forms[entry.id] = name if _fuller(name, registered) else registered
        return entry

    def _add_form(self, name: str) -> None:
        """Remember an organisation's name if it is the fullest of its organisation so far."""
        self._add_registered_form(name)
        key = _organisation_key(name)
        if len(key) > 1 and _fuller(name, self._equivalent_forms.get(key, "")):
            self._equivalent_forms[key] = name

    def _by_title(self, title: str) -> Entry | None:
        """The registered holder of a role on the article's date; where the registry cannot
        tell (no date, and the office changed hands), the one holder the article names."""
        holders = self.registry.holders(title, self.on)
        if len(holders) > 1:
            holders = tuple(entry for entry in holders if self._mentions(entry))
        return holders[0] if len(holders) == 1 else None

    def _entry(self, entry: Entry, certainty: float) -> Resolved:
        # built once a document for each entry (its checked `Speaker` costs thousands of
        # instructions): the article's day and forms are fixed once the resolver is made
        known = self._entry_speakers.get(entry.id)
        if known is None or known[0] is not entry:
            known = self._entry_speakers[entry.id] = (entry, self._speaker_of(entry))
        return Resolved(known[1], certainty, entry.gender)

    def _speaker_of(self, entry: Entry) -> Speaker:
        speaker = entry.speaker(self.on)
        if entry.id in self._registered_forms:
            # the article's fullest form: "Turkish Ministry of Foreign Affairs" for the Foreign Ministry
            form = self._registered_forms[entry.id]
            speaker = unchecked.speaker(form, speaker.id, speaker.kind, speaker.title, speaker.wikidata)
        return speaker

    def _name(self, mention: Found) -> Resolved:
        """A name's speaker, resolved once per name: pronouns and descriptions ask again and again."""
        resolved = self._resolved_names.get(mention)
        if resolved is None:
            resolved = self._resolved_names[mention] = self._resolve_name(mention)
        return resolved

    def _resolve_name(self, mention: Found) -> Resolved:
        entry = self._by_name(mention.name) or self._by_name(self._written(mention))
        if entry is not None and self._someone_else(mention, entry):
            entry = None
        if entry is not None:
            return self._entry(entry, 1.0)
        if mention.speaker_kind is SpeakerKind.ORGANISATION:
            return self._organisation(mention)
        surname = _surname(mention.name)
        fullest = self._fullest.get(surname, mention.name)
        if surname == normalise_name(mention.name) and surname in self._given:
            fullest = self._given[surname]  # a first name alone: "Boris" for "Boris Johnson"
            surname = _surname(fullest)
        entry = self._by_name(fullest)
        if entry is not None:
            return self._entry(entry, 1.0)
        gender = mention.gender or self._genders.get(surname)
        if surname in self._people or mention.speaker_kind is SpeakerKind.PERSON:
            return Resolved(
                unchecked.speaker(fullest, None, SpeakerKind.PERSON, mention.title, None), 1.0, gender
            )
        return Resolved(
            unchecked.speaker(fullest, None, mention.speaker_kind, None, None), 0.9, mention.gender
        )

    def _someone_else(self, mention: Found, entry: Entry) -> bool:
        """Whether a bare surname the registry gives `entry` for ("Obama") is the article's own
        person of that surname ("Michelle Obama"), whose full name is not the entry's."""
        if entry.kind is not SpeakerKind.PERSON or " " in mention.name.strip():
            return False
        fullest = self._fullest.get(_surname(mention.name))
        if fullest is None or " " not in fullest:
            return False
        # "Recep T'ayyip Erdogan", a stray mark inside the name, is still the registry's Erdogan
        return self._by_name(fullest) is not entry and self._by_name(_unmarked(fullest)) is not entry

    def _organisation(self, mention: Found) -> Resolved:
        """An organisation's name: an acronym spelt out, a bare head ("the Centre") its fuller name."""
        full = self._acronyms.get(mention.name, mention.name)
        full = self._equivalent_forms.get(_organisation_key(full), full)
        head = full.lower()
        if " " not in head and head in mention_lexicon().organisation_heads:
            named = self._named_organisation({head}, head, mention.end)
            if named is not None:
                return self._name(named).with_certainty(0.95)
        return Resolved(unchecked.speaker(full, None, SpeakerKind.ORGANISATION, None, None), 1.0, plural=True)

    def _pronoun(self, mention: Found, history: Sequence[tuple[int, Resolved]]) -> Resolved | None:
        """The subject of the pronoun's own sentence, if a compatible person opens it before the
        pronoun; else the nearest earlier compatible speaker or sentence subject."""
        sentence = first_pair_above(self.sentences, mention.start) - 1
        limit = self.sentences[sentence][0] if sentence >= 0 else mention.start
        subjects = self._subjects_before(mention.start)
        first = first_starting(subjects, limit)
        if first < len(subjects) and subjects[first].end <= mention.start:
            # "Duterte threatened the network, and he accused it": the sentence's own subject
            own = self._name(subjects[first])
            if own.speaker.kind is SpeakerKind.PERSON and _compatible(mention, own):
                return own.with_certainty(0.85)
        candidates = [(start, r) for start, r in _recent(history) if start < mention.start]
        last = first_starting(subjects, limit)
        unknown: list[tuple[int, Resolved]] = []
        for name in subjects[max(0, last - 8) : last]:
            resolved = self._name(name)
            known = resolved.speaker.kind is not SpeakerKind.UNKNOWN
            (candidates if known else unknown).append((name.start, resolved))
        for pool in (candidates, candidates + unknown):  # names of unknown kind only if nothing else fits
            pool.sort(key=lambda pair: pair[0])
            for start, resolved in reversed(pool):
                if _compatible(mention, resolved):
                    if mention.gender is not None and resolved.gender is None:
                        # a nearer person of the pronoun's own gender, in any position, wins
                        gendered = self._nearest_person(mention, limit, after=start, gendered=True)
                        if gendered is not None:
                            return gendered
                    return resolved.with_certainty(0.85)
        # no subject fits: the nearest earlier person of any position
        return self._nearest_person(mention, limit)

    def _nearest_person(
        self, pronoun: Found, limit: int, *, after: int = -1, gendered: bool = False
    ) -> Resolved | None:
        """The nearest person named before `limit` (and after `after`) that a pronoun can stand for."""
        last = first_from(self._ends, limit)
        for name in reversed(self.names[max(0, last - 20) : last]):
            if name.start <= after:
                break
            if name.kind is not MentionKind.NAME:
                continue
            resolved = self._name(name)
            if resolved.speaker.kind is not SpeakerKind.PERSON or not _compatible(pronoun, resolved):
                continue
            if gendered and resolved.gender is None:
                continue
            return resolved.with_certainty(0.7)
        return None

    def _document(self, mention: Found, history: Sequence[tuple[int, Resolved]]) -> Resolved:
        """A document speaks for the last named speaker ("the report said")."""
        for _, resolved in reversed(_recent(history)):
            if resolved.speaker.kind is SpeakerKind.ORGANISATION and resolved.certainty >= 0.9:
                return resolved.with_certainty(0.85)
        for _, resolved in reversed(_recent(history)):
            if resolved.certainty >= 0.9:
                return resolved.with_certainty(0.8)
        last = first_above(self._ends, mention.start)
        for name in reversed(self.names[max(0, last - _NAMES_BACK) : last]):
            if name.speaker_kind is SpeakerKind.ORGANISATION:
                return self._name(name).with_certainty(0.7)
        return Resolved(unchecked.speaker(self._written(mention), None, SpeakerKind.UNKNOWN, None, None), 0.6)

    def _description(self, mention: Found) -> Resolved:
        written = self._written(mention)
        holder = None
        for lookup in (self._by_name, self._by_title):
            for form in (written, mention.name):
                holder = holder or lookup(form)
        # "the Russian presidential spokesman": a registered title with a nationality that fits
        holder = holder or self.registry.by_qualified_title(mention.name, self.on)
        if holder is not None and (holder.kind is SpeakerKind.ORGANISATION or self._mentions(holder)):
            return self._entry(holder, 0.95)
        definite = written[:4].lower() == "the "
        if definite and not mention.plural and not self._eponymous(mention):
            earlier = self._earlier_description(mention)
            if earlier is not None:
                return earlier
            described = self._described_name(mention)
            if described is not None:
                return described  # the article's own minister before the registry's
        if holder is not None:
            return self._entry(holder, 0.9)
        kind = mention.speaker_kind
        return Resolved(
            unchecked.speaker(written, None, kind, None, None), 0.8, mention.gender, mention.plural
        )

    def _mentions(self, entry: Entry) -> bool:
        """Whether the article names a registered speaker anywhere."""
        if self._named is None:
            self._named = {
                found.id for found in (self._by_name(n.name) for n in self.names) if found is not None
            }
        return entry.id in self._named

    def _earlier_description(self, mention: Found) -> Resolved | None:
        """A fuller earlier form of a description: "the press service" after "the Kremlin press service".

        The nearer of two forms wins: capitalised words ending in the description
        ("Kremlin press service"), or an organisation's name holding all its words,
        whose head may come first ("the court" after "the Court of Session").
        """
        body = mention.name
        if not body:
            return None
        fuller = self._fuller_match(mention)
        named = None
        if mention.speaker_kind is SpeakerKind.ORGANISATION and mention.head:
            words = set(_WORDS.findall(body.lower())) - mention_lexicon().determiners
            named = self._named_organisation(words, mention.head, mention.end)
        if named is not None and (fuller is None or named.start >= fuller.start()):
            return self._name(named).with_certainty(0.85)
        if fuller is None:
            return None
        form = _THE.sub("", fuller.group())
        for lookup in (self._by_name, self._by_title):
            entry = lookup(form) or lookup(form.split(maxsplit=1)[-1])
            if entry is not None:
                return self._entry(entry, 0.9)
        if mention.speaker_kind is SpeakerKind.ORGANISATION:
            return Resolved(unchecked.speaker(form, None, SpeakerKind.ORGANISATION, None, None), 0.85)
        return None

    def _fuller_match(self, mention: Found) -> regex.Match[str] | None:
        """The nearest capitalised words before a description that end in it and say more than it does."""
        body = mention.name.lower()
        matches = _fuller_form(mention.name).finditer(
            self.text, max(0, mention.start - LOOKBACK), mention.start
        )
        for match in islice(matches, _FORMS_BACK):
            # "The Court" of "The Court of Session" is no fuller, "Supreme Court" of "Supreme
            # Court of the United Kingdom" only a piece: the organisation's name is the form
            form = _THE.sub("", match.group()).lower()
            if form != body and not self._inside_name(match.start(), match.end()):
                return match
        return None

    def _inside_name(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is a piece of a longer name of an organisation."""
        index = first_starting_after(self.names, end)
        for name in self.names[max(0, index - 2) : index]:
            if name.start <= start + 4 and end <= name.end and name.end - name.start > end - start:
                return name.speaker_kind is SpeakerKind.ORGANISATION
        return False

    def _named_organisation(self, words: set[str], head: str, end: int) -> Found | None:
        """The organisation named before `end` with the same head, all of `words` and more.

        The head of "Court of Session" or "Centre for Aviation" comes first, that of
        "Turkish Foreign Ministry" last: "the court" is the one, "the Kremlin" is no
        "Kremlin press service". Of several, the one named most often wins, as the
        article's subject ("the court" of a ruling, not a court it names in passing);
        then the nearest.
        """
        last = first_starting(self.names, end)
        counts: dict[str, int] = {}
        nearest: dict[str, Found] = {}
        for name in reversed(self.names[max(0, last - _NAMES_BACK) : last]):
            if name.kind is not MentionKind.NAME or name.speaker_kind is not SpeakerKind.ORGANISATION:
                continue
            named = _WORDS.findall(name.name.lower())
            if _organisation_head(named) == head and words < set(named):
                counts[name.name] = counts.get(name.name, 0) + 1
                nearest.setdefault(name.name, name)
        if not counts:
            return None
        return nearest[max(counts, key=counts.__getitem__)]  # ties: the first counted, the nearest

    def _described_name(self, mention: Found) -> Resolved | None:
        """The nearest earlier name whose title or name holds the description's head."""
        head = mention.head or ""
        wanted = set(_WORDS.findall(mention.name.lower())) - mention_lexicon().determiners
        last = first_above(self._ends, mention.start)
        titled = _title_before(head)  # "President of Argentina X"
        clues = _title_clues(head) if head and head.isascii() else None
        partial = peer = None
        for name in reversed(self.names[max(0, last - _NAMES_BACK) : last]):
            if name.kind is not MentionKind.NAME:
                continue
            if mention.speaker_kind is SpeakerKind.PERSON and name.speaker_kind is SpeakerKind.ORGANISATION:
                continue
            if clues is not None:
                # the title words come from these characters: without a clue in them, none can fit
                nearby = self.text[max(0, name.start - 80) : name.end].lower()
                if not any(clue in nearby for clue in clues):
                    continue
            words = self._title_words(name, head, titled)
            if head in words or any(
                w.startswith(head) for w in words if mention.speaker_kind is SpeakerKind.ORGANISATION
            ):
                resolved = self._name(name).with_certainty(0.85)
                if wanted <= words:
                    return resolved  # "the Hungarian minister": every word fits
                partial = partial or resolved
            elif peer is None and words & _PEERS and wanted - {head} and wanted - {head} <= words:
                # "his Hungarian counterpart Peter Szijjarto" ... "the Hungarian minister"
                peer = self._name(name).with_certainty(0.8)
        return peer or partial

    def _title_words(self, name: Found, head: str, titled: regex.Pattern[str]) -> set[str]:
        """The lowercase words of a name and the description or title before it."""
        described = with_description(self.text, name, max(0, name.start - 80))
        abbreviations = mention_lexicon().title_abbreviations
        words = set()
        for word in _WORDS.findall(self.text[described.start : described.end].lower()):
            words.add(word)
            words.add(abbreviations.get(word, word))  # "Sen." is a senator
        preceding = self.text[max(0, name.start - 80) : name.start]
        if head and titled.search(preceding):
            # "President of Argentina Alberto Fernández": the title's words before the name
            words.update(_WORDS.findall(preceding[preceding.lower().rfind(head) :].lower()))
        return words

    def _eponymous(self, mention: Found) -> bool:
        """Whether an organisation is named after a person: "the Erdogan government", "the
        Trump campaign" are the body, never the leader or an earlier body of its kind."""
        if mention.speaker_kind is not SpeakerKind.ORGANISATION:
            return False
        for word in _WORDS.findall(self.text, mention.start, mention.end):
            entry = self._by_name(word) if word[:1].isupper() else None
            if entry is not None and entry.kind is SpeakerKind.PERSON:
                return True
        return False

    def _written(self, mention: Found) -> str:
        return self.text[mention.start : mention.end]


_TITLE_TAIL: Final = r"(?:[ \t\u00a0]+(?:of|for|the|and|\p{Lu}[\p{L}\p{M}'\-]*))*[ \t\u00a0]+$"
_PEERS: Final = frozenset({"counterpart", "colleague", "peer"})  # a peer holds the same office
_WORDS: Final = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
_POSSESSIVE: Final = regex.compile(r"(?r)['\u2019]s\b")  # the last possessive of a mention
_THE: Final = regex.compile(r"^[Tt]he[ \t\u00a0]+")
_APPOSITION: Final = regex.compile(r",[ \t\u00a0]+")
_APPOSITION_END: Final = regex.compile(r"[ \t\u00a0]*(?:[,.;:)\u2014\u2013]|$)")
# up to three words after a name, or one after a comma; past an acronym in brackets, if any, which
# once read is kept (the possessive "?+"): "the Commission (USCIRF) also criticized"
_FOLLOWING: Final = regex.compile(
    r"(?:[ \t\u00a0]*\([^()\n]{1,24}\))?+"
    r"[ \t\u00a0]*(?:(,)[ \t\u00a0]*)?(\p{L}+)(?:[ \t\u00a0]*(\p{L}+)(?:[ \t\u00a0]*(\p{L}+))?)?"
)


@functools.lru_cache(maxsize=1024)
def _fuller_form(body: str) -> regex.Pattern[str]:
    """The last capitalised words ending in `body`: "Kremlin press service" for "press service"."""
    return regex.compile(rf"(?r)(?:\p{{Lu}}[\p{{L}}'\u2019]*[ \t]+)+(?i:{regex.escape(body)})\b")


@functools.lru_cache(maxsize=1024)
def _title_clues(head: str) -> tuple[str, ...]:
    """What the text around a name must hold for its title words to have `head` or a peer in them.

    `head` itself, the abbreviations of titles that hold it ("sen" for a senator)
    and the words for a peer: `_described_name` reads a name's title words only
    where one of these is near, for reading them costs many times this test.
    """
    abbreviations = mention_lexicon().title_abbreviations
    return (head, *(short for short, full in abbreviations.items() if head in full), *sorted(_PEERS))


@functools.lru_cache(maxsize=1024)
def _title_before(head: str) -> regex.Pattern[str]:
    """A title with `head` right before a name: "President of Argentina" before "Alberto Fernández"."""
    return regex.compile(rf"(?i:\b{regex.escape(head)})" + _TITLE_TAIL)


def _holds(ordered: Sequence[int], value: int) -> bool:
    """Whether the ascending sequence `ordered` holds `value`."""
    index = first_from(ordered, value)
    return index < len(ordered) and ordered[index] == value


def _first_word(text: str, start: int, end: int) -> int:
    """The offset of the first word of ``text[start:end]``, past marks, brackets and spaces."""
    while start < end and (text[start] in QUOTE_CHARACTERS or text[start] in "([" or text[start].isspace()):
        start += 1
    return start


def _recent(history: Sequence[tuple[int, Resolved]]) -> Sequence[tuple[int, Resolved]]:
    """The latest attributions, as many as a backward search may read: bounded, so work stays linear."""
    return history[-HISTORY_BACK:]


def _cue_follows(text: str, position: int) -> bool:
    """Whether a reporting verb follows a name, past adverbs and an acronym: "Peskov *also said*",
    "the Commission (USCIRF) *also criticized*"."""
    following = _following(text, position)
    if following is None:
        return False
    comma, words = following
    lexicon = cue_lexicon()
    if comma:  # "a spokesperson, Morgan Ortagus, indicated"; not ", claiming"
        form = words[0].lower()
        return lexicon.lemma(form) is not None and not form.endswith("ing")
    gap = word_lists().subject_gap
    for word in words:
        form = word.lower()
        if lexicon.lemma(form) is not None:
            return True
        if form not in gap:
            return False
    return False


def _following(text: str, position: int) -> tuple[bool, list[str]] | None:
    """What `_FOLLOWING` finds at `position`: whether a comma comes first, and the one to three
    words after it; None where it finds nothing.

    Compiled, the characters are read in a loop (`_LETTER_RUN` for the words), not by the
    engine, whose call costs more than the few characters it reads; in pure Python the
    pattern is faster.
    """
    if not COMPILED:
        found = _FOLLOWING.match(text, position)
        if found is None:
            return None
        return bool(found.group(1)), [word for word in found.groups()[1:] if word is not None]
    end: i64 = len(text)
    at: i64 = skip_blanks(text, position, end)
    if at < end and text[at] == "(":  # an acronym in brackets, kept once read (the "?+")
        close: i64 = at + 1
        limit: i64 = min(end, at + 2 + _BRACKETED)  # past the latest closing bracket
        while close < limit and text[close] not in "()\n":
            close += 1
        if close < limit and text[close] == ")" and close > at + 1:
            at = skip_blanks(text, close + 1, end)
    comma = at < end and text[at] == ","
    if comma:
        at = skip_blanks(text, at + 1, end)
    words: list[str] = []
    while len(words) < 3:
        word = _LETTER_RUN.match(text, at, end)
        if word is None:
            break
        words.append(word.group())
        at = skip_blanks(text, word.end(), end)
    return (comma, words) if words else None


def _spelt_out_after(text: str, end: int) -> bool:
    """Whether ``text[end:]`` starts as `_ACRONYM` or `_OR_ACRONYM` may (`_SPELT_OUT_AFTER`):
    ``text.startswith(_SPELT_OUT_AFTER, end)``, whose tuple compiled code hands to a Python call."""
    after = text[end : end + 1]
    if after == ",":
        return True
    return (after == " " or after == "\t" or after == "\u00a0") and text[end + 1 : end + 2] == "("


_BRACKETED: Final = 24  # `_FOLLOWING`'s "[^()\n]{1,24}": the characters in brackets at most
_LETTER_RUN: Final = Words(r"\p{L}", "")  # `_FOLLOWING`'s "\p{L}+": a run of letters, no joiners


def _organisation_head(words: Sequence[str]) -> str:
    """The head of an organisation's lowercase name: before "of" or "for", else the last word."""
    for index in range(1, len(words)):
        if words[index] in ("of", "for"):
            return words[index - 1]
    return words[-1] if words else ""


def _initials(name: str) -> str:
    """The capital initials of a name's words past "of", "the", "and", "for": "FBI", "OPEC"."""
    return "".join(word[0].upper() for word in name.split() if word.lower() not in _CONNECTIVES)


_CONNECTIVES: Final = frozenset({"of", "the", "and", "for"})
_SPELT_OUT_AFTER: Final = (" (", "\t(", "\u00a0(", ",")  # how `_ACRONYM` and `_OR_ACRONYM` begin
_NOT_CONTENT: Final = frozenset({"of", "the", "for", "and", "affairs"})


@functools.lru_cache(maxsize=4096)
def _organisation_key(name: str) -> frozenset[str]:
    """The content words of an organisation's name, in any order.

    "Ministry of Foreign Affairs" and "Foreign Ministry", "Ministry of the
    Interior" and "Interior Ministry" have the same key: one organisation.
    News names the same organisations again and again: each key is found once.
    """
    return frozenset(_WORDS.findall(name.lower())) - _NOT_CONTENT


def _fuller(name: str, than: str) -> bool:
    """Whether `name` has more words than `than`, a leading "the" aside: on a tie the first stays."""
    return len(normalise_name(name).split()) > len(normalise_name(than).split())


_MARKS_IN_WORDS: Final = str.maketrans("", "", "'\u2018\u2019\"\u201c\u201d`\u00b4")


def _unmarked(name: str) -> str:
    """`name` without the quotation marks and apostrophes a stray keystroke may have put in it."""
    return name.translate(_MARKS_IN_WORDS)


def _surname(name: str) -> str:
    return normalise_name(name).rsplit(" ", 1)[-1]


def _compatible(pronoun: Found, resolved: Resolved) -> bool:
    speaker = resolved.speaker
    if pronoun.plural:
        return resolved.plural or speaker.kind is SpeakerKind.ORGANISATION
    if pronoun.speaker_kind is SpeakerKind.ORGANISATION:
        return speaker.kind is SpeakerKind.ORGANISATION
    if resolved.plural or speaker.kind is SpeakerKind.ORGANISATION:
        return False
    if speaker.kind is SpeakerKind.UNKNOWN and " " not in speaker.name:
        return False  # "Ankara", "Georgia": a single unknown word is rarely a person
    return pronoun.gender is None or resolved.gender in (None, pronoun.gender)
