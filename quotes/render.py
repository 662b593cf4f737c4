"""One article as a standalone HTML page, each quotation highlighted in its speaker's colour.

The page needs no network: its style is inline, and it has no script, font or
image to fetch (its content security policy forbids them). The markup is built
from the sorted boundaries of every span, so tags nest properly however
quotations, speaker mentions and cues overlap.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs

from quotes.errors import Errors
from quotes.model import Quote, Speaker

__all__ = ["PALETTE", "UNKNOWN_COLOUR", "Mark", "Voice", "nest", "render", "voices"]

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

_POLICY = "default-src 'none'; style-src 'unsafe-inline'"  # nothing to fetch, nothing to run
_QUOTE, _SPAN = 0, 1  # layers: quotations enclose mentions and cues that share their bounds


@attrs.frozen
class Voice:
    """One line of the legend: a speaker, their colour and their number of quotations.

    Attributes:
        name: The speaker's name, or None for quotations nobody is credited with.
        colour: The speaker's colour, a CSS hex colour.
        css: The CSS class that carries the colour (``c0`` ... or ``unknown``).
        count: How many quotations the speaker has on the page.
    """

    name: str | None
    colour: str
    css: str
    count: int


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
        legend[key] = Voice(names[key], colour, f"c{number % len(PALETTE)}", counts[key])
    if None in counts:
        legend[None] = Voice(None, UNKNOWN_COLOUR, "unknown", counts[None])
    return legend


def nest(text: str, marks: Iterable[Mark]) -> str:
    """`text`, HTML-escaped, with each mark's tags around its span, always properly nested.

    The text is cut at every mark's start and end. At each cut, the marks that
    end there are closed, together with any opened inside them that go on;
    those are reopened straight away with the marks that start there, longest
    outermost. A mark that crosses the end of another thus becomes two
    elements, never a crossing tag. Empty marks, and marks reaching outside
    the text, are left out.

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
        ending = next((depth for depth, mark in enumerate(stack) if mark.end <= here), len(stack))
        parts.extend(mark.close() for mark in reversed(stack[ending:]))
        opening = [mark for mark in stack[ending:] if mark.end > here]
        del stack[ending:]
        while index < len(pending) and pending[index].start == here:
            opening.append(pending[index])
            index += 1
        for mark in sorted(opening, key=lambda m: (-m.end, m.layer)):
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
        about: tuple[tuple[str, str], ...] = (
            ("class", f"quote {quote.kind.value} {voice.css}"),
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


_CSS = """\
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1rem; background: #fff; color: #1a1a1a;
  font: 17px/1.7 Georgia, "DejaVu Serif", "Liberation Serif", serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.summary, .key { color: #444; font-size: 0.9rem; margin: 0.25rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; list-style: none; margin: 0.75rem 0;
  padding: 0; font: 0.95rem/1.5 system-ui, "DejaVu Sans", "Liberation Sans", sans-serif; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em; vertical-align: -0.1em;
  border: 1px solid #0003; border-radius: 2px; background: var(--c); }
.count { color: #555; }
header { border-bottom: 1px solid #ccc; margin-bottom: 1.25rem; padding-bottom: 0.5rem; }
.article { white-space: pre-wrap; overflow-wrap: break-word; }
mark { color: inherit; }
mark.direct, mark.mixed { background: var(--c); border-radius: 2px; }
mark.mixed { box-shadow: inset 0 -2px 0 #0006; }
mark.indirect { background: linear-gradient(transparent 45%, var(--c) 45%); }
.mention { font-weight: bold; text-decoration: underline 3px var(--c); text-underline-offset: 3px; }
.cue { font-style: italic; text-decoration: underline dotted 2px #333; text-underline-offset: 3px; }
"""


def _style() -> str:
    colours = "".join(f".c{n} {{ --c: {colour}; }}\n" for n, colour in enumerate(PALETTE))
    return _CSS + colours + f".unknown {{ --c: {UNKNOWN_COLOUR}; }}\n"


def _legend(legend: dict[str | None, Voice]) -> str:
    items = []
    for voice in legend.values():
        name = html.escape(voice.name or "unknown speaker")
        count = f"{voice.count} quote" + ("" if voice.count == 1 else "s")
        items.append(
            f'<li><span class="swatch {voice.css}"></span>{name} <span class="count">{count}</span></li>'
        )
    return '<ul class="legend">\n' + "\n".join(items) + "\n</ul>"


_KEY = (
    '<p class="key"><mark class="quote direct unknown">direct</mark>, '
    '<mark class="quote mixed unknown">mixed</mark> and '
    '<mark class="quote indirect unknown">indirect</mark> quotations; '
    '<span class="mention unknown">speaker mentions</span>; <span class="cue">cues</span>. '
    "Hover over a quotation for its speaker and confidence.</p>"
)


def render(text: str, quotes: Iterable[Quote], title: str = "Quotations") -> str:
    """A complete standalone HTML page showing `text` with its quotations highlighted.

    Each quotation is coloured by speaker (grey where the speaker is unknown)
    and carries a tooltip with its kind, speaker and confidence; speaker
    mentions are bold and underlined in the speaker's colour, cues italic with
    a dotted underline. A legend lists each speaker with their colour and
    number of quotations. Every piece of text is HTML-escaped.

    Args:
        text: The article, exactly as the quotations' offsets index it.
        quotes: Its quotations, as `quotes.extract` returns them.
        title: The page's title and heading.

    Returns:
        The page, from ``<!DOCTYPE html>`` on.

    Raises:
        ValueError: A quotation, speaker mention or cue is not the text at its offsets.
    """
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    for quote in ordered:
        _check(text, "quotation", quote.text, quote.start, quote.end)
        for part, span in (("speaker mention", quote.speaker_mention), ("cue", quote.cue)):
            if span is not None:
                _check(text, part, span.text, span.start, span.end)
    legend = voices(ordered)
    speakers = sum(1 for key in legend if key is not None)
    summary = f"{len(ordered)} quotation{'' if len(ordered) == 1 else 's'}"
    summary += f" from {speakers} speaker{'' if speakers == 1 else 's'}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            f"<style>\n{_style()}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{html.escape(title)}</h1>",
            f'<p class="summary">{summary}</p>',
            _legend(legend),
            _KEY,
            "</header>",
            "<main>",
            f'<div class="article">{nest(text, _marks(ordered, legend))}</div>',
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
