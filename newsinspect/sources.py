"""Reading one input (a file path, or ``-`` for standard input) into bytes, with clear errors."""

from __future__ import annotations

import errno
import os
from typing import BinaryIO

from newsinspect.errors import InputError

STDIN = "-"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # news dumps are kilobytes; anything this big is not an article


def read_source(path: str, *, stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (``-``: ``stdin``). Raises InputError with a one-line reason."""
    if path == STDIN:
        if stdin is None:
            raise InputError("standard input is not available")
        return _read_limited(stdin, max_bytes)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(_too_large(size, max_bytes))
            return _read_limited(handle, max_bytes)
    except OSError as err:
        raise InputError(describe_os_error(err)) from None


def _read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(_too_large(None, max_bytes))
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    actual = f"{size:,} bytes" if size is not None else f"over {max_bytes:,} bytes"
    return f"file too large ({actual}; the limit is {max_bytes:,}, see --max-bytes)"


def describe_os_error(err: OSError) -> str:
    """A short lower-case reason for an OS error, without the path (the caller names the file)."""
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENOTDIR: "a path component is not a directory",
    }
    if err.errno in reasons:
        return reasons[err.errno]
    return (err.strerror or str(err)).lower()
