"""The one tokenizer: word and punctuation tokens of a paragraph, and the masking that hides its quotes."""

from __future__ import annotations

import re

from newsinspect import lexicon

_ABBREVIATIONS = lexicon.words("abbreviations_quotes")
MASK = "_"
_WORD_REST = r"[\w’'-]*(?:\.[^\W_][\w’'-]*)*"  # a word after its first letter or digit
_PLAIN_ABBREVIATIONS = sorted((a for a in _ABBREVIATIONS if "." not in a), key=lambda a: (-len(a), a))
# One pattern does it all, so that tokenizing is a single pass in C: abbreviations and initials keep
# their period ("Sen.", "U.S.", "B."), other words do not. The pattern consumes a token's first character
# as one class, anything but white space and the MASK (the regex engine skips ahead to it in C, over
# spaces and masked quotes), then each kind of token checks it by looking back at it. Alternatives that
# each start differently were tried at every position, and a class holding the MASK ("\w") let every
# character of a masked quote try them all: three times as slow on the paragraphs that hold quotes.
# The same tokens as the plain form (tests/test_quotes_speedups.py keeps it and compares the two):
#   (?i:\b(?=[a-z]{1,N}\.)(?:ABBREVIATIONS)\.) | [A-Za-z](?:\.[A-Za-z])+\.? | [A-Z]\.(?=[\s,]) | WORD
#   | [,;:()—–―] | -- | [.!?]
# The look-ahead of the first (a short word and a period) rejects most words before the abbreviations
# are tried one by one, each as its first letter looked back at and the rest.
_TOKEN = re.compile(
    rf"[^\s{MASK}](?:"
    + rf"(?i:(?<!\w.)(?<=[a-z])(?=[a-z]{{0,{len(_PLAIN_ABBREVIATIONS[0]) - 1}}}\.)(?:"
    + "|".join(f"(?<={a[0]}){a[1:]}" for a in _PLAIN_ABBREVIATIONS)
    + r")\.)"
    + r"|(?<=[A-Za-z])(?:\.[A-Za-z])+\.?"
    + r"|(?<=[A-Z])\.(?=[\s,])"
    + r"|(?<=[^\W_])"
    + _WORD_REST
    + r"|(?<=[,;:()—–―])|(?<=-)-|(?<=[.!?]))"
)


class Token:
    """A word or mark of a paragraph. A class rather than a named tuple: compiled, its offsets are stored
    as machine integers in the object, not as two int objects beside it (72 bytes a token instead of 136;
    a paragraph of a million words holds a million tokens)."""

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int, lower: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.lower!r})"

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
    # The hottest loop of quote finding. ``findall`` gives the words without a match object each; a word
    # is found again at or after the end of the one before: every character that can start a token does
    # start one (any letter or digit, the marks, "--"), so the text between two tokens holds no token's
    # first character and the search lands on the token itself.
    pos = 0
    for word in _TOKEN.findall(text):
        start = text.find(word, pos)
        pos = start + len(word)
        form = forms.get(word)
        if form is None:
            lower = word.lower()
            form = forms[word] = (word, word if lower == word else lower)
        append(Token(form[0], start, pos, form[1]))
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


# Characters without white space beyond which a stretch is a tag list, inline JSON or minified script,
# not prose: it holds no speaker and no cue, and on "x.)A" repeated a token every few characters.
_LONG_STRETCH = 256
_NO_SPACE = re.compile(rf"(?<!\S)\S{{{_LONG_STRETCH},}}")


def mask_long_stretches(text: str) -> str:
    """``text`` with every stretch of _LONG_STRETCH or more characters without white space masked."""
    if len(text) < _LONG_STRETCH:
        return text
    return _NO_SPACE.sub(lambda m: MASK * len(m.group()), text)
