"""Subheadings between paragraphs: short title-like lines (``Belarus–Ukraine Conflict``)."""

from __future__ import annotations

_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "is",
        "are",
        "was",
        "be",
    ]
)


def is_heading(text: str) -> bool:
    """A short line without closing sentence punctuation whose words are mostly capitalised."""
    if len(text) > 90 or text[-1:] in ".,;" or (text.endswith(("”", '"')) and len(text) > 60):
        return False
    words = text.split()
    if not 1 <= len(words) <= 12:
        return False
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    if text.endswith(("?", "!", ":")):
        return True
    content = [w for w in words if w.lower().strip("()“”\"'’‘") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return capitalised / len(content) >= 0.75 or len(words) <= 6
