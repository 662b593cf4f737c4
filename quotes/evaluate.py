"""Score quotations against hand-made gold annotations.

The metrics follow the convention of the project's gold format: a predicted
quote matches a gold one when their spans, trimmed of quotation marks, spaces
and final punctuation, overlap with a Jaccard index of at least 0.6 (direct
and mixed) or 0.4 (indirect); pairs are matched greedily, best overlap first,
one to one. The speaker is right when its name equals the gold name or an
alias (ignoring case, a leading "the" and diacritics) or shares a person's
surname with one. End-to-end scores count a quote only when span and speaker
are both right.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotes.model import Quote, QuoteKind

__all__ = ["GoldQuote", "Scores", "load_gold", "report", "score", "speaker_matches"]

_TRIM = frozenset(" \t\n\xa0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a,.;:!?\u2014\u2013-")
_THRESHOLDS = {"direct": 0.6, "indirect": 0.4}
# Last words that name an institution, not a person, so they never match by "surname".
_NOT_SURNAMES = frozenset({"service", "kremlin", "ministry", "report", "government", "presidents", "leaders"})


@attrs.frozen
class GoldQuote:
    """One hand-annotated quotation of a gold file.

    Attributes:
        doc: The article's file name.
        start: Offset of the quote's first character.
        end: Offset after its last character.
        kind: "direct", "partial" (the library's mixed) or "indirect".
        speaker: The speaker's fullest name, or None.
        speaker_aliases: Other names equally right for this quote.
        speaker_start: Offset of the speaker's mention, where the gold gives it.
        speaker_end: Offset after the speaker's mention, where given.
    """

    doc: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    speaker_start: int | None = None
    speaker_end: int | None = None


@attrs.frozen
class Scores:
    """Precision, recall and F1 of one kind of quotation.

    Attributes:
        gold: Number of gold quotes.
        predicted: Number of predicted quotes.
        matched: Predicted quotes whose span matches a gold quote.
        speaker_right: Matched quotes whose speaker is also right.
    """

    gold: int
    predicted: int
    matched: int
    speaker_right: int

    @property
    def span_p(self) -> float:
        """Span precision."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def span_r(self) -> float:
        """Span recall."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def span_f(self) -> float:
        """Span F1."""
        return _f1(self.span_p, self.span_r)

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes with the right speaker."""
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def e2e_p(self) -> float:
        """End-to-end precision (span and speaker right)."""
        return self.speaker_right / self.predicted if self.predicted else 0.0

    @property
    def e2e_r(self) -> float:
        """End-to-end recall."""
        return self.speaker_right / self.gold if self.gold else 0.0

    @property
    def e2e_f(self) -> float:
        """End-to-end F1."""
        return _f1(self.e2e_p, self.e2e_r)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_gold(path: str | Path) -> list[GoldQuote]:
    """Read a gold file: JSON Lines, one annotated quotation per line."""
    gold = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record: dict[str, Any] = json.loads(line)
                gold.append(
                    GoldQuote(
                        doc=record["doc"],
                        start=record["start"],
                        end=record["end"],
                        kind=record["kind"],
                        speaker=record.get("speaker"),
                        speaker_aliases=record.get("speaker_aliases") or (),
                        speaker_start=record.get("speaker_start"),
                        speaker_end=record.get("speaker_end"),
                    )
                )
    return gold


def _normalise(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    name = name.replace("\u2019", "'").strip(" .,")
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.split())


def speaker_matches(predicted: Quote, gold: GoldQuote) -> bool:
    """Whether a predicted quote's speaker is right for a gold quotation.

    Right when the predicted mention overlaps the gold mention's offsets (where
    the gold gives them) or when the speaker's name matches.
    """
    mention = predicted.speaker_mention
    if (
        gold.speaker_start is not None
        and gold.speaker_end is not None
        and mention is not None
        and min(gold.speaker_end, mention.end) > max(gold.speaker_start, mention.start)
    ):
        return True
    return _name_matches(predicted.speaker.name if predicted.speaker else None, gold)


def _name_matches(predicted: str | None, gold: GoldQuote) -> bool:
    if not gold.speaker:
        return False
    name = _normalise(predicted)
    if not name:
        return False
    names = [n for n in (_normalise(g) for g in (gold.speaker, *gold.speaker_aliases)) if n]
    if name in names:
        return True
    last = name.split()[-1]
    if len(last) <= 3 or last in _NOT_SURNAMES:
        return False
    return any(n.split()[-1] == last and n[0].isalpha() for n in names)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _group(kind: str) -> str:
    return "indirect" if kind in ("indirect", QuoteKind.INDIRECT.value) else "direct"


def report(scores: Mapping[str, Scores]) -> str:
    """The scores as the project's reference scorer prints them, a line per kind of quotation."""
    lines = []
    for kind, v in scores.items():
        lines.append(
            f"{kind:9s} gold={v.gold:4d} pred={v.predicted:4d} "
            f"span P/R/F={v.span_p:.3f}/{v.span_r:.3f}/{v.span_f:.3f} "
            f"speaker_acc={v.speaker_accuracy:.3f} "
            f"end2end P/R/F={v.e2e_p:.3f}/{v.e2e_r:.3f}/{v.e2e_f:.3f}"
        )
    return "\n".join(lines)


def score(
    gold: Sequence[GoldQuote], predictions: Mapping[str, Iterable[Quote]], texts: Mapping[str, str]
) -> dict[str, Scores]:
    """Score predictions against gold, separately for direct (with mixed) and indirect quotes.

    Args:
        gold: The gold quotations.
        predictions: The predicted quotations of each document, by file name.
        texts: The text of each document, by file name.

    Returns:
        `Scores` under the keys ``"direct"`` and ``"indirect"``.
    """
    results = {}
    for group, threshold in _THRESHOLDS.items():
        golds = [g for g in gold if _group(g.kind) == group]
        preds = [(doc, q) for doc, qs in predictions.items() for q in qs if _group(q.kind.value) == group]
        candidates = []
        for gi, g in enumerate(golds):
            g_span = _trimmed(texts[g.doc], g.start, g.end)
            for pi, (doc, q) in enumerate(preds):
                if doc == g.doc:
                    overlap = _jaccard(g_span, _trimmed(texts[doc], q.start, q.end))
                    if overlap >= threshold:
                        candidates.append((overlap, gi, pi))
        candidates.sort(reverse=True)
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        right = 0
        for _, gi, pi in candidates:
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            right += speaker_matches(preds[pi][1], golds[gi])
        results[group] = Scores(len(golds), len(preds), len(used_gold), right)
    return results
