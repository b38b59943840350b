"""The process's streams and terminal facts in one object, so tests can fake a terminal."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import IntEnum
from typing import BinaryIO, TextIO


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # at least one input failed; the others were processed
    USAGE = 2
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    BROKEN_PIPE = 141  # the reader went away (128 + SIGPIPE), e.g. `| head -1`
    TERMINATED = 143  # SIGTERM (128 + 15), handled like Ctrl-C


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


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

    @classmethod
    def from_process(cls, *, no_color: bool = False, debug: bool = False) -> Environment:
        stdin = getattr(sys.stdin, "buffer", None)
        stdout_isatty = _isatty(sys.stdout)
        # https://no-color.org: any non-empty NO_COLOR turns colour off.
        color = stdout_isatty and not no_color and not os.environ.get("NO_COLOR")
        return cls(
            stdin=stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=stdout_isatty,
            stderr_isatty=_isatty(sys.stderr),
            color=color,
            debug=debug,
        )

    def error(self, message: str) -> None:
        """One line on stderr, prefixed with the program name."""
        self.stderr.write(f"newsinspect: {message}\n")
        self.stderr.flush()
