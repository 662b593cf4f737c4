"""Hypothesis strategies for the test suite."""

from __future__ import annotations

from hypothesis import strategies as st

from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker, SpeakerKind

QUOTE_MARKS = "\"'`“”„‘’‚«»‹›″′"
NEWSY_ALPHABET = QUOTE_MARKS + "abcXYZ .,:;!?—–-()[]\n\u00a0"


@st.composite
def spans(draw: st.DrawFn, max_size: int = 40) -> tuple[str, int, int]:
    """Some text and offsets that slice it."""
    text = draw(st.text(max_size=max_size))
    start = draw(st.integers(0, 1000))
    return text, start, start + len(text)


def mentions() -> st.SearchStrategy[Mention]:
    """Valid `Mention`s."""
    return spans().map(lambda s: Mention(*s))


def cues() -> st.SearchStrategy[Cue]:
    """Valid `Cue`s."""
    return st.builds(lambda s, lemma: Cue(s[0], lemma, s[1], s[2]), spans(), st.text(max_size=12))


def speakers() -> st.SearchStrategy[Speaker]:
    """Valid `Speaker`s."""
    return st.builds(
        Speaker,
        name=st.text(min_size=1, max_size=30),
        id=st.none() | st.text(max_size=12),
        kind=st.sampled_from(SpeakerKind),
        title=st.none() | st.text(max_size=20),
    )


def quotes() -> st.SearchStrategy[Quote]:
    """Valid `Quote`s with every optional part present or absent."""
    return st.builds(
        lambda s, kind, speaker, mention, cue, confidence: Quote(
            s[0], s[1], s[2], kind, speaker, mention, cue, confidence
        ),
        spans(max_size=200),
        st.sampled_from(QuoteKind),
        st.none() | speakers(),
        st.none() | mentions(),
        st.none() | cues(),
        st.floats(0.0, 1.0),
    )


def newsy_text() -> st.SearchStrategy[str]:
    """Text dense in quotation marks, apostrophes, punctuation and line breaks."""
    return st.text(alphabet=NEWSY_ALPHABET, max_size=300)
