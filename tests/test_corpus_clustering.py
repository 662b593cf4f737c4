"""Tests of `quotes.corpus.clustering`: the same quotation across articles, and within one."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
import quotes.corpus.clustering
from quotes.corpus import cluster_ids, clusters, duplicates, to_frame
from quotes.corpus.clustering import MIN_WORDS, words

READY = "We are ready to talk to Kyiv at any time, without any preconditions."
# Text of news-like pieces: words, marks, spaces, so that texts share words and phrases often.
_PIECES = [*"abc ABC ,.;'’-", "ready", "talk", "Kyiv", " we ", " are ready to ", "\n"]
_NEWSY = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def test_examples_in_the_docstrings_run() -> None:
    """The module's examples are right."""
    assert doctest.testmod(quotes.corpus.clustering).failed == 0


class TestSameQuotation:
    """What one quotation looks like in different outlets: all one cluster."""

    @pytest.mark.parametrize(
        "variant",
        [
            "“We are ready to talk to Kyiv at any time, without any preconditions”",
            "WE ARE READY TO TALK TO KYIV AT ANY TIME — WITHOUT ANY PRECONDITIONS",
            "We are ready to talk to Kyiv at any time...",
            "We are ready to talk to Kyiv at any time, without preconditions.",
            "We are ready to talk with Kyiv at any time, without any preconditions.",
            READY + " The ball is in their court.",
        ],
        ids=["other marks", "case and dash", "truncated", "a word left out", "a word changed", "contains it"],
    )
    def test_one_cluster(self, variant: str) -> None:
        """Marks, case, a cut, a small edit, or more words around it: still the same quotation."""
        assert cluster_ids([READY, variant]) == [0, 0]

    def test_apostrophes_are_one(self) -> None:
        """A typewriter and a typographic apostrophe make the same word."""
        assert words("We’re ready") == words("We're ready") == ("we're", "ready")

    def test_a_chain_of_edits_stays_one_cluster(self) -> None:
        """Each edit is near the one before: union-find keeps the chain together."""
        chain = [
            READY,
            "We are ready to talk to Kyiv at any time, without any preconditions at all.",
            "We are ready to talk to Kyiv at any time, without any preconditions at all, he said.",
        ]
        assert cluster_ids(chain) == [0, 0, 0]


class TestNotTheSame:
    """Near misses stay apart."""

    @pytest.mark.parametrize(
        "other",
        [
            "We are ready to talk about a prisoner exchange, not about territory.",
            "Kyiv is not ready to talk at any time soon, officials said.",
            "We are ready.",
        ],
        ids=["same opening", "same words, other order", "a short fragment"],
    )
    def test_apart(self, other: str) -> None:
        """A shared stock phrase, the words in another order, or a short fragment: not one quotation."""
        assert cluster_ids([READY, other]) == [0, 1]

    def test_short_fragments_join_only_their_exact_repeats(self) -> None:
        """Fewer than `MIN_WORDS` words: only the same words, whatever the marks, make one cluster."""
        short = "very constructive talks"
        assert len(words(short)) < MIN_WORDS
        assert cluster_ids([short, "“Very constructive talks”", "very constructive talks indeed", short]) == [
            0,
            0,
            1,
            0,
        ]


class TestNumbers:
    """Cluster numbers are dense and in order of first appearance."""

    @given(
        st.lists(st.sampled_from([READY, "No.", "We are ready.", "Talks will go on next week in Istanbul."]))
    )
    def test_dense_in_order_of_first_appearance(self, texts: list[str]) -> None:
        """The first text is cluster 0, and each new cluster the next number."""
        numbers = cluster_ids(texts)
        assert len(numbers) == len(texts)
        seen: list[int] = []
        for number in numbers:
            if number not in seen:
                assert number == len(seen)
                seen.append(number)

    @given(st.lists(_NEWSY, max_size=30))
    def test_quotation_marks_change_nothing(self, texts: list[str]) -> None:
        """Any texts: the same clusters with or without quotation marks around each."""
        assert cluster_ids([f"“{text}”" for text in texts]) == cluster_ids(texts)

    @given(st.lists(_NEWSY, max_size=30))
    def test_a_repeated_corpus_repeats_its_clusters(self, texts: list[str]) -> None:
        """Any texts twice over: each text with words is in its first copy's cluster."""
        numbers = cluster_ids(texts + texts)
        for i, text in enumerate(texts):
            if words(text):
                assert numbers[len(texts) + i] == numbers[i]
            else:
                assert numbers[len(texts) + i] != numbers[i]  # no words: its own cluster each time

    def test_an_excerpt_does_not_join_two_statements(self) -> None:
        """Two statements opening alike, and an excerpt both hold: the excerpt joins one, not both."""
        short = "We are ready to talk to Kyiv."
        other = "We are ready to talk to Kyiv, but only about the terms we set last week."
        numbers = cluster_ids([short, READY, other])
        assert numbers[1] != numbers[2]
        assert numbers[0] in (numbers[1], numbers[2])


@pytest.fixture
def corpus() -> pd.DataFrame:
    """Four articles from three outlets; the Kremlin line runs in three, once twice in one article."""
    said = f'"{READY}" Kremlin spokesman Dmitry Peskov said.'
    articles = {
        "tass-1": (f"{said} Talks resume on Monday.\n\n{said}", "2024-03-02"),
        "ria-7": ('"We are ready to talk to Kyiv at any time," Peskov said.', "2024-03-01"),
        "afp-3": ('"We have no plans to meet them this month," Peskov said.', "2024-03-05"),
        "afp-4": (
            "Peskov said: “We are ready to talk to Kyiv at any time, without any preconditions”.",
            None,
        ),
    }
    found = {id: quotes.extract(text, published=day) for id, (text, day) in articles.items()}
    frame = to_frame(found)
    return frame.assign(outlet=frame["id"].str.split("-").str[0])


class TestDuplicates:
    """`duplicates` marks each row's cluster, the cluster's first appearance, and repeats in one article."""

    def test_columns(self, corpus: pd.DataFrame) -> None:
        """Three columns are added, nothing else changes."""
        found = duplicates(corpus)
        assert found.columns.tolist() == [*corpus.columns, "cluster", "first", "doc_repeat"]
        pd.testing.assert_frame_equal(found[corpus.columns], corpus)
        assert found.dtypes[["cluster", "first", "doc_repeat"]].tolist() == ["int64", "bool", "bool"]

    def test_the_same_line_in_three_outlets(self, corpus: pd.DataFrame) -> None:
        """TASS (twice), RIA's truncation and AFP's other marks are one cluster; AFP's other quote is not."""
        found = duplicates(corpus)
        assert found["cluster"].tolist() == [0, 0, 0, 1, 0]

    def test_the_first_appearance_is_the_earliest_date(self, corpus: pd.DataFrame) -> None:
        """RIA ran it a day before TASS: the dated first appearance wins over corpus order."""
        found = duplicates(corpus)
        assert found.loc[found["first"], "id"].tolist() == ["ria-7", "afp-3"]

    def test_without_dates_the_first_in_corpus_order(self, corpus: pd.DataFrame) -> None:
        """No dates: corpus order decides."""
        found = duplicates(corpus.assign(date=pd.NA))
        assert found.loc[found["first"], "id"].tolist() == ["tass-1", "afp-3"]

    def test_a_repeat_within_an_article_is_marked(self, corpus: pd.DataFrame) -> None:
        """The lede TASS repeats at the end is marked; the first time it runs is not."""
        found = duplicates(corpus)
        assert found["doc_repeat"].tolist() == [False, True, False, False, False]


class TestClusters:
    """`clusters`: one row per quotation that more than one article ran."""

    def test_where_it_ran_and_first(self, corpus: pd.DataFrame) -> None:
        """One cluster: three articles, three outlets in order, first at RIA on 1 March."""
        table = clusters(corpus, outlet="outlet")
        assert table.to_dict("records") == [
            {
                "cluster": 0,
                "quotations": 3,
                "documents": 3,
                "text": "We are ready to talk to Kyiv at any time,",
                "speaker": "Dmitry Peskov",
                "first_id": "ria-7",
                "first_date": "2024-03-01",
                "outlets": ("tass", "ria", "afp"),
            }
        ]

    def test_outlets_default_to_documents(self, corpus: pd.DataFrame) -> None:
        """Without an outlet column, the documents that ran it."""
        assert clusters(corpus).loc[0, "outlets"] == ("tass-1", "ria-7", "afp-4")

    def test_an_empty_frame(self) -> None:
        """No quotations, no clusters; the columns are there."""
        assert clusters(to_frame({})).empty

    def test_a_filtered_frame(self, corpus: pd.DataFrame) -> None:
        """Rows taken out after `duplicates` (the first appearance among them) cost no error."""
        found = duplicates(corpus)
        table = clusters(found[found["id"] != "ria-7"])
        assert table["documents"].tolist() == [2]
        assert table["first_id"].isna().all()  # its first appearance was filtered away

    def test_dates_as_timestamps(self, corpus: pd.DataFrame) -> None:
        """Dates parsed by pandas choose the first appearance as ISO strings do."""
        found = duplicates(corpus.assign(date=pd.to_datetime(corpus["date"])))
        assert found.loc[found["first"], "id"].tolist() == ["ria-7", "afp-3"]

    def test_missing_texts_are_no_repeated_quotation(self) -> None:
        """Quotations without text are each their own, not one cluster across the corpus."""
        assert cluster_ids(["", "", "...", "No."]) == [0, 1, 2, 3]
