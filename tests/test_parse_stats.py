"""What the stats count (see newsinspect/parse/stats.py)."""

from __future__ import annotations

import pytest

from newsinspect.parse import parse_article
from newsinspect.parse.stats import compute_stats


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council voted 6–1 on Tuesday.", 6),
        ("It cost $4.2 million, about 4,000 euros.", 7),
        ("A well-known U.S. firm didn’t — at all — agree.", 8),
        ("“Yes,” she said.", 3),
    ],
)
def test_words(text: str, words: int) -> None:
    assert compute_stats([text]).words == words


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Hale went to Augusta. He voted no.", 2),
        ("The U.S. economy grew. J. K. Rowling agreed!", 2),
        ("“We will rebuild,” Okonkwo said. “Before winter.”", 2),
        ("Wait... What?", 2),
        ("no closing mark at all", 1),
        ("Dr. Okafor said the reef was alive.", 1),
    ],
)
def test_sentences(text: str, sentences: int) -> None:
    assert compute_stats([text]).sentences == sentences


def test_reading_time_and_paragraph_count() -> None:
    stats = compute_stats(["word " * 230, "word " * 115])
    assert stats.paragraphs == 2
    assert stats.words == 345
    assert stats.reading_minutes == 1.5


def test_headings_and_captions_do_not_count() -> None:
    text = (
        "Harbor Works Begin Today\n\nBy Ann Lee\nMay 2, 2023\n\n"
        "The first paragraph has exactly eight words here.\n"
        "What Comes Next\n"
        "A crane lifts a beam. (AP Photo/Jo Roe)\n"
        "The second paragraph has six words.\n"
    )
    stats = parse_article(text).stats
    assert stats.paragraphs == 2
    assert stats.words == 14
    assert stats.sentences == 2
