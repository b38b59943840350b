"""The process's streams and terminal facts in one object, so tests can fake a terminal."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from typing import BinaryIO, TextIO

from newsinspect.errors import OutputError
from newsinspect.escapes import one_line
from newsinspect.sources import describe_os_error


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # at least one input failed; the others were processed
    USAGE = 2
    LOCKED = 75  # another run is writing the --out file (EX_TEMPFAIL: try again later)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    BROKEN_PIPE = 141  # the reader went away (128 + SIGPIPE), e.g. `| head -1`
    TERMINATED = 143  # SIGTERM (128 + 15), handled like Ctrl-C


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class _Discard(io.StringIO):
    """Stands in for a standard stream that was closed before we started (``2>&-``)."""

    def write(self, text: str) -> int:
        return len(text)


@contextmanager
def writing_stdout() -> Iterator[None]:
    """Turn a failed write to stdout (a full disk, a closed descriptor) into an OutputError; a reader
    that went away stays a BrokenPipeError (exit 141)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as err:  # ValueError: the stream was closed under us
        reason = describe_os_error(err) if isinstance(err, OSError) else "it is closed"
        raise OutputError(f"cannot write to standard output: {reason}") from err


STDOUT_CLOSED = "cannot write to standard output: it is closed"


@dataclass
class Environment:
    stdin: BinaryIO | None
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    color: bool
    debug: bool = False
    stdout_closed: bool = False  # started with no stdout at all (``>&-``): nothing can be printed

    @classmethod
    def from_process(cls, *, no_color: bool = False, debug: bool = False) -> Environment:
        stdin = getattr(sys.stdin, "buffer", None)
        stdout_isatty = _isatty(sys.stdout)
        stdout_closed = sys.stdout is None
        # https://no-color.org: any non-empty NO_COLOR turns colour off.
        color = stdout_isatty and not no_color and not os.environ.get("NO_COLOR")
        return cls(
            stdin=stdin,
            stdout=sys.stdout or _Discard(),
            stderr=sys.stderr or _Discard(),
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=stdout_isatty,
            stderr_isatty=_isatty(sys.stderr),
            color=color,
            debug=debug,
            stdout_closed=stdout_closed,
        )

    def error(self, message: str) -> None:
        """One line on stderr, prefixed with the program name, whatever the message quotes. A stderr that
        cannot be written to is no reason to stop: the records on stdout still carry every error."""
        try:
            self.stderr.write(f"newsinspect: {one_line(message)}\n")
            self.stderr.flush()
        except (OSError, ValueError):
            pass
