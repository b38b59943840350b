"""The loop every command shares: inputs -> records -> the command's renderer, with the exit-code rules.

Errors become messages here and nowhere else: an input that fails gives a one-line message on stderr (and
an error record in JSON output) and the next input is still processed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sized
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from newsinspect.batch.expand import display_path
from newsinspect.cli.environment import STDOUT_CLOSED, Environment, ExitStatus, writing_stdout
from newsinspect.cli.safe_text import neutralise
from newsinspect.errors import NewsinspectError, OutputError
from newsinspect.model import Record
from newsinspect.pipeline import Options, inspect_source

if TYPE_CHECKING:
    from newsinspect.batch.expand import Target
    from newsinspect.cli.progress import FileProgress

Emit = Callable[[Record], None]
MANY_INPUTS = 20  # fewer inputs finish before a progress bar would tell anything


def process(env: Environment, targets: Iterable[Target], options: Options, emit: Emit) -> ExitStatus:
    """Run every input through the pipeline and hand each record to ``emit``, in order."""
    if env.stdout_closed:  # every command here prints its results: say so rather than exit 0 in silence
        env.error(STDOUT_CLOSED)
        return ExitStatus.FAILED
    failed = False
    try:
        with _progress(env, targets) as bar:
            for target in targets:
                path = target.path
                if target.problem is not None:  # found while expanding, e.g. a pipe inside a directory
                    record = Record(path, error=target.problem)
                else:
                    record = _inspect_one(env, path, options)
                if record.error is not None:
                    failed = True
                    (bar.say if bar else env.error)(f"{_shown(path)}: {record.error}")
                with writing_stdout():
                    emit(record)
                if bar:
                    bar.advance()
    except OutputError as err:  # the rest could not be written either
        env.error(str(err))
        silence_stdout()
        return ExitStatus.FAILED
    except NewsinspectError as err:  # a setting no input can get past, e.g. a missing optional engine
        env.error(str(err))
        return ExitStatus.FAILED
    except KeyboardInterrupt:
        env.error("interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return ExitStatus.BROKEN_PIPE
    return ExitStatus.FAILED if failed else ExitStatus.OK


def _progress(env: Environment, paths: Iterable[Target]) -> AbstractContextManager[FileProgress | None]:
    """A bar on stderr for many inputs, when stderr is a terminal and stdout is not (tables on the same
    terminal would tear it)."""
    total = len(paths) if isinstance(paths, Sized) else 0
    if total < MANY_INPUTS or not env.stderr_isatty or env.stdout_isatty:
        return nullcontext()
    from newsinspect.cli.progress import FileProgress

    # Monochrome: Environment does not carry --no-color, and a bar needs no colour to be read.
    return FileProgress(env, total, no_color=True)


def _shown(path: str) -> str:
    """A file name fit for the terminal: escape sequences and bytes that are not UTF-8 made visible."""
    return neutralise(display_path(path))


def _inspect_one(env: Environment, path: str, options: Options) -> Record:
    try:
        return inspect_source(path, options, stdin=env.stdin)
    except (NewsinspectError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as err:  # a bug on this input: report it, keep going with the others
        if env.debug:
            raise
        return Record(
            path, error=f"internal error: {type(err).__name__}: {err} (run with --debug for details)"
        )


def silence_stdout() -> None:
    """After the reader of our stdout has gone (or a write failed), point stdout at devnull so that the
    final flush of what is still buffered cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
