"""Which quoted spans are speech: direct quotations, mixed ones, or neither.

Quotation marks in news also wrap names (Operation "Peace Spring"), titles,
glosses (Brexit ("British exit")), scare quotes (a "mini tsunami") and the
slogans in picture captions. A quoted span is kept as speech unless one of
those readings is clearly better; a kept span is *direct* when it stands as a
statement of its own and *mixed* when it is a fragment woven into the
narrator's sentence (agreed to take "urgent measures").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import Final

from quotes.bisection import first_pair_above
from quotes.layout import is_caption, is_headline
from quotes.lexicon import CueLexicon, cue_lexicon, mention_lexicon, word_lists
from quotes.marks import Bounds, QuotedSpan, as_bounds
from quotes.model import QuoteKind
from quotes.text import blank, first_chars, last_chars, trie
from quotes.words import first_words, words

__all__ = ["Context", "classify"]

# a word as `re` reads one (`re`'s \w, without the underscore), read by a compiled loop where compiled
_WORD: Final = words(r"[^\W_]", "-'\u2019.", re_classes=True)
_SHORT: Final = 3  # words: a quoted span this short needs a reporting cue nearby to count as speech
_NAME_MAX: Final = 6  # words: the longest quoted span read as a name or a title
_AROUND: Final = 60  # characters: the rules read at most this far before or after a quotation's marks


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class Context:
    """What `classify` needs to know of a document besides the span itself.

    Attributes:
        text: The document.
        sentences: Sentence ``(start, end)`` offsets, in order.
        paragraphs: Paragraph ``(start, end)`` offsets, in order.
        quoted: Outermost quoted spans ``(open_start, close_end)``, in order, kept as
            `Bounds` (any sequence of pairs is converted).
    """

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    quoted: Bounds
    # the answers for the last paragraph and sentence asked about: quotations come in order
    _captions: dict[tuple[int, int], bool] = dataclasses.field(compare=False, repr=False)
    _cued: dict[tuple[int, int], bool] = dataclasses.field(compare=False, repr=False)
    _quiet: dict[tuple[int, int], bool] = dataclasses.field(compare=False, repr=False)
    # the sentence and the paragraph the last quotation lay in: the next one is most often there too
    _last: list[int] = dataclasses.field(compare=False, repr=False)

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]],
        quoted: Sequence[tuple[int, int]],
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "quoted", as_bounds(quoted))
        object.__setattr__(self, "_captions", {})
        object.__setattr__(self, "_cued", {})
        object.__setattr__(self, "_quiet", {})
        object.__setattr__(self, "_last", [0, 0])

    def is_caption(self, start: int, end: int) -> bool:
        """Whether the paragraph ``text[start:end]`` is a caption; read once per paragraph."""
        known = self._captions.get((start, end))
        if known is None:
            self._captions.clear()
            known = self._captions[(start, end)] = is_caption(self.text, start, end)
        return known

    def has_cue(self, start: int, end: int) -> bool:
        """Whether a reporting cue stands in ``text[start:end]`` outside quotation marks.

        Read once per sentence: a sentence of many short quotations asks once for each.
        """
        known = self._cued.get((start, end))
        if known is None:
            self._cued.clear()
            known = self._cued[(start, end)] = _has_cue(self, start, end, cue_lexicon())
        return known

    def quiet(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds no reporting cue, no colon and no form of a verb of
        speech at all, even inside quotation marks or inside another word.

        No short quotation there can be introduced or followed by a reporting clause (the
        rules read no other words), so it is speech only if it is a sentence of its own.
        Read once per sentence.
        """
        known = self._quiet.get((start, end))
        if known is None:
            self._quiet.clear()
            piece = self.text[start:end]
            known = self._quiet[(start, end)] = (
                ":" not in piece
                and _speech_anywhere().search(piece.lower()) is None
                and not self.has_cue(start, end)
            )
        return known

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The start of the sentence holding `start` and the end of the one holding `end`."""
        return _enclosing(self.sentences, start, end, self._last, 0)

    def paragraph_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The start of the paragraph holding `start` and the end of the one holding `end`."""
        return _enclosing(self.paragraphs, start, end, self._last, 1)


@functools.cache
def _speech_anywhere() -> re.Pattern[str]:
    """Any form of a verb of speech, even inside another word."""
    return re.compile(trie(sorted(cue_lexicon().speech)))


def _enclosing(
    spans: list[tuple[int, int]], start: int, end: int, last_found: list[int], which: int
) -> tuple[int, int]:
    """The bounds of the spans holding `start` and ``end - 1``; ``last_found[which]`` is the
    index of the span found last, tried before a search."""
    final = max(start, end - 1)
    first = last = last_found[which]
    if not (
        0 <= first < len(spans)
        and spans[first][0] <= start
        and (first + 1 == len(spans) or spans[first + 1][0] > final)
    ):
        first = first_pair_above(spans, start) - 1
        last = last_found[which] = first_pair_above(spans, final) - 1
    low = spans[first][0] if first >= 0 else start
    high = spans[last][1] if last >= 0 else end
    return min(low, start), max(high, end)


def classify(span: QuotedSpan, context: Context) -> QuoteKind | None:
    """Decide whether a quoted span is a direct quote, a mixed one, or not speech.

    Args:
        span: An outermost quoted span.
        context: The document around it.

    Returns:
        `QuoteKind.DIRECT`, `QuoteKind.MIXED`, or None for a name, a title, a
        gloss, a caption's slogan or a scare quote.
    """
    text = context.text
    content = text[span.start : span.end]
    # the rules below only ever count up to _NAME_MAX words
    words = [w.group() for w in first_words(_WORD, text, span.start, span.end, _NAME_MAX + 1)]
    if not words or text[span.open_start - 1 : span.open_start] == "=":
        return None  # no words, or a markup attribute's value: <tweet author="…">
    s_start, s_end = context.sentence_bounds(span.open_start, span.close_end)
    if (
        len(words) <= _SHORT
        and context.quiet(s_start, s_end)
        and not (blank(text, s_start, span.open_start) and _alone(content))
    ):
        # the scare-quote rule below, decided without reading the words around the quotation:
        # a JSON string, a CSV field or a "mini tsunami" where nothing reports speech
        return None
    p_start, p_end = context.paragraph_bounds(span.open_start, span.close_end)
    if context.is_caption(p_start, p_end) or is_headline(text, context.paragraphs, p_start, p_end):
        return None  # a caption's banner, a headline's label
    # the rules read no further than _AROUND characters from a quotation: a sentence of many
    # quotations then costs each of them the same
    before = last_chars(text, s_start, span.open_start, _AROUND)
    after = first_chars(text, span.close_end, s_end, _AROUND)
    if before.endswith("(") and after.startswith(")"):
        return None  # a gloss: Brexit ("British exit")
    lexicon = cue_lexicon()
    introduced = _introduced(before, lexicon) or _reported_after(content, after, lexicon)
    sentence = not before and _alone(content)
    # the cheaper test first (a sentence's cue is looked for once): most short quotations are scare quotes
    if len(words) <= _SHORT and not introduced and not sentence and not context.has_cue(s_start, s_end):
        return None  # a scare quote: the earthquake caused a "mini tsunami"; not "That hasn't changed."
    if len(words) <= _NAME_MAX and (
        _named(before, lexicon)
        or _title_of_work(words, before, lexicon)
        or (not introduced and _looks_like_name(content, words, before))
    ):
        return None
    if not before or before.endswith((":", ",")) or (introduced and _starts_statement(content)):
        return QuoteKind.DIRECT
    return QuoteKind.MIXED


def _introduced(before: str, lexicon: CueLexicon) -> bool:
    """Whether the words right before a quote introduce speech ("said:", "saying")."""
    if before.endswith(":"):
        return True
    # only the last two words count: read a short tail first, where every word but the first
    # is whole, and the longer one only if the tail holds fewer than three
    last = _WORD.findall(before[-16:])
    if len(last) < 3:
        last = _WORD.findall(before[-40:])
    if not last:
        return False
    word = last[-1].lower()
    return word in lexicon.speech or (word == "that" and len(last) > 1 and last[-2].lower() in lexicon.speech)


def _reported_after(content: str, after: str, lexicon: CueLexicon) -> bool:
    """Whether a reporting clause follows the quote ("...", Cengiz said; "Yes," he said)."""
    lead = after.startswith((",", "\u2014", "\u2013", "-"))
    if not lead and not content.rstrip().endswith(","):
        return False  # the cheap test first: the words are read only after a comma or a dash
    words = [word.group() for word in first_words(_WORD, after, 0, 60, 4)]
    if lead:
        return any(w.lower() in lexicon.speech for w in words)
    if len(words) < 2:
        return False
    # American style keeps the comma inside the marks: the clause must then open with its
    # speaker ("he said", "Peskov said", "the spokesman said") or with a cue and a name ("said Peskov"),
    # unlike the "Sunbelt Contract," promises to ... of a quoted name
    first, second = words[0], words[1]
    if first.lower() in lexicon.speech:
        return second[0].isupper() or second.lower() in word_lists().determiners
    lower = first.lower()
    opens = first[0].isupper() or lower in word_lists().determiners or lower in mention_lexicon().pronouns
    return opens and any(w.lower() in lexicon.speech for w in words[1:])


def _alone(content: str) -> bool:
    """Whether quoted words are a statement of their own, when nothing comes before them."""
    return content.rstrip()[-1:] in ".?!" and _starts_statement(content)


def _starts_statement(content: str) -> bool:
    first = content.lstrip("[(.\u2026 ")
    return bool(first) and (first[0].isupper() or content.startswith("["))


def _named(before: str, lexicon: CueLexicon) -> bool:
    """Whether the words before a quote announce a name: codenamed, known as the."""
    words = word_lists()
    previous = [w.lower() for w in _WORD.findall(before[-60:])]
    while previous and previous[-1] in words.determiners:
        if " ".join(previous[-2:]) in words.name_phrases:
            return True  # "known as" ends in a word that is also skipped
        previous.pop()
    if previous and previous[-1] in lexicon.names:
        return True
    return " ".join(previous[-3:]).endswith(tuple(words.name_phrases))


def _title_of_work(words: list[str], before: str, lexicon: CueLexicon) -> bool:
    """Whether a quote is the title of a work named right before it: 'his 2002 book, "Make
    Your Kid a Millionaire," suggested ...'. Its words are capitalised as titles are (not
    'In the column, "We must act now," she wrote'), and no cue introduces it."""
    last = _WORD.findall(before[-24:])
    if not last or last[-1].lower() not in word_lists().works or not before.rstrip(" ,")[-1:].isalpha():
        return False
    return _title_case(words) and not _introduced(before, lexicon)


def _title_case(words: list[str]) -> bool:
    """Whether words are capitalised as names and titles are: every one but function words."""
    function_words = word_lists().function_words
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in function_words for w in words)


def _looks_like_name(content: str, words: list[str], before: str) -> bool:
    """Whether quoted words are shaped like a name or a title rather than speech."""
    if content.rstrip()[-1:] in "?!;:" or content.rstrip().endswith((".\u201d", "...")):
        return False  # "Steady Current." and "Safe Tracks Act," are names with American punctuation
    if _title_case(words):
        return True  # Operation "Peace Spring", the "Radio Control Law"
    capitalised = words[0][0].isupper()
    lists = word_lists()
    # Anna Franowska of "Have no fear": an organisation's name after "of".
    raw_before = _WORD.findall(before[-60:])
    return (
        capitalised
        and len(raw_before) >= 2
        and raw_before[-1].lower() in lists.name_prepositions
        and raw_before[-2][0].isupper()
    )


def _has_cue(context: Context, start: int, end: int, lexicon: CueLexicon) -> bool:
    """Whether a reporting cue stands in ``text[start:end]`` outside quotation marks."""
    text = context.text
    quoted = context.quoted
    low = quoted.first_from(start)
    position = start
    outside: list[str] = []
    for index in range(max(0, low - 1), len(quoted)):
        q_start, q_end = quoted.starts[index], quoted.ends[index]
        if q_start >= end:
            break
        if q_end <= position:
            continue
        outside.append(text[position:q_start])
        position = max(position, q_end)
    outside.append(text[position:end])
    # one string for all the pieces, read once: NUL is in no word and no phrase, so
    # nothing is found across a join that was not in one piece
    lowered = "\x00".join(outside).lower()
    for word in _WORD.findall(lowered):
        if word in lexicon.speech or word in lexicon.stance or word in lexicon.naming:
            return True
    return any(phrase in lowered for phrase in lexicon.phrases)
