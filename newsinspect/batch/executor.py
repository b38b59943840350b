"""Running the pipeline over many targets, in worker processes, with results in input order.

Work goes out in small chunks and only a bounded window of files is in flight, so memory stays flat
however many files there are: paths are read lazily and results are yielded as soon as they are next in
order, never gathered. Workers return ready-made output bytes, so the parent only writes. The processes
themselves (lazy start, time limit, recycling, parent death) are ``pool``'s business.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import traceback
from collections.abc import Generator, Iterable
from dataclasses import dataclass

from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.limits import DEFAULT_MAX_TASKS, DEFAULT_TIMEOUT, JOBS_PER_CORE
from newsinspect.batch.pathlist import InputWait
from newsinspect.batch.pool import CHUNK_SIZE, WorkerPool
from newsinspect.batch.pool import WorkerDiedError as WorkerDiedError  # where callers have found it
from newsinspect.errors import NewsinspectError
from newsinspect.model import Record
from newsinspect.pipeline import Options, analyse_text, inspect_source

CHUNKS_IN_FLIGHT_PER_JOB = (
    4  # the window of files in flight, in chunks per worker: no worker waits for a write
)

_WARM_UP_TEXT = "A Title\n\nBy Ann Example\n\nJan 2, 2024\n\n“It works,” said Ann Example in Exampleton.\n"


@dataclass(frozen=True)
class WorkSpec:
    """Everything a worker needs besides the paths."""

    options: Options
    output_format: OutputFormat
    debug: bool = False
    timeout: float | None = DEFAULT_TIMEOUT  # per document; None (or 0): no limit
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS


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


def max_jobs() -> int:
    """The most worker processes ``--jobs`` may ask for."""
    return JOBS_PER_CORE * default_jobs()


def worker_pool(spec: WorkSpec, jobs: int) -> WorkerPool:
    return WorkerPool(
        inspect_target,
        spec,
        jobs=jobs,
        timeout=spec.timeout,
        max_tasks=spec.max_tasks_per_worker,
        window=jobs * CHUNKS_IN_FLIGHT_PER_JOB * CHUNK_SIZE,
    )


def inspect_all(
    targets: Iterable[Target | InputWait], spec: WorkSpec, *, jobs: int
) -> Generator[Outcome, None, None]:
    """Outcomes for ``targets`` in their order, from at most ``jobs`` worker processes (started as the
    input needs them)."""
    warm_up(spec.options)
    pool = worker_pool(spec, jobs)
    try:
        yield from pool.run(targets)
    finally:
        pool.close()


def warm_up(options: Options) -> None:
    """Import the analysers and fill their caches once in the parent, so forked workers share them."""
    for module in ("newsinspect.parse", "newsinspect.quotes", "newsinspect.entities"):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    with contextlib.suppress(Exception):  # a real input will report the same problem properly
        analyse_text(_WARM_UP_TEXT, options)
