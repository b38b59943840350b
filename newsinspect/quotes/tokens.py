"""The quote finder's tokens and sentences: the text layer's tokenizer and sentence splitter, with the
one quote-specific rule (an attribution after a closed quote does not start a sentence of its own)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from newsinspect import lexicon
from newsinspect.text import sentences
from newsinspect.text.tokens import MASK, Token, mask, mask_long_stretches, tokenize

__all__ = ["MASK", "Token", "mask", "mask_long_stretches", "sentence_bounds", "tokenize"]


def sentence_bounds(masked: str, inner_ends: Iterable[tuple[int, str]]) -> list[int]:
    """Sorted offsets where sentences start (0 first), as ``newsinspect.text.sentences`` finds them."""
    return sentences.sentence_bounds(masked, inner_ends, _attribution_only)


def _attribution_only(masked: str, at: int, bounds: list[int]) -> bool:
    """The sentence from ``at`` is a short attribution ("Okafor asked.", "said Ann Lee, a lawyer.")."""
    from newsinspect.quotes.cues import STRONG_CUE_WORDS

    i = bisect.bisect_right(bounds, at)
    end = bounds[i] if i < len(bounds) else len(masked)
    sentence = masked[at:end]
    if MASK in sentence:
        return False  # another quote follows: a sentence of its own ("She says it is “…”")
    pieces = sentence.split(maxsplit=16)  # a seventeenth piece: too long, whatever its length
    if not 0 < len(pieces) <= 16:
        return False
    words = [w.strip(".,;:!?").lower() for w in pieces]
    if any(w in STRONG_CUE_WORDS for w in words[:5]) and len(words) <= 10:
        return True
    # A credit with an appositive or a role runs longer ("Ann Lee, a pilot from the north, shouted to
    # the crowd."), but ends soon after its verb: "She said she was open to …" is a sentence of its own.
    # A credit may also go on after its verb ("Lee said at a briefing, according to …"), when the verb
    # comes early, right after its subject, and no clause of its own follows it.
    cue = next((k for k, w in enumerate(words[:12]) if w in STRONG_CUE_WORDS), -1)
    return (
        cue >= 0
        and (len(words) - cue <= 4 or cue < 4)
        and (cue + 1 == len(words) or words[cue + 1] not in _CLAUSE_STARTS)
    )


_CLAUSE_STARTS = lexicon.words("clause_start_words")
