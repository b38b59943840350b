"""Writers named away from the header, read when neither the header nor the author notes named one.

``assemble`` asks these in order, the most direct first: a byline printed just under the article (``By Jo
Roe``, or a name over a bare ``Author`` label in the box that closes it), a ``By`` line under the headline
that names a column or a desk (``By Ask the Harbour Master``) or a list of the post's metadata that opens
with a name (``* Jo`` / ``* Jan 23`` / ``* 4 min read``), the writer introducing themselves in the lead
(``I'm Jo Roe, a ferry captain …``) or an author box's name run into a first-person biography (``Jo Roe I'm a
ferry captain …``), a ``Reviewed by`` line (on a page signed by no one, the expert who vouches for it is the
nearest thing to an author), and on a personal site its owner (``Copyright Jo Roe 2012-2025``, a ``Jo Roe's
blog`` title).
"""

from __future__ import annotations

from typing import Final

from newsinspect import lexicon
from newsinspect.parse.authors import (
    TITLE_LINKS,
    bare_names,
    byline_authors,
    is_name,
    is_unit,
    names_from,
    opens_with_given_name,
    single_name,
)
from newsinspect.parse.body import is_sentence
from newsinspect.parse.clutter import list_marker_width, strip_bullet
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern

Found = tuple[list[str], set[int]]
_NONE: Final[Found] = ([], set())

# Lines under the article's last paragraph where a byline or a signed author box is the article's own (further
# down, a "By" line is a related story's).
AFTER_REACH: Final = 7
# A bare label under a name in the author box that closes an article (``Jo Roe`` / ``Author``).
_BOX_LABELS: Final = lexicon.words("byline_box_labels")


def byline_after_article(lines: list[Line], last_para: int) -> Found:
    """The writer of a ``By`` line, or of a name over an ``Author`` label, among the few lines under the
    article's last paragraph (position ``last_para``)."""
    if last_para < 0:
        return _NONE
    end = min(len(lines), last_para + 1 + AFTER_REACH)
    for pos in range(last_para + 1, end):
        text = lines[pos].clean
        found = byline_authors(text) or []
        if not found and pos + 1 < len(lines) and lines[pos + 1].clean.strip().casefold() in _BOX_LABELS:
            found = [name for name in bare_names(text) if is_name(name)][:1]
        if found:
            return found, {lines[pos].index}
    return _NONE


# "I'm Jo Roe, a ferry captain and …", "Hey, I'm Tove, ferry nerd …": a paragraph that opens with the writer's
# introduction, a capitalised name then a comma (lowercase after "I'm" is a mood: "I'm glad, …").
_INTRODUCTION: Final = LazyPattern(
    r"(?:(?:Hi|Hey|Hello)(?: there)?[,!]?\s+)?I(?:’|')m\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s"
)
LEAD_SENTENCES: Final = 5  # prose lines under the headline where the writer's introduction opens the article


def introduction(lines: list[Line], title: int) -> Found:
    """The writer who introduces themselves at the start of a paragraph in the lead (its first few prose
    lines, however many list items or widgets stand between them)."""
    seen = 0
    for pos in range(title + 1, len(lines)):
        text = lines[pos].clean
        if not is_sentence(text):
            continue
        m = _INTRODUCTION.compiled.match(text)
        if m is not None:
            name = m.group("name")
            if is_name(name) or (" " not in name and single_name(name) == name):
                return [name], set()  # the paragraph stays the article's: no byline line to drop
        seen += 1
        if seen == LEAD_SENTENCES:
            break
    return _NONE


# "By Ask the Harbour Master", "Written By Ferry Fans Weekly", "By 4x Ferry Labs": an explicit byline whose
# words read as no person's name (a column, a desk, a company), title-case words only (a lowercase word other
# than a link makes it a sentence or a filter label: "By Route or Season").
_BY_PHRASE: Final = LazyPattern(
    r"(?i:(?:written\s+)?by)\s+(?P<phrase>(?:[A-Z]|\d+[a-z])[\w'’&-]*(?:\s+[\w'’&-]+){0,4})\s*$"
)
_OPENERS: Final = lexicon.words("function_words")
BY_PHRASE_REACH: Final = 8  # lines under the headline where the byline is


def titled_byline(lines: list[Line], title: int) -> Found:
    """The phrase of a ``By`` line under the headline that names no person (``By Ask the Harbour Master``)."""
    for pos in range(title + 1, min(len(lines), title + 1 + BY_PHRASE_REACH)):
        m = _BY_PHRASE.compiled.match(strip_bullet(lines[pos].clean).strip())
        if m is None:
            continue
        words = m.group("phrase").split()
        first = words[0].lower()
        if len(words) < 2 or first.endswith("ing") or first in _OPENERS:
            continue  # "By Signing Up", "By The Way": a prompt or a phrase (one word is the names rules')
        if all(word[:1].isupper() or word[:1].isdigit() or word in TITLE_LINKS for word in words):
            return [m.group("phrase")], {lines[pos].index}
    return _NONE


# "* Jo Roe" / "* Jan 23" / "* 4 min read": a blog's byline printed as a list of its metadata under the
# headline, the read time vouching for the list (the name may be a first name, a handle or a title and a
# surname).
_READ_TIME: Final = LazyPattern(r"\d+\s+min(?:ute)?s?\s+read$")
_LISTED_NAME: Final = LazyPattern(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
LISTED_REACH: Final = 3  # lines under the headline where the list opens
LISTED_ITEMS: Final = 3  # items of the list, the name first, among which the read time is


def listed_byline(lines: list[Line], title: int) -> Found:
    """The name that opens a list of a post's metadata under the headline when the list holds its read
    time (``* Jo Roe`` / ``* Jan 23`` / ``* 4 min read``)."""
    for pos in range(title + 1, min(len(lines), title + 1 + LISTED_REACH)):
        text = lines[pos].clean
        if not list_marker_width(text):
            continue
        items: list[str] = []
        for item in lines[pos + 1 : pos + LISTED_ITEMS]:
            if not list_marker_width(item.clean):
                break
            items.append(strip_bullet(item.clean).strip())
        if not any(_READ_TIME.compiled.match(item) for item in items):
            return _NONE
        name = strip_bullet(text).strip()
        if _LISTED_NAME.compiled.match(name) and name.split()[0].lower() not in _OPENERS:
            return [name], {lines[pos].index}
        return _NONE
    return _NONE


# "Jo Roe I'm a ferry captain and writer …": an author box's name run into its first-person biography.
_NAMED_BIOGRAPHY: Final = LazyPattern(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2})\s+I(?:’|'|\s+a)m\s+an?\s"
)


def named_biography(lines: list[Line]) -> Found:
    """The writer whose name opens a first-person biography on the same line, anywhere on the page."""
    for line in lines:
        if " a" not in line.clean:  # the pre-check: every such line holds "I'm a" or "I am a"
            continue
        m = _NAMED_BIOGRAPHY.compiled.match(line.clean)
        name = m.group("name") if m is not None else ""
        if name and is_name(name) and name.split()[0].lower() not in _OPENERS:
            return [name], {line.index}
    return _NONE


_REVIEWED: Final = LazyPattern(r"(?i:(?:medically\s+)?reviewed\s+by)\s*:?\s+")
REVIEW_REACH: Final = 20  # lines under the headline where a reviewer line is the page's


def reviewer(lines: list[Line], title: int) -> Found:
    """The person of a ``Reviewed by Jo Roe, Attorney, on May 2, 2024.`` line near the headline."""
    for pos in range(title + 1, min(len(lines), title + 1 + REVIEW_REACH)):
        m = _REVIEWED.compiled.match(lines[pos].clean)
        if m is None:
            continue
        found = [name for name in names_from(lines[pos].clean[m.end() :], prefixed=True) if is_name(name)]
        if found:
            return found[:1], {lines[pos].index}
    return _NONE


# "Copyright Jo Roe 2012-2025.", "© Copyright 2012-2025 Jo Roe", "(c) 2024 Jo Roe": the holder between the
# mark and a year (or after the year), up to the end or a stop; a year is required (a photo credit has none).
_YEARS = r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?"
_COPYRIGHT: Final = LazyPattern(
    rf"(?i:©|\(c\)|copyright)(?:\s*(?i:©|copyright))?\s*(?:(?P<before>{_YEARS})\s*,?\s*)?"
    rf"(?P<name>[^\W\d][^\d.,|•©]*?)\s*,?\s*(?P<after>{_YEARS})?\s*(?:[.,|•]|$)"
)
_OWN_SITE: Final = LazyPattern(r"(?P<name>.+?)(?:’s|'s)\s+(?i:blog|weblog|homepage|website)$")
_OWN_SITE_LINES: Final = 3  # the blog's title is printed over everything else


def site_owner(lines: list[Line]) -> Found:
    """The person a personal site belongs to: the holder of its copyright line (a name that opens with a
    known given name and reads as no company: a company holds most), or the name of a ``Jo Roe's blog``
    title."""
    for line in lines[:_OWN_SITE_LINES]:
        m = _OWN_SITE.compiled.match(line.clean.strip())
        name = m.group("name") if m is not None else ""
        if name and is_name(name) and name.split()[0].lower() not in _OPENERS:
            return [name], {line.index}
    for line in reversed(lines):
        m = _COPYRIGHT.compiled.match(line.clean.strip())
        if m is None or not (m.group("before") or m.group("after")):
            continue
        name = m.group("name").strip()
        if is_name(name) and opens_with_given_name(name) and not is_unit(name):
            return [name], {line.index}
    return _NONE
