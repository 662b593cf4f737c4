"""Choose each direct or mixed quotation's speaker among its candidates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import attrs

from quotes.attribution import Attribution, Document, Evidence, continues, opens_after
from quotes.marks import QuotedSpan
from quotes.mentions import Found
from quotes.model import QuoteKind
from quotes.ranking.candidates import Candidate, Source, candidates
from quotes.ranking.features import DocumentFeatures, QuoteSetting, features, name_candidates, null_features
from quotes.ranking.gate import gated
from quotes.ranking.model import SpeakerModel

__all__ = ["Choices", "Ranked", "choices", "rank"]


@attrs.frozen
class Choices:
    """The choices for one quotation's speaker, with their features.

    Attributes:
        setting: The quotation.
        candidates: Its candidates, in order of position.
        rows: The features of each candidate, then those of "none of them".
        gated: The gate's pattern where the ranker keeps the rules' attribution of the
            quotation without ranking its candidates (see `quotes.ranking.gate`), else None.
    """

    setting: QuoteSetting
    candidates: tuple[Candidate, ...]
    rows: tuple[dict[str, float], ...]
    gated: str | None = None


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Ranked:
    """The ranker's choice for one quotation.

    Attributes:
        attribution: The chosen mention and its cue, None where there is no candidate.
        probability: The model's probability that the chosen mention names the speaker.
    """

    attribution: Attribution | None
    probability: float

    def __init__(self, attribution: Attribution | None, probability: float) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "attribution", attribution)
        object.__setattr__(self, "probability", probability)


def choices(
    speech: Sequence[tuple[QuotedSpan, QuoteKind]],
    document: Document,
    rules: Sequence[Attribution | None],
) -> list[Choices]:
    """The candidates and features of every quotation of a document.

    Args:
        speech: The direct and mixed quotations with their kinds, in order.
        document: Their document.
        rules: The rules' attribution of each quotation.
    """
    counts = DocumentFeatures.of(document)
    memo: dict[int, list[tuple[Found | None, str]]] = {}
    return [
        _choices(setting, document, counts, memo, gated(setting.span, setting.kind, setting.rule, document))
        for setting in _settings(speech, document, rules)
    ]


def _settings(
    speech: Sequence[tuple[QuotedSpan, QuoteKind]],
    document: Document,
    rules: Sequence[Attribution | None],
) -> Iterator[QuoteSetting]:
    """Each quotation with its rules' attribution, the previous quotation's mention, and
    whether it goes on with a quotation left open at the end of the paragraph before."""
    previous: tuple[QuotedSpan, Attribution] | None = None
    last: QuotedSpan | None = None
    for (span, kind), rule in zip(speech, rules, strict=True):
        continues_before = previous is not None and continues(previous[0], span, document)
        runs_on = (
            last is not None and last.runs_on and opens_after(span, _last_paragraph(last, document), document)
        )
        mention = previous[1].mention if previous is not None else None
        yield QuoteSetting(span, kind, rule, mention, continues_before, runs_on)
        if rule is not None and rule.mention is not None:
            previous = (span, rule)
        last = span


def _choices(
    setting: QuoteSetting,
    document: Document,
    counts: DocumentFeatures,
    memo: dict[int, list[tuple[Found | None, str]]],
    is_gated: str | None,
) -> Choices:
    """The candidates and features of one quotation."""
    found = candidates(setting.span, document, setting.rule, setting.previous, memo)
    names = name_candidates(found)
    rows = [features(candidate, setting, document, counts, found, names) for candidate in found]
    rows.append(null_features(setting, document, len(found)))
    return Choices(setting, tuple(found), tuple(rows), is_gated)


def rank(
    speech: Sequence[tuple[QuotedSpan, QuoteKind]],
    document: Document,
    rules: Sequence[Attribution | None],
    model: SpeakerModel,
) -> list[Ranked]:
    """The most probable speaker mention of each quotation, with its calibrated probability.

    "None of them" is not chosen while a candidate is likely enough (above the
    model's threshold), but its probability lowers the chosen one's. The source of
    a report ("…, according to NBC") is not chosen over the speaker the rules find
    in the same sentence ("Pelosi called it …"), nor a source with words of its own
    in a later sentence over the speaker a quotation continues. Where the model has
    a gate, a quotation it lets through (`quotes.ranking.gate`) keeps the rules'
    attribution, with the rules' accuracy on training quotations of its pattern as
    its probability, and is not ranked. A paragraph that goes on with a quotation
    left open at the end of the one before, and gives no speaker of its own, is the
    same quotation: it keeps the speaker chosen there, and its probability.
    """
    counts: DocumentFeatures | None = None  # read once a quotation is ranked: none may be
    memo: dict[int, list[tuple[Found | None, str]]] = {}
    ranked: list[Ranked] = []
    gate = model.gate or {}
    for setting in _settings(speech, document, rules):
        if ranked and _goes_on(setting):
            ranked.append(_continued(ranked[-1]))
            continue
        pattern = gated(setting.span, setting.kind, setting.rule, document) if gate else None
        if pattern is not None and pattern in gate:
            accuracy = gate[pattern]
            ranked.append(Ranked(setting.rule if accuracy >= model.threshold else None, accuracy))
            continue
        if counts is None:
            counts = DocumentFeatures.of(document)
        choice = _choices(setting, document, counts, memo, None)
        if not choice.candidates:
            ranked.append(Ranked(None, 0.0))
            continue
        probabilities = model.probabilities(choice.rows)
        best = max(range(len(choice.candidates)), key=lambda i: (probabilities[i], -i))
        best = _rules_over(choice, best)
        probability = model.calibrated(probabilities[best])
        if probability < model.threshold:
            ranked.append(Ranked(None, probability))
            continue
        ranked.append(Ranked(_attribution(choice.candidates[best], choice.setting), probability))
    return ranked


def _goes_on(setting: QuoteSetting) -> bool:
    """Whether a quotation only goes on with the one left open in the paragraph before."""
    rule = setting.rule
    return setting.runs_on and (rule is None or rule.evidence is Evidence.CONTINUATION)


def _continued(before: Ranked) -> Ranked:
    """The choice for a paragraph that goes on with the quotation of `before`."""
    attribution = before.attribution
    if attribution is None:
        return before
    continued = Attribution(attribution.mention, attribution.cue, Evidence.CONTINUATION, attribution.referent)
    return Ranked(continued, before.probability)


def _rules_over(choice: Choices, best: int) -> int:
    """The rules' candidate instead of `best` where `best` only looks like the speaker, else
    `best`: the source of a report ("Pelosi called it a “breach,” according to NBC"), or a
    source named in a later sentence whose cue reports words of its own, where the rules
    continue the speaker before ("“A,” Lee said. “B.” C, according to Diaz."; on PolNeAR
    training data the ranker never chose such a candidate over a continuation, but a
    generated article found it could)."""
    if not (_source_of_report(choice, best) or _claimed_later(choice, best)):
        return best
    return next((i for i, c in enumerate(choice.candidates) if Source.RULE in c.sources), best)


def _source_of_report(choice: Choices, best: int) -> bool:
    """Whether `best` is named by "according to" where the rules name a speaker with a cue."""
    rule = choice.setting.rule
    if not choice.rows[best].get("cue_precedes:according") or rule is None or rule.mention is None:
        return False
    return (
        rule.cue is not None
        and not rule.cue.subject_follows
        and rule.evidence in (Evidence.TAIL, Evidence.HEAD)
    )


def _claimed_later(choice: Choices, best: int) -> bool:
    """Whether `best`'s cue in a later sentence has words of its own where the rules continue."""
    rule = choice.setting.rule
    return (
        bool(choice.rows[best].get("cue_claimed:later"))
        and rule is not None
        and rule.evidence is Evidence.CONTINUATION
    )


def _attribution(candidate: Candidate, setting: QuoteSetting) -> Attribution:
    """The attribution of a chosen candidate: the rules' own where it is their mention."""
    rule = setting.rule
    if rule is not None and Source.RULE in candidate.sources:
        return rule
    if rule is not None and Source.REFERENT in candidate.sources:
        return Attribution(candidate.mention, rule.cue, rule.evidence, None)
    before = candidate.mention.end <= setting.span.open_start
    return Attribution(candidate.mention, candidate.cue, Evidence.HEAD if before else Evidence.TAIL)


def _last_paragraph(span: QuotedSpan, document: Document) -> int:
    """The paragraph a quotation ends in (the one it runs on to the end of)."""
    return document.paragraph_index(max(span.open_start, span.close_end - 1))
