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

from collections.abc import Iterable

from newsinspect.model import Stats
from newsinspect.parse.regex import LazyPattern, count_matches, pieces
from newsinspect.text.sentences import count_sentences

WORDS_PER_MINUTE = 230
# A token of punctuation alone ("—", "|") is no word. Counted in the tokens joined by single spaces, where
# each starts after a space (a literal the scan skips ahead to), except the first.
_PUNCTUATION_TOKEN = LazyPattern(r" [^\w\s]+(?= |\Z)")
_FIRST_PUNCTUATION_TOKEN = LazyPattern(r"[^\w\s]+(?: |\Z)")
_PUNCTUATION_WORD = LazyPattern(r"(?<!\S)[^\w\s]+(?!\S)")  # the same tokens, between any white space


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
    sentences = count_sentences(texts)
    count = len(texts)
    return Stats(
        words=words, paragraphs=count, sentences=sentences, reading_minutes=round(words / WORDS_PER_MINUTE, 1)
    )
