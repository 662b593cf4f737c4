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

from collections.abc import Mapping, Sequence
from typing import Any

from quotes.evaluate import NOT_SURNAMES, jaccard, normalise_name, trimmed
from quotes.mentions import Found, MentionKind

__all__ = ["JACCARD", "is_speaker", "match"]

JACCARD = 0.6


def match(
    text: str, found: Sequence[tuple[int, int]], gold: Sequence[Mapping[str, Any]]
) -> dict[int, Mapping[str, Any]]:
    """The gold quote each found span matches, by the index of the span; greedy, best first."""
    pairs = []
    for g_index, record in enumerate(gold):
        g_span = trimmed(text, record["start"], record["end"])
        for f_index, (start, end) in enumerate(found):
            score = jaccard(g_span, trimmed(text, start, end))
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


def is_speaker(text: str, mention: Found, record: Mapping[str, Any], name: str | None = None) -> bool:
    """Whether `mention` (resolved to `name`, if known) names the speaker of a gold record."""
    start, end = record.get("speaker_start"), record.get("speaker_end")
    if start is not None and end is not None and min(end, mention.end) > max(start, mention.start):
        return True
    gold = [normalise_name(record.get("speaker"))] + [
        normalise_name(a) for a in record.get("speaker_aliases") or ()
    ]
    gold = [g for g in gold if g]
    if not gold:
        return False
    written = normalise_name(text[mention.start : mention.end])
    if record.get("speaker_mention") and written == normalise_name(record["speaker_mention"]):
        return "speaker_start" not in record
    for predicted in (
        normalise_name(name),
        normalise_name(mention.name) if mention.kind is MentionKind.NAME else "",
    ):
        if not predicted:
            continue
        if predicted in gold:
            return True
        last = predicted.split()[-1]
        if len(last) > 3 and any(
            g.split()[-1] == last and g[0].isalpha() and last not in NOT_SURNAMES for g in gold
        ):
            return True
    return False
