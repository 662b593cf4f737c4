"""The registry of officials and institutions that speakers are linked to.

A registry is data (``quotes/data/officials.toml`` by default): each entry
names one speaker with its aliases and the roles it holds. Users load their
own file, or merge one with the default; a malformed file is a `RegistryError`
that names the file, the entry and the field.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import os
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs
import regex

from quotes.errors import Errors, RegistryError
from quotes.lexicon import parse_toml, read_data_file
from quotes.model import Speaker, SpeakerKind

__all__ = ["Entry", "Registry", "Role", "as_registry", "default_registry", "normalise_name"]


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


def _entries(values: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(values)


@functools.lru_cache(maxsize=16384)
def normalise_name(name: str) -> str:
    """Fold case, diacritics, curly apostrophes, a leading "the" and spacing."""
    if name.isascii():  # nothing to fold but case and spacing
        return " ".join(name.casefold().split()).removeprefix("the ")
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = " ".join(folded.replace("\u2019", "'").replace("\u0131", "i").split())
    return folded.removeprefix("the ")


@attrs.frozen
class Role:
    """A title a speaker holds: "Kremlin spokesman" of "the Kremlin".

    Attributes:
        title: The title as news writes it.
        organisation: Whose title it is.
        start: First day held, if known.
        end: Last day held, or None while in office.
        aliases: Other ways news writes the title.
    """

    title: str
    organisation: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def held_on(self, day: datetime.date) -> bool:
        """Whether the role was held on `day` (unknown dates count as held)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class Entry:
    """One registered speaker.

    Attributes:
        id: Stable identifier.
        name: Canonical name.
        kind: Person or organisation.
        gender: "male" or "female" for a person, if known (for pronouns).
        aliases: Other names and spellings.
        roles: Titles held.
        wikidata: The Wikidata item ("Q7747"), for joining to a knowledge base.
    """

    id: str
    name: str
    kind: SpeakerKind = attrs.field(converter=SpeakerKind)
    gender: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)
    wikidata: str | None = None

    def speaker(self, on: datetime.date | None = None) -> Speaker:
        """The `Speaker` this entry stands for, titled by the role held `on` a day if given
        (else by its first role)."""
        held = [role for role in self.roles if on is None or role.held_on(on)]
        title = held[0].title if held else self.roles[0].title if self.roles else None
        return Speaker(self.name, self.id, self.kind, title, self.wikidata)


@attrs.frozen
class Registry:
    """Speakers by id, with lookups by name and by role title.

    Attributes:
        entries: The entries, in file order.
    """

    entries: tuple[Entry, ...] = attrs.field(converter=_entries)
    _by_name: dict[str, Entry] = attrs.field(init=False, repr=False, eq=False)
    _by_title: dict[str, tuple[tuple[Role, Entry], ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_name: dict[str, Entry] = {}
        by_title: dict[str, list[tuple[Role, Entry]]] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                by_name[normalise_name(name)] = entry
            for role in entry.roles:
                for title in (role.title, *role.aliases):
                    by_title.setdefault(normalise_name(title), []).append((role, entry))
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_by_title", {k: tuple(v) for k, v in by_title.items()})

    def __len__(self) -> int:
        return len(self.entries)

    def by_name(self, name: str) -> Entry | None:
        """The entry whose name or alias is `name` (case and diacritics ignored)."""
        return self._by_name.get(normalise_name(name))

    def by_title(self, title: str, on: datetime.date | None = None) -> Entry | None:
        """The one entry holding the role `title` ("the Kremlin spokesman") on the day `on`.

        Without a day, only a role that a single entry has ever held names it: where
        the office changed hands the registry cannot tell who is meant, and None is
        returned rather than a guess. A role held by several at once (spokespeople of a
        ministry), or on a day the registry knows no holder for, is None too.
        """
        return _only(self.holders(title, on))

    def holders(self, title: str, on: datetime.date | None = None) -> tuple[Entry, ...]:
        """Every entry that held the role `title` (on the day `on`, if given), each once, in file order.

        A term with neither start nor end says nothing of the day: it counts only
        where no dated term covers the day ("the Kremlin spokesman" of 2019 is the
        holder since 2012, not an earlier one whose dates are unknown).
        """
        return _holding(self._by_title.get(normalise_name(title), ()), on)

    def by_qualified_title(self, description: str, on: datetime.date | None = None) -> Entry | None:
        """The holder of a role named with a nationality or organisation before its title.

        "Russian presidential spokesman" is the holder of "presidential spokesman"
        whose role's own words (title, aliases, organisation) hold "Russian"; a
        qualifier the role does not hold ("Turkish") names someone else.

        Args:
            description: The description without its determiner, as written: the
                qualifiers are its first one or two capitalised words.
            on: The day the role must be held on, if given.
        """
        words = description.split()
        for count in (1, 2):
            qualifier = words[:count]
            if len(words) <= count or not all(word[:1].isupper() for word in qualifier):
                return None
            wanted = {normalise_name(word) for word in qualifier}
            holders = self._by_title.get(normalise_name(" ".join(words[count:])), ())
            fitting = [(role, entry) for role, entry in holders if wanted <= _role_words(role)]
            if fitting:
                return _only(_holding(fitting, on))
        return None

    def names(self) -> Iterable[str]:
        """Every name and alias, as written in the registry."""
        for entry in self.entries:
            yield entry.name
            yield from entry.aliases

    def merge(self, other: Registry) -> Registry:
        """A registry with the entries of both; `other` wins where ids clash."""
        ids = {entry.id for entry in other.entries}
        return Registry([e for e in self.entries if e.id not in ids] + list(other.entries))

    def to_toml(self) -> str:
        """The registry as TOML text that `from_toml` reads back as an equal registry."""
        return "".join(_entry_toml(entry) for entry in self.entries)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Registry:
        """Read a registry file, UTF-8 with or without a byte order mark.

        Raises:
            RegistryError: The file cannot be read, is not TOML, or an entry
                is malformed; the message names the file.
        """
        return cls.from_toml(read_data_file(path), os.fspath(path))

    @classmethod
    def from_toml(cls, source: str, file: str = "<string>") -> Registry:
        """Parse registry TOML text; `file` names it in errors.

        Raises:
            RegistryError: The text is not TOML, has a key other than
                ``entry``, or an entry is malformed or repeats an id.
        """
        data = parse_toml(source, file)
        for key in data:
            if key != "entry":
                raise RegistryError(
                    Errors.E013.format(file=file, key=key, hint=_did_you_mean(key, ["entry"]))
                )
        raw = data.get("entry", [])
        if not isinstance(raw, list):
            raise _fail(file, "entry", "entry", "expected [[entry]] tables")
        entries = [_entry(file, number, item) for number, item in enumerate(raw)]
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                raise _fail(file, entry.id, "id", "another entry has this id; ids must be unique")
            seen.add(entry.id)
        return cls(entries)


def _entry_toml(entry: Entry) -> str:
    """One ``[[entry]]`` table, its fields in the order of the shipped file."""
    lines = ["[[entry]]", f"id = {_toml(entry.id)}", f"name = {_toml(entry.name)}"]
    if entry.wikidata is not None:
        lines.append(f"wikidata = {_toml(entry.wikidata)}")
    lines.append(f"kind = {_toml(entry.kind.value)}")
    if entry.gender is not None:
        lines.append(f"gender = {_toml(entry.gender)}")
    lines.append(f"aliases = [{', '.join(map(_toml, entry.aliases))}]")
    lines.append(
        "roles = ["
        + "".join(f"\n  {_role_toml(role)}," for role in entry.roles)
        + ("\n]" if entry.roles else "]")
    )
    return "\n".join(lines) + "\n\n"


def _role_toml(role: Role) -> str:
    """One role as an inline table."""
    fields = [f"title = {_toml(role.title)}"]
    if role.organisation is not None:
        fields.append(f"organisation = {_toml(role.organisation)}")
    fields += [
        f"{name} = {day.isoformat()}" for name, day in (("start", role.start), ("end", role.end)) if day
    ]
    if role.aliases:
        fields.append(f"aliases = [{', '.join(map(_toml, role.aliases))}]")
    return "{ " + ", ".join(fields) + " }"


def _toml(text: str) -> str:
    """A TOML basic string: JSON's string escapes are TOML's too."""
    return json.dumps(text, ensure_ascii=False)


def _only(entries: tuple[Entry, ...]) -> Entry | None:
    """The one entry of `entries`, or None if there are none or several."""
    return entries[0] if len(entries) == 1 else None


def _holding(holders: Iterable[tuple[Role, Entry]], on: datetime.date | None) -> tuple[Entry, ...]:
    """The entries among the holders of a role that held it on the day `on` (all, without a
    day), each once; a term without dates counts only where no dated one covers the day."""
    dated: dict[str, Entry] = {}
    undated: dict[str, Entry] = {}
    for role, entry in holders:
        if on is None:
            dated.setdefault(entry.id, entry)
        elif role.start is None and role.end is None:
            undated.setdefault(entry.id, entry)
        elif role.held_on(on):
            dated.setdefault(entry.id, entry)
    return tuple((dated or undated).values())


@functools.lru_cache(maxsize=4096)
def _role_words(role: Role) -> frozenset[str]:
    """The words of a role's title, aliases and organisation, normalised: what may qualify it."""
    forms = (role.title, *role.aliases, role.organisation or "")
    return frozenset(word for form in forms for word in normalise_name(form).split())


_ENTRY_FIELDS = ("id", "name", "wikidata", "kind", "gender", "aliases", "roles")
_WIKIDATA = regex.compile(r"Q[1-9][0-9]*")
_ROLE_FIELDS = ("title", "organisation", "start", "end", "aliases")
_KINDS = (SpeakerKind.PERSON.value, SpeakerKind.ORGANISATION.value)


def _fail(file: str, entry: str, field: str, reason: str) -> RegistryError:
    return RegistryError(Errors.E010.format(file=file, entry=entry, field=field, reason=reason))


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    """A hint naming the known word closest to `word`, as in " (did you mean 'start'?)", or ""."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _known_fields(
    file: str, label: str, item: Mapping[str, Any], known: tuple[str, ...], prefix: str
) -> None:
    """Reject a field of `item` that is not `known`: a typo must not pass for an absent field."""
    for field in item:
        if field not in known:
            hint = _did_you_mean(field, known) or f" (known fields: {', '.join(known)})"
            raise _fail(file, label, prefix + field, f"unknown field{hint}")


def _name(file: str, label: str, field: str, value: Any) -> str:
    """A required name, id or title: a string with something in it besides spaces."""
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, label, field, "required, a non-empty string")
    return value


def _strings(file: str, entry: str, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(file, entry, field, "expected a list of non-empty strings")
    return tuple(value)


def _entry(file: str, number: int, item: Any) -> Entry:
    if not isinstance(item, Mapping):
        raise _fail(file, f"#{number}", "entry", "expected a table")
    label = str(item.get("id") or item.get("name") or f"#{number}")
    _known_fields(file, label, item, _ENTRY_FIELDS, "")
    for field in ("id", "name", "kind"):
        _name(file, label, field, item.get(field))
    if item["kind"] not in _KINDS:
        raise _fail(file, label, "kind", f"expected person or organisation, got {item['kind']!r}")
    gender = item.get("gender")
    if gender not in (None, "male", "female"):
        raise _fail(file, label, "gender", f"expected male or female, got {gender!r}")
    roles = item.get("roles", [])
    if not isinstance(roles, list):
        raise _fail(file, label, "roles", "expected a list of tables")
    wikidata = item.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA.fullmatch(wikidata)):
        raise _fail(file, label, "wikidata", f"expected a Wikidata item id such as 'Q7747', got {wikidata!r}")
    return Entry(
        id=item["id"],
        name=item["name"],
        kind=SpeakerKind(item["kind"]),
        gender=gender,
        aliases=_strings(file, label, "aliases", item.get("aliases", [])),
        roles=[_role(file, label, role) for role in roles],
        wikidata=wikidata,
    )


def _role(file: str, label: str, item: Any) -> Role:
    if not isinstance(item, Mapping):
        raise _fail(file, label, "roles", "expected a list of tables")
    _known_fields(file, label, item, _ROLE_FIELDS, "roles.")
    title = _name(file, label, "roles.title", item.get("title"))
    organisation = item.get("organisation")
    if organisation is not None:
        organisation = _name(file, label, "roles.organisation", organisation)
    start = _date(file, label, "roles.start", item.get("start"))
    end = _date(file, label, "roles.end", item.get("end"))
    if start is not None and end is not None and end < start:
        raise _fail(file, label, "roles.end", f"{end} is before the start, {start}")
    return Role(
        title=title,
        organisation=organisation,
        start=start,
        end=end,
        aliases=_strings(file, label, "roles.aliases", item.get("aliases", [])),
    )


def _date(file: str, label: str, field: str, value: Any) -> datetime.date | None:
    """A day, or None; a date and time is not a day and cannot be compared with one."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise _fail(file, label, field, f"expected a date such as 2012-05-22, got {value!r}")
    return value


@functools.cache
def default_registry() -> Registry:
    """The registry shipped with the library, loaded once."""
    source = read_data_file(resources.files("quotes.data").joinpath("officials.toml"))
    return Registry.from_toml(source, "quotes/data/officials.toml")


def as_registry(value: Registry | str | os.PathLike[str] | None) -> Registry:
    """The registry a ``registry`` option stands for, loaded and checked now.

    Args:
        value: None for the default registry; a `Registry`, used as it is; or
            the path of a TOML file, merged into the default registry (the
            file's entries win where ids clash).

    Raises:
        RegistryError: The file cannot be read or is malformed.
        TypeError: `value` is none of these.
    """
    if value is None:
        return default_registry()
    if isinstance(value, Registry):
        return value
    if isinstance(value, (str, os.PathLike)):
        return default_registry().merge(Registry.load(value))
    raise TypeError(Errors.E009.format(type=type(value).__name__))
