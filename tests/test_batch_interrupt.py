"""Ctrl-C in a real process: exit status 130, no traceback, and an output file of whole records.

Each command runs in a process group of its own (``running``), so no terminal is needed, and whatever
happens, nothing of it is left running after the test.

The paths come through a pipe that is left open, so the run is certainly still going (waiting for more
paths) when the signal arrives; nothing depends on timing but a generous wait for the first records.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import LIGHTHOUSE_DUMP
from processes import running

ARTICLE = LIGHTHOUSE_DUMP


def wait_for_lines(path: Path, count: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} did not reach {count} lines")


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_whole_lines_in_the_output(tmp_path: Path, jobs: str) -> None:
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
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    text = stderr.decode()
    assert "Traceback" not in text, text
    assert "newsinspect: interrupted after " in text
    data = out.read_bytes()
    assert data.endswith(b"\n")
    records = [json.loads(line) for line in data.splitlines()]
    assert [r["file"] for r in records] == [str(f) for f in files[: len(records)]]
    assert stdout == b""


def children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the workers start")
def test_ctrl_c_does_not_wait_for_a_worker_stuck_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)  # reading it blocks until a writer comes, which never happens
    command = [sys.executable, "-m", "newsinspect", "batch", "-j", "2", "--out", str(tmp_path / "out.jsonl")]
    with running([*command, str(fifo)], stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 120
        while len(children(process.pid)) < 2 and time.monotonic() < deadline:  # the workers have started
            time.sleep(0.05)
        time.sleep(0.5)  # and one of them has opened the FIFO
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in stderr.decode()
