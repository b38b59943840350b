"""The parse goldens checked straight through ``parse_article`` (the CLI side is in test_golden.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsinspect.parse import parse_article

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden" / "parse").glob("*.json"))


def _sample_text(golden: Path) -> str:
    return (ROOT / "samples" / f"{golden.stem}.txt").read_bytes().decode("utf-8")


def test_there_are_at_least_eight_parse_goldens() -> None:
    assert len(GOLDEN) >= 8


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_parse_matches_golden(golden: Path) -> None:
    expected: dict[str, Any] = json.loads(golden.read_text(encoding="utf-8"))
    got = parse_article(_sample_text(golden)).to_dict()
    for key, value in expected.items():
        if key == "warnings":  # the golden holds the record's: decoding's, the parser's, then the analysers'
            assert [w for w in value if w in got[key]] == got[key], f"{golden.stem}: {key}"
            continue
        assert got[key] == value, f"{golden.stem}: {key}"


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_golden_offsets_slice_the_sample(golden: Path) -> None:
    text = _sample_text(golden)
    expected: dict[str, Any] = json.loads(golden.read_text(encoding="utf-8"))
    for item in expected["paragraphs"] + expected["captions"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_crlf_sample_really_has_crlf_line_ends() -> None:
    raw = (ROOT / "samples" / "crlf_lines.txt").read_bytes()
    assert b"\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_seed_layout_sample_keeps_the_title_and_player_time_out_of_paragraphs() -> None:
    article = parse_article((ROOT / "samples" / "seed_layout.txt").read_text(encoding="utf-8"))
    texts = [p.text for p in article.paragraphs]
    assert article.title not in texts
    assert "0:00" not in texts
    assert article.title_span is not None
    assert article.text[article.title_span[0] : article.title_span[1]] == article.title


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_ends_do_not_change_the_result(golden: Path, ending: str) -> None:
    text = _sample_text(golden).replace("\r\n", "\n")
    plain = parse_article(text)
    other_text = text.replace("\n", ending)
    other = parse_article(other_text)
    keys = ("title", "subtitle", "authors", "published", "updated", "dateline", "stats", "warnings")
    assert {k: getattr(other, k) for k in keys} == {k: getattr(plain, k) for k in keys}
    assert [p.text for p in other.paragraphs] == [p.text for p in plain.paragraphs]
    assert [(c.text, c.credit) for c in other.captions] == [(c.text, c.credit) for c in plain.captions]
    for p in other.paragraphs:
        assert other_text[p.start : p.end] == p.text
