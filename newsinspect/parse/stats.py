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
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)")
_LAST_WORD = re.compile(r"[\w.’'-]{0,12}$")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "etc",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "rev",
        "mt",
        "ft",
        "gen",
        "adm",
        "cmdr",
        "atty",
        "supt",
    ]
)


def _sentences(text: str) -> int:
    count = 0
    for m in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        word = (before.group() if before else "").lower().rstrip(".")
        if m.end() < len(text.rstrip()) and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        count += 1
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
