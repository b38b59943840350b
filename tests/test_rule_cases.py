"""Rule cases as data: ``tests/cases/*.jsonl`` hold one invented case a line, run through the library and
through the CLI (``quotes --json`` / ``show --json``), so a new rule case is one line in a table.

quotes.jsonl: {"why", "paragraphs": [...], then "speaker", "cue" (and "role") of the one quote found, or
"quotes": 0 when none may be found}. The paragraphs follow a fixed title and an opening paragraph.
header.jsonl: {"why", "lines": [header lines under a fixed title], optionally "above": [lines over the
title] and "headline" (the title line as printed, for the fixed one), then any of "title", "subtitle",
"authors", "published", "updated"}. A fixed body follows the lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsinspect.cli.app import app
from newsinspect.parse import parse_article
from newsinspect.quotes import find_quotes

CASES = Path(__file__).resolve().parent / "cases"
TITLE = "Harbour council votes on the ferry timetable"
OPENING = "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening."
BODY = (
    "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening.\n\n"
    "Most of the speakers wanted the old timetable back before the summer season begins in earnest.\n"
)
QUOTE_FIELDS = ("speaker", "cue", "role")
HEADER_FIELDS = ("title", "subtitle", "authors", "published", "updated")


def _load(name: str) -> list[dict[str, Any]]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


QUOTE_CASES = _load("quotes.jsonl")
HEADER_CASES = _load("header.jsonl")


def _quote_dump(case: dict[str, Any]) -> str:
    return "\n\n".join([TITLE, OPENING, *case["paragraphs"]]) + "\n"


def _header_dump(case: dict[str, Any]) -> str:
    above = "".join(line + "\n\n" for line in case.get("above", []))
    headline = case.get("headline", TITLE)
    return f"{above}{headline}\n\n" + "\n".join(case["lines"]) + "\n\n" + BODY


def _check_quotes(case: dict[str, Any], found: list[dict[str, Any]]) -> None:
    if case.get("quotes") == 0:
        assert found == [], case["why"]
        return
    assert len(found) == 1, (case["why"], found)
    for field in QUOTE_FIELDS:
        if field in case or field != "role":
            assert found[0][field] == case.get(field), (case["why"], field)


def _run_cli(command: str, text: str, tmp_path: Path) -> dict[str, Any]:
    dump = tmp_path / "case.txt"
    dump.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [command, "--json", str(dump)])
    assert result.exit_code == 0, result.output
    record: dict[str, Any] = json.loads(result.stdout)
    return record


def test_the_tables_are_well_formed() -> None:
    assert len(QUOTE_CASES) >= 20 and len(HEADER_CASES) >= 10
    for case in QUOTE_CASES:
        assert case["why"] and case["paragraphs"]
        assert ("quotes" in case) != ("speaker" in case and "cue" in case), case["why"]
    for case in HEADER_CASES:
        assert case["why"] and (case["lines"] or case.get("above")) and set(case) & set(HEADER_FIELDS), case[
            "why"
        ]


@pytest.mark.parametrize("case", QUOTE_CASES, ids=lambda c: c["why"])
def test_quote_case_through_the_library(case: dict[str, Any]) -> None:
    article = parse_article(_quote_dump(case))
    _check_quotes(case, [quote.to_dict() for quote in find_quotes(article)])


@pytest.mark.parametrize("case", QUOTE_CASES, ids=lambda c: c["why"])
def test_quote_case_through_the_cli(case: dict[str, Any], tmp_path: Path) -> None:
    _check_quotes(case, _run_cli("quotes", _quote_dump(case), tmp_path)["quotes"])


@pytest.mark.parametrize("case", HEADER_CASES, ids=lambda c: c["why"])
def test_header_case_through_the_library(case: dict[str, Any]) -> None:
    text = _header_dump(case)
    article = parse_article(text)
    if article.title_span is not None:
        start, end = article.title_span
        assert text[start:end] == article.title, case["why"]
    record = article.to_dict()
    for field in HEADER_FIELDS:
        if field in case:
            assert record[field] == case[field], (case["why"], field)


@pytest.mark.parametrize("case", HEADER_CASES, ids=lambda c: c["why"])
def test_header_case_through_the_cli(case: dict[str, Any], tmp_path: Path) -> None:
    record = _run_cli("show", _header_dump(case), tmp_path)
    for field in HEADER_FIELDS:
        if field in case:
            assert record[field] == case[field], (case["why"], field)
