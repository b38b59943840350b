"""The one sentence splitter: where sentences start in a paragraph whose quotes are masked out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from newsinspect import lexicon
from newsinspect.text.tokens import MASK

_ABBREVIATIONS = lexicon.words("abbreviations")
_CAPITALISED_ONLY = lexicon.words("abbreviations_capitalised_only")
# Characters a sentence end looks back for its word: the longest abbreviation has five; what is this
# long is an address or a tag list (the word is cut to its last _LONGEST_WORD characters).
_LONGEST_WORD = 64
# From a run's first mark only: (?<![.!?])[.!?]+(?=…), written mark first so that the regex engine skips
# ahead to marks in C (a leading look-behind is tried at every position).
_SENTENCE_END = re.compile(r"[.!?](?<![.!?].)[.!?]*(?=[\s)]+[A-Z0-9“\"‘(_])")


def sentence_bounds(
    masked: str,
    inner_ends: Iterable[tuple[int, str]],
    attribution_only: Callable[[str, int, list[int]], bool] | None = None,
) -> list[int]:
    """Sorted offsets where sentences start (0 first).

    ``inner_ends`` lists, for each closed quote, (offset after its closing mark, last character inside
    it), so that “… borders.” Next starts a new sentence although the period is masked; but not when
    ``attribution_only(masked, offset, plain_bounds)`` says that what follows is only an attribution
    (“… is it?” Okafor asked.).
    """
    bounds = [0]
    for m in _SENTENCE_END.finditer(masked):
        if _ends_a_sentence(masked, m.start()):
            bounds.append(m.end())
    plain = sorted(bounds)
    for after_close, last_char in inner_ends:
        if last_char in ".!?":
            rest = masked[after_close : after_close + 3].lstrip()
            if (rest[:1].isupper() or rest[:1] == MASK) and not (
                attribution_only is not None and attribution_only(masked, after_close, plain)
            ):
                bounds.append(after_close)
    bounds.sort()
    return bounds


def _ends_a_sentence(masked: str, end: int) -> bool:
    """Whether the mark at ``end`` ends a sentence: not when the word before it is an abbreviation
    ("Sen.") or an initial ("J.")."""
    # The word before the mark, looked for at most _LONGEST_WORD back: a longer run without a space
    # is no abbreviation or initial either way, and an unbounded look-back is quadratic on one.
    word_start = masked.rfind(" ", max(0, end - _LONGEST_WORD), end) + 1 or max(0, end - _LONGEST_WORD)
    written = masked[word_start:end].lstrip("(")
    word = written.lower()
    return not (
        (word in _ABBREVIATIONS and (word not in _CAPITALISED_ONLY or written[:1].isupper()))
        or (len(word) == 1 and word.isalpha())
        or ("." in word and len(word) < 6)
    )


# What may stand between a sentence's end mark (or a masked quote) and the next sentence's first word.
_CLOSING = " \t\n\"”’')]"


# The marks that open a list item ("* Share", "• Step 2"): one list, read by the parser too (parse/clutter).
LIST_BULLETS: Final = "*•+·▪◦‣-"


def opens_sentence(masked: str, start: int) -> bool:
    """Whether a sentence of the masked paragraph ``masked`` starts at ``start``: its start (or a list item's
    bullet), or after a masked quote or an end mark (as ``sentence_bounds`` reads them), closing marks and
    white space between."""
    at = start
    while at > 0 and masked[at - 1] in _CLOSING:
        at -= 1
    if at == 0 or masked[at - 1] == MASK:
        return True
    if masked[at - 1] in LIST_BULLETS and not masked[: at - 1].strip():
        return True  # a list item's first word
    if masked[at - 1] not in ".!?" or at == start:
        return False
    end = at - 1
    while end > 0 and masked[end - 1] in ".!?":
        end -= 1
    return _ends_a_sentence(masked, end)


# Counting sentences over a whole body (the article's stats) asks less than finding bounds in a paragraph
# whose quotes are masked: a sentence ends at a run of . ! ? … (plus closing quotes) before a capital, a
# digit or an opening quote, or at the end of the paragraph; but not at the period of an abbreviation of
# _ABBREVIATIONS (in any case) or an initial ("Sen. Lee", "J. Smith") inside a paragraph.
_COUNTED_MARKS = ".!?…"
_AFTER_COUNTED_MARK = r"(?<![.!?…].)[.!?…]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)"
_LOOK_BACK = 1 + max(len(word) for word in _ABBREVIATIONS)
_CLOSERS = "\"”’')]"


def abbreviation_pattern(word: str) -> str:
    """A regex matching the abbreviation ``word`` (of _ABBREVIATIONS) as written: in any case, or
    capitalised for one that is also a plain word."""
    if word in _CAPITALISED_ONLY:
        return re.escape(word[0].upper()) + "(?i:" + re.escape(word[1:]) + ")"
    return "(?i:" + re.escape(word) + ")"


class _CountPatterns:
    """The counter's patterns, compiled at the first count (start-up pays nothing for them)."""

    def __init__(self) -> None:
        abbreviations = "|".join(abbreviation_pattern(word) for word in sorted(_ABBREVIATIONS))
        self.end = re.compile("[" + _COUNTED_MARKS + "]" + _AFTER_COUNTED_MARK)
        # The word before a single period, checked only where a sentence seems to end.
        self.abbreviation_before = re.compile(r"(?:^|[^\w.])(?:" + abbreviations + r"|[A-Za-z])$")
        # Over all paragraphs at once (joined by newlines): the same sentence ends (``$`` also before
        # each newline), and the abbreviation periods among them, found in C rather than one by one in
        # Python. Counted mark by mark: a single literal first is a much faster scan than the class. A
        # run of marks ("?!") is only matched from its first mark, so the counts per mark add up.
        self.ends_joined = [
            (mark, re.compile(re.escape(mark) + _AFTER_COUNTED_MARK, re.MULTILINE)) for mark in _COUNTED_MARKS
        ]
        by_length: dict[int, list[str]] = {1: ["[A-Za-z]"]}
        for word in sorted(_ABBREVIATIONS):
            by_length.setdefault(len(word), []).append(abbreviation_pattern(word))
        # A period first (a fast literal scan), then one fixed-width look-behind per word length.
        self.abbreviation_end_joined = re.compile(
            r"\.(?:"
            + "|".join(r"(?<=(?<![\w.])(?:" + "|".join(words) + r")\.)" for words in by_length.values())
            + r")(?!\.)[.!?…]*[\"”’')\]]*(?=[^\S\n]+[\"“‘'(\[]?[A-Z0-9])"
        )


_count_patterns: _CountPatterns | None = None


def _patterns() -> _CountPatterns:
    global _count_patterns
    if _count_patterns is None:
        _count_patterns = _CountPatterns()
    return _count_patterns


def _sentence_ends(text: str, patterns: _CountPatterns) -> int:
    count = 0
    end = len(text.rstrip())
    for m in patterns.end.finditer(text):
        start = m.start()
        if (
            text[start] == "."
            and not text.startswith("..", start)  # a single period (an ellipsis ends a sentence)
            and m.end() < end
            and patterns.abbreviation_before.search(text, max(0, start - _LOOK_BACK), start)
        ):
            continue  # "Mr. Hale", "J. Smith": the period belongs to the word
        count += 1
    return count


def count_sentences(texts: list[str]) -> int:
    """The number of sentences in ``texts`` (paragraphs); a paragraph with no sentence end, but some
    text, counts as one sentence."""
    patterns = _patterns()
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text of several lines: paragraph by paragraph
        return _count_each(texts, patterns)
    return _count_joined(texts, joined, patterns)


def _count_each(texts: list[str], patterns: _CountPatterns) -> int:
    return sum(max(_sentence_ends(text, patterns), 1 if text.strip() else 0) for text in texts)


def _count_joined(texts: list[str], joined: str, patterns: _CountPatterns) -> int:
    """``_count_each`` over ``joined``, the texts (of one line each) joined by newlines."""
    ends = -len(patterns.abbreviation_end_joined.findall(joined))
    for mark, pattern in patterns.ends_joined:
        if mark in joined:
            ends += len(pattern.findall(joined))
    # a paragraph with no sentence end still counts as one sentence; one that ends with . ! ? … has one
    for text in texts:
        ends_sentence = text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…"))
        if not ends_sentence and text.strip() and _sentence_ends(text, patterns) == 0:
            ends += 1
    return ends
