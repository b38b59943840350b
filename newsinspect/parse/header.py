"""The first lines of a dump: what each is (byline, date line, label, relative stamp, caption),
where the header ends, which lines could be the headline, and the published/updated stamps."""

from __future__ import annotations

from newsinspect import lexicon
from newsinspect.parse import authors as au
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import is_clutter
from newsinspect.parse.dates import (
    FoundDate,
    fallback_date,
    find_dates,
    is_relative_stamp,
    is_unset,
    stamp_dates,
)
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern, fold, word_count
from newsinspect.parse.title import looks_like_headline

HEADER_LINES = 40
AUTHOR_REACH = 2  # rows between a bare name and the date line that vouches for it
_LONG_LINE_WORDS = 25
_LONG_LINES_SEEN = 5
_MAX_META_WORDS = 40  # a byline or date line is short; longer lines are only checked for a caption
_DATE_LABELS = lexicon.words("date_labels")
# A date label ("Published", "Updated on"), alone on its line or opening a stamp line
_DATE_LABEL = rf"(?:{lexicon.alternation(_DATE_LABELS)})(?:\s+(?:on|in))?"
_LABEL_ONLY = LazyPattern(rf"^(?i:(?:last\s+)?{_DATE_LABEL})\s*:?$")
_LABEL_STARTS = tuple(sorted(_DATE_LABELS | {"last"}))  # the pre-check of _LABEL_ONLY, from the same list
_UPDATE_LABELS = lexicon.words("labels_update")
_PUBLICATION_LABELS = lexicon.words("labels_publication")
_UPDATED_LABEL = LazyPattern(rf"(?i:\b(?:{lexicon.alternation(_UPDATE_LABELS)})\b)")
_PUBLISHED_LABEL = LazyPattern(rf"(?i:\b(?:{lexicon.alternation(_PUBLICATION_LABELS)})\b)")
# The words that make a line further down a stamp line (``late_date``)
_LATE_LABELS = tuple(sorted(_PUBLICATION_LABELS | _UPDATE_LABELS | _DATE_LABELS))
_META_WORDS = lexicon.words("date_line_words")  # words a stamp line may hold besides its dates and names
_WORDISH = LazyPattern(r"[A-Za-z][\w.'’-]*")


class HeaderLine:
    """What one header line is, as far as metadata goes (filled in by ``classify``).

    ``words`` counts the white-space separated tokens of the line's text; ``is_meta`` says whether it
    is a byline, role, date, label or relative stamp line (both are asked again and again).

    A plain class, not a dataclass: a dataclass's ``__init__`` (with a default factory) is generated
    Python even in the compiled build, and some 40 of these are made per dump.
    """

    __slots__ = (
        "by_alone",
        "byline",
        "caption",
        "clutter",
        "date_line",
        "dates",
        "glued_names",
        "is_meta",
        "label_only",
        "line",
        "relative",
        "role",
        "words",
    )

    def __init__(self, line: Line, words: int) -> None:
        self.line = line
        self.words = words
        self.clutter = False
        self.byline: list[str] | None = None
        self.by_alone = False
        self.dates: list[FoundDate] = []
        self.date_line = False
        self.label_only = False
        self.relative = False
        self.caption = False
        self.glued_names: list[str] = []
        self.role = False
        self.is_meta = False


def _date_line(text: str, dates: list[FoundDate], names: list[str]) -> bool:
    """Little else than dates, labels and names: a stamp, not a sentence that mentions a date."""
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    for name in names:
        rest = rest.replace(name, " ")
    words = [w for w in _WORDISH.compiled.findall(rest) if w.lower() not in _META_WORDS]
    return len(words) <= 5


def classify(lines: list[Line], dayfirst: bool) -> list[HeaderLine]:
    """Metadata roles of the first ``HEADER_LINES`` lines."""
    out = _classify_lines(lines, dayfirst)
    for pos in range(1, len(out)):
        # a bare credit line ("(Jo Roe / The Daily)") makes the line above it a caption
        if not out[pos].clutter and credit_only(out[pos].line.text):
            out[pos].caption = True
            if not out[pos - 1].is_meta:
                out[pos - 1].caption = True
    return out


def _classify_lines(lines: list[Line], dayfirst: bool) -> list[HeaderLine]:
    out: list[HeaderLine] = []
    long_lines = 0
    for line in lines[:HEADER_LINES]:
        text = line.clean
        spaces = text.count(" ")
        # a clean text equal to the text has single spaces only: its tokens are the spaces plus one
        words = spaces + 1 if text == line.text else word_count(line.text)
        info = HeaderLine(line, words)
        out.append(info)
        if len(text) > 300 or spaces > _MAX_META_WORDS:
            info.caption = match_caption(text) is not None
            long_lines += not info.caption
            if long_lines >= _LONG_LINES_SEEN:
                break  # well into the body: the rest is not header
            continue
        if spaces >= _LONG_LINE_WORDS - 1:
            long_lines += 1  # counted like header_rows does; still classified below
        if is_clutter(text):
            info.clutter = True
            continue
        _read_meta(info, text, dayfirst)
    return out


def _opens_with_stamp(info: HeaderLine) -> bool:
    """Whether the line opens with a labelled date, whatever follows ("Posted on December 20, 2025 by …
    - 5 Comments on …", a blog's stamp line)."""
    text = info.line.clean
    if not fold(text[: info.dates[0].start]).startswith(_LABEL_STARTS):
        return False
    match = _LEADING_STAMP.compiled.match(text)
    return match is not None and match.end() == info.dates[0].start


_LEADING_STAMP = LazyPattern(rf"(?i:{_DATE_LABEL}\s*:?\s*)")


def _read_meta(info: HeaderLine, text: str, dayfirst: bool) -> None:
    """Fill in what the short, non-clutter header line ``text`` holds: byline, dates, labels, caption."""
    folded = fold(text)  # cached: the word pre-checks of the detectors below fold the same line
    if au.mentions_author(folded):
        info.byline = au.byline_authors(text, wide=True) or au.told_to_authors(text)
        info.by_alone = au.is_by_alone(text)
    info.label_only = folded.startswith(_LABEL_STARTS) and _LABEL_ONLY.compiled.match(text) is not None
    info.dates = find_dates(text, dayfirst=dayfirst)
    if info.byline is None and (info.dates or "ublished" in text or "pdated" in text):
        info.glued_names = au.names_before_date(text)
    if info.dates and not info.glued_names and info.byline is None:
        after = au.names_after_date(text, info.dates[-1].end, wide=True)
        info.glued_names = after or au.name_among_stamps(text)  # "12 Comments | Jo Roe | May 2, 2024"
    if info.dates:
        names = (info.byline or []) + info.glued_names
        info.date_line = (
            info.byline is not None or _date_line(text, info.dates, names) or _opens_with_stamp(info)
        )
    elif word_count(text) <= 6:
        info.relative = is_relative_stamp(text)
    info.caption = match_caption(text) is not None
    info.role = (
        info.byline is None and not info.date_line and au.is_role_line(text) and not au.bare_names(text)
    )
    info.is_meta = bool(
        info.byline is not None
        or info.role
        or info.by_alone
        or info.date_line
        or info.label_only
        or info.relative
        or info.glued_names
    )


def date_roles(header: list[HeaderLine], title: int = -1) -> tuple[FoundDate | None, FoundDate | None]:
    """Published and updated stamps from the date lines, by their labels.

    The first date not labelled as an update is the published one (pages that print
    ``Fri 22 Dec … First published on Thu 21 Dec`` show the current version first, and that is
    the date readers and indexes use), except that an unlabelled date above the headline (line
    ``title``) gives way to one labelled as the publication below it: a masthead prints today's date.
    When the dump gives only an update stamp, that is also the published one: it is the earliest date
    the page admits to.
    """
    published: FoundDate | None = None
    updated: FoundDate | None = None
    masthead = False  # the published date so far is an unlabelled one above the headline
    pending_label = ""
    for info in header:
        text = info.line.clean
        if info.label_only:
            pending_label = text
            continue
        if info.relative and published is None:
            return None, updated  # the page's own stamp is relative: later dates belong to something else
        if not info.date_line:
            if not info.clutter:
                pending_label = ""
            continue
        previous_end = 0
        for found in info.dates:
            label = pending_label + " " + text[previous_end : found.start]
            pending_label = ""
            previous_end = found.end
            if is_unset(found):
                continue
            labelled_published = _PUBLISHED_LABEL.compiled.search(label) is not None
            if _UPDATED_LABEL.compiled.search(label) and not labelled_published:
                updated = updated or found
            elif published is None or (masthead and labelled_published and info.line.index > title):
                masthead = not labelled_published and 0 <= info.line.index < title
                published = found
    return published or updated, updated


def near_stamp(rows: list[HeaderLine], pos: int, reach: int = AUTHOR_REACH) -> bool:
    """A date line (or byline) within a couple of rows, with no paragraph between: what makes a
    bare name an author line."""
    for step in (-1, 1):
        for p in range(pos + step, pos + step * (reach + 1), step):
            if not 0 <= p < len(rows) or is_long(rows[p]):
                break
            if rows[p].is_meta:
                return True
    return False


def is_long(info: HeaderLine) -> bool:
    """A paragraph-sized line (not a caption): where the body begins."""
    return not info.caption and info.words >= _LONG_LINE_WORDS


def header_rows(header: list[HeaderLine], long_limit: int = 2) -> list[HeaderLine]:
    """Non-clutter header lines up to the second long (paragraph-sized) line: the body starts there."""
    rows: list[HeaderLine] = []
    long_lines = 0
    for info in header:
        if info.clutter:
            continue
        if info.words >= _LONG_LINE_WORDS and not info.caption:
            long_lines += 1
            if long_lines == long_limit:
                break
        rows.append(info)
    if long_limit == 2 and not any(r.is_meta for r in rows):
        return header_rows(header, 4)  # no byline or date yet: a promo paragraph may sit above the headline
    return rows


def title_candidates(rows: list[HeaderLine], anchor: int | None) -> list[Line]:
    """Header lines that could be the headline: not metadata or captions.

    Name-like lines near a date (``Jane Roe`` above ``Dec 2, 2023``) are left out too, unless
    nothing else could be the headline.
    """
    out: list[Line] = []
    names: set[int] = set()
    for pos, info in enumerate(rows):
        if info.is_meta or info.caption or not looks_like_headline(info.line):
            continue
        text = info.line.clean
        beside = [rows[p] for p in (pos - 1, pos + 1) if 0 <= p < len(rows)]
        if any(r.date_line or r.relative for r in beside) and word_count(text) <= 3:
            continue
        if near_stamp(rows, pos, reach=3) and au.bare_names(text):
            names.add(info.line.index)
        out.append(info.line)
    others = [c for c in out if c.index not in names]
    if any(anchor is None or c.index < anchor for c in others):
        return others
    return out


def late_date(lines: list[Line], meta_lines: set[int], dayfirst: bool) -> FoundDate | None:
    """A stamp line further down (some pages print the date after the article), else dateutil's guess."""
    for line in lines:
        text = line.clean
        if len(text) > 80 or line.index in meta_lines:
            continue
        lowered = text.lower()
        if not any(word in lowered for word in _LATE_LABELS):
            continue
        found = stamp_dates(text, dayfirst=dayfirst)
        if found:
            return found[0]
        guess = fallback_date(text, dayfirst=dayfirst)
        if guess:
            return FoundDate(guess, 0, len(text))
    return None
