"""The one tokenizer: word and punctuation tokens of a paragraph, and the masking that hides its quotes."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator

from newsinspect import lexicon

_ABBREVIATIONS = lexicon.words("abbreviations")
_CAPITALISED_ONLY = lexicon.words("abbreviations_capitalised_only")  # "No. 10", but "said no."
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
    + "|".join(
        f"(?<=(?-i:{a[0].upper()})){a[1:]}" if a in _CAPITALISED_ONLY else f"(?<={a[0]}){a[1:]}"
        for a in _PLAIN_ABBREVIATIONS
    )
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


# A word and its lower case. Of variable length to the compiler: a ``tuple[str, str]`` is unboxed when
# compiled, and each token's shared tuple would be boxed again into a new one as it is stored.
Form = tuple[str, ...]


class Tokens:
    """A paragraph's tokens, stored compactly: each token's form (its text and lower case, a tuple shared
    by every token of that word) and its start as a machine integer, some 12 bytes a token where a
    ``Token`` object and its list slot cost some 90 (a paragraph of a million words holds a million
    tokens). Indexing makes the ``Token`` asked for; ``slice(a, b)`` the list of ``Token`` of ``[a, b)``."""

    __slots__ = ("_forms", "starts")

    def __init__(self, forms: list[Form], starts: array[int]) -> None:
        self._forms = forms
        self.starts = starts  # bisected by the callers: ``token_at_or_after``

    def __len__(self) -> int:
        return len(self._forms)

    def __getitem__(self, i: int) -> Token:
        form = self._forms[i]
        start = self.starts[i]
        return Token(form[0], start, start + len(form[0]), form[1])

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self._forms)):
            yield self[i]

    def slice(self, a: int, b: int) -> list[Token]:
        """``list(self)[a:b]``."""
        a, b, _ = slice(a, b).indices(len(self._forms))
        return [self[i] for i in range(a, b)]

    def lower(self, i: int) -> str:
        return self._forms[i][1]

    def lowers(self, a: int, b: int) -> list[str]:
        """The lower case of the tokens of ``[a, b)``, in order."""
        return [form[1] for form in self._forms[a:b]]


def tokenize(text: str) -> list[Token]:
    """Words (abbreviations keep their period), commas, colons, dashes and sentence marks."""
    return list(tokens_of(text))


def tokens_of(text: str, forms: dict[str, Form] | None = None) -> Tokens:
    """``tokenize(text)``, stored compactly. ``forms`` (word -> word and its lower case) may be shared by
    the paragraphs of an article, whose tokens are held together."""
    found: list[Form] = []
    starts: array[int] = array("i" if len(text) < 1 << 31 else "q")  # 4 bytes a start where they fit
    # One string object per distinct word (and its lower case the same object when it is lower case
    # already): a paragraph of a million words holds a few thousand distinct ones, and a string costs
    # some 50 bytes over its characters.
    if forms is None:
        forms = {}
    # The hottest loop of quote finding. ``findall`` gives the words without a match object each; a word
    # is found again at or after the end of the one before: every character that can start a token does
    # start one (any letter or digit, the marks, "--"), so the text between two tokens holds no token's
    # first character and the search lands on the token itself.
    # A long text is read a chunk at a time, each cut just after white space (no token holds any, and the
    # pattern looks ahead no further than the white space after a token, behind into the text before the
    # chunk): the list of every word of a long paragraph at once is transient but costs some 60 bytes a
    # word. The same tokens as ``findall`` over the whole text.
    pos = 0
    size = len(text)
    chunk_start = 0
    while chunk_start < size:
        space = _WHITE_SPACE.search(text, min(chunk_start + _CHUNK, size))
        chunk_end = space.end() if space is not None else size
        for word in _TOKEN.findall(text, chunk_start, chunk_end):
            start = text.find(word, pos)
            pos = start + len(word)
            form = forms.get(word)
            if form is None:
                lower = word.lower()
                form = forms[word] = (word, word if lower == word else lower)
            found.append(form)
            starts.append(start)
        chunk_start = chunk_end
    return Tokens(found, starts)


_CHUNK = 65_536  # characters a chunk of ``tokens_of`` holds at least (it ends after white space)
_WHITE_SPACE = re.compile(r"\s")


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span (a quote, marks included, in order) overwritten by MASK characters."""
    done: list[str] = []  # joined a batch of spans at a time: a string per piece is some 50 bytes
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(MASK * (end - start))
        pos = end
        if len(parts) >= _MASK_BATCH:
            done.append("".join(parts))
            parts.clear()
    if not done and not parts:
        return text
    parts.append(text[pos:])
    done.append("".join(parts))
    return "".join(done)


_MASK_BATCH = 2048


# Characters without white space beyond which a stretch is a tag list, inline JSON or minified script,
# not prose: it holds no speaker and no cue, and on "x.)A" repeated a token every few characters.
_LONG_STRETCH = 256
_NO_SPACE = re.compile(rf"(?<!\S)\S{{{_LONG_STRETCH},}}")


def mask_long_stretches(text: str) -> str:
    """``text`` with every stretch of _LONG_STRETCH or more characters without white space masked."""
    if len(text) < _LONG_STRETCH:
        return text
    return _NO_SPACE.sub(lambda m: MASK * len(m.group()), text)
