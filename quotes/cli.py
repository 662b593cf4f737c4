"""The ``quotes`` command line: ``quotes extract FILE...`` and ``quotes eval GOLD DOCDIR``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes import __version__
from quotes.evaluate import load_gold, report, score
from quotes.extract import Extractor

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Find every quotation in English news text.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="print the quotations of each file as JSON Lines",
        description="Print one JSON object per quotation: the file name as 'doc' plus the quote's fields.",
    )
    extract.add_argument(
        "files", nargs="+", metavar="FILE", help="UTF-8 text files; '-' reads standard input"
    )
    extract.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with bytes that are not UTF-8: report the file (strict) or replace them",
    )
    evaluate = commands.add_parser(
        "eval",
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
    names: Sequence[str], errors: str, stderr: TextIO, newline: str | None = ""
) -> Iterator[tuple[str, str | None]]:
    """Yield ``(name, text)``, with text None for a file that could not be read.

    By default (``newline=""``) \r\n is kept as it is, so offsets index the
    file's own text; ``newline=None`` reads as the gold convention does.
    """
    for name in names:
        try:
            yield name, _read(name, errors, newline)
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            print(f"quotes: {name}: {reason}", file=stderr)
            yield name, None


def _extract(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    extractor = Extractor()
    failed = 0
    for name, text in _documents(args.files, args.encoding_errors, stderr):
        if text is None:
            failed += 1
            continue
        for quote in extractor(text):
            stdout.write(json.dumps({"doc": name, **quote.to_dict()}, ensure_ascii=False) + "\n")
        stdout.flush()  # an interrupted run keeps every finished document
    return 1 if failed else 0


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
    # gold offsets index the text as Python reads it by default, with universal newlines
    for name, text in _documents([str(folder / n) for n in names], "strict", stderr, newline=None):
        if text is not None:
            texts[Path(name).name] = text
    predictions = {name: extractor(text) for name, text in texts.items()}
    scored = [g for g in gold if g.doc in texts]
    stdout.write(report(score(scored, predictions, texts)) + "\n")
    return 0 if len(texts) == len(names) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "eval":
            return _evaluate(args, sys.stdout, sys.stderr)
        return _extract(args, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader went away (quotes extract ... | head): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
