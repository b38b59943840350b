"""Records to output lines: JSON Lines (the ``show --json`` record) or CSV (article, quote or entity rows).

Each record becomes a complete chunk of lines ending in a newline, encoded once, so that a writer can put
it out in one piece. CSV cells never hold a line break (they are replaced by spaces) so that one line is
one row, which is what lets ``--resume`` drop a partial last row safely.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from newsinspect.batch.expand import display_path
from newsinspect.model import Article, Record

FormatName = Literal["jsonl", "csv"]
RowsName = Literal["articles", "quotes", "entities"]

LIST_SEPARATOR = "; "  # joins authors, aliases and warnings inside one CSV cell

_ARTICLE_COLUMNS = (
    "file", "error", "title", "subtitle", "authors", "published", "updated", "dateline",
    "words", "paragraphs", "sentences", "reading_minutes", "captions", "quotes", "entities", "warnings",
)  # fmt: skip
_QUOTE_COLUMNS = (
    "file", "error", "title", "quote", "text", "kind", "speaker", "role", "cue", "source",
    "paragraph", "start", "end",
)  # fmt: skip
_ENTITY_COLUMNS = ("file", "error", "title", "entity", "name", "type", "count", "aliases", "first_start")
COLUMNS: dict[RowsName, tuple[str, ...]] = {
    "articles": _ARTICLE_COLUMNS,
    "quotes": _QUOTE_COLUMNS,
    "entities": _ENTITY_COLUMNS,
}

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class OutputFormat:
    name: FormatName = "jsonl"
    rows: RowsName = "articles"  # CSV only: one row per article, per quote or per entity

    def header(self) -> bytes:
        """The first line of a new output file (CSV column names), or nothing."""
        if self.name != "csv":
            return b""
        return _csv_lines([list(COLUMNS[self.rows])])

    def render(self, record: Record) -> bytes:
        if self.name == "jsonl":
            return json_line(record.to_dict())
        return _csv_lines(list(_csv_rows(record, self.rows)))


def json_line(payload: dict[str, Any]) -> bytes:
    """Compact JSON, one line, UTF-8; lone surrogates (non-UTF-8 file names) as ``\\udcXX`` escapes."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "backslashreplace") + b"\n"


def _csv_lines(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8", "backslashreplace")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return _LINE_BREAKS.sub(" ", value)
    return value


def _csv_rows(record: Record, rows: RowsName) -> Iterator[list[Any]]:
    """At least one row per record, so every input shows up: an error row, or an article without any
    quotes (entities) gives one row with the quote (entity) columns empty."""
    file = display_path(record.file)
    article = record.article
    if article is None:
        yield [file, record.error or "unknown error"] + [None] * (len(COLUMNS[rows]) - 2)
        return
    if rows == "articles":
        yield [file, None, *_article_cells(article)]
    elif rows == "quotes":
        yield from _quote_rows(file, article)
    else:
        yield from _entity_rows(file, article)


def _article_cells(article: Article) -> list[Any]:
    stats = article.stats
    return [
        article.title,
        article.subtitle,
        LIST_SEPARATOR.join(article.authors),
        article.published,
        article.updated,
        article.dateline,
        stats.words,
        stats.paragraphs,
        stats.sentences,
        stats.reading_minutes,
        len(article.captions),
        len(article.quotes),
        len(article.entities),
        LIST_SEPARATOR.join(article.warnings),
    ]


def _quote_rows(file: str, article: Article) -> Iterator[list[Any]]:
    if not article.quotes:
        yield [file, None, article.title] + [None] * (len(_QUOTE_COLUMNS) - 3)
    for number, quote in enumerate(article.quotes):
        yield [
            file, None, article.title, number, quote.text, quote.kind, quote.speaker, quote.role,
            quote.cue, quote.source, quote.paragraph, quote.start, quote.end,
        ]  # fmt: skip


def _entity_rows(file: str, article: Article) -> Iterator[list[Any]]:
    if not article.entities:
        yield [file, None, article.title] + [None] * (len(_ENTITY_COLUMNS) - 3)
    for number, entity in enumerate(article.entities):
        first = min((mention.start for mention in entity.mentions), default=None)
        yield [
            file, None, article.title, number, entity.name, entity.type, entity.count,
            LIST_SEPARATOR.join(entity.aliases), first,
        ]  # fmt: skip
