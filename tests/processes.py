"""Child processes that never outlive their test."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any


@contextmanager
def running(args: list[str], **options: Any) -> Iterator[subprocess.Popen[bytes]]:
    """``Popen(args)`` in a process group of its own; when the block ends, however it ends, whatever is
    left of the group (the command and its worker processes) is killed and reaped."""
    process = subprocess.Popen(args, start_new_session=True, **options)
    try:
        yield process
    finally:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        process.wait()
