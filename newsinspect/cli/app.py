"""The Typer application: options, inputs, calling the core, rendering, exit codes. Nothing else."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from newsinspect import __version__
from newsinspect.cli import render_json
from newsinspect.cli.batch import batch
from newsinspect.cli.environment import Environment, ExitStatus
from newsinspect.cli.runner import process
from newsinspect.cli.safe_text import message
from newsinspect.filters import filter_entities, filter_quotes, parse_entity_types
from newsinspect.model import Article, Record
from newsinspect.pipeline import Options
from newsinspect.sources import DEFAULT_MAX_BYTES, STDIN

if TYPE_CHECKING:
    from newsinspect.batch.expand import Target
    from newsinspect.cli.render_human import HumanRenderer

app = typer.Typer(
    name="newsinspect",
    help="Inspect raw news article dumps: metadata and paragraphs, quotes, named entities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Engine(str, Enum):
    builtin = "builtin"
    spacy = "spacy"


class QuoteKindChoice(str, Enum):
    full = "full"
    partial = "partial"


# One set of options shared by every command. Optional[...]: Typer reads these annotations at run time.
Files = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Argument(help="Dump files to read; - reads standard input.", show_default=False),
]
JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON Lines (one object per input) instead of tables.")
]
NoColor = Annotated[
    bool, typer.Option("--no-color", help="No colour (also: the NO_COLOR environment variable).")
]
Debug = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]
DayFirst = Annotated[
    bool, typer.Option("--dayfirst", help="Read numeric dates as day first: 03/04/2024 is 3 April.")
]
ApostropheQuotes = Annotated[
    bool,
    typer.Option(
        "--apostrophe-quotes",
        help="Read two apostrophes ('' … '') as double quotation marks, as some archives write them.",
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.", show_default=True),
]
Glob = Annotated[
    str, typer.Option("--glob", help="In directories given as PATH, only files whose names match this.")
]
EngineOption = Annotated[
    Engine,
    typer.Option("--engine", envvar="NEWSINSPECT_ENGINE", help="Entity recogniser: builtin (fast) or spacy."),
]


def _version(value: bool) -> None:
    if value:
        from newsinspect.compiled import core_is_compiled

        build = "compiled core" if core_is_compiled() else "pure Python"
        typer.echo(f"newsinspect {__version__} ({build})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Inspect raw news article dumps: metadata and paragraphs, quotes, named entities."""


def _inputs(ctx: typer.Context, env: Environment, files: list[str] | None, glob: str = "*") -> list[Target]:
    """The inputs to read (directories walked, as in batch). No path: standard input when it is piped,
    the help when it is a terminal."""
    from newsinspect.batch.expand import Target, expand_path

    if files:
        targets: list[Target] = []
        for path in files:
            targets += [Target(path)] if path == STDIN else expand_path(path, glob=glob)
        return targets
    if env.stdin_isatty or env.stdin is None:
        # Typer prints rich help to stdout; an error case belongs on stderr.
        with contextlib.redirect_stdout(sys.stderr):
            help_text = ctx.get_help()
            if help_text:
                typer.echo(help_text)
        raise typer.Exit(ExitStatus.USAGE)
    return [Target(STDIN)]


Selected = TypeVar("Selected")


def _listing_emitter(
    env: Environment,
    select: Callable[[Article], Selected],
    to_payload: Callable[[Record, Selected], dict[str, Any]],
    render: Callable[[str, Article, Selected], None] | None,
) -> Callable[[Record], None]:
    """The emit step of a listing command (quotes, entities): select, then a table, or JSON when no render."""

    def emit(record: Record) -> None:
        if record.article is None:  # already reported on stderr; JSON readers get the error record
            if render is None:
                render_json.write_json_line(env, record.to_dict())
            return
        selected = select(record.article)
        if render is None:
            render_json.write_json_line(env, to_payload(record, selected))
        else:
            render(record.file, record.article, selected)

    return emit


def _human(env: Environment) -> HumanRenderer:
    """The terminal renderer, imported only when tables are wanted: rich costs start-up time."""
    from newsinspect.cli.render_human import HumanRenderer

    return HumanRenderer(env)


def _finish(status: ExitStatus) -> None:
    if status != ExitStatus.OK:
        raise typer.Exit(int(status))


@app.command()
def show(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    glob: Glob = "*",
    engine: EngineOption = Engine.builtin,
    dayfirst: DayFirst = False,
    apostrophe_quotes: ApostropheQuotes = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    no_color: NoColor = False,
    debug: Debug = False,
) -> None:
    """Summarise each article: title, authors, dates, captions, stats, quotes, entities, lead."""
    env = Environment.from_process(no_color=no_color, debug=debug)
    options = Options(
        dayfirst=dayfirst, engine=engine.value, apostrophe_quotes=apostrophe_quotes, max_bytes=max_bytes
    )
    human = None if json_output else _human(env)

    def emit(record: Record) -> None:
        if human is None:
            render_json.write_json_line(env, render_json.show_payload(record))
        elif record.article is not None:
            human.show(record.file, record.article)

    _finish(process(env, _inputs(ctx, env, files, glob), options, emit))


@app.command()
def quotes(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    glob: Glob = "*",
    speaker: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--speaker", help="Only quotes whose speaker contains this text (any case)."),
    ] = None,
    kind: Annotated[
        Optional[QuoteKindChoice],  # noqa: UP045
        typer.Option("--kind", help="Only quotes of this kind."),
    ] = None,
    dayfirst: DayFirst = False,
    apostrophe_quotes: ApostropheQuotes = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    no_color: NoColor = False,
    debug: Debug = False,
) -> None:
    """List who said what: quote, speaker (with role), cue and paragraph."""
    env = Environment.from_process(no_color=no_color, debug=debug)
    options = Options(
        dayfirst=dayfirst, entities=False, apostrophe_quotes=apostrophe_quotes, max_bytes=max_bytes
    )
    emit = _listing_emitter(
        env,
        lambda article: filter_quotes(article.quotes, speaker=speaker, kind=kind.value if kind else None),
        render_json.quotes_payload,
        None if json_output else _human(env).quotes,
    )
    _finish(process(env, _inputs(ctx, env, files, glob), options, emit))


@app.command()
def entities(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    glob: Glob = "*",
    types: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--type", help="Only these types, comma-separated: PERSON,ORG,GPE,LOC,NORP,FAC,EVENT."),
    ] = None,
    engine: EngineOption = Engine.builtin,
    dayfirst: DayFirst = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    no_color: NoColor = False,
    debug: Debug = False,
) -> None:
    """List the people, organisations, places and groups each article mentions."""
    try:
        wanted = parse_entity_types(types) if types else None
    except ValueError as err:
        raise typer.BadParameter(message(str(err)), param_hint="--type") from None
    env = Environment.from_process(no_color=no_color, debug=debug)
    options = Options(dayfirst=dayfirst, quotes=False, engine=engine.value, max_bytes=max_bytes)
    emit = _listing_emitter(
        env,
        lambda article: filter_entities(article.entities, types=wanted),
        render_json.entities_payload,
        None if json_output else _human(env).entities,
    )
    _finish(process(env, _inputs(ctx, env, files, glob), options, emit))


app.command()(batch)
