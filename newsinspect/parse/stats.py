"""Counts over the body paragraphs: words, paragraphs, sentences, reading time.

What counts: only paragraphs of kind ``paragraph`` (headings, captions, title and byline are left
out). A word is a run of letters/digits, inner apostrophes, hyphens and dots kept (``U.S.``,
``well-known`` and ``don’t`` are one word each). A sentence ends at ``.``, ``!``, ``?`` or ``…``
followed by white space and a capital letter, a digit or an opening quote, or by the end of the
paragraph; common abbreviations (``Mr.``, ``U.S.``, single initials) do not end one.
Reading time is words / 230 minutes, rounded to 0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsinspect.model import Stats

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# Abbreviations whose period does not end a sentence; each becomes a fixed-width look-behind.
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt St Jr Sr Inc Corp Co Ltd No vs etc Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Rev Mt Ft Adm Cmdr Atty Supt U.S U.K U.N e.g i.e"
).split()
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(word)})" for word in _ABBREVIATIONS)
# A sentence ends at a run of . ! ? … (plus closing quotes) before a capital, a digit, an opening quote
# or the end of the paragraph; not after an abbreviation or a single initial ("J. Smith").
_SENTENCE_END = re.compile(
    r"(?=[.!?…])(?<![.!?…])" + _NOT_AFTER + r"(?<!\b[A-Za-z])[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)"
)


def _sentences(text: str) -> int:
    count = len(_SENTENCE_END.findall(text))
    return count or (1 if text.strip() else 0)


def compute_stats(paragraphs: Iterable[str]) -> Stats:
    """Stats over the given body paragraph texts."""
    words = sentences = count = 0
    for text in paragraphs:
        count += 1
        words += len(_WORD.findall(text))
        sentences += _sentences(text)
    return Stats(
        words=words, paragraphs=count, sentences=sentences, reading_minutes=round(words / WORDS_PER_MINUTE, 1)
    )
