"""Command-line PATHs to the files to read: files as given, directories walked, ``-`` a list on stdin.

Walking never raises: a broken symbolic link, a link that leads back into an enclosing directory or a
directory that cannot be listed becomes a Target with a ``problem``, which the caller reports as an error
record, so every input is accounted for. File names that are not valid UTF-8 stay as Python gives them
(``os.fsdecode``: lone surrogates), so they can be opened again; writers escape them.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import BinaryIO

from newsinspect.batch.pathlist import InputWait, read_path_list
from newsinspect.sources import STDIN, describe_os_error

DEFAULT_GLOB = "*"

_FileId = tuple[int, int]  # (st_dev, st_ino): identifies a directory however it was reached


@dataclass(frozen=True)
class Target:
    """One input to inspect; ``problem`` set means it cannot be read and gives an error record."""

    path: str
    problem: str | None = None


def expand_paths(
    paths: Iterable[str], *, glob: str = DEFAULT_GLOB, stdin: BinaryIO | None = None
) -> Iterator[Target | InputWait]:
    """Targets for ``paths`` in order; ``-`` reads a list of file paths from ``stdin``, one per line.

    Listed paths are taken as files (``find`` lists directories too, so they are not walked again); a
    directory among them gives a "is a directory" error when it is read.
    """
    for path in paths:
        if path == STDIN:
            if stdin is not None:
                for listed in read_path_list(stdin):
                    yield listed if isinstance(listed, InputWait) else Target(listed)
            else:
                yield Target(path, "standard input is not available")
        else:
            yield from expand_path(path, glob=glob)


def expand_path(path: str, *, glob: str = DEFAULT_GLOB) -> Iterator[Target]:
    """A file as itself; a directory as the files under it whose names match ``glob``, sorted."""
    try:
        info = os.stat(path)
    except OSError as err:
        yield Target(path, _stat_problem(path, err))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield Target(path)
        return
    found = False
    for target in _walk(path, glob, (info.st_dev, info.st_ino)):
        found = True
        yield target
    if not found:  # say so, rather than let a PATH vanish without a trace
        yield Target(path, f"directory holds no files matching {glob!r}")


def _walk(root: str, glob: str, root_id: _FileId) -> Iterator[Target]:
    """Depth first without recursion (trees can be deep): each directory's files, then its subdirectories.

    Symbolic links to directories are followed; ``ancestors`` (the chain of directories above) stops a link
    that points back up from looping forever. Names starting with a dot are skipped, as most tools do.
    """
    stack: list[tuple[str, frozenset[_FileId]]] = [(root, frozenset({root_id}))]
    while stack:
        directory, ancestors = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            yield Target(directory, f"cannot list directory: {describe_os_error(err)}")
            continue
        subdirectories: list[tuple[str, frozenset[_FileId]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind, file_id, problem = _classify(entry)
            if kind == "dir" and file_id is not None:
                if file_id in ancestors:
                    yield Target(entry.path, "symbolic link loop (leads back to an enclosing directory)")
                else:
                    subdirectories.append((entry.path, ancestors | {file_id}))
            elif fnmatchcase(entry.name, glob):
                yield Target(entry.path, problem)
        stack.extend(reversed(subdirectories))


def _classify(entry: os.DirEntry[str]) -> tuple[str, _FileId | None, str | None]:
    """("dir", id, None), ("file", None, None), or ("file", None, problem) for an unresolvable link or
    something that is not a regular file (a FIFO in a dump directory would block the run forever)."""
    try:
        if not entry.is_symlink() and entry.is_file(follow_symlinks=False):
            return "file", None, None  # the common case, answered from the directory listing
        info = os.stat(entry.path)  # follows a link
    except OSError as err:
        return "file", None, _stat_problem(entry.path, err)
    if stat.S_ISDIR(info.st_mode):
        return "dir", (info.st_dev, info.st_ino), None
    if not stat.S_ISREG(info.st_mode):
        return "file", None, "not a regular file (a pipe, socket or device)"
    return "file", None, None


def _stat_problem(path: str, err: OSError) -> str:
    if err.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    return describe_os_error(err)


def without_file(targets: Iterable[Target | InputWait], own: os.stat_result) -> Iterator[Target | InputWait]:
    """``targets`` less the file ``own`` describes (the output, when it sits among the inputs): the same
    device and inode, so another name for it (a link, a relative path) is caught too."""
    for target in targets:
        if isinstance(target, Target) and target.problem is None and target.path != "-":
            try:
                info = os.stat(target.path)
            except OSError:
                pass
            else:
                if (info.st_dev, info.st_ino) == (own.st_dev, own.st_ino):
                    continue
        yield target


def display_path(path: str) -> str:
    """``path`` as valid UTF-8 text: bytes that were not UTF-8 shown as ``\\udcXX`` escapes."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")
