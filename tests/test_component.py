"""Tests of the ``quotes`` spaCy component: spans, ``doc._.quotes``, DocBin and config."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, SpanGroup
from spacy.training import Example

import quotes
import quotes.registry
from quotes.component import QuoteComponent, covering_span, quotes_of
from quotes.evaluate import GoldQuote
from quotes.model import DateSource, QuoteKind, SpeakerKind

from conftest import load_trained_pipeline
from strategies import newsy_text

_REGISTRY = """
[[entry]]
id = "olena-kovalenko"
name = "Olena Kovalenko"
kind = "person"
gender = "female"
aliases = ["Kovalenko"]
roles = [{ title = "city spokeswoman", organisation = "Kyiv City Council" }]
"""
_TWO_SPEAKERS = '"The bridge reopens on Monday," Kovalenko said. "We will pay," Peskov said.'


def _blank(config: dict[str, object] | None = None) -> Language:
    """A blank English pipeline with only the quotes component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("quotes", config=config or {})
    return nlp


def _round_trip(nlp: Language, doc: Doc) -> Doc:
    """`doc` after a DocBin round trip with default settings."""
    docs = DocBin()
    docs.add(doc)
    [loaded] = DocBin().from_bytes(docs.to_bytes()).get_docs(nlp.vocab)
    return loaded


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A blank pipeline with the quotes component, shared by tests that only read from it."""
    return _blank()


class TestFactory:
    """``nlp.add_pipe("quotes")`` works on a blank pipeline, by entry point."""

    def test_adds_the_component(self, nlp: Language) -> None:
        """The factory name resolves to the component class."""
        assert isinstance(nlp.get_pipe("quotes"), QuoteComponent)

    def test_finds_what_extract_finds_on_every_seed(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """On a blank pipeline, ``doc._.quotes`` equals `quotes.extract` of the text."""
        for text in seed_texts.values():
            assert nlp(text)._.quotes == quotes.extract(text)

    def test_finds_a_seed_quote_with_its_speaker(
        self, nlp: Language, seed_texts: dict[str, str], seed_gold: list[GoldQuote]
    ) -> None:
        """The first gold quote of the seeds is found at its offsets, with its speaker."""
        gold = seed_gold[0]
        found = {(q.start, q.end): q for q in nlp(seed_texts[gold.doc])._.quotes}
        quote = found[gold.start, gold.end]
        assert quote.speaker is not None
        assert quote.speaker.name == gold.speaker

    def test_uses_the_entities_already_on_the_doc(self) -> None:
        """An entity set by an earlier component makes an unknown name a person."""
        text = 'Tuesday was calm. "The building is unsafe," Zinichev told reporters.'
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "PERSON", "pattern": "Zinichev"}])  # type: ignore[attr-defined]
        nlp.add_pipe("quotes")
        [quote] = nlp(text)._.quotes
        assert quote.speaker is not None
        assert quote.speaker.kind is SpeakerKind.PERSON
        [without] = _blank()(text)._.quotes
        assert without.speaker is not None
        assert without.speaker.kind is SpeakerKind.UNKNOWN


class TestSpans:
    """``doc.spans["quotes"]`` holds one span per quotation, in order."""

    def test_one_span_per_quote_with_kind_and_speaker(self, nlp: Language) -> None:
        """The label is the kind, the kb_id the registered speaker's registry id."""
        doc = nlp('"We are ready," Peskov said.\n\nHe called the talks "a step forward for all".')
        assert [(span.text, span.label_, span.kb_id_) for span in doc.spans["quotes"]] == [
            ("We are ready,", "direct", "dmitry-peskov"),
            ("a step forward for all", "mixed", "dmitry-peskov"),
        ]

    def test_an_unregistered_speaker_is_named_in_the_kb_id(self, nlp: Language) -> None:
        """A speaker nobody registered has no id: the kb_id is the name the article gives."""
        doc = nlp('"We are ready," Ann Lee said.')
        assert [(span.label_, span.kb_id_) for span in doc.spans["quotes"]] == [("direct", "Ann Lee")]

    @pytest.mark.parametrize(
        "speakers",
        [
            "rules",
            pytest.param(
                "ranker",
                marks=pytest.mark.xfail(
                    strict=True,
                    reason="known limitation of the learned ranker: the subject of a passive "
                    "naming verb ('the talks were called') read as the speaker",
                ),
            ),
        ],
    )
    def test_no_speaker_is_an_empty_kb_id(self, speakers: str) -> None:
        """A quotation nobody is named for has ``kb_id_ == ""``."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes", config={"speakers": speakers})
        doc = nlp('"We are ready," Peskov said.\n\nThe talks were called "a step forward for all".')
        assert [(span.label_, span.kb_id_) for span in doc.spans["quotes"]] == [
            ("direct", "dmitry-peskov"),
            ("mixed", ""),
        ]

    def test_an_unknown_way_of_choosing_speakers_fails_when_added(self) -> None:
        with pytest.raises(ValueError, match="speakers"):
            spacy.blank("en").add_pipe("quotes", config={"speakers": "oracle"})

    def test_spans_cover_their_quotes_on_every_seed(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """Each span covers its quotation's characters, and no token more than it needs."""
        for text in seed_texts.values():
            doc = nlp(text)
            for span, quote in zip(doc.spans["quotes"], doc._.quotes, strict=True):
                first, last = span[0], span[-1]
                assert first.idx <= quote.start < first.idx + len(first)
                assert last.idx < quote.end <= last.idx + len(last)

    def test_attrs_hold_every_quote_as_a_dictionary(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """The group's attrs keep `Quote.to_dict` of each quotation, in order."""
        for text in seed_texts.values():
            expected = [q.to_dict() for q in quotes.extract(text)]
            assert nlp(text).spans["quotes"].attrs["quotes"] == expected

    @given(newsy_text())
    def test_spans_and_quotes_stay_aligned(self, text: str) -> None:
        """Whatever the text, there is exactly one span per quotation."""
        doc = _NLP(text)
        assert len(doc.spans["quotes"]) == len(doc._.quotes)


_NLP = _blank()  # hypothesis forbids function-scoped fixtures


class TestCoveringSpan:
    """`covering_span` is the tokens a character range overlaps."""

    def test_expands_to_whole_tokens(self, nlp: Language) -> None:
        """A range inside words grows to the words."""
        doc = nlp.make_doc("The bridge reopens today.")
        assert covering_span(doc, 5, 12).text == "bridge reopens"

    @pytest.mark.parametrize("offset", [0, 10, 25])
    def test_an_empty_range_is_an_empty_span_at_its_position(self, nlp: Language, offset: int) -> None:
        """An empty range, even at either end of the text, overlaps no token."""
        doc = nlp.make_doc("The bridge reopens today.")
        span = covering_span(doc, offset, offset)
        assert len(span) == 0
        assert span.start == len([t for t in doc if t.idx + len(t) <= offset])


class TestDocBin:
    """A `DocBin` round trip with default settings keeps every field."""

    def test_round_trip_keeps_every_quote_exactly(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """``doc._.quotes`` after loading equals it before, on every seed."""
        for text in seed_texts.values():
            doc = nlp(text)
            loaded = _round_trip(nlp, doc)
            assert loaded._.quotes == doc._.quotes
            assert [q.to_dict() for q in loaded._.quotes] == [q.to_dict() for q in doc._.quotes]

    def test_round_trip_keeps_labels_and_kb_ids(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """The spans come back with the same tokens, labels and kb_ids."""
        for text in seed_texts.values():
            doc = nlp(text)
            before = [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans["quotes"]]
            loaded = _round_trip(nlp, doc)
            after = [(s.start, s.end, s.label_, s.kb_id_) for s in loaded.spans["quotes"]]
            assert after == before

    def test_round_trip_into_a_fresh_vocabulary(self, nlp: Language) -> None:
        """Labels and kb_ids travel in the DocBin's strings, not in the vocabulary."""
        doc = nlp('"We are ready," Peskov said.')
        fresh = _blank()
        loaded = _round_trip(fresh, doc)
        assert [(s.label_, s.kb_id_) for s in loaded.spans["quotes"]] == [("direct", "dmitry-peskov")]
        assert loaded._.quotes == doc._.quotes


class TestConfig:
    """The config chooses kinds and adds a registry file."""

    def test_default_config(self, nlp: Language) -> None:
        """All kinds, no registry file, the learned ranker, and the date in ``published``."""
        assert nlp.get_pipe_config("quotes") == {
            "factory": "quotes",
            "kinds": ["direct", "mixed", "indirect"],
            "registry": None,
            "speakers": "ranker",
            "date_attr": "published",
            "spans_key": "quotes",
        }

    def test_kinds_restrict_what_is_found(self, seed_texts: dict[str, str]) -> None:
        """``kinds = ["indirect"]`` finds exactly the indirect quotations of the default."""
        nlp = _blank({"kinds": ["indirect"]})
        for text in seed_texts.values():
            expected = [q for q in quotes.extract(text) if q.kind is QuoteKind.INDIRECT]
            assert nlp(text)._.quotes == expected

    def test_an_unknown_kind_is_an_error_naming_it(self) -> None:
        """A misspelt kind fails when the pipe is added, not later."""
        with pytest.raises(ValueError, match="'partial'"):
            _blank({"kinds": ["direct", "partial"]})

    def test_a_registry_file_links_a_new_speaker(self, tmp_path: Path) -> None:
        """A speaker from the file gets its canonical name and id."""
        path = tmp_path / "officials.toml"
        path.write_text(_REGISTRY, encoding="utf-8")
        first, _ = _blank({"registry": str(path)})(_TWO_SPEAKERS)._.quotes
        assert first.speaker is not None
        assert (first.speaker.name, first.speaker.id) == ("Olena Kovalenko", "olena-kovalenko")
        unlinked, _ = _blank()(_TWO_SPEAKERS)._.quotes
        assert unlinked.speaker is not None
        assert unlinked.speaker.id is None

    def test_a_registry_file_is_merged_into_the_default(self, tmp_path: Path) -> None:
        """The default registry's speakers are still linked."""
        path = tmp_path / "officials.toml"
        path.write_text(_REGISTRY, encoding="utf-8")
        _, second = _blank({"registry": str(path)})(_TWO_SPEAKERS)._.quotes
        assert second.speaker is not None
        assert second.speaker.id == "dmitry-peskov"

    def test_a_malformed_registry_file_is_a_registry_error(self, tmp_path: Path) -> None:
        """A broken file fails when the pipe is added, naming the file."""
        path = tmp_path / "broken.toml"
        path.write_text('[[entry]]\nid = "x"\n', encoding="utf-8")
        with pytest.raises(quotes.RegistryError, match=r"broken\.toml"):
            _blank({"registry": str(path)})


_SPOKESMAN = '"We are ready," the Kremlin spokesman said.'


class TestSpansKey:
    """``spans_key`` names the span group; ``doc._.quotes`` and scores follow it."""

    def test_a_custom_key(self) -> None:
        """The quotations go to ``doc.spans[key]``, and nothing to "quotes"."""
        doc = _blank({"spans_key": "sources"})(_TWO_SPEAKERS)
        assert "quotes" not in doc.spans
        assert [span.kb_id_ for span in doc.spans["sources"]] == ["Kovalenko", "dmitry-peskov"]
        assert [q.speaker.name for q in doc._.quotes] == ["Kovalenko", "Dmitry Peskov"]

    def test_scores_are_named_by_the_key(self, seed_texts: dict[str, str]) -> None:
        """``nlp.evaluate`` reports ``spans_<key>_f``."""
        nlp = _blank({"spans_key": "sources"})
        text = next(iter(seed_texts.values()))
        scores = nlp.evaluate([Example(nlp.make_doc(text), nlp(text))])
        assert scores["spans_sources_f"] == 1.0


class TestSerialisation:
    """A custom registry travels with the pipeline: ``nlp.to_disk`` then ``spacy.load``."""

    def test_to_disk_and_load_keep_added_speakers(self, tmp_path: Path) -> None:
        """Speakers added to the component are linked after loading, with their file gone."""
        file = tmp_path / "speakers.toml"
        file.write_text(_REGISTRY, encoding="utf-8")
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes").add_registry(file)
        nlp.to_disk(tmp_path / "pipeline")
        file.unlink()
        loaded = spacy.load(tmp_path / "pipeline")
        assert [q.speaker.id for q in loaded(_TWO_SPEAKERS)._.quotes] == ["olena-kovalenko", "dmitry-peskov"]

    def test_only_added_speakers_are_saved(self, tmp_path: Path) -> None:
        """The default registry is the library's, not a frozen copy: only additions go to disk."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes").add_registry(quotes.registry.Registry.from_toml(_REGISTRY))
        nlp.to_disk(tmp_path / "pipeline")
        saved = (tmp_path / "pipeline" / "quotes" / "registry.toml").read_text(encoding="utf-8")
        assert quotes.registry.Registry.from_toml(saved) == quotes.registry.Registry.from_toml(_REGISTRY)

    def test_bytes_round_trip(self) -> None:
        """``nlp.to_bytes`` and ``from_bytes`` carry the added speakers too."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes").add_registry(quotes.registry.Registry.from_toml(_REGISTRY))
        other = spacy.blank("en")
        other.add_pipe("quotes")
        other.from_bytes(nlp.to_bytes())
        assert [q.speaker.id for q in other(_TWO_SPEAKERS)._.quotes] == ["olena-kovalenko", "dmitry-peskov"]


class TestLanguage:
    """The component reads English; another language's pipeline is refused, not silently empty."""

    @pytest.mark.parametrize("lang", ["de", "fr"])
    def test_another_language_is_a_numbered_error(self, lang: str) -> None:
        with pytest.raises(
            ValueError, match=rf"component reads English news, but this pipeline's language is '{lang}'"
        ):
            spacy.blank(lang).add_pipe("quotes")


class TestPublished:
    """The component reads each doc's date from its user data or an extension of the user's."""

    def test_user_data_dates_the_doc(self) -> None:
        nlp = _blank()
        doc = nlp.make_doc(_SPOKESMAN)
        doc.user_data["published"] = "2019-10-29"
        [quote] = nlp(doc)._.quotes
        assert quote.speaker is not None
        assert quote.speaker.id == "dmitry-peskov"
        assert (quote.date, quote.date_source) == (datetime.date(2019, 10, 29), DateSource.GIVEN)
        assert nlp(doc).spans["quotes"][0].kb_id_ == "dmitry-peskov"

    def test_a_date_before_the_office_names_no_one(self) -> None:
        nlp = _blank()
        doc = nlp.make_doc(_SPOKESMAN)
        doc.user_data["published"] = datetime.date(2010, 1, 1)
        [quote] = nlp(doc)._.quotes
        assert quote.speaker is not None
        assert quote.speaker.id is None

    def test_a_configured_extension_dates_the_doc(self) -> None:
        """``date_attr`` names the user's own extension; its value wins over user data."""
        if not Doc.has_extension("issued"):
            Doc.set_extension("issued", default=None)
        nlp = _blank({"date_attr": "issued"})
        doc = nlp.make_doc(_SPOKESMAN)
        doc._.issued = datetime.date(2019, 10, 29)
        doc.user_data["issued"] = "2010-01-01"
        [quote] = nlp(doc)._.quotes
        assert quote.date == datetime.date(2019, 10, 29)

    def test_an_undated_doc_uses_its_dateline(self) -> None:
        [quote] = _blank()("MOSCOW, Oct. 29, 2019 - " + _SPOKESMAN)._.quotes
        assert (quote.date, quote.date_source) == (datetime.date(2019, 10, 29), DateSource.DATELINE)


class TestExtension:
    """``doc._.quotes`` is registered once ``quotes`` is imported, as spaCy users expect of an extension."""

    def test_adding_the_pipe_twice_is_harmless(self) -> None:
        """Two pipelines, each with the component, both read ``doc._.quotes``."""
        first, second = _blank(), _blank()
        assert Doc.has_extension("quotes")
        assert first('"Yes," he said.')._.quotes == second('"Yes," he said.')._.quotes

    @pytest.mark.parametrize("module", ["quotes", "quotes.component", "quotes.compat"])
    def test_importing_registers_the_extension(self, module: str) -> None:
        """In a fresh process, importing the package (or any of its modules) is enough."""
        code = f"import {module}; from spacy.tokens import Doc; print(Doc.has_extension('quotes'))"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "True"

    def test_importing_quotes_does_not_import_spacy(self) -> None:
        """The default pipeline needs no spaCy, so importing the package leaves it unloaded."""
        code = "import sys, quotes; print('spacy' in sys.modules)"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "False"

    def test_a_fresh_process_reads_quotes_from_a_doc_bin(self, nlp: Language, tmp_path: Path) -> None:
        """Docs saved by one process are read in another that only imported quotes: no E046."""
        DocBin(docs=[nlp(_TWO_SPEAKERS)]).to_disk(tmp_path / "docs.spacy")
        path = str(tmp_path / "docs.spacy")
        code = (
            "import spacy, quotes; from spacy.tokens import DocBin; "
            f"[doc] = DocBin().from_disk({path!r}).get_docs(spacy.blank('en').vocab); "
            "print([q.speaker.name for q in doc._.quotes])"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "['Kovalenko', 'Dmitry Peskov']"

    def test_a_doc_the_component_did_not_process_has_no_quotes(self, nlp: Language) -> None:
        """Without the span group the getter returns an empty list."""
        assert nlp.make_doc('"Yes," he said.')._.quotes == []

    def test_a_group_without_attrs_is_read_from_its_spans(self, nlp: Language) -> None:
        """Kind, speaker, text and offsets come back from a hand-made span group."""
        doc = nlp.make_doc('"We are ready," Peskov said.')
        span = Span(doc, 1, 5, label="direct", kb_id="Dmitry Peskov")
        doc.spans["quotes"] = SpanGroup(doc, name="quotes", spans=[span])
        [quote] = quotes_of(doc)
        assert (quote.text, quote.start, quote.end) == ("We are ready,", 1, 14)
        assert quote.kind is QuoteKind.DIRECT
        assert quote.speaker is not None
        assert quote.speaker.name == "Dmitry Peskov"

    @pytest.mark.parametrize("label", ["", "NOTE", "DIRECT"])
    def test_a_span_the_user_added_is_skipped(self, nlp: Language, label: str) -> None:
        """A span without a quote kind for its label is not a quotation; the component's stay exact."""
        doc = nlp(_TWO_SPEAKERS)
        expected = doc._.quotes
        doc.spans["quotes"].append(Span(doc, 0, 2, label=label))
        assert doc._.quotes == expected

    def test_a_hand_made_group_with_a_span_of_another_label_keeps_only_the_quotation(
        self, nlp: Language
    ) -> None:
        """Of a group built by hand, the span labelled with a quote kind is read, the other skipped."""
        doc = nlp.make_doc('"We are ready," Peskov said.')
        spans = [Span(doc, 5, 6, label="VERB"), Span(doc, 1, 5, label="direct"), Span(doc, 0, 1)]
        doc.spans["quotes"] = SpanGroup(doc, name="quotes", spans=spans)
        assert [(quote.text, quote.kind) for quote in quotes_of(doc)] == [("We are ready,", QuoteKind.DIRECT)]

    def test_removing_a_span_keeps_the_others_exact(self, nlp: Language) -> None:
        """The spans left keep their stored quotations, cue and mention included."""
        doc = nlp(_TWO_SPEAKERS)
        _, second = doc._.quotes
        group = doc.spans["quotes"]
        doc.spans["quotes"] = SpanGroup(doc, name="quotes", attrs=dict(group.attrs), spans=[group[1]])
        assert second.cue is not None
        assert doc._.quotes == [second]


class TestScore:
    """The component scores its spans with spaCy's span scorer."""

    def test_evaluate_reports_quote_span_scores(self, nlp: Language, seed_texts: dict[str, str]) -> None:
        """Against its own output, ``nlp.evaluate`` gives a perfect F-score per kind."""
        examples = [Example(nlp.make_doc(text), nlp(text)) for text in seed_texts.values()]
        scores = nlp.evaluate(examples)
        assert scores["spans_quotes_f"] == 1.0
        assert set(scores["spans_quotes_per_type"]) == {"direct", "mixed", "indirect"}


@pytest.mark.trained
class TestTrainedPipeline:
    """After a trained pipeline's components, the component reads their annotations."""

    def test_finds_what_the_extractor_with_that_pipeline_finds(
        self, trained_nlp: Language, seed_texts: dict[str, str]
    ) -> None:
        """``doc._.quotes`` equals `quotes.Extractor(nlp=...)` on every seed."""
        nlp = load_trained_pipeline()
        nlp.add_pipe("quotes")
        extractor = quotes.Extractor(nlp=trained_nlp)
        for text in seed_texts.values():
            assert nlp(text)._.quotes == extractor(text)
