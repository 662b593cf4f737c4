"""`pipe`: the quotations of many texts, streamed in order, on one core or all of them."""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Literal, TypeVar, overload

import attrs

from quotes.errors import Errors
from quotes.extract import Extractor, extract
from quotes.model import Quote

__all__ = ["pipe"]

Context = TypeVar("Context")

Batch = list[tuple[Any, Any]]

_IN_FLIGHT = 2  # batches queued per process: enough to keep every process busy, few enough for flat memory


@overload
def pipe(
    texts: Iterable[str],
    *,
    batch_size: int = ...,
    n_process: int = ...,
    as_tuples: Literal[False] = ...,
    extractor: Extractor | None = ...,
) -> Iterator[list[Quote]]: ...


@overload
def pipe(
    texts: Iterable[tuple[str, Context]],
    *,
    batch_size: int = ...,
    n_process: int = ...,
    as_tuples: Literal[True],
    extractor: Extractor | None = ...,
) -> Iterator[tuple[list[Quote], Context]]: ...


def pipe(
    texts: Iterable[Any],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    as_tuples: bool = False,
    extractor: Extractor | None = None,
) -> Iterator[Any]:
    """Stream the quotations of many texts, in input order.

    The input is read lazily and at most a few batches are in flight at a
    time, so memory stays flat however long the stream. The results are
    exactly those of `extract` (or of `extractor`), whatever `n_process`.

    Args:
        texts: The documents; with `as_tuples`, ``(text, context)`` pairs,
            where the context (an id, a record) comes back with the text's
            quotations and never leaves this process. A context that is a
            mapping with a ``"published"`` key gives the article's date
            (`extract`'s `published`).
        batch_size: Documents sent to a process at a time.
        n_process: Processes to use, -1 for one per CPU; never more than
            there are batches to give them.
        as_tuples: Whether `texts` holds ``(text, context)`` pairs.
        extractor: The extractor to run; the default one if None.

    Yields:
        One list of quotations per text, or ``(quotations, context)`` with
        `as_tuples`.

    Raises:
        TypeError: `texts` is a single string; `batch_size` or `n_process` is
            no int; a text is not a `str`, or with `as_tuples` an item is not
            a pair (raised where it comes in the stream, after every result
            before it, with any number of processes).
        ValueError: `batch_size` or `n_process` is out of range.

    Example:
        >>> import quotes
        >>> [len(found) for found in quotes.pipe(['"Yes," he said.', "No quotes here."])]
        [1, 0]
    """
    _check_options(texts, batch_size, n_process)  # at the call, not at the first result
    if n_process == -1:
        n_process = os.cpu_count() or 1
    return _pipe(texts, batch_size, n_process, as_tuples, extractor)


def _pipe(
    texts: Iterable[Any], batch_size: int, n_process: int, as_tuples: bool, extractor: Extractor | None
) -> Iterator[Any]:
    pairs = _pairs(texts) if as_tuples else ((text, None) for text in texts)
    if n_process == 1:  # each text as it comes: nothing waits for a batch to fill
        results = _serial(pairs, extractor)
    else:
        results = _parallel(_batches(pairs, batch_size), n_process, extractor)
    for found, context in results:
        yield (found, context) if as_tuples else found


def _check_options(texts: Iterable[Any], batch_size: int, n_process: int) -> None:
    """Raise for options that are no stream of texts or no count, before any work starts."""
    if isinstance(texts, str | bytes):
        raise TypeError(Errors.E041.format(type=type(texts).__name__))
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(Errors.E042.format(name=name, type=type(value).__name__))
    if batch_size < 1:
        raise ValueError(Errors.E040.format(name="batch_size", value=batch_size))
    if n_process < 1 and n_process != -1:
        raise ValueError(Errors.E040.format(name="n_process", value=n_process))


def _pairs(items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
    """The ``(text, context)`` pairs of `as_tuples`, each checked to be a pair, in order."""
    for position, item in enumerate(items):
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError(Errors.E043.format(position=position, type=type(item).__name__))
        yield item


@attrs.frozen
class _Failed:
    """An error met at some point of the stream: every result before it comes out first."""

    error: Exception


def _batches(pairs: Iterator[tuple[Any, Any]], size: int) -> Iterator[Batch | _Failed]:
    """The pairs, `size` at a time; if the input raises, the pairs before it and then its error."""
    batch: Batch = []
    try:
        for pair in pairs:
            batch.append(pair)
            if len(batch) == size:
                yield batch
                batch = []
    except Exception as error:
        if batch:
            yield batch
        yield _Failed(error)
        return
    if batch:
        yield batch


def _serial(
    pairs: Iterator[tuple[Any, Any]], extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    run = extract if extractor is None else extractor
    for text, context in pairs:
        yield run(text, _published(context)), context


def _published(context: object) -> Any:
    """The article's date a context carries: its ``"published"`` value if it is a mapping."""
    return context.get("published") if isinstance(context, Mapping) else None


def _parallel(
    batches: Iterator[Batch | _Failed], n_process: int, extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    """Batches go to a pool of processes; results come back in input order, a bounded number in flight.

    No more processes start than there are batches to give them, and a
    single batch is done here without a pool. Whatever fails, an item or the
    input stream itself, every result before it is yielded first, exactly as
    the serial path would, and then the same error is raised.
    """
    ahead = list(itertools.islice(batches, n_process))
    workers = sum(isinstance(batch, list) for batch in ahead)
    stream = itertools.chain(ahead, batches)
    yield from (_pooled(stream, workers, extractor) if workers > 1 else _here(stream, extractor))


def _here(
    stream: Iterator[Batch | _Failed], extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    """The batches done in this process, as the serial path does them."""
    for batch in stream:
        if isinstance(batch, _Failed):
            raise batch.error
        yield from _serial(iter(batch), extractor)


def _pooled(
    stream: Iterator[Batch | _Failed], workers: int, extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    """The batches done by a pool of `workers` processes."""
    window: deque[tuple[Future[tuple[list[list[Quote]], _Failed | None]], list[Any]]] = deque()
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(extractor,))
    try:
        for batch in stream:
            if isinstance(batch, _Failed):  # the input failed: what was sent before it still comes out
                while window:
                    yield from _finished(window.popleft())
                raise batch.error
            texts = [(text, _published(context)) for text, context in batch]
            window.append((pool.submit(_extract_batch, texts), [context for _, context in batch]))
            if len(window) >= _IN_FLIGHT * workers:
                yield from _finished(window.popleft())
        while window:
            yield from _finished(window.popleft())
    finally:  # on an error, an interrupt or a closed generator, leave no work queued
        pool.shutdown(wait=not window, cancel_futures=True)


def _finished(
    pending: tuple[Future[tuple[list[list[Quote]], _Failed | None]], list[Any]],
) -> Iterator[tuple[list[Quote], Any]]:
    future, contexts = pending
    found, failed = future.result()
    yield from zip(found, contexts, strict=False)
    if failed is not None:
        raise failed.error


_worker_extractor: Extractor | None = None


def _start_worker(extractor: Extractor | None) -> None:
    """Keep the extractor of this worker process, sent once rather than with every batch.

    Ctrl-C is the parent's to handle: a worker ignores it, so that an
    interrupted run prints no traceback per process.
    """
    global _worker_extractor  # one per worker process, set once at its start
    _worker_extractor = extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_batch(texts: list[tuple[str, Any]]) -> tuple[list[list[Quote]], _Failed | None]:
    """The quotations of each ``(text, published)``, up to the first that fails, and that failure."""
    run = extract if _worker_extractor is None else _worker_extractor
    found: list[list[Quote]] = []
    for text, date in texts:
        try:
            found.append(run(text, date))
        except Exception as error:
            return found, _Failed(error)
    return found, None
