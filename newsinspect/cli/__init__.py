"""The command-line interface: a thin layer over the newsinspect library."""

from __future__ import annotations

import gc
import os


def main() -> None:
    """Console-script entry point."""
    _hold_standard_descriptors()
    from newsinspect.cli.app import app

    # What the import made (Typer, Click, the commands) lives as long as the process: frozen out of the
    # cycle collector, whose full collections while the first article is read (patterns, word lists, the
    # gazetteer) would otherwise walk all of it again, some 8% of a one-file `show` (CPU time, compiled).
    # A batch worker freezes what it inherits the same way.
    gc.freeze()
    app()


def _hold_standard_descriptors() -> None:
    """Put /dev/null on standard descriptors that were closed (``>&-``), so that the --out file or a
    worker's pipe cannot be given descriptor 1 or 2 and receive what is meant for stdout or stderr.
    Python has already set sys.stdout (sys.stderr) to None for them, which is how the commands know."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
