"""``newsinspect batch``: many inputs to JSON Lines, CSV or Parquet, in parallel, with a summary on stderr.

Thin: options, the output stream, progress and messages. The work is in ``newsinspect.batch``, imported
when the command runs so that other commands do not pay for it at start-up.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from enum import Enum
from typing import TYPE_CHECKING, Annotated, BinaryIO, Optional

import typer

from newsinspect.batch.limits import DEFAULT_MAX_TASKS, DEFAULT_TIMEOUT
from newsinspect.cli.environment import STDOUT_CLOSED, Environment, ExitStatus
from newsinspect.cli.runner import silence_stdout
from newsinspect.cli.safe_text import neutralise
from newsinspect.errors import NewsinspectError, OutputError, OutputLockedError
from newsinspect.sources import DEFAULT_MAX_BYTES, STDIN

if TYPE_CHECKING:
    from newsinspect.batch.executor import Outcome, WorkSpec
    from newsinspect.batch.expand import Target
    from newsinspect.batch.output import Sink
    from newsinspect.batch.run import Execute
    from newsinspect.batch.summary import RunSummary
    from newsinspect.cli.progress import FileProgress


class OutputFormatChoice(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class EngineChoice(str, Enum):  # the same choice as in app.py, which imports this module
    builtin = "builtin"
    spacy = "spacy"


class RowsChoice(str, Enum):
    articles = "articles"
    quotes = "quotes"
    entities = "entities"


def batch(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[str]],  # noqa: UP045 - Typer reads the annotation at run time
        # Hidden from the options list (it would show a Python type); the help text says what PATH is.
        typer.Argument(show_default=False, metavar="PATH", hidden=True),
    ] = None,
    out: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write to this file instead of stdout.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        OutputFormatChoice,
        typer.Option("--format", help="JSON Lines (the show --json record), CSV or Parquet (needs pyarrow)."),
    ] = OutputFormatChoice.jsonl,
    rows: Annotated[
        RowsChoice, typer.Option("--rows", help="CSV, Parquet: one row per article, per quote or per entity.")
    ] = RowsChoice.articles,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes (default: one per core; at most 4 per core), started as inputs need them.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="Seconds a document may take; one over it becomes an error record (0: no limit).",
        ),
    ] = DEFAULT_TIMEOUT,
    max_tasks_per_worker: Annotated[
        int,
        typer.Option(
            "--max-tasks-per-worker",
            metavar="N",
            help="Documents a worker process handles before a fresh one replaces it (flat memory).",
        ),
    ] = DEFAULT_MAX_TASKS,
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run on a Dask cluster: its scheduler's address, or 'local' for a LocalCluster of --jobs "
            "workers. Workers read the files: they must see the same paths.",
            show_default=False,
        ),
    ] = None,
    glob: Annotated[
        str,
        typer.Option(
            "--glob", metavar="PATTERN", help="In directories, only files whose name matches this pattern."
        ),
    ] = "*",
    resume: Annotated[
        bool, typer.Option("--resume", help="Append to --out, skipping files it already has a record for.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, per-file messages or summary on stderr.")
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, metavar="N", help="Refuse inputs larger than this many bytes."),
    ] = DEFAULT_MAX_BYTES,
    engine: Annotated[
        EngineChoice,
        typer.Option("--engine", envvar="NEWSINSPECT_ENGINE", help="Entity recogniser: builtin or spacy."),
    ] = EngineChoice.builtin,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Read numeric dates as day first: 03/04/2024 is 3 April.")
    ] = False,
    apostrophe_quotes: Annotated[
        bool,
        typer.Option(
            "--apostrophe-quotes",
            help="Read two apostrophes ('' … '') as double quotation marks, as some archives write them.",
        ),
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (also: the NO_COLOR environment variable).")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Process many dumps in parallel: one JSON line (or CSV row) per file, in input order.

    PATH is a file (a text dump or an HTML page), a directory (walked recursively; --glob picks the
    files) or - for a list of file paths on standard input, one per line.

    Every input gives exactly one record, the article or an error, and a summary goes to stderr.
    Exit status 1 if any file failed or the output could not be written, 130 on Ctrl-C and 143 on SIGTERM
    (the output file then ends with a whole record), 75 if another run is writing the --out file.

    \b
    Examples:
      newsinspect batch dumps/ --glob '*.txt' --out articles.jsonl
      find dumps -name '*.html' | newsinspect batch - --format csv > articles.csv
    """
    from newsinspect.batch.executor import WorkSpec, default_jobs
    from newsinspect.batch.formats import OutputFormat
    from newsinspect.batch.signals import Terminated, sigterm_as_interrupt
    from newsinspect.batch.summary import RunSummary
    from newsinspect.pipeline import Options

    env = Environment.from_process(no_color=no_color, debug=debug)
    if not paths:  # the usage and the reason, as for any usage error (the help would go to stdout)
        piped = env.stdin is not None and not env.stdin_isatty
        reason = (
            "no PATH given. Standard input is read only when PATH is -: `find dumps -name '*.txt' | "
            "newsinspect batch -`"
            if piped
            else "no PATH given: name files or directories, or - to read a list of file paths from stdin"
        )
        typer.echo(
            f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help.\n\nError: {reason}", err=True
        )
        raise typer.Exit(ExitStatus.USAGE)
    if resume and out is None:
        raise typer.BadParameter("--resume needs --out FILE", param_hint="--resume")
    if rows != RowsChoice.articles and output_format == OutputFormatChoice.jsonl:
        raise typer.BadParameter("--rows applies to --format csv and parquet", param_hint="--rows")
    if output_format == OutputFormatChoice.parquet:
        if resume:  # a Parquet file ends with its footer: there is nothing to append to
            raise typer.BadParameter(
                "a Parquet file cannot be appended to: write a new file, or use --format jsonl or csv",
                param_hint="--resume",
            )
        if out is None and env.stdout_isatty:
            raise typer.BadParameter(
                "Parquet is binary: give --out FILE, or redirect standard output to a file",
                param_hint="--format parquet",
            )
    if out is None and env.stdout_closed:
        env.error(STDOUT_CLOSED)
        raise typer.Exit(ExitStatus.FAILED)
    if paths.count(STDIN) > 1:
        raise typer.BadParameter("- (the list of paths on stdin) can be given once", param_hint="PATH")
    problem = _pool_problem(jobs, timeout, max_tasks_per_worker)
    if problem is not None:
        env.error(problem)
        raise typer.Exit(ExitStatus.USAGE)

    spec = WorkSpec(
        options=Options(
            dayfirst=dayfirst, engine=engine.value, apostrophe_quotes=apostrophe_quotes, max_bytes=max_bytes
        ),
        output_format=OutputFormat(output_format.value, rows.value),
        debug=debug,
        timeout=timeout or None,
        max_tasks_per_worker=max_tasks_per_worker,
    )
    summary = RunSummary()
    try:
        with sigterm_as_interrupt():
            status = _run(
                env,
                paths,
                glob,
                out,
                resume,
                spec,
                jobs or default_jobs(),
                scheduler,
                summary,
                quiet,
                no_color,
            )
    except KeyboardInterrupt as err:  # before the run proper (reading --resume's file, counting for the bar)
        summary.finish(interrupted=True)
        status = ExitStatus.TERMINATED if isinstance(err, Terminated) else ExitStatus.INTERRUPTED
    if status in (ExitStatus.USAGE, ExitStatus.LOCKED):  # refused before the run: nothing to sum up
        quiet = True
    if not quiet or status in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED):
        for line in summary.lines():
            env.error(line)
    if status != ExitStatus.OK:
        raise typer.Exit(int(status))


def _run(
    env: Environment,
    paths: list[str],
    glob: str,
    out: str | None,
    resume: bool,
    spec: WorkSpec,
    jobs: int,
    scheduler: str | None,
    summary: RunSummary,
    quiet: bool,
    no_color: bool,
) -> ExitStatus:
    from newsinspect.batch.cluster import ClusterError
    from newsinspect.batch.expand import expand_paths, without_file
    from newsinspect.batch.output import open_output
    from newsinspect.batch.run import run_batch
    from newsinspect.batch.signals import Terminated, interrupts_held
    from newsinspect.sources import describe_os_error

    try:
        # Ctrl-C or SIGTERM while the output opens (loading pyarrow can take a second) waits until it is
        # open, and then closes it: even a Parquet file interrupted this early gets its footer.
        try:
            with interrupts_held():
                if out is None:
                    env.stdout.flush()
                    sink = _stdout_sink(env, spec)
                    done: set[str] = set()
                else:
                    sink, state = open_output(out, spec.output_format, resume=resume)
                    done = state.done - state.retried
        except KeyboardInterrupt:
            _close(env, sink, out)
            raise
        if out is not None:
            for note in [] if quiet else state.notes(out):
                env.error(note)
    except BrokenPipeError:  # Parquet writes its first bytes on opening
        silence_stdout()
        return ExitStatus.BROKEN_PIPE
    except OutputLockedError as err:
        env.error(str(err))
        return ExitStatus.LOCKED
    except OutputError as err:  # the CSV header could not be written
        env.error(str(err))
        return ExitStatus.FAILED
    except NewsinspectError as err:
        env.error(str(err))
        return ExitStatus.USAGE
    except OSError as err:
        env.error(f"{_shown(out or '-')}: {describe_os_error(err)}")
        return ExitStatus.USAGE

    show_bar = env.stderr_isatty and not quiet
    total = None if not show_bar or STDIN in paths else sum(1 for _ in expand_paths(paths, glob=glob))
    targets = expand_paths(paths, glob=glob, stdin=env.stdin)
    own = _output_file(env, out)
    if own is not None:  # `batch . --out out.jsonl` or `batch . > out.jsonl` must not read its own output
        targets = without_file(targets, own)
    reporter = _Reporter(env, quiet)
    try:
        if out is None:
            sink.write(spec.output_format.header())
        with _executor(spec, jobs, scheduler) as execute, _progress(env, show_bar, total, no_color) as bar:
            reporter.bar = bar
            run_batch(
                targets,
                spec,
                sink,
                jobs=jobs,
                summary=summary,
                done=done,
                on_outcome=reporter.outcome,
                on_skip=reporter.skip,
                execute=execute,
            )
    except KeyboardInterrupt as err:
        summary.finish(interrupted=True)
        return ExitStatus.TERMINATED if isinstance(err, Terminated) else ExitStatus.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        summary.finish()
        return ExitStatus.BROKEN_PIPE
    except ClusterError as err:  # no run at all: Dask missing, or the scheduler cannot be reached
        summary.finish()
        env.error(str(err))
        return ExitStatus.USAGE
    except NewsinspectError as err:  # a setting no input can get past (a missing engine), a dead worker,
        summary.finish()  # an output that cannot be written
        env.error(str(err))
        if isinstance(err, OutputError) and out is None:
            silence_stdout()
        return ExitStatus.FAILED
    finally:
        status = _close(env, sink, out)
    return status if status is not None else ExitStatus.FAILED if summary.failed else ExitStatus.OK


def _stdout_sink(env: Environment, spec: WorkSpec) -> Sink:
    from newsinspect.batch.output import LineSink

    if spec.output_format.name == "parquet":
        from newsinspect.batch.parquet import ParquetSink

        return ParquetSink(_binary(env.stdout), spec.output_format.rows)
    return LineSink(_binary(env.stdout))


def _close(env: Environment, sink: Sink, out: str | None) -> ExitStatus | None:
    """Close the output (Parquet writes its last rows and footer here); a status if that fails."""
    try:
        sink.close()
    except BrokenPipeError:
        silence_stdout()
        return ExitStatus.BROKEN_PIPE
    except OutputError as err:
        env.error(str(err))
        if out is None:
            silence_stdout()
        return ExitStatus.FAILED
    return None


def _pool_problem(jobs: int | None, timeout: float, max_tasks: int) -> str | None:
    """The one-line usage error for a pool option out of range, if any."""
    from newsinspect.batch.executor import max_jobs
    from newsinspect.batch.limits import JOBS_PER_CORE

    if jobs is not None and not 1 <= jobs <= max_jobs():
        return f"--jobs {jobs}: give 1 to {max_jobs()} ({JOBS_PER_CORE} per core on this machine)"
    if not 0 <= timeout < float("inf"):  # also refuses nan
        return f"--timeout {timeout:g}: give a number of seconds, or 0 for no limit"
    if max_tasks < 1:
        return f"--max-tasks-per-worker {max_tasks}: give 1 or more"
    return None


@contextmanager
def _executor(spec: WorkSpec, jobs: int, scheduler: str | None) -> Iterator[Execute | None]:
    """None for the local pool (run_batch's default), or the Dask path with its client open."""
    if scheduler is None:
        yield None
        return
    from newsinspect.batch.cluster import dask_client, inspect_on_cluster

    with dask_client(scheduler, jobs) as client:
        yield lambda targets: inspect_on_cluster(targets, spec, client)


class _Reporter:
    """Per-file messages on stderr (through the progress bar when there is one) and the bar's count."""

    def __init__(self, env: Environment, quiet: bool) -> None:
        self.env = env
        self.quiet = quiet
        self.bar: FileProgress | None = None

    def outcome(self, outcome: Outcome) -> None:
        if outcome.error is not None and not self.quiet:
            self._say(f"{_shown(outcome.path)}: {outcome.error}")
            if outcome.traceback and self.env.debug:
                self.env.stderr.write(outcome.traceback)
        if self.bar is not None:
            self.bar.advance()

    def skip(self, target: Target) -> None:
        if self.bar is not None:
            self.bar.advance()

    def _say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.say(message)
        else:
            self.env.error(message)


def _progress(
    env: Environment, show: bool, total: int | None, no_color: bool
) -> AbstractContextManager[FileProgress | None]:
    if not show:
        return nullcontext()
    from newsinspect.cli.progress import FileProgress

    return FileProgress(env, total, no_color=no_color or bool(os.environ.get("NO_COLOR")))


def _output_file(env: Environment, out: str | None) -> os.stat_result | None:
    """The regular file the records go to (--out, or stdout redirected to a file), if there is one."""
    try:
        info = os.stat(out) if out is not None else os.fstat(env.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a test's stdout has no file number
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _binary(stream: object) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise OSError("standard output does not take bytes")
    return buffer  # type: ignore[no-any-return]


def _shown(path: str) -> str:
    """A path fit for a message: non-UTF-8 bytes and control characters as visible escapes."""
    from newsinspect.batch.expand import display_path

    return neutralise(display_path(path))
