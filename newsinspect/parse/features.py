"""Facts about every line of a dump, computed once, for the layout model (training and inference alike).

``line_facts`` asks each line the questions the old rules asked (is it a byline, a date stamp, a
caption, furniture, headline-shaped…) plus shape, position and neighbourhood facts, and
``feature_table`` turns them into the sparse binary attributes of a linear-chain CRF: a line's own
attributes and a few of its neighbours' (prefixed ``-1:``, ``+1:``). The same function feeds
``training/layout.py`` and ``parse/layout.py``, so the two can never drift apart.

Attributes are interned: every attribute name gets a small integer id once per process (``attr_id``), a
line's facts are a tuple of ids and the table a list of ids per line, and the names (what the model file
and training read) are looked up from the ids (``attr_name``). The decoder scores ids without building a
string per attribute and line (``parse/layout.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from newsinspect.lexicon import words
from newsinspect.parse import authors as au
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import is_clutter, is_end_marker, is_teaser_age
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.dates import FoundDate, find_dates, is_relative_stamp
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import PIECE, LazyPattern, fold, lower_of_fold, pieces
from newsinspect.parse.title import is_breadcrumb, is_title_case, looks_like_dek, looks_like_headline

# Attribute names and their ids, in order of first use; a name's neighbour forms (``-1:name``...) are
# interned with it when a neighbour shows it. Append-only, so an id never changes within a process.
_ATTR_NAMES: Final[list[str]] = []
_IDS: Final[dict[str, int]] = {}
_NEAR_ONE: Final[list[bool]] = []  # whether a line shows the attribute to the lines one away
_NEAR_TWO: Final[list[bool]] = []  # and to the lines two away
_PREFIXES: Final = ("-1:", "+1:", "-2:", "+2:")  # the neighbour slots, in the order a row lists them
_PREFIXED: Final[list[list[int]]] = [[], [], [], []]  # per slot, the id of the prefixed name (-1: not shown)


def attr_id(name: str) -> int:
    """The id of the attribute ``name`` (interned on first use)."""
    found = _IDS.get(name)
    if found is not None:
        return found
    found = _IDS[name] = len(_ATTR_NAMES)
    _ATTR_NAMES.append(name)
    one = name.startswith(_NEIGHBOUR_PREFIXES)
    _NEAR_ONE.append(one)
    _NEAR_TWO.append(one and not name.startswith(_NOT_TWO_AWAY))
    for prefixed in _PREFIXED:
        prefixed.append(-1)
    if one:
        for slot, prefix in enumerate(_PREFIXES):
            _PREFIXED[slot][found] = attr_id(prefix + name)
    return found


def attr_name(ident: int) -> str:
    """The name of the attribute with id ``ident``."""
    return _ATTR_NAMES[ident]


def attr_names() -> list[str]:
    """Every interned name, by id (the list grows as new attributes turn up; never mutate it)."""
    return _ATTR_NAMES


_NEIGHBOUR_PREFIXES: Final = (
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


_NOT_TWO_AWAY: Final = ("w=", "end=", "blank", "titlecase", "upper")

_META_MAX_WORDS: Final = 40  # longer lines are body text: the byline and date questions are not asked of them
_LONG_WORDS: Final = 25  # a paragraph-sized line
_BYLINE_WORDS: Final = 12
_BLOCK_GAP: Final = 3  # short lines allowed inside a run of paragraphs (captions, ads, subheadings)
_FUNCTION_WORDS: Final = words("layout_stop_words")
_LABEL_ONLY: Final = LazyPattern(
    r"^(?i:(?:last\s+)?(?:published|updated|posted|modified|date|created)(?:\s+(?:on|in))?)\s*:?$"
)
_STAMP_WORD: Final = LazyPattern(r"(?i:\b(?:published|updated|posted|modified)\b)")
# pre-checks: a line (folded) without one of these words matches neither pattern
_STAMP_WORDS: Final = ("published", "updated", "posted", "modified")
_LABEL_WORDS: Final = ("published", "date", "posted", "modified", "created")  # "updated" holds "date"
_URLISH: Final = LazyPattern(r"(?i:https?://|www\.|\.com\b|\.org\b|@\w)")
_WORD_SOURCE: Final = r"[^\W\d_][\w'’-]*"
_WORD: Final = LazyPattern(_WORD_SOURCE)
# The same pattern for text whose only characters outside ASCII are KEY_MARKS (no letters or digits):
# there it finds the same words (a test compares the two classes on every such character), with plain
# character ranges the regex engine tests by a table look-up instead of Unicode categories.
_ASCII_WORD: Final = LazyPattern(r"[A-Za-z][A-Za-z0-9_'’-]*")


@dataclass(slots=True)
class LineFacts:
    """What one line is, as far as its own text goes (neighbour facts are added by ``feature_table``)."""

    words: int
    ids: tuple[int, ...]  # its attributes (``attr_name`` of each id), in order
    # those it shows its neighbours: the ids of the prefixed names (``-1:byline``...), slot after slot of
    # _PREFIXES, worked out once per line rather than once per neighbour that reads them; slot k of
    # _PREFIXES is shown[ends[k - 1] : ends[k]] (from 0 for the first)
    shown: tuple[int, ...]
    ends: tuple[int, int, int, int]
    key: str  # letters and digits only, lower-cased: for repetition checks
    # lower-cased words that are not function words, each once: a tuple, a fifth of a set's size (a
    # line's facts are held for every line of the dump)
    content: tuple[str, ...]

    @property
    def attrs(self) -> list[str]:
        return [_ATTR_NAMES[a] for a in self.ids]


_AttrSet = tuple[tuple[int, ...], tuple[int, ...], tuple[int, int, int, int]]  # ids, shown, ends
# The attribute sets met so far, shared by the lines that have them: the facts of every line are held
# at once, and the lines of a dump mostly repeat a few hundred sets (in lists of their own, some 2 times
# the input on a dump of paragraph lines). Emptied when full.
_ATTR_SETS: Final[dict[tuple[int, ...], _AttrSet]] = {}
_ATTR_SETS_SIZE: Final = 4096


def _facts(words: int, ids: list[int], key: str, content: set[str]) -> LineFacts:
    own = tuple(ids)
    found = _ATTR_SETS.get(own)
    if found is None:
        found = _attr_set(own)
    return LineFacts(words, found[0], found[1], found[2], key, tuple(content))


def _attr_set(ids: tuple[int, ...]) -> _AttrSet:
    """``ids`` with the ids they show each neighbour slot and where each slot ends, remembered."""
    shown: list[int] = []
    ends = [0, 0, 0, 0]
    for slot in range(len(_PREFIXES)):
        prefixed = _PREFIXED[slot]
        visible = _NEAR_ONE if slot < 2 else _NEAR_TWO  # slots 0 and 1 are one line away
        for a in ids:
            if visible[a]:
                shown.append(prefixed[a])
        ends[slot] = len(shown)
    if len(_ATTR_SETS) >= _ATTR_SETS_SIZE:
        _ATTR_SETS.clear()
    found = _ATTR_SETS[ids] = (ids, tuple(shown), (ends[0], ends[1], ends[2], ends[3]))
    return found


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return str(edges[-1]) + "+"


def _bucket_index(value: int, edges: tuple[int, ...]) -> int:
    """Which of ``_bucket_ids(edges)`` holds ``value``."""
    for index, edge in enumerate(edges):
        if value <= edge:
            return index
    return len(edges)


def _bucket_ids(prefix: str, edges: tuple[int, ...]) -> list[int]:
    """The ids of ``prefix`` + each bucket of ``edges`` (the last one open: ``39+``)."""
    return [attr_id(prefix + _bucket(value, edges)) for value in [*edges, edges[-1] + 1]]


_WORD_EDGES: Final = (1, 2, 3, 4, 6, 9, 14, 24, 39)
_INDEX_EDGES: Final = (0, 1, 2, 3, 4, 7, 12, 20, 40, 80)
_WORD_IDS: Final = _bucket_ids("w=", _WORD_EDGES)
_INDEX_IDS: Final = _bucket_ids("i=", _INDEX_EDGES)
_FN_IDS: Final = [attr_id("fn=" + share) for share in ("0", "lo", "mid", "hi")]


_NOT_ALNUM: Final = LazyPattern(r"[\W_]+")


# the ASCII characters _NOT_ALNUM removes: an ASCII line is keyed by one bytes.translate, no regex
_ASCII_NOT_ALNUM: Final = bytes(c for c in range(128) if not chr(c).isalnum())


# Common marks outside ASCII that _NOT_ALNUM removes (curly quotes, dashes, the ellipsis): taken out by
# str.replace first, most lines of prose are ASCII and take the fast path (a test checks none is \w).
KEY_MARKS: Final = "’”“—–‘…"


def _without_marks(lowered: str) -> str:
    """``lowered`` without KEY_MARKS."""
    if not lowered.isascii():
        for mark in KEY_MARKS:
            if mark in lowered:
                lowered = lowered.replace(mark, "")
    return lowered


def _key(lowered: str) -> str:
    """``lowered`` (a line's ``str.lower``, without KEY_MARKS) without what ``_NOT_ALNUM`` matches."""
    if lowered.isascii():  # one bytes copy and one translate, no regex and no string per match
        return lowered.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    if len(lowered) <= PIECE:
        return _NOT_ALNUM.compiled.sub("", lowered)
    # A piece at a time: one substitution over a long line holds a string per match until it joins them.
    return "".join(_NOT_ALNUM.compiled.sub("", lowered[start:end]) for start, end in pieces(lowered))


def _key_and_plain(lowered: str) -> tuple[str, bool]:
    """``_key`` of ``_without_marks(lowered)``, and whether that is ASCII: a piece at a time on a long line
    (both drop characters one by one), so that no copy of the whole line without its marks is made (two
    at once, when it holds two kinds of mark)."""
    if len(lowered) <= PIECE:
        unmarked = _without_marks(lowered)
        return _key(unmarked), unmarked.isascii()
    keys: list[str] = []
    plain = True
    for start, end in pieces(lowered):
        unmarked = _without_marks(lowered[start:end])
        plain = plain and unmarked.isascii()
        keys.append(_key(unmarked))
    return "".join(keys), plain


_CACHE_SIZE: Final = 8192
_CACHED_LENGTH: Final = 300
# The characters of the lines in each cache, at most: a line's facts take several bytes a character (its
# content words, its attribute ids), and 8,192 lines of prose held some 10 MB whatever the input's size.
_CACHE_CHARACTERS: Final = 1 << 17
_SEEN_ONCE: Final[dict[tuple[str, str, bool], LineFacts]] = {}
_SEEN_AGAIN: Final[dict[tuple[str, str, bool], LineFacts]] = {}  # what repeats: menus, widgets, bylines
_cached_characters: Final = [0, 0]  # of the lines in each


def own_facts(line: Line, dayfirst: bool, forms: dict[str, str] | None = None) -> LineFacts:
    """The attributes of ``line`` that depend on its text alone (shared, read-only: never mutate).
    ``forms`` (``line_facts``) holds one string per distinct content word of the dump, shared by its lines.

    Short lines repeat within a page and across the pages of a batch (menus, share widgets, bylines):
    their facts are remembered, up to a few thousand of them. A line seen a second time moves to a cache
    of its own, so that the many lines seen once, emptied whenever full, never push it out.
    """
    if forms is None:
        forms = {}
    if len(line.text) > _CACHED_LENGTH:
        return _own_facts(line, dayfirst, forms)
    key = (line.text, line.clean, dayfirst)
    found = _SEEN_AGAIN.get(key)
    if found is not None:
        return found
    found = _SEEN_ONCE.pop(key, None)
    if found is not None:
        _cached_characters[0] -= len(line.text)
        _remember(_SEEN_AGAIN, 1, key, found)
        return found
    found = _own_facts(line, dayfirst, forms)
    _remember(_SEEN_ONCE, 0, key, found)
    return found


def _remember(
    cache: dict[tuple[str, str, bool], LineFacts], slot: int, key: tuple[str, str, bool], facts: LineFacts
) -> None:
    if len(cache) >= _CACHE_SIZE or _cached_characters[slot] >= _CACHE_CHARACTERS:
        cache.clear()
        _cached_characters[slot] = 0
    cache[key] = facts
    _cached_characters[slot] += len(key[0])


def _count_words(text: str) -> int:
    return sum(len(text[start:end].split()) for start, end in pieces(text))


_CONTEXT_LOWER: Final = "Σ"  # the one character str.lower maps by its context (final sigma)


def _words_in(
    text: str, lowered: str, start: int, end: int, same: bool, pattern: re.Pattern[str]
) -> list[str]:
    """The lower-cased words of ``text[start:end]`` (see ``_content_words``)."""
    if same:
        found: list[str] = pattern.findall(lowered, start, end)
        return found
    return [w.lower() for w in _WORD.compiled.findall(text, start, end)]


def _tally(words: list[str], content: set[str], forms: dict[str, str]) -> int:
    """The number of function words among ``words``; the others longer than two letters go to ``content``,
    each as the one string ``forms`` holds for it: the facts of every line are held at once, and a string
    per content word of every line was most of them (some 5 times a dump of short paragraphs)."""
    function_words = 0
    for word in words:
        if word in _FUNCTION_WORDS:
            function_words += 1
        elif len(word) > 2:
            content.add(forms.setdefault(word, word))
    return function_words


def _content_words(
    text: str, lowered: str, plain: bool, forms: dict[str, str] | None = None
) -> tuple[set[str], int, int]:
    """The line's content words (lower case), its count of words and of function words among them.

    ``lowered`` is ``text.lower()``, ``plain`` whether its only characters outside ASCII are KEY_MARKS.
    Where ``lowered`` maps each character to one character (all but a few texts) the words are found in
    it, one search and no string per word: lower-casing a character keeps it a letter, digit or neither
    (``tests/test_layout.py`` checks every code point), so the words of the lower-cased text are the
    lower-cased words of the text."""
    content: set[str] = set()
    if forms is None:
        forms = {}
    same = len(lowered) == len(text) and _CONTEXT_LOWER not in text
    pattern = _ASCII_WORD.compiled if plain else _WORD.compiled
    if len(text) <= PIECE:  # a line of prose: one search, without the pieces of a long text
        words = _words_in(text, lowered, 0, len(text), same, pattern)
        return content, len(words), _tally(words, content, forms)
    letter_words = function_words = 0
    for start, end in pieces(text):
        words = _words_in(text, lowered, start, end, same, pattern)
        letter_words += len(words)
        function_words += _tally(words, content, forms)
    return content, letter_words, function_words


_UPPER: Final = attr_id("upper")
_TITLECASE: Final = attr_id("titlecase")
_LOWSTART: Final = attr_id("lowstart")
_DIGITSTART: Final = attr_id("digitstart")
_SYMSTART: Final = attr_id("symstart")
_NOLETTERS: Final = attr_id("noletters")
_ENDCLOSE: Final = attr_id("endclose")
_PIPE: Final = attr_id("pipe")
_COPYRIGHT: Final = attr_id("copyright")
_URL: Final = attr_id("url")
_CLUTTER: Final = attr_id("clutter")
_ENDMARK: Final = attr_id("endmark")
_BYWORD: Final = attr_id("byword")
_BYLINE: Final = attr_id("byline")
_BYALONE: Final = attr_id("byalone")
_DATENAMES: Final = attr_id("datenames")
_RELATIVE: Final = attr_id("relative")
_STAMPWORD: Final = attr_id("stampword")
_LABELONLY: Final = attr_id("labelonly")
_NAMES: Final = attr_id("names")
_BYLINENAMES: Final = attr_id("bylinenames")
_AGENCY: Final = attr_id("agency")
_ROLE: Final = attr_id("role")
_CREDIT: Final = attr_id("credit")
_HEADING: Final = attr_id("heading")
_HEADLINE: Final = attr_id("headline")
_DEK: Final = attr_id("dek")
_CRUMB: Final = attr_id("crumb")
_TEASER: Final = attr_id("teaser")
_CAPTION: Final = attr_id("caption")
_DATELINE: Final = attr_id("dateline")
_DATE: Final = attr_id("date")
_DATES: Final = attr_id("dates")
_DATECOVER_HI: Final = attr_id("datecover=hi")
_DATECOVER_LO: Final = attr_id("datecover=lo")


def _own_facts(line: Line, dayfirst: bool, forms: dict[str, str]) -> LineFacts:
    text = line.clean
    if text == line.text:  # a clean text equal to the text has single spaces only (as header.py counts)
        words = text.count(" ") + 1
    else:
        words = len(text.split()) if len(text) <= PIECE else _count_words(text)
    ids: list[int] = [_WORD_IDS[_bucket_index(words, _WORD_EDGES)]]
    folded = fold(text)  # the pre-checks of the case-insensitive patterns below (cached: asked again)
    lowered = lower_of_fold(text, folded)
    key, plain = _key_and_plain(lowered)
    # The key keeps every letter and digit of the line (\w but _): one without a digit (the usual line)
    # holds no date, and the date questions are not asked of it (each would scan it for a digit again);
    # it has a letter ([^\W\d_]) when some character of the key is no decimal digit (\d).
    digits = not key.isalpha() and key != ""
    has_letters = not key.isdecimal() and key != ""
    content, letter_words, function_words = _content_words(text, lowered, plain, forms)
    if words >= 4 and letter_words:
        share = function_words / letter_words
        ids.append(_FN_IDS[0 if share == 0 else 1 if share < 0.2 else 2 if share < 0.35 else 3])
    if has_letters and text.isupper():
        ids.append(_UPPER)
    elif words <= _META_MAX_WORDS and is_title_case(text):
        ids.append(_TITLECASE)
    first = text[:1]
    if first.islower():
        ids.append(_LOWSTART)
    elif first.isdigit():
        ids.append(_DIGITSTART)
    elif not first.isalnum():
        ids.append(_SYMSTART)
    if not has_letters:
        ids.append(_NOLETTERS)
    last = text.rstrip("”’\"')]")[-1:]
    ids.append(attr_id("end=" + (last if last in ".?!:|,;-—–…" else "w" if last.isalnum() else "x")))
    if text[-1:] in "”’\"')]" and len(text) > 1:
        ids.append(_ENDCLOSE)
    if "|" in text:
        ids.append(_PIPE)
    if "©" in text or "copyright" in lowered:
        ids.append(_COPYRIGHT)
    if ("@" in text or "http" in folded or "www." in folded or ".com" in folded or ".org" in folded) and (
        _URLISH.compiled.search(text)
    ):
        ids.append(_URL)
    byline: list[str] | None = None
    dateline = split_dateline(text) is not None  # asked here, and by the headline test
    if is_clutter(text):
        ids.append(_CLUTTER)
    if is_end_marker(text):
        ids.append(_ENDMARK)
    if words <= _META_MAX_WORDS:
        if au.mentions_author(folded):
            byline = au.byline_authors(text) or au.told_to_authors(text)
            ids.append(_BYWORD)
            if byline:
                ids.append(_BYLINE)
            if au.is_by_alone(text):
                ids.append(_BYALONE)
        dates: list[FoundDate] = find_dates(text, dayfirst=dayfirst) if digits else []
        before: list[str] | None = None  # names before and after the dates, for bylinenames too
        after: list[str] | None = None if dates or dayfirst else []
        if dates:
            ids.append(_DATE if len(dates) == 1 else _DATES)
            covered = sum(d.end - d.start for d in dates)
            ids.append(_DATECOVER_HI if covered * 2 >= len(text) else _DATECOVER_LO)
            before = au.names_before_date(text)
            found_after = [] if before else au.names_after_date(text, dates[-1].end)
            if not dayfirst:  # the dates names_in_byline reads
                after = found_after
            if before or found_after:
                ids.append(_DATENAMES)
        elif words <= 6 and is_relative_stamp(text):
            ids.append(_RELATIVE)
        if any(word in folded for word in _STAMP_WORDS) and _STAMP_WORD.compiled.search(text):
            ids.append(_STAMPWORD)
        if any(word in folded for word in _LABEL_WORDS) and _LABEL_ONLY.compiled.match(text):
            ids.append(_LABELONLY)
        bare = au.bare_names(text, undated=not digits) if words <= _BYLINE_WORDS else []
        if words <= 8 and bare:
            ids.append(_NAMES)
        # byline is None: no byline prefix, "as told to" neither (names_in_byline's first two questions)
        if (
            words <= _BYLINE_WORDS
            and byline is None
            and au.unlabelled_byline_names(text, bare, before, after, undated=not digits)
        ):
            ids.append(_BYLINENAMES)
        if words <= 6 and au.is_agency(text):
            ids.append(_AGENCY)
        if au.is_role_line(text):
            ids.append(_ROLE)
        if credit_only(line.text):
            ids.append(_CREDIT)
        if is_heading(text):
            ids.append(_HEADING)
        crumb = is_breadcrumb(text)
        # the headline test reads the line's text: the answers about the clean text are its own when
        # the two are the same (words counted as header.py does)
        same = line.text == text
        if looks_like_headline(line, words, crumb, dateline) if same else looks_like_headline(line):
            ids.append(_HEADLINE)
        if looks_like_dek(text, words):
            ids.append(_DEK)
        if crumb:
            ids.append(_CRUMB)
        if is_teaser_age(text):
            ids.append(_TEASER)
    if match_caption(text) is not None:
        ids.append(_CAPTION)
    if dateline:
        ids.append(_DATELINE)
    return _facts(words, ids, key, content)


def main_block(facts: list[LineFacts]) -> tuple[int, int]:
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
        return "before" + _bucket(start - pos, _BEFORE_EDGES)
    if pos <= end:
        return "in"
    return "after" + _bucket(pos - end, _AFTER_EDGES)


_BEFORE_EDGES: Final = (1, 2, 3, 4, 6, 9, 14, 24)
_AFTER_EDGES: Final = (1, 3, 9)
_BIAS: Final = attr_id("bias")
_BLANK: Final = attr_id("blank")
_BLANKAFTER: Final = attr_id("blankafter")
_REPEATED: Final = attr_id("repeated")
_TWICE: Final = attr_id("twice")
_REL_IDS: Final = [attr_id("rel=" + str(tenth)) for tenth in range(10)]
_BLOCK_NONE: Final = attr_id("blk=none")
_BLOCK_IN: Final = attr_id("blk=in")
_BLOCK_BEFORE: Final = _bucket_ids("blk=before", _BEFORE_EDGES)
_BLOCK_AFTER: Final = _bucket_ids("blk=after", _AFTER_EDGES)
_BODYSIM_IDS: Final = [attr_id("bodysim=" + share) for share in ("0", "lo", "hi", "all")]
_SAME: Final = [attr_id(prefix + "same") for prefix in _PREFIXES]
_EDGE: Final = [attr_id(prefix + "edge") for prefix in _PREFIXES]
_STEPS: Final = (-1, 1, -2, 2)  # the neighbour of each slot of _PREFIXES


def _block_id(pos: int, block: tuple[int, int]) -> int:
    """``attr_id("blk=" + _block_position(pos, block))``."""
    start, end = block
    if start < 0:
        return _BLOCK_NONE
    if pos < start:
        return _BLOCK_BEFORE[_bucket_index(start - pos, _BEFORE_EDGES)]
    if pos <= end:
        return _BLOCK_IN
    return _BLOCK_AFTER[_bucket_index(pos - end, _AFTER_EDGES)]


_LEAD_LINES: Final = 3  # the paragraphs that open the main block: what a headline summarises
_LEAD_IDS: Final = [attr_id("lead=" + share) for share in ("0", "1", "2+")]


def lead_words(facts: list[LineFacts], block: tuple[int, int]) -> set[str]:
    """The content words of the paragraphs that open the main block: a headline shares some with them
    (it summarises them), a menu item or a widget label seldom does.

    Kept by the site-grouped CV of training/layout.py (mean of 3 fold assignments over the nine figures
    0.904 without, 0.908 with). Tried and dropped there: the length of the run of short lines holding a
    line (menus are long runs; no change) and how far below a line the next byline or date line is (it
    raised the fitted figures more than the CV ones, which were 0.002 lower with it)."""
    lead: set[str] = set()
    if block[0] >= 0:
        taken = 0
        for fact in facts[block[0] : block[1] + 1]:
            if fact.words >= _LONG_WORDS:
                lead.update(fact.content)
                taken += 1
                if taken == _LEAD_LINES:
                    break
    return lead


def feature_table(lines: list[Line], facts: list[LineFacts]) -> list[list[str]]:
    """The CRF attributes of every line: its own facts, its place in the dump, and its neighbours'."""
    return [[_ATTR_NAMES[a] for a in row] for row in id_rows(lines, facts)]


def id_rows(lines: list[Line], facts: list[LineFacts]) -> Iterator[list[int]]:
    """``feature_table`` a line at a time, as attribute ids: the decoder keeps a few numbers per line,
    never the table (some 40 attributes a line, 50 times the text on a dump of short lines)."""
    count = len(lines)
    block = main_block(facts)
    body_words: set[str] = set()
    if block[0] >= 0:
        for fact in facts[block[0] : block[1] + 1]:
            body_words.update(fact.content)
    seen: dict[str, int] = {}
    for fact in facts:
        if fact.key:
            seen[fact.key] = seen.get(fact.key, 0) + 1
    blank_one = [_PREFIXED[slot][_BLANK] for slot in range(len(_PREFIXES))]
    lead = lead_words(facts, block)
    for pos in range(count):
        fact = facts[pos]
        row = [_BIAS]
        row.extend(fact.ids)
        if lead and fact.content and fact.words < _LONG_WORDS:
            row.append(_LEAD_IDS[min(shared_words(fact.content, lead), 2)])
        if lines[pos].blank_before:
            row.append(_BLANK)
        row.append(_INDEX_IDS[_bucket_index(pos, _INDEX_EDGES)])
        row.append(_REL_IDS[min(9, pos * 10 // count)])
        row.append(_block_id(pos, block))
        if pos + 1 < count and lines[pos + 1].blank_before:
            row.append(_BLANKAFTER)
        key = fact.key
        if key and seen[key] > 1:
            row.append(_REPEATED)
            # a headline printed twice, one copy right under the other (menus repeat too, but far apart)
            if _HEADLINE in fact.ids and (
                (pos > 0 and facts[pos - 1].key == key) or (pos + 1 < count and facts[pos + 1].key == key)
            ):
                row.append(_TWICE)
        if fact.content and body_words and fact.words <= _LONG_WORDS:
            shared = shared_words(fact.content, body_words) / len(fact.content)
            row.append(_BODYSIM_IDS[0 if shared == 0 else 1 if shared < 0.5 else 2 if shared < 1 else 3])
        for slot in range(len(_PREFIXES)):
            other = pos + _STEPS[slot]
            if 0 <= other < count:
                near = facts[other]
                shown = near.shown
                for k in range(near.ends[slot - 1] if slot else 0, near.ends[slot]):
                    row.append(shown[k])
                if slot < 2 and lines[other].blank_before:
                    row.append(blank_one[slot])
                if near.key and near.key == key:
                    row.append(_SAME[slot])
            else:
                row.append(_EDGE[slot])
        yield row


def shared_words(words: tuple[str, ...], others: set[str]) -> int:
    """``len(set(words) & others)`` (``words`` holds each word once), counted without building sets."""
    count = 0
    for word in words:
        if word in others:
            count += 1
    return count


def is_furniture(fact: LineFacts) -> bool:
    """Whether the furniture rules (``clutter.is_clutter``) read the line as page furniture."""
    return _CLUTTER in fact.ids


def is_headline_shaped(fact: LineFacts) -> bool:
    """Whether the line could be a headline (``title.looks_like_headline``; asked of short lines only)."""
    return _HEADLINE in fact.ids


def line_facts(lines: list[Line], dayfirst: bool) -> list[LineFacts]:
    """``own_facts`` of every line."""
    forms: dict[str, str] = {}
    return [own_facts(line, dayfirst, forms) for line in lines]


def dump_table(lines: list[Line], dayfirst: bool) -> list[list[str]]:
    """The CRF attributes of every line of a dump: what both training and parsing feed the model."""
    return feature_table(lines, line_facts(lines, dayfirst))
