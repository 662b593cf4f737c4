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
from typing import Any

from quotes.annotation import brat, label_studio, prodigy
from quotes.annotation.layers import Layers, annotate, gold, gold_record
from quotes.model import Quote

__all__ = ["FORMATS", "export", "gold_record", "import_gold"]

_WRITERS: dict[str, Callable[[Iterable[Layers], Path], list[Path]]] = {
    "label-studio": label_studio.write,
    "prodigy": prodigy.write,
    "brat": brat.write,
}
_READERS: dict[str, Callable[[Path], list[Layers]]] = {
    "label-studio": label_studio.read,
    "prodigy": prodigy.read,
    "brat": brat.read,
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)
"""The annotation tools: ``label-studio``, ``prodigy`` and ``brat``."""


def export(
    documents: Iterable[tuple[str, str, Sequence[Quote]]], format: str, directory: str | Path
) -> list[Path]:
    """Write pre-annotations of documents for an annotation tool.

    Args:
        documents: ``(name, text, quotations)`` for each document; the name
            is what gold records will call it (a file name such as ``a.txt``).
        format: One of `FORMATS`.
        directory: Where to write; made if missing.

    Returns:
        The files written.

    Raises:
        ValueError: `format` is not one of `FORMATS`.
        AnnotationError: brat cannot hold two documents of one name.

    Example:
        >>> import tempfile, quotes
        >>> text = '"We are ready," Peskov said.'
        >>> folder = tempfile.mkdtemp()
        >>> [p.name for p in export([("a.txt", text, quotes.extract(text))], "brat", folder)]
        ['annotation.conf', 'a.txt', 'a.ann']
        >>> import_gold("brat", folder)[0]["speaker"]
        'Dmitry Peskov'
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(FORMATS)}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return writer((annotate(name, text, list(found)) for name, text, found in documents), folder)


def import_gold(format: str, directory: str | Path) -> list[dict[str, Any]]:
    """Read a tool's annotations of a folder back as gold records, document by document.

    Raises:
        ValueError: `format` is not one of `FORMATS`.
        AnnotationError: A file cannot be read as that tool's annotations;
            the message names the file (and line, or task) and why.
    """
    reader = _READERS.get(format)
    if reader is None:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(FORMATS)}")
    return [record for layers in reader(Path(directory)) for record in gold(layers)]


def texts(format: str, directory: str | Path) -> dict[str, str]:
    """Each annotated document's text by its name, as the tool's files hold it."""
    reader = _READERS.get(format)
    if reader is None:
        raise ValueError(f"unknown annotation format {format!r}; expected one of {', '.join(FORMATS)}")
    return {layers.doc: layers.text for layers in reader(Path(directory))}
