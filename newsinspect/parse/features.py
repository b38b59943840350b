"""Facts about every line of a dump, computed once, for the layout model (training and inference alike).

``line_facts`` asks each line the questions the old rules asked (is it a byline, a date stamp, a
caption, furniture, headline-shaped…) plus shape, position and neighbourhood facts, and
``feature_table`` turns them into the sparse binary attributes of a linear-chain CRF: a line's own
attributes and a few of its neighbours' (prefixed ``-1:``, ``+1:``). The same function feeds
``training/layout.py`` and ``parse/layout.py``, so the two can never drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsinspect.lexicon import words
from newsinspect.parse import authors as au
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import is_clutter, is_end_marker, is_teaser_age
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.dates import FoundDate, find_dates, is_relative_stamp
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import PIECE, LazyPattern, fold, lower, pieces
from newsinspect.parse.title import is_breadcrumb, is_title_case, looks_like_dek, looks_like_headline

_META_MAX_WORDS = 40  # longer lines are body text: the byline and date questions are not asked of them
_LONG_WORDS = 25  # a paragraph-sized line
_BYLINE_WORDS = 12
_BLOCK_GAP = 3  # short lines allowed inside a run of paragraphs (captions, ads, subheadings)
_FUNCTION_WORDS = words("layout_stop_words")
_LABEL_ONLY = LazyPattern(
    r"^(?i:(?:last\s+)?(?:published|updated|posted|modified|date|created)(?:\s+(?:on|in))?)\s*:?$"
)
_STAMP_WORD = LazyPattern(r"(?i:\b(?:published|updated|posted|modified)\b)")
# pre-checks: a line (folded) without one of these words matches neither pattern
_STAMP_WORDS = ("published", "updated", "posted", "modified")
_LABEL_WORDS = ("published", "date", "posted", "modified", "created")  # "updated" holds "date"
_URLISH = LazyPattern(r"(?i:https?://|www\.|\.com\b|\.org\b|@\w)")
_WORD = LazyPattern(r"[^\W\d_][\w'’-]*")


@dataclass(slots=True)
class LineFacts:
    """What one line is, as far as its own text goes (neighbour facts are added by ``feature_table``)."""

    words: int
    attrs: list[str]
    dates: list[FoundDate]
    byline: list[str] | None
    key: str  # letters and digits only, lower-cased: for repetition checks
    content: frozenset[str]  # lower-cased words that are not function words


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return str(edges[-1]) + "+"


_WORD_EDGES = (1, 2, 3, 4, 6, 9, 14, 24, 39)
_INDEX_EDGES = (0, 1, 2, 3, 4, 7, 12, 20, 40, 80)


_NOT_ALNUM = LazyPattern(r"[\W_]+")
_LETTER = LazyPattern(r"[^\W\d_]")


# the ASCII characters _NOT_ALNUM removes: an ASCII line is keyed by one bytes.translate, no regex
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def _key(text: str) -> str:
    lowered = lower(text)
    if lowered.isascii():  # one bytes copy and one translate, no regex and no string per match
        return lowered.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    if len(lowered) <= PIECE:
        return _NOT_ALNUM.compiled.sub("", lowered)
    # A piece at a time: one substitution over a long line holds a string per match until it joins them.
    return "".join(_NOT_ALNUM.compiled.sub("", lowered[start:end]) for start, end in pieces(lowered))


_CACHE: dict[tuple[str, str, bool], LineFacts] = {}
_CACHE_SIZE = 8192
_CACHED_LENGTH = 300


def own_facts(line: Line, dayfirst: bool) -> LineFacts:
    """The attributes of ``line`` that depend on its text alone (shared, read-only: never mutate).

    Short lines repeat within a page and across the pages of a batch (menus, share widgets, bylines):
    their facts are remembered, up to a few thousand of them.
    """
    if len(line.text) > _CACHED_LENGTH:
        return _own_facts(line, dayfirst)
    key = (line.text, line.clean, dayfirst)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = _own_facts(line, dayfirst)
    return found


def _count_words(text: str) -> int:
    return sum(len(text[start:end].split()) for start, end in pieces(text))


def _content_words(text: str) -> tuple[frozenset[str], int, int]:
    """The line's content words (lower case), its count of words and of function words among them."""
    content: set[str] = set()
    letter_words = function_words = 0
    for start, end in pieces(text):
        words = [w.lower() for w in _WORD.compiled.findall(text, start, end)]
        letter_words += len(words)
        for word in words:
            if word in _FUNCTION_WORDS:
                function_words += 1
            elif len(word) > 2:
                content.add(word)
    return frozenset(content), letter_words, function_words


def _own_facts(line: Line, dayfirst: bool) -> LineFacts:
    text = line.clean
    words = len(text.split()) if len(text) <= PIECE else _count_words(text)
    attrs: list[str] = ["w=" + _bucket(words, _WORD_EDGES)]
    lowered = lower(text)
    content, letter_words, function_words = _content_words(text)
    if words >= 4 and letter_words:
        share = function_words / letter_words
        attrs.append(
            "fn=" + ("0" if share == 0 else "lo" if share < 0.2 else "mid" if share < 0.35 else "hi")
        )
    has_letters = _LETTER.compiled.search(text) is not None
    if has_letters and text.isupper():
        attrs.append("upper")
    elif words <= _META_MAX_WORDS and is_title_case(text):
        attrs.append("titlecase")
    first = text[:1]
    if first.islower():
        attrs.append("lowstart")
    elif first.isdigit():
        attrs.append("digitstart")
    elif not first.isalnum():
        attrs.append("symstart")
    if not has_letters:
        attrs.append("noletters")
    last = text.rstrip("”’\"')]")[-1:]
    attrs.append("end=" + (last if last in ".?!:|,;-—–…" else "w" if last.isalnum() else "x"))
    if text[-1:] in "”’\"')]" and len(text) > 1:
        attrs.append("endclose")
    if "|" in text:
        attrs.append("pipe")
    if "©" in text or "copyright" in lowered:
        attrs.append("copyright")
    folded = fold(text)  # the pre-checks of the case-insensitive patterns below
    if ("@" in text or "http" in folded or "www." in folded or ".com" in folded or ".org" in folded) and (
        _URLISH.compiled.search(text)
    ):
        attrs.append("url")
    byline: list[str] | None = None
    dates: list[FoundDate] = []
    if is_clutter(text):
        attrs.append("clutter")
    if is_end_marker(text):
        attrs.append("endmark")
    if words <= _META_MAX_WORDS:
        if au.mentions_author(folded):
            byline = au.byline_authors(text) or au.told_to_authors(text)
            attrs.append("byword")
            if byline:
                attrs.append("byline")
            if au.is_by_alone(text):
                attrs.append("byalone")
        dates = find_dates(text, dayfirst=dayfirst)
        before: list[str] | None = None  # names before and after the dates, for bylinenames too
        after: list[str] | None = None if dates or dayfirst else []
        if dates:
            attrs.append("date" if len(dates) == 1 else "dates")
            covered = sum(d.end - d.start for d in dates)
            attrs.append("datecover=" + ("hi" if covered * 2 >= len(text) else "lo"))
            before = au.names_before_date(text)
            found_after = [] if before else au.names_after_date(text, dates[-1].end)
            if not dayfirst:  # the dates names_in_byline reads
                after = found_after
            if before or found_after:
                attrs.append("datenames")
        elif words <= 6 and is_relative_stamp(text):
            attrs.append("relative")
        if any(word in folded for word in _STAMP_WORDS) and _STAMP_WORD.compiled.search(text):
            attrs.append("stampword")
        if any(word in folded for word in _LABEL_WORDS) and _LABEL_ONLY.compiled.match(text):
            attrs.append("labelonly")
        bare = au.bare_names(text) if words <= _BYLINE_WORDS else []
        if words <= 8 and bare:
            attrs.append("names")
        # byline is None: no byline prefix, "as told to" neither (names_in_byline's first two questions)
        if (
            words <= _BYLINE_WORDS
            and byline is None
            and au.unlabelled_byline_names(text, bare, before, after)
        ):
            attrs.append("bylinenames")
        if words <= 6 and au.is_agency(text):
            attrs.append("agency")
        if au.is_role_line(text):
            attrs.append("role")
        if credit_only(line.text):
            attrs.append("credit")
        if is_heading(text):
            attrs.append("heading")
        if looks_like_headline(line):
            attrs.append("headline")
        if looks_like_dek(text):
            attrs.append("dek")
        if is_breadcrumb(text):
            attrs.append("crumb")
        if is_teaser_age(text):
            attrs.append("teaser")
    if match_caption(text) is not None:
        attrs.append("caption")
    if split_dateline(text):
        attrs.append("dateline")
    return LineFacts(words, attrs, dates, byline, _key(text), content)


def _main_block(facts: list[LineFacts]) -> tuple[int, int]:
    """The run of paragraph-sized lines holding the most words (a few short lines allowed inside it):
    on a whole page, where the article body is. (-1, -1) when the dump has no long line."""
    best = (-1, -1)
    best_words = 0
    start = -1
    total = 0
    gap = 0
    last_long = -1
    for pos, fact in enumerate(facts):
        if fact.words >= _LONG_WORDS:
            if start < 0:
                start, total = pos, 0
            total += fact.words
            last_long = pos
            gap = 0
            if total > best_words:
                best, best_words = (start, last_long), total
        elif start >= 0:
            gap += 1
            if gap > _BLOCK_GAP:
                start, gap = -1, 0
    return best


def _block_position(pos: int, block: tuple[int, int]) -> str:
    start, end = block
    if start < 0:
        return "none"
    if pos < start:
        return "before" + _bucket(start - pos, (1, 2, 3, 4, 6, 9, 14, 24))
    if pos <= end:
        return "in"
    return "after" + _bucket(pos - end, (1, 3, 9))


_NEIGHBOUR_PREFIXES = (
    "w=",
    "byline",
    "byword",
    "date",
    "clutter",
    "caption",
    "credit",
    "headline",
    "names",
    "relative",
    "stampword",
    "blank",
    "end=",
    "titlecase",
    "upper",
    "labelonly",
    "dek",
    "crumb",
)


_NOT_TWO_AWAY = ("w=", "end=", "blank", "titlecase", "upper")


def _neighbour_attrs(attrs: list[str]) -> list[str]:
    return [a for a in attrs if a.startswith(_NEIGHBOUR_PREFIXES)]


def feature_table(lines: list[Line], facts: list[LineFacts]) -> list[list[str]]:
    """The CRF attributes of every line: its own facts, its place in the dump, and its neighbours'."""
    return list(_feature_rows(lines, facts))


def _feature_rows(lines: list[Line], facts: list[LineFacts]) -> Iterator[list[str]]:
    """``feature_table`` a line at a time: the decoder keeps a few numbers per line, never the table (some
    40 attribute strings a line, 50 times the text on a dump of short lines)."""
    count = len(lines)
    block = _main_block(facts)
    body_words: set[str] = set()
    if block[0] >= 0:
        for fact in facts[block[0] : block[1] + 1]:
            body_words.update(fact.content)
    seen: dict[str, int] = {}
    for fact in facts:
        if fact.key:
            seen[fact.key] = seen.get(fact.key, 0) + 1
    # The attributes a line shows its neighbours (one and two lines away), for the five lines around.
    near_one: dict[int, list[str]] = {}
    near_two: dict[int, list[str]] = {}
    for pos, fact in enumerate(facts):
        for ahead in range(0 if pos == 0 else pos + 2, min(count, pos + 3)):
            near = _neighbour_attrs(facts[ahead].attrs)
            if lines[ahead].blank_before:
                near = [*near, "blank"]
            near_one[ahead] = near
            near_two[ahead] = [a for a in near if not a.startswith(_NOT_TWO_AWAY)]
        near_one.pop(pos - 3, None)
        near_two.pop(pos - 3, None)
        attrs = ["bias", *fact.attrs]
        if lines[pos].blank_before:
            attrs.append("blank")
        attrs.append("i=" + _bucket(pos, _INDEX_EDGES))
        attrs.append("rel=" + str(min(9, pos * 10 // count)))
        attrs.append("blk=" + _block_position(pos, block))
        if pos + 1 < count and lines[pos + 1].blank_before:
            attrs.append("blankafter")
        if fact.key and seen[fact.key] > 1:
            attrs.append("repeated")
            # a headline printed twice, one copy right under the other (menus repeat too, but far apart)
            if "headline" in fact.attrs and (
                (pos > 0 and facts[pos - 1].key == fact.key)
                or (pos + 1 < count and facts[pos + 1].key == fact.key)
            ):
                attrs.append("twice")
        if fact.content and body_words and fact.words <= _LONG_WORDS:
            shared = len(fact.content & body_words) / len(fact.content)
            attrs.append(
                "bodysim=" + ("0" if shared == 0 else "lo" if shared < 0.5 else "hi" if shared < 1 else "all")
            )
        for step, prefix in ((-1, "-1:"), (1, "+1:"), (-2, "-2:"), (2, "+2:")):
            other = pos + step
            if 0 <= other < count:
                near = near_two[other] if step in (-2, 2) else near_one[other]
                attrs.extend([prefix + a for a in near])
                if facts[other].key and facts[other].key == fact.key:
                    attrs.append(prefix + "same")
            else:
                attrs.append(prefix + "edge")
        yield attrs


def line_facts(lines: list[Line], dayfirst: bool) -> list[LineFacts]:
    """``own_facts`` of every line."""
    return [own_facts(line, dayfirst) for line in lines]


def dump_table(lines: list[Line], dayfirst: bool) -> list[list[str]]:
    """The CRF attributes of every line of a dump: what both training and parsing feed the model."""
    return feature_table(lines, line_facts(lines, dayfirst))


def feature_rows(lines: list[Line], dayfirst: bool) -> Iterator[list[str]]:
    """``dump_table`` a line at a time."""
    return _feature_rows(lines, line_facts(lines, dayfirst))
