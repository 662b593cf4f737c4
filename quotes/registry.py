"""The registry of officials and institutions that speakers are linked to.

A registry is data (``quotes/data/officials.toml`` by default): each entry
names one speaker with its aliases and the roles it holds. Users load their
own file, or merge one with the default; a malformed file is a `RegistryError`
that names the file, the entry and the field.
"""

from __future__ import annotations

import datetime
import functools
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from quotes.errors import Errors, RegistryError
from quotes.model import Speaker, SpeakerKind

__all__ = ["Entry", "Registry", "Role", "default_registry", "normalise_name"]


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
    """

    id: str
    name: str
    kind: SpeakerKind = attrs.field(converter=SpeakerKind)
    gender: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)

    def speaker(self) -> Speaker:
        """The `Speaker` this entry stands for."""
        title = self.roles[0].title if self.roles else None
        return Speaker(self.name, self.id, self.kind, title)


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
        """The entry holding the role `title` ("the Kremlin spokesman"), on a day if given."""
        holders = self._by_title.get(normalise_name(title), ())
        if on is not None:
            holders = tuple(h for h in holders if h[0].held_on(on))
        return holders[0][1] if holders else None

    def names(self) -> Iterable[str]:
        """Every name and alias, as written in the registry."""
        for entry in self.entries:
            yield entry.name
            yield from entry.aliases

    def merge(self, other: Registry) -> Registry:
        """A registry with the entries of both; `other` wins where ids clash."""
        ids = {entry.id for entry in other.entries}
        return Registry([e for e in self.entries if e.id not in ids] + list(other.entries))

    @classmethod
    def load(cls, path: str | Path) -> Registry:
        """Read a registry file.

        Raises:
            RegistryError: The file is not TOML or an entry is malformed.
        """
        with open(path, "rb") as handle:
            return cls.from_toml(handle.read().decode("utf-8"), str(path))

    @classmethod
    def from_toml(cls, source: str, file: str = "<string>") -> Registry:
        """Parse registry TOML text; `file` names it in errors."""
        try:
            data = tomllib.loads(source)
        except tomllib.TOMLDecodeError as err:
            raise RegistryError(Errors.E011.format(file=file, reason=err)) from None
        raw = data.get("entry", [])
        if not isinstance(raw, list):
            raise RegistryError(
                Errors.E010.format(file=file, entry="entry", field="entry", reason="not a list")
            )
        return cls([_entry(file, number, item) for number, item in enumerate(raw)])


def _fail(file: str, entry: str, field: str, reason: str) -> RegistryError:
    return RegistryError(Errors.E010.format(file=file, entry=entry, field=field, reason=reason))


def _strings(file: str, entry: str, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(file, entry, field, "expected a list of strings")
    return tuple(value)


def _entry(file: str, number: int, item: Any) -> Entry:
    if not isinstance(item, Mapping):
        raise _fail(file, f"#{number}", "entry", "expected a table")
    label = str(item.get("id") or item.get("name") or f"#{number}")
    for field in ("id", "name", "kind"):
        if not isinstance(item.get(field), str) or not item[field]:
            raise _fail(file, label, field, "required, a non-empty string")
    try:
        kind = SpeakerKind(item["kind"])
    except ValueError:
        raise _fail(file, label, "kind", f"expected person or organisation, got {item['kind']!r}") from None
    gender = item.get("gender")
    if gender not in (None, "male", "female"):
        raise _fail(file, label, "gender", f"expected male or female, got {gender!r}")
    roles = item.get("roles", [])
    if not isinstance(roles, list):
        raise _fail(file, label, "roles", "expected a list of tables")
    return Entry(
        id=item["id"],
        name=item["name"],
        kind=kind,
        gender=gender,
        aliases=_strings(file, label, "aliases", item.get("aliases", [])),
        roles=[_role(file, label, role) for role in roles],
    )


def _role(file: str, label: str, item: Any) -> Role:
    if not isinstance(item, Mapping) or not isinstance(item.get("title"), str):
        raise _fail(file, label, "roles", "each role needs a title")
    for field in ("start", "end"):
        if item.get(field) is not None and not isinstance(item[field], datetime.date):
            raise _fail(file, label, f"roles.{field}", "expected a date such as 2012-05-22")
    organisation = item.get("organisation")
    if organisation is not None and not isinstance(organisation, str):
        raise _fail(file, label, "roles.organisation", "expected a string")
    return Role(
        title=item["title"],
        organisation=organisation,
        start=item.get("start"),
        end=item.get("end"),
        aliases=_strings(file, label, "roles.aliases", item.get("aliases", [])),
    )


@functools.cache
def default_registry() -> Registry:
    """The registry shipped with the library, loaded once."""
    source = resources.files("quotes.data").joinpath("officials.toml").read_text(encoding="utf-8")
    return Registry.from_toml(source, "quotes/data/officials.toml")
