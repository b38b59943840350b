"""Names, roles and organisations in capitalised word runs ("Belarusian Defense Minister Viktor Khrenin").

A small rule set of our own: role words and demonyms make the role, the capitalised words after
them the name; organisation and place words mark runs that are not people.
"""

from __future__ import annotations

import re

from newsinspect import lexicon

_ROLES = lexicon.words("role_words")
ROLE_WORDS = lexicon.single_words(_ROLES)
# Roles of several words, matched whole: "first lady" (never "first" alone).
ROLE_PHRASES = lexicon.phrases(_ROLES)
ORG_WORDS = lexicon.words("org_words")
_ADJECTIVE_ENDINGS = ("ential", "tial", "cial", "ional", "ical")
PLACE_FIRST_WORDS = lexicon.words("place_first_words")
_DATE_WORDS = lexicon.words("weekdays") | lexicon.words("month_names")
# Capitalised words that start sentences or name times, never people.
NOT_NAME_WORDS = _DATE_WORDS | lexicon.words("not_name_words")
PRONOUNS = lexicon.words("subject_pronouns")
_NAME_PARTICLES = lexicon.words("name_particles")
PERSON_PRONOUNS = frozenset(["he", "she"])

_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


DEMONYMS = lexicon.words("demonyms")


def is_demonym(word: str) -> bool:
    low = word.lower()
    return low.endswith(("ian", "ean", "ese", "ish", "ian’s")) or low in DEMONYMS


def is_role_word(word: str) -> bool:
    return word.lower().rstrip(",") in ROLE_WORDS


def role_phrase_at(lowered: list[str], i: int) -> int:
    """The number of words of a role phrase starting at ``lowered[i]`` ("first lady"), else 0."""
    for phrase in ROLE_PHRASES:
        if tuple(lowered[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def role_phrase_ending_at(lowered: list[str], end: int) -> int:
    """The number of words of a role phrase ending with ``lowered[end]``, else 0."""
    for phrase in ROLE_PHRASES:
        start = end + 1 - len(phrase)
        if start >= 0 and tuple(lowered[start : end + 1]) == phrase:
            return len(phrase)
    return 0


def split_role(words: list[str]) -> tuple[int, int]:
    """(role_end, name_start) for a capitalised run: words[:role_end] are the role, words[name_start:] the
    name.

    A demonym counts as part of the role only when a role word follows it ("Ukrainian President").
    """
    i = 0
    n = len(words)
    lowered = [w.lower().rstrip(",") for w in words]
    while i < n:
        w = words[i]
        phrase = role_phrase_at(lowered, i)
        if phrase:
            i += phrase
        elif (
            is_role_word(w)
            or (w.lower() in ("the", "of", "and", "for") and i > 0)
            or (is_demonym(w) and i + 1 < n and is_role_word(words[i + 1]))
        ):
            i += 1
        else:
            break
    # Keep "of" and the like out of the name.
    name_start = i
    while name_start < n and words[name_start].lower() in ("of", "and", "for", "the"):
        name_start += 1
    return i, name_start


def is_org_name(words: list[str]) -> bool:
    return any(w.lower().strip(".,’'s") in ORG_WORDS or w.lower() in ORG_WORDS for w in words)


def looks_like_person(words: list[str]) -> bool:
    """Two to four capitalised words that are not an organisation or a place."""
    if not 2 <= len(words) <= 4 or is_org_name(words):
        return False
    if words[0].lower() in PLACE_FIRST_WORDS or words[0].lower().endswith(_ADJECTIVE_ENDINGS):
        return False  # "North Carolina", "Presidential Debates"
    if words[-1].lower().endswith("s") and words[-1].lower()[:-1] in DEMONYMS:
        return False  # "African Americans"
    return all(is_capitalised(w) or w.lower() in _NAME_PARTICLES for w in words) and not any(
        w.lower() in NOT_NAME_WORDS for w in words
    )


def strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word
