"""The shared text helpers: the one title-case count."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.text import runs, sentences
from newsinspect.text.case import capitalised_share

MINOR = frozenset({"of", "the", "to"})
WORDS = st.lists(st.sampled_from(["Harbour", "harbour", "of", "Of", "the", "2024", "“Ferry", "É", "x", ""]))


def test_counts_capitalised_content_words() -> None:
    assert capitalised_share(["Harbour", "Town", "Votes", "to", "Rebuild"], MINOR) == (4, 4)
    assert capitalised_share(["Harbour", "town", "votes"], MINOR) == (1, 3)
    assert capitalised_share(["2024", "“Ferry", "of", "The"], MINOR) == (0, 0)  # digits, marks, minor words


@given(WORDS)
def test_share_is_the_plain_definition(words: list[str]) -> None:
    content = [w for w in words if w[:1].isalpha() and w.lower() not in MINOR]
    capitalised, counted = capitalised_share(words, MINOR)
    assert counted == len(content) and capitalised == sum(w[0].isupper() for w in content)
    assert 0 <= capitalised <= counted <= len(words)


# --- the sentence count: joined paragraphs as one by one ---------------------------------------------

_PARAGRAPH_ATOMS = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "e.g.",
        "J.",
        "St.",
        "etc.",
        ".",
        "..",
        "…",
        "!",
        "?",
        '"',
        "”",
        "’",
        ")",
        "(",
        "“",
        " ",
        "  ",
        "\t",
        "Hale",
        "the",
        "A",
        "7",
        "—",
        "said",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PARAGRAPH_ATOMS, max_size=14).map("".join), max_size=5))
def test_sentences_counted_over_joined_paragraphs_as_one_by_one(paragraphs: list[str]) -> None:
    joined = "\n".join(paragraphs)
    patterns = sentences._patterns()
    assert sentences._count_joined(paragraphs, joined, patterns) == sentences._count_each(
        paragraphs, patterns
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH_ATOMS, max_size=30).map("".join))
def test_sentence_ends_counted_mark_by_mark_as_with_the_class(text: str) -> None:
    by_mark = sum(len(pattern.findall(text)) for _, pattern in sentences._patterns().ends_joined)
    with_the_class = "[" + sentences._COUNTED_MARKS + "]" + sentences._AFTER_COUNTED_MARK
    assert by_mark == len(re.findall(with_the_class, text, re.MULTILINE))


@pytest.mark.parametrize(
    ("masked", "start", "opens"),
    [
        ("Use the map.", 0, True),
        ("Plan ahead. Use the map.", 12, True),
        ("Plan ahead!  Use the map.", 13, True),
        ("1. Use the map.", 3, True),  # a numbered step
        ("* Use the map.", 2, True),  # a list item
        ("Ask * Use the map.", 6, False),
        ("it said _____ Use the map", 14, True),  # after a masked quote
        ("it ends.” Use the map", 10, True),
        ("Ask Mr. Use about it.", 8, False),  # an abbreviation
        ("Ask J. Use about it.", 7, False),  # an initial
        ("Ask the Use team.", 8, False),
        ("Ask (Use it).", 5, False),
        ("Plan ahead.Use the map.", 11, False),  # no space: no sentence break
    ],
)
def test_where_a_sentence_opens(masked: str, start: int, opens: bool) -> None:
    assert sentences.opens_sentence(masked, start) is opens


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH_ATOMS, max_size=30).map("".join))
def test_every_sentence_the_splitter_finds_opens_a_sentence(text: str) -> None:
    for bound in sentences.sentence_bounds(text, []):
        word = bound + len(text[bound:]) - len(text[bound:].lstrip(" \t\n)"))
        if word < len(text) and text[word].isupper():
            assert sentences.opens_sentence(text, word), (text, word)


# --- name runs: the quote finder's person index --------------------------------------------------------

# text, runs, runs with multi_only (which skips a match of one word: "July." closes a run inside a match)
NAME_RUN_CASES = [
    ("Ann Lee and Bob King met.", [["Ann", "Lee"], ["Bob", "King"]], 2),
    ("Sen. Mara Lenn spoke.", [["Sen.", "Mara", "Lenn"]], 1),
    (
        "Ludwig van Beethoven and Bank of Avalon",
        [["Ludwig", "van", "Beethoven"], ["Bank", "of", "Avalon"]],
        2,
    ),
    ("Okafor’s aide Ruth Brandt", [["Okafor’s"], ["Ruth", "Brandt"]], 1),
    ("It was in July. Pavel Varga left.", [["It"], ["July"], ["Pavel", "Varga"]], 2),
    ("J. R. Hale of the firm", [["J.", "R.", "Hale"]], 1),
]


@pytest.mark.parametrize(("text", "expected", "multi"), NAME_RUN_CASES)
def test_name_runs(text: str, expected: list[list[str]], multi: int) -> None:
    found = list(runs.name_runs(text))
    assert [words for _, _, words in found] == expected
    for start, end, words in found:
        assert text[start:end].startswith(words[0]) and text[start:end].endswith(words[-1])
    assert [w for _, _, w in runs.name_runs(text, multi_only=True)] == expected[-multi:]
