"""Tests of quotes.pipeline: `pipe` streams the quotations of many texts, in order."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterator

import pytest

import quotes
from quotes.model import QuoteKind


@pytest.fixture(scope="module")
def corpus(seed_texts: dict[str, str], devnews_texts: dict[str, str]) -> list[str]:
    """The seeds and the development set, in file order."""
    return [seed_texts[name] for name in sorted(seed_texts)] + [
        devnews_texts[n] for n in sorted(devnews_texts)
    ]


class TestPipe:
    """`pipe` gives exactly what `extract` gives, text by text, in input order."""

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_same_as_extract(self, corpus: list[str], n_process: int) -> None:
        """Whatever the number of processes, each text's quotations are those of `extract`."""
        expected = [quotes.extract(text) for text in corpus]
        assert list(quotes.pipe(corpus, batch_size=4, n_process=n_process)) == expected

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_as_tuples_carries_the_context(self, corpus: list[str], n_process: int) -> None:
        """With `as_tuples`, each text's context comes back with its quotations, in order."""
        pairs = [(text, {"id": number}) for number, text in enumerate(corpus)]
        results = list(quotes.pipe(pairs, as_tuples=True, batch_size=3, n_process=n_process))
        assert [context["id"] for _, context in results] == list(range(len(corpus)))
        assert [found for found, _ in results] == [quotes.extract(text) for text in corpus]

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_a_context_carries_the_articles_date(self, n_process: int) -> None:
        """A mapping context with "published" dates its text, in every process, as `extract` would."""
        text = '"We are ready," the Kremlin spokesman said.'
        pairs = [(text, {"published": "2019-10-29"}), (text, {"published": "2010-01-01"}), (text, None)] * 2
        results = list(quotes.pipe(pairs, as_tuples=True, batch_size=1, n_process=n_process))
        assert [found for found, _ in results] == [
            quotes.extract(text, published=context["published"] if context else None)
            for text, context in pairs
        ]
        ids = [found[0].speaker.id if found[0].speaker else None for found, _ in results]
        assert ids[:2] == ["dmitry-peskov", None]  # in office from 2012

    def test_the_input_is_read_lazily(self) -> None:
        """An endless stream gives its first results: the input is never read to its end."""
        endless = itertools.cycle(['"We are ready," he said.', "Nothing quoted."])
        first = list(itertools.islice(quotes.pipe(endless, batch_size=2), 4))
        assert [len(found) for found in first] == [1, 0, 1, 0]

    def test_few_batches_are_in_flight(self) -> None:
        """With two processes, the stream reads only a few batches ahead of what it yields."""
        read = 0

        def texts() -> Iterator[str]:
            nonlocal read
            for _ in range(10_000):
                read += 1
                yield '"We are ready," he said.'

        stream = quotes.pipe(texts(), batch_size=10, n_process=2)
        next(stream)
        assert read <= 10 * 2 * 2 + 10  # the batches in flight, and the one being cut
        stream.close()

    def test_custom_extractor(self, corpus: list[str]) -> None:
        """An extractor of one's own is used in every process."""
        direct_only = quotes.Extractor(kinds=[QuoteKind.DIRECT])
        results = list(quotes.pipe(corpus[:10], n_process=2, batch_size=2, extractor=direct_only))
        assert results == [direct_only(text) for text in corpus[:10]]
        assert all(q.kind is QuoteKind.DIRECT for found in results for q in found)

    def test_empty_input(self) -> None:
        """No texts, no results, with one process or two."""
        assert list(quotes.pipe([])) == []
        assert list(quotes.pipe([], n_process=2)) == []

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_a_non_str_text_raises_type_error(self, n_process: int) -> None:
        """A text that is not a `str` raises the `TypeError` of `extract`, naming the type."""
        with pytest.raises(TypeError, match="bytes"):
            list(quotes.pipe(["fine", b"bytes"], n_process=n_process))  # type: ignore[list-item]

    @pytest.mark.parametrize(("option", "value"), [("batch_size", 0), ("n_process", 0), ("n_process", -2)])
    def test_out_of_range_options(self, option: str, value: int) -> None:
        """A batch size or a number of processes below one is a `ValueError` naming it."""
        with pytest.raises(ValueError, match=option):
            list(quotes.pipe(["text"], **{option: value}))


class TestPipeFailures:
    """A failure in the stream costs nothing before it: every process count yields what serial yields."""

    @staticmethod
    def until_error(stream: Iterator[object]) -> tuple[list[object], BaseException | None]:
        """Everything `stream` yields, and the error that ends it."""
        results: list[object] = []
        try:
            for found in stream:
                results.append(found)
        except Exception as error:  # the error is what the test compares
            return results, error
        return results, None

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_a_bad_item_comes_after_every_result_before_it(self, n_process: int) -> None:
        """With a bad text at position 11, the ten results before it come out, then its `TypeError`."""
        texts: list[object] = ['"We are ready," he said.'] * 10 + [b"bytes"] + ['"No," she said.'] * 20
        results, error = self.until_error(quotes.pipe(texts, batch_size=4, n_process=n_process))  # type: ignore[arg-type]
        assert results == [quotes.extract('"We are ready," he said.')] * 10
        assert isinstance(error, TypeError)
        assert "bytes" in str(error)

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_a_failing_input_keeps_every_result_before_it(self, n_process: int) -> None:
        """A source that raises after 300 texts gives all 300 results, then its own error."""

        def source() -> Iterator[str]:
            yield from ['"We are ready," he said.'] * 300
            raise RuntimeError("the source broke")

        results, error = self.until_error(quotes.pipe(source(), n_process=n_process))
        assert len(results) == 300
        assert isinstance(error, RuntimeError)
        assert str(error) == "the source broke"

    def test_serial_and_parallel_stop_at_the_same_place(self, corpus: list[str]) -> None:
        """A bad text inside a later batch: both yield the same results, then the same error."""
        texts = [*corpus[:5], 7, *corpus[5:9]]
        serial = self.until_error(quotes.pipe(texts, batch_size=3))
        parallel = self.until_error(quotes.pipe(texts, batch_size=3, n_process=2))
        assert parallel[0] == serial[0] == [quotes.extract(text) for text in corpus[:5]]
        assert type(parallel[1]) is type(serial[1]) is TypeError


class TestPipeArguments:
    """Arguments that cannot be right are refused at the call, with a message saying why."""

    def test_a_single_string_is_not_a_stream_of_texts(self) -> None:
        """``pipe("text")`` would read one character a document: it raises at once instead."""
        with pytest.raises(TypeError, match="not a single str"):
            quotes.pipe('"We are ready," he said.')

    @pytest.mark.parametrize("n_process", [1, 2])
    def test_as_tuples_takes_pairs_only(self, n_process: int) -> None:
        """With `as_tuples`, a plain string (even of two characters) is refused, naming its position."""
        items = [("fine", 0), "ab"]
        with pytest.raises(TypeError, match="item 1 is a str"):
            list(quotes.pipe(items, as_tuples=True, n_process=n_process))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("option", "value"), [("n_process", True), ("n_process", 2.0), ("batch_size", "8")]
    )
    def test_counts_must_be_ints(self, option: str, value: object) -> None:
        """A bool, a float or a string for a count is a `TypeError` naming the option."""
        with pytest.raises(TypeError, match=option):
            quotes.pipe(["text"], **{option: value})  # type: ignore[arg-type]

    @pytest.mark.parametrize(("texts", "most"), [(1, 0), (3, 3), (40, 4)])
    def test_no_more_processes_than_batches(self, texts: int, most: int) -> None:
        """Asking for 64 processes starts only as many as there are batches, and none for one batch."""
        before = set(multiprocessing.active_children())  # other tests' processes may linger
        stream = quotes.pipe(
            ['"We are ready," he said.'] * texts, batch_size=10 if texts == 40 else 1, n_process=64
        )
        next(stream)
        assert len(set(multiprocessing.active_children()) - before) <= most
        stream.close()
