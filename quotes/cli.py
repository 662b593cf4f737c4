"""The ``quotes`` command line: ``quotes extract``, ``quotes render`` and ``quotes eval``."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes import __version__
from quotes.evaluate import load_gold, report, score
from quotes.extract import Extractor
from quotes.formats import Table, csv_header, csv_rows, jsonl
from quotes.model import Quote
from quotes.progress import Progress
from quotes.render import render

__all__ = ["main"]

FORMATS = ("jsonl", "csv", "table")
"""The output formats of ``quotes extract``."""

Rows = Callable[[str, Iterable[Quote]], str]


def _common() -> argparse.ArgumentParser:
    """The options every subcommand takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="write nothing on standard error but errors (no progress bar)",
    )
    return common


def _encoding_errors(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with bytes that are not UTF-8: report the file (strict) or replace them",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Find every quotation in English news text.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    common = _common()
    extract = commands.add_parser(
        "extract",
        parents=[common],
        help="print the quotations of each file as JSON Lines, CSV or a table",
        description=(
            "Print the quotations of each file, a document at a time: one JSON object per quotation "
            "(the file name as 'doc' plus the quote's fields), CSV with a header row, or an aligned "
            "table for reading in a terminal."
        ),
    )
    extract.add_argument(
        "files", nargs="+", metavar="FILE", help="UTF-8 text files; '-' reads standard input"
    )
    extract.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="JSON Lines (the default), CSV with a header row, or a text table",
    )
    _encoding_errors(extract)
    show = commands.add_parser(
        "render",
        parents=[common],
        help="write a file as an HTML page with its quotations highlighted",
        description=(
            "Write a standalone HTML page of FILE: each quotation highlighted in its speaker's colour, "
            "cues and speaker mentions marked, and a legend of the speakers."
        ),
    )
    show.add_argument("file", metavar="FILE", help="a UTF-8 text file; '-' reads standard input")
    show.add_argument(
        "-o",
        "--output",
        metavar="PAGE",
        default="-",
        help="the HTML file to write (default: standard output)",
    )
    show.add_argument("--title", help="the page's title (default: the file's name)")
    _encoding_errors(show)
    evaluate = commands.add_parser(
        "eval",
        parents=[common],
        help="score the library against hand-annotated news",
        description=(
            "Score quotes.extract on the .txt files of DOCDIR against GOLD (JSON Lines in the format of "
            "GOLD.md): span, speaker and end-to-end precision, recall and F1, for direct (with mixed) "
            "and for indirect quotations."
        ),
    )
    evaluate.add_argument("gold", metavar="GOLD", help="the gold quotations, one JSON object a line")
    evaluate.add_argument("docdir", metavar="DOCDIR", help="the folder holding the annotated .txt files")
    return parser


def _read(name: str, errors: str, newline: str | None) -> str:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors=errors)
    with open(name, encoding="utf-8", errors=errors, newline=newline) as handle:
        return handle.read()


def _documents(
    names: Sequence[str], errors: str, warn: Callable[[str], None], newline: str | None = ""
) -> Iterator[tuple[str, str | None]]:
    """Yield ``(name, text)``, with text None for a file that could not be read, which `warn` names.

    By default (``newline=""``) \r\n is kept as it is, so offsets index the
    file's own text; ``newline=None`` reads as the gold convention does.
    """
    for name in names:
        try:
            yield name, _read(name, errors, newline)
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            warn(f"quotes: {name}: {reason}")
            yield name, None


def _format(name: str, docs: Sequence[str]) -> tuple[str, Rows]:
    """The header and the row writer of an output format."""
    if name == "csv":
        return csv_header(), csv_rows
    if name == "table":
        table = Table.fit(docs, shutil.get_terminal_size((100, 24)).columns)  # $COLUMNS, the terminal, or 100
        return table.header(), table.rows
    return "", jsonl


def _extract(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    extractor = Extractor()
    header, rows = _format(args.format, args.files)
    stdout.write(header)
    failed = 0
    with Progress.on(stderr, len(args.files), quiet=args.quiet) as progress:
        for name, text in _documents(args.files, args.encoding_errors, progress.message):
            if text is None:
                failed += 1
            elif found := rows(name, extractor(text)):
                progress.clear()  # standard output may share the terminal with the bar
                stdout.write(found)
            stdout.flush()  # an interrupted run keeps every finished document
            progress.advance()
    return 1 if failed else 0


def _render(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write one file's page; name the file and exit 1 if it cannot be read or the page written."""
    [(name, text)] = _documents(
        [args.file], args.encoding_errors, lambda message: print(message, file=stderr)
    )
    if text is None:
        return 1
    title = args.title or ("standard input" if name == "-" else Path(name).name)
    page = render(text, Extractor()(text), title=title)
    if args.output == "-":
        stdout.write(page)
        stdout.flush()
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(page)
    except OSError as err:
        print(f"quotes: {args.output}: {err.strerror or err}", file=stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Score every annotated document that can be read; name the others and exit 1."""
    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as err:
        print(f"quotes: {args.gold}: {err}", file=stderr)
        return 1
    folder = Path(args.docdir)
    names = sorted({g.doc for g in gold} | {p.name for p in folder.glob("*.txt")})
    extractor = Extractor()
    texts: dict[str, str] = {}
    predictions: dict[str, list[Quote]] = {}
    with Progress.on(stderr, len(names), quiet=args.quiet) as progress:
        # gold offsets index the text as Python reads it by default, with universal newlines
        paths = [str(folder / n) for n in names]
        for path, text in _documents(paths, "strict", progress.message, newline=None):
            if text is not None:
                texts[Path(path).name] = text
                predictions[Path(path).name] = extractor(text)
            progress.advance()
    scored = [g for g in gold if g.doc in texts]
    stdout.write(report(score(scored, predictions, texts)) + "\n")
    return 0 if len(texts) == len(names) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    commands = {"extract": _extract, "render": _render, "eval": _evaluate}
    try:
        return commands[args.command](args, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader went away (quotes extract ... | head): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
