"""The parallel executor: input order, lazy input (bounded work in flight), one buggy input, a dead worker."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsinspect.batch import executor
from newsinspect.batch.executor import WorkSpec, inspect_all
from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.model import Record
from newsinspect.pipeline import Options

ARTICLE = "Ferry Returns\nBy Tobias Wren\nMarch 3, 2024\nThe ferry came back on Monday, said Ilse Brannock.\n"
SPEC = WorkSpec(Options(), OutputFormat())


def dumps(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = tmp_path / f"{number:03d}.txt"
        path.write_text(ARTICLE if number % 5 else "", encoding="utf-8")  # every fifth is empty
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_outcomes_come_in_input_order_with_errors_in_place(tmp_path: Path, jobs: int) -> None:
    paths = dumps(tmp_path, 45)
    targets = [Target(str(p)) for p in paths] + [Target("x.txt", "broken symbolic link")]
    outcomes = list(inspect_all(targets, SPEC, jobs=jobs))
    assert [o.path for o in outcomes] == [t.path for t in targets]
    assert [o.error for o in outcomes[:6]] == ["empty file", None, None, None, None, "empty file"]
    assert outcomes[-1].error == "broken symbolic link"
    assert all(o.chunk.endswith(b"\n") and o.chunk.count(b"\n") == 1 for o in outcomes)


def test_input_is_read_lazily_so_work_in_flight_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    pulled = itertools.count()

    def endless() -> Iterator[Target]:
        for _ in pulled:
            yield Target(str(path))

    outcomes = inspect_all(endless(), SPEC, jobs=2)
    first = list(itertools.islice(outcomes, 20))
    outcomes.close()
    assert len(first) == 20
    window = 2 * executor.CHUNKS_IN_FLIGHT_PER_JOB * executor.CHUNK_SIZE
    assert next(pulled) <= 20 + window + executor.CHUNK_SIZE


def _raise_on_b(path: str, options: Options | None = None) -> Record:
    if path.endswith("b.txt"):
        raise ValueError("a bug")
    return Record(path, error="empty file")


def test_a_bug_on_one_input_is_an_internal_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor, "inspect_source", _raise_on_b)
    outcomes = list(inspect_all([Target("a.txt"), Target("b.txt"), Target("c.txt")], SPEC, jobs=2))
    assert [o.error for o in outcomes] == ["empty file", "internal error: ValueError: a bug", "empty file"]
    assert outcomes[1].traceback is None  # only with --debug
    debug = WorkSpec(Options(), OutputFormat(), debug=True)
    (outcome,) = inspect_all([Target("b.txt")], debug, jobs=1)
    assert outcome.traceback is not None and "ValueError: a bug" in outcome.traceback


def _die(path: str, options: Options | None = None) -> Record:
    os._exit(3)


def test_a_worker_that_dies_costs_its_input_an_error_record_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(executor, "inspect_source", _die)
    targets = [Target(str(p)) for p in dumps(tmp_path, 4)]
    outcomes = list(inspect_all(targets, SPEC, jobs=2))
    assert [o.path for o in outcomes] == [t.path for t in targets]
    assert [o.error for o in outcomes] == ["the worker process died on this input (exit status 3)"] * 4
