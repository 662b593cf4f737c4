"""Tests of quotes.registry: the officials registry users can extend."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest

from quotes.errors import RegistryError
from quotes.model import SpeakerKind
from quotes.registry import Registry, default_registry, normalise_name


class TestDefaultRegistry:
    """The shipped registry covers the seed articles' speakers."""

    @pytest.mark.parametrize(
        ("name", "canonical"),
        [
            ("Peskov", "Dmitry Peskov"),
            ("Yuri Ushakov", "Yuri Ushakov"),
            ("Sergei Lavrov", "Sergey Lavrov"),
            ("Altun", "Fahrettin Altun"),
            ("Erdoğan", "Recep Tayyip Erdogan"),
            ("ERDOGAN", "Recep Tayyip Erdogan"),
            ("The Kremlin", "the Kremlin"),
            # the mission's officials keep their transliterations and spellings
            ("Dmitri Peskov", "Dmitry Peskov"),
            ("Yury Ushakov", "Yuri Ushakov"),
            ("Sergey Lavrov", "Sergey Lavrov"),
            ("Fahrettin Altun", "Fahrettin Altun"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
            ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
            ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ],
    )
    def test_names_and_spellings_find_the_entry(self, name: str, canonical: str) -> None:
        """Aliases, spelling variants, transliterations, case and diacritics all lead to one entry."""
        entry = default_registry().by_name(name)
        assert entry is not None
        assert entry.name == canonical

    def test_role_finds_its_holder(self) -> None:
        """The Kremlin spokesman of 2019 is Dmitry Peskov; without a day the registry cannot say,
        for the office had other holders before him."""
        entry = default_registry().by_title("the Kremlin spokesman", datetime.date(2019, 10, 29))
        assert entry is not None
        assert entry.speaker().name == "Dmitry Peskov"
        assert default_registry().by_title("the Kremlin spokesman") is None

    def test_role_respects_dates(self) -> None:
        """Nobody held the Turkish communications directorship before it existed."""
        registry = default_registry()
        assert (
            registry.by_title("presidential communications director", datetime.date(2020, 2, 28)) is not None
        )
        assert registry.by_title("presidential communications director", datetime.date(2010, 1, 1)) is None

    def test_organisations_are_organisations(self) -> None:
        """Institutions carry their kind."""
        entry = default_registry().by_name("Kremlin press service")
        assert entry is not None
        assert entry.kind is SpeakerKind.ORGANISATION


_SPOKESMAN = Registry.from_toml(
    '[[entry]]\nid = "dmitry-peskov"\nname = "Dmitry Peskov"\nkind = "person"\n'
    'roles = [{ title = "Kremlin spokesman", organisation = "the Kremlin", start = 2012-05-22,'
    ' aliases = ["presidential spokesman", "Russian presidential press secretary"] }]\n'
)


class TestQualifiedTitles:
    """A title with a nationality or organisation before it finds a holder whose role holds that word."""

    @pytest.mark.parametrize(
        "description",
        ["Russian presidential spokesman", "Kremlin presidential spokesman"],
        ids=["nation", "body"],
    )
    def test_qualifier_the_role_holds_finds_the_holder(self, description: str) -> None:
        """ "Russian" is in the role's own words ("Russian presidential press secretary")."""
        entry = _SPOKESMAN.by_qualified_title(description)
        assert entry is not None
        assert entry.id == "dmitry-peskov"

    @pytest.mark.parametrize(
        "description",
        [
            "Turkish presidential spokesman",
            "French presidential spokesman",
            "Russian presidential adviser",
            "presidential spokesman",
            "Russian",
        ],
        ids=["other-nation", "unlisted-nation", "other-title", "no-qualifier", "qualifier-alone"],
    )
    def test_qualifier_the_role_lacks_finds_no_one(self, description: str) -> None:
        """A nationality the role does not hold names someone else; a bare title is `by_title`'s."""
        assert _SPOKESMAN.by_qualified_title(description) is None

    def test_dates_are_respected(self) -> None:
        """Before the role began, no one held it."""
        day = datetime.date(2010, 1, 1)
        assert _SPOKESMAN.by_qualified_title("Russian presidential spokesman", on=day) is None


_MINISTERS = Registry.from_toml(
    """
[[entry]]
id = "ann-lee"
name = "Ann Lee"
wikidata = "Q1"
kind = "person"
roles = [
  { title = "Ruritanian foreign minister", start = 2015-01-10, end = 2020-06-30 },
  { title = "Ruritanian prime minister", start = 2021-02-01 },
]

[[entry]]
id = "bo-kim"
name = "Bo Kim"
kind = "person"
roles = [{ title = "Ruritanian foreign minister", start = 2020-07-01 }]

[[entry]]
id = "cy-park"
name = "Cy Park"
kind = "person"
roles = [{ title = "Ruritanian central bank governor", start = 2009-03-01 }]

[[entry]]
id = "di-roe"
name = "Di Roe"
kind = "person"
roles = [{ title = "ministry spokesperson", start = 2018-01-01 }]

[[entry]]
id = "ed-moe"
name = "Ed Moe"
kind = "person"
roles = [{ title = "ministry spokesperson", start = 2019-01-01 }]
"""
)


class TestDatedRoles:
    """A role names whoever held it on the day; without a day, only a role one person ever held."""

    @pytest.mark.parametrize(
        ("day", "holder"),
        [
            (datetime.date(2019, 10, 29), "ann-lee"),
            (datetime.date(2020, 6, 30), "ann-lee"),  # the last day in office
            (datetime.date(2020, 7, 1), "bo-kim"),  # the successor's first
            (datetime.date(2024, 1, 1), "bo-kim"),
            (datetime.date(2014, 1, 1), None),  # before any holder the registry knows
        ],
    )
    def test_the_holder_on_the_day(self, day: datetime.date, holder: str | None) -> None:
        entry = _MINISTERS.by_title("the Ruritanian foreign minister", day)
        assert (entry.id if entry else None) == holder

    def test_without_a_day_an_office_that_changed_hands_names_no_one(self) -> None:
        """Never a guess at the current holder."""
        assert _MINISTERS.by_title("Ruritanian foreign minister") is None

    def test_without_a_day_a_single_holder_ever_is_named(self) -> None:
        entry = _MINISTERS.by_title("Ruritanian central bank governor")
        assert entry is not None
        assert entry.id == "cy-park"

    def test_an_office_held_by_several_at_once_names_no_one(self) -> None:
        """Two spokespeople at once: the title alone cannot tell which."""
        assert _MINISTERS.by_title("ministry spokesperson", datetime.date(2020, 1, 1)) is None
        entry = _MINISTERS.by_title("ministry spokesperson", datetime.date(2018, 6, 1))
        assert entry is not None
        assert entry.id == "di-roe"

    def test_a_qualified_title_follows_the_date_too(self) -> None:
        registry = Registry.from_toml(
            '[[entry]]\nid = "a"\nname = "A"\nkind = "person"\n'
            'roles = [{ title = "foreign minister", organisation = "Ruritania", end = 2020-06-30,'
            ' aliases = ["Ruritanian foreign minister"] }]\n'
            '[[entry]]\nid = "b"\nname = "B"\nkind = "person"\n'
            'roles = [{ title = "foreign minister", organisation = "Ruritania", start = 2020-07-01,'
            ' aliases = ["Ruritanian foreign minister"] }]\n'
        )
        assert registry.by_qualified_title("Ruritanian foreign minister") is None
        for day, holder in ((datetime.date(2019, 1, 1), "a"), (datetime.date(2021, 1, 1), "b")):
            entry = registry.by_qualified_title("Ruritanian foreign minister", day)
            assert entry is not None
            assert entry.id == holder

    def test_the_speaker_is_titled_by_the_role_held_that_day(self) -> None:
        """Ann Lee speaks as foreign minister in 2019 and as prime minister in 2022."""
        entry = _MINISTERS.by_name("Ann Lee")
        assert entry is not None
        assert entry.speaker(datetime.date(2019, 1, 1)).title == "Ruritanian foreign minister"
        assert entry.speaker(datetime.date(2022, 1, 1)).title == "Ruritanian prime minister"
        assert entry.speaker().wikidata == "Q1"


class TestUserRegistry:
    """Users load their own registry and merge it with the default."""

    def test_merge_adds_and_overrides(self, tmp_path: Path) -> None:
        """A user's entries join the default; a user's id replaces the default's."""
        path = tmp_path / "mine.toml"
        path.write_text(
            '[[entry]]\nid = "jane-roe"\nname = "Jane Roe"\nkind = "person"\n'
            'gender = "female"\naliases = ["Roe"]\n'
            '[[entry]]\nid = "dmitry-peskov"\nname = "Dmitry S. Peskov"\nkind = "person"\n',
            encoding="utf-8",
        )
        merged = default_registry().merge(Registry.load(path))
        assert merged.by_name("Roe") is not None
        assert merged.by_name("Dmitry S. Peskov") is not None
        assert len(merged) == len(default_registry()) + 1

    @pytest.mark.parametrize(
        ("source", "field"),
        [
            ('[[entry]]\nid = "x"\nkind = "person"\n', "name"),
            ('[[entry]]\nid = "x"\nname = "X"\nkind = "robot"\n', "kind"),
            ('[[entry]]\nid = "x"\nname = "X"\nkind = "person"\naliases = "X"\n', "aliases"),
            (
                '[[entry]]\nid = "x"\nname = "X"\nkind = "person"\n'
                'roles = [{ title = "t", start = "soon" }]\n',
                "start",
            ),
        ],
    )
    def test_malformed_entry_names_file_entry_and_field(
        self, tmp_path: Path, source: str, field: str
    ) -> None:
        """The error says which file, which entry and which field is wrong."""
        path = tmp_path / "bad.toml"
        path.write_text(source, encoding="utf-8")
        with pytest.raises(RegistryError, match=rf"bad\.toml: entry 'x': field '[a-z.]*{field}'"):
            Registry.load(path)

    def test_invalid_toml_names_the_file(self, tmp_path: Path) -> None:
        """A file that is not TOML at all is named."""
        path = tmp_path / "broken.toml"
        path.write_text("[[entry\n", encoding="utf-8")
        with pytest.raises(RegistryError, match=r"broken\.toml"):
            Registry.load(path)


_PERSON = '[[entry]]\nid = "x"\nname = "X"\nkind = "person"\n'


class TestRegistryFile:
    """Whatever is wrong with a registry file, the error is a `RegistryError` naming it."""

    def test_a_missing_file_is_named(self, tmp_path: Path) -> None:
        """A path to nothing is a registry error, not a bare FileNotFoundError."""
        with pytest.raises(RegistryError, match=r"absent\.toml: cannot read the file"):
            Registry.load(tmp_path / "absent.toml")

    def test_a_directory_is_named(self, tmp_path: Path) -> None:
        """A folder passed for a file is a registry error, not IsADirectoryError."""
        folder = tmp_path / "officials.toml"
        folder.mkdir()
        with pytest.raises(RegistryError, match=r"officials\.toml: cannot read the file"):
            Registry.load(folder)

    def test_a_file_not_in_utf8_is_named_with_the_bad_byte(self, tmp_path: Path) -> None:
        """A Latin-1 file is a registry error saying which byte, where, not a bare UnicodeDecodeError."""
        path = tmp_path / "latin1.toml"
        path.write_bytes(_PERSON.replace('"X"', '"José"').encode("latin-1"))
        offset = _PERSON.index('"X"') + len('"Jos')
        with pytest.raises(
            RegistryError, match=rf"latin1\.toml: .*not UTF-8 text \(byte 0xe9 at offset {offset}\)"
        ):
            Registry.load(path)

    def test_deeply_nested_toml_is_named(self, tmp_path: Path) -> None:
        """Nesting too deep for the TOML reader is a registry error, not RecursionError."""
        path = tmp_path / "deep.toml"
        path.write_text("x = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
        with pytest.raises(RegistryError, match=r"deep\.toml: not a valid TOML file: .*nested too deeply"):
            Registry.load(path)

    def test_a_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        """A UTF-8 file that starts with a byte order mark, as Windows editors write it, reads as without."""
        path = tmp_path / "windows.toml"
        path.write_text(_PERSON, encoding="utf-8-sig")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert Registry.load(path) == Registry.from_toml(_PERSON) == Registry.from_toml("\ufeff" + _PERSON)

    def test_a_repeated_id_is_an_error(self) -> None:
        """Two entries of one file may not share an id: which one would win is a guess."""
        with pytest.raises(
            RegistryError, match=r"twice\.toml: entry 'x': field 'id': another entry has this id"
        ):
            Registry.from_toml(_PERSON + _PERSON.replace('"X"', '"Y"'), "twice.toml")

    @pytest.mark.parametrize(
        ("source", "field", "suggestion"),
        [
            (_PERSON + 'roles = [{ title = "mayor", strat = 2020-01-01 }]\n', "roles.strat", "start"),
            (_PERSON + 'alias = ["Ex"]\n', "alias", "aliases"),
            (_PERSON + 'gendre = "male"\n', "gendre", "gender"),
        ],
        ids=["strat", "alias", "gendre"],
    )
    def test_an_unknown_field_is_named_with_the_closest_known_one(
        self, source: str, field: str, suggestion: str
    ) -> None:
        """A misspelt field is an error suggesting the field meant, not a field silently left out."""
        expected = rf"mine\.toml: entry 'x': field '{field}': unknown field \(did you mean '{suggestion}'\?\)"
        with pytest.raises(RegistryError, match=expected):
            Registry.from_toml(source, "mine.toml")

    def test_an_unknown_top_level_key_is_named(self) -> None:
        """``[[entries]]`` is not ``[[entry]]``: an error, not an empty registry."""
        with pytest.raises(
            RegistryError, match=r"mine\.toml: unknown top-level key 'entries' \(did you mean 'entry'\?\)"
        ):
            Registry.from_toml(_PERSON.replace("[[entry]]", "[[entries]]"), "mine.toml")

    def test_kind_unknown_is_not_a_registry_kind(self) -> None:
        """A registered speaker is a person or an organisation; "unknown" is for the unregistered."""
        with pytest.raises(
            RegistryError, match=r"field 'kind': expected person or organisation, got 'unknown'"
        ):
            Registry.from_toml(_PERSON.replace('"person"', '"unknown"'))

    @pytest.mark.parametrize(
        ("source", "field"),
        [
            (_PERSON.replace('name = "X"', 'name = "  "'), "name"),
            (_PERSON.replace('id = "x"', 'id = " "'), "id"),
            (_PERSON + 'aliases = ["Ex", ""]\n', "aliases"),
            (_PERSON + 'roles = [{ title = "" }]\n', "roles.title"),
            (_PERSON + 'roles = [{ title = "mayor", aliases = [" "] }]\n', "roles.aliases"),
            (_PERSON + 'roles = [{ title = "mayor", organisation = "" }]\n', "roles.organisation"),
        ],
        ids=["name", "id", "alias", "title", "title-alias", "organisation"],
    )
    def test_an_empty_name_is_an_error(self, source: str, field: str) -> None:
        """An empty or blank name, alias or title would match nothing, or everything blank."""
        with pytest.raises(RegistryError, match=rf"field '{field}': .*non-empty string"):
            Registry.from_toml(source)

    @pytest.mark.parametrize("value", ['"7747"', '"Q"', '"Q07747"', '"q7747"', "7747", '"Q7747 "'])
    def test_a_wikidata_id_is_well_formed(self, value: str) -> None:
        """A Wikidata item is "Q" and a number: anything else is named, never kept."""
        source = f'[[entry]]\nid = "a"\nname = "A"\nkind = "person"\nwikidata = {value}\n'
        with pytest.raises(RegistryError, match=r"field 'wikidata': expected a Wikidata item id"):
            Registry.from_toml(source)

    def test_a_role_cannot_end_before_it_starts(self) -> None:
        """``end`` before ``start`` is an error naming both dates."""
        source = _PERSON + 'roles = [{ title = "mayor", start = 2020-01-01, end = 2019-12-31 }]\n'
        with pytest.raises(
            RegistryError, match=r"field 'roles.end': 2019-12-31 is before the start, 2020-01-01"
        ):
            Registry.from_toml(source)

    @pytest.mark.parametrize("value", ["2020-01-01T09:00:00", "2020-01-01 09:00:00Z"])
    def test_role_dates_are_days_not_times(self, value: str) -> None:
        """A date and time cannot be compared with the day `by_title` asks about, so it is an error."""
        source = _PERSON + f'roles = [{{ title = "mayor", start = {value} }}]\n'
        with pytest.raises(RegistryError, match=r"field 'roles.start': expected a date such as 2012-05-22"):
            Registry.from_toml(source)


# Offices several people hold at once: their holders may overlap.
_SHARED_OFFICES = frozenset(
    {
        "kremlin aide",
        "russian deputy foreign minister",
        "turkish deputy foreign minister",
        "chinese foreign ministry spokesperson",
        "un secretary-general's spokesperson",
        "nato spokesperson",
    }
)


class TestDefaultRegistryFile:
    """The shipped registry is consistent: what a test can check of its facts, it checks."""

    def test_ids_and_wikidata_items_are_unique(self) -> None:
        entries = default_registry().entries
        assert len({entry.id for entry in entries}) == len(entries)
        items = [entry.wikidata for entry in entries if entry.wikidata is not None]
        assert len(set(items)) == len(items)

    def test_no_single_holder_office_has_two_holders_on_one_day(self) -> None:
        """Dated terms of one office follow each other; only shared offices overlap."""
        terms: dict[str, list[tuple[datetime.date, datetime.date, str]]] = {}
        for entry in default_registry().entries:
            for role in entry.roles:
                if role.start is None and role.end is None:
                    continue
                start = role.start or datetime.date.min
                end = role.end or datetime.date.max
                terms.setdefault(role.title.lower(), []).append((start, end, entry.id))
        overlaps = []
        for title, held in terms.items():
            if title in _SHARED_OFFICES:
                continue
            held.sort()
            for (_, end, first), (start, _, second) in itertools.pairwise(held):
                if start < end:  # the successor's first day may be the predecessor's last
                    overlaps.append((title, first, second))
        assert overlaps == []

    def test_every_holder_of_an_office_shares_its_aliases(self) -> None:
        """One title, one list of aliases: else a role held by one would not be found for another."""
        aliases: dict[str, set[tuple[str, ...]]] = {}
        for entry in default_registry().entries:
            for role in entry.roles:
                aliases.setdefault(role.title, set()).add(tuple(sorted(role.aliases)))
        assert {title: forms for title, forms in aliases.items() if len(forms) > 1} == {}

    def test_no_name_stands_for_two_speakers(self) -> None:
        owners: dict[str, set[str]] = {}
        for entry in default_registry().entries:
            for name in (entry.name, *entry.aliases):
                owners.setdefault(normalise_name(name), set()).add(entry.id)
        assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}

    def test_coverage(self) -> None:
        """Hundreds of speakers, most with a Wikidata item, of the offices news quotes most."""
        entries = default_registry().entries
        offices = {role.title for entry in entries for role in entry.roles}
        assert len(entries) >= 400
        assert sum(entry.wikidata is not None for entry in entries) >= 300
        assert len(offices) >= 70
