"""`pipe`: the quotations of many texts, streamed in order, on one core or all of them."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Literal, TypeVar, overload

from quotes.errors import Errors
from quotes.extract import Extractor, extract
from quotes.model import Quote

__all__ = ["pipe"]

Context = TypeVar("Context")

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
            quotations and never leaves this process.
        batch_size: Documents sent to a process at a time.
        n_process: Processes to use; -1 for one per CPU.
        as_tuples: Whether `texts` holds ``(text, context)`` pairs.
        extractor: The extractor to run; the default one if None.

    Yields:
        One list of quotations per text, or ``(quotations, context)`` with
        `as_tuples`.

    Raises:
        TypeError: A text is not a `str` (raised where it comes in the stream).
        ValueError: `batch_size` or `n_process` is out of range.

    Example:
        >>> import quotes
        >>> [len(found) for found in quotes.pipe(['"Yes," he said.', "No quotes here."])]
        [1, 0]
    """
    if batch_size < 1:
        raise ValueError(Errors.E040.format(name="batch_size", value=batch_size))
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(Errors.E040.format(name="n_process", value=n_process))
    pairs: Iterator[tuple[Any, Any]] = iter(texts) if as_tuples else ((text, None) for text in texts)
    if n_process == 1:  # each text as it comes: nothing waits for a batch to fill
        results = _serial(pairs, extractor)
    else:
        results = _parallel(_batches(pairs, batch_size), n_process, extractor)
    for found, context in results:
        yield (found, context) if as_tuples else found


def _batches(pairs: Iterator[tuple[Any, Any]], size: int) -> Iterator[list[tuple[Any, Any]]]:
    """The pairs, `size` at a time."""
    while batch := list(itertools.islice(pairs, size)):
        yield batch


def _serial(
    pairs: Iterator[tuple[Any, Any]], extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    run = extract if extractor is None else extractor
    for text, context in pairs:
        yield run(text), context


def _parallel(
    batches: Iterator[list[tuple[Any, Any]]], n_process: int, extractor: Extractor | None
) -> Iterator[tuple[list[Quote], Any]]:
    """Batches go to a pool of processes; results come back in input order, a bounded number in flight."""
    window: deque[tuple[Future[list[list[Quote]]], list[Any]]] = deque()
    with ProcessPoolExecutor(n_process, initializer=_start_worker, initargs=(extractor,)) as pool:
        for batch in batches:
            texts = [text for text, _ in batch]
            window.append((pool.submit(_extract_batch, texts), [context for _, context in batch]))
            if len(window) >= _IN_FLIGHT * n_process:
                yield from _finished(window.popleft())
        while window:
            yield from _finished(window.popleft())


def _finished(
    pending: tuple[Future[list[list[Quote]]], list[Any]],
) -> Iterator[tuple[list[Quote], Any]]:
    future, contexts = pending
    yield from zip(future.result(), contexts, strict=True)


_worker_extractor: Extractor | None = None


def _start_worker(extractor: Extractor | None) -> None:
    """Keep the extractor of this worker process, sent once rather than with every batch."""
    global _worker_extractor  # one per worker process, set once at its start
    _worker_extractor = extractor


def _extract_batch(texts: list[str]) -> list[list[Quote]]:
    run = extract if _worker_extractor is None else _worker_extractor
    return [run(text) for text in texts]
