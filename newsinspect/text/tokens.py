"""The one tokenizer: word and punctuation tokens of a paragraph, and the masking that hides its quotes."""

from __future__ import annotations

import re
from typing import NamedTuple

from newsinspect import lexicon

_ABBREVIATIONS = lexicon.words("abbreviations_quotes")
_WORD = r"[^\W_][\w’'-]*(?:\.[^\W_][\w’'-]*)*"
_PLAIN_ABBREVIATIONS = sorted((a for a in _ABBREVIATIONS if "." not in a), key=lambda a: (-len(a), a))
# One pattern does it all, so that tokenizing is a single pass in C: abbreviations and initials keep
# their period ("Sen.", "U.S.", "B."), other words do not. The look-ahead (a short word and a period)
# rejects most positions before the abbreviation alternatives are tried one by one; it halves the scan.
_TOKEN = re.compile(
    rf"(?i:\b(?=[a-z]{{1,{len(_PLAIN_ABBREVIATIONS[0])}}}\.)(?:"
    + "|".join(_PLAIN_ABBREVIATIONS)
    + r")\.)"
    + r"|[A-Za-z](?:\.[A-Za-z])+\.?"
    + r"|[A-Z]\.(?=[\s,])"
    + "|"
    + _WORD
    + r"|[,;:()—–―]|--|[.!?]"
)
MASK = "_"


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str

    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Words (abbreviations keep their period), commas, colons, dashes and sentence marks."""
    tokens: list[Token] = []
    append = tokens.append
    # One string object per distinct word (and its lower case the same object when it is lower case
    # already): a paragraph of a million words holds a few thousand distinct ones, and a string costs
    # some 50 bytes over its characters.
    forms: dict[str, tuple[str, str]] = {}
    for m in _TOKEN.finditer(text):  # the hottest loop of quote finding: one group() and span() each
        word = m.group()
        start, end = m.span()
        form = forms.get(word)
        if form is None:
            lower = word.lower()
            form = forms[word] = (word, word if lower == word else lower)
        append(Token(form[0], start, end, form[1]))
    return tokens


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
