"""Word and punctuation tokens of a paragraph, and its sentence boundaries, with quotes masked out."""

from __future__ import annotations

import bisect
import re

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


# Characters without white space beyond which a stretch is a tag list, inline JSON or minified script,
# not prose: it holds no speaker and no cue, and on "x.)A" repeated a token every few characters.
_LONG_STRETCH = 256
_NO_SPACE = re.compile(rf"(?<!\S)\S{{{_LONG_STRETCH},}}")


def mask_long_stretches(text: str) -> str:
    """``text`` with every stretch of _LONG_STRETCH or more characters without white space masked."""
    if len(text) < _LONG_STRETCH:
        return text
    return _NO_SPACE.sub(lambda m: MASK * len(m.group()), text)


def _attribution_only(masked: str, at: int, bounds: list[int]) -> bool:
    """The sentence from ``at`` is a short attribution ("Okafor asked.", "said Ann Lee, a lawyer.")."""
    from newsinspect.quotes.cues import STRONG_CUE_WORDS

    i = bisect.bisect_right(bounds, at)
    end = bounds[i] if i < len(bounds) else len(masked)
    sentence = masked[at:end]
    if MASK in sentence:
        return False  # another quote follows: a sentence of its own ("She says it is “…”")
    words = [w.strip(".,;:!?").lower() for w in sentence.split()]
    if not 0 < len(words) <= 16:
        return False
    if any(w in STRONG_CUE_WORDS for w in words[:5]) and len(words) <= 10:
        return True
    # A credit with an appositive or a role runs longer ("Ann Lee, a pilot from the north, shouted to
    # the crowd."), but ends soon after its verb: "She said she was open to …" is a sentence of its own.
    cue = next((k for k, w in enumerate(words[:12]) if w in STRONG_CUE_WORDS), -1)
    return (
        cue >= 0 and len(words) - cue <= 4 and (cue + 1 == len(words) or words[cue + 1] not in _CLAUSE_STARTS)
    )


_CLAUSE_STARTS = lexicon.words("clause_start_words")
# Characters a sentence end looks back for its word: the longest abbreviation has five; what is this
# long is an address or a tag list (the word is cut to its last _LONGEST_WORD characters).
_LONGEST_WORD = 64
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?=[\s)]+[A-Z0-9“\"‘(_])")  # from a run's first mark only


def sentence_bounds(masked: str, inner_ends: list[tuple[int, str]]) -> list[int]:
    """Sorted offsets where sentences start (0 first).

    ``inner_ends`` lists, for each closed quote, (offset after its closing mark, last character inside
    it), so that “… borders.” Next starts a new sentence although the period is masked; but not when
    what follows is only an attribution (“… is it?” Okafor asked.).
    """
    bounds = [0]
    for m in _SENTENCE_END.finditer(masked):
        end = m.start()
        # The word before the mark, looked for at most _LONGEST_WORD back: a longer run without a space
        # is no abbreviation or initial either way, and an unbounded look-back is quadratic on one.
        word_start = masked.rfind(" ", max(0, end - _LONGEST_WORD), end) + 1 or max(0, end - _LONGEST_WORD)
        word = masked[word_start:end].lower().lstrip("(")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or ("." in word and len(word) < 6):
            continue
        bounds.append(m.end())
    plain = sorted(bounds)
    for after_close, last_char in inner_ends:
        if last_char in ".!?":
            rest = masked[after_close : after_close + 3].lstrip()
            if (rest[:1].isupper() or rest[:1] == MASK) and not _attribution_only(masked, after_close, plain):
                bounds.append(after_close)
    bounds.sort()
    return bounds
