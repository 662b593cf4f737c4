"""brat: standoff files to annotate in brat, and the corrected files read back.

`write` makes, for each document, ``NAME.txt`` (its text, byte for byte)
and ``NAME.ann`` (standoff annotations), with ``annotation.conf`` declaring
the labels and relations. In ``.ann``: a ``T`` line per region (a span over
several lines is written in fragments, one per line, as brat requires), an
``R`` line per relation (``Arg1`` the mention or cue, ``Arg2`` the
quotation), and an ``AnnotatorNotes`` line holding the name of the speaker
a mention names. `read` takes such a folder back, each ``.ann`` with its
``.txt``. brat names a document by its ``.txt`` file: a name that does not
end in ``.txt`` gets it (``story.md`` is written as ``story.md.txt``) and
comes back with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quotes.annotation.layers import CUE, KIND_LABELS, RELATIONS, SPEAKER, Layers, Region, Relation
from quotes.errors import AnnotationError

__all__ = ["CONFIG", "read", "standoff", "write"]

CONFIG = (
    "[entities]\n"
    + "".join(f"{label}\n" for label in (*KIND_LABELS, SPEAKER, CUE))
    + "\n[relations]\n"
    + f"speaker\tArg1:{SPEAKER}, Arg2:{'|'.join(KIND_LABELS)}\n"
    + f"cue\tArg1:{CUE}, Arg2:{'|'.join(KIND_LABELS)}\n"
    + "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    + "\n[events]\n\n[attributes]\n"
)
"""``annotation.conf``: the entity and relation types, and overlaps allowed (a cue inside a quotation)."""


def write(documents: Iterable[Layers], directory: Path) -> list[Path]:
    """Write each document's ``.txt`` and ``.ann``, and ``annotation.conf``; return their paths.

    Raises:
        AnnotationError: Two documents share a name, or a name is not a
            ``.txt`` file name brat can open.
    """
    paths = [directory / "annotation.conf"]
    paths[0].write_text(CONFIG, encoding="utf-8")
    seen = set()
    for layers in documents:
        stem = layers.doc.removesuffix(".txt")  # "a.txt" is written as a.txt, "story.md" as story.md.txt
        if not stem or "/" in stem or "\\" in stem or stem.startswith(".") or stem in seen:
            raise AnnotationError(
                f"{layers.doc}: not a document name brat can hold here (empty, a path or repeated)"
            )
        seen.add(stem)
        text_path, ann_path = directory / f"{stem}.txt", directory / f"{stem}.ann"
        with text_path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(layers.text)
        ann_path.write_text(standoff(layers), encoding="utf-8")
        paths += [text_path, ann_path]
    return paths


def standoff(layers: Layers) -> str:
    """The ``.ann`` text of a document."""
    number = {region.id: f"T{i}" for i, region in enumerate(layers.regions, 1)}
    lines = []
    for region in layers.regions:
        fragments = _fragments(layers.text, region.start, region.end)
        where = ";".join(f"{start} {end}" for start, end in fragments)
        shown = " ".join(layers.text[start:end] for start, end in fragments)
        lines.append(f"{number[region.id]}\t{region.label} {where}\t{shown}")
    for i, relation in enumerate(layers.relations, 1):
        lines.append(f"R{i}\t{relation.label} Arg1:{number[relation.source]} Arg2:{number[relation.target]}")
    for i, (id, name) in enumerate(layers.names.items(), 1):
        lines.append(f"#{i}\tAnnotatorNotes {number[id]}\t{' '.join(name.split())}")
    return "".join(line + "\n" for line in lines)


# Where Python's str.splitlines ends a line: no fragment of a span may hold one.
_LINE_ENDS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at line ends into the pieces brat writes; one empty piece for an empty span."""
    pieces, begin = [], start
    for i in range(start, end):
        if text[i] in _LINE_ENDS:
            if begin < i:
                pieces.append((begin, i))
            begin = i + 1
    if begin < end or not pieces:
        pieces.append((begin, end) if begin < end else (start, end))
    return pieces


def read(directory: Path) -> list[Layers]:
    """The documents of every ``.ann`` file of `directory`, with their ``.txt``, sorted by name.

    Raises:
        AnnotationError: A ``.txt`` is missing, or an ``.ann`` line is
            malformed; the message is ``FILE:LINE`` and why.
    """
    found = []
    for ann_path in sorted(directory.glob("*.ann")):
        text_path = ann_path.with_suffix(".txt")
        try:
            with text_path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise AnnotationError(
                f"{text_path}: cannot be read as the text of {ann_path.name} ({error})"
            ) from None
        found.append(_layers(text_path.name, text, ann_path))
    return found


def _layers(doc: str, text: str, path: Path) -> Layers:
    """The layers of one ``.ann`` file."""
    regions: dict[str, Region] = {}
    relations: list[Relation] = []
    names: dict[str, str] = {}
    # Lines end at "\n", as brat writes them; not at every line end str.splitlines knows.
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        id, _, rest = line.partition("\t")
        if id.startswith("T"):
            regions[id] = _entity(id, rest, where, len(text))
        elif id.startswith("R"):
            relations.extend(_relation(rest, where))
        elif id.startswith("#"):
            kind, _, note = rest.partition("\t")
            parts = kind.split()
            if len(parts) == 2 and parts[0] == "AnnotatorNotes" and note.strip():
                names[parts[1]] = note.strip()
    return Layers(doc, text, tuple(regions.values()), tuple(relations), names)


def _relation(rest: str, where: str) -> list[Relation]:
    """One ``R`` line's relation, if it is one of `RELATIONS`."""
    label, *arguments = rest.split() or [""]
    found = dict(argument.partition(":")[::2] for argument in arguments)
    if not label or "Arg1" not in found or "Arg2" not in found:
        raise AnnotationError(f"{where}: a relation needs a type, Arg1 and Arg2")
    return [Relation(found["Arg1"], found["Arg2"], label)] if label in RELATIONS else []


def _entity(id: str, rest: str, where: str, length: int) -> Region:
    """One ``T`` line: its label and the span from its first fragment's start to its last's end."""
    kind, _, _ = rest.partition("\t")
    label, _, where_in_text = kind.partition(" ")
    try:
        fragments = [tuple(map(int, piece.split())) for piece in where_in_text.split(";")]
        starts, ends = [f[0] for f in fragments], [f[1] for f in fragments]
    except (ValueError, IndexError):
        raise AnnotationError(f"{where}: {id} has no offsets 'START END' after its label") from None
    start, end = min(starts), max(ends)
    if not 0 <= start <= end <= length:
        raise AnnotationError(f"{where}: {id} offsets {start}-{end} are not a span of the text")
    return Region(id, label, start, end)
