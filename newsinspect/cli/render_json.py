"""JSON Lines output: one compact object per input, UTF-8, in input order (the same bytes as batch)."""

from __future__ import annotations

from typing import Any

from newsinspect.batch.formats import json_line, record_line
from newsinspect.cli.environment import Environment
from newsinspect.model import SCHEMA_VERSION, Entity, Quote, Record


def quotes_payload(record: Record, quotes: tuple[Quote, ...]) -> dict[str, Any]:
    payload = _listing(record, "quotes", [q.to_dict() for q in quotes])
    if record.article is not None:  # e.g. the ''…'' hint: a pipeline must see why it got no quotes
        payload["warnings"] = list(record.article.warnings)
    return payload


def entities_payload(record: Record, entities: tuple[Entity, ...]) -> dict[str, Any]:
    return _listing(record, "entities", [e.to_dict() for e in entities])


def _listing(record: Record, key: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    if record.article is None:
        return record.to_dict()
    return {"schema": SCHEMA_VERSION, "file": record.file, "title": record.article.title, key: items}


def write_record(env: Environment, record: Record) -> None:
    """The whole record (``show --json``), a long one converted as it is written (``formats.record_line``)."""
    _write(env, record_line(record))


def write_json_line(env: Environment, payload: dict[str, Any], *, large: bool = False) -> None:
    """``large``: the record of a long text (``formats.is_large``), written with less memory."""
    _write(env, json_line(payload, large=large))


def _write(env: Environment, line: bytes) -> None:
    buffer = getattr(env.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests)
        env.stdout.write(line.decode("utf-8"))
        return
    env.stdout.flush()
    buffer.write(line)
    buffer.flush()
