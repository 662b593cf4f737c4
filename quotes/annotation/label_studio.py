"""Label Studio: tasks with predictions to import, and its JSON export read back.

`write` makes ``tasks.json`` (a JSON list of tasks, each document's text
under ``data.text`` and the library's quotations as a prediction) and
``config.xml`` (the labeling configuration to paste into the project's
settings: span labels, relations, and a per-region text box for the
speaker's name). `read` takes Label Studio's "JSON" export: each task's
latest annotation that was not cancelled. A task nobody annotated, or whose
every annotation was cancelled (skipped), is no gold and is left out,
unless ``predictions=True`` asks for its prediction instead (to check an
export, not to score against).

Offsets are Python's, code points: Label Studio counts text offsets in code
points too, emoji included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from quotes import __version__
from quotes.annotation.layers import LABELS, RELATIONS, Layers, Region, Relation
from quotes.errors import AnnotationError

__all__ = ["CONFIG", "read", "task", "write"]

CONFIG = (
    "<View>\n"
    "  <Relations>\n"
    + "".join(f'    <Relation value="{label}"/>\n' for label in RELATIONS)
    + "  </Relations>\n"
    '  <Labels name="label" toName="text">\n'
    + "".join(f'    <Label value="{label}"/>\n' for label in LABELS)
    + "  </Labels>\n"
    '  <Text name="text" value="$text"/>\n'
    '  <TextArea name="speaker" toName="text" perRegion="true" editable="true" maxSubmissions="1"'
    ' placeholder="the speaker, named in full"/>\n'
    "</View>\n"
)
"""The labeling configuration the tasks are written for."""


def write(documents: Iterable[Layers], directory: Path) -> list[Path]:
    """Write ``tasks.json`` and ``config.xml`` into `directory`; return their paths."""
    tasks = [task(layers) for layers in documents]
    paths = [directory / "tasks.json", directory / "config.xml"]
    paths[0].write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    paths[1].write_text(CONFIG, encoding="utf-8")
    return paths


def task(layers: Layers) -> dict[str, Any]:
    """One Label Studio task: the text and name as data, the layers as a prediction."""
    result: list[dict[str, Any]] = []
    for region in layers.regions:
        value = {"start": region.start, "end": region.end, "text": layers.text[region.start : region.end]}
        result.append(_region(region.id, "label", "labels", value | {"labels": [region.label]}))
        if region.id in layers.names:
            result.append(
                _region(region.id, "speaker", "textarea", value | {"text": [layers.names[region.id]]})
            )
    result.extend(
        {
            "type": "relation",
            "from_id": r.source,
            "to_id": r.target,
            "direction": "right",
            "labels": [r.label],
        }
        for r in layers.relations
    )
    prediction = {"model_version": f"quotes {__version__}", "result": result}
    return {"data": {"text": layers.text, "doc": layers.doc}, "predictions": [prediction]}


def _region(id: str, name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": id, "from_name": name, "to_name": "text", "type": kind, "value": value}


def read(directory: Path, predictions: bool = False) -> list[Layers]:
    """The annotated documents of every ``.json`` file of `directory`, in file order.

    A document found twice (the tasks file beside the project's export)
    is taken from its annotated copy.

    Args:
        directory: The folder holding Label Studio's JSON export.
        predictions: Also read a task nobody annotated, as its prediction.

    Raises:
        AnnotationError: A file is not a JSON list of tasks, a task or a
            result item is malformed, or one document is annotated in two
            tasks; the message names the file, the task and what is wrong.
    """
    found: dict[str, tuple[Layers, bool, str]] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            tasks = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise AnnotationError(f"{path}: not a JSON file ({error})") from None
        if not isinstance(tasks, list):
            raise AnnotationError(f"{path}: not a list of Label Studio tasks")
        for number, item in enumerate(tasks, 1):
            where = f"{path}: task {number}"
            doc, text, result, annotated = _task(item, where)
            if result is None or not (annotated or predictions):
                continue
            layers = _layers(doc, text, result, where)
            earlier = found.get(doc)
            if earlier is not None and annotated and earlier[1]:
                raise AnnotationError(
                    f"{where}: {doc!r} is annotated again (first in {earlier[2]}); keep one"
                )
            if earlier is None or (annotated and not earlier[1]):
                found[doc] = (layers, annotated, where)
    return [layers for layers, _, _ in found.values()]


def _task(item: object, where: str) -> tuple[str, str, Sequence[Any] | None, bool]:
    """A task's document name, text, the result to read (None if none) and whether it was annotated."""
    if not isinstance(item, dict):
        raise AnnotationError(f"{where}: not a task object")
    data = item.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise AnnotationError(f"{where}: no text under data.text")
    if not isinstance(data.get("doc"), str):
        raise AnnotationError(f"{where}: no document name under data.doc")
    for key, annotated in (("annotations", True), ("predictions", False)):
        entries = item.get(key) or []
        if not isinstance(entries, list):
            raise AnnotationError(f"{where}: {key} is not a list")
        kept = [entry for entry in entries if isinstance(entry, dict) and not entry.get("was_cancelled")]
        if kept:
            result = kept[-1].get("result") or []
            if not isinstance(result, list):
                raise AnnotationError(f"{where}: the result of its {key[:-1]} is not a list")
            return data["doc"], data["text"], result, annotated
        if entries and annotated:
            return data["doc"], data["text"], None, True  # every annotation cancelled: skipped, no gold
    return data["doc"], data["text"], None, False


def _layers(doc: str, text: str, result: Sequence[Any], where: str) -> Layers:
    """The layers of one task's result."""
    regions: dict[str, Region] = {}
    names: dict[str, str] = {}
    relations: list[Relation] = []
    for number, entry in enumerate(result, 1):
        at = f"{where}, result {number}"
        if not isinstance(entry, dict):
            raise AnnotationError(f"{at}: not an object")
        if entry.get("type") == "relation":
            relations.extend(_relations(entry, at))
        elif entry.get("type") == "labels":
            id, start, end, value = _span(entry, at, len(text))
            for label in _strings(value.get("labels"), "labels", at):
                regions.setdefault(id, Region(id, label, start, end))
        elif entry.get("type") == "textarea" and entry.get("from_name") == "speaker":
            id, _, _, value = _span(entry, at, len(text))
            written = " ".join(_strings(value.get("text"), "text", at)).strip()
            if written:
                names[id] = written
    return Layers(doc, text, tuple(regions.values()), tuple(relations), names)


def _relations(entry: dict[str, Any], where: str) -> list[Relation]:
    """The relations of one result item, one per label."""
    source, target = entry.get("from_id"), entry.get("to_id")
    if not isinstance(source, str) or not isinstance(target, str):
        raise AnnotationError(f"{where}: a relation needs from_id and to_id")
    return [Relation(source, target, label) for label in _strings(entry.get("labels"), "labels", where)]


def _span(entry: dict[str, Any], where: str, length: int) -> tuple[str, int, int, dict[str, Any]]:
    """A region item's id, offsets (checked to lie in the text) and value."""
    id, value = entry.get("id"), entry.get("value")
    if not isinstance(id, str) or not isinstance(value, dict):
        raise AnnotationError(f"{where}: a region needs an id and a value")
    start, end = value.get("start"), value.get("end")
    if type(start) is not int or type(end) is not int:
        raise AnnotationError(f"{where}: start and end must be integers")
    if not 0 <= start <= end <= length:
        raise AnnotationError(f"{where}: offsets {start}-{end} are not a span of the text")
    return id, start, end, value


def _strings(value: object, field: str, where: str) -> list[str]:
    """A list of strings, as Label Studio writes labels and texts; missing is empty."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise AnnotationError(f"{where}: {field} must be a list of strings")
    return value
