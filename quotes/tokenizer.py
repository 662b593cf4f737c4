"""A news-aware spaCy tokenizer and a rule-based sentencizer.

`NewsTokenizer` wraps spaCy's English tokenizer and corrects it where news
text needs it:

* every mark that acts as a quotation mark (by `quotes.marks`) is a token of
  its own, and a mark that does not (Russia’s, countries’, ’90s) stays inside
  its word;
* a wire dateline's agency tag ("/TASS/.") keeps its slashes and loses its
  full stop;
* an editorial capital in brackets stays in its word ("[T]his").

The tokenizer is registered in spaCy's registry as ``quotes.NewsTokenizer.v1``
through an entry point, so a config can name it without importing anything::

    [nlp.tokenizer]
    @tokenizers = "quotes.NewsTokenizer.v1"

The sentencizer component ``quotes_sentencizer`` sets sentence boundaries from
`quotes.sentences` with no trained model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.marks import QUOTE_CHARACTERS, find_quotations, mark_offsets
from quotes.sentences import sentences

__all__ = ["NewsTokenizer", "QuoteSentencizer", "create_news_tokenizer"]

_AGENCY = re.compile(r"(/[A-Za-z][\w\-]*/)([.,:;])")
_BRACKETED_CAPITAL = re.compile(r"\w{1,3}\]\w*")


class NewsTokenizer:
    """A spaCy tokenizer that knows quotation marks from apostrophes.

    Args:
        vocab: The pipeline's vocabulary.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        base = English(vocab=vocab).tokenizer
        if not isinstance(base, Tokenizer):  # pragma: no cover - spaCy's English always has one
            raise TypeError(f"expected a spaCy Tokenizer, got {type(base).__name__}")
        self.base: Tokenizer = base

    def __call__(self, text: str) -> Doc:
        """Tokenize `text`; the tokens' texts and spaces rejoin to it exactly."""
        spans = self._spans(text)
        words = [text[start:end] for start, end in spans]
        spaces = [
            end < len(text) and text[end] == " " and (i + 1 == len(spans) or spans[i + 1][0] == end + 1)
            for i, (start, end) in enumerate(spans)
        ]
        return Doc(self.vocab, words=words, spaces=spaces)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Token offsets: quotation marks alone, the text between them by spaCy's rules."""
        quote_marks = mark_offsets(find_quotations(text))
        spans: list[tuple[int, int]] = []
        position = 0
        for mark_start, mark_end in [*quote_marks, (len(text), len(text))]:
            spans.extend(self._base_spans(text, position, mark_start))
            if mark_start < mark_end:
                spans.append((mark_start, mark_end))
            position = mark_end
        return _merge_apostrophes(text, spans, {start for start, _ in quote_marks})

    def _base_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        if start < end and start and text[start] == " ":
            start += 1  # the space after a quotation mark is that token's trailing space
        if start >= end:
            return []
        spans = []
        for token in self.base(text[start:end]):
            offset = start + token.idx
            spans.extend(_news_split(text, offset, offset + len(token.text)))
        return spans

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the wrapped tokenizer's settings."""
        data: bytes = self.base.to_bytes(exclude=exclude)
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> NewsTokenizer:
        """Load the wrapped tokenizer's settings."""
        self.base.from_bytes(data, exclude=exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the wrapped tokenizer's settings."""
        self.base.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NewsTokenizer:
        """Load the wrapped tokenizer's settings."""
        self.base.from_disk(path, exclude=exclude)
        return self


def create_news_tokenizer() -> Callable[[Language], NewsTokenizer]:
    """Registered as ``quotes.NewsTokenizer.v1`` in spaCy's ``tokenizers`` registry."""

    def make(nlp: Language) -> NewsTokenizer:
        return NewsTokenizer(nlp.vocab)

    return make


def _news_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    match = _AGENCY.fullmatch(text, start, end)
    if match:
        return [match.span(1), match.span(2)]
    return [(start, end)]


def _merge_apostrophes(text: str, spans: list[tuple[int, int]], acting: set[int]) -> list[tuple[int, int]]:
    """Glue marks that are not quotation marks, and bracketed capitals, to their word."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] == start and _joins(text, out[-1], (start, end), acting):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _joins(text: str, left: tuple[int, int], right: tuple[int, int], acting: set[int]) -> bool:
    left_text, right_text = text[left[0] : left[1]], text[right[0] : right[1]]
    if len(right_text) == 1 and right_text in QUOTE_CHARACTERS and right[0] not in acting:
        return left_text[-1].isalnum()  # countries’
    if len(left_text) == 1 and left_text in QUOTE_CHARACTERS and left[0] not in acting:
        return right_text[0].isalnum() and (left[0] == 0 or not text[left[0] - 1].isalnum())  # ’90s
    return left_text == "[" and _BRACKETED_CAPITAL.fullmatch(right_text) is not None  # [T]his


class QuoteSentencizer:
    """Sets sentence boundaries by `quotes.sentences`, with no trained model."""

    def __init__(self, nlp: Language, name: str = "quotes_sentencizer"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mark each token that starts a sentence."""
        starts = {start for start, _ in sentences(doc.text)}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


@Language.factory("quotes_sentencizer")
def make_sentencizer(nlp: Language, name: str) -> QuoteSentencizer:
    """Factory of the ``quotes_sentencizer`` component."""
    return QuoteSentencizer(nlp, name)
