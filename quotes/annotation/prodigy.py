"""Prodigy: tasks for the ``rel.manual`` recipe, and its annotations read back.

`write` makes ``quotes.jsonl``, one task per document in the format
Prodigy's relations interface reads: the text, its tokens (spaCy's English
tokenizer, as Prodigy's own ``blank:en``), the labelled ``spans`` and the
``relations`` between them. The speakers' names travel in the task's
``meta`` (``speakers``: a region's ``start:end`` and the name, on the
mention that names the speaker), which Prodigy keeps with the task; a
quotation linked to another mention takes that mention's words.

`read` takes ``prodigy db-out`` output: every ``.jsonl`` file of the
folder. A task the annotator rejected or ignored is no gold and is left
out, and so is a task without an answer (one nobody annotated), unless
``predictions=True`` asks for it as it is (to check an export).

Annotate with, for example::

    prodigy rel.manual quotes_gold blank:en quotes.jsonl \\
        --label speaker,cue --span-label Direct,Mixed,Indirect,Speaker,Cue
"""

from __future__ import annotations

import bisect
import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quotes.annotation.layers import Layers, Region, Relation
from quotes.errors import AnnotationError

__all__ = ["read", "task", "write"]


def write(documents: Iterable[Layers], directory: Path) -> list[Path]:
    """Write ``quotes.jsonl`` into `directory`; return its path."""
    path = directory / "quotes.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for layers in documents:
            handle.write(json.dumps(task(layers), ensure_ascii=False) + "\n")
    return [path]


def task(layers: Layers) -> dict[str, Any]:
    """One Prodigy task: text, tokens, spans, relations, and the names in ``meta``."""
    doc = _tokenizer()(layers.text)
    tokens = [
        {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
        for t in doc
    ]
    starts = [token["start"] for token in tokens]
    spans = {region.id: _span(region, starts) for region in layers.regions}
    relations = [
        {
            "head": spans[r.source]["token_end"],
            "child": spans[r.target]["token_end"],
            "head_span": spans[r.source],
            "child_span": spans[r.target],
            "label": r.label,
        }
        for r in layers.relations
    ]
    by_id = {region.id: region for region in layers.regions}
    speakers = {f"{by_id[id].start}:{by_id[id].end}": name for id, name in layers.names.items()}
    return {
        "text": layers.text,
        "meta": {"doc": layers.doc, "speakers": speakers},
        "tokens": tokens,
        "spans": list(spans.values()),
        "relations": relations,
    }


@functools.cache
def _tokenizer() -> Any:
    """spaCy's English tokenizer, as Prodigy's ``blank:en`` tokenizes."""
    import spacy  # here, not at the top: reading annotations back needs no tokenizer

    return spacy.blank("en").tokenizer


def _span(region: Region, starts: list[int]) -> dict[str, Any]:
    """A Prodigy span: character offsets, and the first and last token it touches (inclusive)."""
    first = max(bisect.bisect_right(starts, region.start) - 1, 0)
    last = max(bisect.bisect_left(starts, region.end) - 1, first)
    return {
        "start": region.start,
        "end": region.end,
        "token_start": first,
        "token_end": last,
        "label": region.label,
    }


def read(directory: Path, predictions: bool = False) -> list[Layers]:
    """The accepted documents of every ``.jsonl`` file of `directory`, in file and line order.

    Args:
        directory: The folder holding ``prodigy db-out`` output.
        predictions: Also read a task without an answer, as it is.

    Raises:
        AnnotationError: A line is not a task (not JSON, no text, a span or
            relation without its offsets); the message is ``FILE:LINE`` and why.
    """
    found = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    item = _task(line, f"{path}:{number}")
                    if item.get("answer", "accept" if predictions else None) == "accept":
                        found.append(_layers(item, f"{path}:{number}"))
    return found


def _task(line: str, where: str) -> dict[str, Any]:
    """The JSON object of one line, checked to be a task with a text and a document name."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise AnnotationError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise AnnotationError(f"{where}: not a Prodigy task with a text")
    meta = item.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("doc"), str):
        raise AnnotationError(f"{where}: no document name under meta.doc")
    return item


def _layers(item: dict[str, Any], where: str) -> Layers:
    """The layers of one task: its spans, its relations' spans, and the names noted in meta."""
    text: str = item["text"]
    spans = [_offsets(span, where, len(text)) for span in _list(item.get("spans"), "spans", where)]
    relations = []
    for relation in _list(item.get("relations"), "relations", where):
        if not isinstance(relation, dict) or not isinstance(relation.get("label"), str):
            raise AnnotationError(f"{where}: a relation without a label")
        head = _offsets(relation.get("head_span"), where, len(text))
        child = _offsets(relation.get("child_span"), where, len(text))
        spans += [head, child]
        relations.append((head, child, relation["label"]))
    ids = {span: f"r{number}" for number, span in enumerate(dict.fromkeys(spans))}
    regions = tuple(Region(id, label, start, end) for (start, end, label), id in ids.items())
    meta: dict[str, Any] = item["meta"]
    spoken: dict[str, Any] = meta["speakers"] if isinstance(meta.get("speakers"), dict) else {}
    names = {
        id: spoken[f"{start}:{end}"]
        for (start, end, _), id in ids.items()
        if isinstance(spoken.get(f"{start}:{end}"), str)
    }
    links = tuple(Relation(ids[head], ids[child], label) for head, child, label in relations)
    return Layers(meta["doc"], text, regions, links, names)


def _list(value: object, field: str, where: str) -> list[Any]:
    """A task's list field; missing is empty."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnnotationError(f"{where}: {field} is not a list")
    return value


def _offsets(span: object, where: str, length: int) -> tuple[int, int, str]:
    """A span's (start, end, label), checked to lie in the text."""
    if not isinstance(span, dict):
        raise AnnotationError(f"{where}: a span is not an object")
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise AnnotationError(f"{where}: span offsets {start}-{end} are not a span of the text")
    if not isinstance(label, str):
        raise AnnotationError(f"{where}: a span at {start}-{end} has no label")
    return start, end, label
