"""Letter case of words: the one title-case count behind headline, heading and quoted-title tests."""

from __future__ import annotations

from collections.abc import Iterable


def capitalised_share(words: Iterable[str], minor: frozenset[str]) -> tuple[int, int]:
    """(capitalised, content) for a run of words: content words start with a letter and are not ``minor``
    (the small words Title Case leaves lowercase, compared lowercased); capitalised ones start upper-case.

    "Harbour Town Votes to Rebuild" with minor {"to"} gives (4, 4); "Harbour town votes" gives (1, 3).
    """
    capitalised = content = 0
    for word in words:
        first = word[:1]
        if first.isalpha() and word.lower() not in minor:
            content += 1
            if first.isupper():
                capitalised += 1
    return capitalised, content
