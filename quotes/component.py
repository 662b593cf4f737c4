"""The ``quotes`` spaCy component: quotations as a span group of the `Doc`.

Add it to any English pipeline, blank or trained::

    nlp = spacy.blank("en")
    nlp.add_pipe("quotes")
    doc = nlp(text)
    doc.spans["quotes"]  # one span per quotation: label = kind, kb_id = speaker id
    doc._.quotes  # the same quotations as `quotes.Quote` objects

The config's ``spans_key`` names the span group; ``doc._.quotes`` finds the
group whatever its key, and is registered when `quotes` is imported.
Speakers added with `QuoteComponent.add_registry` are saved with the
pipeline by ``nlp.to_disk`` and restored by ``spacy.load``. A pipeline of another language than English is
refused with an error naming it.

The article's date, which decides who held a role ("the foreign minister"),
is read from ``doc._.published`` where that extension is set, else from
``doc.user_data["published"]`` (a `datetime.date` or an ISO string); the
config's ``date_attr`` renames both.

The factory is registered in spaCy's registry through the ``spacy_factories``
entry point, so ``add_pipe("quotes")`` needs no import. The exact
`Quote.to_dict` of every quotation is kept in the span group's ``attrs``,
which spaCy serialises with the group, so a `DocBin` keeps every field
without ``store_user_data``. On a trained pipeline the component reads the
doc's own entities and dependency parse; it never runs a pipeline itself.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example

from quotes import _extension
from quotes.errors import Errors
from quotes.extract import Extractor
from quotes.model import Quote, QuoteKind, Speaker
from quotes.registry import Registry, as_registry, default_registry

__all__ = [
    "SPANS_KEY",
    "QuoteComponent",
    "covering_span",
    "make_quotes",
    "quote_span",
    "quotes_of",
    "register_extension",
    "stored_group",
]

SPANS_KEY = "quotes"
"""The key of the span group in ``doc.spans``, and the name of ``doc._.quotes``."""
_ATTRS_KEY = "quotes"
DATE_ATTR = "published"
"""Where a doc keeps its article's date by default: ``doc._.published`` or ``doc.user_data["published"]``."""
_ALL_KINDS = [kind.value for kind in QuoteKind]
_REGISTRY_FILE = "registry.toml"


class QuoteComponent:
    """Finds the quotations of each doc and stores them in ``doc.spans[spans_key]``.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component's name in the pipeline.
        kinds: Which kinds of quotation to find.
        registry: The known speakers.
        speakers: How speakers are chosen: "ranker" or "rules" (`quotes.Extractor`).
        date_attr: Where a doc keeps its article's date: the extension
            ``doc._.<date_attr>`` if registered, else ``doc.user_data[date_attr]``.
        spans_key: The key of the span group in ``doc.spans``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotes",
        *,
        kinds: Iterable[QuoteKind | str] = tuple(QuoteKind),
        registry: Registry | None = None,
        speakers: str = "ranker",
        date_attr: str = DATE_ATTR,
        spans_key: str = SPANS_KEY,
    ):
        self.name = name
        self.kinds = tuple(kinds)
        self.speakers = speakers
        self.extractor = Extractor(kinds=self.kinds, registry=registry, speakers=speakers)
        self.date_attr = date_attr
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotations of `doc`, then store them on it."""
        self.set_annotations(doc, self.extractor.from_doc(doc, self.published(doc)))
        return doc

    def published(self, doc: Doc) -> Any:
        """The date `doc` carries for its article, or None."""
        if Doc.has_extension(self.date_attr):
            value = getattr(doc._, self.date_attr)
            if value is not None:
                return value
        return doc.user_data.get(self.date_attr)

    def set_annotations(self, doc: Doc, found: list[Quote]) -> None:
        """Store `found` in ``doc.spans[spans_key]``: one span each, their dictionaries in its attrs."""
        spans = [quote_span(doc, quote) for quote in found]
        doc.spans[self.spans_key] = SpanGroup(
            doc,
            name=self.spans_key,
            attrs={_ATTRS_KEY: [quote.to_dict() for quote in found]},
            spans=spans,
        )

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Precision, recall and F-score of the quotation spans and their kinds.

        Returns:
            ``spans_<key>_p``, ``spans_<key>_r``, ``spans_<key>_f`` and
            ``spans_<key>_per_type``, as spaCy's `Scorer.score_spans` computes them.
        """
        key = self.spans_key
        scores: dict[str, Any] = Scorer.score_spans(
            examples,
            attr=f"spans_{key}",
            getter=lambda doc, _: doc.spans.get(key, []),
            has_annotation=lambda doc: key in doc.spans,
            allow_overlap=True,
            **kwargs,
        )
        return scores

    def add_registry(self, registry: Registry | str | os.PathLike[str]) -> None:
        """Merge speakers into this component's registry (theirs win where ids clash).

        Unlike the ``registry`` config key, which names a file that must be
        there whenever the pipeline is loaded, speakers added here are saved
        with the pipeline by ``nlp.to_disk`` and restored by ``spacy.load``.

        Args:
            registry: A `Registry`, or the path of a TOML registry file.

        Raises:
            RegistryError: The file cannot be read or is malformed.
        """
        added = registry if isinstance(registry, Registry) else Registry.load(registry)
        self._use(self.extractor.registry.merge(added))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The registry entries this component adds to the default registry, as TOML (UTF-8)."""
        return self._own_entries().to_toml().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuoteComponent:
        """Restore the registry entries `to_bytes` wrote, merged into the default registry."""
        self._use(
            default_registry().merge(Registry.from_toml(data.decode("utf-8"), f"{self.name} component"))
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``registry.toml`` into `path`: the entries this component adds to the default registry."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _REGISTRY_FILE).write_text(self._own_entries().to_toml(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteComponent:
        """Read back what `to_disk` wrote; a folder without it leaves the registry as it is.

        Raises:
            RegistryError: ``registry.toml`` is malformed.
        """
        file = Path(path) / _REGISTRY_FILE
        if file.exists():
            self._use(default_registry().merge(Registry.load(file)))
        return self

    def _own_entries(self) -> Registry:
        """The entries of this component's registry that the default registry lacks or has otherwise."""
        default = set(default_registry().entries)
        return Registry([entry for entry in self.extractor.registry.entries if entry not in default])

    def _use(self, registry: Registry) -> None:
        """Rebuild the extractor with `registry`."""
        self.extractor = Extractor(kinds=self.kinds, registry=registry, speakers=self.speakers)


@Language.factory(
    "quotes",
    assigns=["doc.spans"],
    default_config={
        "kinds": _ALL_KINDS,
        "registry": None,
        "speakers": "ranker",
        "date_attr": DATE_ATTR,
        "spans_key": SPANS_KEY,
    },
    default_score_weights={
        f"spans_{SPANS_KEY}_f": 1.0,
        f"spans_{SPANS_KEY}_p": 0.0,
        f"spans_{SPANS_KEY}_r": 0.0,
        f"spans_{SPANS_KEY}_per_type": None,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    kinds: list[str],
    registry: str | None,
    speakers: str = "ranker",
    date_attr: str = DATE_ATTR,
    spans_key: str = SPANS_KEY,
) -> QuoteComponent:
    """Factory of the ``quotes`` component.

    Args:
        nlp: The pipeline; its language must be English.
        name: The component's name.
        kinds: Which kinds to find: any of "direct", "mixed", "indirect".
        registry: Path of a TOML registry file merged into the default
            registry (its entries win where ids clash), or None.
        speakers: "ranker" (the learned ranker) or "rules" (the patterns alone).
        date_attr: Where each doc keeps its article's date (`QuoteComponent`).
        spans_key: The key of the span group in ``doc.spans``.

    Raises:
        ValueError: The pipeline is not English, or a kind, or the way of
            choosing speakers, is unknown.
        RegistryError: The registry file is malformed.
    """
    if nlp.lang != "en":
        raise ValueError(Errors.E067.format(lang=nlp.lang, name=name))
    checked = [_kind(kind) for kind in kinds]
    known = as_registry(registry)
    register_extension()
    return QuoteComponent(
        nlp, name, kinds=checked, registry=known, speakers=speakers, date_attr=date_attr, spans_key=spans_key
    )


def register_extension() -> None:
    """Register ``doc._.quotes`` (the quotations stored on a doc), once; `import quotes` arranges it."""
    _extension.register()


def _kind(value: str) -> QuoteKind:
    try:
        return QuoteKind(value)
    except ValueError:
        raise ValueError(Errors.E003.format(value=value, choices=", ".join(_ALL_KINDS))) from None


def stored_group(doc: Doc) -> SpanGroup | None:
    """The span group the component stored on `doc`: under ``"quotes"``, else under any key
    whose group carries the component's records (a custom ``spans_key``); None if it has not run."""
    group: SpanGroup | None = doc.spans.get(SPANS_KEY)
    if group is not None:
        return group
    return next((other for other in doc.spans.values() if _ATTRS_KEY in other.attrs), None)


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotations the component stored on `doc`: the getter of ``doc._.quotes``.

    Reads the exact dictionaries in the span group's attrs. A span the
    component made but whose dictionary is gone (a group built by hand, or
    edited since) is rebuilt from the span: kind from the label, speaker from
    the kb_id, text and offsets from the span. A span whose label is not a
    kind of quotation ("direct", "mixed", "indirect") is not one of the
    component's, and is skipped.

    Returns:
        The quotations in order; empty where the component has not run.
    """
    group = stored_group(doc)
    if group is None:
        return []
    stored = group.attrs.get(_ATTRS_KEY)
    records = [data for data in stored if isinstance(data, Mapping)] if isinstance(stored, list) else []
    if len(records) == len(group) and all(map(_is_record_of, group, records)):
        return [Quote.from_dict(data) for data in records]  # as the component left it
    return _matched(doc, group, records)


def _is_record_of(span: Span, data: Mapping[str, Any]) -> bool:
    """Whether `data` may be the dictionary of the quotation the component made `span` for."""
    kb_id = _kb_id(data.get("speaker_id"), data.get("speaker"))
    return span.label_ == data.get("kind") and span.kb_id_ == kb_id


def _matched(doc: Doc, group: SpanGroup, records: list[Mapping[str, Any]]) -> list[Quote]:
    """The quotations of an edited group: each span's stored quotation, else what the span holds."""
    by_span: dict[tuple[int, int, str, str], list[Quote]] = {}
    for data in records:
        quote = Quote.from_dict(data)
        span = quote_span(doc, quote)
        by_span.setdefault((span.start, span.end, span.label_, span.kb_id_), []).append(quote)
    found = []
    for span in group:
        if span.label_ not in _ALL_KINDS:
            continue  # someone else's span: the component makes only quote kinds
        same = by_span.get((span.start, span.end, span.label_, span.kb_id_))
        found.append(same.pop(0) if same else _from_span(span))
    return found


def _from_span(span: Span) -> Quote:
    return Quote(
        text=span.doc.text[span.start_char : span.end_char],
        start=span.start_char,
        end=span.end_char,
        kind=span.label_,
        speaker=Speaker(span.kb_id_) if span.kb_id_ else None,
    )


def quote_span(doc: Doc, quote: Quote) -> Span:
    """The span of `doc` for `quote`: label = its kind, kb_id = its speaker's registry id (the
    name of a speaker nobody registered; "" without a speaker)."""
    speaker = quote.speaker
    kb_id = _kb_id(speaker.id, speaker.name) if speaker is not None else ""
    return covering_span(doc, quote.start, quote.end, label=quote.kind.value, kb_id=kb_id)


def _kb_id(ident: Any, name: Any) -> str:
    """The kb_id of a speaker: the registry id, else the name, else ""."""
    return str(ident or name or "")


def covering_span(doc: Doc, start: int, end: int, *, label: str = "", kb_id: str = "") -> Span:
    """The span of every token that characters ``start..end`` of `doc` overlap.

    An empty range overlaps no token: its span is empty, at its position.
    """
    if start < end:
        span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
        if span is not None:
            return span
    # spaCy gives None, or the token after it, for an empty range.
    first = bisect.bisect_right([token.idx + len(token) for token in doc], start)
    last = max(first, bisect.bisect_left([token.idx for token in doc], end))
    return Span(doc, first, last, label=label, kb_id=kb_id)
