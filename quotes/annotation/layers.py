"""What every annotation tool holds of a document: labelled spans, relations between them, names.

`annotate` turns the library's quotations into these layers; `gold` turns
layers, as a tool gives them back, into gold records (docs/gold.md). Each
tool module only translates the layers to and from its own files.

Labels: a quotation is ``Direct``, ``Mixed`` or ``Indirect``; the words that
name its speaker are ``Speaker``; its reporting words ``Cue``. A relation
``speaker`` runs from a mention to its quotation, ``cue`` from a cue to its
quotation. A quotation's speaker, as the registry or the article names them
in full, is a note on the quotation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from quotes.model import Quote, QuoteKind

__all__ = [
    "CUE",
    "KIND_LABELS",
    "LABELS",
    "RELATIONS",
    "SPEAKER",
    "Layers",
    "Region",
    "Relation",
    "annotate",
    "gold",
    "gold_record",
]

KIND_LABELS: Mapping[str, str] = {"Direct": "direct", "Mixed": "partial", "Indirect": "indirect"}
"""Quotation labels and the gold kind each stands for (the library's mixed is the gold's partial)."""
SPEAKER = "Speaker"
"""The label of the words naming a quotation's speaker."""
CUE = "Cue"
"""The label of a quotation's reporting words."""
LABELS: tuple[str, ...] = (*KIND_LABELS, SPEAKER, CUE)
"""Every span label, in the order tools list them."""
RELATIONS: tuple[str, ...] = ("speaker", "cue")
"""Relation labels: mention to quotation, cue to quotation."""

_LABEL_OF = {QuoteKind.DIRECT: "Direct", QuoteKind.MIXED: "Mixed", QuoteKind.INDIRECT: "Indirect"}


@attrs.frozen
class Region:
    """A labelled span of a document.

    Attributes:
        id: Unique within its document.
        label: One of `LABELS`.
        start: Offset of its first character (Python str offsets).
        end: Offset after its last character.
    """

    id: str
    label: str
    start: int
    end: int


@attrs.frozen
class Relation:
    """A labelled link from one region to another (mention or cue to quotation)."""

    source: str
    target: str
    label: str


@attrs.frozen
class Layers:
    """One document's annotations.

    Attributes:
        doc: The document's name, as gold records name it.
        text: Its text.
        regions: Labelled spans, quotations first, in order.
        relations: Links between regions.
        names: The speaker's name noted on a quotation region, by its id.
    """

    doc: str
    text: str
    regions: tuple[Region, ...] = ()
    relations: tuple[Relation, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=dict)


def annotate(doc: str, text: str, quotes: Sequence[Quote]) -> Layers:
    """The layers of a document's quotations: one region per quotation, mention and cue.

    A mention or a cue shared by several quotations ("he said" before two
    quoted sentences) is one region with a relation to each.

    Example:
        >>> import quotes
        >>> text = '"We are ready," Peskov said.'
        >>> layers = annotate("a.txt", text, quotes.extract(text))
        >>> [(r.label, text[r.start : r.end]) for r in layers.regions], layers.names
        ([('Direct', 'We are ready,'), ('Speaker', 'Peskov'), ('Cue', 'said')], {'q0': 'Dmitry Peskov'})
    """
    regions = [Region(f"q{i}", _LABEL_OF[q.kind], q.start, q.end) for i, q in enumerate(quotes)]
    others: dict[tuple[str, int, int], str] = {}
    relations = []
    for i, quote in enumerate(quotes):
        for label, span, relation in ((SPEAKER, quote.speaker_mention, "speaker"), (CUE, quote.cue, "cue")):
            if span is None:
                continue
            key = (label, span.start, span.end)
            if key not in others:
                others[key] = f"{label[0].lower()}{len(others)}"
                regions.append(Region(others[key], label, span.start, span.end))
            relations.append(Relation(others[key], f"q{i}", relation))
    names = {f"q{i}": q.speaker.name for i, q in enumerate(quotes) if q.speaker is not None}
    return Layers(doc, text, tuple(regions), tuple(relations), names)


def gold(layers: Layers) -> list[dict[str, Any]]:
    """The gold records of a document's layers, ordered by offset (docs/gold.md).

    A quotation's speaker is the name noted on it; without one, the words of
    its ``speaker`` mention; without a mention, null. Regions with labels
    other than `LABELS`, and relations to regions that are not there, are
    left out.
    """
    by_id = {region.id: region for region in layers.regions}
    linked: dict[tuple[str, str], Region] = {}
    for relation in layers.relations:
        source = by_id.get(relation.source)
        if source is not None and relation.label in RELATIONS:
            linked.setdefault((relation.target, relation.label), source)
    records = []
    for region in layers.regions:
        if region.label not in KIND_LABELS:
            continue
        mention = linked.get((region.id, "speaker"))
        cue = linked.get((region.id, "cue"))
        name = layers.names.get(region.id)
        if name is None and mention is not None:
            name = layers.text[mention.start : mention.end]
        records.append(_record(layers, region, name, mention, cue))
    return sorted(records, key=lambda record: (record["start"], record["end"]))


def gold_record(doc: str, text: str, quote: Quote) -> dict[str, Any]:
    """The gold record of one of the library's quotations, as exporting and importing it gives it back."""
    [record] = gold(annotate(doc, text, [quote]))
    return record


def _record(
    layers: Layers, quote: Region, name: str | None, mention: Region | None, cue: Region | None
) -> dict[str, Any]:
    """One gold record, its fields in the order of docs/gold.md."""
    text = layers.text
    return {
        "doc": layers.doc,
        "quote": text[quote.start : quote.end],
        "start": quote.start,
        "end": quote.end,
        "kind": KIND_LABELS[quote.label],
        "speaker": name,
        "speaker_aliases": [],
        "speaker_mention": text[mention.start : mention.end] if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "cue": text[cue.start : cue.end] if cue else None,
    }
