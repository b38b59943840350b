"""A whole batch run: targets in, one output chunk per target written in order, a summary out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from newsinspect.batch.executor import Outcome, WorkSpec, inspect_all
from newsinspect.batch.expand import Target
from newsinspect.batch.output import Sink
from newsinspect.batch.summary import RunSummary

OnOutcome = Callable[[Outcome], None]


def run_batch(
    targets: Iterable[Target],
    spec: WorkSpec,
    sink: Sink,
    *,
    jobs: int,
    summary: RunSummary,
    done: set[str] | frozenset[str] = frozenset(),
    on_outcome: OnOutcome | None = None,
    on_skip: Callable[[Target], None] | None = None,
) -> RunSummary:
    """Inspect every target not in ``done`` and write its record to ``sink``, in input order.

    ``summary`` is updated as the run goes, so a caller that catches KeyboardInterrupt still has the
    counts; every record written is a whole chunk of lines.
    """

    def pending() -> Iterator[Target]:
        for target in targets:
            if done and target.path in done:
                summary.skipped += 1
                if on_skip is not None:
                    on_skip(target)
                continue
            yield target

    outcomes = inspect_all(pending(), spec, jobs=jobs)
    try:
        for outcome in outcomes:
            sink.write(outcome.chunk)
            summary.add(outcome.error)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        outcomes.close()  # stops the workers if the loop ended early
    summary.finish()
    return summary
