"""The worker pool: lazy start, no more workers than inputs, the --jobs cap, per-document time limit,
recycling, and workers that never outlive the parent (issue 9 items 3-4, issue 14)."""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from builders import LIGHTHOUSE_DUMP
from processes import running
from typer.testing import CliRunner

from newsinspect.batch import executor
from newsinspect.batch.executor import WorkSpec, inspect_all, max_jobs, worker_pool
from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.pool import WorkerPool
from newsinspect.cli.app import app
from newsinspect.pipeline import Options

SPEC = WorkSpec(Options(), OutputFormat())
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see processes")


def dumps(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = tmp_path / f"{number:03d}.txt"
        path.write_text(LIGHTHOUSE_DUMP, encoding="utf-8")
        paths.append(path)
    return paths


def fifo(tmp_path: Path, name: str = "never-written.txt") -> Path:
    """A document that never finishes: opening a FIFO blocks until a writer comes, and none does."""
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _pid_of(target: Target, spec: Any) -> tuple[str, int]:
    return target.path, os.getpid()


def test_workers_start_lazily_and_never_outnumber_the_inputs() -> None:
    pool = WorkerPool(_pid_of, None, jobs=4, timeout=None, max_tasks=1000, window=64)
    try:
        seen = [len(pool.workers) for _ in pool.run([Target("a"), Target("b"), Target("c")])]
        assert seen == [1, 1, 1]  # three inputs make one chunk: one worker, not four
        assert len({pid for _, pid in pool.run(Target(str(n)) for n in range(200))}) <= 4
    finally:
        pool.close()
    assert pool.workers == []


def test_a_worker_is_replaced_after_max_tasks() -> None:
    pool = WorkerPool(_pid_of, None, jobs=2, timeout=None, max_tasks=5, window=64)
    try:
        results = list(pool.run(Target(str(n)) for n in range(40)))
    finally:
        pool.close()
    assert [path for path, _ in results] == [str(n) for n in range(40)]
    per_worker: dict[int, int] = {}
    for _, pid in results:
        per_worker[pid] = per_worker.get(pid, 0) + 1
    assert max(per_worker.values()) <= 5
    assert len(per_worker) >= 8 and os.getpid() not in per_worker


def test_an_idle_worker_that_died_is_replaced_without_loss() -> None:
    pool = WorkerPool(_pid_of, None, jobs=1, timeout=None, max_tasks=1000, window=64)
    try:
        ((_, first),) = pool.run([Target("a")])
        pool.workers[0].process.kill()  # between two runs, as the Dask path keeps its pool
        pool.workers[0].process.join()
        ((path, second),) = pool.run([Target("b")])
    finally:
        pool.close()
    assert path == "b" and second != first


def _crash_on_marked(target: Target, spec: Any) -> tuple[str, int]:
    """Dies as a segfault or the out-of-memory killer would end it, on the inputs whose name says so."""
    if target.problem is not None:
        return target.path, -1  # the error record the pool makes for the input a worker died on
    if target.path.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if target.path.startswith("segv"):
        faulthandler.disable()  # pytest's handler would print a traceback first
        os.kill(os.getpid(), signal.SIGSEGV)
    return target.path, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_dies_costs_only_its_input_and_a_fresh_worker_goes_on(jobs: int) -> None:
    names = [str(n) for n in range(30)]
    names[2], names[17], names[18] = "kill-a", "segv-b", "kill-c"  # two in a row: the retried one dies too
    problems: list[str] = []

    def inspect(target: Target, spec: Any) -> tuple[str, int]:
        if target.problem is not None:
            problems.append(target.problem)
        return _crash_on_marked(target, spec)

    pool = WorkerPool(inspect, None, jobs=jobs, timeout=None, max_tasks=1000, window=64)
    try:
        results = list(pool.run(Target(name) for name in names))
    finally:
        pool.close()
    assert [path for path, _ in results] == names  # one outcome per input, in order: none lost, none twice
    assert [path for path, pid in results if pid == -1] == ["kill-a", "segv-b", "kill-c"]
    assert problems == [
        "the worker process died on this input: killed by SIGKILL (out of memory?)",
        "the worker process died on this input: killed by SIGSEGV",
        "the worker process died on this input: killed by SIGKILL (out of memory?)",
    ]
    assert pool.workers == []


@pytest.mark.slow  # worker processes and a time limit: seconds
@needs_fifo
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_time_limit_becomes_an_error_record_and_the_run_goes_on(
    tmp_path: Path, jobs: int
) -> None:
    paths = [str(p) for p in dumps(tmp_path, 12)]
    paths.insert(3, str(fifo(tmp_path)))  # in the middle of the first chunk: the rest must be redone
    spec = WorkSpec(Options(), OutputFormat(), timeout=0.5)
    outcomes = list(inspect_all([Target(p) for p in paths], spec, jobs=jobs))
    assert [o.path for o in outcomes] == paths
    assert [o.error for o in outcomes] == [None] * 3 + ["timed out after 0.5 s"] + [None] * 9
    assert json.loads(outcomes[3].chunk) == {"schema": 1, "file": paths[3], "error": "timed out after 0.5 s"}


def test_a_setting_no_input_gets_past_stops_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str, options: Options | None = None) -> None:
        raise executor.NewsinspectError("spaCy is not installed")

    monkeypatch.setattr(executor, "inspect_source", refuse)
    with pytest.raises(executor.NewsinspectError, match="spaCy"):
        list(inspect_all([Target("a.txt")], SPEC, jobs=1))


def test_the_pool_of_a_run_is_sized_by_jobs_and_the_window() -> None:
    pool = worker_pool(SPEC, 3)
    assert pool.jobs == 3 and pool.window >= 3 * executor.CHUNK_SIZE
    pool.close()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--jobs", "99999999999999999999", "--jobs 99999999999999999999: give 1 to"),
        ("--jobs", "0", "--jobs 0: give 1 to"),
        ("--jobs", str(max_jobs() + 1), f"--jobs {max_jobs() + 1}: give 1 to {max_jobs()}"),
        ("--timeout", "-1", "--timeout -1: give a number of seconds"),
        ("--timeout", "nan", "--timeout nan: give a number of seconds"),
        ("--max-tasks-per-worker", "0", "--max-tasks-per-worker 0: give 1 or more"),
    ],
)
def test_pool_options_out_of_range_are_one_line_usage_errors(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    (path,) = dumps(tmp_path, 1)
    result = CliRunner().invoke(app, ["batch", option, value, str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newsinspect: {message}")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_the_jobs_cap_is_four_per_core() -> None:
    assert max_jobs() == 4 * executor.default_jobs()


def _killed_on_b(path: str, options: Options | None = None) -> Any:
    if path.endswith("b.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return executor.Record(path, error="empty file")


def test_batch_gives_the_input_a_worker_died_on_an_error_record_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(executor, "inspect_source", _killed_on_b)
    paths = [str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt")]
    for path in paths:
        Path(path).write_text(LIGHTHOUSE_DUMP, encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", "-j", "2", *paths])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == paths
    assert [r["error"] for r in records] == [
        "empty file",
        "the worker process died on this input: killed by SIGKILL (out of memory?)",
        "empty file",
    ]
    assert "the worker process died on this input 1" in result.stderr


@pytest.mark.slow  # worker processes and a time limit: seconds
@needs_fifo
def test_batch_times_out_a_document_from_the_command_line(tmp_path: Path) -> None:
    paths = [str(p) for p in dumps(tmp_path, 3)] + [str(fifo(tmp_path))]
    result = CliRunner().invoke(app, ["batch", "-j", "2", "--timeout", "0.5", *paths])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == paths
    assert records[-1]["error"] == "timed out after 0.5 s" and all("title" in r for r in records[:3])
    assert "failed by reason: timed out after 0.5 s 1" in result.stderr


# -- the parent dies ------------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper that may never come is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_for(condition: Any, what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.05)


@pytest.mark.slow  # kills a running batch and waits for its workers: seconds
@needs_proc
@needs_fifo
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_end_when_the_parent_is_killed(tmp_path: Path, signum: int) -> None:
    stuck = [str(fifo(tmp_path, f"stuck{n}.txt")) for n in range(2)]
    many = [str(p) for p in dumps(tmp_path, 9)]  # the FIFOs in two chunks: both workers get stuck
    command = [sys.executable, "-m", "newsinspect", "batch", "-j", "2", "--timeout", "0"]
    with running([*command, stuck[0], *many, stuck[1]], stdout=subprocess.DEVNULL) as process:
        wait_for(lambda: len(children(process.pid)) >= 2, "two workers start")
        workers = children(process.pid)
        process.send_signal(signum)
        process.wait(timeout=120)
        # Checked before the block ends, which kills whatever is left of the process group.
        wait_for(lambda: not any(alive(pid) for pid in workers), "the workers end")  # never timed
    assert process.returncode == (-signal.SIGKILL if signum == signal.SIGKILL else 143)
