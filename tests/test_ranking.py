"""Tests of the speaker ranker: candidates, features, the shipped model and its training."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import MappingProxyType

import attrs
import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.language import Language

import quotes
from quotes.attribution import Document
from quotes.errors import RegistryError
from quotes.extract import Extractor
from quotes.model import QuoteKind
from quotes.ranking import FEATURES, Source, load_model
from quotes.ranking.candidates import _PRONOUN, _pronoun_spans
from quotes.ranking.features import _COLON_GAP, _bucket, _words
from quotes.ranking.gate import HEAD, PATTERNS, TAIL, gated
from quotes.ranking.model import SpeakerModel, calibrate, softmax

DEVNEWS = Path(__file__).resolve().parent / "devnews"
RULES = Extractor(speakers="rules")

# pronouns in any case and what joins words to them: letters, digits, apostrophes, hyphens,
# a combining mark, an underscore, long s and dotted capital I
PRONOUN_TEXT = st.lists(
    st.sampled_from(["he", "She", "THEY", "it", "We", "i", "I", *" x9'\u2019-_.\u0301\u017f\u0130\u00e9\n"]),
    max_size=20,
).map("".join)


def _candidates(text: str) -> list[list[tuple[str, frozenset[str]]]]:
    return [
        [(text[c.mention.start : c.mention.end], c.sources) for c in choice.candidates]
        for choice in RULES.speaker_choices(text)
    ]


class TestCandidates:
    """Every mention near a quote is a candidate, with how it was found."""

    def test_the_source_of_a_report_is_no_candidate(self) -> None:
        """ "as reported by the Herald" names who reported the quote, not who said it."""
        [found] = _candidates('"We will rebuild every school," as reported by the Lisbon Herald.')
        assert not any("Herald" in text for text, _ in found)
        assert (
            quotes.Extractor(speakers="ranker")('"We will rebuild," as reported by the Herald.')[0].speaker
            is None
        )

    def test_candidates_description_before_a_cue(self) -> None:
        """A common-noun phrase the lexicon does not know is the subject of its cue."""
        [found] = _candidates('"It was a mess," the New York shopkeeper said.')
        texts = {t: s for t, s in found}
        assert any(t.endswith("shopkeeper") for t in texts)
        assert any(Source.PHRASE_BEFORE_CUE in s for t, s in found if t.endswith("shopkeeper"))

    def test_candidates_description_after_a_cue(self) -> None:
        """ "…," said an Iowa farmer: the words after the cue."""
        [found] = _candidates('"She is too far behind," said an Iowa farmer.')
        assert any(t.endswith("farmer") for t, _ in found)

    def test_candidates_name_after_a_dash(self) -> None:
        """A vox-pop line: the name after the dash that ends the quote."""
        [found] = _candidates("\u201cI will vote for the first time.\u201d \u2015 Maria Lopez, 19\n")
        assert any(Source.DASH in s and "Maria Lopez" in t for t, s in found)

    def test_candidates_pronoun_and_earlier_name(self) -> None:
        """A pronoun and a name of the sentence before are both candidates."""
        text = 'Karin Holm runs the ferry. "We will be back on Monday," she said.'
        [found] = _candidates(text)
        texts = [t for t, _ in found]
        assert "she" in texts
        assert "Karin Holm" in texts

    @pytest.mark.parametrize("spelling", ["SHE", "She", "\u017fhe", "\u0130t"])
    def test_a_pronoun_is_one_of_the_lexicon_in_either_case(self, spelling: str) -> None:
        """Any case of an English pronoun is a pronoun candidate; a spelling with long s or
        dotted capital I, which matching that ignores case takes for "she" and "it", is no
        pronoun (no key of the lexicon): at most words before the cue."""
        text = f'Karin Holm runs the ferry. "We will be back," {spelling} said.'
        [found] = _candidates(text)
        pronouns = [t for t, sources in found if Source.PRONOUN in sources]
        assert pronouns == ([spelling] if spelling.isascii() else [])

    @given(PRONOUN_TEXT | st.text(), st.data())
    @example("xhe he it's its I, She\u0301 we_ they", None)  # words, joiners and marks around them
    @example("\u017fhe \u0130t THEY wE", None)
    def test_reading_pronouns_finds_what_the_pattern_finds(
        self, text: str, data: st.DataObject | None
    ) -> None:
        """The compiled build reads pronouns a character at a time; `_PRONOUN` finds the same,
        in any window (it reads a character before the window, none after)."""
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
        with pytest.MonkeyPatch.context() as patch:
            # the loop, in pure Python too (the package's `candidates` is the function of that name)
            patch.setattr(importlib.import_module("quotes.ranking.candidates"), "COMPILED", True)
            assert _pronoun_spans(text, start, end) == [m.span() for m in _PRONOUN.finditer(text, start, end)]

    def test_candidates_never_inside_the_quote(self) -> None:
        """The quote's own words name no speaker of it."""
        text = '"Peskov and Lavrov will meet," an aide said.'
        for choice in RULES.speaker_choices(text):
            span = choice.setting.span
            for candidate in choice.candidates:
                assert candidate.mention.end <= span.open_start or candidate.mention.start >= span.close_end

    def test_candidates_one_row_per_choice_and_none(self) -> None:
        """Each candidate has its features, and "none of them" has the last row."""
        [choice] = RULES.speaker_choices('"We are ready," Peskov said.')
        assert len(choice.rows) == len(choice.candidates) + 1
        assert "null" in choice.rows[-1]
        assert all(set(row) <= set(FEATURES) for row in choice.rows)


class TestModel:
    """The shipped model file loads and names only features the code gives."""

    def test_model_every_weight_names_a_feature(self) -> None:
        """No weight is for a feature that does not exist."""
        model = load_model()
        assert set(model.weights) <= set(FEATURES)
        assert model.weights  # trained, not empty

    def test_model_header_names_its_data_and_command(self) -> None:
        """The file says what it was trained on, how, and how well it did."""
        about = load_model().about
        assert "quotes.training.speakers" in about["command"]
        assert about["dev_figures"]

    def test_model_span_precision_is_a_share(self) -> None:
        """A share of found quotations per kind."""
        for value in load_model().span_precision.values():
            assert 0 < value <= 1

    def test_model_gate_is_a_share_for_each_pattern(self) -> None:
        """The shipped model has a gate: the rules' accuracy on gated training quotes, by pattern."""
        gate = load_model().gate
        assert gate is not None
        assert set(gate) == set(PATTERNS)
        assert all(0 < accuracy <= 1 for accuracy in gate.values())

    def test_model_malformed_gate(self, tmp_path: Path) -> None:
        """A gate accuracy that is not a number is refused with the file's name."""
        path = tmp_path / "bad.toml"
        path.write_text(
            '[span_precision]\ndirect = 1.0\n[gate]\naccuracy = "x"\n[weights]\n', encoding="utf-8"
        )
        with pytest.raises(RegistryError, match=r"bad\.toml"):
            load_model(path)

    def test_model_without_gate_ranks_everything(self, tmp_path: Path) -> None:
        """A model file with no [gate] table has no gate."""
        path = tmp_path / "old.toml"
        path.write_text("[span_precision]\ndirect = 1.0\n[weights]\nbias = 0.5\n", encoding="utf-8")
        assert load_model(path).gate is None

    def test_model_malformed_file(self, tmp_path: Path) -> None:
        """A weight that is not a number is refused with the file's name."""
        path = tmp_path / "bad.toml"
        path.write_text('[span_precision]\ndirect = 1.0\n[weights]\nbias = "x"\n', encoding="utf-8")
        with pytest.raises(RegistryError, match=r"bad\.toml"):
            load_model(path)

    def test_model_softmax_and_calibration_are_probabilities(self) -> None:
        """Probabilities sum to one; calibrated ones stay in [0, 1]."""
        assert sum(softmax([3.0, -1.0, 800.0])) == pytest.approx(1.0)
        for p in (0.0, 1e-9, 0.3, 1.0):
            assert 0.0 <= calibrate(p, 2.0, -1.0) <= 1.0

    def test_model_score_sums_in_the_features_order(self) -> None:
        """The score is the plain left-to-right sum of weight times value; unknown names weigh 0."""
        model = SpeakerModel({"a": 0.1, "b": 0.2, "c": -0.3}, {})
        row = {"c": 1.0, "unknown": 1.0, "a": 0.7, "b": 1.0}
        assert model.score(row) == ((0 + -0.3 * 1.0) + 0.0 * 1.0 + 0.1 * 0.7) + 0.2 * 1.0

    def test_model_score_of_any_mapping_is_that_of_its_dict(self) -> None:
        """Read-only mappings and whole-number weights (a TOML file may write "2") score as plain dicts."""
        weights = {"a": 0.1, "b": 2, "c": -0.3}
        row = {"c": 1.0, "unknown": 1.0, "a": 0.7, "b": 0.25}
        expected = ((0 + -0.3 * 1.0) + 0.0 * 1.0 + 0.1 * 0.7) + 2 * 0.25
        assert SpeakerModel(weights, {}).score(row) == expected
        assert SpeakerModel(MappingProxyType(weights), {}).score(MappingProxyType(row)) == expected


class TestFeatures:
    """Features that are pure functions of their arguments."""

    def test_features_bucket_is_the_first_bound_not_exceeded(self) -> None:
        """Bisection gives the label a linear scan over the ascending bounds gives."""
        bounds, labels = (0, 2, 5, 10, 20, 40), ("0", "1-2", "3-5", "6-10", "11-20", "21-40", "41+")

        def linear(value: int) -> str:
            return next(
                (label for bound, label in zip(bounds, labels, strict=False) if value <= bound), labels[-1]
            )

        for value in range(-2, 60):
            assert _bucket(value, bounds, labels) == linear(value)

    @pytest.mark.parametrize(
        ("gap", "words"), [(" ", 0), (", ", 1), (" \u2014 his aide, ", 3), ("x " * 250, 41)]
    )
    def test_words_are_what_white_space_separates(self, gap: str, words: int) -> None:
        """A gap's words are its white-space-separated pieces; a gap too long to count is far."""
        text = f"A{gap}B"
        assert _words(text, 1, 1 + len(gap)) == words

    @given(
        st.lists(st.sampled_from([*" ,:\u2014-\n\t", "a", "Lee", "his aide", "é"]), max_size=14).map("".join)
    )
    @example(", his aide Lee:\n")  # three words: the most
    @example("an aide of Lee: ")  # four words: too many
    @example(" \u2014 Lee said that the talks were late and: ")  # a long gap
    def test_the_colon_gap_is_the_greedy_patterns(self, gap: str) -> None:
        """The possessive `_COLON_GAP` ("X, his aide: “…”") matches the gaps its greedy
        form matches, which tried every cut of a word before failing."""
        greedy = regex.compile(r"[\s,\u2014\u2013\-]*(?:[\p{L}]+[\s,]*){0,3}:\s*$")
        assert (_COLON_GAP.match(gap) is not None) is (greedy.match(gap) is not None)


RANKER = Extractor(speakers="ranker")


def _gated(text: str) -> list[str | None]:
    return [choice.gated for choice in RULES.speaker_choices(text)]


class TestGate:
    """Quotes closed by their own reporting clause, or introduced by their named speaker and
    cue, keep the rules' speaker, unranked."""

    def test_gate_tail_clause(self) -> None:
        """ "…," X said and "…," said X are gated, with a name or a pronoun."""
        assert _gated('"We are ready," Peskov said.') == [TAIL]
        assert _gated('"We are ready," said Peskov.') == [TAIL]
        assert _gated('Peskov spoke. "We are ready," he said.') == [TAIL]

    def test_gate_head_clause(self) -> None:
        """X said: "…" and X called it "…" are gated, with a name or a pronoun."""
        assert _gated('Peskov said: "We are ready."') == [HEAD]
        assert _gated('Peskov spoke. He called the talks "useful" on Monday.') == [HEAD]

    def test_gate_not_a_continuation_or_a_description(self) -> None:
        """No cue of its own, or a speaker the rules only describe, is left to the ranker."""
        assert _gated('"We are ready," Peskov said. "We will go."') == [TAIL, None]
        assert _gated('The spokesman said: "We are ready."') == [None]

    def test_gate_head_not_across_paragraphs(self) -> None:
        """A speaker in the paragraph before the quote may not be its speaker: ranked."""
        assert _gated('Peskov said:\n\n"We are ready."') == [None]

    def test_gate_not_with_a_source(self) -> None:
        """ "…," X said, according to CNN: the source may be the speaker, so it is ranked."""
        assert _gated('"We are ready," Peskov said, according to CNN.') == [None]

    def test_gate_needs_a_rule(self) -> None:
        """No attribution, no gate."""
        [choice] = RULES.speaker_choices('"We are ready."')
        span = choice.setting.span
        assert gated(span, QuoteKind.DIRECT, None, _document('"We are ready."')) is None

    def test_gate_keeps_the_rules_speaker_with_the_gate_accuracy(self) -> None:
        """A gated quote has the rules' speaker and the model's gate accuracy as probability."""
        model = attrs.evolve(load_model(), gate={TAIL: 0.5})
        text = '"We are ready," Peskov said.'
        [quote] = Extractor(speakers="ranker", model=model)(text)
        [ruled] = RULES(text)
        assert quote.speaker == ruled.speaker
        assert quote.speaker_mention == ruled.speaker_mention
        assert quote.confidence == round(0.5 * model.span_precision["direct"], 3)

    def test_gate_outside_is_ranked(self) -> None:
        """A quote outside the gate gets the ranker's choice whatever the gate accuracy."""
        text = 'The spokesman said: "We are ready." Lavrov spoke later.'
        gate = dict.fromkeys(PATTERNS, 0.5)
        with_gate = Extractor(speakers="ranker", model=attrs.evolve(load_model(), gate=gate))(text)
        without = Extractor(speakers="ranker", model=attrs.evolve(load_model(), gate=None))(text)
        assert with_gate == without
        assert with_gate[0].confidence != round(0.5 * load_model().span_precision["direct"], 3)

    def test_gate_none_ranks_every_quote(self) -> None:
        """Without a gate a tail quote is ranked too: its probability is the model's own."""
        text = '"We are ready," Peskov said.'
        [quote] = Extractor(speakers="ranker", model=attrs.evolve(load_model(), gate=None))(text)
        assert quote.speaker is not None
        assert quote.confidence != round(0.5 * load_model().span_precision["direct"], 3)


def _document(text: str) -> Document:
    return Document(text=text, sentences=[(0, len(text))], paragraphs=[(0, len(text))], quoted=[], names=[])


class TestExtract:
    """``Extractor(speakers="ranker")``, the default, chooses speakers with the model."""

    def test_extract_confidence_is_a_probability(self, seed_texts: dict[str, str]) -> None:
        """Every confidence lies in [0, 1]."""
        for text in seed_texts.values():
            for quote in RANKER(text):
                assert 0.0 <= quote.confidence <= 1.0

    def test_extract_ranker_on_the_seeds(self, seed_texts: dict[str, str]) -> None:
        """On the seeds, the ranker names the same speakers as the rules (both score 1.0 there)."""
        for text in seed_texts.values():
            ranked = [(q.start, q.speaker) for q in RANKER(text) if q.kind is not QuoteKind.INDIRECT]
            ruled = [(q.start, q.speaker) for q in RULES(text) if q.kind is not QuoteKind.INDIRECT]
            assert ranked == ruled

    def test_extract_unresolved_pronoun_keeps_its_mention(self) -> None:
        """ "…," she said with no antecedent still names the speaker, as "she"."""
        [quote] = RANKER('"The ramps are gone," she said.')
        assert quote.speaker_mention is not None
        assert quote.speaker_mention.text == "she"

    def test_extract_ranks_by_default(self, seed_texts: dict[str, str]) -> None:
        """The default extractor is the ranker: its confidences are the model's, not the rules'."""
        for text in seed_texts.values():
            assert quotes.extract(text) == RANKER(text)
        [quote] = quotes.extract('"We are ready," Peskov said.')
        assert quote.speaker is not None
        assert quote.speaker.name == "Dmitry Peskov"
        assert quote != RULES('"We are ready," Peskov said.')[0]

    def test_extract_a_trained_pipeline_changes_no_choice(
        self, trained_nlp: Language, devnews_texts: dict[str, str]
    ) -> None:
        """The ranker learned from what is found without a model: given a trained pipeline
        it chooses the same mentions, so the pipeline cannot make it worse."""
        with_pipeline = Extractor(trained_nlp, speakers="ranker")
        for text in devnews_texts.values():
            plain = [(q.start, q.speaker_mention) for q in RANKER(text) if q.kind is not QuoteKind.INDIRECT]
            piped = [
                (q.start, q.speaker_mention) for q in with_pipeline(text) if q.kind is not QuoteKind.INDIRECT
            ]
            assert piped == plain

    def test_extract_quotation_over_paragraphs_keeps_one_speaker(self) -> None:
        """A paragraph that goes on with a quotation left open is the same quotation: it keeps
        the speaker ranked for the paragraph before, even where another name is nearer a cue."""
        text = (
            "According to Ann Lee, “the bridge will reopen.” Omar Diaz said: “The ramps are gone."
            "\n\n“The ramps will be rebuilt.”"
        )
        first, second, third = RANKER(text)
        assert [q.speaker.name if q.speaker else None for q in (first, second, third)] == [
            "Ann Lee",
            "Omar Diaz",
            "Omar Diaz",
        ]
        assert third.speaker_mention == second.speaker_mention
        assert third.confidence == second.confidence

    @pytest.mark.parametrize(
        "after",
        [
            "According to Omar Diaz, the ramps will be rebuilt.",
            "According to Omar Diaz, “the ramps will stay.”",
        ],
        ids=["clause", "quotation"],
    )
    def test_extract_a_source_with_words_of_its_own_is_not_the_one_before(self, after: str) -> None:
        """A source named in the next sentence with its own report or quotation is not the
        speaker of a cue-less quotation before it: the speaker named before is."""
        text = f"“The ramps are gone,” Ann Lee, an engineer, said. “They will not be rebuilt.” {after}"
        speakers = [q.speaker.name if q.speaker else None for q in RANKER(text)]
        assert speakers == ["Ann Lee", "Ann Lee", "Omar Diaz"]

    def test_extract_a_continued_speaker_over_a_later_source(self) -> None:
        """ "“A,” X said. “B.” C, according to Y.": B continues X, even where the ranker leans to
        Y (a generated article found it did)."""
        text = (
            "“The ramps are gone,” Ann Lee, an engineer, said. “They will not be rebuilt.”"
            " The ramps will be rebuilt, according to Omar Diaz."
        )
        speakers = [q.speaker.name if q.speaker else None for q in RANKER(text)]
        assert speakers == ["Ann Lee", "Ann Lee", "Omar Diaz"]

    def test_extract_a_source_with_a_report_of_its_own_is_not_the_one_after(self) -> None:
        """A source whose report closes the sentence before a quotation is not its speaker where
        a speaker follows it ("“…?” X, an engineer, asked", split after the question mark)."""
        text = (
            "The ramps will be rebuilt, according to Omar Diaz."
            " “Will the ramps stay?” Ann Lee, an engineer, asked."
        )
        speakers = [q.speaker.name if q.speaker else None for q in RANKER(text)]
        assert speakers == ["Omar Diaz", "Ann Lee"]

    def test_extract_a_paragraph_with_its_own_cue_is_ranked(self) -> None:
        """A quotation going on over paragraphs that names a speaker of its own is ranked."""
        text = "Omar Diaz said: “The ramps are gone.\n\n“They will be rebuilt,” Ann Lee said."
        assert [q.speaker.name if q.speaker else None for q in RANKER(text)] == ["Omar Diaz", "Ann Lee"]

    def test_extract_unknown_speakers_option(self) -> None:
        """An unknown way of choosing speakers is refused."""
        with pytest.raises(ValueError, match="speakers"):
            Extractor(speakers="oracle")


class TestTraining:
    """Training runs end to end on the small development set, so its code never rots."""

    def test_training_writes_a_loadable_model(self, tmp_path: Path) -> None:
        """One command trains, chooses the penalty and writes a model the extractor reads."""
        pytest.importorskip("numpy")
        from quotes.training.speakers import main

        out = tmp_path / "model.toml"
        corpus = str(DEVNEWS)
        assert (
            main(["--train", corpus, "--dev", corpus, "--out", str(out), "--l2", "1", "--steps", "50"]) == 0
        )
        model = load_model(out)
        assert set(model.weights) == set(FEATURES)
        assert model.gate is not None  # devnews has tail and head quotes: the rules' accuracy on them
        assert set(model.gate) == set(PATTERNS)
        assert all(0 < accuracy <= 1 for accuracy in model.gate.values())
        found = Extractor(speakers="ranker", model=model)('"We are ready," Peskov said.')
        assert found[0].speaker is not None
