"""Records to output chunks: JSON Lines (the ``show --json`` record), CSV rows, or rows for Parquet.

Each record becomes a complete chunk of lines ending in a newline, encoded once, so that a writer can put
it out in one piece. CSV cells never hold a line break (text: replaced by spaces; the file name: escaped
so that it reads back exactly) so that one line is one row, which is what lets ``--resume`` drop a
partial last row safely. Nothing a terminal would act on is written raw (``newsinspect.escapes``).
Parquet chunks are the rows as JSON lines, which the writer (``batch.parquet``) parses into Arrow.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from newsinspect.batch.expand import display_path
from newsinspect.escapes import escape_name, json_safe, visible
from newsinspect.model import Article, Record, plain

FormatName = Literal["jsonl", "csv", "parquet"]
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
    rows: RowsName = "articles"  # CSV and Parquet: one row per article, per quote or per entity

    def header(self) -> bytes:
        """The first line of a new output file (CSV column names), or nothing."""
        if self.name != "csv":
            return b""
        return _csv_lines([list(COLUMNS[self.rows])])

    def render(self, record: Record) -> bytes:
        if self.name == "jsonl":
            return record_line(record)
        if self.name == "parquet":
            return b"".join(_parquet_line(row) for row in parquet_rows(record, self.rows))
        return _csv_lines([_csv_cells(row, self.rows) for row in table_rows(record, self.rows)])


def record_line(record: Record) -> bytes:
    """``json_line(record.to_dict())``; the record of a long text is walked a field, and a long list some
    items, at a time, each converted to JSON values only as it is written (the whole record as dicts
    and lists cost up to 9 times the input: a dict per mention)."""
    if not is_large(record):
        return json_line(record.to_dict())
    return json_line(record.to_dict(shallow=True), large=True)


def json_line(payload: dict[str, Any], *, large: bool = False) -> bytes:
    """Compact JSON, one line, UTF-8: C1 controls and bidi overrides as ``\\u`` escapes (json.dumps does
    C0), lone surrogates (non-UTF-8 file names) as ``\\udcXX``. Valid JSON, the same data once parsed.

    ``large`` (the record of a long text) writes the same bytes a field, and a long list an item, at a
    time: encoded in one go, the encoder's list of pieces and the copies after it cost some 20 times the
    input. Not the default: walking the record costs a normal one a few per cent. With ``large``, values
    may also be the model's own (``Record.to_dict(shallow=True)``): each is converted as it is written.
    """
    if not large:
        return _encoded(_dumps(payload)) + b"\n"
    # Written a piece at a time into one growing buffer, which ``getvalue`` hands over without a copy: a
    # list of the pieces then their join held the record twice (2 to 3 times the input each).
    out = io.BytesIO()
    for piece in _pieces(payload, top=True):
        out.write(piece)
    out.write(b"\n")
    return out.getvalue()


LARGE_TEXT = 256 * 1024  # characters of article text from which a record is written in pieces


def is_large(record: Record) -> bool:
    return record.article is not None and len(record.article.text) > LARGE_TEXT


_ONE_SHOT_ITEMS = 500  # items of a list encoded in one go (a chunk of paragraphs held some 5 times its JSON)


_LONG_STRING = 65_536  # characters of a text (a paragraph, a quote) from which it is written in pieces


def _is_long(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > _LONG_STRING
    return isinstance(value, (list, tuple)) and (
        _weight_over(value, _ONE_SHOT_ITEMS) or any(_has_long(item) for item in value)
    )


def _weight(item: Any) -> int:
    """One, plus the items of the lists among its fields: an entity with its mentions weighs as many
    values in JSON as that many short items, and the encoder holds a string per value until it joins them
    (382 entities of a megabyte of prose in one go: 3 times the input)."""
    return _weight_of(_fields(item))


def _weight_of(found: dict[str, Any] | None) -> int:
    """``_weight`` of an item whose fields (``_fields``) are ``found``."""
    if found is None:
        return 1
    return 1 + sum(len(value) for value in found.values() if isinstance(value, (list, tuple)))


def _weight_over(items: list[Any] | tuple[Any, ...], limit: int) -> bool:
    """Whether the items weigh more than ``limit`` together (``_weight``), read only as far as needed."""
    if len(items) > limit:
        return True
    total = 0
    for item in items:
        total += _weight(item)
        if total > limit:
            return True
    return False


def _fields(value: Any) -> dict[str, Any] | None:
    """The fields of a JSON object: a dict, or a model value (its fields as they are), else None."""
    if isinstance(value, dict):
        return value
    shallow = getattr(value, "shallow_dict", None)
    return shallow() if shallow is not None else None


def _has_long(item: Any) -> bool:
    found = _fields(item)
    return found is not None and any(_is_long(value) for value in found.values())


def _pieces(value: Any, *, top: bool = False) -> Iterator[bytes]:
    """The bytes of ``json_line`` without its line end, in pieces: the same bytes, joined."""
    found = _fields(value)
    if found is not None and (top or _has_long(value)):
        yield b"{"
        for number, (key, item) in enumerate(found.items()):
            yield (b"," if number else b"") + _encoded(_dumps(key)) + b":"
            yield from _pieces(item)
        yield b"}"
    elif isinstance(value, str) and _is_long(value):
        # JSON escapes a string a character at a time: its JSON is its pieces' JSON less their quotes,
        # joined. In one go, a paragraph-long text was held as JSON text, escaped, then as bytes.
        yield b'"'
        for start in range(0, len(value), _LONG_STRING):
            yield _encoded(_dumps(value[start : start + _LONG_STRING]))[1:-1]
        yield b'"'
    elif _is_long(value):
        yield b"["
        # Items without a long list inside are encoded _ONE_SHOT_ITEMS at a time (a list's JSON less its
        # brackets is its items' JSON joined by commas): a piece per item costs some 100 bytes of bytes
        # object and list slot each, 15x the input on a page of short captions.
        start = 0  # the first item not yet written
        weight = 0  # of the items from start on
        for number, item in enumerate(value):
            found = _fields(item)  # once per item: a model value's fields are a new dict each time
            if found is not None and any(_is_long(field) for field in found.values()):
                if start < number:
                    yield _items(value, start, number) + b","
                yield from _pieces(item)
                if number + 1 < len(value):
                    yield b","
                start, weight = number + 1, 0
                continue
            weight += _weight_of(found)
            if weight >= _ONE_SHOT_ITEMS:
                yield _items(value, start, number + 1) + (b"," if number + 1 < len(value) else b"")
                start, weight = number + 1, 0
        if start < len(value):
            yield _items(value, start, len(value))
        yield b"]"
    else:
        yield _encoded(_dumps(plain(value)))


def _items(items: list[Any] | tuple[Any, ...], start: int, end: int) -> bytes:
    """The JSON of ``items[start:end]`` without its brackets: the items joined by commas."""
    return _encoded(_dumps([plain(item) for item in items[start:end]]))[1:-1]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encoded(dumped: str) -> bytes:
    return json_safe(dumped).encode("utf-8", "backslashreplace")


def table_rows(record: Record, rows: RowsName) -> Iterator[dict[str, Any]]:
    """The rows of one record, by column name, values as they are (lists stay lists). At least one row
    per record, so every input shows up: an error row, or an article without any quotes (entities) gives
    one row with the quote (entity) columns empty."""
    head: dict[str, Any] = {"file": record.file, "error": None}
    article = record.article
    if article is None:
        yield {"file": record.file, "error": record.error or "unknown error"}
    elif rows == "articles":
        yield head | _article_cells(article)
    elif rows == "quotes":
        yield from (head | row for row in _quote_rows(article))
    else:
        yield from (head | row for row in _entity_rows(article))


def parquet_rows(record: Record, rows: RowsName) -> Iterator[dict[str, Any]]:
    """Rows for Parquet: per article the whole JSON record with an ``error`` column; per quote or entity,
    the CSV columns with lists as lists. The file name as in JSON once parsed (bytes that are not UTF-8,
    which no Parquet string can hold, as ``\\udcXX``)."""
    if rows == "articles":
        payload = record.to_dict()
        head = {
            "schema": payload.pop("schema"),
            "file": payload.pop("file"),
            "error": payload.pop("error", None),
        }
        yield head | payload
    else:
        yield from table_rows(record, rows)


def _parquet_line(row: dict[str, Any]) -> bytes:
    row["file"] = display_path(row["file"])
    # Lone surrogates cannot occur in decoded text (the decoders are strict); "replace" keeps it so.
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace") + b"\n"


def _csv_lines(rows: list[list[Any]]) -> bytes:
    import csv  # here, not at the top: show --json imports this module and needs no CSV

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _csv_cells(row: dict[str, Any], rows: RowsName) -> list[Any]:
    cells = [escape_name(row["file"])]
    for column in COLUMNS[rows][1:]:
        value = row.get(column)
        if isinstance(value, (list, tuple)):
            value = LIST_SEPARATOR.join(value)
        cells.append(_cell(value))
    return cells


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return visible(_LINE_BREAKS.sub(" ", value))
    return value


def _article_cells(article: Article) -> dict[str, Any]:
    stats = article.stats
    values = (
        article.title, article.subtitle, article.authors, article.published, article.updated,
        article.dateline, stats.words, stats.paragraphs, stats.sentences, stats.reading_minutes,
        len(article.captions), len(article.quotes), len(article.entities), article.warnings,
    )  # fmt: skip
    return dict(zip(_ARTICLE_COLUMNS[2:], values, strict=True))


def _quote_rows(article: Article) -> Iterator[dict[str, Any]]:
    if not article.quotes:
        yield {"title": article.title}
    for number, quote in enumerate(article.quotes):
        values = (
            article.title, number, quote.text, quote.kind, quote.speaker, quote.role, quote.cue, quote.source,
            quote.paragraph, quote.start, quote.end,
        )  # fmt: skip
        yield dict(zip(_QUOTE_COLUMNS[2:], values, strict=True))


def _entity_rows(article: Article) -> Iterator[dict[str, Any]]:
    if not article.entities:
        yield {"title": article.title}
    for number, entity in enumerate(article.entities):
        first = min((mention.start for mention in entity.mentions), default=None)
        values = (article.title, number, entity.name, entity.type, entity.count, list(entity.aliases), first)
        yield dict(zip(_ENTITY_COLUMNS[2:], values, strict=True))
