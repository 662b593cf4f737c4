"""The ``quotes`` command line: ``extract``, ``render``, ``eval``, ``speakers``, ``export`` and ``import``."""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO, TypedDict

import attrs

from quotes import __version__
from quotes.annotation import FORMATS as ANNOTATION_FORMATS
from quotes.annotation import export, import_gold
from quotes.annotation import texts as annotated_texts
from quotes.corpus.clustering import cluster_ids, repeated
from quotes.corpus.speaker_table import SPEAKER_COLUMNS, tally, text_table
from quotes.dates import as_day
from quotes.errors import AnnotationError, RegistryError
from quotes.evaluate import documents, evaluate, read_gold, report
from quotes.extract import Extractor
from quotes.formats import Table, csv_header, csv_rows, json_lines, jsonl
from quotes.model import Quote, QuoteKind
from quotes.pipeline import pipe
from quotes.progress import Progress
from quotes.registry import Registry, as_registry
from quotes.render import headline, render

__all__ = ["main"]

FORMATS = ("jsonl", "csv", "table")
"""The output formats of ``quotes extract``."""

SPEAKERS = ("ranker", "rules")
"""The ways ``quotes extract --speakers`` chooses speakers (`quotes.Extractor`'s `speakers`)."""

Rows = Callable[[str, Iterable[Quote]], str]


def _common(bar: bool = True) -> argparse.ArgumentParser:
    """The options every subcommand takes; `bar` says whether it draws a progress bar to silence."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="write nothing on standard error but errors" + (" (no progress bar)" if bar else ""),
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
    extract.add_argument(
        "--speakers",
        choices=SPEAKERS,
        default="ranker",
        help="how speakers are chosen: the learned ranker (the default) or the patterns alone (rules)",
    )
    extract.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="processes to use (default 1; -1 for one per CPU); the output order is the same",
    )
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help="each FILE is JSON Lines, one document per line, rather than one text",
    )
    extract.add_argument(
        "--text-field",
        metavar="NAME",
        help="with --jsonl: the field holding a document's text (default: text)",
    )
    extract.add_argument(
        "--id-field",
        metavar="NAME",
        help="with --jsonl: the field whose value becomes 'doc' (default: id; else FILE:LINE)",
    )
    extract.add_argument(
        "--published",
        type=_day,
        metavar="DATE",
        help=(
            "the articles' date (YYYY-MM-DD): roles such as 'the foreign minister' name whoever held "
            "them that day (default: the date each article's dateline states, if any)"
        ),
    )
    extract.add_argument(
        "--date-field",
        metavar="NAME",
        help="with --jsonl: the field holding a document's date (ISO); --published where it is absent",
    )
    extract.add_argument(
        "--kinds",
        type=_kinds,
        metavar="KINDS",
        help="the kinds of quotation to find, comma-separated: direct, mixed, indirect (default: all)",
    )
    extract.add_argument(
        "--model",
        metavar="NAME",
        help="an installed spaCy pipeline to load (such as en_core_web_sm): its entities and parse "
        "help where the rules find nothing; none is needed",
    )
    extract.add_argument(
        "--registry",
        metavar="FILE",
        help="a TOML registry of speakers (docs/registry.md), merged into the default one",
    )
    extract.add_argument(
        "--registry-only",
        action="store_true",
        help="with --registry: use that registry alone, without the default one",
    )
    _encoding_errors(extract)
    show = commands.add_parser(
        "render",
        parents=[_common(bar=False)],
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
    show.add_argument(
        "--title", help="the page's title (default: the article's headline, else the file's name)"
    )
    _encoding_errors(show)
    speakers = commands.add_parser(
        "speakers",
        parents=[common],
        help="count who is quoted across the output of 'quotes extract'",
        description=(
            "Read the JSON Lines 'quotes extract' writes and print one row per speaker: quotations by "
            "kind, documents, first and last date, registry and Wikidata ids. Descriptions ('his "
            "associates') are kept apart from named people, and a quotation repeated within its own "
            "article counts once."
        ),
    )
    speakers.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON Lines of 'quotes extract'; '-' reads standard input"
    )
    speakers.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="a text table (the default), CSV with a header row, or JSON Lines",
    )
    speakers.add_argument(
        "--keep-repeats",
        action="store_true",
        help="count a quotation repeated within its own article (a lede, a caption) each time",
    )
    out = commands.add_parser(
        "export",
        parents=[common],
        help="write the quotations of files as pre-annotations for Label Studio, Prodigy or brat",
        description=(
            "Write each file's quotations (spans, kinds, speaker mentions, cues, the relations between "
            "them and the speakers' names) into DIR as files the annotation tool imports as they are; "
            "'quotes import' reads the corrected annotations back as gold. See docs/gold.md."
        ),
    )
    out.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files; '-' reads standard input")
    out.add_argument("--to", required=True, choices=ANNOTATION_FORMATS, help="the annotation tool")
    out.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write into")
    _encoding_errors(out)
    back = commands.add_parser(
        "import",
        parents=[common],
        help="read annotations corrected in Label Studio, Prodigy or brat back as gold",
        description=(
            "Read the annotations of DIR (Label Studio's JSON export, Prodigy's db-out JSON Lines, or a "
            "brat folder) and write them as gold quotations, one JSON object a line (docs/gold.md), "
            "for 'quotes eval'."
        ),
    )
    back.add_argument("folder", metavar="DIR", help="the folder holding the tool's files")
    back.add_argument("--from", dest="tool", required=True, choices=ANNOTATION_FORMATS, help="the tool")
    back.add_argument("-o", "--output", required=True, metavar="GOLD", help="the gold file to write")
    back.add_argument(
        "--predictions",
        action="store_true",
        help="also read tasks nobody annotated (Label Studio, Prodigy) as they were exported: to check "
        "an export, not to score against",
    )
    back.add_argument(
        "--docs",
        metavar="DOCDIR",
        help="also write each document's text there as NAME, for 'quotes eval GOLD DOCDIR'",
    )
    evaluate = commands.add_parser(
        "eval",
        parents=[common],
        help="score the library against hand-annotated news",
        description=(
            "Score quotes.extract on the .txt files of DOCDIR against GOLD (JSON Lines in the format of "
            "docs/gold.md): span, speaker and end-to-end precision, recall and F1, for direct (with mixed) "
            "and for indirect quotations."
        ),
    )
    evaluate.add_argument("gold", metavar="GOLD", help="the gold quotations, one JSON object a line")
    evaluate.add_argument("docdir", metavar="DOCDIR", help="the folder holding the annotated .txt files")
    return parser


def _read(name: str, errors: str) -> str:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors=errors)
    with open(name, encoding="utf-8", errors=errors, newline="") as handle:
        return handle.read()


def _documents(
    names: Sequence[str], errors: str, warn: Callable[[str], None]
) -> Iterator[tuple[str, str | None]]:
    """Yield ``(name, text)``, with text None for a file that could not be read, which `warn` names.

    Line ends are kept as they are (CR LF too), so offsets index the file's own text.
    """
    for name in names:
        try:
            yield name, _read(name, errors)
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
    mistake = _mistake(args)
    if mistake is not None:
        print(f"quotes: {mistake}", file=stderr)
        return 2
    args.text_field = args.text_field or "text"
    args.id_field = args.id_field or "id"
    try:
        extractor = _extractor(args)
    except (RegistryError, OSError) as err:
        print(f"quotes: {err}", file=stderr)
        return 2
    header, rows = _format(args.format, args.files)
    stdout.write(header)
    failed = 0
    total = _count_records(args.files) if args.jsonl else len(args.files)
    with Progress.on(stderr, total, quiet=args.quiet) as progress:

        def fail(message: str) -> None:
            nonlocal failed
            failed += 1
            progress.message(message)

        read = _records if args.jsonl else _files
        documents = (
            (text, _Context(doc=doc, published=published or args.published))
            for doc, text, published in read(args, fail)
        )
        results = pipe(documents, as_tuples=True, n_process=args.workers, batch_size=16, extractor=extractor)
        for found, context in results:
            doc = context["doc"]
            if output := rows(doc, found):
                progress.clear()  # standard output may share the terminal with the bar
                stdout.write(output)
            stdout.flush()  # an interrupted run keeps every finished document
            progress.advance()
    return 1 if failed else 0


def _mistake(args: argparse.Namespace) -> str | None:
    """What is wrong with a combination of ``quotes extract`` options, or None."""
    if args.registry_only and args.registry is None:
        return "--registry-only needs --registry FILE"
    if not args.jsonl:
        for option, value in (("--text-field", args.text_field), ("--id-field", args.id_field)):
            if value is not None:
                return f"{option} reads JSON Lines records: add --jsonl (each FILE one document a line)"
        if args.date_field is not None:
            return "--date-field reads JSON Lines records: add --jsonl, or give --published DATE"
    return None


def _count_records(names: Sequence[str]) -> int | None:
    """How many non-blank lines the JSON Lines files hold, for the progress bar; None for standard input."""
    if "-" in names:
        return None
    count = 0
    for name in names:
        with contextlib.suppress(OSError), open(name, "rb") as handle:
            count += sum(1 for line in handle if line.strip())
    return count


def _extractor(args: argparse.Namespace) -> Extractor | None:
    """The extractor the options ask for; None for the default one.

    Raises:
        RegistryError: The registry file cannot be read or is malformed.
    """
    if args.registry is None and args.speakers == "ranker" and args.kinds is None and args.model is None:
        return None
    if args.registry is None:
        registry = None
    elif args.registry_only:
        registry = Registry.load(args.registry)
    else:
        registry = as_registry(args.registry)
    nlp = _model(args.model) if args.model is not None else None
    kinds = args.kinds if args.kinds is not None else tuple(QuoteKind)
    return Extractor(speakers=args.speakers, registry=registry, kinds=kinds, nlp=nlp)


def _model(name: str) -> Any:
    """The spaCy pipeline `name`, loaded.

    Raises:
        OSError: It is not installed; the message says how to install it.
    """
    import spacy  # only when asked for: loading a pipeline is the slow part of a run

    try:
        return spacy.load(name)
    except OSError:
        raise OSError(
            f"--model {name}: no spaCy pipeline of that name is installed "
            f"(install one with: python -m spacy download {name})"
        ) from None


def _kinds(value: str) -> tuple[QuoteKind, ...]:
    """A ``--kinds`` option: kinds of quotation, comma-separated."""
    names = [part.strip() for part in value.split(",") if part.strip()]
    choices = [kind.value for kind in QuoteKind]
    wrong = [name for name in names if name not in choices]
    if wrong or not names:
        raise argparse.ArgumentTypeError(
            f"expected some of {', '.join(choices)}, comma-separated, not {value!r}"
        )
    return tuple(QuoteKind(name) for name in names)


def _day(value: str) -> datetime.date:
    """A date option: an ISO date."""
    day = _iso_day(value)
    if day is None:
        raise argparse.ArgumentTypeError(f"expected a date such as 2019-10-29, not {value!r}")
    return day


def _iso_day(value: Any) -> datetime.date | None:
    """The day an ISO date string names; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return as_day(value)
    except ValueError:
        return None


Failure = Callable[[str], None]
"""Reports an input that could not be read, with its message."""


class _Context(TypedDict):
    """What travels through `pipe` with a document: its name and date (`pipe` reads ``"published"``)."""

    doc: str
    published: datetime.date | None


Read = Iterator[tuple[str, str, datetime.date | None]]
"""``(doc, text, date)`` for each document read."""


def _files(args: argparse.Namespace, fail: Failure) -> Read:
    """``(doc, text, None)`` for each readable file; `fail` names the others."""
    for name, text in _documents(args.files, args.encoding_errors, fail):
        if text is not None:
            yield name, text, None


def _records(args: argparse.Namespace, fail: Failure) -> Read:
    """``(doc, text, date)`` for each document of JSON Lines files, read a line at a time.

    A line that is not UTF-8, not a JSON object with a string text, whose id
    is not a string or an integer, or whose date is not an ISO date is named
    ``FILE:LINE`` and skipped.
    """
    for name in args.files:
        try:
            for number, line in _lines(name, args.encoding_errors):
                record = _record(line, args.text_field, args.id_field, args.date_field)
                if isinstance(record, _Skip):
                    if record.reason:
                        fail(f"quotes: {name}:{number}: {record.reason}")
                    continue
                ident = record.get(args.id_field)
                doc = f"{name}:{number}" if ident is None else str(ident)
                yield doc, record[args.text_field], record.get(args.date_field) if args.date_field else None
        except OSError as err:
            fail(f"quotes: {name}: {err.strerror or err}")


def _lines(name: str, errors: str) -> Iterator[tuple[int, str | UnicodeDecodeError]]:
    """The lines of a JSON Lines file, numbered from 1, each decoded on its own.

    Lines end at ``\\n`` only: JSON allows a raw CR as white space, so it
    never splits a record. A line that is not UTF-8 comes as its decoding
    error (under ``errors="strict"``) and costs no other line.
    """
    with contextlib.nullcontext(sys.stdin.buffer) if name == "-" else open(name, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                yield number, raw.decode("utf-8", errors=errors)
            except UnicodeDecodeError as err:
                yield number, err


@attrs.frozen
class _Skip:
    """A line that is no document, and why (empty when it is blank, which is no error)."""

    reason: str = ""


def _record(
    line: str | UnicodeDecodeError, text_field: str, id_field: str, date_field: str | None = None
) -> dict[str, Any] | _Skip:
    """The JSON object of a line, or why it is not a document."""
    if isinstance(line, UnicodeDecodeError):
        return _Skip(f"not UTF-8 (byte 0x{line.object[line.start]:02x} at column {line.start + 1})")
    if not line.strip():
        return _Skip()
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return _Skip(f"not JSON ({err.msg})")
    if not isinstance(record, dict):
        return _Skip("not a JSON object")
    if not isinstance(record.get(text_field), str):
        return _Skip(f"no string field {text_field!r}")
    ident = record.get(id_field)
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        return _Skip(f"field {id_field!r} is {json.dumps(ident)[:40]}, not a string or an integer")
    if date_field is not None and record.get(date_field) is not None:
        day = _iso_day(record[date_field])
        if day is None:
            return _Skip(f"field {date_field!r} is {json.dumps(record[date_field])[:40]}, not an ISO date")
        record[date_field] = day  # read once: the record carries the day from here on
    return record


def _workers(value: str) -> int:
    """A number of processes: a positive integer, or -1 for one per CPU."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1 and number != -1:
        raise argparse.ArgumentTypeError(f"must be a positive integer or -1, not {value!r}")
    return number


def _render(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write one file's page; name the file and exit 1 if it cannot be read or the page written."""
    [(name, text)] = _documents(
        [args.file], args.encoding_errors, lambda message: print(message, file=stderr)
    )
    if text is None:
        return 1
    title = args.title or headline(text) or ("standard input" if name == "-" else Path(name).name)
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
    """Score every gold line and document that can be scored; name each other one and exit 1."""
    try:
        gold = read_gold(args.gold)
    except OSError as err:
        print(f"quotes: {args.gold}: {err.strerror or err}", file=stderr)
        return 1
    names = documents(gold, args.docdir)
    if not names:
        print(
            f"quotes: {args.docdir}: no .txt documents, and {args.gold} names none: nothing to score",
            file=stderr,
        )
        return 1
    with Progress.on(stderr, len(names), quiet=args.quiet) as progress:
        result = evaluate(
            gold,
            args.docdir,
            names,
            Extractor(),
            warn=lambda message: progress.message(f"quotes: {message}"),
            advance=progress.advance,
        )
    stdout.write(report(result.scores) + "\n")
    return 1 if result.errors else 0


def _export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write the pre-annotations of every readable file; name each other one and exit 1."""
    documents = []
    failed = False
    names: set[str] = set()
    extractor = Extractor()
    for name, text in _documents(
        args.files, args.encoding_errors, lambda message: print(message, file=stderr)
    ):
        if text is None:
            failed = True
            continue
        doc = "stdin.txt" if name == "-" else Path(name).name
        if doc in names:
            print(
                f"quotes: {name}: a second document named {doc!r}; the tools name documents by file name",
                file=stderr,
            )
            return 2
        names.add(doc)
        documents.append((doc, text, extractor(text)))
    try:
        written = export(documents, args.to, args.output)
    except (AnnotationError, OSError) as err:
        print(f"quotes: {err}", file=stderr)
        return 1
    if not args.quiet:
        print(
            f"quotes: {len(documents)} documents for {args.to} in {args.output} ({len(written)} files)",
            file=stderr,
        )
    return 1 if failed else 0


def _import(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write the gold records of a tool's folder; name what cannot be read and exit 1."""
    try:
        records = import_gold(args.tool, args.folder, args.predictions)
        documents = annotated_texts(args.tool, args.folder, args.predictions) if args.docs else {}
        unsafe = [doc for doc in documents if Path(doc).name != doc or doc in ("", ".", "..")]
        if unsafe:
            print(f"quotes: --docs: {unsafe[0]!r} is not a plain file name; nothing written", file=stderr)
            return 1
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(json_lines(records))
        if args.docs is not None:
            folder = Path(args.docs)
            folder.mkdir(parents=True, exist_ok=True)
            for doc, text in documents.items():
                with open(folder / doc, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
    except (AnnotationError, OSError, UnicodeDecodeError) as err:
        print(f"quotes: {err}", file=stderr)
        return 1
    if not args.quiet:
        print(f"quotes: {len(records)} gold quotations written to {args.output}", file=stderr)
    return 0


def _speakers(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the speaker table of quotation rows; name each unreadable file or line and exit 1."""
    rows: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        try:
            for number, line in _lines(name, "strict"):
                record = _record(line, "text", "doc")
                if isinstance(record, _Skip):
                    if record.reason:
                        failed = True
                        print(f"quotes: {name}:{number}: {record.reason}", file=stderr)
                    continue
                rows.append(record)
        except OSError as err:
            failed = True
            print(f"quotes: {name}: {err.strerror or err}", file=stderr)
    if not args.keep_repeats:
        marks = repeated(cluster_ids([row["text"] for row in rows]), [row.get("doc") for row in rows])
        rows = [row for row, mark in zip(rows, marks, strict=True) if not mark]
    table = tally(rows, id="doc", skip_repeats=False)
    if args.format == "table":
        stdout.write(text_table(table, shutil.get_terminal_size((100, 24)).columns))
    elif args.format == "csv":
        writer = csv.writer(stdout, lineterminator="\n")
        writer.writerow(SPEAKER_COLUMNS)
        writer.writerows(attrs.astuple(row) for row in table)
    else:
        stdout.writelines(json.dumps(attrs.asdict(row), ensure_ascii=False) + "\n" for row in table)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code.

    However a run ends, what it wrote stays intact and an ending that is not
    a usage error gets one line on standard error, never a traceback: 130
    after Ctrl-C, 141 when the reader of standard output went away, and 1
    when output cannot be written (a full disk) or a worker process died.
    """
    args = _parser().parse_args(argv)
    commands = {
        "extract": _extract,
        "render": _render,
        "eval": _evaluate,
        "speakers": _speakers,
        "export": _export,
        "import": _import,
    }
    if getattr(args, "format", "") in ("jsonl", "csv"):
        _utf8(sys.stdout)  # data formats are UTF-8 whatever the locale says
    try:
        return commands[args.command](args, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader went away (quotes extract ... | head): stop quietly, as Unix tools do.
        _silence(sys.stdout)
        return 141
    except KeyboardInterrupt:
        _say("quotes: interrupted; the output of every finished document is complete")
        return 130
    except BrokenProcessPool:
        _say("quotes: a worker process died (killed, or out of memory); the output before it is complete")
        return 1
    except OSError as err:  # writing the output failed: the disk is full, the device gone
        _silence(sys.stdout)
        where = err.filename or "cannot write the output"
        _say(f"quotes: {where}: {err.strerror or err}")
        return 1


def _utf8(stream: TextIO) -> None:
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")


def _say(message: str) -> None:
    """One line on standard error, if it can still be written."""
    with contextlib.suppress(OSError):
        print(message, file=sys.stderr, flush=True)


def _silence(stream: TextIO) -> None:
    """Point `stream` at the null device, so that flushing it at exit raises nothing more."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
