"""Split decoded text into trimmed lines that keep their offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line is everything up to \r\n, \n or a lone \r; the text itself is never changed.
_LINE = re.compile(r"[^\r\n]+")
# White space plus the invisible characters scraped pages are full of (zero-width, BOM, NBSP).
_EDGE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_INNER_SPACE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_ODD_SPACE = re.compile(r"[^\S ]|  |[\u200b-\u200f\u2060\ufeff]")
_ODD_SPACE_NOT_DOUBLE = re.compile(r"[^\S \r\n]|[\u200b-\u200f\u2060\ufeff]")


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


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with their offsets."""
    out: list[Line] = []
    previous_end = 0
    # most dumps have no tabs, NBSP or zero-width characters at all: then only double spaces need folding
    odd_text = _ODD_SPACE_NOT_DOUBLE.search(text) is not None
    odd_space = _ODD_SPACE.search
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped_left = raw.lstrip(_EDGE)
        if not stripped_left:
            continue
        content = stripped_left.rstrip(_EDGE)
        line_start = match.start()
        start = line_start + len(raw) - len(stripped_left)
        # line breaks between the previous line and this one: two or more mean a blank line
        breaks = (
            text.count("\n", previous_end, line_start)
            + text.count("\r", previous_end, line_start)
            - text.count("\r\n", previous_end, line_start)
        )
        odd = odd_space(content) if odd_text else "  " in content
        clean = _INNER_SPACE.sub(" ", content) if odd else content
        out.append(Line(len(out), content, start, start + len(content), not out or breaks > 1, clean))
        previous_end = match.end()
    return out
