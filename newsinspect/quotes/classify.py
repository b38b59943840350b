"""Full quotes (a statement of its own) versus partial quotes (a fragment inside the writer's sentence)."""

from __future__ import annotations

import re

from newsinspect import lexicon
from newsinspect.quotes.cues import CUE_WORDS, TEXT_CUE_WORDS
from newsinspect.quotes.grouping import Group, Segment
from newsinspect.quotes.tokens import MASK
from newsinspect.text.case import capitalised_share

_LEAD_PUNCTUATION = frozenset((":", ",", ";", "—", "–", "-", "(", ".", "!", "?", MASK))
_LONGEST_CUE = max(len(word) for word in CUE_WORDS)


def is_full(g: Group) -> bool:
    """A quote is full when it stands as its own clause: it opens the paragraph or follows a colon,
    comma, dash, sentence end or a reporting verb, and begins like a sentence. A quote split by its
    credit is full; fragments of one sentence joined into one quote are full only if the first is."""
    if len(g.segments) > 1 and not g.fragments:
        return True
    seg = g.first
    text, start, stop = seg.ctx.text, seg.raw.start, seg.raw.end
    first = next((text[i] for i in range(start, stop) if text[i].isalnum()), "")
    starts_like_sentence = first.isupper() or first.isdigit() or text.startswith(("…", "..."), start, stop)
    masked = seg.ctx.masked
    end = seg.raw.open_mark
    while end > 0 and masked[end - 1].isspace():
        end -= 1
    if end == 0:
        return starts_like_sentence or len(_first_words(text, start, stop, "")) > 8
    if masked[end - 1] in _LEAD_PUNCTUATION:
        return starts_like_sentence
    if not starts_like_sentence:
        return False
    last = _last_word(masked, end).lower()
    return last in CUE_WORDS and last not in TEXT_CUE_WORDS  # not "she read “Emma”"


def _last_word(text: str, end: int) -> str:
    """The word ending at ``end``, or its last ``_LONGEST_CUE + 1`` characters when it is longer (then it
    is no cue word): reading no further back keeps a paragraph of many quotes linear."""
    start = max(0, end - _LONGEST_CUE - 1)
    return text[start:end].rsplit(None, 1)[-1]


_TITLE_LEADS = lexicon.words("title_leads")
_TITLE_TAILS = lexicon.words("title_tails")
_SMALL_WORDS = lexicon.words("title_small_words")


def _title_case(words: list[str]) -> bool:
    capitalised, content = capitalised_share(words, _SMALL_WORDS)
    return bool(words) and words[0][:1].isupper() and capitalised == content


def looks_like_title(g: Group) -> bool:
    """A short quoted name in title case: a programme, a book or a nickname inside a sentence
    (MSNBC’s “Morning Joe”, the show “Face the Nation”), or a subheading printed in quotation marks
    as a paragraph of its own (‘A Winter to Remember.’)."""
    if len(g.segments) != 1:
        return False
    seg = g.first
    words = _first_words(seg.ctx.text, seg.raw.start, seg.raw.end, _TRIMMED)
    if seg.opens_paragraph() and seg.raw.close_mark is not None:
        after = seg.ctx.masked[seg.raw.close_mark + 1 : seg.raw.close_mark + 4].strip(" .")
        if (
            not after
            and len(words) <= 8
            and (_title_case(words) or _single_marked(seg.ctx.text, seg.raw.open_mark))
        ):
            # A paragraph of a few words in single marks (‘A change of heart.’) is a subheading
            # whatever its case: speech in single marks is quoted inside double ones.
            return True
    return names_a_work(g)


_TRIMMED = " ,.;:!?"  # what a quote that may be a title is stripped of before its words are read
_HEAD = 4096  # characters of a long quote read for its first words
_NOT_TRIMMED = {chars: re.compile(rf"[^\s{re.escape(chars)}]") for chars in ("", _TRIMMED)}


def _first_words(text: str, start: int, end: int, chars: str) -> list[str]:
    """``text[start:end].strip(chars).split(maxsplit=8)``: the words of a quote, or nine pieces when it
    has more than eight words (the ninth not to be read). A long quote is read no further than its
    first _HEAD characters when nine words start there and the ninth piece holds a character neither
    white space nor in ``chars`` (no strip then reaches the first nine): a quote left open to the end of
    a long paragraph was copied whole, twice (its slice and the ninth piece)."""
    if end - start > _HEAD:
        head = text[start : start + _HEAD].lstrip(chars)
        words = head.split(maxsplit=8)
        if len(words) == 9 and _NOT_TRIMMED[chars].search(words[8]) is not None:
            return words
    return text[start:end].strip(chars).split(maxsplit=8)


def _single_marked(text: str, open_mark: int) -> bool:
    """The quote opens with a single mark (not the two apostrophes some archives write for “)."""
    return text[open_mark] in "'‘" and text[open_mark : open_mark + 2] != "''"


def names_a_work(g: Group) -> bool:
    """A short title-case name right after a word for a work or its owner's name ("the book “Salt and
    Stone”", "the report, “Harbors at Risk,”", MSNBC’s “Morning Joe”), or right before a word that
    only a work's name qualifies ("“Harbor Nights” star Ann Lee"): a title, whoever is credited in
    the sentence."""
    if len(g.segments) != 1:
        return False
    seg = g.first
    words = _first_words(seg.ctx.text, seg.raw.start, seg.raw.end, _TRIMMED)
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if _word_after(seg) in _TITLE_TAILS:
        return True  # a name of a work need not be in title case ("“Orange is the New Black” star")
    before = seg.ctx.masked[max(0, seg.raw.open_mark - 40) : seg.raw.open_mark].split()
    if not before:
        return False
    last = before[-1].rstrip(",")
    if not (last.lower() in _TITLE_LEADS or (last[:1].isupper() and last.endswith(("’s", "'s")))):
        return False
    return _title_case(words)


def _word_after(seg: Segment) -> str:
    """The word right after the closing mark, when the quote ends on a letter and one space follows
    ("“Harbor Nights” star"), else "": after “…,” the words are the writer's next clause."""
    close = seg.raw.close_mark
    if close is None or not seg.ctx.text[close - 1 : close].isalnum():
        return ""
    after = seg.ctx.masked[close + 1 : close + 2 + _LONGEST_TAIL]
    if not after.startswith(" "):
        return ""
    return after[1:].split(" ", 1)[0]


_LONGEST_TAIL = max(len(word) for word in _TITLE_TAILS)
