"""Tests of `quotes.cli`: the ``quotes extract`` and ``quotes eval`` command lines."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from quotes import extract
from quotes.cli import main
from quotes.evaluate import load_gold, report, score

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FIELDS = {"doc", "text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "confidence"}
READY = "“We are ready,” Peskov said.\n"


def json_lines(output: str) -> list[dict]:
    """Parse JSON Lines output; every line must be one JSON object."""
    rows = [json.loads(line) for line in output.splitlines()]
    assert all(isinstance(row, dict) for row in rows)
    return rows


def fake_stdin(data: bytes) -> types.SimpleNamespace:
    """A stand-in for sys.stdin whose binary buffer holds `data`."""
    return types.SimpleNamespace(buffer=io.BytesIO(data))


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    """A UTF-8 file with one direct quotation."""
    path = tmp_path / "good.txt"
    path.write_text(READY, encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    """A file that is not UTF-8."""
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe bad")
    return path


class TestExtract:
    def test_seed_output_is_json_lines(self, capsys):
        """Each output line on the seed articles is a JSON object with the quote's fields."""
        assert SEEDS, "the seed articles are missing"
        assert main(["extract", *map(str, SEEDS)]) == 0
        out, err = capsys.readouterr()
        rows = json_lines(out)
        assert rows
        assert err == ""
        for row in rows:
            assert row.keys() >= FIELDS
            assert row["kind"] in {"direct", "mixed", "indirect"}
            assert 0.0 <= row["confidence"] <= 1.0

    def test_seed_offsets_index_the_file_text(self, capsys):
        """Each quote's text is exactly the file's text between its start and end."""
        main(["extract", *map(str, SEEDS)])
        texts = {str(path): path.read_bytes().decode("utf-8") for path in SEEDS}
        for row in json_lines(capsys.readouterr().out):
            assert row["text"] == texts[row["doc"]][row["start"] : row["end"]]

    def test_doc_is_the_file_name_as_given(self, capsys):
        """`doc` names each file as given, files in argument order, quotes in text order."""
        names = [str(path) for path in reversed(SEEDS)]
        main(["extract", *names])
        rows = json_lines(capsys.readouterr().out)
        seen = list(dict.fromkeys(row["doc"] for row in rows))
        assert seen == names
        for name in names:
            starts = [row["start"] for row in rows if row["doc"] == name]
            assert starts == sorted(starts)

    def test_non_ascii_is_written_as_is(self, capsys, good_file):
        """JSON keeps non-ASCII characters rather than escaping them."""
        main(["extract", str(good_file)])
        out = capsys.readouterr().out
        assert "\\u" not in out
        assert json_lines(out)[0]["text"] == "We are ready,"

    def test_dash_reads_standard_input(self, capsys, monkeypatch):
        """'-' reads UTF-8 bytes from standard input and names the document '-'."""
        monkeypatch.setattr(sys, "stdin", fake_stdin(READY.encode("utf-8")))
        assert main(["extract", "-"]) == 0
        rows = json_lines(capsys.readouterr().out)
        found = [(row["doc"], row["text"], row["start"], row["end"]) for row in rows]
        assert found == [("-", "We are ready,", 1, 14)]

    def test_standard_input_and_files_mix(self, capsys, monkeypatch, good_file):
        """'-' may appear among file names."""
        monkeypatch.setattr(sys, "stdin", fake_stdin(READY.encode("utf-8")))
        assert main(["extract", str(good_file), "-"]) == 0
        assert [row["doc"] for row in json_lines(capsys.readouterr().out)] == [str(good_file), "-"]

    def test_unreadable_files_are_reported_and_others_processed(self, capsys, tmp_path, good_file, bad_file):
        """A missing and a non-UTF-8 file are named on stderr; the good file is still printed; exit 1."""
        missing = tmp_path / "missing.txt"
        code = main(["extract", str(missing), str(bad_file), str(good_file)])
        out, err = capsys.readouterr()
        assert code == 1
        assert str(missing) in err
        assert str(bad_file) in err
        assert str(good_file) not in err
        assert [(row["doc"], row["text"]) for row in json_lines(out)] == [(str(good_file), "We are ready,")]

    def test_each_unreadable_file_gets_its_own_line(self, capsys, tmp_path, bad_file):
        """Each unreadable file is reported on a line of its own, in order."""
        missing = tmp_path / "missing.txt"
        assert main(["extract", str(missing), str(bad_file)]) == 1
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 2
        assert str(missing) in lines[0]
        assert str(bad_file) in lines[1]

    def test_directory_is_reported(self, capsys, tmp_path, good_file):
        """A directory given as a file is reported like any unreadable file."""
        assert main(["extract", str(tmp_path), str(good_file)]) == 1
        out, err = capsys.readouterr()
        assert str(tmp_path) in err
        assert len(json_lines(out)) == 1

    def test_encoding_errors_replace(self, capsys, bad_file):
        """With --encoding-errors replace a non-UTF-8 file is processed and the exit code is 0."""
        assert main(["extract", "--encoding-errors", "replace", str(bad_file)]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        assert json_lines(out) == []

    def test_encoding_errors_replace_keeps_quotes(self, capsys, tmp_path):
        """Replaced bytes become U+FFFD and the file's quotations are still found."""
        path = tmp_path / "latin1.txt"
        path.write_bytes(b"\xe9t\xe9 " + READY.encode("utf-8"))
        assert main(["extract", "--encoding-errors", "replace", str(path)]) == 0
        [row] = json_lines(capsys.readouterr().out)
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert text.startswith("\ufffdt\ufffd ")
        assert row["text"] == text[row["start"] : row["end"]] == "We are ready,"

    def test_encoding_errors_replace_on_standard_input(self, capsys, monkeypatch):
        """--encoding-errors applies to standard input too."""
        monkeypatch.setattr(sys, "stdin", fake_stdin(b"\xff " + READY.encode("utf-8")))
        assert main(["extract", "--encoding-errors", "replace", "-"]) == 0
        assert [row["text"] for row in json_lines(capsys.readouterr().out)] == ["We are ready,"]

    def test_standard_input_not_utf8_is_reported(self, capsys, monkeypatch):
        """Non-UTF-8 standard input is reported as '-' with exit code 1."""
        monkeypatch.setattr(sys, "stdin", fake_stdin(b"\xff\xfe bad"))
        assert main(["extract", "-"]) == 1
        assert "quotes: -:" in capsys.readouterr().err

    def test_no_files_is_a_usage_error(self, capsys):
        """`quotes extract` without files is an argparse error with exit code 2."""
        with pytest.raises(SystemExit) as exit_info:
            main(["extract"])
        assert exit_info.value.code == 2
        assert "FILE" in capsys.readouterr().err

    def test_unknown_encoding_errors_value_is_a_usage_error(self, capsys, good_file):
        """--encoding-errors accepts only strict and replace."""
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "--encoding-errors", "ignore", str(good_file)])
        assert exit_info.value.code == 2

    def test_offsets_index_original_text_with_crlf(self, capsys, monkeypatch, tmp_path):
        """Offsets index the file's original text, CR LF line endings included, as for stdin."""
        data = "“We are ready,” he said.\r\n\r\n“We will wait,” she said.\r\n".encode()
        path = tmp_path / "crlf.txt"
        path.write_bytes(data)
        main(["extract", str(path)])
        from_file = json_lines(capsys.readouterr().out)
        monkeypatch.setattr(sys, "stdin", fake_stdin(data))
        main(["extract", "-"])
        from_stdin = json_lines(capsys.readouterr().out)
        original = data.decode("utf-8")
        assert [row["text"] for row in from_file] == ["We are ready,", "We will wait,"]
        for row in from_file:
            assert original[row["start"] : row["end"]] == row["text"]
        assert [(r["start"], r["end"]) for r in from_file] == [(r["start"], r["end"]) for r in from_stdin]

    def test_python_dash_m_quotes(self):
        """`python -m quotes extract` prints the same JSON Lines as the command."""
        seed = SEEDS[0]
        result = subprocess.run(
            [sys.executable, "-m", "quotes", "extract", str(seed)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert result.returncode == 0, result.stderr
        rows = json_lines(result.stdout)
        assert rows
        text = seed.read_bytes().decode("utf-8")
        for row in rows:
            assert row["doc"] == str(seed)
            assert row["text"] == text[row["start"] : row["end"]]


class TestEval:
    """``quotes eval GOLD DOCDIR`` prints the GOLD.md metrics, a line per kind of quotation."""

    def test_prints_the_library_scores_on_the_seeds(self, capsys: pytest.CaptureFixture[str]) -> None:
        seeds = SEEDS[0].parent
        assert main(["eval", str(seeds / "gold.jsonl"), str(seeds)]) == 0
        texts = {path.name: path.read_text(encoding="utf-8") for path in SEEDS}
        expected = report(
            score(load_gold(seeds / "gold.jsonl"), {n: extract(t) for n, t in texts.items()}, texts)
        )
        assert capsys.readouterr().out == expected + "\n"

    def test_reports_each_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        seeds = SEEDS[0].parent
        main(["eval", str(seeds / "gold.jsonl"), str(seeds)])
        kinds = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
        assert kinds == ["direct", "indirect"]

    def test_missing_document_is_named_and_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A document the gold names but the folder lacks is reported; the others are still scored."""
        gold = tmp_path / "gold.jsonl"
        rows = [
            {"doc": "here.txt", "quote": "We are ready,", "start": 1, "end": 14, "kind": "direct",
             "speaker": "Dmitry Peskov", "speaker_aliases": ["Peskov"]},
            {"doc": "gone.txt", "quote": "No.", "start": 1, "end": 4, "kind": "direct",
             "speaker": None, "speaker_aliases": []},
        ]  # fmt: skip
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        (tmp_path / "here.txt").write_text(READY, encoding="utf-8")
        assert main(["eval", str(gold), str(tmp_path)]) == 1
        captured = capsys.readouterr()
        assert "gone.txt" in captured.err
        assert captured.out.startswith("direct    gold=   1 pred=   1 span P/R/F=1.000/1.000/1.000")
