"""A list of paths on a pipe that stays open (``tail -f list | newsinspect batch -``): the records of the
paths given so far come out while the run waits for more, however few they are and whatever the load.

Before, the parent read the next path with a blocking call before it collected what its workers had
done, so with fewer paths than a chunk nothing was ever written until more input came.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import LIGHTHOUSE_DUMP
from processes import running

from newsinspect.batch.pathlist import InputWait, read_path_list


@pytest.fixture
def pipe() -> Iterator[tuple[io.BufferedReader, int]]:
    read_end, write_end = os.pipe()
    reader = os.fdopen(read_end, "rb")
    try:
        yield reader, write_end
    finally:
        reader.close()
        with contextlib.suppress(OSError):
            os.close(write_end)


def test_a_pipe_with_no_whole_line_ready_gives_a_wait_not_a_blocked_read(
    pipe: tuple[io.BufferedReader, int],
) -> None:
    reader, write_end = pipe
    os.write(write_end, b"one.txt\ntw")
    paths = read_path_list(reader)
    assert next(paths) == "one.txt"
    wait = next(paths)
    assert isinstance(wait, InputWait)  # "tw" is no whole line yet, and nothing else is there
    assert not wait.wait(0)
    os.write(write_end, b"o.txt\r\n\nthree.txt")
    assert wait.wait(5)
    assert next(paths) == "two.txt"
    os.close(write_end)
    rest = [p for p in paths if not isinstance(p, InputWait)]
    assert rest == ["three.txt"]  # the last line counts without its line end


def test_a_plain_stream_is_read_without_waits() -> None:
    assert list(read_path_list(io.BytesIO(b"a.txt\nb.txt"))) == ["a.txt", "b.txt"]


def test_a_regular_file_is_read_without_waits(tmp_path: Path) -> None:
    listing = tmp_path / "list"
    listing.write_bytes(b"a.txt\nb.txt\n")
    with listing.open("rb") as stream:
        assert list(read_path_list(stream)) == ["a.txt", "b.txt"]


def wait_for_lines(path: Path, count: int, timeout: float = 120.0) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = path.read_bytes() if path.exists() else b""
        if data.count(b"\n") >= count:
            return data
        time.sleep(0.05)
    raise AssertionError(f"{path} did not reach {count} lines while the input stayed open")


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_records_of_the_paths_so_far_are_written_while_the_pipe_stays_open(tmp_path: Path, jobs: str) -> None:
    files = []
    for number in range(3):  # fewer than a chunk of work
        path = tmp_path / f"a{number}.txt"
        path.write_text(LIGHTHOUSE_DUMP, encoding="utf-8")
        files.append(path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsinspect", "batch", "-j", jobs, "--out", str(out), "-"]
    with running(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdin is not None
        process.stdin.write(f"{files[0]}\n{files[1]}\n".encode())
        process.stdin.flush()  # and keep it open
        first = wait_for_lines(out, 2)
        process.stdin.write(f"{files[2]}\n".encode())
        process.stdin.close()  # the end of the list: the run finishes
        assert process.stderr is not None
        stderr = process.stderr.read()  # to its end, when the run is over
        process.wait(timeout=120)
    assert process.returncode == 0, stderr.decode()
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert [r["file"] for r in records] == [str(f) for f in files]
    assert [json.loads(line)["file"] for line in first.splitlines()] == [str(f) for f in files[:2]]
