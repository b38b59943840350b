"""Which pronoun a person's name takes: from a given name or a courtesy title, else unknown.

Given names are the US census lists of the ``names`` package, as the entity gazetteer holds them: a name
counts as male or female when the census gives it at least seven times as often to one sex as to the
other ("Donald", "Jennifer", "Chris"); "Robin", "Jordan" or "Ali" stay unknown, and unknown fits either
pronoun. The gazetteer is loaded from its cache on the first pronoun that needs it.
"""

from __future__ import annotations

from typing import Literal

from newsinspect import lexicon
from newsinspect.lexicon.gazetteer import load_gazetteer

Gender = Literal["m", "f", "?"]

_MALE_TITLES = lexicon.words("male_titles")
_FEMALE_TITLES = lexicon.words("female_titles")


def gender_of(name: str, title: str = "") -> Gender:
    """The gender a name shows: a courtesy title ("Mr.", "Ms.") in ``title`` or in the name, else its
    first word that is a known given name ("Rival Hillary Clinton" → "f"), else "?"."""
    words = name.split()
    for word in [*title.lower().split(), *(w.lower() for w in words[:1])]:
        if word in _MALE_TITLES:
            return "m"
        if word in _FEMALE_TITLES:
            return "f"
    gazetteer = load_gazetteer()
    for word in words[:-1] if len(words) > 1 else words[:0]:
        if word in gazetteer.male_names:
            return "m"
        if word in gazetteer.female_names:
            return "f"
    return "?"


def agrees(gender: Gender, pronoun: str) -> bool:
    """Whether a person of ``gender`` can be "he" or "she" (unknown agrees with both)."""
    if gender == "?":
        return True
    return (gender == "m") == (pronoun in ("he", "him", "his"))


def is_given_name(word: str) -> bool:
    """A given name the census lists for either sex, as written ("Will", "Hillary", "Pat")."""
    return word in load_gazetteer().given_names
