"""What a trained spaCy pipeline adds, where a user passes one.

The rules need no model. A trained pipeline (``spacy.load("en_core_web_sm")``)
can only add evidence: its named entities settle whether a capitalised run is
a person, an organisation or a place, and split runs the rules read as one
("Hong Kong Carrie Lam"); its dependency parse gives the subject of a
reporting verb where the rules find none.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotes.mentions import Found, MentionKind
from quotes.model import SpeakerKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["merge_entities", "verb_subjects"]

_KINDS = {
    "PERSON": SpeakerKind.PERSON,
    "ORG": SpeakerKind.ORGANISATION,
}
_NOT_SPEAKERS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "EVENT"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def merge_entities(names: Sequence[Found], doc: Doc) -> list[Found]:
    """The rule-found names, with the kinds and boundaries a trained NER adds.

    A name the NER calls a person, or a one-word name it calls an
    organisation, gets that kind where the rules left it unknown (a place
    stays unknown, so that "they" does not turn into a country); a
    person entity of two words or more that ends a longer capitalised run is
    split from it ("Hong Kong" | "Carrie Lam"); a date or a law is dropped.

    Args:
        names: Names from `quotes.mentions.names`, in order.
        doc: The same text processed by a trained pipeline with an ``ner``.
    """
    entities = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents)
    starts = [e[0] for e in entities]
    merged: list[Found] = []
    for name in names:
        if name.kind is not MentionKind.NAME:
            merged.append(name)
            continue
        index = bisect.bisect_left(starts, name.start)
        overlapping = [
            e for e in entities[max(0, index - 1) : index + 3] if e[0] < name.end and e[1] > name.start
        ]
        if not overlapping:
            merged.append(name)
            continue
        start, end, label = overlapping[-1]
        if label in _NOT_SPEAKERS and start <= name.start and end >= name.end:
            continue
        kind = _KINDS.get(label)
        whole_name = " " in doc.text[start:end]
        if label == "PERSON" and whole_name and end == name.end and start > name.start and name.title is None:
            merged.append(dataclasses.replace(name, end=_last_space(doc.text, name.start, start), name=""))
            merged.append(
                dataclasses.replace(
                    name, start=start, name=doc.text[start:end], speaker_kind=SpeakerKind.PERSON
                )
            )
            continue
        trusted = label == "PERSON" or " " not in name.name  # the rules know multi-word names better
        if kind is not None and trusted and name.speaker_kind is SpeakerKind.UNKNOWN:
            name = dataclasses.replace(name, speaker_kind=kind)
        merged.append(name)
    return [
        dataclasses.replace(f, name=doc.text[f.start : f.end])
        if f.kind is MentionKind.NAME and not f.name
        else f
        for f in merged
        if f.end > f.start
    ]


def _last_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def verb_subjects(doc: Doc) -> dict[int, tuple[int, int]]:
    """The subject of each verb, by the verb's character offset: ``{verb_start: (start, end)}``.

    A participle or a conjoined verb ("..., adding", "opposed it and said")
    inherits the subject of the verb it depends on.
    """
    subjects: dict[int, tuple[int, int]] = {}
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        head = token
        for _ in range(4):
            subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                left, right = subject.left_edge, subject.right_edge
                subjects[token.idx] = (left.idx, right.idx + len(right.text))
                break
            if head.dep_ not in ("conj", "advcl", "xcomp") or head.head is head:
                break
            head = head.head
    return subjects
