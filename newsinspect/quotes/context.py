"""One paragraph prepared for attribution: its quotes, masked text, tokens and sentence bounds."""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

from newsinspect.quotes.cues import CUE_FIRST_WORDS, cue_at
from newsinspect.quotes.scanner import RawQuote, scan_paragraph
from newsinspect.quotes.tokens import Token, mask, mask_long_stretches, sentence_bounds, tokenize


@dataclass(frozen=True, eq=False)
class ParagraphContext:
    index: int  # index into article.paragraphs
    base: int  # offset of the paragraph in article.text
    text: str
    masked: str  # quotes (marks included) overwritten, so cues are never read inside a quote
    tokens: list[Token]
    bounds: list[int]
    quotes: list[RawQuote]
    starts: array[int]  # token start offsets, for bisecting (8 bytes each, not an int object)
    cues: list[tuple[int, int]]  # (first, last) token indices of every reporting cue, in order
    cue_starts: list[int]  # offset of each cue's first token
    cue_texts: list[str]  # each cue's words, lowercased
    lead: int  # white space before the paragraph's first character
    open_marks: list[int]  # offset of each quote's opening mark

    @classmethod
    def build(
        cls, index: int, base: int, text: str, quotes: list[RawQuote] | None = None
    ) -> ParagraphContext:
        """Prepare one paragraph; ``quotes`` is its scan when the caller has it already."""
        quotes = scan_paragraph(text) if quotes is None else quotes
        spans = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else len(text)) for q in quotes]
        masked = mask(mask_long_stretches(text), spans)
        tokens = tokenize(masked)
        inner = [
            (q.close_mark + 1, text[q.start : q.end].rstrip("”’\"' ")[-1:])
            for q in quotes
            if q.close_mark is not None
        ]
        bounds = sentence_bounds(masked, inner)
        words = [t.lower for t in tokens]
        cues: list[tuple[int, int]] = []
        free = 0  # the first word not already inside a cue
        for i, word in enumerate(words):
            if i < free or word not in CUE_FIRST_WORDS:
                continue
            n = cue_at(words, i)
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
            array("q", (t.start for t in tokens)),
            cues,
            [tokens[c[0]].start for c in cues],
            [" ".join(words[a : b + 1]) for a, b in cues],
            len(text) - len(text.lstrip()),
            [q.open_mark for q in quotes],
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


def _proper_noun(tokens: list[Token], i: int) -> bool:
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
