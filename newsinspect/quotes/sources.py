"""Publications and channels a quote is credited through ("according to The Moscow Times",
"he told The Guardian"): kept apart from the speaker."""

from __future__ import annotations

import re

from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.lexicon import words
from newsinspect.quotes.phrases import Mention, object_after

_SOURCE_CUE = re.compile(
    r"\b(?:according to|told|tells|telling|in an interview with|interview with|in a statement to|"
    r"(?:reported|quoted|cited) by|speaking to|speaking with|in comments to|wrote in|writing in)\s+",
    re.IGNORECASE,
)
_LEADS = ("accord", "told", "tell", "interview", "statement to", " by ", "speaking", "comments to", "writ")
_OUTLET_WORDS = words(
    """
    times post news journal tribune herald gazette press reuters agency magazine radio tv
    television network channel daily weekly review guardian telegraph independent observer
    economist bloomberg politico axios cnn bbc nbc abc cbs fox msnbc npr pbs ap afp tass
    interfax ria
    """
)


def _is_outlet(mention: Mention, text: str) -> bool:
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
    if not any(lead in window for lead in _LEADS):
        return None  # most sentences credit no outlet; skip the slower pattern
    for m in _SOURCE_CUE.finditer(ctx.masked, start, end):
        j = ctx.token_at_or_after(m.end())
        hi = ctx.token_at_or_after(end)
        mention = object_after(ctx.tokens, j, hi, ctx.text)
        if mention is None or mention.kind == "pronoun":
            continue
        if speaker is not None and mention.start == speaker.start:
            continue
        if _is_outlet(mention, ctx.text):
            return ctx.text[mention.start : mention.end]
    return None
