"""Recognise page furniture that is not article text: players, share widgets, ads, prompts, menus."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Final

from newsinspect import lexicon
from newsinspect.parse.regex import LazyPattern, fold
from newsinspect.text.sentences import LIST_BULLETS

# Whole-line furniture, matched against the line with bullets and edge punctuation removed, lower-cased.
# Fixed phrases go in a set (a dictionary look-up); only the shapes that vary need the regex below.
_CLUTTER_PHRASES: Final = lexicon.words("clutter_phrases")
_MENU_WORDS: Final = 3
_NAV_WORDS: Final = lexicon.words("site_sections")  # site sections: a line of nothing else is a menu
_TEASER_AGE: Final = r"\d{1,3}[smhdw](?:\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"

# Furniture shapes that vary, matched case-insensitively (ASCII) against the whole core of the line.
# Each shape is filed under the first characters of the (lower-cased) lines it can match, so a line is
# tried only against the few shapes that could fit, and a shape is compiled only when a line needs it.
_SHAPES_BY_START: Final[dict[str, list[str]]] = {}
_SHAPES_BY_FIRST: Final[dict[str, list[str]]] = {}
for _starts, _shape in (
    ("0 1 2 3 4 5 6 7 8 9", r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?"),  # player times
    (
        "0 1 2 3 4 5 6 7 8 9",
        r"\d+\s+comments?|\d+\s*min(?:ute)?s?\s+read|\d+\s*min(?:ute)?\s+(?:to\s+)?(?:read|listen)",
    ),
    ("- + * • | /", r"[-+*•|/][-+*•|/\s]*"),
    ("©", r"©.*"),
    ("sh", r"shares?\s+(?:this|on|via)\b.*|share\s*:.{0,60}|(?:share\s+on\s+\w+\s*)+|share\s+full\s+article"),
    ("sh tw co", r"(?:tweet|share|comment)(?:\s+(?:tweet|share|comment))+"),
    ("sh", r"(?:show\s+(?:more|less)\s*)+"),
    ("co", r"copy\s+(?:the\s+|article\s+|story\s+)?link.{0,30}|comments?\s*\(\d+\)|continue\s+reading.*"),
    ("co", r"copyright\s+©?.*"),
    ("al", r"already\s+a\s+subscriber.{0,40}|all\s+products\s+featured\s+.*|all\s+rights\s+reserved.*"),
    (
        "re mo se al wa li",
        r"(?:related|read\s+more|more|see\s+also|also\s+read|read\s+also|recommended|watch|listen)\s*:.{0,150}",
    ),
    ("re", r"reading\s+time.*"),
    ("mo", r"more\s+(?:from|on|stories|news|like\s+this)\b.*"),
    ("li", r"listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?\s*\d+\s*min(?:ute)?s?"),
    ("su", r"subscribe\s+(?:to|now|today|for)\b.{0,100}|subscribe\s+to\s+.*newsletter.*"),
    ("be", r"be\s+the\s+first\s+to\s+.{0,40}"),
    ("to", r"toggle.*"),
    ("lo", r"loading.*"),
    ("th", r"this\s+(?:post|article|page|story)\s+(?:may\s+)?contains?\s+affiliate\s+links.*"),
    ("th", r"this\s+article\s+is\s+more\s+than\s+.*\s+old|thank\s+you\s+for\s+signing\s+up.*"),
    ("we", r"we\s+may\s+earn\s+(?:a\s+)?commission.*"),
    ("if", r"if\s+you\s+(?:buy|purchase|click)\s+.*(?:commission|earn).*"),
    ("if wh", r"(?:when|if)\s+you\s+purchase\s+through\s+links.*"),
    ("si", r"sign\s+up\s+for\s+.*newsletter.*"),
    ("ge", r"get\s+(?:the|our)\s+.*newsletter.*"),
    ("en", r"enter\s+your\s+email.*"),
    ("by", r"by\s+signing\s+up.*"),
    ("fi", r"filed\s+under.*"),
):
    for _start in _starts.split():
        (_SHAPES_BY_FIRST if len(_start) == 1 else _SHAPES_BY_START).setdefault(_start, []).append(_shape)


def _lazy_shapes(shapes: list[str]) -> LazyPattern:
    # lines are already folded to plain spaces; ASCII classes compile twice as fast
    return LazyPattern("^(?i:" + "|".join(shapes) + ")", re.ASCII)  # ^: they are only ever fullmatched


_BY_START: Final = {start: _lazy_shapes(shapes) for start, shapes in _SHAPES_BY_START.items()}
_BY_FIRST: Final = {first: _lazy_shapes(shapes) for first, shapes in _SHAPES_BY_FIRST.items()}
# teaser age and author, case-sensitive: "3d Jo Roe", "35d Al Ek"
_TEASER: Final = LazyPattern(_TEASER_AGE, re.ASCII)
# Shapes that may start anywhere, each behind a word it must contain (see _has_anywhere_word).
_ANYWHERE: Final = _lazy_shapes(
    [
        r"[^\n]{0,40}\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)",
        r".{0,60}\b(?:sharing\s+options|url\s+copied|link\s+copied|all\s+rights\s+reserved)\b.{0,60}",
        r".{0,40}\blogo\.?",
        r".{0,40}\bgift\s+(?:this\s+|an?\s+)?articles?\b.{0,40}",
        r".*(?:may|might)\s+earn\s+an?\s+affiliate\s+commission.*",
        r".*\bindependently\s+(?:chosen|selected|reviewed)\b.*",
    ]
)


def _shape_matches(core: str, lowered: str) -> bool:
    """Whether ``core`` (``lowered`` is its lower case) is one of the varying furniture shapes."""
    first = _BY_FIRST.get(lowered[:1])
    if first is not None and first.compiled.fullmatch(core):
        return True
    start = _BY_START.get(lowered[:2])
    if start is not None and start.compiled.fullmatch(core):
        return True
    if "0" <= core[:1] <= "9" and _TEASER.compiled.fullmatch(core):
        return True
    return _has_anywhere_word(lowered) and _ANYWHERE.compiled.fullmatch(core) is not None


def _has_anywhere_word(lowered: str) -> bool:
    # spelt out: a generator over the words costs more than the look-ups themselves
    return (
        "(opens" in lowered
        or "sharing" in lowered
        or "copied" in lowered
        or "reserved" in lowered
        or "logo" in lowered
        or "gift" in lowered
        or "commission" in lowered
        or "independently" in lowered
    )


_EDGE_PUNCT: Final = " \t:|.-–—•·»«›‹>"


_BULLETS: Final = LIST_BULLETS


def strip_bullet(text: str) -> str:
    r"""The line without leading list bullets (``* Share`` -> ``Share``): what ``^(?:[*•+·▪◦‣-]\s*)+``
    matches, the run of bullets and white space that opens with a bullet, found by a loop (asked of the
    same line by a dozen questions; a substitution cost more than the loop)."""
    if not text or text[0] not in _BULLETS:
        return text
    end = 1
    while end < len(text) and (text[end] in _BULLETS or text[end].isspace()):
        end += 1
    return text[end:]


def list_marker_width(text: str) -> int:
    """How many characters of ``text`` a leading list bullet and the space after it take (``* Why`` -> 2),
    0 without one: a headline scraped from a list ("* Interning of Small Integers") is the words after
    the bullet. A bullet glued to a word ("-5 degrees", "*Updated*") is not a list marker."""
    if len(text) < 3 or text[0] not in _BULLETS or not text[1].isspace():
        return 0
    end = 1
    while end < len(text) and text[end].isspace():
        end += 1
    return end


def is_clutter(text: str) -> bool:
    """True for a whole line of page furniture (share widgets, ads, player times, prompts...)."""
    # no longer line is furniture; the answers for shorter ones are cached (header lines are asked again
    # for the body, and furniture repeats across dumps) without holding on to long texts
    return len(text) <= _PROMPT_LINE and _is_clutter(text)


@lru_cache(maxsize=4096)
def _is_clutter(text: str) -> bool:
    if len(text) > _SHORT_LINE:
        # a sentence-length line is clutter only as a known prompt (cheaper than the full vocabulary)
        if len(text) > _PROMPT_LINE:
            return False
        folded = fold(text)  # the words each prompt needs, checked before its (case-insensitive) pattern
        return (folded.startswith(_LONG_PROMPT_STARTS) and _LONG_PROMPT.compiled.match(text) is not None) or (
            ("independently" in folded or "commission" in folded or "reserved" in folded)
            and _PROMPT_INSIDE.compiled.search(text) is not None
        )
    core = strip_bullet(text).strip(_EDGE_PUNCT)
    if not core:
        return True
    lowered = core.lower()
    return lowered in _CLUTTER_PHRASES or _is_menu(lowered) or _shape_matches(core, lowered)


def _is_menu(lowered: str) -> bool:
    """A run of site-section names: ``Subscribe Events Video Special Issues Jobs``."""
    words = lowered.replace("&", " ").replace("|", " ").split()
    if len(words) < _MENU_WORDS or words[0].strip(",.·•") not in _NAV_WORDS:
        return False  # the usual answer, found without a generator
    return all(w.strip(",.·•") in _NAV_WORDS for w in words)


_SHORT_LINE: Final = 80
_PROMPT_LINE: Final = 300
_LONG_PROMPT_SHAPES: Final = lexicon.words("prompt_line_starts")
_LONG_PROMPT: Final = LazyPattern("(?i:" + "|".join(sorted(_LONG_PROMPT_SHAPES)) + ")")
# The pre-check, built from the shapes: the word (or sign) each starts with.
_LONG_PROMPT_STARTS: Final = tuple(
    sorted({re.split(r"[^\w©]", s, maxsplit=1)[0] for s in _LONG_PROMPT_SHAPES})
)
_PROMPT_INSIDE: Final = LazyPattern(
    r"(?i:\bindependently\s+(?:chosen|selected|reviewed)\b|\b(?:may|might)\s+earn\s+an?\s+(?:affiliate\s+)?"
    r"commission|\ball\s+rights\s+reserved\b)"
)

# Lines that mark the end of the article: what follows is related links, comments, footer.
_END_MARKER: Final = LazyPattern(
    r"(?i:(?:related(?:\s+(?:articles?|stories|posts|coverage|content|reading))?|read\s+more|more\s+from\b.*"
    r"|more\s+stories|recommended(?:\s+(?:for\s+you|stories|articles))?|you\s+may\s+also\s+like"
    r"|you\s+might\s+also\s+like|most\s+(?:read|popular|viewed)|trending(?:\s+(?:now|stories))?"
    r"|leave\s+a\s+(?:comment|reply)|about\s+the\s+author|share\s+this\s+(?:article|story)"
    r"|up\s+next|what\s+to\s+read\s+next|popular\s+(?:stories|now)|latest\s+(?:news|stories)|further\s+reading)\s*:?)"
)


def is_end_marker(text: str) -> bool:
    """A heading that starts the block of related links or comments after the article."""
    core = strip_bullet(text).strip(_EDGE_PUNCT)
    return len(core) < 60 and _END_MARKER.compiled.fullmatch(core) is not None


def is_teaser_age(text: str) -> bool:
    """The age (and author) line under a teaser for another story: ``3d Jo Roe``, ``35d``."""
    core = strip_bullet(text).strip()
    return "0" <= core[:1] <= "9" and _TEASER.compiled.fullmatch(core) is not None


_BOX_ITEMS: Final = 2  # dated list items that make a box of other posts or events


def is_box_of_posts(items: list[int]) -> bool:
    """Whether dated list items at the positions ``items`` (ascending) are a box of other posts or events
    (``Recent Posts``: each item over its post's headline), not an article's own stamps: two or more, no
    two of them next to each other (a byline's own list runs on: ``* By Jo Roe`` / ``* May 2, 2023``)."""
    return len(items) >= _BOX_ITEMS and all(later - earlier > 1 for earlier, later in pairwise(items))


_BOX_HEADINGS: Final = lexicon.words("box_headings")
_BOX_EDGE: Final = _EDGE_PUNCT + "…:"
_MORE_IN_WORDS: Final = 3  # "More in Politics", "More in Arts & Culture": a section's box of other posts


def opens_box(text: str) -> bool:
    """A heading over a box of links to other pages (``Related``, ``Don't miss``, ``Recent posts``, ``More
    in Politics``): an end marker (``is_end_marker``) or one of the ``box_headings`` of the lexicon. Asked by
    the body only (the layout model's features ask ``is_end_marker``)."""
    if len(text) >= 60:
        return False
    if is_end_marker(text):
        return True
    core = strip_bullet(text).strip(_BOX_EDGE).replace("’", "'").lower()
    if core in _BOX_HEADINGS:
        return True
    words = core.split()
    return 3 <= len(words) <= 2 + _MORE_IN_WORDS and words[0] == "more" and words[1] == "in"


# The heading of a comment thread ("8 Comments", "See all comments (8)", "Join the conversation") and the
# marks under its comments ("Reply", "Report", "jo_roe said:", "3 likes"): ``body.body_blocks`` ends the
# article at such a heading when the marks follow it.
_COMMENTS_HEADING: Final = LazyPattern(
    r"(?i:(?:\d+\s+)?(?:reader\s+)?(?:comments?|responses|replies)(?:\s*\(\d+\))?"
    r"|(?:see|show|view|read)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.{0,30}|\d+\s+comments?\b.{0,40}"
    r"|join\s+the\s+(?:conversation|discussion)\b.{0,30}|(?:leave|add|post)\s+a\s+(?:comment|reply)\b.{0,30})"
)
_COMMENTS_WORDS: Final = ("comment", "respons", "repl", "conversation", "discussion")
_REPLY_MARK: Final = LazyPattern(
    r"(?i:" + lexicon.alternation(lexicon.words("comment_marks"), r"\s+") + r"|\d+\s+(?:likes?|replies))"
    r"|(?!(?:he|she|they|we|it|i)\s)[a-z0-9_][\w.-]*\s+said:"  # a user name, in lower case: ``jo_roe said:``
)


def is_comments_heading(text: str) -> bool:
    """The heading of a comment thread: ``8 Comments``, ``See all comments (8)``, ``Join the
    conversation``."""
    if len(text) >= 60:
        return False
    lowered = text.lower()
    if not any(word in lowered for word in _COMMENTS_WORDS):
        return False
    core = strip_bullet(text).strip(_EDGE_PUNCT)
    return _COMMENTS_HEADING.compiled.fullmatch(core) is not None


def is_reply_mark(text: str) -> bool:
    """A line under a comment: ``Reply``, ``Report``, ``jo_roe said:``, ``3 likes``, ``Log in to reply``."""
    return len(text) < 60 and _REPLY_MARK.compiled.fullmatch(strip_bullet(text).strip()) is not None
