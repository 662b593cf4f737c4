"""Label Studio: tasks with predictions to import, and its JSON export read back.

`write` makes ``tasks.json`` (a JSON list of tasks, each document's text
under ``data.text`` and the library's quotations as a prediction) and
``config.xml`` (the labeling configuration to paste into the project's
settings: span labels, relations, and a per-region text box for the
speaker's name). `read` takes Label Studio's "JSON" export, or the tasks
file itself, and gives each task's latest annotation that was not
cancelled; a task nobody annotated gives its prediction.

Label Studio counts offsets in UTF-16 code units, as JavaScript does; they
are converted both ways, so a text with emoji keeps its offsets right.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from quotes import __version__
from quotes.annotation.layers import LABELS, RELATIONS, Layers, Region, Relation
from quotes.errors import AnnotationError

__all__ = ["CONFIG", "read", "task", "write"]

# A character outside the Basic Multilingual Plane: two UTF-16 code units, one Python character.
_WIDE = re.compile("[\U00010000-\U0010ffff]")

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
    to16 = _Offsets(layers.text).to16
    result: list[dict[str, Any]] = []
    for region in layers.regions:
        value = {
            "start": to16(region.start),
            "end": to16(region.end),
            "text": layers.text[region.start : region.end],
        }
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


def read(directory: Path) -> list[Layers]:
    """The documents of every ``.json`` file of `directory` (Label Studio's JSON export), in file order.

    Raises:
        AnnotationError: A file is not a JSON list of tasks, or a task or a
            result item is malformed; the message names the file, the task
            and what is wrong.
    """
    found: list[Layers] = []
    for path in sorted(directory.glob("*.json")):
        try:
            tasks = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise AnnotationError(f"{path}: not a JSON file ({error})") from None
        if not isinstance(tasks, list):
            raise AnnotationError(f"{path}: not a list of Label Studio tasks")
        found.extend(_layers(item, f"{path}: task {number}") for number, item in enumerate(tasks, 1))
    return found


def _layers(item: object, where: str) -> Layers:
    """The layers of one exported task."""
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise AnnotationError(f"{where}: no text under data.text")
    assert isinstance(item, dict)
    text: str = data["text"]
    doc = data.get("doc")
    if not isinstance(doc, str):
        raise AnnotationError(f"{where}: no document name under data.doc")
    result = _latest(item, where)
    from16 = _Offsets(text).from16
    regions: dict[str, Region] = {}
    names: dict[str, str] = {}
    relations: list[Relation] = []
    for number, entry in enumerate(result, 1):
        at = f"{where}, result {number}"
        if not isinstance(entry, dict):
            raise AnnotationError(f"{at}: not an object")
        if entry.get("type") == "relation":
            source, target, labels = entry.get("from_id"), entry.get("to_id"), entry.get("labels") or []
            if not isinstance(source, str) or not isinstance(target, str) or not isinstance(labels, list):
                raise AnnotationError(f"{at}: a relation needs from_id, to_id and labels")
            relations.extend(Relation(source, target, label) for label in labels if label in RELATIONS)
            continue
        value, id = entry.get("value"), entry.get("id")
        if not isinstance(value, dict) or not isinstance(id, str):
            raise AnnotationError(f"{at}: a region needs an id and a value")
        start, end = _offsets(value, at, from16, len(text))
        if entry.get("type") == "labels":
            for label in value.get("labels") or []:
                regions.setdefault(id, Region(id, label, start, end))
        elif entry.get("type") == "textarea" and entry.get("from_name") == "speaker":
            written = " ".join(part for part in value.get("text") or [] if isinstance(part, str)).strip()
            if written:
                names[id] = written
    return Layers(doc, text, tuple(regions.values()), tuple(relations), names)


def _latest(item: dict[str, Any], where: str) -> Sequence[Any]:
    """The result of a task's latest annotation that was not cancelled, else of its latest prediction."""
    for key in ("annotations", "predictions"):
        entries = item.get(key) or []
        if not isinstance(entries, list):
            raise AnnotationError(f"{where}: {key} is not a list")
        kept = [e for e in entries if isinstance(e, dict) and not e.get("was_cancelled")]
        if kept:
            result = kept[-1].get("result") or []
            if not isinstance(result, list):
                raise AnnotationError(f"{where}: the result of its {key[:-1]} is not a list")
            return result
    return []


def _offsets(
    value: dict[str, Any], where: str, from16: Callable[[int], int | None], length: int
) -> tuple[int, int]:
    """A region's Python offsets from its UTF-16 ones, checked to lie in the text."""
    start, end = value.get("start"), value.get("end")
    if (
        not (isinstance(start, int) and isinstance(end, int))
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        raise AnnotationError(f"{where}: start and end must be integers")
    first, last = from16(start), from16(end)
    if first is None or last is None or not 0 <= first <= last <= length:
        raise AnnotationError(f"{where}: offsets {start}-{end} are not a span of the text")
    return first, last


class _Offsets:
    """Converts between Python offsets (code points) and JavaScript's (UTF-16 code units) in one text."""

    def __init__(self, text: str) -> None:
        self._units: list[int] | None = None
        self._back: dict[int, int] | None = None
        if _WIDE.search(text):
            units = [0]
            for character in text:
                units.append(units[-1] + (2 if ord(character) > 0xFFFF else 1))
            self._units, self._back = units, {unit: offset for offset, unit in enumerate(units)}

    def to16(self, offset: int) -> int:
        """The UTF-16 offset of a Python offset."""
        return offset if self._units is None else self._units[offset]

    def from16(self, offset: int) -> int | None:
        """The Python offset of a UTF-16 offset; None inside a surrogate pair."""
        return offset if self._back is None else self._back.get(offset)
