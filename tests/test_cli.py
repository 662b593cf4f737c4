"""Tests of `quotes.cli`: the ``quotes extract`` and ``quotes eval`` command lines."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import types
from pathlib import Path
from typing import IO

import pytest
from terminal import Terminal, screen

from quotes import Extractor, extract
from quotes.cli import main
from quotes.evaluate import load_gold, report, score
from quotes.formats import COLUMNS
from quotes.render import render

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
    """``quotes eval GOLD DOCDIR`` prints the docs/gold.md metrics, a line per kind of quotation."""

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


class Flushes(io.StringIO):
    """A text stream that keeps what it held at each flush."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())
        super().flush()


class TestExtractFormats:
    """``quotes extract --format`` writes JSON Lines, CSV or a table, a document at a time."""

    def test_csv_has_a_header_and_a_row_per_quotation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV names the flat columns, then gives the same quotations as JSON Lines, row for row."""
        assert main(["extract", "--format", "csv", *map(str, SEEDS)]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
        main(["extract", *map(str, SEEDS)])
        expected = json_lines(capsys.readouterr().out)
        assert list(rows[0]) == list(COLUMNS)
        assert len(rows) == len(expected)
        for row, want in zip(rows, expected, strict=True):
            assert row == {key: "" if value is None else str(value) for key, value in want.items()}

    def test_csv_offsets_index_the_file_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each CSV row's text is the file's text between its start and end."""
        main(["extract", "--format", "csv", *map(str, SEEDS)])
        texts = {str(path): path.read_bytes().decode("utf-8") for path in SEEDS}
        for row in csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")):
            assert row["text"] == texts[row["doc"]][int(row["start"]) : int(row["end"])]

    def test_csv_without_quotations_is_the_header(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A run that finds nothing still writes the header, so the output is a valid empty table."""
        path = tmp_path / "plain.txt"
        path.write_text("No one said anything.\n", encoding="utf-8")
        assert main(["extract", "--format", "csv", str(path)]) == 0
        assert capsys.readouterr().out.splitlines() == [",".join(COLUMNS)]

    def test_table_has_a_header_and_a_line_per_quotation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table starts with a header line, then a line per quotation with doc, kind, speaker, start."""
        main(["extract", *map(str, SEEDS)])
        expected = json_lines(capsys.readouterr().out)
        assert main(["extract", "--format", "table", *map(str, SEEDS)]) == 0
        header, *lines = capsys.readouterr().out.splitlines()
        assert header.split() == ["doc", "kind", "speaker", "start", "quote"]
        assert len(lines) == len(expected)
        for line, want in zip(lines, expected, strict=True):
            assert want["kind"] in line.split()
            assert f" {want['start']}  " in line
            assert (want["speaker"] or "—")[:10] in line

    def test_unknown_format_is_a_usage_error(self, good_file: Path) -> None:
        """--format accepts only jsonl, csv and table."""
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "--format", "xml", str(good_file)])
        assert exit_info.value.code == 2

    @pytest.mark.parametrize("form", ["jsonl", "csv", "table"])
    def test_output_is_flushed_per_document(self, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
        """After each document, everything found so far has been flushed: an interrupted run keeps it."""
        stdout = Flushes()
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main(["extract", "--format", form, *map(str, SEEDS)]) == 0
        assert len(stdout.flushed) == len(SEEDS)
        for done, flushed in enumerate(stdout.flushed, 1):
            finished = {str(path) for path in SEEDS[:done]}
            if form == "jsonl":
                assert {row["doc"] for row in json_lines(flushed)} == finished
            else:
                assert all(path.name[-12:] in flushed for path in SEEDS[:done])
                assert not any(path.name[-12:] in flushed for path in SEEDS[done:])


class TestProgressBar:
    """A progress bar on standard error, only on a terminal and never with --quiet."""

    def test_drawn_on_a_terminal_and_cleared(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal the bar counts the documents and is gone at the end; standard output is unchanged."""
        main(["extract", *map(str, SEEDS)])
        plain = capsys.readouterr().out
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        assert main(["extract", *map(str, SEEDS)]) == 0
        assert f"0/{len(SEEDS)} [00:00<?, ?doc/s]" in stderr.getvalue()
        assert screen(stderr.getvalue()) == [""]
        assert capsys.readouterr().out == plain

    def test_json_lines_are_counted_by_records(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A JSON Lines file of 45 documents is 45 on the bar, not one file."""
        texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 9
        path = tmp_path / "corpus.jsonl"
        path.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), "utf-8"
        )
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert main(["extract", "--jsonl", str(path)]) == 0
        assert "0/45 [00:00<?, ?doc/s]" in stderr.getvalue()
        assert screen(stderr.getvalue()) == [""]

    def test_not_drawn_when_not_a_terminal(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Redirected standard error gets no bar."""
        main(["extract", *map(str, SEEDS)])
        assert capsys.readouterr().err == ""

    def test_quiet_turns_it_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """--quiet leaves a terminal's standard error empty on a clean run."""
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        assert main(["extract", "--quiet", *map(str, SEEDS)]) == 0
        assert stderr.getvalue() == ""

    def test_quiet_still_reports_errors(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """--quiet silences chatter, not errors."""
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        missing = tmp_path / "missing.txt"
        assert main(["extract", "-q", str(missing), str(SEEDS[0])]) == 1
        assert stderr.getvalue() == f"quotes: {missing}: No such file or directory\n"

    def test_errors_get_a_line_of_their_own(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """An unreadable file is reported on its own line, never inside the bar."""
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        missing = tmp_path / "missing.txt"
        assert main(["extract", str(SEEDS[0]), str(missing), str(SEEDS[1])]) == 1
        assert screen(stderr.getvalue()) == [f"quotes: {missing}: No such file or directory", ""]

    def test_eval_shows_it_too(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``quotes eval`` counts its documents the same way, and prints the same scores."""
        seeds = SEEDS[0].parent
        main(["eval", str(seeds / "gold.jsonl"), str(seeds)])
        plain = capsys.readouterr().out
        stderr = Terminal()
        monkeypatch.setattr(sys, "stderr", stderr)
        assert main(["eval", str(seeds / "gold.jsonl"), str(seeds)]) == 0
        assert f"0/{len(SEEDS)} [" in stderr.getvalue()
        assert screen(stderr.getvalue()) == [""]
        assert capsys.readouterr().out == plain


class TestRender:
    """``quotes render FILE -o PAGE`` writes the file as an HTML page."""

    def test_writes_the_page(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The page is the `render` of the file's quotations, titled with the article's headline."""
        page = tmp_path / "page.html"
        assert main(["render", str(SEEDS[0]), "-o", str(page)]) == 0
        text = SEEDS[0].read_bytes().decode("utf-8")
        written = page.read_text(encoding="utf-8")
        assert written == render(text, extract(text), title="Turkey requests phone call with Putin — Kremlin")
        assert written == render(text, extract(text))

    def test_without_a_headline_the_file_names_the_page(
        self, tmp_path: Path, good_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An article that opens with its first sentence is titled with its file's name."""
        assert main(["render", str(good_file)]) == 0
        assert "<title>good.txt</title>" in capsys.readouterr().out
        assert capsys.readouterr() == ("", "")

    def test_names_the_speakers(self, tmp_path: Path) -> None:
        """Every speaker found is named on the page."""
        page = tmp_path / "page.html"
        main(["render", str(SEEDS[3]), "--output", str(page)])
        written = page.read_text(encoding="utf-8")
        text = SEEDS[3].read_text(encoding="utf-8")
        assert all(q.speaker.name in written for q in extract(text) if q.speaker)

    def test_standard_output_by_default(self, capsys: pytest.CaptureFixture[str], good_file: Path) -> None:
        """Without -o the page goes to standard output."""
        assert main(["render", str(good_file)]) == 0
        assert capsys.readouterr().out == render(READY, extract(READY), title="good.txt")

    def test_standard_input_and_title(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """'-' reads standard input; --title sets the page's title."""
        monkeypatch.setattr(sys, "stdin", fake_stdin(READY.encode("utf-8")))
        assert main(["render", "-", "--title", "Peskov <live>"]) == 0
        assert "<title>Peskov &lt;live&gt;</title>" in capsys.readouterr().out

    def test_unreadable_file_is_reported(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, bad_file: Path
    ) -> None:
        """A file that cannot be read is named on stderr, exit 1, and no page is written."""
        page = tmp_path / "page.html"
        assert main(["render", str(bad_file), "-o", str(page)]) == 1
        assert str(bad_file) in capsys.readouterr().err
        assert not page.exists()

    def test_encoding_errors_replace(self, tmp_path: Path, bad_file: Path) -> None:
        """--encoding-errors replace renders a file that is not UTF-8."""
        page = tmp_path / "page.html"
        assert main(["render", "--encoding-errors", "replace", str(bad_file), "-o", str(page)]) == 0
        assert "\ufffd" in page.read_text(encoding="utf-8")

    def test_unwritable_page_is_reported(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, good_file: Path
    ) -> None:
        """A page that cannot be written is named on stderr with exit 1."""
        page = tmp_path / "no" / "such" / "folder.html"
        assert main(["render", str(good_file), "-o", str(page)]) == 1
        assert str(page) in capsys.readouterr().err


DOCS = SEEDS[0].parent.parent / "docs"


class TestDocs:
    """docs/cli.md covers the whole command line."""

    @pytest.mark.parametrize("command", ["extract", "render", "eval"])
    def test_every_option_is_documented(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """Each subcommand, and each option its --help lists, appears in docs/cli.md."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", capsys.readouterr().out)) - {"-h", "--help"}
        page = (DOCS / "cli.md").read_text(encoding="utf-8")
        assert f"quotes {command}" in page
        assert options
        assert {option for option in options if f"`{option}" not in page} == set()

    def test_the_screenshot_is_there(self) -> None:
        """The page shows a rendered article, and the picture is a PNG."""
        assert (DOCS / "render.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert re.search(r"!\[[^\]]+\]\(render\.png\)", (DOCS / "cli.md").read_text(encoding="utf-8"))


class TestInterruptedRun:
    """An interrupted run keeps what it wrote: each document's output is flushed as it is done."""

    def test_finished_documents_reach_the_pipe_before_the_run_ends(self, tmp_path: Path) -> None:
        """While the program waits on its next input, the first document's quotations are already out.

        The first document is short, so its output cannot fill and so flush the pipe's buffer.
        """
        article = tmp_path / "short.txt"
        article.write_text('"We are ready," Peskov said.\n', encoding="utf-8")
        command = [sys.executable, "-m", "quotes", "extract", "--quiet", str(article), "-"]
        buffered = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
        with subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=buffered
        ) as process:
            assert process.stdout is not None
            ready, _, _ = select.select([process.stdout], [], [], 120)  # the program blocks on stdin
            assert ready, "nothing was written while the run was still going"
            first = json.loads(process.stdout.readline())
            assert process.poll() is None  # still running: the line came from a flush, not the exit
            process.kill()
        assert first["doc"] == str(article)


class TestManyDocuments:
    """``--workers`` and ``--jsonl``: a corpus over every core, in input order."""

    def test_workers_give_the_same_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Two processes print exactly what one prints, in the same order."""
        files = [str(path) for path in SEEDS] * 3
        assert main(["extract", *files]) == 0
        one = capsys.readouterr().out
        assert main(["extract", "--workers", "2", *files]) == 0
        assert capsys.readouterr().out == one

    def test_jsonl_documents_with_ids(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Each line is a document; its id becomes `doc`, and the offsets index its text."""
        corpus = tmp_path / "corpus.jsonl"
        records = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in SEEDS]
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        assert main(["extract", "--jsonl", "--workers", "2", str(corpus)]) == 0
        rows = json_lines(capsys.readouterr().out)
        texts = {r["id"]: r["text"] for r in records}
        expected = [(r["id"], q.start) for r in records for q in extract(r["text"])]
        assert [(row["doc"], row["start"]) for row in rows] == expected
        assert all(texts[row["doc"]][row["start"] : row["end"]] == row["text"] for row in rows)

    def test_jsonl_field_names_and_missing_ids(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--text-field names the text; a record without the id field is FILE:LINE."""
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text(json.dumps({"body": READY}) + "\n", encoding="utf-8")
        assert main(["extract", "--jsonl", "--text-field", "body", str(corpus)]) == 0
        (row,) = json_lines(capsys.readouterr().out)
        assert row["doc"] == f"{corpus}:1"

    def test_bad_lines_are_named_and_the_rest_processed(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A line that is not JSON, not an object or has no string text is named FILE:LINE; exit 1."""
        corpus = tmp_path / "corpus.jsonl"
        lines = [
            json.dumps({"id": "a", "text": READY}),
            "{not json",
            json.dumps(["a list"]),
            json.dumps({"id": "b", "text": 7}),
            "",
            json.dumps({"id": "c", "text": READY}),
        ]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert main(["extract", "--jsonl", str(corpus)]) == 1
        captured = capsys.readouterr()
        assert [row["doc"] for row in json_lines(captured.out)] == ["a", "c"]
        assert [line.split(": ")[1] for line in captured.err.splitlines()] == [
            f"{corpus}:2",
            f"{corpus}:3",
            f"{corpus}:4",
        ]

    def test_jsonl_from_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With --jsonl, '-' reads JSON Lines from standard input."""
        monkeypatch.setattr(sys, "stdin", fake_stdin((json.dumps({"id": 7, "text": READY}) + "\n").encode()))
        assert main(["extract", "--jsonl", "-"]) == 0
        assert [row["doc"] for row in json_lines(capsys.readouterr().out)] == ["7"]

    def test_missing_jsonl_file_is_named(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A JSON Lines file that cannot be read is named, the others processed."""
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text(json.dumps({"id": "a", "text": READY}) + "\n", encoding="utf-8")
        assert main(["extract", "--jsonl", str(tmp_path / "missing.jsonl"), str(corpus)]) == 1
        captured = capsys.readouterr()
        assert "missing.jsonl" in captured.err
        assert [row["doc"] for row in json_lines(captured.out)] == ["a"]

    @pytest.mark.parametrize("value", ["0", "-2", "two"])
    def test_bad_worker_counts_are_usage_errors(self, value: str, good_file: Path) -> None:
        """--workers takes a positive integer or -1."""
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "--workers", value, str(good_file)])
        assert exit_info.value.code == 2


def run_quotes(*args: str, stdout: int | IO[bytes] = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m quotes`` in a real process, its output as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "quotes", *args], stdout=stdout, stderr=subprocess.PIPE, check=False
    )


class TestJsonlInput:
    """JSON Lines input is read a line at a time: a bad line costs that line, never its neighbours."""

    def test_a_bad_byte_costs_its_line_only(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Invalid UTF-8 on line 5 of 10: that line is named FILE:5 and skipped, the nine others come out."""
        corpus = tmp_path / "corpus.jsonl"
        lines = [json.dumps({"id": str(n), "text": READY}).encode() for n in range(1, 11)]
        lines[4] = b'{"id": "5", "text": "caf\xe9 \xff"}'
        corpus.write_bytes(b"\n".join(lines) + b"\n")
        assert main(["extract", "--jsonl", str(corpus)]) == 1
        captured = capsys.readouterr()
        assert [row["doc"] for row in json_lines(captured.out)] == [str(n) for n in range(1, 11) if n != 5]
        assert captured.err.startswith(f"quotes: {corpus}:5: not UTF-8 (byte 0xe9 at column ")

    def test_a_bad_byte_is_replaced_on_request(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Under --encoding-errors replace, the bad line is read too, with U+FFFD for the byte."""
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_bytes(b'{"id": "a", "text": "\\u201cWe are ready,\\u201d Peskov said. \xff"}\n')
        assert main(["extract", "--jsonl", "--encoding-errors", "replace", str(corpus)]) == 0
        assert [row["doc"] for row in json_lines(capsys.readouterr().out)] == ["a"]

    def test_a_raw_carriage_return_is_white_space(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """JSON allows a raw CR between tokens: the record stays one record, not two errors."""
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_bytes(b'{"id": "a",\r "text": ' + json.dumps(READY).encode() + b"}\n")
        assert main(["extract", "--jsonl", str(corpus)]) == 0
        assert [row["doc"] for row in json_lines(capsys.readouterr().out)] == ["a"]

    @pytest.mark.parametrize("ident", ["NaN", "Infinity", '{"a": 1}', "[1]", "true", "1.5"])
    def test_an_id_must_be_a_string_or_an_integer(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, ident: str
    ) -> None:
        """NaN, an object, a list, a bool or a float as an id is named FILE:LINE and skipped, not written."""
        corpus = tmp_path / "corpus.jsonl"
        text = json.dumps(READY)
        corpus.write_text(
            f'{{"id": {ident}, "text": {text}}}\n{{"id": 7, "text": {text}}}\n', encoding="utf-8"
        )
        assert main(["extract", "--jsonl", str(corpus)]) == 1
        captured = capsys.readouterr()
        assert [row["doc"] for row in json_lines(captured.out)] == ["7"]
        assert captured.err.startswith(f"quotes: {corpus}:1: field 'id' is ")


SPOKESMAN = "“We are ready,” the Kremlin spokesman said.\n"
MINISTERS = """
[[entry]]
id = "ann-lee"
name = "Ann Lee"
kind = "person"
roles = [{ title = "Kremlin spokesman", start = 2000-01-01, end = 2011-12-31 }]
"""


class TestDatesAndRegistries:
    """--published and --date-field date the articles; --registry brings the user's speakers."""

    def test_published_dates_every_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text(SPOKESMAN, encoding="utf-8")
        assert main(["extract", "--published", "2019-10-29", str(path)]) == 0
        [row] = json_lines(capsys.readouterr().out)
        assert row["speaker_id"] == "dmitry-peskov"
        assert (row["date"], row["date_source"]) == ("2019-10-29", "given")

    def test_a_date_field_dates_each_record(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Each record its own date; --published stands in where a record has none."""
        corpus = tmp_path / "corpus.jsonl"
        records = [
            {"id": "a", "text": SPOKESMAN, "day": "2010-01-01"},
            {"id": "b", "text": SPOKESMAN, "day": "2019-10-29"},
            {"id": "c", "text": SPOKESMAN},
        ]
        corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
        command = ["extract", "--jsonl", "--date-field", "day", "--published", "2020-01-01", str(corpus)]
        assert main(command) == 0
        rows = json_lines(capsys.readouterr().out)
        assert [(row["doc"], row["date"], row["speaker_id"]) for row in rows] == [
            ("a", "2010-01-01", None),
            ("b", "2019-10-29", "dmitry-peskov"),
            ("c", "2020-01-01", "dmitry-peskov"),
        ]

    def test_a_record_with_a_bad_date_is_named_and_skipped(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        corpus = tmp_path / "corpus.jsonl"
        records = [{"id": "a", "text": SPOKESMAN, "day": "29/10/2019"}, {"id": "b", "text": SPOKESMAN}]
        corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
        assert main(["extract", "--jsonl", "--date-field", "day", str(corpus)]) == 1
        captured = capsys.readouterr()
        assert [row["doc"] for row in json_lines(captured.out)] == ["b"]
        assert captured.err.startswith(f"quotes: {corpus}:1: field 'day' is \"29/10/2019\", not an ISO date")

    def test_a_published_option_that_is_no_date_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], good_file: Path
    ) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "--published", "yesterday", str(good_file)])
        assert exit_info.value.code == 2
        assert "expected a date such as 2019-10-29, not 'yesterday'" in capsys.readouterr().err

    @pytest.mark.parametrize("only", [False, True])
    def test_a_registry_file_adds_speakers(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, only: bool
    ) -> None:
        """The user's spokesman of 2010 is found, merged with the default or alone."""
        registry = tmp_path / "ours.toml"
        registry.write_text(MINISTERS, encoding="utf-8")
        article = tmp_path / "a.txt"
        article.write_text(SPOKESMAN + "“Yes,” Peskov said.\n", encoding="utf-8")
        options = ["--registry", str(registry), *(["--registry-only"] if only else [])]
        assert main(["extract", *options, "--published", "2010-01-01", str(article)]) == 0
        rows = json_lines(capsys.readouterr().out)
        assert rows[0]["speaker_id"] == "ann-lee"
        # Peskov is the default registry's: found by id only when it is merged in
        assert rows[1]["speaker_id"] == (None if only else "dmitry-peskov")

    def test_a_malformed_registry_is_named_and_nothing_is_written(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, good_file: Path
    ) -> None:
        registry = tmp_path / "ours.toml"
        registry.write_text('[[entry]]\nid = "a"\nname = "A"\nkind = "robot"\n', encoding="utf-8")
        assert main(["extract", "--registry", str(registry), str(good_file)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"quotes: {registry}: entry 'a': field 'kind': expected person")

    def test_registry_only_needs_a_registry(
        self, capsys: pytest.CaptureFixture[str], good_file: Path
    ) -> None:
        assert main(["extract", "--registry-only", str(good_file)]) == 2
        assert "--registry-only needs --registry FILE" in capsys.readouterr().err

    def test_a_missing_registry_is_named(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, good_file: Path
    ) -> None:
        missing = tmp_path / "missing.toml"
        assert main(["extract", "--registry", str(missing), str(good_file)]) == 2
        assert captured_err_names(capsys, str(missing))


def captured_err_names(capsys: pytest.CaptureFixture[str], name: str) -> bool:
    """Whether standard error names `name` on a line of its own that starts with "quotes: "."""
    return any(line.startswith(f"quotes: {name}: ") for line in capsys.readouterr().err.splitlines())


class TestAnyText:
    """Any str Python can hold goes in, and every format comes out as valid UTF-8, nothing lost."""

    @pytest.mark.parametrize("form", ["jsonl", "csv", "table"])
    def test_a_lone_surrogate_in_text_and_id(self, tmp_path: Path, form: str) -> None:
        """An escaped lone surrogate in a record's text or id: every document is written, all valid UTF-8."""
        corpus = tmp_path / "corpus.jsonl"
        records = [
            {"id": "a\ud800", "text": READY},
            {"id": "b", "text": "\u201cBroken \udc80 text,\u201d Peskov said.\n"},
            {"id": "c", "text": READY},
        ]
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
        result = run_quotes("extract", "--jsonl", "--format", form, str(corpus))
        assert result.returncode == 0, result.stderr
        output = result.stdout.decode("utf-8")  # strict: raises on anything that is not UTF-8
        if form == "jsonl":
            assert [(row["doc"], row["text"]) for row in json_lines(output)] == [
                ("a\ud800", "We are ready,"),
                ("b", "Broken \udc80 text,"),
                ("c", "We are ready,"),
            ]
        else:
            assert output.count("Dmitry Peskov") == 3

    def test_json_lines_recipe_with_line_separators(self, tmp_path: Path) -> None:
        """A quotation holding U+2028 or U+0085 still reads back with `str.splitlines`."""
        article = tmp_path / "seps.txt"
        article.write_text("\u201cOne\u2028two and\x85three,\u201d Peskov said.\n", encoding="utf-8")
        result = run_quotes("extract", str(article))
        rows = json_lines(result.stdout.decode("utf-8"))
        assert [row["text"] for row in rows] == ["One\u2028two and\x85three,"]


class TestEndings:
    """However a run ends, what it wrote is intact and standard error gets one line, no traceback."""

    def test_a_full_disk_is_one_line_and_exit_1(self, good_file: Path) -> None:
        """Writing to a full device (/dev/full) ends with one line naming the reason, exit code 1."""
        with open("/dev/full", "wb") as full:
            result = run_quotes("extract", str(good_file), stdout=full)
        assert result.returncode == 1
        assert result.stderr.decode().splitlines() == [
            "quotes: cannot write the output: No space left on device"
        ]

    def test_ctrl_c_is_one_line_and_exit_130(self, tmp_path: Path) -> None:
        """SIGINT while waiting for input: the finished document's output is complete, then exit 130."""
        article = tmp_path / "short.txt"
        article.write_text(READY, encoding="utf-8")
        # Ctrl-C as at a terminal, whatever the test runner's own handling of SIGINT: a process
        # started with SIGINT ignored (as a runner's children may be) keeps ignoring it.
        run = "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        run += "from quotes.cli import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", run, "extract", "--quiet", str(article), "-"]
        with subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            first = process.stdout.readline()
            process.send_signal(signal.SIGINT)
            # Standard input stays open until the process ends: closing it (as communicate does)
            # could hand the process an end of file before the signal, and a clean exit 0.
            process.wait(timeout=120)
            rest, err = process.stdout.read(), process.stderr.read()
        assert json.loads(first)["doc"] == str(article)
        assert rest == b""
        assert process.returncode == 130
        assert err.decode().splitlines() == [
            "quotes: interrupted; the output of every finished document is complete"
        ]

    def test_a_killed_worker_is_one_line_and_exit_1(self) -> None:
        """A worker killed mid-run: the rows written before are whole JSON, one line on stderr, exit 1."""
        command = [sys.executable, "-m", "quotes", "extract", "--quiet", "--jsonl", "--workers", "2", "-"]
        record = (json.dumps({"text": READY}) + "\n").encode()
        with subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdin is not None
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdin.write(record * 200)  # enough batches for two workers
            process.stdin.flush()
            first = process.stdout.readline()
            os.kill(children(process.pid)[0], signal.SIGKILL)
            with contextlib.suppress(BrokenPipeError):  # the run may have ended already
                process.stdin.write(record * 200)
                process.stdin.close()
            assert process.wait(timeout=120) == 1
            rest, err = process.stdout.read(), process.stderr.read()
        assert all(isinstance(json.loads(line), dict) for line in [first, *rest.splitlines()])
        [line] = err.decode().splitlines()
        assert line.startswith("quotes: a worker process died")


def children(pid: int) -> list[int]:
    """The process ids whose parent is `pid`, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


class TestWorkerOption:
    """``--workers`` says what is wrong in the user's words."""

    def test_a_word_is_named_as_such(self, capsys: pytest.CaptureFixture[str], good_file: Path) -> None:
        """--workers abc names the option and the value, not a function of the program."""
        with pytest.raises(SystemExit):
            main(["extract", "--workers", "abc", str(good_file)])
        err = capsys.readouterr().err
        assert "argument --workers: must be a positive integer or -1, not 'abc'" in err
        assert "_workers" not in err


class TestSpeakersOption:
    """``--speakers`` chooses between the learned ranker (the default) and the patterns."""

    @pytest.mark.parametrize("speakers", ["ranker", "rules"])
    def test_each_way_gives_what_its_extractor_gives(
        self, capsys: pytest.CaptureFixture[str], speakers: str
    ) -> None:
        """--speakers WAY prints what ``Extractor(speakers=WAY)`` finds, with one process or two."""
        extractor = Extractor(speakers=speakers)
        files = [str(path) for path in SEEDS]
        expected = [
            (str(path), quote.to_dict())
            for path in SEEDS
            for quote in extractor(path.read_text(encoding="utf-8"))
        ]
        for workers in ("1", "2"):
            assert main(["extract", "--speakers", speakers, "--workers", workers, *files]) == 0
            rows = json_lines(capsys.readouterr().out)
            assert [(row.pop("doc"), row) for row in rows] == expected

    def test_the_ranker_is_the_default(self, capsys: pytest.CaptureFixture[str], good_file: Path) -> None:
        """Without --speakers, the output is that of --speakers ranker, not of --speakers rules."""
        assert main(["extract", str(good_file)]) == 0
        default = capsys.readouterr().out
        assert main(["extract", "--speakers", "ranker", str(good_file)]) == 0
        assert capsys.readouterr().out == default
        assert main(["extract", "--speakers", "rules", str(good_file)]) == 0
        assert capsys.readouterr().out != default


class TestSpeakers:
    """``quotes speakers``: the speaker table of what ``quotes extract`` wrote."""

    @pytest.fixture
    def extracted(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
        """The seeds' quotations as JSON Lines, and one article whose lede is repeated."""
        lede = tmp_path / "lede.txt"
        lede.write_text(f"{READY}\n{READY}", encoding="utf-8")
        assert main(["extract", "-q", *map(str, SEEDS), str(lede)]) == 0
        path = tmp_path / "quotes.jsonl"
        path.write_text(capsys.readouterr().out, encoding="utf-8")
        return path

    def rows(self, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
        assert main(["speakers", "--format", "jsonl", *args]) == 0
        return json_lines(capsys.readouterr().out)

    def test_counts_match_the_library(self, capsys: pytest.CaptureFixture[str], extracted: Path) -> None:
        """Peskov's row counts his quotations in the seeds, plus the lede once."""
        by_name = {row["speaker"]: row for row in self.rows(capsys, str(extracted))}
        peskov = [q for path in SEEDS for q in extract(path.read_text(encoding="utf-8"))]
        expected = sum(1 for q in peskov if q.speaker is not None and q.speaker.id == "dmitry-peskov") + 1
        assert by_name["Dmitry Peskov"]["quotes"] == expected
        assert by_name["Dmitry Peskov"]["id"] == "dmitry-peskov"

    def test_a_repeated_lede_counts_once_unless_asked(
        self, capsys: pytest.CaptureFixture[str], extracted: Path
    ) -> None:
        """The repeated lede adds one quotation; with --keep-repeats, two."""
        once = {row["speaker"]: row["quotes"] for row in self.rows(capsys, str(extracted))}
        twice = {row["speaker"]: row["quotes"] for row in self.rows(capsys, "--keep-repeats", str(extracted))}
        assert twice["Dmitry Peskov"] == once["Dmitry Peskov"] + 1

    def test_csv_and_table(self, capsys: pytest.CaptureFixture[str], extracted: Path) -> None:
        """CSV has the table's columns; the text table marks descriptions with ``~``."""
        assert main(["speakers", "--format", "csv", str(extracted)]) == 0
        header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert header[:3] == ["speaker", "named", "kind"]
        assert main(["speakers", str(extracted)]) == 0
        table = capsys.readouterr().out.splitlines()
        assert table[0].split()[:3] == ["speaker", "quotes", "direct"]
        assert any(line.startswith("Dmitry Peskov ") for line in table)

    def test_bad_lines_and_files_are_named_and_the_rest_counted(
        self, capsys: pytest.CaptureFixture[str], extracted: Path, tmp_path: Path
    ) -> None:
        """A line that is no quotation row and a missing file are named; the others are counted; exit 1."""
        broken = tmp_path / "broken.jsonl"
        broken.write_text('{"doc": "x", "text": "a", "speaker": "Ann Lee", "kind": "direct"}\nnot json\n')
        assert (
            main(["speakers", "--format", "jsonl", str(extracted), str(broken), str(tmp_path / "gone")]) == 1
        )
        captured = capsys.readouterr()
        assert f"{broken}:2: not JSON" in captured.err
        assert f"{tmp_path / 'gone'}: No such file or directory" in captured.err
        names = {row["speaker"] for row in json_lines(captured.out)}
        assert {"Ann Lee", "Dmitry Peskov"} <= names


class TestAnnotationLoop:
    """``quotes export`` then ``quotes import``: the tools' files and back to gold ``quotes eval`` reads."""

    @pytest.mark.parametrize("tool", ["label-studio", "prodigy", "brat"])
    def test_export_import_eval_scores_the_library_perfectly(
        self, tool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without edits the gold is the library's own output, so every score is 1."""
        assert main(["export", "-q", "--to", tool, *map(str, SEEDS), "-o", str(tmp_path / "tool")]) == 0
        gold, docs = tmp_path / "gold.jsonl", tmp_path / "docs"
        command = [
            "import",
            "-q",
            "--from",
            tool,
            str(tmp_path / "tool"),
            "-o",
            str(gold),
            "--docs",
            str(docs),
        ]
        assert main([*command, "--predictions"]) == 0  # nobody annotated: read the tasks as exported
        assert sorted(p.name for p in docs.iterdir()) == [p.name for p in SEEDS]
        capsys.readouterr()
        assert main(["eval", "-q", str(gold), str(docs)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 2
        assert all("end2end P/R/F=1.000/1.000/1.000" in line for line in lines)

    def test_an_unreadable_file_is_named_and_the_others_exported(
        self, tmp_path: Path, good_file: Path, bad_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exit 1, the bad file named, the good one written."""
        assert (
            main(["export", "-q", "--to", "brat", str(bad_file), str(good_file), "-o", str(tmp_path / "b")])
            == 1
        )
        assert "bad.txt" in capsys.readouterr().err
        assert (tmp_path / "b" / "good.ann").read_text(encoding="utf-8").startswith("T1\tDirect")

    def test_two_files_of_one_name_are_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The tools name documents by file name, so two files called a.txt cannot both go."""
        for folder in ("x", "y"):
            (tmp_path / folder).mkdir()
            (tmp_path / folder / "a.txt").write_text(READY, encoding="utf-8")
        files = [str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt")]
        assert main(["export", "--to", "prodigy", *files, "-o", str(tmp_path / "out")]) == 2
        assert "a second document named 'a.txt'" in capsys.readouterr().err

    def test_a_malformed_export_is_named(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken file of the tool is named with its line, exit 1, no traceback."""
        (tmp_path / "db.jsonl").write_text("{broken\n", encoding="utf-8")
        assert main(["import", "--from", "prodigy", str(tmp_path), "-o", str(tmp_path / "g.jsonl")]) == 1
        assert re.search(r"quotes: .*db\.jsonl:1: not JSON", capsys.readouterr().err)


class TestMistakes:
    """A command line that cannot do what it says is told so, plainly, before any work."""

    @pytest.mark.parametrize("option", ["--text-field", "--id-field"])
    def test_a_json_lines_option_without_jsonl(self, option: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Reading fields of records needs records: the option is not silently ignored."""
        assert main(["extract", option, "body", str(SEEDS[0])]) == 2
        assert f"quotes: {option} reads JSON Lines records: add --jsonl" in capsys.readouterr().err

    def test_a_date_field_without_jsonl(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["extract", "--date-field", "date", str(SEEDS[0])]) == 2
        assert (
            "--date-field reads JSON Lines records: add --jsonl, or give --published DATE"
            in capsys.readouterr().err
        )

    def test_workers_not_a_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The message says what a worker count is, not an internal function's name."""
        with pytest.raises(SystemExit):
            main(["extract", "--workers", "abc", str(SEEDS[0])])
        err = capsys.readouterr().err
        assert "argument --workers: must be a positive integer or -1, not 'abc'" in err
        assert "_workers" not in err

    def test_eval_with_nothing_to_score(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty folder and an empty gold file: said so, exit 1, no table of zeros."""
        (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
        assert main(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path)]) == 1
        captured = capsys.readouterr()
        assert "no .txt documents" in captured.err
        assert captured.out == ""

    def test_render_has_no_bar_to_mention(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["render", "--help"])
        assert "progress bar" not in capsys.readouterr().out


class TestKindsAndModel:
    """``--kinds`` chooses what to find; ``--model`` loads a spaCy pipeline to help."""

    def test_kinds(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Only the kinds asked for come out: exactly those of the default run."""
        main(["extract", str(SEEDS[0])])
        every = json_lines(capsys.readouterr().out)
        assert main(["extract", "--kinds", "direct,mixed", str(SEEDS[0])]) == 0
        found = json_lines(capsys.readouterr().out)
        assert found == [row for row in every if row["kind"] in ("direct", "mixed")]

    def test_an_unknown_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["extract", "--kinds", "direct,partial", str(SEEDS[0])])
        assert "expected some of direct, mixed, indirect, comma-separated, not 'direct,partial'" in (
            capsys.readouterr().err
        )

    def test_a_model_that_is_not_installed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Named, with how to install it; exit 2."""
        assert main(["extract", "--model", "xx_no_such_pipeline", str(SEEDS[0])]) == 2
        assert (
            "--model xx_no_such_pipeline: no spaCy pipeline of that name is installed"
            in capsys.readouterr().err
        )

    @pytest.mark.trained
    def test_a_trained_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The pinned trained pipeline gives what `Extractor(nlp=...)` gives."""
        from conftest import load_trained_pipeline

        nlp = load_trained_pipeline()
        name = f"{nlp.meta['lang']}_{nlp.meta['name']}"  # the package name spacy.load took
        text = SEEDS[0].read_text(encoding="utf-8")
        expected = [q.to_dict() for q in Extractor(nlp=nlp)(text)]
        assert main(["extract", "--model", name, str(SEEDS[0])]) == 0
        found = json_lines(capsys.readouterr().out)
        assert [{k: v for k, v in row.items() if k != "doc"} for row in found] == expected
