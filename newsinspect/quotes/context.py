"""One paragraph prepared for attribution: its quotes, masked text, tokens and sentence bounds."""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from newsinspect.quotes.cues import CUE_FIRST_WORDS, LONGEST_CUE_WORDS, cue_at
from newsinspect.quotes.scanner import RawQuote, RawQuotes, scan_paragraph
from newsinspect.quotes.tokens import mask, mask_long_stretches, sentence_bounds
from newsinspect.text.tokens import Form, Tokens, tokens_of


@dataclass(frozen=True, eq=False)
class ParagraphContext:
    index: int  # index into article.paragraphs
    base: int  # offset of the paragraph in article.text
    text: str
    masked: str  # quotes (marks included) overwritten, so cues are never read inside a quote
    tokens: Tokens  # compact: indexing makes a Token
    bounds: list[int]
    quotes: RawQuotes
    starts: array[int]  # token start offsets, for bisecting (8 bytes each, not an int object)
    cues: list[tuple[int, int]]  # (first, last) token indices of every reporting cue, in order
    cue_starts: list[int]  # offset of each cue's first token
    cue_texts: list[str]  # each cue's words, lowercased
    lead: int  # white space before the paragraph's first character
    open_marks: array[int]  # offset of each quote's opening mark

    @classmethod
    def build(
        cls,
        index: int,
        base: int,
        text: str,
        quotes: RawQuotes | None = None,
        forms: dict[str, Form] | None = None,
    ) -> ParagraphContext:
        """Prepare one paragraph; ``quotes`` is its scan when the caller has it already, ``forms`` the word
        strings its tokens share with the other paragraphs' (``tokens_of``)."""
        quotes = scan_paragraph(text) if quotes is None else quotes
        # The spans and inner ends are read once each, as they are made: a list of them held a tuple and
        # its numbers per quote (some 10 times the text on a paragraph of marks).
        masked = mask(mask_long_stretches(text), _spans(quotes, len(text)))
        far = _far_stretches(masked, _spans(quotes, len(text)))
        view = _blank(masked, far) if far else masked
        tokens = tokens_of(view, forms)
        bounds = sentence_bounds(view, _inner_ends(text, quotes))
        if far:  # each blank stretch a sentence of its own, so no sentence runs across one
            bounds = sorted([*bounds, *(a for a, _ in far), *(b for _, b in far)])
        cues: list[tuple[int, int]] = []
        free = 0  # the first word not already inside a cue
        for i in range(len(tokens)):
            if i < free or tokens.lower(i) not in CUE_FIRST_WORDS:
                continue
            # the words a cue can hold from here, not a list of every word of the paragraph
            n = cue_at(tokens.lowers(i, i + LONGEST_CUE_WORDS), 0)
            if n and not (tokens[i].text[0].isupper() and _proper_noun(tokens, i)):
                cues.append((i, i + n - 1))
                free = i + n
        return cls(
            index,
            base,
            text,
            masked,
            tokens,
            bounds,
            quotes,
            tokens.starts,
            cues,
            [tokens[c[0]].start for c in cues],
            [" ".join(tokens.lowers(a, b + 1)) for a, b in cues],
            len(text) - len(text.lstrip()),
            quotes.opens,
        )

    def cues_between(self, start: int, end: int) -> range:
        """Indices (into ``cues``) of the cues whose first token starts in ``[start, end)``."""
        return range(bisect.bisect_left(self.cue_starts, start), bisect.bisect_left(self.cue_starts, end))

    def token_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """(start, end) offsets of the sentence holding ``offset``."""
        i = bisect.bisect_right(self.bounds, offset) - 1
        start = self.bounds[max(i, 0)]
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return start, end

    def quote_extent(self, q: RawQuote) -> tuple[int, int]:
        """Offsets of the quote with its marks."""
        return q.open_mark, (q.close_mark + 1) if q.close_mark is not None else len(self.text)


def _spans(quotes: RawQuotes, length: int) -> Iterator[tuple[int, int]]:
    """Each quote's extent, marks included (an unclosed one runs to the paragraph's end)."""
    for q in quotes:
        yield q.open_mark, (q.close_mark + 1) if q.close_mark is not None else length


def _inner_ends(text: str, quotes: RawQuotes) -> Iterator[tuple[int, str]]:
    """For each closed quote, the offset after its closing mark and the last character inside it."""
    for q in quotes:
        if q.close_mark is not None:
            yield q.close_mark + 1, text[q.start : q.end].rstrip("”’\"' ")[-1:]


# A paragraph longer than this (a hundred times a long news paragraph: only pasted logs, tag lists and
# hostile input) is tokenized only within _REACH characters of its quotes, its start and its end: a quote's
# cue, speaker and previous sentence lie within a few hundred characters of it (attribution.WINDOW), and a
# token costs some 80 bytes, so a paragraph of a million words with one quote in it would otherwise hold a
# million tokens (over 100 times its size on text with a mark every few characters).
_WINDOWED_OVER = 50_000
_REACH = 5_000
_SNAP = 256  # characters searched for white space to cut a stretch at


def _far_stretches(masked: str, spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of a long paragraph more than _REACH characters from its quotes, start and end (each cut at
    white space where some lies within _SNAP characters); none for a paragraph of ordinary length."""
    n = len(masked)
    if n <= _WINDOWED_OVER:
        return []
    far: list[tuple[int, int]] = []
    pos = _REACH  # the end of the last stretch kept
    for start, end in itertools.chain(spans, [(n, n)]):
        a, b = pos, start - _REACH
        if b - a > 2 * _SNAP:
            a = next((k + 1 for k in range(a, a + _SNAP) if masked[k].isspace()), a)
            b = next((k for k in range(b - 1, b - _SNAP, -1) if masked[k].isspace()), b)
            far.append((a, b))
        pos = max(pos, end + _REACH)
    return far


def _blank(masked: str, far: list[tuple[int, int]]) -> str:
    """``masked`` with each far stretch white space but for one character that is no token and ends no
    sentence (so that the stretch is not mistaken for an empty gap)."""
    parts: list[str] = []
    pos = 0
    for a, b in far:
        parts.append(masked[pos:a])
        parts.append("#" + " " * (b - a - 1))
        pos = b
    parts.append(masked[pos:])
    return "".join(parts)


def _proper_noun(tokens: Tokens, i: int) -> bool:
    """A capitalised cue word inside a sentence is part of a name ("the United States", "The Daily
    Post"), unless the words around it are capitalised too (a headline in title case: "Okafor Says
    …"); title case leaves only short words in lower case."""
    tok = tokens[i]
    if not tok.text[0].isupper() or i == 0 or not tokens[i - 1].is_word():
        return False
    for k in range(max(0, i - 3), min(len(tokens), i + 4)):
        t = tokens[k]
        if k != i and t.is_word() and len(t.text) > 3 and t.text.islower():
            return True
    return False
