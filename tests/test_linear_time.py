"""Issue 9 (1, 2): no pattern of the package and no backward search may take super-linear time.

These tests compare growth (time at 4n over time at n, see linear_time.py), never absolute times.
"""

from __future__ import annotations

import re
import sys

import pytest
from linear_time import MAX_GROWTH, discover, growth, pump, worst_pump

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs setitimer to stop a runaway pattern"),
    pytest.mark.slow,  # every pattern on pump strings of 1k and 4k characters: tens of seconds in all
]

PATTERNS = discover()

# The credit pattern of parse/captions.py before issue 9: its repeated piece could itself hold "via",
# so a chain of "via" split in exponentially many ways ("via " * 22 + "Reuters x" took 75 s).
OLD_TRAILING_AGENCY = (
    r"(?:^|\s)(?P<credit>(?:[\w.'’ -]{1,60}(?:/|\bvia\b)\s*)*"
    r"(?i:getty\s+images|shutterstock|istock(?:photo)?|alamy|ap\s+photo|reuters|afp|epa|bloomberg|unsplash"
    r"|pexels|wikimedia\s+commons)(?:\s*/\s*[\w.'’ -]{1,40})*)$"
)


def test_discovery_finds_the_patterns_of_every_kind_of_holder() -> None:
    names = {found.name for found in PATTERNS}
    assert len(PATTERNS) > 100
    assert "newsinspect.parse.captions._AGENCY_CREDIT" in names  # a LazyPattern
    assert "newsinspect.text.sentences._SENTENCE_END" in names  # an re.Pattern
    assert any(name.startswith("newsinspect.parse.clutter._BY_START[") for name in names)  # in a table
    assert any(name.startswith("newsinspect.quotes.people._PRONOUN_PATTERNS[") for name in names)


@pytest.mark.parametrize(
    "found", PATTERNS, ids=[found.name.removeprefix("newsinspect.") for found in PATTERNS]
)
def test_every_pattern_is_linear_on_pump_strings(found: object) -> None:
    ratio, unit, tail = worst_pump(found.pattern, found.mode)  # type: ignore[attr-defined]
    assert ratio <= MAX_GROWTH, f"{found.name} ({found.mode}): {ratio:.1f}x on {unit!r} * n + {tail!r}"  # type: ignore[attr-defined]


def test_the_pump_check_fails_the_old_credit_pattern() -> None:
    ratio, unit, _ = worst_pump(re.compile(OLD_TRAILING_AGENCY), "match")
    assert ratio > MAX_GROWTH, (ratio, unit)


# 128K characters grown to 512K: at 32K the compiled build sat near the timing floor and in cache, where one
# busy moment or a cache step read as 9.5x growth on a linear function.
SIZE = 131072


def test_sentence_bounds_do_not_search_back_from_every_sentence_end() -> None:
    from newsinspect.quotes.tokens import sentence_bounds

    # "x.)A" repeated: a sentence end every four characters and no space anywhere (262 s at 1 MB).
    for unit in ("x.)A", "a. A", "(x.)A"):
        ratio = growth(lambda n: pump(unit, n, ""), lambda text: sentence_bounds(text, []), SIZE)  # noqa: B023
        assert ratio <= MAX_GROWTH, (unit, ratio)


def test_entity_candidates_do_not_search_back_from_every_run() -> None:
    from newsinspect.text.runs import runs, segment

    def candidates(text: str) -> int:
        return sum(1 for _ in runs(text, segment(text, 0, len(text))))

    # "a—A" and "x.)A" repeated: a capitalised run every few characters, no space to stop at (54 s at 333 KB).
    for unit in ("a—A", "x.)A"):
        ratio = growth(lambda n: pump(unit, n, ""), candidates, SIZE)  # noqa: B023
        assert ratio <= MAX_GROWTH, (unit, ratio)


def test_backward_search_caps_keep_normal_words_whole() -> None:
    from newsinspect.quotes.tokens import sentence_bounds
    from newsinspect.text.runs import runs, segment

    text = "He met Sen. Ilse Brannock in the U.S. Capitol. Then the ferry left Port Alder."
    assert sentence_bounds(text, []) == [0, 46]  # "Sen." and "U.S." are no sentence ends
    found = [tokens[i:j] for tokens, i, j in runs(text, segment(text, 0, len(text)))]
    words = [" ".join(t.text for t in run) for run in found]
    assert words == ["Sen. Ilse Brannock", "U.S. Capitol", "Port Alder"]


def test_a_table_with_one_long_cell_renders_in_linear_time() -> None:
    from newsinspect.html.page import read_page

    # One cell of n/2 characters over n/60 short rows: laid out, every row is padded to that cell's width
    # (quadratic: 100 s and 1.6 GB for a 250 KB page); rendered cell by cell, linear.
    def page(n: int) -> str:
        rows = "<tr><td>b</td><td>c</td></tr>" * (n // 60)
        return f"<html><body><table><tr><td>{'w' * (n // 2)}</td><td>a</td></tr>{rows}</table></body></html>"

    ratio = growth(page, read_page, SIZE // 4)
    assert ratio <= MAX_GROWTH, ratio
