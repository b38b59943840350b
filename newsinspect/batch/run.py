"""A whole batch run: targets in, one output chunk per target written in order, a summary out."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator

from newsinspect.batch.executor import Outcome, WorkSpec, inspect_all
from newsinspect.batch.expand import Target
from newsinspect.batch.output import Sink
from newsinspect.batch.pathlist import InputWait
from newsinspect.batch.signals import interrupts_held
from newsinspect.batch.summary import RunSummary

OnOutcome = Callable[[Outcome], None]
Execute = Callable[[Iterable[Target | InputWait]], Generator[Outcome, None, None]]


def run_batch(
    targets: Iterable[Target | InputWait],
    spec: WorkSpec,
    sink: Sink,
    *,
    jobs: int,
    summary: RunSummary,
    done: set[str] | frozenset[str] = frozenset(),
    on_outcome: OnOutcome | None = None,
    on_skip: Callable[[Target], None] | None = None,
    execute: Execute | None = None,
) -> RunSummary:
    """Inspect every target not in ``done`` and write its record to ``sink``, in input order.

    ``execute`` runs the targets (default: the local worker pool with ``jobs`` workers; the Dask path
    passes its own). ``summary`` is updated as the run goes, so a caller that catches KeyboardInterrupt
    still has the counts; every record written is a whole chunk of lines, and counted.
    """

    def pending() -> Iterator[Target | InputWait]:
        for target in targets:
            if done and isinstance(target, Target) and target.path in done:
                summary.skipped += 1
                if on_skip is not None:
                    on_skip(target)
                continue
            yield target

    outcomes = (execute or (lambda items: inspect_all(items, spec, jobs=jobs)))(pending())
    try:
        for outcome in outcomes:
            with interrupts_held():  # a record written is a record counted, whenever Ctrl-C lands
                sink.write(outcome.chunk)
                summary.add(outcome.error)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        outcomes.close()  # stops the workers if the loop ended early
    summary.finish()
    return summary
