"""Writing whole lines to one locked output, and picking up an interrupted output file (``--resume``).

Every record's lines are written in one call with Ctrl-C held back until the call returns, then flushed,
so the file only ever ends in the middle of a line if the process was killed outright. A partial last
line never ends in a newline, so it cannot pass for a complete record, and ``--resume`` drops it. A line
in the middle that is not a whole record (a write that lost its end, an edit) is reported, and the file
it belonged to is processed again. An advisory lock (``flock``) keeps a second run from writing the file.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import re
import stat
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from newsinspect.batch.expand import display_path
from newsinspect.batch.formats import COLUMNS, OutputFormat
from newsinspect.batch.signals import interrupts_held
from newsinspect.errors import NewsinspectError, OutputError, OutputLockedError
from newsinspect.escapes import unescape_name
from newsinspect.plural import count
from newsinspect.sources import describe_os_error

_TAIL_BLOCK = 64 * 1024
STDOUT_NAME = "standard output"
MAX_NOTED_LINES = 10  # damaged lines reported one by one; the rest are counted
# Where each of our JSON records starts: on a damaged line, every record that began there is retried.
_RECORD_START = re.compile(rb'\{"schema":\d+,"file":')
_NAME_WINDOW = 64 * 1024  # a path is at most a few KB, even with every byte escaped


class ResumeError(NewsinspectError):
    """The output file cannot be continued (e.g. it has other CSV columns)."""


class Sink(Protocol):
    """Where records go: whole chunks in, in order."""

    def write(self, chunk: bytes) -> None: ...

    def close(self) -> None: ...


# Writes hold back SIGTERM as well as Ctrl-C: both stop a run between two records (signals.py).
sigint_held = interrupts_held


def write_failed(name: str, err: OSError) -> OutputError:
    """The message for a failed write to ``name`` (a path, or STDOUT_NAME)."""
    if name == STDOUT_NAME:
        return OutputError(f"cannot write to standard output: {describe_os_error(err)}")
    return OutputError(f"{display_path(name)}: {describe_os_error(err)}")


class LineSink:
    """A binary stream that receives whole chunks of lines. A failed write raises OutputError naming
    the output, except a reader that went away (BrokenPipeError, exit 141)."""

    def __init__(self, stream: BinaryIO, *, owned: bool = False, name: str = STDOUT_NAME) -> None:
        self._stream = stream
        self._owned = owned
        self.name = name

    def write(self, chunk: bytes) -> None:
        if not chunk:
            return
        try:
            with sigint_held():
                self._stream.write(chunk)
                self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise write_failed(self.name, err) from err

    def close(self) -> None:
        if self._owned:
            with contextlib.suppress(OSError):  # a failed write was reported; closing flushes it once more
                self._stream.close()


@dataclass
class ResumeState:
    """What an existing output file already holds."""

    done: set[str] = field(default_factory=set)  # the file (exact name) of every whole record
    dropped_bytes: int = 0  # a partial last line that was cut off
    damaged: list[tuple[int, str]] = field(default_factory=list)  # (line number, file) of cut records
    garbage: list[int] = field(default_factory=list)  # numbers of lines that are no record at all
    has_header: bool = False

    @property
    def retried(self) -> set[str]:
        """Files with a damaged record and no whole one: they are processed again."""
        return {name for _, name in self.damaged} - self.done

    def notes(self, output: str) -> list[str]:
        """Warnings about the file, one line each (``output`` names it)."""
        out = display_path(output)
        notes = []
        if self.dropped_bytes:
            notes.append(f"{out}: dropped a partial last line ({count(self.dropped_bytes, 'byte')})")
        for number, name in self.damaged[:MAX_NOTED_LINES]:
            again = "another line holds a whole one" if name in self.done else "processing it again"
            notes.append(f"{out}: line {number} is a damaged record of {display_path(name)}: {again}")
        if len(self.damaged) > MAX_NOTED_LINES:
            notes.append(f"{out}: {count(len(self.damaged) - MAX_NOTED_LINES, 'more damaged record')}")
        for number in self.garbage[:MAX_NOTED_LINES]:
            notes.append(f"{out}: line {number} is not a record: left as it is")
        if len(self.garbage) > MAX_NOTED_LINES:
            extra = len(self.garbage) - MAX_NOTED_LINES
            verb = "is not a record" if extra == 1 else "are not records"
            notes.append(f"{out}: {count(extra, 'more line')} that {verb}")
        return notes


def open_output(path: str, output_format: OutputFormat, *, resume: bool) -> tuple[Sink, ResumeState]:
    """Open and lock ``path`` for writing (``resume``: for appending, after reading what it holds).

    The file is locked before anything in it changes, so a refused second run leaves it as it was.
    Raises OutputLockedError when another run holds it, OSError when it cannot be opened.
    """
    stream = open_locked(path, append=resume)
    try:
        state = ResumeState()
        if resume:
            state = read_existing(path, output_format)
        else:
            _empty(stream)
        if output_format.name == "parquet":
            from newsinspect.batch.parquet import ParquetSink

            return ParquetSink(stream, output_format.rows, owned=True, name=path), state
        sink = LineSink(stream, owned=True, name=path)
        if not state.has_header:
            sink.write(output_format.header())
    except BaseException:
        stream.close()
        raise
    return sink, state


def open_locked(path: str, *, append: bool) -> BinaryIO:
    """``path`` opened for writing without truncating it, and locked (exclusive, not waiting)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else 0) | getattr(os, "O_CLOEXEC", 0)
    stream = os.fdopen(os.open(path, flags, 0o666), "ab" if append else "wb")
    try:
        _lock(stream, path)
    except BaseException:
        stream.close()
        raise
    return stream


def _lock(stream: BinaryIO, path: str) -> None:
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no advisory locks
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise OutputLockedError(
                f"{display_path(path)}: another newsinspect run is writing to it; try again when it is done"
            ) from None
        # ENOLCK, EINVAL, ENOTSUP: a file system or device without locks; write unlocked.


def _empty(stream: BinaryIO) -> None:
    """Truncate a regular file we are about to replace (a device or pipe has nothing to truncate)."""
    if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
        os.ftruncate(stream.fileno(), 0)


def read_existing(path: str, output_format: OutputFormat) -> ResumeState:
    """Cut a partial last line off ``path`` and collect the files it has whole records for."""
    state = ResumeState(dropped_bytes=truncate_partial_line(path))
    header = output_format.header().rstrip(b"\n")
    width = len(COLUMNS[output_format.rows])
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip(b"\n")
            if number == 1 and header:
                if line != header:
                    raise ResumeError(
                        f"{display_path(path)} has other CSV columns than --rows {output_format.rows}; "
                        "resume with the options it was written with"
                    )
                state.has_header = True
                continue
            if output_format.name == "jsonl":
                whole, names = _json_record(line)
            else:
                whole, names = _csv_record(line, width)
            if whole is not None:
                state.done.add(whole)
            elif names:
                state.damaged.extend((number, name) for name in names)
            else:
                state.garbage.append(number)
    if output_format.rows != "articles":  # a file's rows belong together: one damaged, all again
        state.done -= {name for _, name in state.damaged}
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


def _json_record(line: bytes) -> tuple[str | None, list[str]]:
    """(file, []) for a whole record; (None, files) for a damaged line holding the starts of records."""
    try:
        value = json.loads(line)
    except ValueError:  # also UnicodeDecodeError: a cut in the middle of a character
        pass
    else:
        name = value.get("file") if isinstance(value, dict) else None
        if isinstance(name, str):
            return name, []
    names = []
    for start in _RECORD_START.finditer(line):
        window = line[start.end() : start.end() + _NAME_WINDOW].decode("utf-8", "replace")
        try:
            name, _ = json.JSONDecoder().raw_decode(window)
        except ValueError:  # cut inside the name itself
            continue
        if isinstance(name, str):
            names.append(name)
    return None, names


def _csv_record(line: bytes, width: int) -> tuple[str | None, list[str]]:
    """As _json_record, for a CSV row of ``width`` cells whose first cell is the escaped file name."""
    try:
        cells = next(csv.reader([line.decode("utf-8")], strict=True))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        cells = next(csv.reader([line.decode("utf-8", "replace")]), [])
        return None, [unescape_name(cells[0])] if cells and cells[0] else []
    if not cells or not cells[0]:
        return None, []
    name = unescape_name(cells[0])
    return (name, []) if len(cells) == width else (None, [name])
