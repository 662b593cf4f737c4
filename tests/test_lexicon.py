"""Tests of quotes.lexicon: the word lists, and the reading of every data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.errors import RegistryError
from quotes.lexicon import abbreviations, clause_words, cue_lexicon, parse_toml, read_data_file


class TestDataFiles:
    """Lexicon and registry files are read by one function, with one set of errors."""

    def test_the_shipped_files_load(self) -> None:
        """The package's own word lists read cleanly."""
        assert cue_lexicon().lemma("said") == "say"
        assert "Mr" in abbreviations()

    def test_a_word_with_an_apostrophe_is_also_typographic(self) -> None:
        """ "can't" in a word list matches "can\u2019t" too: news sets either apostrophe."""
        auxiliaries = clause_words().auxiliaries
        assert "can't" in auxiliaries
        assert "can\u2019t" in auxiliaries

    def test_a_byte_order_mark_is_dropped(self, tmp_path: Path) -> None:
        """A UTF-8 file saved with a byte order mark reads as the same text without one."""
        path = tmp_path / "words.toml"
        path.write_text('said = ["said"]\n', encoding="utf-8-sig")
        assert read_data_file(path) == 'said = ["said"]\n'
        assert parse_toml("\ufeffsaid = []\n", "words.toml") == {"said": []}

    def test_an_unreadable_file_is_a_registry_error_naming_it(self, tmp_path: Path) -> None:
        """Missing files and bytes that are not UTF-8 name the file, not an OS or Unicode error."""
        with pytest.raises(RegistryError, match=r"absent\.toml: cannot read the file: No such file"):
            read_data_file(tmp_path / "absent.toml")
        path = tmp_path / "cp1252.toml"
        path.write_bytes(b"x = '\x93quoted\x94'\n")
        with pytest.raises(RegistryError, match=r"cp1252\.toml: .*not UTF-8 text \(byte 0x93 at offset 5\)"):
            read_data_file(path)

    def test_toml_nested_too_deeply_is_a_registry_error(self) -> None:
        """The TOML reader's RecursionError becomes a RegistryError naming the file."""
        with pytest.raises(RegistryError, match=r"deep\.toml: not a valid TOML file: .*nested too deeply"):
            parse_toml("x = " + "{ y = " * 3000 + "1" + " }" * 3000, "deep.toml")
