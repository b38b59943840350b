"""Pieces of the terminal renderer that decide what a person reads."""

from __future__ import annotations

import pytest

from newsinspect.cli.render_human import first_place, format_date, speakers_summary
from newsinspect.cli.safe_text import neutralise
from newsinspect.model import Article, Caption, Entity, Paragraph, Quote, Span, Stats

TEXT = "Title About Dana\nDana at the pier. (Photo)\nFirst paragraph.\nSecond with Dana.\n"


def article() -> Article:
    return Article(
        title="Title About Dana",
        subtitle=None,
        authors=(),
        published=None,
        updated=None,
        dateline=None,
        captions=(Caption("Dana at the pier.", "Photo", 17, 34),),
        paragraphs=(
            Paragraph("First paragraph.", "paragraph", 43, 59),
            Paragraph("Second with Dana.", "paragraph", 60, 77),
        ),
        stats=Stats(5, 2, 2, 0.1),
        text=TEXT,
        title_span=(0, 16),
    )


def entity(*starts: int) -> Entity:
    mentions = tuple(Span("Dana", s, s + 4) for s in starts)
    return Entity("Dana", "PERSON", len(mentions), (), mentions)


@pytest.mark.parametrize(
    ("starts", "expected"),
    # offset 72 is in the second paragraph (index 1): shown as 2, people count from 1
    [((12, 17, 72), "2"), ((12,), "title"), ((17,), "caption"), ((72, 12), "2")],
)
def test_first_place_prefers_the_body(starts: tuple[int, ...], expected: str) -> None:
    for start in starts:
        assert TEXT[start : start + 4] == "Dana"
    assert first_place(article(), entity(*starts)) == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "—"),
        ("2022-10-12", "12 Oct 2022"),
        ("2023-12-22T10:55:00-05:00", "22 Dec 2023, 10:55 UTC-05:00"),
        ("2024-03-04T09:05:00+05:30", "4 Mar 2024, 09:05 UTC+05:30"),
        ("2024-03-04T09:05:00", "4 Mar 2024, 09:05"),
        ("not a date", "not a date"),
    ],
)
def test_format_date(value: str | None, shown: str) -> None:
    assert format_date(value) == shown


def test_neutralise_makes_controls_visible_and_keeps_text() -> None:
    assert neutralise("a\x1b[31mb\x07c\u202ed\té\nf") == "a\\x1b[31mb\\x07c\\u202ed\té\nf"
    assert neutralise("[bold red]plain[/]") == "[bold red]plain[/]"
    assert neutralise("caf\udce9.txt") == "caf\\udce9.txt"  # a non-UTF-8 file name's lone surrogate


def test_speakers_summary_counts_repeat_speakers() -> None:
    def quote(speaker: str | None) -> Quote:
        return Quote("x", "full", speaker, None, None, None, None, 0, 0, 1)

    assert speakers_summary((quote("Ana"), quote("Ben"), quote("Ana"), quote(None))) == "Ana (2), Ben"
