"""One article as HTML, each quotation highlighted in its speaker's colour.

`render` writes a standalone page, `fragment` the same as an HTML snippet to
embed (its styles scoped to it, no ``body`` rule), and `document` an object
Jupyter shows inline (``_repr_html_``). The page needs no network: its style
is inline, and it has no script, font or image to fetch (its content
security policy forbids them). The markup is built from the sorted
boundaries of every span, so tags nest properly however quotations, speaker
mentions, cues and paragraphs overlap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import attrs

from quotes.corpus.speaker_table import is_named
from quotes.dates import stated_date
from quotes.errors import Errors
from quotes.model import Quote, Speaker

__all__ = [
    "LOW_CONFIDENCE",
    "PALETTE",
    "UNKNOWN_COLOUR",
    "Document",
    "Mark",
    "Voice",
    "document",
    "fragment",
    "headline",
    "nest",
    "render",
    "voices",
]

PALETTE: tuple[str, ...] = (
    "#77AADD",
    "#EE8866",
    "#44BB99",
    "#EEDD88",
    "#FFAABB",
    "#99DDFF",
    "#BBCC33",
    "#AAAA00",
)
"""Speaker colours: Paul Tol's "light" scheme, told apart by colour-blind readers, legible under black."""

UNKNOWN_COLOUR = "#DDDDDD"
"""The colour of quotations whose speaker the text does not give: the scheme's pale grey."""

LOW_CONFIDENCE = 0.5
"""Quotations less sure than this are marked as doubtful: a dashed outline and a question mark."""

_POLICY = "default-src 'none'; style-src 'unsafe-inline'"  # nothing to fetch, nothing to run
# layers: paragraphs enclose everything; quotations enclose mentions and cues that share their bounds
_BLOCK, _QUOTE, _SPAN = -1, 0, 1
# A blank line, with any spaces on it, ends a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\r?\n\s*")


@attrs.frozen
class Voice:
    """One line of the legend: a speaker, their colour and their number of quotations.

    Attributes:
        name: The speaker's name, or None for quotations nobody is credited with.
        colour: The speaker's colour, a CSS hex colour.
        css: The CSS class that carries the colour (``c0`` ... or ``unknown``).
        count: How many quotations the speaker has on the page.
        named: False for a description ("the presidents"), which names nobody.
    """

    name: str | None
    colour: str
    css: str
    count: int
    named: bool = True


@attrs.frozen
class Mark:
    """A span of the text to wrap in a tag.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        tag: The element name.
        attributes: Attribute names and values, not yet escaped.
        layer: Which of two marks with the same bounds goes outside: the lower layer.
    """

    start: int
    end: int
    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    layer: int = _QUOTE

    def open(self) -> str:
        """The start tag, its attribute values escaped."""
        values = "".join(f' {name}="{html.escape(value)}"' for name, value in self.attributes)
        return f"<{self.tag}{values}>"

    def close(self) -> str:
        """The end tag."""
        return f"</{self.tag}>"


def _key(speaker: Speaker | None) -> str | None:
    """What makes two speakers the same: the registry id, else the name."""
    if speaker is None:
        return None
    return speaker.id or speaker.name


def voices(quotes: Iterable[Quote]) -> dict[str | None, Voice]:
    """The legend of a page, keyed by speaker id (or name, for unregistered speakers).

    Args:
        quotes: The page's quotations, in text order.

    Returns:
        A voice per speaker in the order of their first quotation, with colours
        from `PALETTE` in turn (again from the start after the eighth), then
        the unknown speaker, keyed None, in `UNKNOWN_COLOUR`, if any quotation
        has no speaker.
    """
    names: dict[str | None, str | None] = {}
    counts: dict[str | None, int] = {}
    for quote in quotes:
        key = _key(quote.speaker)
        names.setdefault(key, quote.speaker.name if quote.speaker else None)
        counts[key] = counts.get(key, 0) + 1
    legend: dict[str | None, Voice] = {}
    for number, key in enumerate(k for k in names if k is not None):
        colour = PALETTE[number % len(PALETTE)]
        name = names[key]
        named = key != name or (name is not None and is_named(name))  # a registered speaker is named
        legend[key] = Voice(name, colour, f"c{number % len(PALETTE)}", counts[key], named)
    if None in counts:
        legend[None] = Voice(None, UNKNOWN_COLOUR, "unknown", counts[None], False)
    return legend


def nest(text: str, marks: Iterable[Mark]) -> str:
    """`text`, HTML-escaped, with each mark's tags around its span, always properly nested.

    The text is cut at every mark's start and end. At each cut, the marks that
    end there are closed, together with any opened inside them that go on;
    those are reopened straight away with the marks that start there, longest
    outermost. A mark that crosses the end of another thus becomes two
    elements, never a crossing tag. A block mark (a paragraph) is always
    outermost: marks running on past its start close and reopen inside it.
    Empty marks, and marks reaching outside the text, are left out.

    Args:
        text: The plain text.
        marks: Spans to wrap, with offsets into `text`.

    Returns:
        HTML whose text content is exactly `text`.
    """
    inside = (m for m in marks if 0 <= m.start < m.end <= len(text))
    pending = sorted(inside, key=lambda m: (m.start, -m.end, m.layer))
    cuts = sorted({0, len(text)} | {m.start for m in pending} | {m.end for m in pending})
    parts: list[str] = []
    stack: list[Mark] = []
    index = 0
    for here, after in zip(cuts, [*cuts[1:], None], strict=True):
        starting = []
        while index < len(pending) and pending[index].start == here:
            starting.append(pending[index])
            index += 1
        ending = next((depth for depth, mark in enumerate(stack) if mark.end <= here), len(stack))
        if any(mark.layer == _BLOCK for mark in starting):
            ending = 0  # a paragraph opens outside everything: close all, reopen what goes on inside it
        parts.extend(mark.close() for mark in reversed(stack[ending:]))
        opening = [mark for mark in stack[ending:] if mark.end > here] + starting
        del stack[ending:]
        for mark in sorted(opening, key=lambda m: (m.layer != _BLOCK, -m.end, m.layer)):
            parts.append(mark.open())
            stack.append(mark)
        if after is not None:
            parts.append(html.escape(text[here:after]))
    return "".join(parts)


def _check(text: str, part: str, found: str, start: int, end: int) -> None:
    """Raise ValueError unless `found` is exactly the text between `start` and `end`."""
    if not (0 <= start <= end <= len(text) and text[start:end] == found):
        actual = text[max(start, 0) : max(end, 0)]
        raise ValueError(Errors.E030.format(part=part, found=found, start=start, end=end, actual=actual))


def _tooltip(quote: Quote) -> str:
    speaker = quote.speaker
    who = "unknown speaker" if speaker is None else speaker.name
    if speaker is not None and speaker.title:
        who += f", {speaker.title}"
    return f"{quote.kind.value} · {who} · confidence {quote.confidence:.2f}"


def _marks(quotes: Sequence[Quote], legend: dict[str | None, Voice]) -> list[Mark]:
    """A mark per quotation, and one per distinct speaker mention and cue."""
    marks: list[Mark] = []
    shared: dict[tuple[int, int, str], Mark] = {}  # quotations often share a mention and a cue
    for number, quote in enumerate(quotes):
        voice = legend[_key(quote.speaker)]
        doubt = " low" if quote.confidence < LOW_CONFIDENCE else ""
        about: tuple[tuple[str, str], ...] = (
            ("class", f"quote {quote.kind.value} {voice.css}{doubt}"),
            ("title", _tooltip(quote)),
            ("data-quote", str(number)),
        )
        marks.append(Mark(quote.start, quote.end, "mark", about))
        mention, cue = quote.speaker_mention, quote.cue
        if mention is not None:
            about = (("class", f"mention {voice.css}"), ("title", f"speaker: {voice.name or 'unknown'}"))
            mark = Mark(mention.start, mention.end, "span", about, _SPAN)
            shared.setdefault((mention.start, mention.end, "mention"), mark)
        if cue is not None:
            about = (("class", "cue"), ("title", f"cue: {cue.lemma}"))
            shared.setdefault((cue.start, cue.end, "cue"), Mark(cue.start, cue.end, "span", about, _SPAN))
    return marks + list(shared.values())


def _paragraphs(text: str) -> list[Mark]:
    """A block mark per paragraph, without the white space between paragraphs.

    Paragraphs end at blank lines where the text has any; in a text without
    a blank line (one paragraph a line, as many news files are), at every
    line end.
    """
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    marks, start = [], 0
    for gap in [*breaks.finditer(text), None]:
        end = gap.start() if gap is not None else len(text)
        if end > start:
            marks.append(Mark(start, end, "p", (), _BLOCK))
        if gap is not None:
            start = gap.end()
    return marks


_CSS = """\
.quotes-render { max-width: 46rem; color: #1a1a1a; background: #fff;
  font: 17px/1.7 Georgia, "DejaVu Serif", "Liberation Serif", serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.quotes-render h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.quotes-render .summary, .quotes-render .key { color: #444; font-size: 0.9rem; margin: 0.25rem 0; }
.quotes-render .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; list-style: none;
  margin: 0.75rem 0; padding: 0; font: 0.95rem/1.5 system-ui, "DejaVu Sans", "Liberation Sans", sans-serif; }
.quotes-render .legend.descriptions { font-style: italic; color: #333; }
.quotes-render .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em;
  vertical-align: -0.1em; border: 1px solid #0003; border-radius: 2px; background: var(--c); }
.quotes-render .count { color: #555; }
.quotes-render header { border-bottom: 1px solid #ccc; margin-bottom: 1.25rem; padding-bottom: 0.5rem; }
.quotes-render .article { overflow-wrap: break-word; }
.quotes-render .article p { white-space: pre-wrap; margin: 0 0 1em; }
.quotes-render mark { color: inherit; }
.quotes-render mark.direct, .quotes-render mark.mixed { background: var(--c); border-radius: 2px; }
.quotes-render mark.mixed { box-shadow: inset 0 -2px 0 #0006; }
.quotes-render mark.indirect { background: linear-gradient(transparent 45%, var(--c) 45%); }
.quotes-render mark.low { outline: 2px dashed #a33; outline-offset: 1px; }
.quotes-render mark.low::after { content: "?"; color: #a33; font: bold 0.75em sans-serif;
  vertical-align: super; }
.quotes-render .mention { font-weight: bold; text-decoration: underline 3px var(--c);
  text-underline-offset: 3px; }
.quotes-render .cue { font-style: italic; text-decoration: underline dotted 2px #333;
  text-underline-offset: 3px; }
"""

_PAGE_CSS = """\
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1rem; background: #fff; }
"""


def _style() -> str:
    """The fragment's style, every rule scoped to ``.quotes-render``."""
    colours = "".join(f".quotes-render .c{n} {{ --c: {colour}; }}\n" for n, colour in enumerate(PALETTE))
    return _CSS + colours + f".quotes-render .unknown {{ --c: {UNKNOWN_COLOUR}; }}\n"


def _legend(legend: dict[str | None, Voice]) -> str:
    """Named speakers, most quoted first; then descriptions ("the presidents"); then the unknown."""
    order = list(legend.values())
    named = sorted((v for v in order if v.named), key=lambda v: (-v.count, order.index(v)))
    described = sorted(
        (v for v in order if not v.named and v.name is not None), key=lambda v: (-v.count, order.index(v))
    )
    unknown = [v for v in order if v.name is None]
    lists = ['<ul class="legend">\n' + "\n".join(map(_item, named)) + "\n</ul>"] if named else []
    if described or unknown:
        lists.append(
            '<ul class="legend descriptions">\n' + "\n".join(map(_item, described + unknown)) + "\n</ul>"
        )
    return "\n".join(lists)


def _item(voice: Voice) -> str:
    """One speaker of the legend: swatch, name, count."""
    name = html.escape(voice.name or "unknown speaker")
    count = f"{voice.count} quote" + ("" if voice.count == 1 else "s")
    return f'<li><span class="swatch {voice.css}"></span>{name} <span class="count">{count}</span></li>'


_KEY = (
    '<p class="key"><mark class="quote direct unknown">direct</mark>, '
    '<mark class="quote mixed unknown">mixed</mark> and '
    '<mark class="quote indirect unknown">indirect</mark> quotations; '
    '<span class="mention unknown">speaker mentions</span>; <span class="cue">cues</span>; '
    f'<mark class="quote direct unknown low">dashed</mark>: less than {LOW_CONFIDENCE:.0%} sure. '
    "Hover over a quotation for its speaker and confidence. Descriptions that name nobody "
    '("the presidents") are listed apart, in italics.</p>'
)


def headline(text: str) -> str | None:
    """The article's headline: among its first three lines, the first of three words or more that
    is short, not a sentence and not a date; None where the article begins first.

    Example:
        >>> headline("Kremlin says talks will go on\\n\\nMOSCOW, Oct 29 (Reuters) - ...")
        'Kremlin says talks will go on'
        >>> headline("Tuesday, October 15, 2019\\n\\nLate on Sunday, ...") is None
        True
    """
    lines = [line.strip() for line in text[:1000].split("\n") if line.strip()][:3]
    for line in lines:
        if len(line) > 160 or line.endswith((".", ",", ":", ";")) or line[0] in "\"“‘'":
            return None  # the article has begun
        if len(line.split()) >= 3 and not (len(line.split()) <= 5 and stated_date(line) is not None):
            return line  # not a section name ("All news") nor a dateline ("Tuesday, October 15, 2019")
    return None


def fragment(text: str, quotes: Iterable[Quote] | None = None, title: str | None = None) -> str:
    """The article with its quotations as an HTML snippet to embed in a page or a notebook.

    Its styles are scoped to its ``<div class="quotes-render">``, with no
    ``body`` or global rule, so it changes nothing around it.

    Args:
        text: The article, exactly as the quotations' offsets index it.
        quotes: Its quotations; found with `quotes.extract` where not given.
        title: The heading; the article's `headline` where not given, else "Quotations".

    Raises:
        ValueError: A quotation, speaker mention or cue is not the text at its offsets.
    """
    ordered = sorted(_found(text, quotes), key=lambda q: (q.start, -q.end))
    for quote in ordered:
        _check(text, "quotation", quote.text, quote.start, quote.end)
        for part, span in (("speaker mention", quote.speaker_mention), ("cue", quote.cue)):
            if span is not None:
                _check(text, part, span.text, span.start, span.end)
    heading = _title(text, title)
    legend = voices(ordered)
    speakers = sum(1 for key in legend if key is not None)
    summary = f"{len(ordered)} quotation{'' if len(ordered) == 1 else 's'}"
    summary += f" from {speakers} speaker{'' if speakers == 1 else 's'}"
    marks = _paragraphs(text) + _marks(ordered, legend)
    return "\n".join(
        [
            '<div class="quotes-render">',
            f"<style>\n{_style()}</style>",
            "<header>",
            f"<h1>{html.escape(heading)}</h1>",
            f'<p class="summary">{summary}</p>',
            _legend(legend),
            _KEY,
            "</header>",
            "<main>",
            f'<div class="article">{nest(text, marks)}</div>',
            "</main>",
            "</div>",
        ]
    )


def _title(text: str, title: str | None) -> str:
    return title if title is not None else headline(text) or "Quotations"


def render(text: str, quotes: Iterable[Quote], title: str | None = None) -> str:
    """A complete standalone HTML page showing `text` with its quotations highlighted.

    Each quotation is coloured by speaker (grey where the speaker is unknown)
    and carries a tooltip with its kind, speaker and confidence; one less
    sure than `LOW_CONFIDENCE` has a dashed outline and a question mark.
    Speaker mentions are bold and underlined in the speaker's colour, cues
    italic with a dotted underline; paragraphs are the text's, blank line by
    blank line. The legend lists named speakers, most quoted first, apart
    from descriptions that name nobody. Every piece of text is HTML-escaped.

    Args:
        text: The article, exactly as the quotations' offsets index it.
        quotes: Its quotations, as `quotes.extract` returns them.
        title: The page's title and heading; the article's `headline` where
            not given, else "Quotations".

    Returns:
        The page, from ``<!DOCTYPE html>`` on.

    Raises:
        ValueError: A quotation, speaker mention or cue is not the text at its offsets.
    """
    body = fragment(text, quotes, title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(_title(text, title))}</title>",
            f"<style>\n{_PAGE_CSS}</style>",
            "</head>",
            "<body>",
            body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _as_tuple(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(quotes)


@attrs.frozen
class Document:
    """An article rendered with its quotations, which Jupyter shows inline.

    Attributes:
        text: The article.
        quotes: Its quotations.
        title: The heading, or None for the article's headline.
    """

    text: str
    quotes: tuple[Quote, ...] = attrs.field(converter=_as_tuple)
    title: str | None = None

    def page(self) -> str:
        """The standalone page (`render`)."""
        return render(self.text, self.quotes, self.title)

    def fragment(self) -> str:
        """The embeddable snippet (`fragment`)."""
        return fragment(self.text, self.quotes, self.title)

    def _repr_html_(self) -> str:
        """What a notebook shows: the snippet, its styles scoped to it."""
        return self.fragment()


def document(text: str, quotes: Iterable[Quote] | None = None, title: str | None = None) -> Document:
    """The article and its quotations (found with `quotes.extract` where not given), for a notebook.

    Example:
        >>> doc = document('"We are ready," Peskov said.')
        >>> doc._repr_html_().startswith('<div class="quotes-render">')
        True
    """
    return Document(text, tuple(_found(text, quotes)), title)


def _found(text: str, quotes: Iterable[Quote] | None) -> Iterable[Quote]:
    """The quotations given, or those `quotes.extract` finds in `text`."""
    if quotes is not None:
        return quotes
    from quotes.extract import extract  # here: rendering given quotations needs no extractor

    return extract(text)
