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
from types import MappingProxyType
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


def _read_only(names: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy of `names`, so that frozen layers stay frozen."""
    return MappingProxyType(dict(names))


@attrs.frozen
class Layers:
    """One document's annotations.

    Attributes:
        doc: The document's name, as gold records name it.
        text: Its text.
        regions: Labelled spans, quotations first, in order.
        relations: Links between regions.
        names: Speakers' names noted on regions, by region id: on a mention
            (the person it names), or on a quotation.
    """

    doc: str
    text: str
    regions: tuple[Region, ...] = ()
    relations: tuple[Relation, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)


def annotate(doc: str, text: str, quotes: Sequence[Quote]) -> Layers:
    """The layers of a document's quotations: one region per quotation, mention and cue.

    A mention or a cue shared by several quotations ("he said" before two
    quoted sentences) is one region with a relation to each. The speaker's
    name is noted on the mention that names them, so that linking a
    quotation to another mention drops it; on the quotation itself only
    where it has no mention, or its mention already carries another name.

    Example:
        >>> import quotes
        >>> text = '"We are ready," Peskov said.'
        >>> layers = annotate("a.txt", text, quotes.extract(text))
        >>> [(r.label, text[r.start : r.end]) for r in layers.regions], dict(layers.names)
        ([('Direct', 'We are ready,'), ('Speaker', 'Peskov'), ('Cue', 'said')], {'s0': 'Dmitry Peskov'})
    """
    regions = [Region(f"q{i}", _LABEL_OF[q.kind], q.start, q.end) for i, q in enumerate(quotes)]
    others: dict[tuple[str, int, int], str] = {}
    relations = []
    names: dict[str, str] = {}
    for i, quote in enumerate(quotes):
        for label, span, relation in ((SPEAKER, quote.speaker_mention, "speaker"), (CUE, quote.cue, "cue")):
            if span is None:
                continue
            key = (label, span.start, span.end)
            if key not in others:
                others[key] = f"{label[0].lower()}{len(others)}"
                regions.append(Region(others[key], label, span.start, span.end))
            relations.append(Relation(others[key], f"q{i}", relation))
        if quote.speaker is not None:
            mention = quote.speaker_mention
            holder = others[(SPEAKER, mention.start, mention.end)] if mention else f"q{i}"
            if names.setdefault(holder, quote.speaker.name) != quote.speaker.name:
                names[f"q{i}"] = quote.speaker.name
    return Layers(doc, text, tuple(regions), tuple(relations), names)


def gold(layers: Layers) -> list[dict[str, Any]]:
    """The gold records of a document's layers, ordered by offset (docs/gold.md).

    A quotation's speaker is the name noted on the quotation itself; else
    the name noted on its ``speaker`` mention; else the mention's words; with
    no mention, null. A relation joins a mention or cue to a quotation
    whichever way it was drawn. Regions with labels other than `LABELS`, and
    relations to regions that are not there, are left out.
    """
    by_id = {region.id: region for region in layers.regions}
    linked: dict[tuple[str, str], Region] = {}
    for relation in layers.relations:
        ends = [by_id.get(relation.source), by_id.get(relation.target)]
        quoted = [region for region in ends if region is not None and region.label in KIND_LABELS]
        other = [region for region in ends if region is not None and region.label not in KIND_LABELS]
        if relation.label in RELATIONS and len(quoted) == 1 and len(other) == 1:
            linked.setdefault((quoted[0].id, relation.label), other[0])
    records = []
    for region in layers.regions:
        if region.label not in KIND_LABELS:
            continue
        mention = linked.get((region.id, "speaker"))
        cue = linked.get((region.id, "cue"))
        name = layers.names.get(region.id)
        if name is None and mention is not None:
            name = layers.names.get(mention.id) or layers.text[mention.start : mention.end]
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
