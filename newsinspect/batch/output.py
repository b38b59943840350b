"""Writing whole lines, and picking up an interrupted output file again (``--resume``).

Every record's lines are written in one call with Ctrl-C held back until the call returns, then flushed,
so the file only ever ends in the middle of a line if the process was killed outright. A partial last
line never ends in a newline, so it cannot pass for a complete record, and ``--resume`` drops it.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO

from newsinspect.batch.expand import display_path
from newsinspect.batch.formats import OutputFormat
from newsinspect.errors import NewsinspectError

_TAIL_BLOCK = 64 * 1024


class ResumeError(NewsinspectError):
    """The output file cannot be continued (e.g. it has other CSV columns)."""


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back for the duration of the block, then act on it (KeyboardInterrupt by default)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous == signal.SIG_DFL:
            raise KeyboardInterrupt


class LineSink:
    """A binary stream that receives whole chunks of lines."""

    def __init__(self, stream: BinaryIO, *, owned: bool = False) -> None:
        self._stream = stream
        self._owned = owned

    def write(self, chunk: bytes) -> None:
        if not chunk:
            return
        with sigint_held():
            self._stream.write(chunk)
            self._stream.flush()

    def close(self) -> None:
        if self._owned:
            self._stream.close()


@dataclass
class ResumeState:
    """What an existing output file already holds."""

    done: set[str] = field(default_factory=set)  # display_path() of every file with a record
    dropped_bytes: int = 0  # a partial last line that was cut off
    unreadable_lines: int = 0  # lines that are not a record this format can read
    has_header: bool = False


def open_output(path: str, output_format: OutputFormat, *, resume: bool) -> tuple[LineSink, ResumeState]:
    """Open ``path`` for writing (``resume``: for appending, after reading what it holds)."""
    state = ResumeState()
    if resume and os.path.exists(path):
        state = read_existing(path, output_format)
        stream = open(path, "ab")  # noqa: SIM115 - the sink owns and closes it
    else:
        stream = open(path, "wb")  # noqa: SIM115
    sink = LineSink(stream, owned=True)
    if not state.has_header:
        sink.write(output_format.header())
    return sink, state


def read_existing(path: str, output_format: OutputFormat) -> ResumeState:
    """Cut a partial last line off ``path`` and collect the files it has records for."""
    state = ResumeState(dropped_bytes=truncate_partial_line(path))
    header = output_format.header().rstrip(b"\n")
    file_column = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle):
            line = raw.rstrip(b"\n")
            if number == 0 and header:
                if line != header:
                    raise ResumeError(
                        f"{display_path(path)} has other CSV columns than --rows {output_format.rows}; "
                        "resume with the options it was written with"
                    )
                state.has_header = True
                continue
            name = _json_file(line) if output_format.name == "jsonl" else _csv_file(line, file_column)
            if name is None:
                state.unreadable_lines += 1
            else:
                state.done.add(name)
    return state


def truncate_partial_line(path: str) -> int:
    """Remove bytes after the last newline; the number of bytes removed."""
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - _TAIL_BLOCK)
            handle.seek(start)
            block = handle.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            handle.truncate(keep)
        return size - keep


def _json_file(line: bytes) -> str | None:
    try:
        text = line.decode("utf-8")
        # Our lines start {"schema":1,"file":...: decode just that string, not the whole record.
        key = text.find('"file":', 0, 64)
        if key >= 0:
            value, _ = json.JSONDecoder().raw_decode(text, key + len('"file":'))
        else:
            value = json.loads(text).get("file")
    except (UnicodeDecodeError, ValueError, AttributeError):
        return None
    return display_path(value) if isinstance(value, str) else None


def _csv_file(line: bytes, column: int) -> str | None:
    try:
        cells = next(csv.reader([line.decode("utf-8")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    return cells[column] if len(cells) > column and cells[column] else None
