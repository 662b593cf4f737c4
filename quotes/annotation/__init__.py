"""A correction loop with annotation tools: pre-annotations out, corrected gold back in.

`export` writes the library's quotations (spans, kinds, speaker mentions,
cues, the relations between them and the speakers' names) as files Label
Studio, Prodigy or brat import as they are; `import_gold` reads the
corrected annotations back as gold records (docs/gold.md), which
``quotes eval`` scores the library against. Exporting and importing without
edits gives back exactly the library's own quotations, as gold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from quotes.annotation import brat, label_studio, prodigy
from quotes.annotation.layers import Layers, annotate, gold, gold_record
from quotes.errors import AnnotationError
from quotes.formats import utf8
from quotes.model import Quote

__all__ = ["FORMATS", "export", "gold_record", "import_gold", "texts"]

_T = TypeVar("_T")

_WRITERS: dict[str, Callable[[Iterable[Layers], Path], list[Path]]] = {
    "label-studio": label_studio.write,
    "prodigy": prodigy.write,
    "brat": brat.write,
}
_READERS: dict[str, Callable[[Path, bool], list[Layers]]] = {
    "label-studio": label_studio.read,
    "prodigy": prodigy.read,
    "brat": lambda folder, predictions: brat.read(folder),
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)
"""The annotation tools: ``label-studio``, ``prodigy`` and ``brat``."""


def export(
    documents: Iterable[tuple[str, str, Sequence[Quote]]], format: str, directory: str | Path
) -> list[Path]:
    """Write pre-annotations of documents for an annotation tool.

    A lone surrogate (``"\\ud800"``), which no file can hold as UTF-8, is
    written as U+FFFD, one character for one, so offsets stay right.

    Args:
        documents: ``(name, text, quotations)`` for each document; the name
            is what gold records will call it (a file name such as ``a.txt``;
            brat adds ``.txt`` to a name without it).
        format: One of `FORMATS`.
        directory: Where to write; made if missing.

    Returns:
        The files written.

    Raises:
        ValueError: `format` is not one of `FORMATS`.
        AnnotationError: Two documents share a name.

    Example:
        >>> import tempfile, quotes
        >>> text = '"We are ready," Peskov said.'
        >>> folder = tempfile.mkdtemp()
        >>> [p.name for p in export([("a.txt", text, quotes.extract(text))], "brat", folder)]
        ['annotation.conf', 'a.txt', 'a.ann']
        >>> import_gold("brat", folder)[0]["speaker"]
        'Dmitry Peskov'
    """
    writer = _tool(_WRITERS, format)
    layers = [annotate(utf8(name), utf8(text), list(found)) for name, text, found in documents]
    _one_each(layers, "two documents are named")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return writer([_utf8_names(one) for one in layers], folder)


def import_gold(format: str, directory: str | Path, predictions: bool = False) -> list[dict[str, Any]]:
    """Read a tool's annotations of a folder back as gold records, document by document.

    Args:
        format: One of `FORMATS`.
        directory: The folder holding the tool's files.
        predictions: Also read tasks nobody annotated, as their predictions
            (Label Studio, Prodigy): to check an export, not to score against.

    Raises:
        ValueError: `format` is not one of `FORMATS`.
        AnnotationError: A file cannot be read as that tool's annotations, or
            a document is annotated twice; the message names the file (and
            line, or task) and why.
    """
    return [record for layers in _read(format, directory, predictions) for record in gold(layers)]


def texts(format: str, directory: str | Path, predictions: bool = False) -> dict[str, str]:
    """Each annotated document's text by its name, as the tool's files hold it.

    Args and errors are those of `import_gold`.
    """
    return {layers.doc: layers.text for layers in _read(format, directory, predictions)}


def _read(format: str, directory: str | Path, predictions: bool) -> list[Layers]:
    reader = _tool(_READERS, format)
    found = reader(Path(directory), predictions)
    _one_each(found, "annotated twice:")
    return found


def _tool(tools: dict[str, _T], format: str) -> _T:
    """The writer or reader of an annotation tool."""
    if format not in tools:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(FORMATS)}")
    return tools[format]


def _one_each(documents: Sequence[Layers], problem: str) -> None:
    """Refuse two documents of one name."""
    seen: set[str] = set()
    for layers in documents:
        if layers.doc in seen:
            raise AnnotationError(f"{problem} {layers.doc!r}; the tools tell documents apart by name")
        seen.add(layers.doc)


def _utf8_names(layers: Layers) -> Layers:
    """The layers with every noted name encodable as UTF-8."""
    return attrs.evolve(layers, names={id: utf8(name) for id, name in layers.names.items()})
