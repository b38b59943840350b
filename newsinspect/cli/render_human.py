"""Rich terminal output. Every article string goes through ``plain()``: shown literally, never as markup."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsinspect.cli.environment import Environment
from newsinspect.cli.safe_text import neutralise
from newsinspect.model import Article, Entity, Quote
from newsinspect.plural import count

TOP_ENTITIES = 8


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich exits 1 here; the command loop sees the closed pipe and exits 141, as --json does."""
        self.quiet = True
        raise BrokenPipeError


def make_console(env: Environment) -> Console:
    return _Console(
        file=env.stdout,
        force_terminal=env.stdout_isatty,
        no_color=not env.color,
        color_system="auto" if env.color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )


class HumanRenderer:
    """The three tables/panels, bound to one console."""

    def __init__(self, env: Environment) -> None:
        self.console = make_console(env)

    def show(self, file: str, article: Article) -> None:
        render_show(self.console, file, article)

    def quotes(self, file: str, article: Article, quotes: tuple[Quote, ...]) -> None:
        render_quotes(self.console, file, article, quotes)

    def entities(self, file: str, article: Article, entities: tuple[Entity, ...]) -> None:
        render_entities(self.console, file, article, entities)


def plain(text: str | None, style: str = "") -> Text:
    return Text(neutralise(text or ""), style=style)


def format_date(value: str | None) -> str:
    """``2023-12-22T10:55:00-05:00`` -> ``22 Dec 2023, 10:55 UTC-05:00``; a bare date stays a date."""
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if "T" not in value:
        return f"{moment.day} {moment:%b %Y}"
    zone = ""
    offset = moment.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone = f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{moment.day} {moment:%b %Y}, {moment:%H:%M}{zone}"


def speakers_summary(quotes: tuple[Quote, ...]) -> str:
    counts = Counter(q.speaker for q in quotes if q.speaker)
    return ", ".join(f"{name} ({n})" if n > 1 else name for name, n in counts.most_common())


def render_show(console: Console, file: str, article: Article) -> None:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold cyan", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row("Authors", plain(", ".join(article.authors) or "—"))
    facts.add_row("Published", plain(format_date(article.published)))
    if article.updated:
        facts.add_row("Updated", plain(format_date(article.updated)))
    if article.dateline:
        facts.add_row("Dateline", plain(article.dateline))
    if article.url:  # an HTML page's canonical address
        facts.add_row("URL", plain(article.url))
    for caption in article.captions:
        line = plain(caption.text)
        if caption.credit:
            line.append(" — ").append_text(plain(caption.credit, "dim"))
        facts.add_row("Caption", line)
    stats = article.stats
    facts.add_row(
        "Stats",
        plain(
            f"{count(stats.words, 'word')} · {count(stats.paragraphs, 'paragraph')} · "
            f"{count(stats.sentences, 'sentence')} · "
            f"{stats.reading_minutes:g} min read"
        ),
    )
    speakers = speakers_summary(article.quotes)
    quotes_line = f"{len(article.quotes)}" + (f" — {speakers}" if speakers else "")
    facts.add_row("Quotes", plain(quotes_line))
    if article.entities:
        top = ", ".join(f"{e.name} ({e.type}, {e.count})" for e in article.entities[:TOP_ENTITIES])
        facts.add_row("Entities", plain(top))

    parts: list[RenderableType] = [plain(article.title or "(no title found)", "bold")]
    if article.subtitle:
        parts.append(plain(article.subtitle, "italic"))
    parts += [Text(""), facts]
    body = article.body()
    if body:
        parts += [Text(""), Text("Lead", style="bold cyan"), plain(body[0].text)]
    parts += _warning_lines(article)
    console.print(Panel(Group(*parts), title=plain(file), title_align="left", box=box.ROUNDED))


def _warning_lines(article: Article) -> list[RenderableType]:
    return [plain(f"warning: {warning}", "yellow") for warning in article.warnings]


def _print_warnings(console: Console, article: Article) -> None:
    for line in _warning_lines(article):
        console.print(line)


def _print_empty(console: Console, message: str, article: Article) -> None:
    """An article with nothing to list: say so, and why when a warning knows."""
    console.print(Text(message, style="dim"))
    _print_warnings(console, article)
    console.print()


def _heading(console: Console, file: str, article: Article) -> None:
    heading = plain(file, "bold")
    if article.title:
        heading.append(" — ").append_text(plain(article.title))
    console.print(heading)


def render_quotes(console: Console, file: str, article: Article, quotes: tuple[Quote, ...]) -> None:
    _heading(console, file, article)
    if not quotes:
        _print_empty(console, "no quotes", article)
        return
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Quote", ratio=3, overflow="fold")
    # Wide enough that a role ("Belarusian political analyst") wraps at spaces, not inside words.
    table.add_column("Speaker", ratio=2, min_width=16, overflow="fold")
    table.add_column("Cue", no_wrap=True)
    table.add_column("¶", justify="right", no_wrap=True)
    for number, quote in enumerate(quotes, 1):
        speaker = plain(quote.speaker or "—", "bold" if quote.speaker else "dim")
        if quote.role:  # in brackets: without colour, a role on its own line would read as part of the name
            speaker.append("\n").append_text(plain(f"({quote.role})", "dim"))
        if quote.source:
            speaker.append("\n").append_text(plain(f"via {quote.source}", "dim italic"))
        text = plain(quote.text)
        if quote.kind != "full":
            text.append(f" ({quote.kind})", style="dim")
        # people count paragraphs from 1; the JSON index stays 0-based
        paragraph = "title" if quote.paragraph is None else str(quote.paragraph + 1)
        table.add_row(str(number), text, speaker, plain(quote.cue or "—"), paragraph)
    console.print(table)
    _print_warnings(console, article)


def first_place(article: Article, entity: Entity) -> str:
    """The first paragraph that mentions ``entity``; else "title" or "caption" where it appears."""
    paragraphs = [article.paragraph_at(m.start) for m in entity.mentions]
    found = [index for index in paragraphs if index is not None]
    if found:
        return str(min(found) + 1)  # counted from 1, as in the quotes table
    span = article.title_span
    if span and any(span[0] <= m.start < span[1] for m in entity.mentions):
        return "title"
    return "caption" if article.captions else "—"


def render_entities(console: Console, file: str, article: Article, entities: tuple[Entity, ...]) -> None:
    _heading(console, file, article)
    if not entities:
        _print_empty(console, "no entities", article)
        return
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Entity", ratio=2, overflow="fold")
    table.add_column("Type", no_wrap=True)
    table.add_column("Mentions", justify="right", no_wrap=True)
    table.add_column("Aliases", ratio=2, overflow="fold")
    table.add_column("First ¶", justify="right", no_wrap=True)
    for entity in entities:
        table.add_row(
            plain(entity.name, "bold"),
            entity.type,
            str(entity.count),
            plain(", ".join(entity.aliases)),
            first_place(article, entity),
        )
    console.print(table)
    _print_warnings(console, article)
