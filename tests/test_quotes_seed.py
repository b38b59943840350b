"""The issue's expectations on our starting dump, read in place (never copied into the project)."""

from __future__ import annotations

import pytest
from shared_data import MISSING, SEED, seed_path

from newsinspect.model import Quote
from newsinspect.pipeline import analyse_text

pytestmark = pytest.mark.skipif(SEED is None, reason=MISSING)


@pytest.fixture(scope="module")
def quotes() -> tuple[Quote, ...]:
    return analyse_text(
        seed_path().read_text(encoding="utf-8"),
    ).quotes


def starting(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_long_statement(quotes: tuple[Quote, ...]) -> None:
    q = starting(quotes, "We emphasize once again")
    assert (q.speaker, q.role, q.cue, q.kind) == (
        "Viktor Khrenin",
        "Belarusian Defense Minister",
        "said",
        "full",
    )
    assert q.source == "The Moscow Times"


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("openly considering possible options for aggression", "Alexander Volfovich"),
        ("unofficial channels", "Alexander Lukashenko"),
        ("monitor the security situation", "Volodymyr Zelenskyy"),
        ("political suicide.", "Artyom Shraibman"),
        ("special military operation", "Alexander Volfovich"),
    ],
)
def test_partial_quotes(quotes: tuple[Quote, ...], words: str, speaker: str) -> None:
    q = starting(quotes, words)
    assert q.speaker == speaker
    assert q.kind == "partial"


def test_split_quote_is_one(quotes: tuple[Quote, ...]) -> None:
    q = starting(quotes, "That is why I think")
    assert q.speaker == "Artyom Shraibman"
    assert " … On the other hand" in q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == "he"


def test_headline_quote_not_among_body_quotes(quotes: tuple[Quote, ...]) -> None:
    assert all(q.paragraph is not None for q in quotes)
    assert not any(q.text.startswith("Purely Defensive") for q in quotes)
    assert len(quotes) == 7
