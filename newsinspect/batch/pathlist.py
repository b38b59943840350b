"""The list of paths on standard input (``batch -``), read as it comes.

A pipe that stays open (``tail -f``, a crawler handing over files as it saves them) may have no whole
line ready for a long time. Reading it with a blocking call would freeze the whole run there, and the
records of the paths already read would stay unwritten until more input came, possibly never. So from a
pipe, a socket or a terminal the list yields ``InputWait`` whenever no path is ready: the pool then waits
for that *or* its workers, and asks again once the input is readable. Files (and streams without a file
descriptor) never block for long and are read plainly.
"""

from __future__ import annotations

import os
import select
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

READ_SIZE = 1 << 16


class InputWait:
    """No path is ready on the input yet: wait until ``fileno()`` is readable, then ask again."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the input is readable (or ``timeout`` passes); whether it is."""
        readable, _, _ = select.select([self.fd], [], [], timeout)
        return bool(readable)


def read_path_list(stream: BinaryIO) -> Iterator[str | InputWait]:
    """Paths from a byte stream, one per line (LF or CRLF); blank lines are skipped. From a stream that
    may block, an ``InputWait`` comes wherever no whole line is ready."""
    fd = _pipe_like(stream)
    lines = iter(stream) if fd is None else _lines_as_they_come(stream, fd)
    for line in lines:
        if isinstance(line, InputWait):
            yield line
            continue
        path = line.rstrip(b"\r\n")
        if path:
            yield os.fsdecode(path)


def _pipe_like(stream: BinaryIO) -> int | None:
    """The stream's file descriptor if reading it may block indefinitely (and ``select`` works on it)."""
    if sys.platform == "win32" or not hasattr(stream, "read1"):
        return None
    try:
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError, AttributeError):
        return None  # io.UnsupportedOperation is an OSError and a ValueError
    return fd if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) else None


def _lines_as_they_come(stream: BinaryIO, fd: int) -> Iterator[bytes | InputWait]:
    """Whole lines (the last one perhaps without its line end), with an ``InputWait`` wherever none is
    ready. ``read1`` is only called once ``select`` says the descriptor is readable, so it never blocks;
    and as it empties the stream's own buffer first and reads at most once, nothing waits unseen there."""
    pending = b""
    wait = InputWait(fd)
    while True:
        if not wait.wait(0):
            yield wait  # resumed when the caller saw the input become readable (or had nothing else to do)
            continue
        data = stream.read1(READ_SIZE)  # type: ignore[attr-defined]
        if not data:  # end of input
            if pending:
                yield pending
            return
        *lines, pending = (pending + data).split(b"\n")
        for line in lines:
            yield line + b"\n"
