"""Word lists of the library, loaded once from the data files in `quotes/data`.

The lists are data, not code: each file documents its sources, and users read
or extend them without touching Python.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import attrs

from quotes.errors import Errors, RegistryError

__all__ = ["CueLexicon", "WordLists", "abbreviations", "cue_lexicon", "word_lists"]

_DATA = "quotes.data"


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

    def lemma(self, word: str) -> str | None:
        """The lemma of a reporting verb (speech, stance or naming), else None."""
        lower = word.lower()
        return self.speech.get(lower) or self.stance.get(lower) or self.naming.get(lower)


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
    fields = [f.name for f in attrs.fields(CueLexicon)]
    return CueLexicon(**{name: _forms(path, name, data.get(name, {})) for name in fields})


@attrs.frozen
class WordLists:
    """Closed-class words the rules need (``quotes/data/words.toml``).

    Attributes:
        function_words: Lowercase words allowed inside a quoted name or title.
        determiners: Words between a naming word and the name (named *it* "...").
        name_phrases: Phrases after which quoted text is a name ("known as").
        name_prepositions: Prepositions that introduce an organisation's name.
    """

    function_words: frozenset[str]
    determiners: frozenset[str]
    name_phrases: frozenset[str]
    name_prepositions: frozenset[str]


def _load_toml(path: str) -> dict[str, object]:
    with resources.files(_DATA).joinpath(path).open("rb") as handle:
        try:
            return tomllib.load(handle)
        except tomllib.TOMLDecodeError as err:
            raise RegistryError(Errors.E011.format(file=path, reason=err)) from None


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
    text = resources.files(_DATA).joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
