"""The shared text helpers: the one title-case count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
