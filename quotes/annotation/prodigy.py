"""Prodigy: tasks for the ``rel.manual`` recipe, and its annotations read back.

`write` makes ``quotes.jsonl``, one task per document in the format
Prodigy's relations interface reads: the text, its tokens (spaCy's English
tokenizer, as Prodigy's own ``blank:en``), the labelled ``spans`` and the
``relations`` between them. The speakers' names travel in the task's
``meta`` (``speakers``: the quotation's ``start:end`` and the name), which
Prodigy keeps with the task; a quotation whose span an annotator changed
loses its noted name and takes the words of its speaker mention.

`read` takes ``prodigy db-out`` output, or the tasks themselves: every
``.jsonl`` file of the folder. A task the annotator rejected or ignored is
no gold and is left out.

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

import spacy

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


def read(directory: Path) -> list[Layers]:
    """The accepted documents of every ``.jsonl`` file of `directory`, in file and line order.

    Raises:
        AnnotationError: A line is not a task (not JSON, no text, a span or
            relation without its offsets); the message is ``FILE:LINE`` and why.
    """
    found = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    layers = _layers(line, f"{path}:{number}")
                    if layers is not None:
                        found.append(layers)
    return found


def _layers(line: str, where: str) -> Layers | None:
    """The layers of one task; None for a task that was rejected or ignored."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise AnnotationError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise AnnotationError(f"{where}: not a Prodigy task with a text")
    if item.get("answer", "accept") != "accept":
        return None
    text: str = item["text"]
    meta: dict[str, Any] = item["meta"] if isinstance(item.get("meta"), dict) else {}
    doc = meta.get("doc")
    if not isinstance(doc, str):
        raise AnnotationError(f"{where}: no document name under meta.doc")
    regions: dict[tuple[int, int, str], Region] = {}

    def region(span: object) -> Region:
        if not isinstance(span, dict):
            raise AnnotationError(f"{where}: a span is not an object")
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise AnnotationError(f"{where}: span offsets {start}-{end} are not a span of the text")
        if not isinstance(label, str):
            raise AnnotationError(f"{where}: a span at {start}-{end} has no label")
        key = (start, end, label)
        if key not in regions:
            regions[key] = Region(f"r{len(regions)}", label, start, end)
        return regions[key]

    for span in item.get("spans") or []:
        region(span)
    relations = []
    for relation in item.get("relations") or []:
        if not isinstance(relation, dict) or not isinstance(relation.get("label"), str):
            raise AnnotationError(f"{where}: a relation without a label")
        source, target = region(relation.get("head_span")), region(relation.get("child_span"))
        relations.append(Relation(source.id, target.id, relation["label"]))
    spoken: dict[str, Any] = meta["speakers"] if isinstance(meta.get("speakers"), dict) else {}
    names = {
        r.id: spoken[f"{r.start}:{r.end}"]
        for r in regions.values()
        if isinstance(spoken.get(f"{r.start}:{r.end}"), str)
    }
    return Layers(doc, text, tuple(regions.values()), tuple(relations), names)
