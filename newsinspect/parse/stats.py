"""Counts over the body paragraphs: words, paragraphs, sentences, reading time.

What counts: only paragraphs of kind ``paragraph`` (headings, captions, title and byline are left
out). A word is a white-space separated token that holds something besides punctuation
(``U.S.``, ``well-known``, ``6–1``, ``$4.2`` and ``don’t`` are one word each; a lone ``—`` is
none). A sentence ends at ``.``, ``!``, ``?`` or ``…``
followed by white space and a capital letter, a digit or an opening quote, or by the end of the
paragraph; common abbreviations (``Mr.``, ``U.S.``, single initials) do not end one.
Reading time is words / 230 minutes, rounded to 0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsinspect import lexicon
from newsinspect.model import Stats
from newsinspect.parse.regex import LazyPattern, count_matches, pieces

WORDS_PER_MINUTE = 230
# A token of punctuation alone ("—", "|") is no word. Counted in the tokens joined by single spaces, where
# each starts after a space (a literal the scan skips ahead to), except the first.
_PUNCTUATION_TOKEN = LazyPattern(r" [^\w\s]+(?= |\Z)")
_FIRST_PUNCTUATION_TOKEN = LazyPattern(r"[^\w\s]+(?: |\Z)")
_PUNCTUATION_WORD = LazyPattern(r"(?<!\S)[^\w\s]+(?!\S)")  # the same tokens, between any white space
# A sentence ends at a run of . ! ? … (plus closing quotes) before a capital, a digit, an opening quote
# or the end of the paragraph...
_SENTENCE_MARKS = ".!?…"
_AFTER_SENTENCE_MARK = r"(?<![.!?…].)[.!?…]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)"
_SENTENCE_END_SOURCE = "[" + _SENTENCE_MARKS + "]" + _AFTER_SENTENCE_MARK
_SENTENCE_END = LazyPattern(_SENTENCE_END_SOURCE)
# ...but not at the period of an abbreviation or an initial ("Mr. Hale", "J. Smith") inside a paragraph.
_ABBREVIATIONS = sorted(lexicon.words("abbreviations_sentences"))
# The word before a single period, checked only where a sentence seems to end (few places per paragraph).
_ABBREVIATION_BEFORE = LazyPattern(
    r"(?:^|[^\w.])(?:" + "|".join(re.escape(word) for word in _ABBREVIATIONS) + r"|[A-Za-z])$"
)
_LOOK_BACK = 6
# Over all paragraphs at once (joined by newlines): the same sentence ends (``$`` also before each
# newline), and the abbreviation periods among them, found in C rather than one by one in Python.
# Counted mark by mark: a single literal first is a much faster scan than the class. A run of marks
# ("?!") is only matched from its first mark, so the counts per mark add up to the count of ends.
_SENTENCE_ENDS_JOINED = [
    (mark, LazyPattern(re.escape(mark) + _AFTER_SENTENCE_MARK, re.MULTILINE)) for mark in _SENTENCE_MARKS
]
_ABBREVIATION_WORDS_BY_LENGTH: dict[int, list[str]] = {1: ["[A-Za-z]"]}
for _word in _ABBREVIATIONS:
    _ABBREVIATION_WORDS_BY_LENGTH.setdefault(len(_word), []).append(re.escape(_word))
# A period first (a fast literal scan), then one fixed-width look-behind per word length for the word.
_ABBREVIATION_END_JOINED = LazyPattern(
    r"\.(?:"
    + "|".join(
        r"(?<=(?<![\w.])(?:" + "|".join(words) + r")\.)" for words in _ABBREVIATION_WORDS_BY_LENGTH.values()
    )
    + r")(?!\.)[.!?…]*[\"”’')\]]*(?=[^\S\n]+[\"“‘'(\[]?[A-Z0-9])"
)
_CLOSERS = "\"”’')]"


def _sentence_ends(text: str) -> int:
    count = 0
    end = len(text.rstrip())
    for m in _SENTENCE_END.compiled.finditer(text):
        start = m.start()
        if (
            text[start] == "."
            and not text.startswith("..", start)  # a single period (an ellipsis ends a sentence)
            and m.end() < end
            and _ABBREVIATION_BEFORE.compiled.search(text, max(0, start - _LOOK_BACK), start)
        ):
            continue  # "Mr. Hale", "J. Smith": the period belongs to the word
        count += 1
    return count


def _sentences(text: str) -> int:
    return max(_sentence_ends(text), 1 if text.strip() else 0)


def _count_sentences(texts: list[str], joined: str) -> int:
    """The sum of ``_sentences`` over ``texts`` (``joined``: the texts joined by newlines)."""
    if joined.count("\n") != len(texts) - 1:  # a text of several lines: paragraph by paragraph
        return sum(_sentences(text) for text in texts)
    ends = -len(_ABBREVIATION_END_JOINED.compiled.findall(joined))
    for mark, pattern in _SENTENCE_ENDS_JOINED:
        if mark in joined:
            ends += len(pattern.compiled.findall(joined))
    # a paragraph with no sentence end still counts as one sentence; one that ends with . ! ? … has one
    for text in texts:
        ends_sentence = text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…"))
        if not ends_sentence and text.strip() and _sentence_ends(text) == 0:
            ends += 1
    return ends


def _count_words(texts: list[str]) -> int:
    spaced = " ".join(texts)
    if not _single_spaced(spaced):
        # Counted a piece at a time: a list of the words of a long text costs 10 times its size.
        tokens = sum(len(spaced[start:end].split()) for start, end in pieces(spaced))
        return tokens - count_matches(_PUNCTUATION_WORD.compiled, spaced)
    # the usual case: the tokens are already joined by single spaces
    tokens = spaced.count(" ") + 1 if spaced else 0
    punctuation = count_matches(_PUNCTUATION_TOKEN.compiled, spaced)
    return tokens - punctuation - (_FIRST_PUNCTUATION_TOKEN.compiled.match(spaced) is not None)


def _single_spaced(text: str) -> bool:
    """Whether ``text.split()`` would just split at every space: no white space but single spaces
    between tokens (a printable text holds no white space but the plain space)."""
    return text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" ")


def compute_stats(paragraphs: Iterable[str]) -> Stats:
    """Stats over the given body paragraph texts."""
    texts = list(paragraphs)
    words = _count_words(texts)
    sentences = _count_sentences(texts, "\n".join(texts))
    count = len(texts)
    return Stats(
        words=words, paragraphs=count, sentences=sentences, reading_minutes=round(words / WORDS_PER_MINUTE, 1)
    )
