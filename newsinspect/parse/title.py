"""Pick the headline among the first lines: after breadcrumbs, before the dek and the byline."""

from __future__ import annotations

import re

from newsinspect.parse.lines import Line

# Navigation lines: list bullets, numbered breadcrumbs ("2. News"), "Home > Tech", "News / World / ...".
_BREADCRUMB = re.compile(r"^(?:[*•+·▪›»>]\s|\d{1,2}\.\s+\S|.{0,40}\s[>»›/|]\s)|^[*•+]$")
_SENTENCE_WORDS = 30
_GLUED_WORDS = re.compile(r"[a-z]{2}[A-Z][a-z]")
_DEK_MIN_WORDS = 8


def looks_like_headline(line: Line) -> bool:
    """Could be a headline: some words, not a menu entry or a long paragraph."""
    text = line.text
    if _BREADCRUMB.match(text) or len(text) > 250:
        return False
    words = text.split()
    if len(_GLUED_WORDS.findall(text)) >= 2:
        return False  # a menu rendered without spaces: "TodayMoney, Power, InequalityMetroSports"
    return 2 <= len(words) <= _SENTENCE_WORDS and any(ch.isalpha() for ch in text)


def looks_like_dek(text: str) -> bool:
    """A standfirst: a full sentence, usually ending with a period."""
    return text.rstrip("”’\"')").endswith((".", "…")) or len(text.split()) > 18


def choose_title(candidates: list[Line], anchor: int | None) -> tuple[Line | None, Line | None]:
    """The title and dek among headline-like ``candidates``, given the byline/date line index ``anchor``.

    With an anchor the title is the candidate nearest above it, or the one above that when the
    nearest reads like a dek. Without one (or nothing above it) it is the first candidate.
    """
    if not candidates:
        return None, None
    above = [c for c in candidates if anchor is not None and c.index < anchor and anchor - c.index <= 12]
    if not above:
        after = [c for c in candidates if anchor is None or c.index > anchor]
        pool = after or candidates
        title = next((c for c in pool if len(c.text.split()) >= 3), pool[0])
        return _first_copy(title, candidates), None
    nearest = above[-1]
    if len(above) >= 2 and nearest.text != above[-2].text:
        previous = above[-2]
        close = nearest.index - previous.index <= 4
        if close and len(previous.text.split()) >= 3 and _dek_after(previous.text, nearest.text):
            return _first_copy(previous, candidates), nearest
    return _first_copy(nearest, candidates), None


def _dek_after(title: str, line: str) -> bool:
    """Whether ``line`` reads as the standfirst under ``title`` rather than the headline itself."""
    if looks_like_dek(line):
        return True
    words, title_words = len(line.split()), len(title.split())
    if title_words >= 5 and words >= _DEK_MIN_WORDS and is_title_case(title) and not is_title_case(line):
        return True  # "Lanternfall Is the Cozy Horror Game" over "The indie hit mixes farming..."
    return words > title_words >= 5 and words >= 10 and not title.endswith((".", ":"))


_MINOR_WORDS = frozenset(
    "a an and as at but by for from if in into is nor of off on onto or over per so than the to up via vs with".split()
)


def is_title_case(text: str) -> bool:
    """Most words capitalised, as headlines in Title Case are (small words excepted)."""
    words = [w.strip("‘’“”\"'()[]") for w in text.split()]
    content = [w for w in words[1:] if w and w.lower() not in _MINOR_WORDS and w[:1].isalpha()]
    if len(content) < 2:
        return False
    return sum(1 for w in content if w[:1].isupper()) / len(content) >= 0.8


def _first_copy(title: Line, candidates: list[Line]) -> Line:
    """When the headline is printed twice (as in many dumps), the first copy."""
    for c in candidates:
        if c.text == title.text:
            return c
    return title
