"""Photo captions and their credits: ``… (AP Photo/Jane Roe)``, ``Photo: …``, ``Image: … / Getty Images``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from newsinspect import lexicon
from newsinspect.parse.regex import LazyPattern, fold

# A credit in parentheses at the end of a line: needs an agency/photo word or a slash.
_PAREN_CREDIT: Final = LazyPattern(
    r"\((?P<credit>[^()]{2,120}?(?:/[^()]*|(?i:photo|photograph|image|getty|reuters|\bap\b|afp|via|courtesy"
    r"|credit|shutterstock|istock|file|pool|epa|handout|illustration))[^()]*)\)\s*\.?$"
)
_CREDIT_LABELS: Final = lexicon.words("credit_labels")
_LABEL_WORDS: Final = lexicon.required_words(_CREDIT_LABELS)
# "Photo: X", "Image: X", "Credit: X", "Photograph: X", "Illustration: X" at the start or inside the line.
_LABEL_CREDIT: Final = LazyPattern(
    r"(?:^|(?<=[.!?”’\"')])\s+|\s[/|]\s*)(?P<label>(?i:"
    + lexicon.alternation(_CREDIT_LABELS, r"\s+")
    + r"))\s*:\s*(?P<credit>\S.{0,150})$"
)
# A line that ends with "/ Getty Images", "via Getty Images", "| Shutterstock": a credit without a label.
# Linear by construction: a piece before a separator holds no "via" but at its start, white space after a
# separator is either the separator's (tabs) or the next piece's (spaces), and a piece after the agency
# ends with a non-space, so no two neighbouring parts can take the same characters; at most four pieces
# follow the agency, or "afp/afp/…/" would try every agency with every suffix. (When the piece
# could hold "via", a chain of them split in exponentially many ways: "via " * 22 + "Reuters x" took 75 s.)
_AGENCY_CREDIT: Final = LazyPattern(
    r"(?:^|\s)(?P<credit>(?:(?:\bvia\b)?(?:(?!\bvia\b)[\w.'’ -]){1,60}(?:/|\bvia\b)[^\S ]*)*\s*"
    r"(?i:getty\s+images|shutterstock|istock(?:photo)?|alamy|ap\s+photo|reuters|afp|epa|bloomberg|unsplash"
    r"|pexels|wikimedia\s+commons)(?:\s*/[^\S ]*[\w.'’ -]{0,39}[\w.'’-]){0,4} *)$"
)
# "… in 1993. (Everton Archive)": a closed sentence, then a short capitalised name in parentheses.
_NAME_CREDIT: Final = LazyPattern(
    r"[.!?”’\"]\s*\((?P<credit>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|and|the|de|/)){0,5})\)\s*$"
)
# "Photograph by Jo Roe, Agency/Getty Images", "Illustration by Al Ek for The Daily".
_BY_CREDIT: Final = LazyPattern(
    r"^(?i:(?:photo(?:graph)?s?|photography|illustrations?|images?|graphics?|video|artwork|animation)"
    r"\s+(?:by|courtesy(?:\s+of)?)|courtesy(?:\s+of)?)\s+(?P<credit>\S.{0,120})$"
)
_MAX_CAPTION: Final = 400
# Checked on the lower-cased line first: a case-sensitive scan is much cheaper than the full pattern.
_AGENCY_WORD: Final = LazyPattern(
    r"getty|shutterstock|istock|alamy|ap\s+photo|reuters|afp|epa|bloomberg|unsplash|pexels|wikimedia"
)
_FILE: Final = LazyPattern(r"^FILE\s*[-–—]\s+")


@dataclass(frozen=True)
class CaptionMatch:
    """Where the caption text sits inside its line, and the credit if any."""

    text_start: int
    text_end: int
    credit: str | None


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in " \t.:-–—|":
        start += 1
    while end > start and line[end - 1] in " \t:-–—|":
        end -= 1
    return start, end


def match_caption(line: str) -> CaptionMatch | None:
    """A caption line (text plus credit); None for an ordinary line."""
    return None if len(line) > _MAX_CAPTION else _match_caption(line)


@lru_cache(maxsize=4096)  # header lines are asked again for the body (long lines never get here)
def _match_caption(line: str) -> CaptionMatch | None:
    m = _PAREN_CREDIT.compiled.search(line) if line.endswith((")", ").")) else None
    if m:
        start, end = _trim(line, 0, m.start())
        return CaptionMatch(start, end, _tidy(m.group("credit")))
    m = _NAME_CREDIT.compiled.search(line) if line.endswith(")") else None
    if m:
        start, end = _trim(line, 0, m.start() + 1)
        return CaptionMatch(start, end, _tidy(m.group("credit")))
    m = _LABEL_CREDIT.compiled.search(line) if ":" in line and _has_label_word(fold(line)) else None
    if m:
        credit = _tidy(m.group("credit"))
        if m.start() == 0:
            return CaptionMatch(0, len(line), credit)
        start, end = _trim(line, 0, m.start())
        return CaptionMatch(start, end, credit)
    if line.startswith("FILE") and _FILE.compiled.match(line):
        return CaptionMatch(0, len(line), None)
    return None


def credit_only(line: str) -> str | None:
    """The credit of a line that is nothing but a credit (``Jane Roe/Getty Images``), else None."""
    return None if len(line) > 100 else _credit_only(line)


@lru_cache(maxsize=4096)
def _credit_only(line: str) -> str | None:
    lowered = line.lower()
    if _has_agency_word(lowered) and _AGENCY_WORD.compiled.search(lowered):
        m = _AGENCY_CREDIT.compiled.match(line)
        if m and m.end() == len(line):
            return _tidy(line)
    if ":" in line:
        m = _LABEL_CREDIT.compiled.match(line) if _has_label_word(fold(line)) else None
    else:
        m = _BY_CREDIT.compiled.match(line)
    if m:
        return _tidy(m.group("credit"))
    if line.startswith("(") and line.endswith(")") and _PAREN_CREDIT.compiled.fullmatch(line):
        return _tidy(line[1:-1])
    return None


def _has_label_word(folded: str) -> bool:
    """Whether a credit label (``Photo:``, ``Image credit:``, ``Source:``...) could be in the line: a cheap
    test before the label pattern, built from the same list."""
    return any(word in folded for word in _LABEL_WORDS)


def _has_agency_word(lowered: str) -> bool:
    """Whether an agency name could be in the line (``photo`` for ``AP Photo``), before the pattern."""
    return (
        "getty" in lowered
        or "photo" in lowered
        or "reuters" in lowered
        or "afp" in lowered
        or "shutterstock" in lowered
        or "istock" in lowered
        or "alamy" in lowered
        or "epa" in lowered
        or "bloomberg" in lowered
        or "unsplash" in lowered
        or "pexels" in lowered
        or "wikimedia" in lowered
    )


def _tidy(credit: str) -> str:
    """The credit without edge spaces or the period that closed the caption sentence (``Jo Roe.``)."""
    credit = credit.strip()
    last = credit.rsplit(None, 1)[-1] if credit else ""
    if credit.endswith(".") and len(last) > 3 and last[:-1].isalpha() and last not in _KEEP_PERIOD:
        credit = credit[:-1]
    return credit


_KEEP_PERIOD: Final = frozenset({"Inc.", "Corp.", "Ltd.", "Co.", "Jr.", "Sr.", "Bros."})
