"""One paragraph prepared for attribution: its quotes, masked text, tokens and sentence bounds."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsinspect.quotes.scanner import RawQuote, scan_paragraph
from newsinspect.quotes.tokens import Token, mask, sentence_bounds, tokenize


@dataclass(frozen=True)
class ParagraphContext:
    index: int  # index into article.paragraphs
    base: int  # offset of the paragraph in article.text
    text: str
    masked: str  # quotes (marks included) overwritten, so cues are never read inside a quote
    tokens: list[Token]
    bounds: list[int]
    quotes: list[RawQuote]
    starts: list[int]  # token start offsets, for bisecting

    @classmethod
    def build(cls, index: int, base: int, text: str) -> ParagraphContext:
        quotes = scan_paragraph(text)
        spans = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else len(text)) for q in quotes]
        masked = mask(text, spans)
        tokens = tokenize(masked)
        inner = [
            (q.close_mark + 1, text[q.start : q.end].rstrip("”’\"' ")[-1:])
            for q in quotes
            if q.close_mark is not None
        ]
        bounds = sentence_bounds(masked, inner)
        return cls(index, base, text, masked, tokens, bounds, quotes, [t.start for t in tokens])

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
