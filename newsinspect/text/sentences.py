"""The one sentence splitter: where sentences start in a paragraph whose quotes are masked out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from newsinspect import lexicon
from newsinspect.text.tokens import MASK

_ABBREVIATIONS = lexicon.words("abbreviations_quotes")
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
            if (rest[:1].isupper() or rest[:1] == MASK) and not (
                attribution_only is not None and attribution_only(masked, after_close, plain)
            ):
                bounds.append(after_close)
    bounds.sort()
    return bounds
