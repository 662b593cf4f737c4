"""`extract` and `Extractor`: every quotation of a document, in order."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from quotes import unchecked
from quotes.attribution import Attribution, Document, Evidence, attribute
from quotes.dates import NO_DATE, ArticleDate, article_date
from quotes.direct import Context, classify
from quotes.errors import Errors
from quotes.indirect import reported_speech, reports
from quotes.layout import paragraphs
from quotes.marks import Bounds, QuotedSpan, outermost_quotations
from quotes.mentions import Found, names
from quotes.model import Quote, QuoteKind, Speaker, SpeakerKind
from quotes.ranking.model import SpeakerModel, load_model
from quotes.ranking.rank import Choices, Ranked, choices, rank
from quotes.registry import Registry, as_registry
from quotes.resolve import HISTORY_BACK, Resolved, Resolver
from quotes.sentences import sentences
from quotes.trained import merge_entities, verb_subjects

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "extract"]

# How sure a quotation is speech at all, by kind, and how strong each kind of
# evidence for its speaker is; a quote's confidence is their product with the
# certainty of resolving the mention (1 for a name, less for "he").
_KIND = {QuoteKind.DIRECT: 1.0, QuoteKind.MIXED: 0.9, QuoteKind.INDIRECT: 0.85}
_EVIDENCE = {
    Evidence.TAIL: 0.95,
    Evidence.HEAD: 0.9,
    Evidence.SUBJECT: 0.7,
    Evidence.NEXT_SENTENCE: 0.75,
    Evidence.CONTINUATION: 0.8,
}
_NO_SPEAKER = 0.5
_SPEAKERS = ("ranker", "rules")


class Extractor:
    """Finds quotations with one fixed configuration.

    Args:
        nlp: An optional trained spaCy pipeline; without one the extractor
            needs no model at all.
        kinds: Which kinds of quotation to return; all by default.
        registry: The known speakers: a `Registry`, or the path of a TOML
            registry file merged into the default registry (its entries win
            where ids clash); the default registry if not given. A file is
            read and checked here, not at the first call.
        speakers: How a direct or mixed quotation's speaker is chosen:
            "ranker" (the default) ranks every candidate mention near it with the
            learned model of `quotes.ranking`, where the patterns of
            `quotes.attribution` are unsure, and its confidence is the calibrated
            probability that span and speaker are right; "rules" keeps the first
            mention the patterns find, about 1.4 times as fast and far less often
            right on news unlike the development set (see docs/attribution.md).
        model: The speaker model for the ranker; the package's by default.

    Raises:
        RegistryError: The registry file cannot be read or is malformed.
        TypeError: `registry` is neither a `Registry` nor a path.

    Example:
        >>> from quotes import Extractor
        >>> Extractor()('"We are ready," he said.')[0].text
        'We are ready,'
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        kinds: Iterable[QuoteKind | str] = tuple(QuoteKind),
        registry: Registry | str | os.PathLike[str] | None = None,
        speakers: str = "ranker",
        model: SpeakerModel | None = None,
    ):
        if speakers not in _SPEAKERS:
            raise ValueError(Errors.E015.format(value=speakers, choices=", ".join(_SPEAKERS)))
        self.nlp = nlp
        self.kinds = frozenset(QuoteKind(kind) for kind in kinds)
        self.registry = as_registry(registry)
        self.speakers = speakers
        self.model = model if model is not None or speakers == "rules" else load_model()

    def __call__(self, text: str, published: datetime.date | str | None = None) -> list[Quote]:
        """Return every quotation of `text`, in order of position.

        Args:
            text: The document; any `str` is valid.
            published: The article's date (a `datetime.date` or an ISO string): a
                role ("the Turkish foreign minister") names whoever held it that day.
                Without it, a date the article states in its dateline is used; with
                none, a role names a registered person only where one person ever
                held it.

        Raises:
            TypeError: `text` is not a `str`, or `published` no date.
            ValueError: `published` is a string but not an ISO date.
        """
        _check_text(text)
        date = article_date(text, published)
        return self._extract(text, self.nlp(text) if self.nlp is not None else None, date)

    def from_doc(self, doc: Doc, published: datetime.date | str | None = None) -> list[Quote]:
        """Return every quotation of a processed `Doc`, in order of position.

        The doc's own entities and dependency parse are used where it has them
        (a doc from a trained pipeline); the extractor's `nlp` is not run.
        `published` is as for `__call__`.
        """
        return self._extract(doc.text, doc, article_date(doc.text, published))

    def speaker_choices(self, text: str) -> list[Choices]:
        """The candidate speakers of each direct or mixed quotation of `text`, with their
        features: what the ranker chooses among, for training and inspection."""
        _check_text(text)
        document, speech, plain_names = self._analyse(text, self.nlp(text) if self.nlp is not None else None)
        return choices(speech, *_ranker_view(document, speech, plain_names))

    def _analyse(
        self, text: str, doc: Doc | None
    ) -> tuple[Document, list[tuple[QuotedSpan, QuoteKind]], list[Found]]:
        """The document, its direct and mixed quotations, and the names found without a
        trained model (the document's own names where there is none)."""
        paras = paragraphs(text)
        quoted = outermost_quotations(text, paras)  # as offsets in arrays: a few bytes for each
        context = Context(
            text=text,
            sentences=sentences(text, paras),
            paragraphs=paras,
            quoted=quoted.bounds,
        )
        speech: list[tuple[QuotedSpan, QuoteKind]] = []
        for span in quoted:
            kind = classify(span, context)
            if kind is not None and kind in self.kinds:
                speech.append((span, kind))
        found_names = plain_names = names(text, context.quoted)
        subjects: dict[int, tuple[int, int]] = {}
        if doc is not None:
            if doc.has_annotation("ENT_IOB"):
                found_names = merge_entities(found_names, doc)
            if doc.has_annotation("DEP"):
                subjects = verb_subjects(doc)
        document = Document(
            text=text,
            sentences=context.sentences,
            paragraphs=paras,
            quoted=context.quoted,
            names=found_names,
            subjects=subjects,
        )
        return document, speech, plain_names

    def _extract(self, text: str, doc: Doc | None, date: ArticleDate = NO_DATE) -> list[Quote]:
        """The quotations of `text`, with what a processed `doc` of it adds, its roles
        resolved on `date`."""
        document, speech, plain_names = self._analyse(text, doc)
        ranked: list[Ranked | None] = [None] * len(speech)
        if self.model is not None and self.speakers == "ranker":
            ranked = list(rank(speech, *_ranker_view(document, speech, plain_names), self.model))
            attributions = [r.attribution if r is not None else None for r in ranked]
        else:
            attributions = _rules(document, speech)
        resolver = Resolver(text, document.names, self.registry, document.sentences, date.day)
        items: list[tuple[int, int, QuoteKind, Attribution | None, Ranked | None]] = [
            (span.start, span.end, kind, attribution, choice)
            for (span, kind), attribution, choice in zip(speech, attributions, ranked, strict=True)
        ]
        if QuoteKind.INDIRECT in self.kinds:
            items.extend(
                (r.start, r.end, QuoteKind.INDIRECT, r.attribution, None)
                for r in reported_speech(document)
                if not _within(r.start, r.end, document.quoted)
            )
            items.sort(key=lambda item: (item[0], item[1]))
        del speech, attributions, ranked  # what is left of them is in `items`
        history: list[tuple[int, Resolved]] = []
        found = []
        shared = _Shared()
        items.reverse()
        while items:  # each item is let go as it becomes a quotation: a text of many holds each once
            start, end, kind, attribution, choice = items.pop()
            resolved = _resolve(attribution, resolver, history)
            if choice is None:
                found.append(_quote(text, start, end, kind, attribution, resolved, date, shared))
            else:
                precision = self.model.span_precision.get(kind.value, 1.0) if self.model is not None else 1.0
                found.append(_ranked_quote(text, start, end, kind, choice, resolved, precision, date, shared))
        return found


def _rules(document: Document, speech: Sequence[tuple[QuotedSpan, QuoteKind]]) -> list[Attribution | None]:
    """The rules' attribution of each direct or mixed quotation."""
    return attribute([span for span, _ in speech], document, functools.partial(reports, document))


def _ranker_view(
    document: Document, speech: Sequence[tuple[QuotedSpan, QuoteKind]], plain_names: list[Found]
) -> tuple[Document, list[Attribution | None]]:
    """The document and the rules' attributions as the ranker reads them.

    The ranker learned from what the rules find without a trained model (their
    attribution is one of its features), so it reads that, and a pipeline cannot
    change its choices; the rules alone, and reported speech, gain from the
    pipeline's entities and parse.
    """
    if document.names is not plain_names or document.subjects:
        document = dataclasses.replace(document, names=plain_names, subjects={})
    return document, _rules(document, speech)


def _resolve(
    attribution: Attribution | None, resolver: Resolver, history: list[tuple[int, Resolved]]
) -> Resolved | None:
    """Resolve an attribution's mention, remembering it for later pronouns and documents."""
    if attribution is None or attribution.mention is None:
        return None
    mention = attribution.mention
    if attribution.evidence is Evidence.CONTINUATION and history and history[-1][0] == mention.start:
        return history[-1][1]
    resolved = resolver.resolve(attribution.referent or mention, history)
    if resolved is not None:
        history.append((mention.start, resolved))
        if len(history) > 2 * HISTORY_BACK:  # only the latest are read: a text of many quotations keeps few
            del history[:-HISTORY_BACK]
    return resolved


def _within(start: int, end: int, quoted: Bounds) -> bool:
    """Whether ``start..end`` lies inside one quotation (a paraphrase quoted by someone else)."""
    index = quoted.first_after(start) - 1  # the quotation opening last at or before `start`
    return index >= 0 and end <= quoted.ends[index]


def _quote(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    attribution: Attribution | None,
    resolved: Resolved | None,
    date: ArticleDate,
    shared: _Shared,
) -> Quote:
    """Build the `Quote` of one span and what was found about its speaker, resolved on `date`."""
    confidence = _KIND[kind] * _NO_SPEAKER
    mention = cue = None
    if attribution is not None:
        if attribution.cue is not None:
            found_cue = attribution.cue
            cue_text = shared.word(text[found_cue.start : found_cue.end])
            cue = unchecked.cue(cue_text, found_cue.lemma, found_cue.start, found_cue.end)
        if attribution.mention is not None and resolved is not None:
            found = attribution.mention
            mention = unchecked.mention(shared.word(text[found.start : found.end]), found.start, found.end)
            confidence = _KIND[kind] * _EVIDENCE[attribution.evidence] * resolved.certainty
    # built unchecked: every part is right by construction (`quotes.unchecked`)
    speaker = resolved.speaker if resolved is not None else None
    return unchecked.quote(
        text[start:end], start, end, kind, speaker, mention, cue, round(confidence, 3), date.day, date.source
    )


class _Shared:
    """One object for each equal word and unresolved speaker of a document's quotations.

    A document repeats its cues and mentions ("said", "he"): each quotation that
    holds the same strings and the same frozen `Speaker` as the others costs about
    a hundred bytes less than one that holds copies, and a text of many short
    quotations holds tens of thousands of them.
    """

    __slots__ = ("_speakers", "_words")

    def __init__(self) -> None:
        self._words: dict[str, str] = {}
        self._speakers: dict[tuple[str, str], Speaker] = {}

    def word(self, word: str) -> str:
        """The one string equal to `word`."""
        return self._words.setdefault(word, word)

    def speaker(self, name: str, kind: SpeakerKind) -> Speaker:
        """The one `Speaker` named `name`, of `kind`, with no identity."""
        key = (name, kind.value)
        speaker = self._speakers.get(key)
        if speaker is None:
            speaker = self._speakers[key] = unchecked.speaker(name, None, kind, None, None)
        return speaker


def _ranked_quote(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    ranked: Ranked,
    resolved: Resolved | None,
    precision: float,
    date: ArticleDate,
    shared: _Shared,
) -> Quote:
    """Build the `Quote` of a span whose speaker the ranker chose.

    The confidence is the probability that span and speaker are both right: the
    model's probability of the mention times how often a span of this kind is real.
    A mention that resolves to no one (a pronoun with no antecedent) still names the
    speaker, in its own words.
    """
    attribution = ranked.attribution
    mention = cue = speaker = None
    if attribution is not None:
        if attribution.cue is not None:
            found_cue = attribution.cue
            cue_text = shared.word(text[found_cue.start : found_cue.end])
            cue = unchecked.cue(cue_text, found_cue.lemma, found_cue.start, found_cue.end)
        if attribution.mention is not None:
            found = attribution.mention
            mention = unchecked.mention(shared.word(text[found.start : found.end]), found.start, found.end)
            speaker = (
                resolved.speaker if resolved is not None else shared.speaker(mention.text, found.speaker_kind)
            )
    confidence = round(min(1.0, max(0.0, ranked.probability * precision)), 3)
    return unchecked.quote(
        text[start:end], start, end, kind, speaker, mention, cue, confidence, date.day, date.source
    )


def _check_text(text: object) -> None:
    if isinstance(text, str):
        return
    hint = (
        "Decode it first, e.g. data.decode('utf-8', errors='replace')."
        if isinstance(text, (bytes, bytearray, memoryview))
        else "Pass the document's text."
    )
    raise TypeError(Errors.E001.format(type=type(text).__name__, hint=hint))


@functools.cache
def _default() -> Extractor:
    return Extractor()


def extract(text: str, published: datetime.date | str | None = None) -> list[Quote]:
    """Return every quotation in a news text, in order of position.

    Uses the default `Extractor`: no trained model, all kinds of quotation.

    Args:
        text: The document; any `str` is valid.
        published: The article's date, a `datetime.date` or an ISO string: roles
            ("the Kremlin spokesman") name whoever held them that day. Without it,
            the date the article's dateline states, if any (`Quote.date_source`).

    Returns:
        The quotations, each with exact offsets: ``text[q.start:q.end] == q.text``.

    Raises:
        TypeError: `text` is not a `str`, or `published` no date.
        ValueError: `published` is a string but not an ISO date.

    Example:
        >>> import quotes
        >>> [q.text for q in quotes.extract('Peskov said: "No comment."')]
        ['No comment.']
    """
    return _default()(text, published)
