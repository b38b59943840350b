"""Which pronoun a person's name takes: from a given name or a courtesy title, else unknown.

Given names come from the ``names`` package (US census 1990, a dependency of the entity gazetteers): a
name counts as male or female when that list gives it at least seven times as often to one as to the
other ("Donald", "Jennifer", "Chris"); "Robin", "Jordan" or "Ali" stay unknown, and unknown fits either
pronoun.
Read once per process, on the first pronoun that needs it (a few milliseconds).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

Gender = Literal["m", "f", "?"]

_MALE_TITLES = frozenset(["mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "rabbi", "pope"])
_FEMALE_TITLES = frozenset(
    ["mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "sister"]
)
_DOMINANCE = 7.0  # how much more often one sex must bear a given name


@lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(male, female, all) given names, capitalised ("Donald"); "all" holds those of either sex too."""
    counts: dict[str, list[float]] = {}
    spec = find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset(), frozenset()
    root = Path(next(iter(spec.submodule_search_locations)))
    for column, filename in enumerate(("dist.male.first", "dist.female.first")):
        try:
            with open(root / filename, encoding="utf-8") as lines:
                for line in lines:
                    parts = line.split()
                    if len(parts) >= 2:
                        pair = counts.setdefault(parts[0].title(), [0.0, 0.0])
                        pair[column] += float(parts[1])
        except (OSError, ValueError):
            continue
    male = frozenset(n for n, (m, f) in counts.items() if m > _DOMINANCE * f)
    female = frozenset(n for n, (m, f) in counts.items() if f > _DOMINANCE * m)
    return male, female, frozenset(counts)


def gender_of(name: str, title: str = "") -> Gender:
    """The gender a name shows: a courtesy title ("Mr.", "Ms.") in ``title`` or in the name, else its
    first word that is a known given name ("Rival Hillary Clinton" → "f"), else "?"."""
    words = name.split()
    for word in [*title.lower().split(), *(w.lower() for w in words[:1])]:
        if word in _MALE_TITLES:
            return "m"
        if word in _FEMALE_TITLES:
            return "f"
    male, female, _ = _given_names()
    for word in words[:-1] if len(words) > 1 else words[:0]:
        if word in male:
            return "m"
        if word in female:
            return "f"
    return "?"


def agrees(gender: Gender, pronoun: str) -> bool:
    """Whether a person of ``gender`` can be "he" or "she" (unknown agrees with both)."""
    if gender == "?":
        return True
    return (gender == "m") == (pronoun in ("he", "him", "his"))


def is_given_name(word: str) -> bool:
    """A given name the census lists for either sex, as written ("Will", "Hillary", "Pat")."""
    return word in _given_names()[2]
