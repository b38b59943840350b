"""Running the pipeline over many targets, in worker processes, with results in input order.

Work goes out in small chunks and at most a few chunks per worker are in flight, so memory stays flat
however many files there are: paths are read lazily and results are yielded as soon as they are next in
order, never gathered. Workers return ready-made output bytes, so the parent only writes.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import multiprocessing
import os
import signal
import traceback
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.output import sigint_held
from newsinspect.errors import NewsinspectError
from newsinspect.model import Record
from newsinspect.pipeline import Options, analyse_text, inspect_source

CHUNK_SIZE = 8  # files per task: amortises the inter-process round trip (~0.1 ms) over several files
CHUNKS_IN_FLIGHT_PER_JOB = 4  # enough to keep every worker busy while the parent writes

_WARM_UP_TEXT = "A Title\n\nBy Ann Example\n\nJan 2, 2024\n\n“It works,” said Ann Example in Exampleton.\n"


class WorkerDiedError(NewsinspectError):
    """A worker process ended without returning its results."""


@dataclass(frozen=True)
class WorkSpec:
    """Everything a worker needs besides the paths."""

    options: Options
    output_format: OutputFormat
    debug: bool = False


@dataclass(frozen=True)
class Outcome:
    """The result of one target: its output bytes, and the error if it failed."""

    path: str
    error: str | None
    chunk: bytes
    traceback: str | None = None  # an internal error's traceback, with --debug


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def inspect_target(target: Target, spec: WorkSpec) -> Outcome:
    """One target to its output. Errors of the input become error records; a setting that no input can
    get past (NewsinspectError, e.g. a missing engine) propagates and stops the run."""
    details = None
    if target.problem is not None:
        record = Record(target.path, error=target.problem)
    else:
        try:
            record = inspect_source(target.path, spec.options)
        except NewsinspectError:
            raise
        except Exception as err:  # a bug on this input: one error record, the run goes on
            record = Record(target.path, error=f"internal error: {type(err).__name__}: {err}")
            details = traceback.format_exc() if spec.debug else None
    return Outcome(target.path, record.error, spec.output_format.render(record), details)


def inspect_chunk(targets: list[Target], spec: WorkSpec) -> list[Outcome]:
    return [inspect_target(target, spec) for target in targets]


def inspect_all(targets: Iterable[Target], spec: WorkSpec, *, jobs: int) -> Generator[Outcome, None, None]:
    """Outcomes for ``targets`` in their order; ``jobs`` > 1 uses that many worker processes."""
    warm_up(spec.options)
    if jobs <= 1:
        for target in targets:
            yield inspect_target(target, spec)
        return
    chunks = _chunked(targets, CHUNK_SIZE)
    limit = jobs * CHUNKS_IN_FLIGHT_PER_JOB
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_ignore_sigint)
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for chunk in itertools.chain(chunks, [None]):
            if chunk is not None:
                with sigint_held():  # the first submit starts the workers: never leave that half done
                    pending.append(pool.submit(inspect_chunk, chunk, spec))
            # Wait only when the window is full or the input is done; otherwise hand on what is ready,
            # so that output keeps flowing while a slow producer (a pipe of paths) is being read.
            while pending and (chunk is None or len(pending) >= limit or pending[0].done()):
                yield from _result(pending.popleft())
    except BaseException:
        _stop(pool)  # Ctrl-C, or the consumer went away: nothing more will be written
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers now: one may be stuck on an input that never ends (a FIFO
    named on the command line), and the parent, which alone writes the output, must not wait for it."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()


def _result(future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool as err:
        raise WorkerDiedError(
            "a worker process died (killed, or out of memory?); the output so far holds whole records: "
            "run again with --out FILE --resume to go on"
        ) from err


def warm_up(options: Options) -> None:
    """Import the analysers and fill their caches once in the parent, so forked workers share them."""
    for module in ("newsinspect.parse", "newsinspect.quotes", "newsinspect.entities"):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    with contextlib.suppress(Exception):  # a real input will report the same problem properly
        analyse_text(_WARM_UP_TEXT, options)


def _chunked(targets: Iterable[Target], size: int) -> Iterator[list[Target]]:
    iterator = iter(targets)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start at once and share the parent's imported analysers; elsewhere, the default.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _ignore_sigint() -> None:
    """Ctrl-C reaches the whole process group: the parent alone handles it and stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
