"""Quotation marks: which characters they are, and whether one can open or close at a position.

Apostrophes share characters with single quotation marks (don’t, Belarus’, '90s, rock 'n' roll);
the tests here tell them apart from the characters around the mark only, so a scan stays linear.
"""

from __future__ import annotations

import re
from typing import Literal

MarkKind = Literal["double", "single"]

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIGUOUS = '"'
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_AMBIGUOUS = "'"

ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIGUOUS + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIGUOUS
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIGUOUS
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIGUOUS
# Every mark but a single one between two letters or digits (don’t, Russia’s): that one is always an
# apostrophe (see ``is_apostrophe``), and skipping it in the pattern spares the scanner most of them.
# The pattern opens with the class of every mark, consumed, and tells the kinds apart by looking back at
# it: the regex engine then skips ahead to marks in C. Written as three alternatives (a double mark, a
# single one without a letter before it, a single one without a letter after it), it tried each at every
# position: 80% of the time of scanning paragraphs for quotes.
_LETTER = r"[^\W_]"
MARK_RE = re.compile(
    f"[{re.escape(ALL_MARKS)}](?:(?<=[{re.escape(DOUBLE_MARKS)}])|(?<!{_LETTER}.)|(?!{_LETTER}))"
)

# Characters after which an opening mark may stand, and before which a closing mark may stand.
_OPEN_AFTER = "([{—–―-/" + ALL_MARKS
_CLOSE_BEFORE = ".,;:!?)]}—–―-/…" + ALL_MARKS

# Elisions written with a leading apostrophe: '90s, 'n', 'em, 'til, 'cause, 'tis.
_ELISION = re.compile(
    r"(?:\d\ds\b|\d\d\b(?![\d,.%]| percent)|n['’](?!\w)|(?:em|til|cause|cos|tis|twas|bout)\b)", re.IGNORECASE
)


def kind_of(char: str) -> MarkKind:
    return "double" if char in DOUBLE_MARKS else "single"


def can_open(text: str, i: int) -> bool:
    """A mark at ``i`` may open a quotation: a word follows and nothing word-like precedes it."""
    return opens_between(text[i - 1] if i > 0 else "", text[i + 1] if i + 1 < len(text) else "")


def can_close(text: str, i: int) -> bool:
    """A mark at ``i`` may close a quotation: something precedes it and no word follows directly."""
    return closes_between(text[i - 1] if i > 0 else "", text[i + 1] if i + 1 < len(text) else "")


def opens_between(prev: str, nxt: str) -> bool:
    """``can_open`` for a mark between the characters ``prev`` and ``nxt`` ("" at either end)."""
    return bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in _OPEN_AFTER)


def closes_between(prev: str, nxt: str) -> bool:
    """``can_close`` for a mark between the characters ``prev`` and ``nxt`` ("" at either end)."""
    return bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_BEFORE)


def is_apostrophe(text: str, i: int) -> bool:
    """A single mark inside a word (don’t), or a leading elision ('90s, 'n', 'em)."""
    if text[i] not in SINGLE_MARKS:
        return False
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():
        return True
    if nxt and _ELISION.match(text, i + 1, min(len(text), i + 8)) is not None:
        # 'n' in rock 'n' roll: the mark after the n is an apostrophe too (checked by the caller's
        # prev-character test below), and so is a '90s style year.
        return not prev or not prev.isalnum()
    # The closing half of 'n'.
    return prev == "n" and i >= 2 and text[i - 2] in "'’‘" and (not nxt or nxt.isspace())


# '' opening before a word, and '' closing after a word or punctuation: the two halves of ''…'' quotes.
# Each pattern starts with the two apostrophes and looks back past them at the character before, so the
# regex engine searches for the literal '' in C (a leading look-behind is tried at every position).
_TWO_APOSTROPHES_OPEN = re.compile(r"''(?<![^\s(\[—–-]'')(?=[^\W_])")
_TWO_APOSTROPHES_CLOSE = re.compile(r"''(?<=[^\s']'')(?![^\W_])")


def writes_apostrophe_quotes(text: str) -> bool:
    """Whether ``text`` uses two apostrophes as quotation marks (''Yes,'' she said): at least one ''
    opens before a word and one closes after one. Read by default as no mark at all, such text would
    lose its quotes without a word: the caller is told."""
    if "''" not in text:
        return False
    return _TWO_APOSTROPHES_OPEN.search(text) is not None and _TWO_APOSTROPHES_CLOSE.search(text) is not None
