"""Publications and channels a quote is credited through ("according to The Moscow Times",
"he told The Guardian"): kept apart from the speaker."""

from __future__ import annotations

import re

from newsinspect import lexicon
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.phrases import Mention, object_after

_SOURCE_CUES = lexicon.words("source_cues")
_SOURCE_CUE = re.compile(rf"\b(?:{lexicon.alternation(_SOURCE_CUES)})\s+", re.IGNORECASE)
# Pre-check: the longest word of each cue (most sentences credit no outlet; the pattern is slower).
_LEADS = tuple(sorted({max(cue.split(), key=len) for cue in _SOURCE_CUES}))


def has_source_lead(window: str) -> bool:
    """Whether lowercased ``window`` may hold a source cue: false only when no cue can match there."""
    return any(lead in window for lead in _LEADS)


_OUTLET_WORDS = lexicon.words("outlet_words")


def is_outlet(mention: Mention | None, text: str) -> bool:
    """A news outlet ("the Harbor Ledger", "CNN", "The Hill"), as a source is named."""
    if mention is None:
        return False
    words = text[mention.start : mention.end].split()
    if not words:
        return False
    if any(w.lower().strip(".,’'s") in _OUTLET_WORDS or w.lower() in _OUTLET_WORDS for w in words):
        return True
    # An acronym ("CNN") or a name introduced by "The" ("The Hill").
    return (len(words) == 1 and words[0].isupper() and len(words[0]) > 1) or (
        words[0] == "The" and len(words) > 1 and words[1][:1].isupper()
    )


def find_source(ctx: ParagraphContext, start: int, end: int, speaker: Mention | None) -> str | None:
    """The outlet credited in ``ctx.masked[start:end]`` (the quote's sentence), if any."""
    window = ctx.masked[start:end].lower()
    if not has_source_lead(window):
        return None  # most sentences credit no outlet; skip the slower pattern
    for m in _SOURCE_CUE.finditer(ctx.masked, start, end):
        j = ctx.token_at_or_after(m.end())
        hi = ctx.token_at_or_after(end)
        mention = object_after(ctx.tokens, j, hi, ctx.text)
        if mention is None or mention.kind == "pronoun":
            continue
        if speaker is not None and mention.start == speaker.start:
            continue
        if is_outlet(mention, ctx.text):
            return ctx.text[mention.start : mention.end]
    return None
