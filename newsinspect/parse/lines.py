"""Split decoded text into trimmed lines that keep their offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from newsinspect.parse.regex import LazyPattern

# White space plus the invisible characters scraped pages are full of (zero-width, BOM, NBSP).
_EDGE: Final = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_INNER_SPACE: Final = LazyPattern(r"[\s\u200b-\u200f\u2060\ufeff]+")
_INNER_SPACE_CHAR: Final = LazyPattern(r"[\s\u200b-\u200f\u2060\ufeff]")
_CHUNK: Final = 1 << 16  # characters folded at a time on a long line
# White space other than the plain space and line breaks (what \s matches), plus the zero-width
# characters. None of them is printable, so a printable line (the usual case) needs no search.
_ODD_CHAR: Final = LazyPattern(
    "[\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
)


@dataclass(slots=True)  # not frozen: a frozen dataclass is three times slower to build, per line
class Line:
    """One non-blank line: ``text == source[start:end]``, trimmed of edge white space (treat as read-only).

    ``blank_before`` says whether a blank line (or the start of the text) precedes it.
    """

    index: int
    text: str
    start: int
    end: int
    blank_before: bool
    clean: str  # the text with runs of (invisible) white space folded to one space, for matching


def _raw_lines(text: str) -> Iterator[tuple[str, int, int]]:
    """Each line between line breaks (``\\r\\n``, ``\\n`` or a lone ``\\r``): text, start, and the
    number of line breaks since the end of the previous line yielded (two or more: a blank line)."""
    if "\r" not in text:
        # the usual case: a search for each line break is much cheaper than a regex over the text, and
        # unlike text.split it does not hold a string for every line at once (most are shared or dropped)
        start = 0
        breaks = 0
        size = len(text)
        while start <= size:
            end = text.find("\n", start)
            if end < 0:
                end = size
            if end > start:
                yield text[start:end], start, breaks
                breaks = 0
            breaks += 1
            start = end + 1
        return
    previous_end = 0
    for match in re.finditer(r"[^\r\n]+", text):
        line_start = match.start()
        breaks = (
            text.count("\n", previous_end, line_start)
            + text.count("\r", previous_end, line_start)
            - text.count("\r\n", previous_end, line_start)
        )
        yield match.group(), line_start, breaks
        previous_end = match.end()


def _fold_spaces(content: str) -> str:
    """``_INNER_SPACE.sub(" ", content)`` a chunk at a time: over a whole page-long line, ``sub`` holds a
    string per match, 19 times the line's size. A chunk never ends inside a run."""
    parts: list[str] = []
    inner_space = _INNER_SPACE.compiled.sub
    in_run = _INNER_SPACE_CHAR.compiled.match
    start = 0
    while start < len(content):
        end = min(len(content), start + _CHUNK)
        while (
            end < len(content) and in_run(content, end - 1) is not None and in_run(content, end) is not None
        ):
            end += 1
        parts.append(inner_space(" ", content[start:end]))
        start = end
    return "".join(parts)


# Lines up to this length are held once per distinct text (see ``split_lines``), through a table of at most
# _SHARED_TEXTS of them (emptied when full).
_SHARED_LENGTH: Final = 300
_SHARED_TEXTS: Final = 4096


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with their offsets.

    A short line that repeats an earlier one (menus, widgets, bylines) gets the earlier one's string: the
    lines of a dump are held at once, and on a dump of short repeated lines a string per line was some
    70 bytes a line of its own (3.5 times the input). Equal strings, so nothing else can tell."""
    out: list[Line] = []
    shared: dict[str, str] = {}
    inner_space = _INNER_SPACE.compiled.sub
    breaks = 0
    for raw, line_start, gap in _raw_lines(text):
        breaks += gap
        stripped_left = raw.lstrip(_EDGE)
        if not stripped_left:
            continue  # a line of white space only: it counts as a blank line
        content = stripped_left.rstrip(_EDGE)
        if len(content) <= _SHARED_LENGTH:
            if len(shared) >= _SHARED_TEXTS:
                shared.clear()
            content = shared.setdefault(content, content)
        start = line_start + len(raw) - len(stripped_left)
        odd = "  " in content or (
            not content.isprintable() and _ODD_CHAR.compiled.search(content) is not None
        )
        clean = (
            (inner_space(" ", content) if len(content) <= _CHUNK else _fold_spaces(content))
            if odd
            else content
        )
        out.append(Line(len(out), content, start, start + len(content), not out or breaks > 1, clean))
        breaks = 0
    return out
