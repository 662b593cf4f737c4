"""Score quotations against hand-made gold annotations.

The metrics follow the convention of the project's gold format: a predicted
quote matches a gold one when their spans, trimmed of quotation marks, spaces
and final punctuation, overlap with a Jaccard index of at least 0.6 (direct
and mixed) or 0.4 (indirect); pairs are matched greedily, best overlap first,
one to one. The speaker is right when its name equals the gold name or an
alias (ignoring case, a leading "the" and diacritics) or shares a person's
surname with one. End-to-end scores count a quote only when span and speaker
are both right.

`evaluate` runs a whole evaluation as ``quotes eval`` does, and leaves nothing
out silently. A gold line that is no gold quotation (not UTF-8, not JSON, not
an object, a field missing or of the wrong type, ``start`` after ``end``,
offsets past its document's end) is named ``FILE:LINE`` with the field at
fault and left out of the scores. A document is read only when it is a
regular file inside the document folder: an absolute path, a path that leads
out of the folder (by ``..`` or by a symbolic link), a FIFO, a device, a
missing or unreadable file, or one that is not UTF-8 is named, and left out
of the scores with its gold quotations; the other documents are still
scored.
"""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import attrs

from quotes.errors import Errors
from quotes.model import Quote, QuoteKind

__all__ = [
    "NOT_SURNAMES",
    "DocumentError",
    "Evaluation",
    "Gold",
    "GoldError",
    "GoldQuote",
    "Scores",
    "documents",
    "evaluate",
    "jaccard",
    "load_gold",
    "normalise_name",
    "read_document",
    "read_gold",
    "report",
    "score",
    "speaker_matches",
    "trimmed",
]

_TRIM = frozenset(" \t\n\xa0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a,.;:!?\u2014\u2013-")
_THRESHOLDS = {"direct": 0.6, "indirect": 0.4}
_KINDS = ("direct", "partial", "indirect")
# Never block on open, whatever raced in since the stat; never follow a link swapped in for the file.
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_FILE_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)
NOT_SURNAMES = frozenset({"service", "kremlin", "ministry", "report", "government", "presidents", "leaders"})
"""Last words that name an institution, not a person, so they never match by "surname"."""


@attrs.frozen
class GoldQuote:
    """One hand-annotated quotation of a gold file.

    Attributes:
        doc: The article's file name.
        start: Offset of the quote's first character.
        end: Offset after its last character.
        kind: "direct", "partial" (the library's mixed) or "indirect".
        speaker: The speaker's fullest name, or None.
        speaker_aliases: Other names equally right for this quote.
        speaker_start: Offset of the speaker's mention, where the gold gives it.
        speaker_end: Offset after the speaker's mention, where given.
    """

    doc: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    speaker_start: int | None = None
    speaker_end: int | None = None


@attrs.frozen
class Scores:
    """Precision, recall and F1 of one kind of quotation.

    Attributes:
        gold: Number of gold quotes.
        predicted: Number of predicted quotes.
        matched: Predicted quotes whose span matches a gold quote.
        speaker_right: Matched quotes whose speaker is also right.
    """

    gold: int
    predicted: int
    matched: int
    speaker_right: int

    @property
    def span_p(self) -> float:
        """Span precision."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def span_r(self) -> float:
        """Span recall."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def span_f(self) -> float:
        """Span F1."""
        return _f1(self.span_p, self.span_r)

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes with the right speaker."""
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def e2e_p(self) -> float:
        """End-to-end precision (span and speaker right)."""
        return self.speaker_right / self.predicted if self.predicted else 0.0

    @property
    def e2e_r(self) -> float:
        """End-to-end recall."""
        return self.speaker_right / self.gold if self.gold else 0.0

    @property
    def e2e_f(self) -> float:
        """End-to-end F1."""
        return _f1(self.e2e_p, self.e2e_r)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class GoldError(ValueError):
    """A line of a gold file is no gold quotation.

    The message names the line as ``FILE:LINE``, then the field at fault.
    """


class DocumentError(ValueError):
    """A document cannot be scored: it is refused, missing, unreadable or not UTF-8.

    The message names the document's path in the document folder, then why.
    """


@attrs.frozen
class Gold:
    """The lines of a gold file: the gold quotations, and what is wrong with every other line.

    Attributes:
        path: The gold file, as it was named.
        quotes: Each gold quotation with its line number, in file order.
        errors: A `GoldError` for each line that is no gold quotation, in file order.
    """

    path: str
    quotes: tuple[tuple[int, GoldQuote], ...]
    errors: tuple[GoldError, ...]


def read_gold(path: str | Path) -> Gold:
    """Read a gold file, JSON Lines, keeping every line that is a gold quotation and naming the others.

    Lines end as Python's text files end them, and blank lines are skipped,
    as the reference scorer reads them.

    Args:
        path: The gold file.

    Returns:
        The gold quotations, and a `GoldError` for every other line.

    Raises:
        OSError: The file cannot be opened or read.
    """
    quotes: list[tuple[int, GoldQuote]] = []
    errors: list[GoldError] = []
    # Undecodable bytes come through as lone surrogates, so that one bad line costs no other.
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                found = _gold_line(line, f"{path}:{number}")
                if isinstance(found, GoldError):
                    errors.append(found)
                else:
                    quotes.append((number, found))
    return Gold(str(path), tuple(quotes), tuple(errors))


def load_gold(path: str | Path) -> list[GoldQuote]:
    """Read a gold file, JSON Lines, one annotated quotation per line.

    Args:
        path: The gold file.

    Returns:
        Its gold quotations, in file order.

    Raises:
        GoldError: A line is no gold quotation; the first such line is named.
        OSError: The file cannot be opened or read.
    """
    gold = read_gold(path)
    if gold.errors:
        raise gold.errors[0]
    return [quote for _, quote in gold.quotes]


def _gold_line(line: str, where: str) -> GoldQuote | GoldError:
    """The gold quotation of one line of a gold file, or the error naming `where` and what is wrong."""
    undecodable = [c for c in line if "\udc80" <= c <= "\udcff"]
    if undecodable:
        return GoldError(Errors.E050.format(where=where, byte=ord(undecodable[0]) - 0xDC00))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return GoldError(Errors.E051.format(where=where, reason=error))
    if not isinstance(record, dict):
        return GoldError(Errors.E052.format(where=where, found=_json_type(record)))
    fault = _fault(record)
    if fault is not None:
        return GoldError(Errors.E053.format(where=where, field=fault[0], reason=fault[1]))
    return GoldQuote(
        doc=record["doc"],
        start=record["start"],
        end=record["end"],
        kind=record["kind"],
        speaker=record.get("speaker"),
        speaker_aliases=record.get("speaker_aliases") or (),
        speaker_start=record.get("speaker_start"),
        speaker_end=record.get("speaker_end"),
    )


def _json_type(value: object) -> str:
    """What a JSON value is, with its article: "an array", "a string", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, list):
        return "an array"
    return "a string" if isinstance(value, str) else "a number"


def _shown(value: object) -> str:
    """A JSON value as the gold file has it, cut short; never a character stderr could not write."""
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _offset_fault(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return f"{_shown(value)} is not a non-negative integer"


def _doc_fault(value: object) -> str | None:
    if not isinstance(value, str):
        return f"{_shown(value)} is not a string"
    return "is empty" if not value else None


def _kind_fault(value: object) -> str | None:
    return None if value in _KINDS else f"{_shown(value)} is not one of {', '.join(_KINDS)}"


def _speaker_fault(value: object) -> str | None:
    return None if value is None or isinstance(value, str) else f"{_shown(value)} is not a string or null"


def _aliases_fault(value: object) -> str | None:
    if value is None or (isinstance(value, list) and all(isinstance(alias, str) for alias in value)):
        return None
    return f"{_shown(value)} is not an array of strings"


def _optional_offset_fault(value: object) -> str | None:
    return None if value is None else _offset_fault(value)


_REQUIRED: Mapping[str, Callable[[object], str | None]] = {
    "doc": _doc_fault,
    "start": _offset_fault,
    "end": _offset_fault,
    "kind": _kind_fault,
}
_OPTIONAL: Mapping[str, Callable[[object], str | None]] = {
    "speaker": _speaker_fault,
    "speaker_aliases": _aliases_fault,
    "speaker_start": _optional_offset_fault,
    "speaker_end": _optional_offset_fault,
}


def _fault(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first field of a gold record at fault and what is wrong with it, or None when it is right.

    Only the fields the scores read are checked; others (``quote``, ``cue``,
    ``note``) are the annotator's and left alone.
    """
    for field, check in _REQUIRED.items():
        reason = "missing" if field not in record else check(record[field])
        if reason is not None:
            return field, reason
    for field, check in _OPTIONAL.items():
        reason = check(record.get(field))
        if reason is not None:
            return field, reason
    if record["start"] > record["end"]:
        return "end", f"{record['end']} is before start {record['start']}"
    start, end = record.get("speaker_start"), record.get("speaker_end")
    if (start is None) != (end is None):
        return ("speaker_end", "missing") if end is None else ("speaker_start", "missing")
    if start is not None and end is not None and start > end:
        return "speaker_end", f"{end} is before speaker_start {start}"
    return None


def _past_end(quote: GoldQuote, length: int) -> tuple[str, str] | None:
    """The field of a gold quotation whose offset lies past its document's end, and why; None if none."""
    for field, offset in (("end", quote.end), ("speaker_end", quote.speaker_end)):
        if offset is not None and offset > length:
            return field, f"{offset} is past the end of {quote.doc} ({length} characters)"
    return None


def documents(gold: Gold, folder: str | Path) -> list[str]:
    """The documents an evaluation scores: those the gold names and the ``.txt`` files of `folder`.

    Args:
        gold: The gold file's quotations.
        folder: The document folder.

    Returns:
        The documents' names, relative to `folder`, sorted.
    """
    return sorted(
        {quote.doc for _, quote in gold.quotes} | {path.name for path in Path(folder).glob("*.txt")}
    )


def read_document(folder: str | Path, doc: str) -> str:
    """The text of a document as the gold offsets index it: UTF-8, with universal newlines.

    Only a regular file inside `folder` is read: its type is checked before
    it is opened, so a FIFO or a device is never opened and cannot hang the
    run.

    Args:
        folder: The document folder.
        doc: The document's path relative to `folder`, as a gold line names it.

    Returns:
        The document's text.

    Raises:
        DocumentError: `doc` is an absolute path or leads out of `folder`
            (by ``..`` or a symbolic link), is not a regular file, cannot be
            read, or is not UTF-8.
    """
    try:
        return _read_regular(_inside(folder, doc))
    except DocumentError as error:
        reason = str(error)
    except OSError as error:
        reason = error.strerror or str(error)
    except UnicodeDecodeError as error:
        reason = Errors.E060.format(byte=error.object[error.start], offset=error.start)
    except ValueError as error:  # a NUL, or a character the file system cannot encode
        reason = Errors.E059.format(reason=error)
    raise DocumentError(Errors.E054.format(path=os.path.join(folder, doc), reason=reason))


def _inside(folder: str | Path, doc: str) -> str:
    """The real path of `doc` in `folder`, links followed, refused when it is not inside `folder`."""
    if os.path.isabs(doc) or PurePath(doc).anchor:
        raise DocumentError(Errors.E056)
    root = os.path.realpath(folder)
    path = os.path.realpath(os.path.join(root, doc))
    if os.path.commonpath([root, path]) != root:
        raise DocumentError(Errors.E057.format(folder=folder))
    return path


def _read_regular(path: str) -> str:
    """The text of the regular file `path`; anything else is refused before it is opened."""
    _check_regular(os.stat(path).st_mode)
    with open(os.open(path, _OPEN), encoding="utf-8", newline=None) as handle:
        # The same check on what was opened: a file swapped for a FIFO since the stat is not read.
        _check_regular(os.fstat(handle.fileno()).st_mode)
        return handle.read()


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _FILE_KINDS if test(mode)), "special file")
        raise DocumentError(Errors.E058.format(kind=kind))


@attrs.frozen
class Evaluation:
    """The scores of an evaluation, and what it had to leave out of them.

    Attributes:
        scores: The `Scores` of each kind of quotation, as `score` gives them.
        errors: One message for each gold line and each document left out of
            the scores, in the order they were found; empty when nothing was.
    """

    scores: Mapping[str, Scores]
    errors: tuple[str, ...]


def _ignore(message: str) -> None:
    """Do nothing with `message`: the default when no one is told of errors as they are found."""


def _nothing() -> None:
    """Do nothing: the default when no one counts the documents."""


def evaluate(
    gold: Gold,
    folder: str | Path,
    names: Sequence[str],
    extract: Callable[[str], Iterable[Quote]],
    warn: Callable[[str], None] = _ignore,
    advance: Callable[[], None] = _nothing,
) -> Evaluation:
    """Score the quotations `extract` finds in documents against gold; name everything left out.

    Every document of `names` is read with `read_document` and its quotations
    found. The scores count every gold quotation of the gold file whose line
    is right, whose document could be read, and whose offsets lie within it;
    each other gold line and each document that could not be read is named
    in `Evaluation.errors`, and to `warn` as soon as it is found.

    Args:
        gold: The gold file's quotations, from `read_gold`.
        folder: The document folder.
        names: The documents to score, from `documents`.
        extract: Finds the quotations of a text.
        warn: Called with each error message as it is found.
        advance: Called after each document.

    Returns:
        The scores, and the errors.
    """
    errors = [str(error) for error in gold.errors]
    for message in errors:
        warn(message)
    per_document = Counter(quote.doc for _, quote in gold.quotes)
    texts: dict[str, str] = {}
    predictions: dict[str, list[Quote]] = {}
    for name in names:
        try:
            texts[name] = read_document(folder, name)
        except DocumentError as error:
            errors.append(Errors.E055.format(error=error, count=per_document[name]))
            warn(errors[-1])
        else:
            predictions[name] = list(extract(texts[name]))
        advance()
    scored = []
    # In file order, as the reference scorer has them: the greedy matching breaks ties by that order.
    for number, quote in gold.quotes:
        if quote.doc not in texts:
            continue
        fault = _past_end(quote, len(texts[quote.doc]))
        if fault is None:
            scored.append(quote)
        else:
            errors.append(Errors.E053.format(where=f"{gold.path}:{number}", field=fault[0], reason=fault[1]))
            warn(errors[-1])
    return Evaluation(score(scored, predictions, texts), tuple(errors))


def normalise_name(name: str | None) -> str:
    """A name as the scores compare it: no diacritics, case-folded, no leading "the"."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    name = name.replace("\u2019", "'").strip(" .,")
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.split())


def speaker_matches(predicted: Quote, gold: GoldQuote) -> bool:
    """Whether a predicted quote's speaker is right for a gold quotation.

    Right when the predicted mention overlaps the gold mention's offsets (where
    the gold gives them) or when the speaker's name matches.
    """
    mention = predicted.speaker_mention
    if (
        gold.speaker_start is not None
        and gold.speaker_end is not None
        and mention is not None
        and min(gold.speaker_end, mention.end) > max(gold.speaker_start, mention.start)
    ):
        return True
    return _name_matches(predicted.speaker.name if predicted.speaker else None, gold)


def _name_matches(predicted: str | None, gold: GoldQuote) -> bool:
    if not gold.speaker:
        return False
    name = normalise_name(predicted)
    if not name:
        return False
    names = [n for n in (normalise_name(g) for g in (gold.speaker, *gold.speaker_aliases)) if n]
    if name in names:
        return True
    last = name.split()[-1]
    if len(last) <= 3 or last in NOT_SURNAMES:
        return False
    return any(n.split()[-1] == last and n[0].isalpha() for n in names)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without quotation marks, spaces and final punctuation at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The overlap of two spans over their union."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _group(kind: str) -> str:
    return "indirect" if kind in ("indirect", QuoteKind.INDIRECT.value) else "direct"


def report(scores: Mapping[str, Scores]) -> str:
    """The scores as the project's reference scorer prints them, a line per kind of quotation."""
    lines = []
    for kind, v in scores.items():
        lines.append(
            f"{kind:9s} gold={v.gold:4d} pred={v.predicted:4d} "
            f"span P/R/F={v.span_p:.3f}/{v.span_r:.3f}/{v.span_f:.3f} "
            f"speaker_acc={v.speaker_accuracy:.3f} "
            f"end2end P/R/F={v.e2e_p:.3f}/{v.e2e_r:.3f}/{v.e2e_f:.3f}"
        )
    return "\n".join(lines)


def score(
    gold: Sequence[GoldQuote], predictions: Mapping[str, Iterable[Quote]], texts: Mapping[str, str]
) -> dict[str, Scores]:
    """Score predictions against gold, separately for direct (with mixed) and indirect quotes.

    Args:
        gold: The gold quotations.
        predictions: The predicted quotations of each document, by file name.
        texts: The text of each document, by file name.

    Returns:
        `Scores` under the keys ``"direct"`` and ``"indirect"``.
    """
    results = {}
    for group, threshold in _THRESHOLDS.items():
        golds = [g for g in gold if _group(g.kind) == group]
        preds = [(doc, q) for doc, qs in predictions.items() for q in qs if _group(q.kind.value) == group]
        candidates = []
        for gi, g in enumerate(golds):
            g_span = trimmed(texts[g.doc], g.start, g.end)
            for pi, (doc, q) in enumerate(preds):
                if doc == g.doc:
                    overlap = jaccard(g_span, trimmed(texts[doc], q.start, q.end))
                    if overlap >= threshold:
                        candidates.append((overlap, gi, pi))
        candidates.sort(reverse=True)
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        right = 0
        for _, gi, pi in candidates:
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            right += speaker_matches(preds[pi][1], golds[gi])
        results[group] = Scores(len(golds), len(preds), len(used_gold), right)
    return results
