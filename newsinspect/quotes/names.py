"""Names, roles and organisations in capitalised word runs ("Belarusian Defense Minister Viktor Khrenin").

A small rule set of our own: role words and demonyms make the role, the capitalised words after
them the name; organisation and place words mark runs that are not people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_PARTICLES = ("of", "de", "van", "von", "al", "da", "del")
_TRAILING_LINKS = frozenset((*_PARTICLES, "and"))  # words a name cannot end with
# A run holds at most _MAX_RUN_WORDS words (a longer one goes on as the next run): the regex engine keeps
# some bytes per repetition until the match ends, and the run's words are listed, so a paragraph of
# initials ("A. B. C. …") as one run cost 170 times its size.
_MAX_RUN_WORDS = 64
_RUN = re.compile(
    rf"[{_UPPER}][\w’'.-]*(?:[ \xa0](?:[{_UPPER}][\w’'.-]*|(?:{'|'.join(_PARTICLES)})(?=[ \xa0][{_UPPER}])))"
    rf"{{0,{_MAX_RUN_WORDS - 1}}}"
)
_KEEP_PERIOD = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")


def capitalised_runs(text: str, multi_only: bool = False) -> Iterator[tuple[int, int, list[str]]]:
    """Runs of capitalised words (with initials like "B." and particles) as (start, end, words), in order.

    One regular-expression pass finds the runs; a possessive ("Okafor’s") ends a run. With
    ``multi_only``, runs of a single word are skipped. (A pattern asking for two words or more would
    retry every capital inside a word that has no second one: quadratic on a long run of capitals.) A
    generator: the runs of a long paragraph of initials or capitals, all listed, cost 20x its size.
    """
    runs: list[tuple[int, int, list[str]]] = []
    for m in _RUN.finditer(text):
        group = m.group()
        if multi_only and " " not in group and "\xa0" not in group:
            continue
        pos = m.start()
        cur: list[tuple[int, int, str]] = []
        for raw in group.split():
            start = text.index(raw, pos)
            pos = start + len(raw)
            # "B." and "Sen." keep their period; "July." ends a sentence.
            word = raw
            if raw[-1] == "." and (_KEEP_PERIOD.fullmatch(raw) is None or raw[:-1].lower() in _DATE_WORDS):
                word = raw.rstrip(".")
            cur.append((start, start + len(word), word))
            if word.endswith(("’s", "'s")) or len(word) < len(raw):
                _flush(cur, runs)  # a possessive or a sentence end closes the run
        _flush(cur, runs)
        yield from runs
        runs.clear()


def _flush(cur: list[tuple[int, int, str]], runs: list[tuple[int, int, list[str]]]) -> None:
    while cur and cur[-1][2].lower() in _TRAILING_LINKS:
        cur.pop()
    if cur:
        runs.append((cur[0][0], cur[-1][1], [w for _, _, w in cur]))
    cur.clear()
