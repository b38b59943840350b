"""Pair quotation marks inside one paragraph, in one linear pass.

A stack holds the open marks. Each mark is pushed once and popped once, so the scan is linear
even on a paragraph full of unbalanced marks. Only top-level pairs become quotes; a pair nested
inside another (‘…’ inside “…”) stays part of the outer quote's words.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from typing import NamedTuple

from newsinspect.quotes.marks import (
    DOUBLE_AMBIGUOUS,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    MARK_RE,
    SINGLE_AMBIGUOUS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    MarkKind,
    can_close,
    can_open,
    closes_between,
    is_apostrophe,
    kind_of,
    opens_between,
)
from newsinspect.quotes.names import NOT_NAME_WORDS


class RawQuote(NamedTuple):
    """Quoted words between two marks; offsets are relative to the paragraph text.

    ``open_mark`` is the index of the opening mark; ``close_mark`` the index of the closing mark,
    or None when the paragraph ends before the quote closes.
    """

    open_mark: int
    close_mark: int | None
    kind: MarkKind
    start: int
    end: int


class RawQuotes:
    """A paragraph's quotes in order, compactly: numbers in arrays, 8 bytes each, where a RawQuote and its
    int objects take some 200 (a paragraph can hold a quote candidate every few characters). Indexing and
    iterating make the RawQuote."""

    __slots__ = ("opens", "rest")

    def __init__(self) -> None:
        self.opens = array("q")  # each quote's opening mark: bisected by the attribution
        # then four numbers a quote: its closing mark (-1: none), 1 for double marks, start, end
        self.rest = array("q")

    def append(self, q: RawQuote) -> None:
        self.opens.append(q.open_mark)
        close = -1 if q.close_mark is None else q.close_mark
        self.rest.extend((close, 1 if q.kind == "double" else 0, q.start, q.end))

    def __len__(self) -> int:
        return len(self.opens)

    def __bool__(self) -> bool:
        return len(self.opens) > 0

    def __getitem__(self, i: int) -> RawQuote:
        if i < 0:
            i += len(self.opens)
        rest = self.rest
        k = 4 * i
        close = rest[k]
        kind: MarkKind = "double" if rest[k + 1] else "single"
        return RawQuote(self.opens[i], None if close < 0 else close, kind, rest[k + 2], rest[k + 3])

    def __iter__(self) -> Iterator[RawQuote]:
        for i in range(len(self.opens)):
            yield self[i]

    def without_single(self) -> RawQuotes:
        """The quotes in double marks only."""
        kept = RawQuotes()
        for q in self:
            if q.kind != "single":
                kept.append(q)
        return kept if kept else NO_QUOTES


# What every paragraph without quotes shares (two arrays cost some 150 bytes): never appended to.
NO_QUOTES = RawQuotes()


class _Open:
    """A mark waiting for its partner on the scanner's stack."""

    __slots__ = ("char", "index", "kind", "width")

    def __init__(self, index: int, char: str, kind: MarkKind, width: int = 1) -> None:
        self.index = index
        self.char = char
        self.kind = kind
        self.width = width  # 2 for '' written as a double mark


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum() accepts
_CLOSERS = DOUBLE_CLOSE + SINGLE_CLOSE + DOUBLE_AMBIGUOUS + SINGLE_AMBIGUOUS
_OPENERS = DOUBLE_OPEN + SINGLE_OPEN
_CLOSING_ONLY = DOUBLE_CLOSE + SINGLE_CLOSE
_NESTING_OPENERS = DOUBLE_OPEN + DOUBLE_AMBIGUOUS


def _closes(char: str, kind: MarkKind, opener: _Open) -> bool:
    """Whether ``char`` (of ``kind``) is a closing partner for ``opener`` (“ closes „ in the German
    style)."""
    if opener.kind != kind:
        return False
    if char in _CLOSERS:
        return True
    # “ closes „ in the German style, and a “ typed for ” after a word closes “ (“rapists“ while).
    return (opener.char in "„‚" and char in "“‘") or (char == "“" and opener.char == "“")


def _is_open(kind: MarkKind, stack: list[_Open]) -> bool:
    """Whether a mark of ``kind`` is open. The stack never holds more than two marks."""
    return bool(stack) and (stack[-1].kind == kind or stack[0].kind == kind)


def _role(text: str, i: int, char: str, kind: MarkKind, stack: list[_Open]) -> str:
    """'open', 'close' or '' (ignore) for the mark ``char`` (of ``kind``) at ``i``."""
    if kind == "single" and is_apostrophe(text, i):
        return ""
    if char == "«":  # guillemets are unambiguous, and French puts spaces inside them
        return "open"
    if char == "»":
        return "close" if any(o.char == "«" for o in stack) else ""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    opening = opens_between(prev, nxt)
    closing = closes_between(prev, nxt)
    pending = _is_open(kind, stack)
    if char in _OPENERS:
        if pending and closing and any(_closes(char, kind, o) for o in stack):
            return "close"
        return "open" if opening or not closing else ""
    if char in _CLOSING_ONLY:
        if pending and (closing or not opening):
            return "close"
        # ” used as an opener (typing slips, Nordic style) only when nothing is open; at the very start
        # of a paragraph it opens before an ellipsis too (” … and then we left”).
        if not pending and char in DOUBLE_CLOSE and ((opening and not closing) or _starts_text(text, i)):
            return "open"
        return ""
    # Straight marks: decided by their neighbours ("it ended ' " with a space still closes).
    if pending and (closing or not opening):
        return "close"
    if opening:
        return "open"
    return ""


def _starts_text(text: str, i: int) -> bool:
    """The mark at ``i`` opens the paragraph (only white space before it) and an ellipsis follows it."""
    return i < 4 and not text[:i].strip() and text.startswith((" …", " ...", "…", "..."), i + 1)


def _pair_role(text: str, i: int, stack: list[_Open]) -> str:
    """The role of '' at ``i`` read as one double mark: it opens before its second apostrophe's
    neighbour and closes after its first one's."""
    opening = can_open(text, i + 1)
    closing = can_close(text, i)
    if _is_open("double", stack) and (closing or not opening):
        return "close"
    return "open" if opening else ""


def scan_paragraph(text: str, *, apostrophe_quotes: bool = False) -> RawQuotes:
    """Top-level quotations in ``text``, in order, with an unclosed one (if any) running to the end.

    Two apostrophes ('') are ignored unless ``apostrophe_quotes`` reads them as a double mark, the way
    some newswire archives write “ and ”.
    """
    found = NO_QUOTES  # made when the first quote is found: most paragraphs have none
    stack: list[_Open] = []
    skip = -1  # the second apostrophe of a '' already dealt with
    for m in MARK_RE.finditer(text):
        i = m.start()
        if i == skip:
            continue
        char = text[i]
        if char == "'" and text.startswith("'", i + 1):
            skip = i + 1
            if not apostrophe_quotes:
                continue
            role = _pair_role(text, i, stack)
            if role == "open":
                if stack and stack[-1].kind == "double":  # the earlier double mark was stray
                    stack.pop()
                if len(stack) < 2:
                    stack.append(_Open(i, '"', "double", 2))
            elif role == "close":
                while stack and stack[-1].kind != "double":
                    stack.pop()
                if stack:
                    opener = stack.pop()
                    if not stack:
                        found = _add(found, text, opener, i + 1, i)
            continue
        kind = kind_of(char)
        role = _role(text, i, char, kind, stack)
        if role == "open":
            if (
                stack
                and stack[-1].kind == kind
                and not (char in DOUBLE_OPEN and stack[-1].char in _NESTING_OPENERS and len(stack) == 1)
            ):
                # Same kind opened again before closing: the earlier mark was stray. A curly “ inside
                # an open double quote is a quote within a quote written with double marks: it nests.
                stack.pop()
            if len(stack) >= 2:
                continue
            stack.append(_Open(i, char, kind))
        elif role == "close":
            while stack and not _closes(char, kind, stack[-1]):
                stack.pop()
            if not stack:
                continue
            opener = stack.pop()
            if not stack:
                found = _add(found, text, opener, i, i)
    if stack:
        found = _add(found, text, stack[0], None, len(text))
    return found


def _add(found: RawQuotes, text: str, opener: _Open, close: int | None, end: int) -> RawQuotes:
    """``found`` with the quote between ``opener`` and ``end`` appended, white space trimmed, unless it is
    empty (``NO_QUOTES`` is never appended to: a new list is made)."""
    start = opener.index + opener.width
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _LETTER_OR_DIGIT.search(text, start, end) is None:
        return found
    if (
        close is not None
        and end - start < 40
        and text[start].isupper()
        and _is_nickname(text, opener.index, close, start, end)
    ):
        return found
    if found is NO_QUOTES:
        found = RawQuotes()
    found.append(RawQuote(opener.index, close, opener.kind, start, end))
    return found


_NICKNAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
_PREVIOUS_NAME = re.compile(r"(?:^|\s)([A-Z][\w.-]*) $")
_NEXT_NAME = re.compile(r" ([A-Z][\w'’-]*)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # C.L. "Butch" Otter: initials, not a channel's name


def _is_nickname(text: str, open_mark: int, close: int, start: int, end: int) -> bool:
    """A nickname written inside a person's name (Robert “Bobby” Lane, Ana “La Roca” Ruiz): one to three
    capitalised words in marks, between a capitalised word and another. It is part of the name, not a
    quotation; read as one, it would also cut the name off from the verb after it."""
    if not _NICKNAME.fullmatch(text, start, end):
        return False
    before = _PREVIOUS_NAME.search(text, max(0, open_mark - 30), open_mark)
    after = _NEXT_NAME.match(text, close + 1)
    if before is None or after is None:
        return False
    # Not a title after a possessive or a channel (MSNBC’s “Morning Joe”), nor a day or a month after
    # the quote (called him “Crooked Jim” Monday).
    first, last = before.group(1), after.group(1)
    channel = first.isupper() and len(first.rstrip(".")) > 1 and _INITIALS.fullmatch(first) is None
    if channel or first.endswith(("’s", "'s", "’", "'")):
        return False
    return first.lower() not in NOT_NAME_WORDS and last.lower() not in NOT_NAME_WORDS
