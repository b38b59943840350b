"""Regex helpers that keep the parser cheap to import and to run.

``LazyPattern`` compiles on first use: a pattern for a rare shape costs nothing until a line needs
it (compiling all of them took most of the import time). ``fold`` lower-cases a line for cheap
substring pre-checks in front of case-insensitive patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Final

# mypyc compiles ``s.lower()`` to its own case mapping, which lacks CPython's one context rule (a capital
# sigma ending a word lowers to "ς"); called through this name it stays CPython's, so both builds agree.
_STR_LOWER: Final[Callable[[str], str]] = str.lower


def fold(text: str) -> str:
    """``text`` lower-cased so that wherever a case-insensitive pattern made of ASCII words matches
    ``text``, those words occur in the result: a pre-check that never rules out a real match."""
    # several pre-checks fold the same header line: cached, but not for long texts (memory stays small)
    return _fold_cached(text) if len(text) <= _CACHED_LENGTH else _fold(text)


def lower(text: str) -> str:
    """``text.lower()``, a piece at a time on a long text: ``str.lower`` works in a buffer of three
    4-byte characters per character, 12 times the size of a line that holds a curly quote. The pieces are
    cut before white space, which no case mapping looks across (the final sigma looks at letters only)."""
    if "Σ" in text:  # the one context-dependent case mapping: CPython's, not the compiled one
        if len(text) <= PIECE:
            return _STR_LOWER(text)
        return "".join([_STR_LOWER(text[start:end]) for start, end in pieces(text)])
    if len(text) <= PIECE:
        return text.lower()
    return "".join([text[start:end].lower() for start, end in pieces(text)])


def _fold(text: str) -> str:
    lowered = lower(text)
    if lowered.isascii():
        return lowered
    # characters a case-insensitive pattern matches to an ASCII letter although ``str.lower`` does not
    # turn them into it: dotless i, long s, and the combining dot that ``"İ".lower()`` leaves behind
    return lowered.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


# The characters that make ``fold(text)`` differ from ``lower(text)``: those ``_fold`` replaces or drops
# after lower-casing, and the capital dotted I that lower-cases to an i and a combining dot.
_FOLDED_AWAY: Final = ("ı", "ſ", "\u0307", "İ")


def lower_of_fold(text: str, folded: str) -> str:
    """``lower(text)``, given ``folded = fold(text)``: the same string but for a text that holds one of
    ``_FOLDED_AWAY`` (a line's facts need both; most texts are lower-cased once, not twice)."""
    if text.isascii():
        return folded
    for char in _FOLDED_AWAY:
        if char in text:
            return lower(text)
    return folded


# (Module constants are Final: compiled, a name that is not is looked up in the module's dict at every use.)
_CACHED_LENGTH: Final = 400
PIECE: Final = 16_384  # characters of a long text that a list-building search reads at once
_SPACE_AFTER: Final = re.compile(r"\s")


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of about PIECE characters, cut before white space where there is some:
    a findall or sub over a whole 10 MB line holds an object per match, 15 times the line's size."""
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE)
        if end < len(text):
            space = _SPACE_AFTER.search(text, end, end + PIECE)  # a run of more without one is no prose
            end = space.start() if space else end
        yield start, end
        start = end


def word_count(text: str) -> int:
    """``len(text.split())`` without the list of a long text (a page-long line split word by word takes
    15 times its size)."""
    if len(text) <= PIECE:
        return len(text.split())
    return sum(len(text[start:end].split()) for start, end in pieces(text))


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    """``len(pattern.findall(text))`` without the list of a long text. The pieces are cut before white
    space, so this holds for a pattern whose matches hold white space at their start only and whose
    look-ahead asks for white space or the end (a piece's end is either)."""
    if len(text) <= PIECE:
        return len(pattern.findall(text))
    return sum(len(pattern.findall(text, start, end)) for start, end in pieces(text))


_fold_cached: Final = lru_cache(maxsize=1024)(_fold)


class LazyPattern:
    """A compiled regex built on first use; ``.compiled`` is the ``re.Pattern``."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled
