"""Tests of quotes.registry: the officials registry users can extend."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from quotes.errors import RegistryError
from quotes.model import SpeakerKind
from quotes.registry import Registry, default_registry


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
        ],
    )
    def test_names_and_spellings_find_the_entry(self, name: str, canonical: str) -> None:
        """Aliases, spelling variants, case and diacritics all lead to one entry."""
        entry = default_registry().by_name(name)
        assert entry is not None
        assert entry.name == canonical

    def test_role_finds_its_holder(self) -> None:
        """The Kremlin spokesman is Dmitry Peskov."""
        entry = default_registry().by_title("the Kremlin spokesman")
        assert entry is not None
        assert entry.speaker().name == "Dmitry Peskov"

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
