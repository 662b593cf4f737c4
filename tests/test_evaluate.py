"""Tests of quotes.evaluate: scoring against gold, as the project's convention says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes.cli import main
from quotes.evaluate import (
    DocumentError,
    GoldError,
    GoldQuote,
    documents,
    evaluate,
    load_gold,
    read_document,
    read_gold,
    report,
    score,
    speaker_matches,
)
from quotes.model import Quote, Speaker

from conftest import ROOT, SEEDS

SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score.py"
READY = "\u201cWe are ready,\u201d Peskov said.\n"
RIGHT = {"doc": "here.txt", "quote": "We are ready,", "start": 1, "end": 14, "kind": "direct",
         "speaker": "Dmitry Peskov", "speaker_aliases": ["Peskov"]}  # fmt: skip
"""A right gold line for `READY` in here.txt."""
SCORE_OF_RIGHT = "direct    gold=   1 pred=   1 span P/R/F=1.000/1.000/1.000"
"""How `quotes eval` begins its report when `RIGHT` alone is scored."""


def gold(speaker: str | None, *aliases: str) -> GoldQuote:
    """A gold quote with a speaker and aliases."""
    return GoldQuote("d.txt", 0, 5, "direct", speaker, aliases)


def said_by(name: str | None) -> Quote:
    """A predicted quote attributed to `name`."""
    return Quote("hello", 0, 5, speaker=Speaker(name) if name else None)


class TestSpeakerMatches:
    """The speaker rule of the gold convention."""

    def test_alias_matches(self) -> None:
        """Any alias is as right as the name."""
        assert speaker_matches(said_by("Peskov"), gold("Dmitry Peskov", "Peskov"))

    def test_case_article_and_diacritics_are_ignored(self) -> None:
        """'the Kremlin' == 'Kremlin'; Erdoğan == Erdogan."""
        assert speaker_matches(said_by("the kremlin"), gold("Kremlin"))
        assert speaker_matches(said_by("Recep Tayyip Erdoğan"), gold("Recep Tayyip Erdogan"))

    def test_shared_surname_matches(self) -> None:
        """A person's surname is enough."""
        assert speaker_matches(said_by("President Erdogan"), gold("Recep Tayyip Erdogan"))

    def test_institution_words_are_not_surnames(self) -> None:
        """'the press service' is not 'the Kremlin press service' by last word."""
        assert not speaker_matches(said_by("the press service"), gold("the Kremlin press service"))

    def test_no_speaker_is_wrong(self) -> None:
        """A missing speaker never matches."""
        assert not speaker_matches(said_by(None), gold("Dmitry Peskov"))


class TestScore:
    """Span matching and F1."""

    def test_perfect_prediction_scores_one(self) -> None:
        """Predicting the gold itself scores F1 = 1."""
        text = '"Hello there," Peskov said.'
        g = GoldQuote("d.txt", 1, 13, "direct", "Dmitry Peskov", ("Peskov",))
        result = score([g], {"d.txt": [Quote(text[1:13], 1, 13, speaker=Speaker("Peskov"))]}, {"d.txt": text})
        assert result["direct"].span_f == 1.0
        assert result["direct"].e2e_f == 1.0
        assert result["indirect"].gold == 0

    def test_small_overlap_does_not_match(self) -> None:
        """A span overlapping gold by less than Jaccard 0.6 is not a match."""
        text = "a" * 100
        g = GoldQuote("d.txt", 0, 100, "direct", None)
        result = score([g], {"d.txt": [Quote(text[:50], 0, 50)]}, {"d.txt": text})
        assert result["direct"].matched == 0


def write_gold(path: Path, *lines: dict[str, Any] | str) -> Path:
    """A gold file of `lines`, each a record written as JSON or a raw line written as it is."""
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def with_fields(**fields: Any) -> dict[str, Any]:
    """`RIGHT` with some fields changed, or left out where the value is `...`."""
    return {k: v for k, v in (RIGHT | fields).items() if v is not ...}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A document folder holding here.txt (`READY`), beside a file outside it, outside.txt."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "here.txt").write_text(READY, encoding="utf-8")
    (tmp_path / "outside.txt").write_text(READY, encoding="utf-8")
    return tmp_path / "docs"


def run_eval(gold: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    """``quotes eval GOLD FOLDER``: exit code, standard output, and standard error's lines."""
    code = main(["eval", str(gold), str(folder)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


BAD_LINES: list[tuple[dict[str, Any] | str, str]] = [
    ("{not json", "not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
    ('["doc", "here.txt"]', "not a JSON object but an array"),
    ("null", "not a JSON object but null"),
    (with_fields(doc=...), "field 'doc': missing"),
    (with_fields(start=...), "field 'start': missing"),
    (with_fields(kind=...), "field 'kind': missing"),
    (with_fields(doc=7), "field 'doc': 7 is not a string"),
    (with_fields(doc=""), "field 'doc': is empty"),
    (with_fields(start="1"), "field 'start': \"1\" is not a non-negative integer"),
    (with_fields(end=14.0), "field 'end': 14.0 is not a non-negative integer"),
    (with_fields(start=True), "field 'start': true is not a non-negative integer"),
    (with_fields(start=-1), "field 'start': -1 is not a non-negative integer"),
    (with_fields(start=14, end=1), "field 'end': 1 is before start 14"),
    (with_fields(kind="mixed"), "field 'kind': \"mixed\" is not one of direct, partial, indirect"),
    (with_fields(speaker=["Peskov"]), "field 'speaker': [\"Peskov\"] is not a string or null"),
    (with_fields(speaker_aliases="Peskov"), "field 'speaker_aliases': \"Peskov\" is not an array of strings"),
    (with_fields(speaker_aliases=[None]), "field 'speaker_aliases': [null] is not an array of strings"),
    (with_fields(speaker_start=18), "field 'speaker_end': missing"),
    (with_fields(speaker_start=24, speaker_end=18), "field 'speaker_end': 18 is before speaker_start 24"),
]
"""Gold lines that are no gold quotation, and what is said of each after ``FILE:LINE: ``."""


class TestReadGold:
    """A gold file is read by line: a bad line is named ``FILE:LINE`` with its field, the others kept."""

    @pytest.mark.parametrize(("line", "reason"), BAD_LINES, ids=[reason for _, reason in BAD_LINES])
    def test_a_bad_line_is_named_with_the_field_at_fault(
        self, tmp_path: Path, line: dict[str, Any] | str, reason: str
    ) -> None:
        """The bad line is a `GoldError` naming its file, line and field; the lines around it are kept."""
        gold = read_gold(write_gold(tmp_path / "gold.jsonl", RIGHT, line, RIGHT))
        assert [str(error) for error in gold.errors] == [f"{tmp_path / 'gold.jsonl'}:2: {reason}"]
        assert [number for number, _ in gold.quotes] == [1, 3]

    def test_a_line_that_is_not_utf8(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 cost their own line only, which is named with the first bad byte."""
        path = tmp_path / "gold.jsonl"
        path.write_bytes(b"".join([json.dumps(RIGHT).encode() + b"\n", b'{"doc": "\xe9t\xe9"}\n', b"\n"] * 2))
        gold = read_gold(path)
        assert [str(error) for error in gold.errors] == [f"{path}:{n}: not UTF-8 (byte 0xe9)" for n in (2, 5)]
        assert [number for number, _ in gold.quotes] == [1, 4]

    def test_blank_lines_are_skipped_but_counted(self, tmp_path: Path) -> None:
        """Blank lines are no error, and the line numbers are the file's own."""
        gold = read_gold(write_gold(tmp_path / "gold.jsonl", "", RIGHT, "  ", "{}"))
        assert [number for number, _ in gold.quotes] == [2]
        assert [str(error) for error in gold.errors] == [f"{tmp_path / 'gold.jsonl'}:4: field 'doc': missing"]

    def test_load_gold_raises_naming_the_first_bad_line(self, tmp_path: Path) -> None:
        """`load_gold` takes a whole file or nothing: a GoldError, never a KeyError."""
        path = write_gold(tmp_path / "gold.jsonl", RIGHT, with_fields(end=...), "[]")
        with pytest.raises(GoldError, match=r"gold\.jsonl:2: field 'end': missing$"):
            load_gold(path)

    def test_fields_the_scores_do_not_read_are_left_alone(self, tmp_path: Path) -> None:
        """``quote``, ``cue`` or ``note`` may hold anything: the annotator's, not the scorer's."""
        gold = read_gold(write_gold(tmp_path / "gold.jsonl", with_fields(quote=None, cue=3, note=[])))
        assert gold.errors == ()
        assert [quote for _, quote in gold.quotes] == [
            GoldQuote("here.txt", 1, 14, "direct", "Dmitry Peskov", ("Peskov",))
        ]


class TestReadDocument:
    """Only a regular file inside the document folder is read; everything else is a named DocumentError."""

    def test_a_document_inside_the_folder(self, folder: Path) -> None:
        """In the folder, in a subfolder, or by a link that stays inside: read with universal newlines."""
        (folder / "sub").mkdir()
        (folder / "sub" / "crlf.txt").write_bytes(b"one\r\ntwo\rthree")
        (folder / "link.txt").symlink_to("sub/crlf.txt")
        assert read_document(folder, "here.txt") == READY
        assert read_document(folder, "sub/crlf.txt") == read_document(folder, "link.txt") == "one\ntwo\nthree"
        assert read_document(folder, "sub/../here.txt") == READY

    @pytest.mark.parametrize(
        ("doc", "reason"),
        [
            ("../outside.txt", "refused: the path leads out of the document folder"),
            ("sub/../../outside.txt", "refused: the path leads out of the document folder"),
            ("ABSOLUTE", "refused: an absolute path"),
            ("out.txt", "refused: the path leads out of the document folder"),
            ("ups/outside.txt", "refused: the path leads out of the document folder"),
        ],
        ids=["dot-dot", "dot-dot-deeper", "absolute", "link-to-a-file", "link-to-a-folder"],
    )
    def test_a_path_out_of_the_folder_is_refused(self, folder: Path, doc: str, reason: str) -> None:
        """An absolute path, ``..`` or a link leading out of the folder is refused, never read."""
        (folder / "out.txt").symlink_to(folder.parent / "outside.txt")
        (folder / "ups").symlink_to(folder.parent)
        doc = str(folder.parent / "outside.txt") if doc == "ABSOLUTE" else doc
        with pytest.raises(DocumentError) as refused:
            read_document(folder, doc)
        assert str(refused.value).startswith(f"{os.path.join(folder, doc)}: {reason}")

    def test_a_fifo_is_never_opened(self, folder: Path) -> None:
        """A FIFO is refused from its type alone: opening it would wait for a writer for ever."""
        os.mkfifo(folder / "fifo.txt")
        outcome: list[BaseException | str] = []

        def read() -> None:
            try:
                outcome.append(read_document(folder, "fifo.txt"))
            except BaseException as error:  # handed to the test, whatever it is
                outcome.append(error)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=10)
        assert outcome, "read_document hung on a FIFO"
        assert isinstance(outcome[0], DocumentError)
        assert str(outcome[0]) == f"{folder / 'fifo.txt'}: refused: not a regular file but a FIFO"

    @pytest.mark.parametrize(
        ("doc", "reason"),
        [
            ("gone.txt", "No such file or directory"),
            (".", "refused: not a regular file but a directory"),
            ("bad.txt", "not UTF-8 (byte 0xe9 at byte offset 2)"),
            ("nul\0.txt", "refused: not a file name this system can open (embedded null byte)"),
        ],
        ids=["missing", "directory", "not-utf8", "nul"],
    )
    def test_a_document_that_cannot_be_read(self, folder: Path, doc: str, reason: str) -> None:
        """Missing, not a file, not UTF-8 or no file name at all: a DocumentError naming path and reason."""
        (folder / "bad.txt").write_bytes(b'"d\xe9j\xe0 vu"')
        with pytest.raises(DocumentError) as unreadable:
            read_document(folder, doc)
        assert str(unreadable.value) == f"{os.path.join(folder, doc)}: {reason}"


class TestEvaluate:
    """`evaluate` scores what it can and names, in its errors, every gold line and document it left out."""

    def test_everything_right_has_no_errors(self) -> None:
        """The seeds score as `score` scores them, and nothing is left out."""
        gold = read_gold(SEEDS / "gold.jsonl")
        result = evaluate(gold, SEEDS, documents(gold, SEEDS), quotes.extract)
        texts = {path.name: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
        predictions = {name: quotes.extract(text) for name, text in sorted(texts.items())}
        assert result.errors == ()
        assert result.scores == score(load_gold(SEEDS / "gold.jsonl"), predictions, texts)

    def test_offsets_past_the_end_of_the_document(self, tmp_path: Path, folder: Path) -> None:
        """A gold quotation past its document's end is named ``FILE:LINE`` and left out: no IndexError."""
        path = write_gold(tmp_path / "gold.jsonl", RIGHT, with_fields(start=40, end=50), with_fields(end=99))
        warned: list[str] = []
        result = evaluate(read_gold(path), folder, ["here.txt"], quotes.extract, warned.append)
        assert (
            result.errors
            == tuple(warned)
            == (
                f"{path}:2: field 'end': 50 is past the end of here.txt (29 characters)",
                f"{path}:3: field 'end': 99 is past the end of here.txt (29 characters)",
            )
        )
        assert result.scores["direct"].gold == 1

    def test_a_document_left_out_is_named_with_its_gold(self, tmp_path: Path, folder: Path) -> None:
        """An unreadable document is named with how many gold quotations go unscored with it."""
        path = write_gold(
            tmp_path / "gold.jsonl", RIGHT, with_fields(doc="gone.txt"), with_fields(doc="gone.txt")
        )
        gold = read_gold(path)
        advanced: list[None] = []
        result = evaluate(
            gold, folder, documents(gold, folder), quotes.extract, advance=lambda: advanced.append(None)
        )
        assert result.errors == (
            f"{folder / 'gone.txt'}: No such file or directory"
            " (left out of the scores with its 2 gold quotations)",
        )
        assert result.scores["direct"].gold == 1
        assert len(advanced) == 2


class TestEvalCommand:
    """``quotes eval`` names every gold line and document it leaves out, exits 1, and scores the rest."""

    def test_bad_gold_lines_are_named_skipped_and_fail(
        self, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each bad line is named ``FILE:LINE`` with its field; the right lines are still scored; exit 1."""
        lines = [RIGHT, *(line for line, _ in BAD_LINES), with_fields(start=40, end=50)]
        gold = write_gold(tmp_path / "gold.jsonl", *lines)
        code, out, err = run_eval(gold, folder, capsys)
        assert code == 1
        assert out.startswith(SCORE_OF_RIGHT)
        assert err == [
            *(f"quotes: {gold}:{number}: {reason}" for number, (_, reason) in enumerate(BAD_LINES, 2)),
            f"quotes: {gold}:{len(lines)}: field 'end': 50 is past the end of here.txt (29 characters)",
        ]

    def test_documents_out_of_the_folder_are_refused(
        self, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``..``, an absolute path and a link out of the folder are named and never scored; exit 1."""
        (folder / "link.txt").symlink_to(folder.parent / "outside.txt")
        outside = str(folder.parent / "outside.txt")
        docs = ["../outside.txt", outside, "link.txt"]
        gold = write_gold(tmp_path / "gold.jsonl", RIGHT, *(with_fields(doc=doc) for doc in docs))
        code, out, err = run_eval(gold, folder, capsys)
        assert code == 1
        assert out.startswith(SCORE_OF_RIGHT)
        assert len(err) == 3
        for doc in docs:
            assert any(line.startswith(f"quotes: {os.path.join(folder, doc)}: refused: ") for line in err)
        assert all(line.endswith("(left out of the scores with its 1 gold quotations)") for line in err)

    def test_a_fifo_does_not_hang_the_run(self, tmp_path: Path, folder: Path) -> None:
        """A FIFO the gold names, or one among the folder's .txt files, is refused at once; exit 1."""
        os.mkfifo(folder / "named.txt")
        os.mkfifo(folder / "unnamed.txt")
        gold = write_gold(tmp_path / "gold.jsonl", RIGHT, with_fields(doc="named.txt"))
        result = subprocess.run(
            [sys.executable, "-m", "quotes", "eval", str(gold), str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1
        assert result.stdout.startswith(SCORE_OF_RIGHT)
        assert result.stderr.splitlines() == [
            f"quotes: {folder / 'named.txt'}: refused: not a regular file but a FIFO"
            " (left out of the scores with its 1 gold quotations)",
            f"quotes: {folder / 'unnamed.txt'}: refused: not a regular file but a FIFO"
            " (left out of the scores with its 0 gold quotations)",
        ]

    def test_an_unreadable_gold_file(
        self, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A gold file that cannot be opened is named, with no scores; exit 1."""
        code, out, err = run_eval(tmp_path / "none.jsonl", folder, capsys)
        assert (code, out, err) == (1, "", [f"quotes: {tmp_path / 'none.jsonl'}: No such file or directory"])


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not beside the repository")
class TestAgreement:
    """Our scores equal the project's reference scorer's."""

    def reference(self, gold: Path, tmp_path: Path) -> str:
        """What the reference scorer prints for the quotations of the seeds against `gold`."""
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
        preds = tmp_path / "preds.jsonl"
        with preds.open("w", encoding="utf-8") as handle:
            for name, text in texts.items():
                for q in quotes.extract(text):
                    row = {"doc": name, "start": q.start, "end": q.end, "kind": q.kind.value,
                           "speaker": q.speaker.name if q.speaker else None}  # fmt: skip
                    handle.write(json.dumps(row) + "\n")
        return subprocess.run(
            [sys.executable, str(SHARED_SCORER), str(gold), str(preds), str(SEEDS)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def test_eval_prints_what_the_reference_prints(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``quotes eval seeds/gold.jsonl seeds`` prints the reference's output to the character, exit 0."""
        assert run_eval(SEEDS / "gold.jsonl", SEEDS, capsys) == (
            0,
            self.reference(SEEDS / "gold.jsonl", tmp_path),
            [],
        )

    def test_bad_lines_are_scored_as_if_absent(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Bad lines among the seed gold: ``quotes eval`` prints what the reference prints without them."""
        right = (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        bad = [line for line, _ in BAD_LINES * 3][: len(right)]
        mixed = write_gold(
            tmp_path / "mixed.jsonl", *(line for pair in zip(right, bad, strict=True) for line in pair)
        )
        code, out, err = run_eval(mixed, SEEDS, capsys)
        assert (code, len(err)) == (1, len(right))
        assert out == self.reference(SEEDS / "gold.jsonl", tmp_path)

    def test_seed_scores_agree_with_reference(self, tmp_path: Path) -> None:
        """Span and end-to-end F1 agree to the printed precision."""
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
        predictions = {name: quotes.extract(text) for name, text in texts.items()}
        preds = tmp_path / "preds.jsonl"
        with preds.open("w", encoding="utf-8") as handle:
            for name, found in predictions.items():
                for q in found:
                    row = {
                        "doc": name,
                        "start": q.start,
                        "end": q.end,
                        "kind": q.kind.value,
                        "speaker": q.speaker.name if q.speaker else None,
                    }
                    handle.write(json.dumps(row) + "\n")
        output = subprocess.run(
            [sys.executable, str(SHARED_SCORER), str(SEEDS / "gold.jsonl"), str(preds), str(SEEDS)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        ours = score(load_gold(SEEDS / "gold.jsonl"), predictions, texts)
        assert output == report(ours) + "\n"  # what `quotes eval` prints, to the character
        for line in output.splitlines():
            kind = line.split()[0]
            assert (
                f"span P/R/F={ours[kind].span_p:.3f}/{ours[kind].span_r:.3f}/{ours[kind].span_f:.3f}" in line
            )
            assert (
                f"end2end P/R/F={ours[kind].e2e_p:.3f}/{ours[kind].e2e_r:.3f}/{ours[kind].e2e_f:.3f}" in line
            )
