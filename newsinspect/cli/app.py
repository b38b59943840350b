"""The Typer application: options, inputs, calling the core, rendering, exit codes. Nothing else."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from newsinspect import __version__
from newsinspect.batch.formats import is_large
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
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Engine(str, Enum):
    builtin = "builtin"
    spacy = "spacy"


class ShowFormat(str, Enum):
    table = "table"
    json = "json"
    text = "text"
    markdown = "markdown"


class QuoteKindChoice(str, Enum):
    full = "full"
    partial = "partial"


# One set of options shared by every command. Optional[...]: Typer reads these annotations at run time.
Files = Annotated[
    Optional[list[str]],  # noqa: UP045
    # Hidden from the options list (it would show a Python type); each command's help says what PATH is.
    typer.Argument(show_default=False, metavar="PATH", hidden=True),
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
    typer.Option(
        "--max-bytes",
        min=1,
        metavar="N",
        help="Refuse inputs larger than this many bytes.",
        show_default=True,
    ),
]
Glob = Annotated[
    str,
    typer.Option(
        "--glob", metavar="PATTERN", help="In directories given as PATH, only files whose names match this."
    ),
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
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Inspect news articles (text dumps or HTML pages): metadata and paragraphs, quotes, named entities.

    \b
    Examples:
      newsinspect show article.txt
      newsinspect quotes --json articles/ > quotes.jsonl
    """


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
            render_json.write_json_line(env, to_payload(record, selected), large=is_large(record))
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


def write_cleaned(env: Environment, separator: str, article: Article, *, markdown: bool) -> None:
    """The cleaned article on stdout; control characters made visible when stdout is a terminal."""
    from newsinspect.cleaned import to_markdown, to_text

    text = separator + (to_markdown(article) if markdown else to_text(article))
    if env.stdout_isatty:
        from newsinspect.cli.safe_text import neutralise

        text = "\n".join(neutralise(line) for line in text.split("\n"))
    env.stdout.write(text)
    env.stdout.flush()


@app.command(short_help="What is this article: title, authors, dates, quotes, entities.")
def show(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    output_format: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            help="table (a summary), json (as --json), or the cleaned article itself: text or markdown.",
        ),
    ] = ShowFormat.table,
    glob: Glob = "*",
    engine: EngineOption = Engine.builtin,
    dayfirst: DayFirst = False,
    apostrophe_quotes: ApostropheQuotes = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    no_color: NoColor = False,
    debug: Debug = False,
) -> None:
    """Summarise each article: title, authors, dates, captions, stats, quotes, entities, lead.

    PATH is a file (a text dump or a saved HTML page), a directory (read recursively) or - for
    standard input; with no PATH, a piped standard input is read.

    \b
    Examples:
      newsinspect show article.txt              a summary panel in the terminal
      newsinspect show --format markdown saved-page.html > article.md
    """
    if json_output and output_format not in (ShowFormat.table, ShowFormat.json):
        raise typer.BadParameter(f"--json and --format {output_format.value} ask for two outputs")
    if json_output:
        output_format = ShowFormat.json
    env = Environment.from_process(no_color=no_color, debug=debug)
    cleaned = output_format in (ShowFormat.text, ShowFormat.markdown)
    options = Options(
        dayfirst=dayfirst,
        engine=engine.value,
        apostrophe_quotes=apostrophe_quotes,
        max_bytes=max_bytes,
        quotes=not cleaned,
        entities=not cleaned,
    )
    human = _human(env) if output_format == ShowFormat.table else None
    printed = 0

    def emit(record: Record) -> None:
        nonlocal printed
        if output_format == ShowFormat.json:
            render_json.write_record(env, record)
        elif record.article is None:
            return
        elif human is not None:
            human.show(record.file, record.article)
        else:
            separator = (
                ""
                if not printed
                else ("\n---\n\n" if output_format == ShowFormat.markdown else "\n* * *\n\n")
            )
            write_cleaned(env, separator, record.article, markdown=output_format == ShowFormat.markdown)
            printed += 1

    _finish(process(env, _inputs(ctx, env, files, glob), options, emit))


@app.command(short_help="Who said what: quotes with speakers.")
def quotes(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    glob: Glob = "*",
    speaker: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--speaker", metavar="TEXT", help="Only quotes whose speaker contains this text (any case)."
        ),
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
    """List who said what: quote, speaker (with role), cue and paragraph.

    PATH is a file (a text dump or a saved HTML page), a directory (read recursively) or - for
    standard input; with no PATH, a piped standard input is read.

    \b
    Examples:
      newsinspect quotes article.txt
      newsinspect quotes --speaker smith --json articles/ | jq -r '.quotes[].text'
    """
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


@app.command(short_help="Who and what is mentioned: people, places, organisations.")
def entities(
    ctx: typer.Context,
    files: Files = None,
    json_output: JsonFlag = False,
    glob: Glob = "*",
    types: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--type",
            metavar="TYPES",
            help="Only these types, comma-separated: PERSON,ORG,GPE,LOC,NORP,FAC,EVENT.",
        ),
    ] = None,
    engine: EngineOption = Engine.builtin,
    dayfirst: DayFirst = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    no_color: NoColor = False,
    debug: Debug = False,
) -> None:
    """List the people, organisations, places and groups each article mentions.

    PATH is a file (a text dump or a saved HTML page), a directory (read recursively) or - for
    standard input; with no PATH, a piped standard input is read.

    \b
    Examples:
      newsinspect entities article.txt
      newsinspect entities --type PERSON,ORG --json articles/ > entities.jsonl
    """
    try:
        wanted = parse_entity_types(types) if types else None
    except ValueError as err:
        raise typer.BadParameter(message(str(err)), param_hint="--type") from None
    env = Environment.from_process(no_color=no_color, debug=debug)
    # Quotes are found too: each entity says how many quotes credit it.
    options = Options(dayfirst=dayfirst, engine=engine.value, max_bytes=max_bytes)
    emit = _listing_emitter(
        env,
        lambda article: filter_entities(article.entities, types=wanted),
        render_json.entities_payload,
        None if json_output else _human(env).entities,
    )
    _finish(process(env, _inputs(ctx, env, files, glob), options, emit))


app.command(short_help="Many files to JSON Lines or CSV, in parallel.")(batch)
