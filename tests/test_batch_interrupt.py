"""Ctrl-C and SIGTERM in a real process: exit status 130 / 143, no traceback, the summary, no worker left
behind, and an output file of whole records; the summary counts every record written.

Each command runs in a process group of its own (``running``), so no terminal is needed, and whatever
happens, nothing of it is left running after the test.

The paths come through a pipe that is left open, so the run is certainly still going (waiting for more
paths) when the signal arrives; nothing depends on timing but a generous wait for the first records.
"""

from __future__ import annotations

import io
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

from newsinspect.batch.executor import WorkSpec
from newsinspect.batch.expand import Target
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.output import LineSink
from newsinspect.batch.run import run_batch
from newsinspect.batch.summary import RunSummary
from newsinspect.pipeline import Options

ARTICLE = LIGHTHOUSE_DUMP


def wait_for_lines(path: Path, count: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} did not reach {count} lines")


pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("jobs", "signum", "status"),
    [("1", signal.SIGINT, 130), ("2", signal.SIGINT, 130), ("2", signal.SIGTERM, 143)],
)
def test_an_interrupt_exits_with_whole_lines_in_the_output(
    tmp_path: Path, jobs: str, signum: int, status: int
) -> None:
    files = []
    for number in range(64):
        path = tmp_path / f"a{number:02d}.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        files.append(path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsinspect", "batch", "-j", jobs, "--out", str(out), "-"]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with running(command, **pipes) as process:
        assert process.stdin is not None
        process.stdin.write("".join(f"{f}\n" for f in files).encode())
        process.stdin.flush()  # and keep it open: batch waits for more paths
        wait_for_lines(out, 8)
        workers = children(process.pid)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
        left = [pid for pid in workers if not zombie(pid)]  # before the block kills whatever is left
    assert process.returncode == status
    text = stderr.decode()
    assert "Traceback" not in text, text
    data = out.read_bytes()
    assert data.endswith(b"\n")
    records = [json.loads(line) for line in data.splitlines()]
    assert [r["file"] for r in records] == [str(f) for f in files[: len(records)]]
    assert f"newsinspect: interrupted after {len(records)} files in " in text
    assert stdout == b""
    assert not left


def children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def zombie(pid: str) -> bool:
    """Ended (or a zombie waiting for a reaper)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


class InterruptingStream(io.BytesIO):
    """Receives Ctrl-C (a real SIGINT to this process) while the third record is being written."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, chunk: Any) -> int:
        self.writes += 1
        if self.writes == 3:
            os.kill(os.getpid(), signal.SIGINT)
        return super().write(chunk)


def test_the_record_being_written_when_ctrl_c_lands_is_counted(tmp_path: Path) -> None:
    paths = []
    for number in range(6):
        path = tmp_path / f"a{number}.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        paths.append(path)
    stream = InterruptingStream()
    summary = RunSummary()
    spec = WorkSpec(Options(), OutputFormat())
    with pytest.raises(KeyboardInterrupt):
        run_batch([Target(str(p)) for p in paths], spec, LineSink(stream), jobs=1, summary=summary)
    assert stream.getvalue().count(b"\n") == 3  # the write in progress finished
    assert summary.processed == 3  # and counts


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the workers start")
def test_ctrl_c_does_not_wait_for_a_worker_stuck_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)  # reading it blocks until a writer comes, which never happens
    command = [sys.executable, "-m", "newsinspect", "batch", "-j", "2", "--out", str(tmp_path / "out.jsonl")]
    with running([*command, str(fifo)], stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 120
        while not children(process.pid) and time.monotonic() < deadline:  # the worker has started
            time.sleep(0.05)
        time.sleep(0.5)  # and one of them has opened the FIFO
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in stderr.decode()
