"""Which found quotation is which gold one, and which of its candidates names the speaker.

The convention is the one of the scoring tool the figures are reported with: a
found quote matches a gold direct or partial quote when their spans, trimmed of
quotation marks, spaces and final punctuation, overlap with Jaccard >= 0.6 (the
best pairs first, one to one); a candidate is right when it overlaps the gold
source mention (``speaker_start``/``speaker_end``), or its name equals the gold
speaker or an alias, or shares its last word, or its words are the gold
``speaker_mention``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from quotes.mentions import Found, MentionKind

__all__ = ["JACCARD", "is_speaker", "match", "normalise", "trimmed"]

JACCARD = 0.6
_TRIM = frozenset(" \t\n\xa0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a,.;:!?\u2014\u2013-")
_GENERIC_LAST = frozenset({"service", "kremlin", "ministry", "report", "government", "presidents", "leaders"})


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without quotation marks, spaces and final punctuation at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match(
    text: str, found: Sequence[tuple[int, int]], gold: Sequence[Mapping[str, Any]]
) -> dict[int, Mapping[str, Any]]:
    """The gold quote each found span matches, by the index of the span; greedy, best first."""
    pairs = []
    for g_index, record in enumerate(gold):
        g_span = trimmed(text, record["start"], record["end"])
        for f_index, (start, end) in enumerate(found):
            score = _jaccard(g_span, trimmed(text, start, end))
            if score >= JACCARD:
                pairs.append((score, g_index, f_index))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    result: dict[int, Mapping[str, Any]] = {}
    for _, g_index, f_index in pairs:
        if g_index in used_gold or f_index in result:
            continue
        used_gold.add(g_index)
        result[f_index] = gold[g_index]
    return result


def normalise(name: str | None) -> str:
    """A name as the scorer compares it: no diacritics, case-folded, no leading "the"."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    name = name.replace("\u2019", "'").strip(" .,")
    name = name.removeprefix("the ")
    return " ".join(name.split())


def is_speaker(text: str, mention: Found, record: Mapping[str, Any], name: str | None = None) -> bool:
    """Whether `mention` (resolved to `name`, if known) names the speaker of a gold record."""
    start, end = record.get("speaker_start"), record.get("speaker_end")
    if start is not None and end is not None and min(end, mention.end) > max(start, mention.start):
        return True
    gold = [normalise(record.get("speaker"))] + [normalise(a) for a in record.get("speaker_aliases") or ()]
    gold = [g for g in gold if g]
    if not gold:
        return False
    written = normalise(text[mention.start : mention.end])
    if record.get("speaker_mention") and written == normalise(record["speaker_mention"]):
        return "speaker_start" not in record
    for predicted in (normalise(name), normalise(mention.name) if mention.kind is MentionKind.NAME else ""):
        if not predicted:
            continue
        if predicted in gold:
            return True
        last = predicted.split()[-1]
        if len(last) > 3 and any(
            g.split()[-1] == last and g[0].isalpha() and last not in _GENERIC_LAST for g in gold
        ):
            return True
    return False
