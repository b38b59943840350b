"""Subheadings between paragraphs: short title-like lines (``Belarus–Ukraine Conflict``)."""

from __future__ import annotations

from typing import Final

from newsinspect import lexicon
from newsinspect.parse.regex import LazyPattern

_QUOTE_THEN_WORDS: Final = LazyPattern(r"[,!?][”\"’']\s+\w|[”\"]\s+[a-z]")
_SMALL_WORDS: Final = lexicon.words("minor_words_headings")  # words a title-case heading leaves in lower case


def is_heading(text: str) -> bool:
    """A short line between paragraphs that does not end a sentence (or a short title-case question)."""
    if len(text) > 90:
        return False
    words = text.split()
    if not 1 <= len(words) <= 12:
        return False
    first = words[0].lstrip("‘“\"'(")
    if not first[:1].isupper() and not first[:1].isdigit():
        return False
    # (both shapes of the pattern need one of these quote marks)
    if ('"' in text or "”" in text or "’" in text or "'" in text) and _QUOTE_THEN_WORDS.compiled.search(text):
        return False  # “It works,” she said
    last = text[-1]
    if last in ".,;…\"”’'":
        return False
    if last in "?!:":
        return len(words) <= 10 and _mostly_capitalised(words)
    return True


def _mostly_capitalised(words: list[str]) -> bool:
    content = [w for w in words if w.lower().strip("()“”\"'’‘?!:") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return capitalised / len(content) >= 0.75
