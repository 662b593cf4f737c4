"""Word lists of the library, loaded once from the data files in `quotes/data`.

The lists are data, not code: each file documents its sources, and users read
or extend them without touching Python.
"""

from __future__ import annotations

import functools
import os
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from quotes.errors import Errors, RegistryError

__all__ = [
    "ClauseWords",
    "CueLexicon",
    "GivenNames",
    "MentionLexicon",
    "Pronoun",
    "WordLists",
    "abbreviations",
    "clause_words",
    "cue_lexicon",
    "given_names",
    "mention_lexicon",
    "parse_toml",
    "read_data_file",
    "word_lists",
]

_DATA = "quotes.data"
_BOM = "\ufeff"


@attrs.frozen
class CueLexicon:
    """Reporting cues by section, each a map from inflected form to lemma.

    Attributes:
        speech: Verbs whose subject is a speaker (said, told, stressed).
        stance: Verbs of a stance taken in words (criticised, denied).
        naming: Verbs that characterise (called, described).
        names: Words after which quoted text is a name (codenamed, titled).
        belief: Beliefs, wishes and plans, which are not speech.
        phrases: Multi-word cues (according to, pointed out).
    """

    speech: dict[str, str]
    stance: dict[str, str]
    naming: dict[str, str]
    names: dict[str, str]
    belief: dict[str, str]
    phrases: dict[str, str]
    _verbs: dict[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # one table for `lemma`, with speech before stance before naming
        object.__setattr__(self, "_verbs", {**self.naming, **self.stance, **self.speech})

    def lemma(self, word: str) -> str | None:
        """The lemma of a reporting verb (speech, stance or naming), else None."""
        return self._verbs.get(word.lower())


def _forms(path: str, section: str, table: object) -> dict[str, str]:
    """Invert one ``lemma = [forms]`` table into ``{form: lemma}``, validating it."""
    if not isinstance(table, dict):
        raise RegistryError(Errors.E010.format(file=path, entry=section, field=section, reason="not a table"))
    forms: dict[str, str] = {}
    for lemma, inflections in table.items():
        if not isinstance(inflections, list) or not all(isinstance(f, str) for f in inflections):
            raise RegistryError(
                Errors.E010.format(file=path, entry=lemma, field=section, reason="expected a list of strings")
            )
        for form in inflections:
            forms[form.lower()] = lemma
    return forms


@functools.cache
def cue_lexicon() -> CueLexicon:
    """The cue lexicon of ``quotes/data/cues.toml``, loaded once."""
    path = "cues.toml"
    data = _load_toml(path)
    fields = [f.name for f in attrs.fields(CueLexicon) if f.init]
    return CueLexicon(**{name: _forms(path, name, data.get(name, {})) for name in fields})


@attrs.frozen
class WordLists:
    """Closed-class words the rules need (``quotes/data/words.toml``).

    Attributes:
        function_words: Lowercase words allowed inside a quoted name or title.
        determiners: Words between a naming word and the name (named *it* "...").
        name_phrases: Phrases after which quoted text is a name ("known as").
        works: Nouns of a work after which quoted text is its title ("his book, ...").
        name_prepositions: Prepositions that introduce an organisation's name.
        subject_gap: Words allowed between a speaker and the reporting verb.
        name_introducers: Words after which a description gives a name.
        not_speakers: Words that never begin or end a phrase naming a speaker.
        time_words: Words that end a time phrase between a speaker and a cue.
        time_openers: Words that open such a time phrase ("on", "this").
        not_adverbs: Lowercase "-ly" words that are no adverbs ("family").
        contractions: Contracted auxiliaries between a speaker and a cue ("'ve").
        contracting_pronouns: Pronouns after which "'s" is an auxiliary ("he's said").
        catenatives: Verbs that pass their subject to a cue after "to" ("continued").
        participle_openers: Words that make a cue in -ing a participle ("by saying").
        sentence_openers: Words that open a sentence after a dotted abbreviation ("U.S. He").
    """

    function_words: frozenset[str]
    determiners: frozenset[str]
    name_phrases: frozenset[str]
    works: frozenset[str]
    name_prepositions: frozenset[str]
    subject_gap: frozenset[str]
    name_introducers: frozenset[str]
    not_speakers: frozenset[str]
    time_words: frozenset[str]
    time_openers: frozenset[str]
    not_adverbs: frozenset[str]
    contractions: frozenset[str]
    contracting_pronouns: frozenset[str]
    catenatives: frozenset[str]
    participle_openers: frozenset[str]
    sentence_openers: frozenset[str]


def read_data_file(path: str | os.PathLike[str] | Traversable) -> str:
    """The text of a data file, read as UTF-8; a byte order mark at its start is dropped.

    Editors on Windows often start a UTF-8 file with a byte order mark, which
    says nothing but "UTF-8"; it is accepted, not an error.

    Args:
        path: A file on disk, or a resource of a package.

    Raises:
        RegistryError: The file cannot be read (missing, a directory, not
            allowed) or is not UTF-8 text; the message names the file.
    """
    try:
        data = path.read_bytes() if isinstance(path, Traversable) else Path(path).read_bytes()
    except OSError as err:
        raise RegistryError(Errors.E012.format(file=path, reason=err.strerror or err)) from None
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as err:
        reason = f"not UTF-8 text (byte {data[err.start]:#04x} at offset {err.start})"
        raise RegistryError(Errors.E012.format(file=path, reason=reason)) from None


def parse_toml(source: str, file: str) -> dict[str, Any]:
    """Parse the TOML text of a data file; a byte order mark at its start is dropped.

    Args:
        source: The file's text.
        file: The file's name, for errors.

    Raises:
        RegistryError: The text is not TOML, or nests too deeply to read.
    """
    try:
        return tomllib.loads(source.removeprefix(_BOM))
    except tomllib.TOMLDecodeError as err:
        raise RegistryError(Errors.E011.format(file=file, reason=err)) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise RegistryError(
            Errors.E011.format(file=file, reason="arrays or tables nested too deeply")
        ) from None


def _load_toml(path: str) -> dict[str, object]:
    return parse_toml(read_data_file(resources.files(_DATA).joinpath(path)), path)


@functools.cache
def word_lists() -> WordLists:
    """The word lists of ``quotes/data/words.toml``, loaded once."""
    path = "words.toml"
    data = _load_toml(path)
    lists = {}
    for field in attrs.fields(WordLists):
        value = data.get(field.name)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            reason = "expected a list of strings"
            raise RegistryError(
                Errors.E010.format(file=path, entry=field.name, field=field.name, reason=reason)
            )
        lists[field.name] = frozenset(value)
    return WordLists(**lists)


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations whose full stop does not end a sentence ("Mr", "U.S")."""
    text = read_data_file(resources.files(_DATA).joinpath("abbreviations.txt"))
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@attrs.frozen
class Pronoun:
    """What a pronoun tells of the speaker it stands for.

    Attributes:
        gender: "male", "female" or None.
        plural: Whether it stands for several speakers.
        organisation: Whether it stands only for an organisation ("it").
    """

    gender: str | None = None
    plural: bool = False
    organisation: bool = False


@attrs.frozen
class MentionLexicon:
    """Words that tell how news names a speaker (``quotes/data/mentions.toml``).

    Attributes:
        titles: Title words written before a name, lowercase.
        female_titles: Titles that make a person female, lowercase.
        male_titles: Titles that make a person male, lowercase.
        person_heads: Nouns heading a description of a person, lowercase.
        organisation_heads: Nouns heading a description of an organisation.
        document_heads: Nouns of documents that speak for their issuer.
        modifiers: Lowercase words allowed inside a description.
        determiners: Words that open a description.
        pronouns: Pronouns by lowercase form.
        never: Capitalised words that are never part of a name (case-sensitive).
        organisation_words: Words that make a capitalised run an organisation.
        connectors: Lowercase particles inside names.
        title_abbreviations: Abbreviated titles, lowercase, and what they stand for.
        clause_openers: Words after which a bare plural opens a clause ("with officials saying").
        plural_groups: Words naming people without a noun ("others", "the two").
        single_groups: Words naming one person without a noun ("another", "a third").
        share_numbers: Numbers in words that open a share of people ("forty percent").
        share_fractions: Fractions that name a share of people ("two-thirds of voters").
        share_hedges: Words before a share ("nearly", "about").
    """

    titles: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    person_heads: frozenset[str]
    organisation_heads: frozenset[str]
    document_heads: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    pronouns: dict[str, Pronoun]
    never: frozenset[str]
    organisation_words: frozenset[str]
    connectors: frozenset[str]
    title_abbreviations: dict[str, str]
    clause_openers: frozenset[str]
    plural_groups: frozenset[str]
    single_groups: frozenset[str]
    share_numbers: frozenset[str]
    share_fractions: frozenset[str]
    share_hedges: frozenset[str]


def _word_list(path: str, data: dict[str, object], field: str, entry: str | None = None) -> frozenset[str]:
    """The words of the list `field`, each written with a typographic apostrophe too ("can't"
    and "can\u2019t"): news sets either."""
    value = data.get(field)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise RegistryError(
            Errors.E010.format(
                file=path, entry=entry or field, field=field, reason="expected a list of strings"
            )
        )
    return frozenset(value) | {w.replace("'", "\u2019") for w in value if "'" in w}


@functools.cache
def mention_lexicon() -> MentionLexicon:
    """The mention words of ``quotes/data/mentions.toml``, loaded once."""
    path = "mentions.toml"
    data = _load_toml(path)
    names = data.get("names")
    if not isinstance(names, dict):
        raise RegistryError(Errors.E010.format(file=path, entry="names", field="names", reason="not a table"))
    raw_pronouns = data.get("pronouns")
    if not isinstance(raw_pronouns, dict):
        raise RegistryError(
            Errors.E010.format(file=path, entry="pronouns", field="pronouns", reason="not a table")
        )
    pronouns = {}
    for word, spec in raw_pronouns.items():
        try:
            pronouns[word] = Pronoun(**spec)
        except TypeError as err:
            raise RegistryError(
                Errors.E010.format(file=path, entry=word, field="pronouns", reason=err)
            ) from None
    lists = {
        field: _word_list(path, data, field)
        for field in (
            "titles",
            "female_titles",
            "male_titles",
            "person_heads",
            "organisation_heads",
            "document_heads",
            "modifiers",
            "determiners",
            "clause_openers",
            "plural_groups",
            "single_groups",
            "share_numbers",
            "share_fractions",
            "share_hedges",
        )
    }
    abbreviated = data.get("title_abbreviations", {})
    if not isinstance(abbreviated, dict) or not all(isinstance(v, str) for v in abbreviated.values()):
        raise RegistryError(
            Errors.E010.format(
                file=path, entry="title_abbreviations", field="title_abbreviations", reason="expected strings"
            )
        )
    return MentionLexicon(
        **lists,
        title_abbreviations=dict(abbreviated),
        pronouns=pronouns,
        never=_word_list(path, names, "never", "names"),
        organisation_words=_word_list(path, names, "organisation_words", "names"),
        connectors=_word_list(path, names, "connectors", "names"),
    )


@attrs.frozen
class GivenNames:
    """Common given names by gender (``quotes/data/given_names.toml``).

    Attributes:
        female: Female given names, as written.
        male: Male given names, as written.
    """

    female: frozenset[str]
    male: frozenset[str]


@functools.cache
def given_names() -> GivenNames:
    """The given names of ``quotes/data/given_names.toml``, loaded once."""
    path = "given_names.toml"
    data = _load_toml(path)
    return GivenNames(female=_word_list(path, data, "female"), male=_word_list(path, data, "male"))


@attrs.frozen
class ClauseWords:
    """Words that show a reported clause after a cue (``[clause]`` of ``words.toml``).

    Attributes:
        subject_pronouns: Pronouns that open a clause.
        auxiliaries: Auxiliary and modal verbs.
        past_forms: Irregular past forms and present forms of common verbs.
        not_before_verb: Words after which an "-ed" word is an adjective.
        time_words: Words that open an adverbial of time ("Wednesday", "yesterday").
        conjunctions: Words that join a new clause after a comma ("but", "while").
        question_words: Words that open an embedded question ("asked whether").
    """

    subject_pronouns: frozenset[str]
    auxiliaries: frozenset[str]
    past_forms: frozenset[str]
    not_before_verb: frozenset[str]
    time_words: frozenset[str]
    conjunctions: frozenset[str]
    question_words: frozenset[str]


@attrs.frozen
class ComplementWords:
    """Cues that report what is no clause of its own (``[complements]`` of ``words.toml``).

    Attributes:
        commissive: Cues of a promise or a threat, with an infinitive ("vowed to sue").
        directive: Cues of a request, with the one asked and an infinitive ("urged voters to vote").
        accusation: Cues of an accusation, with the one accused and "of" ("accused Lee of lying").
        objects: Cues whose noun-phrase object is what was said ("denied the allegations").
        objects_after: The same after a preposition, as "lemma preposition" ("warn of").
    """

    commissive: frozenset[str]
    directive: frozenset[str]
    accusation: frozenset[str]
    objects: frozenset[str]
    objects_after: frozenset[str]


@functools.cache
def complement_words() -> ComplementWords:
    """The complement cues of ``quotes/data/words.toml``, loaded once."""
    return ComplementWords(**_word_table("words.toml", "complements", ComplementWords))


@functools.cache
def clause_words() -> ClauseWords:
    """The clause words of ``quotes/data/words.toml``, loaded once."""
    return ClauseWords(**_word_table("words.toml", "clause", ClauseWords))


def _word_table(path: str, table: str, fields: type) -> dict[str, frozenset[str]]:
    """The word lists of the table `table` of the data file `path`, one per field of the attrs
    class `fields`."""
    data = _load_toml(path).get(table)
    if not isinstance(data, dict):
        raise RegistryError(Errors.E010.format(file=path, entry=table, field=table, reason="not a table"))
    return {f.name: _word_list(path, data, f.name, table) for f in attrs.fields(fields)}
