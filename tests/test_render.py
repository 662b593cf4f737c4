"""Tests of `quotes.render`: an article as a standalone HTML page with its quotations highlighted."""

from __future__ import annotations

import html
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes import extract
from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker
from quotes.render import PALETTE, UNKNOWN_COLOUR, Mark, document, fragment, headline, nest, render, voices

from conftest import SEEDS

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
PESKOV = Speaker("Dmitry Peskov", "dmitry-peskov", "person", "Kremlin spokesman")
ARTICLE = "“We are ready,” Peskov said. <script>alert(1)</script> Peskov said the talks went well.\n"
READY = Quote(
    "We are ready,", 1, 14, QuoteKind.DIRECT, PESKOV,
    Mention("Peskov", 16, 22), Cue("said", "say", 23, 27), 0.95,
)  # fmt: skip
WELL = Quote(
    "the talks went well", 67, 86, QuoteKind.INDIRECT, PESKOV,
    Mention("Peskov", 55, 61), Cue("said", "say", 62, 66), 0.8,
)  # fmt: skip
SCRIPT = Quote("<script>alert(1)</script>", 29, 54, QuoteKind.MIXED, confidence=0.4)


@attrs.frozen
class Element:
    """An element of a parsed page: its tag, attributes and text content."""

    tag: str
    attributes: dict[str, str]
    text: str
    in_article: bool

    @property
    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()


class Page(HTMLParser):
    """A parsed page; parsing fails on any end tag that does not close the innermost open element."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str], list[str], bool]] = []
        self.elements: list[Element] = []
        self.feed(markup)
        self.close()
        assert not self.open, f"never closed: {[tag for tag, *_ in self.open]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            inside = any("article" in attributes.get("class", "").split() for _, attributes, *_ in self.open)
            self.open.append((tag, {name: value or "" for name, value in attrs}, [], inside))

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        name, attributes, parts, inside = self.open.pop()
        assert name == tag, f"</{tag}> closes <{name}>: crossing tags"
        self.elements.append(Element(tag, attributes, "".join(parts), inside))

    def handle_data(self, data: str) -> None:
        for _, _, parts, _ in self.open:
            parts.append(data)

    def having(self, css: str) -> list[Element]:
        """The elements with class `css`, in the order they close."""
        return [element for element in self.elements if css in element.classes]

    def marked(self, css: str) -> list[Element]:
        """The elements of the article with class `css`, in the order they close."""
        return [element for element in self.having(css) if element.in_article]

    @property
    def article(self) -> str:
        """The visible text of the article."""
        [article] = self.having("article")
        return article.text


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[Quote]]:
    """Any text, HTML-significant characters included, with quotations at random overlapping spans."""
    text = draw(st.text(st.characters() | st.sampled_from("<>&\"'\r\n"), max_size=80))
    names = [None, Speaker("Ann"), Speaker("Bo", "bo"), *(Speaker(f"S{n}", f"s{n}") for n in range(9))]

    def span() -> tuple[str, int, int]:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return text[start:end], start, end

    found = []
    for _ in range(draw(st.integers(0, 6))):
        mention = Mention(*span()) if draw(st.booleans()) else None
        said, start, end = span()
        cue = Cue(said, "say", start, end) if draw(st.booleans()) else None
        kind = draw(st.sampled_from(QuoteKind))
        found.append(Quote(*span(), kind, draw(st.sampled_from(names)), mention, cue, draw(st.floats(0, 1))))
    return text, found


class TestVoices:
    """`voices` makes the legend: a colour and a count per speaker."""

    def test_colours_in_order_of_first_quotation(self) -> None:
        """Speakers take the palette's colours in the order they are first quoted."""
        ann, bo = Speaker("Ann"), Speaker("Bo")
        legend = voices(
            [Quote("a", 0, 1, speaker=bo), Quote("b", 2, 3, speaker=ann), Quote("c", 4, 5, speaker=bo)]
        )
        assert [(v.name, v.colour, v.count) for v in legend.values()] == [
            ("Bo", PALETTE[0], 2),
            ("Ann", PALETTE[1], 1),
        ]

    def test_unknown_speaker_is_grey_and_last(self) -> None:
        """Quotations without a speaker share one grey voice at the end of the legend."""
        legend = voices([Quote("a", 0, 1), Quote("b", 2, 3, speaker=PESKOV), Quote("c", 4, 5)])
        assert list(legend) == ["dmitry-peskov", None]
        assert legend[None].colour == UNKNOWN_COLOUR
        assert legend[None].count == 2

    def test_a_speaker_is_known_by_id(self) -> None:
        """Two names with one registry id are one speaker; the first name names them."""
        legend = voices(
            [Quote("a", 0, 1, speaker=PESKOV), Quote("b", 2, 3, speaker=Speaker("Peskov", PESKOV.id))]
        )
        assert [(v.name, v.count) for v in legend.values()] == [("Dmitry Peskov", 2)]

    def test_colours_come_round_again(self) -> None:
        """The ninth speaker takes the first colour again."""
        legend = voices([Quote("a", n, n + 1, speaker=Speaker(f"S{n}")) for n in range(9)])
        colours = [voice.colour for voice in legend.values()]
        assert colours == [*PALETTE, PALETTE[0]]

    def test_the_palette_is_light_enough_for_black_text(self) -> None:
        """Every colour keeps black text at a WCAG AA contrast of at least 4.5."""

        def luminance(colour: str) -> float:
            channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
            linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

        for colour in (*PALETTE, UNKNOWN_COLOUR):
            assert (luminance(colour) + 0.05) / 0.05 >= 4.5, colour
        assert len(set(PALETTE)) == len(PALETTE)


class TestNest:
    """`nest` wraps spans in tags that always nest, whatever the spans do."""

    def test_inner_span_inside_outer(self) -> None:
        """A span inside another becomes an element inside the other."""
        assert nest("abcdef", [Mark(1, 5, "b"), Mark(2, 3, "i")]) == "a<b>b<i>c</i>de</b>f"

    def test_crossing_spans_are_split(self) -> None:
        """A span that crosses another's end is closed there and reopened after it."""
        assert nest("abcdef", [Mark(0, 4, "b"), Mark(2, 6, "i")]) == "<b>ab<i>cd</i></b><i>ef</i>"

    def test_same_bounds_lower_layer_outside(self) -> None:
        """Of two spans with the same bounds, the lower layer goes outside, whatever the input order."""
        marks = [Mark(0, 3, "span", layer=1), Mark(0, 3, "mark", layer=0)]
        assert nest("abc", marks) == nest("abc", marks[::-1]) == "<mark><span>abc</span></mark>"

    def test_escapes_text_and_attributes(self) -> None:
        """Text and attribute values are escaped."""
        mark = Mark(0, 8, "span", (("title", '"><script>'),))
        assert (
            nest("<script>&", [mark]) == '<span title="&quot;&gt;&lt;script&gt;">&lt;script&gt;</span>&amp;'
        )

    def test_empty_and_outside_spans_are_left_out(self) -> None:
        """Empty spans and spans reaching past the text make no tags."""
        assert nest("abc", [Mark(1, 1, "b"), Mark(2, 9, "i"), Mark(-1, 2, "u")]) == "abc"

    @given(
        st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 1)))
    )
    def test_always_nests_and_keeps_the_text(self, text: str, spans: list[tuple[int, int, int]]) -> None:
        """Whatever the spans, tags balance, the text content is the text, and each span is covered."""
        tags = ("b", "i", "u", "s", "em")  # distinct names, so a crossing tag cannot pass unseen
        marks = [
            Mark(min(a, b), max(a, b), tags[n % len(tags)], (("class", f"m{n}"),), layer)
            for n, (a, b, layer) in enumerate(spans)
        ]
        page = Page(f'<div class="article">{nest(text, marks)}</div>')
        assert page.article == text
        for n, mark in enumerate(marks):
            if mark.end <= len(text):
                pieces = "".join(element.text for element in page.marked(f"m{n}"))
                assert pieces == text[mark.start : mark.end]


class TestRender:
    """`render` writes a complete page that needs nothing from the network."""

    def test_a_complete_page(self) -> None:
        """The page runs from the doctype to the closing html tag, its tags balanced."""
        page = render(ARTICLE, [READY, WELL, SCRIPT])
        assert page.startswith("<!DOCTYPE html>\n<html")
        assert page.endswith("</html>\n")
        assert Page(page).article == ARTICLE

    def test_nothing_to_fetch_or_run(self) -> None:
        """No script, link, font, image or URL, and a policy that forbids them anyway."""
        page = render(ARTICLE, [READY, WELL, SCRIPT])
        for needle in ("<script", "<link", "<img", "@import", "url(", "http:", "https:", "src="):
            assert needle not in page.lower(), needle
        assert "default-src 'none'" in page

    def test_article_text_is_escaped(self) -> None:
        """Markup in the article is shown as text, inside and outside quotations."""
        page = Page(render(ARTICLE, [SCRIPT]))
        assert page.article == ARTICLE
        assert [quote.text for quote in page.marked("quote")] == ["<script>alert(1)</script>"]

    def test_title_is_escaped(self) -> None:
        """The title is text too."""
        page = render("", [], title="<b>bold</b> & co")
        assert "<title>&lt;b&gt;bold&lt;/b&gt; &amp; co</title>" in page
        assert "<b>" not in page

    def test_quotations_are_coloured_by_speaker(self) -> None:
        """Each quotation is marked with its kind and its speaker's colour class."""
        page = Page(render(ARTICLE, [READY, WELL, SCRIPT]))
        marks = [(q.tag, q.text, q.classes) for q in page.marked("quote")]
        assert marks == [
            ("mark", "We are ready,", ["quote", "direct", "c0"]),
            ("mark", "<script>alert(1)</script>", ["quote", "mixed", "unknown", "low"]),
            ("mark", "the talks went well", ["quote", "indirect", "c0"]),
        ]
        assert f".c0 {{ --c: {PALETTE[0]}; }}" in render(ARTICLE, [READY])

    def test_tooltips_give_kind_speaker_and_confidence(self) -> None:
        """Hovering over a quotation shows its kind, speaker and confidence."""
        titles = [q.attributes["title"] for q in Page(render(ARTICLE, [READY, SCRIPT])).marked("quote")]
        assert titles == [
            "direct · Dmitry Peskov, Kremlin spokesman · confidence 0.95",
            "mixed · unknown speaker · confidence 0.40",
        ]

    def test_mentions_and_cues_are_marked_once(self) -> None:
        """Speaker mentions and cues are marked, each span once however many quotations share it."""
        again = attrs.evolve(READY, text="We", end=3)
        page = Page(render(ARTICLE, [READY, again, WELL]))
        assert [(m.text, m.classes) for m in page.marked("mention")] == [
            ("Peskov", ["mention", "c0"]),
            ("Peskov", ["mention", "c0"]),
        ]
        assert [cue.text for cue in page.marked("cue")] == ["said", "said"]
        assert [cue.attributes["title"] for cue in page.marked("cue")] == ["cue: say", "cue: say"]

    def test_legend_lists_speakers_with_counts(self) -> None:
        """The legend names each speaker, with their colour and number of quotations; the unknown apart."""
        page = Page(render(ARTICLE, [READY, WELL, SCRIPT]))
        named, described = page.having("legend")
        assert named.text.strip() == "Dmitry Peskov 2 quotes"
        assert described.text.strip() == "unknown speaker 1 quote"
        assert [s.classes for s in page.having("swatch")] == [["swatch", "c0"], ["swatch", "unknown"]]

    def test_legend_puts_the_most_quoted_first_and_descriptions_apart(self) -> None:
        """Named speakers by count, then descriptions that name nobody, in a list of their own."""
        text = '"A," Ann Lee said. "B," the presidents said. "C," Bo Ma said. "D," Bo Ma added.'
        found = [
            Quote("A,", 1, 3, speaker=Speaker("Ann Lee")),
            Quote("B,", 20, 22, speaker=Speaker("the presidents")),
            Quote("C,", 46, 48, speaker=Speaker("Bo Ma")),
            Quote("D,", 63, 65, speaker=Speaker("Bo Ma")),
        ]
        named, described = Page(render(text, found)).having("legend")
        assert named.text.strip().split("\n") == ["Bo Ma 2 quotes", "Ann Lee 1 quote"]
        assert described.text.strip() == "the presidents 1 quote"
        assert "descriptions" in described.classes

    def test_low_confidence_is_marked_on_the_page(self) -> None:
        """A quotation less than 50% sure carries the class the dashed outline and the "?" hang on."""
        page = Page(render(ARTICLE, [READY, SCRIPT]))
        assert [q.text for q in page.marked("low")] == ["<script>alert(1)</script>"]
        assert "mark.low::after" in render(ARTICLE, [])

    def test_paragraphs_are_paragraphs(self) -> None:
        """Each blank-line-separated paragraph is a <p>; the article's text is still all there."""
        text = "Headline here\n\nFirst paragraph, line one.\nLine two.\n\n\nSecond paragraph."
        page = Page(render(text, []))
        assert [p.text for p in page.elements if p.tag == "p" and p.in_article] == [
            "Headline here",
            "First paragraph, line one.\nLine two.",
            "Second paragraph.",
        ]
        assert page.article == text

    def test_a_text_without_blank_lines_has_a_paragraph_a_line(self) -> None:
        """Many news files put one paragraph on each line, with no blank line between."""
        text = "Headline here\nANKARA\nFirst paragraph.\nSecond paragraph."
        page = Page(render(text, []))
        paragraphs = [p.text for p in page.elements if p.tag == "p" and p.in_article]
        assert paragraphs == ["Headline here", "ANKARA", "First paragraph.", "Second paragraph."]
        assert page.article == text

    def test_a_quotation_across_paragraphs_is_split_inside_them(self) -> None:
        """A mark never holds a paragraph: it closes at the paragraph's end and opens again in the next."""
        text = "“We are ready.\n\nWe will wait,” Peskov said."
        quote = Quote(text[1:29], 1, 29, speaker=PESKOV)
        page = Page(render(text, [quote]))
        assert [m.text for m in page.marked("quote")] == ["We are ready.", "\n\n", "We will wait,"]
        paragraphs = [p.text for p in page.elements if p.tag == "p" and p.in_article]
        assert paragraphs == ["“We are ready.", "We will wait,” Peskov said."]

    def test_the_headline_is_the_title(self) -> None:
        """Without a title, the article's first line names the page where it reads as a headline."""
        page = render("Kremlin says talks go on\n\nMOSCOW - Peskov spoke.", [])
        assert "<title>Kremlin says talks go on</title>" in page
        assert "<title>Quotations</title>" in render("It began. Then it went on.", [])
        assert headline('"We are ready," Peskov said.') is None
        assert headline("Tuesday, October 15, 2019\n\nLate on Sunday, the SDF said.") is None  # a dateline

    def test_mismatched_offsets_are_an_error(self) -> None:
        """A quotation that is not the text at its offsets is a ValueError naming it."""
        with pytest.raises(ValueError, match=r"Cannot render quotation 'We are ready,' at 1\.\.14"):
            render("Something else entirely.", [READY])
        with pytest.raises(ValueError, match="Cannot render cue 'said'"):
            render(ARTICLE, [attrs.evolve(READY, cue=Cue("said", "say", 0, 4))])

    @given(articles())
    def test_any_overlap_nests_and_shows_the_article(self, article: tuple[str, list[Quote]]) -> None:
        """Over random texts and spans, the page's tags balance and its article shows the text exactly."""
        text, found = article
        page = Page(render(text, found))
        assert page.article == text
        assert len({q.attributes["data-quote"] for q in page.marked("quote")}) == len(
            [q for q in found if q.text]
        )

    def test_every_seed_renders(self, seed_texts: dict[str, str]) -> None:
        """Each seed article renders with every quotation and speaker of `extract`."""
        for text in seed_texts.values():
            found = extract(text)
            page = Page(render(text, found))
            assert page.article == text
            assert sorted(q.text for q in page.marked("quote")) >= sorted(q.text for q in found)
            names = {q.speaker.name for q in found if q.speaker}
            legend = "\n".join(element.text for element in page.having("legend"))
            assert all(name in legend for name in names)


class TestFragment:
    """`fragment` and `document`: the same view to embed, its styles kept to itself."""

    def test_styles_are_scoped(self) -> None:
        """Every rule of the snippet's style starts with .quotes-render: no body rule, no global one."""
        snippet = fragment(ARTICLE, [READY, WELL])
        style = snippet.split("<style>", 1)[1].split("</style>", 1)[0]
        selectors = [rule.split("{", 1)[0] for rule in style.split("}") if "{" in rule]
        assert selectors
        assert all(
            part.strip().startswith(".quotes-render") for rule in selectors for part in rule.split(",")
        )
        assert snippet.startswith('<div class="quotes-render">')
        assert Page(snippet).article == ARTICLE

    def test_jupyter_shows_the_snippet(self) -> None:
        """A `Document` has _repr_html_, which notebooks call: the snippet, quotations found for it."""
        doc = document('"We are ready," Peskov said.')
        assert doc._repr_html_() == fragment(doc.text, doc.quotes)
        assert [q.text for q in Page(doc._repr_html_()).marked("quote")] == ["We are ready,"]
        assert doc.page().startswith("<!DOCTYPE html>")


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


CHROMIUM = _chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (no /usr/bin/chromium, none on PATH): no check in a real browser",
)
SEED = SEEDS / "003_eb836b8ba36c14d0.txt"  # four speakers, overlapping indirect and mixed quotations


def headless(page: Path, profile: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Open `page` in headless chromium, with networking and background services off."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *options,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def seed_page(tmp_path: Path) -> tuple[Path, list[Quote], str]:
    """A seed article's page written to a file, with its quotations and text."""
    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    path = tmp_path / "page.html"
    path.write_text(render(text, found, title=SEED.name), encoding="utf-8")
    return path, found, text


@needs_chromium
class TestInBrowser:
    """The page as a real browser reads it."""

    def test_dom_holds_the_speakers_and_the_article(
        self, seed_page: tuple[Path, list[Quote], str], tmp_path: Path
    ) -> None:
        """Chromium's DOM names every speaker, holds every quotation and shows the article's text."""
        path, found, text = seed_page
        result = headless(path, tmp_path / "profile", "--dump-dom")
        assert result.returncode == 0, result.stderr
        dom = result.stdout
        for name in {q.speaker.name for q in found if q.speaker}:
            assert html.escape(name, quote=False) in dom
        page = Page(dom)
        assert page.article == text.replace("\r\n", "\n")
        assert len({q.attributes["data-quote"] for q in page.marked("quote")}) == len(found)
        paragraphs = [e for e in page.elements if e.tag == "p" and e.in_article]
        assert len(paragraphs) == len([line for line in text.splitlines() if line.strip()])

    def test_screenshot_is_a_png(self, seed_page: tuple[Path, list[Quote], str], tmp_path: Path) -> None:
        """Chromium draws the page to a PNG of the window's size."""
        path, _, _ = seed_page
        shot = tmp_path / "x.png"
        result = headless(path, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,900")
        assert result.returncode == 0, result.stderr
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", data[16:24]) == (1200, 900)
        assert len(data) > 20_000  # a blank page compresses to a few kilobytes
