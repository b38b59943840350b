"""Word and punctuation tokens of a paragraph, and its sentence boundaries, with quotes masked out."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov lt gen col maj sgt capt adm prof rev st jr sr inc corp co ltd vs "
    "jan feb mar apr aug sept sep oct nov dec no mt ft u.s u.k u.n d.c".split()
)
_TOKEN = re.compile(r"[^\W_][\w’'-]*(?:\.[^\W_][\w’'-]*)*|[,;:()—–―]|--|[.!?]")
MASK = "_"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Words (abbreviations keep their period), commas, colons, dashes and sentence marks."""
    out: list[Token] = []
    last_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.start(), m.end()
        if word[0] == MASK or start < last_end:
            continue
        if (
            word[0].isalpha()
            and end < len(text)
            and text[end] == "."
            and (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word)
        ):
            end += 1
            word = text[start:end]
        out.append(Token(word, start, end))
        last_end = end
    return out


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span (a quote, marks included) overwritten by MASK characters."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(MASK * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


_SENTENCE_END = re.compile(r"[.!?]+(?=[\s)]+[A-Z0-9“\"‘(_])")


def sentence_bounds(masked: str, tokens: list[Token], inner_ends: list[tuple[int, str, int]]) -> list[int]:
    """Sorted offsets where sentences start (0 first).

    ``inner_ends`` lists, for each closed quote, (offset after its closing mark, last character inside
    it, ...) so that “… borders.” Next starts a new sentence although the period is masked.
    """
    bounds = [0]
    for m in _SENTENCE_END.finditer(masked):
        word_start = masked.rfind(" ", 0, m.start()) + 1
        word = masked[word_start:m.start()].lower().lstrip("(")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or ("." in word and len(word) < 6):
            continue
        bounds.append(m.end())
    for after_close, last_char, _ in inner_ends:
        if last_char in ".!?":
            rest = masked[after_close:after_close + 3].lstrip()
            if rest[:1].isupper() or rest[:1] == MASK:
                bounds.append(after_close)
    bounds.sort()
    return bounds
