"""Read author names out of byline lines: ``By X and Y``, ``X | Reuters``, ``X, Y and Z``, glued dates..."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from newsinspect import lexicon
from newsinspect.parse.clutter import strip_bullet
from newsinspect.parse.dates import find_dates
from newsinspect.parse.regex import LazyPattern, fold, word_count

_SPACES: Final = r"\s+"  # between the words of a listed phrase, as in the text
# "By X", "Written by X", "As told to X", "Author: X" (not "Photography by X": that is a credit).
_BY_PREFIXES: Final = lexicon.words("byline_prefixes")
_BY_PREFIX: Final = LazyPattern(rf"^(?i:{lexicon.alternation(_BY_PREFIXES, _SPACES)})\b\s*:?\s*")
_BY_ALONE_WORDS: Final = lexicon.words("byline_alone")
_BY_ALONE: Final = LazyPattern(rf"^(?i:{lexicon.alternation(_BY_ALONE_WORDS, _SPACES)})\s*:?$")
# "Posted On : May 20, 2018 Published By : Jane Roe": a labelled byline inside a stamp line.
_BY_LABELS: Final = lexicon.words("byline_labels")
_LABELLED_BY: Final = LazyPattern(rf"(?<=\s)(?i:{lexicon.alternation(_BY_LABELS, _SPACES)})\s*:?\s*(?=[A-Z])")
# Pre-checks built from those lists: a folded line without one of these words holds none of them.
_AUTHOR_WORDS: Final = lexicon.required_words(_BY_PREFIXES | _BY_ALONE_WORDS | _BY_LABELS)
_BY_LABEL_WORDS: Final = lexicon.required_words(_BY_LABELS)
# Where the names stop: a glued or spaced date label, a separator, an e-mail, a handle, "in New York".
# Each shape of a cut with the words (or signs) it cannot match without: a line whose fold holds none
# of them is searched without that shape (the search then does less at every position, and finds the
# same first cut: a shape left out cannot match anywhere in the line). () means always searched.
_STAMP_CUT_WORDS: Final = ("published", "updated", "posted", "modified")
_CUT_SHAPES: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (_STAMP_CUT_WORDS, r"(?<=[a-z.])(?=(?:Published|Updated|Posted|Last\s+updated|Modified)\b)"),
    (_STAMP_CUT_WORDS, r"\b(?i:published|updated|posted|last\s+updated|modified|first\s+published)\b"),
    (("-", "–", "—", "•", "·", "/"), r"\s[-–—•·/]\s"),
    (("•", "·"), r"(?<!\s)\s*[•·]\s*"),
    # (?<!\s)\s+… written to open with its \s: a search of this shape alone skips to white space
    ((), r"\s(?<!\s\s)\s*(?:(?i:on|at)\s+(?=[A-Z\d])|in\s+(?=[A-Z])|\d)"),
    (("@",), r"(?<!\S)\S+@\S+"),
    (("@",), r"\s@\w"),
    (("|",), r"\|\s*$"),
    (
        ("archive", "follow", "view", "read", "see"),
        r"(?<!\s)\s+(?:(?i:archive\s+page)|(?i:follow|view\s+profile|read\s+more|see\s+full\s+bio)\b)",
    ),
    (("(",), r"\("),
    (("min",), r"(?<!\s)\s+\d+\s+min\b"),
)
_CUT: Final = LazyPattern("(?:" + "|".join(shape for _, shape in _CUT_SHAPES) + ")")
_CUT_BY_SHAPES: Final[
    dict[int, re.Pattern[str]]
] = {}  # the cut of the shapes whose bits are set, compiled once


def _find_cut(text: str) -> re.Match[str] | None:
    """``_CUT.compiled.search(text)``, searched with the shapes that ``text`` holds the words of."""
    folded = fold(text)
    shapes = 0
    for bit, (needs, _) in enumerate(_CUT_SHAPES):
        if not needs or any(word in folded for word in needs):
            shapes |= 1 << bit
    pattern = _CUT_BY_SHAPES.get(shapes)
    if pattern is None:
        chosen = [shape for bit, (_, shape) in enumerate(_CUT_SHAPES) if shapes >> bit & 1]
        pattern = _CUT_BY_SHAPES[shapes] = re.compile("(?:" + "|".join(chosen) + ")")
    return pattern.search(text)


# More places where the names stop, read only by the metadata rules (``wide``), never by the layout
# model's line facts, which must stay what the model was trained on: a ``⋅`` or ``●`` separator, a capitalised
# ``In`` before a section (``By Jo Roe In Travel``) or at the end of the line, a dash glued to the name
# before a number (``By Jo Roe—8 min read``), the group one writes for (``Jo Roe on behalf of the Team``).
# A widget's button after the name, spaced or glued to it (``By Jo Roe View In Print``, ``By Jo RoeFollow``).
_ACTION_WORDS: Final = lexicon.words("byline_action_words")
_CUT_WIDE: Final = LazyPattern(
    r"(?<!\s)\s*[⋅●]|(?<!\s)\s+In(?:\s+(?=[A-Z])|\s*$)|(?<=[^\W\d_])[—–]\s*(?=\d)"
    r"|(?<!\s)\s+on\s+behalf\s+of\b"
    rf"|(?:(?<!\s)\s+|(?<=[a-z]))(?:{lexicon.alternation(_ACTION_WORDS)})\b"
)
# (A cut that starts with white space or an address is tried from the first character of its run only:
# inside the run it would match no earlier, and retrying every position of a long run is quadratic.)
_TOLD_TO: Final = LazyPattern(r"\s(?i:as\s+told\s+to)\s+")
# What separates names: a sign or "and" ("y" before a capital). Its pattern is the pre-check of the split:
# a text where it matches nowhere is one piece (most lines; the split tries every position).
# (Leading white space is taken from the start of its run only, so a long run is not retried.)
_SPLIT_AT: Final = r"[,;|&]|\b(?:and|und|et)\b|\by\b(?=\s+[A-Z])"
_SPLIT: Final = LazyPattern(r"(?:(?<!\s)\s+)?(?:" + _SPLIT_AT + r")\s*")
# _SPLIT_AT with every shape opening with its character (\b before a word character is (?<!\w)): a search
# skips ahead to those characters instead of trying every position
_SEPARATOR: Final = LazyPattern(r",|;|\||&|a(?<!\wa)nd\b|u(?<!\wu)nd\b|e(?<!\we)t\b|y(?<!\wy)\b(?=\s+[A-Z])")
_SEPARATOR_HINTS: Final = (",", ";", "|", "&", "and", "und", "et", "y")  # what _SPLIT_AT cannot match without


def _split(text: str) -> list[str]:
    """``_SPLIT.compiled.split(text)``."""
    if any(hint in text for hint in _SEPARATOR_HINTS) and _SEPARATOR.compiled.search(text):
        return _SPLIT.compiled.split(text)
    return [text]


# "And" written as the names are, in title case or capitals ("By Jo Roe And Al Ek", "BY JO ROE AND AL
# EK"): a separator only after an explicit byline prefix, which vouches that names follow; elsewhere a
# title-case line with "And" is a headline or a label far more often than two names. (White space
# before it is taken from the start of its run only, so that a long run is not retried.)
_CAPITAL_AND: Final = LazyPattern(r"(?<!\s)\s+(?:And|AND)\s+(?=[A-Z])")


def _split_prefixed(text: str) -> list[str]:
    """``_split(text)``, each piece parted again at a capitalised "And"."""
    pieces = _split(text)
    if "And" not in text and "AND" not in text:
        return pieces
    return [part for piece in pieces for part in _CAPITAL_AND.compiled.split(piece)]


# A social handle glued to or following a name: "Jane Roe@janeroe", "Jane Roe @janeroe".
_HANDLE: Final = LazyPattern(r"(?<!\s)\s*@\w+$")
# "Jane Roe 2 months", "Jane Roe • 6 min read": a short relative stamp after the name.
# (Written so that no two neighbouring parts can both take the same white space.)
_TRAILING_STAMP: Final = LazyPattern(r"(?<!\s)(?:\s*[•·|-])?\s+\d+(?:\s*[A-Za-z]+)?(?:\s+(?:ago|read))?\s*$")
_DIGIT: Final = LazyPattern(r"\d")
_IN_PLACE: Final = LazyPattern(r"(?<!\s)\s+in\s+(?=[A-Z])")
_PROFILE_PHRASES: Final = lexicon.words("profile_phrases")
_PROFILE_STARTS: Final = tuple(sorted({phrase.split()[0] for phrase in _PROFILE_PHRASES}))
_PROFILE_WORDS: Final = LazyPattern(rf"^(?i:{lexicon.alternation(_PROFILE_PHRASES, _SPACES)})\s+")
_DOMAIN: Final = LazyPattern(r"\.(?:com|net|org|co|io|news)\b", re.IGNORECASE)
_HONORIFIC_WORDS: Final = lexicon.words("byline_honorifics")
_HONORIFICS: Final = tuple(sorted(_HONORIFIC_WORDS))  # the pre-check: what _HONORIFIC starts with
_HONORIFIC: Final = LazyPattern(rf"^(?:{lexicon.alternation(_HONORIFIC_WORDS)})\.?\s+(?=[A-Z])")
_NAME_TOKEN: Final = LazyPattern(r"[^\W\d_][\w'’.-]*$")
# A trailing token that is a brand, not a surname: "FOXBusiness", "USA TODAY", "CNN".
_BRAND_TOKEN: Final = LazyPattern(r"[A-Z]{2}[A-Za-z]*$")

_SUFFIXES: Final = lexicon.words("byline_name_suffixes")
# Words that open a title-case headline or sentence ("Another Story Amid …", "How We …"): never a lead name's
# first word (courtesy titles such as "Dr" are in both lists and stay allowed), nor a name on their own.
_SENTENCE_OPENERS: Final = lexicon.words("function_words")
_PARTICLES: Final = lexicon.words("byline_name_particles")
# Capitalised words that start headlines and labels but never appear in a name.
_NOT_NAME_WORDS: Final = lexicon.words("byline_not_name_words")
_JOB_WORDS: Final = lexicon.words("byline_job_words")
_ORG_WORDS: Final = lexicon.words("byline_org_words")
# A reporter's role line under the name: "Culture and entertainment reporter @janeroe", "Senior Editor".
_ROLE_WORDS: Final = lexicon.words("byline_role_words")
# The pre-check of role lines, built from the list (plurals contain their singular).
_ROLE_STEMS: Final = lexicon.required_words(_ROLE_WORDS)


def _has_role_word(lowered: str) -> bool:
    return any(stem in lowered for stem in _ROLE_STEMS)


# One name or handle after an explicit prefix: a letter first, letters, digits, dots, hyphens and
# apostrophes after it ("Kay", "jroe", "J.D.", "Anne-Lise").
_SINGLE_NAME: Final = LazyPattern(r"[^\W\d_][\w'’.-]{1,30}$")
_TEAM_WORDS: Final = lexicon.words("byline_team_words")
_TEAM_LINKS: Final = frozenset({"the", "our", "of", "and", "&"})
_AGENCY_NAMES: Final = lexicon.words("news_agencies")
_AGENCIES: Final = LazyPattern(rf"^(?i:{lexicon.alternation(_AGENCY_NAMES, _SPACES)})$")
# The pre-check of _AGENCIES, built from the list: the (ASCII) letters the agencies' names open with.
_AGENCY_INITIALS: Final = frozenset(name[:1].lower() for name in _AGENCY_NAMES)


def _is_agency_name(text: str) -> bool:
    """Whether ``_AGENCIES`` matches ``text``: never when it opens with an ASCII character that opens no
    agency's name, in either case (most pieces of a byline; asked of every one)."""
    first = text[:1]
    if first.isascii() and first.lower() not in _AGENCY_INITIALS:
        return False
    return _AGENCIES.compiled.match(text) is not None


# Name glued to an agency at the end: "John Smith The Associated Press", "Jane Roe for The Daily Star".
_TRAILING_AGENCY: Final = LazyPattern(
    r"(?<!\s)\s+(?i:the\s+associated\s+press|associated\s+press|reuters|for\s+\S.*)$"
)
_TRAILING_AGENCY_WORDS: Final = ("press", "reuters", "for")  # its pre-check: a word each shape needs


def _without_trailing_agency(part: str) -> str:
    """``part`` without what ``_TRAILING_AGENCY`` matches; an ASCII text without one of the words it needs
    (in either case) is returned as it is, without the pattern."""
    if part.isascii():
        lowered = part.lower()
        if not any(word in lowered for word in _TRAILING_AGENCY_WORDS):
            return part
    return _TRAILING_AGENCY.compiled.sub("", part)


_NAME_MIN_TOKENS: Final = 2  # a name has two tokens or more: a single token is never one


def is_name(text: str) -> bool:
    """A person's name: 2-4 capitalised tokens (particles allowed), no sentence words or digits."""
    tokens = text.split()
    if not _NAME_MIN_TOKENS <= len(tokens) <= 6 or len(text) > 60:
        return False
    if not tokens[0][:1].isupper() or len([t for t in tokens if t not in _PARTICLES]) > 4:
        return False
    for token in tokens:
        if token in _PARTICLES:
            continue
        # "I." is an initial, not the word "I"
        lowered = token.lower().rstrip(",") if len(token) == 2 else token.lower().strip(".,")
        if lowered in _NOT_NAME_WORDS or lowered in _ORG_WORDS or lowered in _ROLE_WORDS:
            return False
        if (
            not _NAME_TOKEN.compiled.match(token)
            or not token[:1].isupper()
            or ("." in token and _DOMAIN.compiled.search(token))
        ):
            return False
    return True


def _strip_brand(tokens: list[str]) -> list[str]:
    """Drop trailing brand tokens (``FOXBusiness``, ``USA TODAY``) unless the whole name is upper-case."""
    if all(t.isupper() for t in tokens):
        return tokens
    while (
        len(tokens) > 2
        and _BRAND_TOKEN.compiled.match(tokens[-1])
        and tokens[-1].strip(".,") not in _SUFFIXES
    ):
        tokens = tokens[:-1]
    return tokens


def _clean_part(part: str, alone: bool = True) -> str | None:
    """One name out of a byline piece: job titles and glued agencies removed; None if no name."""
    stripped = part.strip(" \t.,:;|-–—*")
    name = _name_of_part(stripped, alone)
    if (
        name is not None
        and part.rstrip(" \t,:;|-–—*").endswith(stripped + ".")
        and name.endswith(stripped.rsplit(" ", 1)[-1])  # the piece's last token is still the name's
    ):
        return _with_abbreviation_period(name)
    return name


# A final initial ("Joe S.", "Nelson C.J.") or a suffix that is an abbreviation ("Jr.", not "III"): its
# period is part of the name, not the end of a sentence.
_FINAL_INITIALS: Final = LazyPattern(r"(?:[A-Z]\.)*[A-Z]$")


def _with_abbreviation_period(name: str) -> str:
    """``name`` with the period that followed it in the byline, when its last token is an abbreviation."""
    last = name.rsplit(" ", 1)[-1]
    roman = not last.strip("IVX")
    if (last in _SUFFIXES and not roman) or _FINAL_INITIALS.compiled.match(last):
        return name + "."
    return name


def _name_of_part(part: str, alone: bool) -> str | None:
    """``_clean_part`` of a piece already stripped of signs and periods at its ends."""
    if part.startswith(_HONORIFICS):
        part = _HONORIFIC.compiled.sub("", part)
    if _is_agency_name(part):
        return part
    tokens = part.split()
    if tokens and tokens[0].lower().strip(".,") in _JOB_WORDS:
        return None  # "Chief Technology Officer and Head of ...": a role, not a name
    had_job = False
    while tokens and tokens[-1].lower().strip(".,") in _JOB_WORDS:
        tokens.pop()
        had_job = True
    if alone and had_job and tokens and tokens[-1].lower() in _ORG_WORDS and len(tokens) <= 3:
        return " ".join(tokens)  # "Chicago Tribune staff": the newsroom is the author
    if had_job and len(tokens) > 2:
        tokens = tokens[:2]  # "Adam Sennott Globe Staff": the org word before a job title goes too
    tokens = _strip_brand(tokens)
    half = len(tokens) // 2
    if half >= _NAME_MIN_TOKENS and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # "Jo Roe Jo Roe": the name printed twice (an avatar's text, then the name)
    part = " ".join(tokens)
    if not is_name(part):
        glued = _without_trailing_agency(part)
        if glued != part and is_name(glued):
            return glued
        return None
    return part


_UNIT_WORDS: Final = lexicon.words("byline_unit_words")


def without_units(names: list[str]) -> list[str]:
    """``names`` without those of an organisation or unit beside a person (``Jo Roe``, ``Harbour Racial
    Justice Program``; ``The Harbour Press``, an outlet's name that opens with no known given name): the
    writer's employer, not a second author. All of them when no person is left (the organisation is the
    author)."""
    people = [name for name in names if not is_unit(name)]
    return people or names


def is_unit(name: str) -> bool:
    """Whether ``name`` reads as an organisation or a unit rather than a person (``without_units``)."""
    words = [word.lower() for word in name.split()]
    if any(word in _UNIT_WORDS for word in words):
        return True
    return any(word in _ORG_WORDS for word in words) and not opens_with_given_name(name)


def _is_role(piece: str) -> bool:
    """A job title or an organisation after a name: ``Senior Editor``, ``Reuters``, ``NFL.com Analyst``."""
    piece = piece.strip(" .,")
    words = [w.lower().strip(".,") for w in piece.split()]
    return bool(words) and (
        _is_agency_name(piece)
        or any(w in _JOB_WORDS or w in _ORG_WORDS for w in words)
        or (len(words) == 1 and not is_name(piece))  # a section or brand: "F1", "Opinion"
    )


def _has_digit(text: str, decimal: bool = True) -> bool:
    r"""Any ``str.isdigit`` character: decimal digits by a search in C, other digits (``²``) only
    exist outside ASCII. ``decimal`` False: the caller knows ``text`` holds no decimal digit (``\d``)."""
    if decimal and _DIGIT.compiled.search(text):
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)


def _prefixed_part(piece: str, alone: bool) -> str | None:
    """What an explicit byline prefix vouches for although it is no full name: one name or handle
    (``By Kay``, ``by jroe``, ``By IWB``), or, as the whole byline, a newsroom or team (``By the Data
    Team``, ``By News Desk``)."""
    piece = piece.strip(" \t.,:;|-–—*")
    tokens = piece.split()
    if len(tokens) == 1:
        lowered = piece.lower()
        if (
            _SINGLE_NAME.compiled.match(piece) is None
            or (piece.islower() and lowered.endswith("ing"))  # "By clicking", "By continuing"
            or lowered in _SENTENCE_OPENERS
            or lowered in _NOT_NAME_WORDS
            or lowered in _JOB_WORDS
            or lowered in _ORG_WORDS
        ):
            return None
        return piece
    if not alone or not 2 <= len(tokens) <= 5 or tokens[-1].lower() not in _TEAM_WORDS or _has_digit(piece):
        return None
    if all(t[:1].isupper() or t in _TEAM_LINKS for t in tokens[:-1]):
        return piece
    return None


_JOB_AFTER: Final = (2, 3)  # the words of a name that a job title may follow in a byline's first piece


def _name_before_job(piece: str) -> str | None:
    """The name that opens a byline's first piece when a job title follows it and runs on (``By Jo Roe
    Head of Product Launches, …``: more than the job words ``_clean_part`` drops from the end), else None."""
    tokens = piece.split()
    if not tokens or tokens[0].lower().strip(".,") in _JOB_WORDS:
        return None  # "Team Tiger Data": a team, not a name and a job
    for size in _JOB_AFTER:
        if len(tokens) > size and tokens[size].lower().strip(".,") in _JOB_WORDS:
            lead = " ".join(tokens[:size])
            return lead if is_name(lead) else None
    return None


def _ends_with_job(piece: str) -> bool:
    """Whether a byline piece ends with a job word (``Jo Roe Senior Editor``)."""
    tokens = piece.split()
    return bool(tokens) and tokens[-1].lower().strip(".,") in _JOB_WORDS


def opens_with_given_name(name: str) -> bool:
    from newsinspect.lexicon.gazetteer import load_gazetteer

    return name.split()[0] in load_gazetteer().given_names


def names_from(text: str, prefixed: bool = False) -> list[str]:
    """The names in a byline's text after any ``By``: split on commas/and, cleaned, agencies kept last.

    ``prefixed``: the text follows an explicit byline prefix (``By``, ``Written by``, ``Author:``), which
    vouches for a single name, a handle or a team where no full name is found (``By Kay``, ``By News Desk``).
    """
    cut = _find_cut(text)
    head = text[: cut.start()] if cut else text
    if prefixed:
        cut = _CUT_WIDE.compiled.search(head)
        head = head[: cut.start()] if cut else head
    dates = find_dates(text)
    if dates:
        head = head[: dates[0].start]
    told = _TOLD_TO.compiled.search(head)
    if told:
        head = head[told.end() :]
    names: list[str] = []
    agencies: list[str] = []
    pieces = _split_prefixed(head) if prefixed else _split(head)
    # single names are read only in a byline of single names ("By Kay and Lee"): beside a full name,
    # a one-word piece is a brand or a desk ("By Jo Roe, CNN")
    singles = prefixed and all(word_count(p) <= 1 for p in pieces if p.strip(" .,"))
    after_role = False
    if prefixed and len(pieces) == 2:
        pieces[0] = _without_paired_job(pieces[0], pieces[1])
    for number, piece in enumerate(pieces):
        name = _clean_part(piece, alone=len(pieces) == 1)
        if name is None and prefixed and (singles or len(pieces) == 1):
            name = _prefixed_part(piece, alone=len(pieces) == 1)
        if name is None and prefixed and number == 0:
            name = _name_before_job(piece)
        if name is None:
            if number == 0:
                return []  # "By submitting your details ...": a sentence, not a byline
            after_role = True
            continue
        ends_with_job = _ends_with_job(piece)
        if after_role and not ends_with_job and not opens_with_given_name(name):
            continue  # "By Jo Roe, MD, surgeon, Harbour Health", "… Roe Senior Editor and Master Gardener"
        after_role = ends_with_job
        if _is_agency_name(name):
            agencies.append(name)
        elif name not in names:
            names.append(name)
    return names or agencies[:1]


_AGENT_ENDINGS: Final = tuple(sorted(lexicon.words("agent_endings")))
_PAIRED_JOB_NAME_WORDS: Final = 3  # words of a name whose last word may open a pair of jobs


def _without_paired_job(piece: str, following: str) -> str:
    """``piece`` without its last word when that word and the one-word piece ``following`` it are a pair of
    jobs (``Jo Ann Roe Gardener & Astrologer``: agent nouns, neither a known given name): the first job of
    the pair reads as a surname. ``piece`` as it is otherwise."""
    tokens = piece.split()
    job = following.strip(" .,")
    if len(tokens) < _PAIRED_JOB_NAME_WORDS or " " in job or not job[:1].isupper():
        return piece
    from newsinspect.lexicon.gazetteer import load_gazetteer

    given = load_gazetteer().given_names
    for word in (tokens[-1], job):
        if not word.isalpha() or not word.lower().endswith(_AGENT_ENDINGS) or word in given:
            return piece
    return " ".join(tokens[:-1])


def mentions_author(folded: str) -> bool:
    """Whether a line (``folded`` by ``regex.fold``) holds a word that every byline prefix, ``By``
    alone and ``as told to`` need: lines without one are none of these, and skip their patterns."""
    return any(word in folded for word in _AUTHOR_WORDS)


def byline_authors(line: str, wide: bool = False) -> list[str] | None:
    """Authors of a line that starts with a byline prefix (``By ...``), else None.

    ``wide`` (the metadata rules; the layout model's line facts leave it off, as it was trained): the
    prefix also vouches for a single name, a handle or a team (``By Kay``, ``By News Desk``)."""
    folded = fold(line)
    if not mentions_author(folded):
        return None
    text = strip_bullet(line)
    m = _BY_PREFIX.compiled.match(text) or (
        _LABELLED_BY.compiled.search(text) if "by" in folded and _has_by_label(folded) else None
    )
    if not m or m.end() == len(text):
        return None
    # a label inside a line vouches for a single name only on a stamp line ("Posted On: May 2, 2023
    # Published By: jroe"), not in a headline ("… Written By AI")
    prefixed = wide and (m.start() == 0 or bool(find_dates(text)))
    rest = text[m.end() :]
    if wide:
        # a label over a byline that keeps its own "By" ("BYLINE: By Jo Roe" in news-database exports,
        # "Written by by Jo Roe"); the model's line facts read the line as it was trained, without this
        rest = _SECOND_BY.compiled.sub("", rest, count=1)
    return names_from(rest, prefixed=prefixed) or organisation(rest)


_SECOND_BY: Final = LazyPattern(r"^(?i:by)\s+")


def organisation(text: str) -> list[str]:
    """A newsroom or agency named after ``By`` (``Field Level Media``, ``University of Tokyo``), else []."""
    cut = _find_cut(text)
    text = (text[: cut.start()] if cut else text).strip(" .,|")
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or not tokens[0][:1].isupper() or _has_digit(text):
        return []
    if tokens[-1].lower() in _JOB_WORDS:
        return []  # "Autoblog Staff": staff noise, not an author
    lowered = [t.lower() for t in tokens]
    if not any(t in _ORG_WORDS for t in lowered):
        return []
    if not all(t[:1].isupper() or t in ("of", "for", "the", "and", "&") for t in tokens):
        return []
    return [text]


def _has_by_label(folded: str) -> bool:
    return any(word in folded for word in _BY_LABEL_WORDS)


def is_by_alone(line: str) -> bool:
    """``By`` (or ``Author:``) on a line of its own; the name follows on the next line."""
    return _BY_ALONE.compiled.match(strip_bullet(line)) is not None


def is_role_line(line: str) -> bool:
    """A short line naming a job (``Wellness Writer``, ``Culture reporter @handle``), not a sentence."""
    if not _has_role_word(fold(line)):  # the line's fold is shared with the other header checks
        return False
    text = strip_bullet(line)
    text = (_HANDLE.compiled.sub("", text) if "@" in text else text).strip()
    words = text.split()
    if not 1 <= len(words) <= 8 or text.endswith((".", "!", "?", "”", '"')):
        return False
    return any(w.lower().strip(",.") in _ROLE_WORDS for w in words)


_TITLE_WORDS: Final = lexicon.words("byline_person_titles")
# the small words a title-case phrase (a job title, a desk, a column) may hold in lowercase
TITLE_LINKS: Final = frozenset({"of", "and", "&", "at", "for", "the", "in", "-", "–", "|"})
_TITLE_MAX_WORDS: Final = 7


def is_job_title_line(line: str) -> bool:
    """A person's job title on a line of its own, in title case (``Former Harbour Consultant``, ``Vice
    President of Sales``), or a role line (``Culture reporter``): what a writer's name is printed over."""
    if is_role_line(line):
        return True
    text = strip_bullet(line).strip()
    words = text.split()
    if not 1 <= len(words) <= _TITLE_MAX_WORDS or _has_digit(text) or text.endswith((".", "!", "?", ":")):
        return False
    if not all(w[:1].isupper() or w in TITLE_LINKS for w in words):
        return False
    return any(w.lower().strip(",.") in _TITLE_WORDS for w in words)


def strip_profile_words(text: str) -> str:
    """Author-widget phrasing around a name (``Social Links for Jane Roe``)."""
    if not fold(text).startswith(_PROFILE_STARTS):
        return text  # the usual case, without a scan
    return _PROFILE_WORDS.compiled.sub("", text)


def _one_token(line: str) -> bool:
    """Whether ``line`` holds no white space (a printable text without a plain space holds none): one
    token at most, and every piece cut out of it too, so none is a name (``_NAME_MIN_TOKENS``). The
    names of a line need a name among its pieces (agencies alone are not kept): such a line has none.
    """
    return " " not in line and line.isprintable()


def bare_names(line: str, undated: bool = False) -> list[str]:
    """Names of a line that holds nothing but names (and roles or agencies after them), else [].
    ``undated`` as in ``names_before_date`` (the answer is worked out without the digit searches)."""
    if _one_token(line):  # "Advertisement", "Share": the usual short line, answered without a search
        return []
    if undated:
        return list(_bare_names(line, True))
    # the same header line is asked about for the title, the role lines and the authors: cached
    return list(_bare_names_cached(line) if len(line) <= _CACHED_LINE else _bare_names(line))


_CACHED_LINE: Final = 400


def _bare_names(line: str, undated: bool = False, most: int = 4) -> tuple[str, ...]:
    """``bare_names``; ``most``: the names a line of names holds at most (more: a list of something else)."""
    text = strip_profile_words(strip_bullet(line)).strip()
    if len(text) > _MOST and _kept(text) > _MOST:
        return ()  # too long whatever the stamp and handle patterns cut: no search of a whole long line
    decimal = not undated and _DIGIT.compiled.search(text) is not None
    if decimal:
        text = _TRAILING_STAMP.compiled.sub("", text)
    if "@" in text:
        text = _HANDLE.compiled.sub("", text)
    # (the substitutions only cut the text: without a decimal digit before, it has none after)
    if len(text) > _MOST or _has_digit(text, decimal) or (text.isupper() and word_count(text) > 2):
        return ()
    cut = _IN_PLACE.compiled.search(text) if "in" in text else None  # "Jo Roe and Al Ek in New York"
    if cut:
        text = text[: cut.start()]
    pieces = [p for p in _split(text) if p.strip(" .,")]
    names: list[str] = []
    for number, piece in enumerate(pieces):
        name = _clean_part(piece, alone=len(pieces) == 1)
        if name is not None and not _is_agency_name(name):
            names.append(name)
        elif number == 0 or not _is_role(piece):
            return ()
    return tuple(names) if len(names) <= most else ()


_bare_names_cached = lru_cache(maxsize=1024)(_bare_names)
_MOST: Final = 100  # characters of a line of names


def _kept(text: str) -> int:
    """The length ``_TRAILING_STAMP`` and ``_HANDLE`` leave ``text`` at least: they cut a tail of white
    space, word characters (letters, digits, ``_``), ``@`` and ``•·|-`` only."""
    end = len(text)
    while end > 0 and (text[end - 1].isalnum() or text[end - 1].isspace() or text[end - 1] in "_@•·|-"):
        end -= 1
    return end


def bare_name(line: str) -> str | None:
    """The name of a line that is a single name (possibly with a role after it), else None."""
    names = bare_names(line)
    return names[0] if len(names) == 1 else None


def names_before_date(line: str, undated: bool = False) -> list[str]:
    """Names at the start of a line that continues with a date (``Tex Hollywood - December 21, 2023``).

    ``undated``: the caller knows that ``line`` holds no digit, so no date; the answer is then worked out
    without the date search and not remembered (the header rules ask again the lines with a date)."""
    if _one_token(line):
        return []
    if undated:
        return list(_names_before_date(line, True))
    # the layout's line facts and the header rules both ask a header line: cached
    return list(_names_before_date_cached(line) if len(line) <= _CACHED_LINE else _names_before_date(line))


def _names_before_date(line: str, undated: bool = False) -> tuple[str, ...]:
    text = strip_bullet(line)
    if len(text) > 120 or text.startswith(("—", "–", "-")):
        return ()  # "— Jo Roe (@jroe) May 2, 2023": the signature under an embedded post
    dates = [] if undated else find_dates(text)
    cut = _find_cut(text)
    if not dates and cut is None:
        return ()
    end = min(dates[0].start if dates else len(text), cut.start() if cut else len(text))
    head = text[:end].strip(" -–—|•·,/")
    if not head or word_count(head) > _NAMES_HEAD_WORDS:
        return ()  # a sentence or a caption that ends with a date, not a byline
    # every piece of the head must be a name or a role, or this is a sentence that holds a date
    pieces = [p for p in _split(head) if p.strip(" .,")]
    if any(word_count(p) > _ROLE_PIECE_WORDS for p in pieces):
        return ()  # "Jo Roe, founder of a wiki, interviewed by …": a sentence, not name and role
    names = [n for n in names_from(head) if not _is_agency_name(n)]
    if not names:
        return ()
    people = [p for p in pieces if not _is_role(p)]
    return tuple(names) if len(names) == len(people) else ()


_names_before_date_cached = lru_cache(maxsize=1024)(_names_before_date)


def told_to_authors(line: str) -> list[str] | None:
    """``Amie Roe as told to Jane Doe``: the writer is the one told."""
    text = strip_bullet(line)
    m = _TOLD_TO.compiled.search(text) if "told" in fold(line) else None
    if not m or not is_name(text[: m.start()].strip()):
        return None
    return names_from(text[m.end() :]) or None


_NAMES_HEAD_WORDS: Final = 10
_ROLE_PIECE_WORDS: Final = 4
_AFTER_DATE: Final = LazyPattern(r"^[\s/|•·,–—-]*(?:(?i:(by))\b\s*)?(?::\s*)?")


def names_after_date(line: str, date_end: int, wide: bool = False) -> list[str]:
    """Names after the date on a stamp line: ``Aug 12, 2021 / Jo Roe``, ``Dec 2, 2023 by Al Ek``; ``wide``
    (as in ``byline_authors``), a ``by`` is read as a byline prefix (``May 2, 2023 by Kay · 24 Comments``)."""
    rest = line[date_end:]
    m = _AFTER_DATE.compiled.match(rest)
    if wide and m and m.group(1):
        return names_from(rest[m.end() :], prefixed=True)
    rest = rest[m.end() :] if m else rest
    cut = _CUT_WIDE.compiled.search(rest) if wide else None
    rest = rest[: cut.start()] if cut else rest
    if not rest or not rest[:1].isupper() or len(rest) > 80:
        return []
    return bare_names(rest) or (_given_name_piece(rest) if wide else [])


_STAMP_PIECES: Final = LazyPattern(r"\s[•·|]\s")


def _given_name_piece(rest: str) -> list[str]:
    """The one piece of a stamp line's pieces after the date that is a name opening with a known given name
    (``Politics • Weekend Notes • David Roe``: sections and a byline in one line), else []."""
    from newsinspect.lexicon.gazetteer import load_gazetteer

    given = load_gazetteer().given_names
    pieces = [p.strip() for p in _STAMP_PIECES.compiled.split(rest)]
    found = [p for p in pieces if is_name(p) and p.split()[0] in given]
    return found if len(pieces) > 1 and len(found) == 1 else []


def name_among_stamps(line: str) -> list[str]:
    """The one piece of a stamp line that is a name when every other piece holds a number (a date, a count,
    a reading time): ``Dec 15, 2025 · 30 min · Jo Roe``, ``12 Comments | Jo Roe | Updated May 2, 2024``;
    else []. A piece with a job word (``Staff Consortium``) is a newsroom's stamp, not a name; one amid the
    stamps opens with a known given name, or it may be a section (``Mar 3 · Harbour Life · 6 min read``)."""
    if not any(sign in line for sign in "•·|"):
        return []
    pieces = [p.strip() for p in _STAMP_PIECES.compiled.split(strip_bullet(line))]
    names = [p for p in pieces if is_name(p) and not any(t.lower() in _JOB_WORDS for t in p.split())]
    if len(pieces) < 2 or len(names) != 1:
        return []
    if not all(_has_digit(p) for p in pieces if p != names[0]):
        return []
    return names if pieces[-1] == names[0] or opens_with_given_name(names[0]) else []


def is_agency(text: str) -> bool:
    """A news agency's name alone: ``The Associated Press``, ``Reuters``, ``AFP``."""
    return _is_agency_name(strip_bullet(text).strip(" ."))


_LEAD_NAME_WORDS: Final = (4, 3, 2)


def names_in_byline(line: str) -> list[str]:
    """The names of a line the layout model reads as a byline, whatever its shape: ``By …``, bare names,
    names before or after a date, or a name run into the outlet (``Jo Roe The Daily Ledger``)."""
    if not line:
        return []
    dates = find_dates(line)
    after = names_after_date(line, dates[-1].end, wide=True) if dates else []
    found = byline_authors(line, wide=True) or told_to_authors(line)
    return (
        found
        or unlabelled_byline_names(line, after=after)
        or _byline_after_sentence(line)
        or _byline_in_stamp(line)
    )


# "… and riders may comment. By Jo Roe on Mar 3, 2024": a byline run into the standfirst before it.
_BY_AFTER_SENTENCE: Final = LazyPattern(r"[.!?”\"]\s+[Bb]y\s+(?=[A-Z])")


def _byline_after_sentence(line: str) -> list[str]:
    """The names of a ``By`` that follows a sentence on the same line, else []."""
    if "by" not in fold(line):
        return []
    m = _BY_AFTER_SENTENCE.compiled.search(line)
    return names_from(line[m.end() :], prefixed=True) if m else []


# The pieces of a stamp line: "12 Comments · by Jo Roe · Updated on 8 May 2024", "Deals | By Jo Roe | May 3".
# (White space before a bar is taken from the start of its run only: retrying each position of a run is
# quadratic.)
_STAMP_SEPARATOR: Final = LazyPattern(r"\s[|·•⋅]\s|(?<!\s)\s*\|\s*")


def _byline_in_stamp(line: str) -> list[str]:
    """The names of a piece after the first of a stamp line that opens with a byline prefix, else []: the
    line as a whole opens with a count, a date or a label, so ``byline_authors`` reads no prefix in it."""
    if "by" not in fold(line) or not any(sign in line for sign in "|·•⋅"):
        return []
    for piece in _STAMP_SEPARATOR.compiled.split(line)[1:]:
        found = byline_authors(piece.strip(), wide=True)
        if found:
            return found
    return []


# A footnote mark glued to a name in an author list ("Jo Roe1", "Al Ek2,3"): it points to an affiliation.
_AFFILIATION_MARK: Final = LazyPattern(r"(?<=[a-z])\d{1,2}(?:,\d{1,2})*(?=[\s,]|$)")


def names_with_marks(line: str) -> list[str]:
    """``bare_names`` of a line whose names carry affiliation marks (``Jo Roe1, Al Ek2``), else []."""
    if not _has_digit(line):
        return []
    text = _AFFILIATION_MARK.compiled.sub("", line)
    if text == line or _one_token(text):
        return []
    # the marks make it an author list, which may be long (a paper's): more names than a byline's
    return list(_bare_names(text, most=_MARKED_MOST))


_MARKED_MOST: Final = 12  # names an author list with affiliation marks holds at most


def unlabelled_byline_names(
    line: str,
    bare: list[str] | None = None,
    before: list[str] | None = None,
    after: list[str] | None = None,
    undated: bool = False,
) -> list[str]:
    """``names_in_byline`` of a line without a byline prefix. A caller that has already asked the line
    for its ``bare_names``, ``names_before_date`` or ``names_after_date`` (after the last date that
    ``find_dates`` finds with ``dayfirst`` off) passes the answers, so they are not worked out again;
    ``undated`` as in ``names_before_date``."""
    found = bare if bare is not None else bare_names(line)
    if found:
        return found
    found = before if before is not None else names_before_date(line, undated)
    if found:
        return found
    if after is None:
        dates = find_dates(line)
        after = names_after_date(line, dates[-1].end) if dates else []
    if after:
        return after
    tokens = strip_bullet(line).split()
    if len(tokens) < 3 or (
        tokens[0].lower().strip(".,") in _SENTENCE_OPENERS and tokens[0].strip(".,") not in _HONORIFIC_WORDS
    ):
        return []
    if not tokens[0][:1].isupper():
        return []  # no lead name: is_name wants its first word capitalised
    for size in _LEAD_NAME_WORDS:
        if len(tokens) > size and tokens[size][:1].isupper() and is_name(" ".join(tokens[:size])):
            return [" ".join(tokens[:size])]
    return []


BARE_DOUBT = 0.2  # below this byline probability a bare name needs a known given name
BARE_UNSURE = 0.4  # below this, a name also used as a lowercase word in the text is a label
_LOWER_WORD: Final = LazyPattern(r"(?<![\w'’-])[a-z][a-z'’-]+(?![\w'’-])")


def doubtful_names(names: list[str], byline_prob: float, text: str) -> bool:
    """Whether the names of a bare line (no ``By``, no date on it) read as a section or tag line rather than
    a byline (``Related Products``, ``Leadership Styles``): the layout model doubts the line is a byline, no
    name opens with a known given name, and the model is very unsure or a word of the names is used in
    lowercase in the text (a common noun, not a name)."""
    if byline_prob >= BARE_UNSURE:
        return False
    from newsinspect.lexicon.gazetteer import load_gazetteer

    given = load_gazetteer().given_names
    if any(name.split()[0] in given for name in names):
        return False
    if byline_prob < BARE_DOUBT:
        return True
    return _used_in_lowercase([word for name in names for word in name.split()], text)


_WIDGET_WORDS: Final = frozenset(phrase for phrase in lexicon.words("clutter_phrases") if " " not in phrase)


def reads_as_label(line: str, names: list[str]) -> bool:
    """Whether a line of bare ``names`` is a label or a widget rather than a byline: it ends with a colon
    (``Article Tags:``), its words are all widget words (``LinkedIn Twitter Email``), or its first word is a
    function word that opens no known given name (``Share Article``, ``Related Products``; ``Will Roe``
    stays a name)."""
    if line.rstrip().endswith(":"):
        return True
    words = names[0].split()
    if all(word.lower() in _WIDGET_WORDS for word in words):
        return True
    return words[0].lower() in _SENTENCE_OPENERS and not opens_with_given_name(names[0])


def common_noun_names(names: list[str], text: str) -> bool:
    """Whether bare ``names`` read as a section, a product or a business (``HR Strategy``, ``Harbour
    Coffee``): no name opens with a known given name and a name's last word is used in lowercase in
    ``text`` (the dump)."""
    if any(opens_with_given_name(name) for name in names):
        return False
    return _used_in_lowercase([name.split()[-1] for name in names], text)


# "Written by Jo Roe", "Posted by Jo Roe at 2:33 PM", "About the Author - Jo Roe" (the name may follow on the
# next line): an author line after the article or in an author box.
_LATE_LABELS: Final = lexicon.words("byline_late_labels")
_LATE_PREFIX: Final = LazyPattern(rf"^(?i:{lexicon.alternation(_LATE_LABELS, _SPACES)})\b\s*[:\-–—]?\s*")
_LATE_WORDS: Final = lexicon.required_words(_LATE_LABELS)
_LATE_LINE_WORDS: Final = 16


def late_byline(line: str, following: str = "") -> list[str]:
    """The writer named by a labelled author line (``Written by Jo Roe``, ``About the Author: Jo Roe``), or on
    the line after a label that stands alone (``About the Author`` / ``Jo Roe``); [] for any other line."""
    folded = fold(line)
    if not any(word in folded for word in _LATE_WORDS):
        return []
    text = strip_bullet(line)
    if word_count(text) > _LATE_LINE_WORDS:
        return []
    m = _LATE_PREFIX.compiled.match(text)
    if m is None:
        return []
    rest = text[m.end() :]
    if not rest.strip():
        return (bare_names(following) or name_with_description(following)) if following else []
    if not rest[:1].isupper() and not m.group().rstrip().endswith(("by", "By", "BY", ":")):
        return []  # "Author information", "Author email": a label of something else
    return names_from(rest, prefixed=True)


_OUTLET_WORDS: Final = lexicon.words("outlet_words") | _ORG_WORDS
_LEAD_SIZES: Final = (3, 2)
_OUTLET_MAX_WORDS: Final = 5


def name_before_outlet(line: str) -> list[str]:
    """A name run into the outlet's name on a line of its own: ``Jo Roe The Harbour Courier``,
    ``Jo Roe Daily Ledger`` (the rest opens with ``The`` or holds an outlet word), else []."""
    tokens = strip_bullet(line).split()
    for size in _LEAD_SIZES:
        rest = tokens[size:]
        if not 1 <= len(rest) <= _OUTLET_MAX_WORDS or not all(t[:1].isupper() for t in rest):
            continue
        lead = " ".join(tokens[:size])
        if not is_name(lead):
            continue
        if rest[0] == "The" or any(t.lower().strip(".,") in _OUTLET_WORDS for t in rest):
            return [lead]
    return []


# A newsroom or team named alone on a line beside the date, without ``By`` (``Tallowmere Team``, ``The Harbour
# Team``, ``Metro Desk``): capitalised words (or the links of a name) ending in a team head. Read by the
# metadata rules only: the layout model's line facts ask ``bare_names``, which cuts the head as a job word.
_TEAM_HEADS: Final = lexicon.words("byline_team_heads")
_TEAM_MAX_WORDS: Final = 5
# One capitalised word naming the newsroom (``Staff``, ``Newsdesk``): a team byline of its own.
_NEWSROOMS_ALONE: Final = lexicon.words("byline_newsrooms_alone")
_TEAM_ARTICLES: Final = frozenset({"the", "our"})


def team_byline(line: str) -> list[str]:
    """``[line]`` when it names a newsroom or team (``Tallowmere Team``, ``Quill Desk``, or ``Staff`` or
    ``Newsdesk`` alone), else []."""
    text = strip_bullet(line).strip(" |")  # "ET Online |": a bar before the date beside it
    tokens = text.split()
    if len(tokens) == 1 and tokens[0].lower() in _NEWSROOMS_ALONE and tokens[0][:1].isupper():
        return [text]
    if not 2 <= len(tokens) <= _TEAM_MAX_WORDS or tokens[-1].lower() not in _TEAM_HEADS:
        return []
    first = tokens[0].lower()
    if (first in _NOT_NAME_WORDS and first not in _TEAM_ARTICLES) or _has_digit(text):
        return []  # "About Our Team", "Contact the Desk": a link or a heading, not a byline
    if any(t.lower() in _TEAM_ARTICLES for t in tokens[1:]):
        return []  # "Meet the Team": an article is only the first word of a team's name
    if any(not (t[:1].isupper() or t in _TEAM_LINKS) or not t.replace("&", "a").isalnum() for t in tokens):
        return []
    return [text]


_SINGLE_MAX: Final = 20


def single_name(line: str) -> str | None:
    """The one word of a line that could be a writer's first name or handle (``Ingrid``, ``jroe``), else None:
    never a sentence, job, organisation or label word."""
    text = strip_bullet(line).strip(" .,|")
    if len(text) > _SINGLE_MAX or not text.isprintable() or " " in text:
        return None
    return _prefixed_part(text, alone=True)


def titled_outlet(line: str) -> list[str]:
    """A publication named on the line after ``By`` alone (``The Harbour Ledger``): ``The`` and capitalised
    words, else []."""
    text = strip_bullet(line).strip(" .,|")
    tokens = text.split()
    if not 2 <= len(tokens) <= _TEAM_MAX_WORDS or tokens[0] != "The" or _has_digit(text):
        return []
    if not all(t[:1].isupper() and t.replace("&", "a").isalnum() for t in tokens[1:]):
        return []
    return [text]


# An author's note ("Jo Roe is a reporter for the Harbour Courier. Reach her at …"): a name opens the line,
# then "is a" (an, the, our) and a reporting role in the same sentence.
_NOTE: Final = LazyPattern(r"([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s+is\s+(?:a|an|the|our)\s")
_NOTE_WORDS: Final = 30  # the words of the note's first sentence that are searched for the role


def author_note(line: str) -> list[str]:
    """The writer an author's note introduces (``Jo Roe is a columnist for the Courier.``), else []."""
    if " is " not in line:
        return []
    m = _NOTE.compiled.match(line)
    if m is None or not is_name(m.group(1)):
        return []
    sentence = line[m.end() :].split(". ", 1)[0].split()[:_NOTE_WORDS]
    if not any(word.lower().strip(".,;:") in _ROLE_WORDS for word in sentence):
        return []
    return [m.group(1)]


# An author box: the writer's name on a line of its own (a role may follow it: ``Jo Roe Staff Writer``), then
# a biography that opens with the name or its first word (``Jo explores …``, ``Jo Roe is …``).
_BIO_OPENING: Final = LazyPattern(r"(?:’s|'s)?\s+(?:[a-z]|\()")
_BIO_PRONOUNS: Final = lexicon.words("biography_pronouns")
_BIO_WORD: Final = LazyPattern(r"[A-Za-z]+")


def author_box(line: str, following: str, text: str) -> list[str]:
    """The name of a line that the next line's biography opens with (``Jo Roe`` / ``Jo is a writer …``),
    else [].

    The biography speaks of a person (``she``, ``his``) or of a writer's role, unlike the description of a
    product or a place under its heading (``Ferry Pass`` / ``Ferry Pass is a …``). One that opens with one
    word of the name only is trusted when no word of the name is used in lowercase in ``text`` (the dump):
    a subheading is restated so by its paragraph (``Remote Access`` / ``Remote access lets …``), a
    person's name is not."""
    following = _ROLE_BEFORE_BIO.compiled.sub("", following, count=1)
    if not following[:1].isupper():
        return []
    # the biography's words before the line's names: over all pairs of lines of the dev dumps it is the
    # cheaper question (less than half the time) and rules out 24 pairs in 25 (the names, 9 in 10)
    words = {word.lower() for word in _BIO_WORD.compiled.findall(following)}
    if words.isdisjoint(_BIO_PRONOUNS) and words.isdisjoint(_ROLE_WORDS):
        return []
    names = _name_over_job(line) or unlabelled_byline_names(line)
    if len(names) != 1:
        return []
    name = names[0]
    tokens = name.split()
    for opening in (name, tokens[0]):  # not the surname alone: a news story goes on so about its source
        if following.startswith(opening) and _BIO_OPENING.compiled.match(following, len(opening)):
            if opening != name and _used_in_lowercase(tokens, text):
                return []
            return [name]
    return []


# "(Editor / Reporter) – Jo grew up …": the writer's role in brackets before the biography.
_ROLE_BEFORE_BIO: Final = LazyPattern(r"^\([^()]{1,60}\)\s*[-–—:]?\s*")


def _name_over_job(line: str) -> list[str]:
    """The name that opens an author box's line when the rest of the line is the writer's job (``Jo Roe
    Harbour-based Ferry Historian & Technology Writer``), else []: a title-case phrase that ends with a job
    word and holds a sign or a hyphen, which no name holds, so that a long name followed by a plain job
    title (``Mary Ann Roe Staff Writer``) is left to the names rules."""
    tokens = strip_bullet(line).split()
    if not 0 < len(tokens) <= _TITLE_MAX_WORDS + _JOB_AFTER[-1] or tokens[-1].lower() not in _JOB_WORDS:
        return []  # (a sentence ends with a full stop: "… but not for president.")
    for size in _JOB_AFTER:
        lead = " ".join(tokens[:size])
        rest = tokens[size:-1]
        if (
            rest
            and all(t[:1].isupper() or t in TITLE_LINKS for t in rest)
            and any(not t.isalpha() for t in rest)
            and is_name(lead)
        ):
            return [lead]
    return []


def _used_in_lowercase(tokens: list[str], text: str) -> bool:
    """Whether one of ``tokens`` appears as a lowercase word in ``text``."""
    words = {token.lower() for token in tokens}
    return any(word in words for word in _LOWER_WORD.compiled.findall(text))


# "Sam Roe Home Security , News": sections printed after the name on a stamp line, each one word, and the
# last of them read as part of the name when no comma stands between (metadata rules only).
_SECTION_NAME_WORDS: Final = 3  # words of a name whose last word may be a section run into it


def without_sections(line: str, names: list[str], text: str) -> list[str]:
    """``names`` (read from ``line``) without the sections the line lists after them, a piece of one word
    each that is used in lowercase in ``text`` (the dump: a common noun such as ``Technology`` or ``News``,
    not a name or an outlet). A name that opens with a known given name then loses a last word of its own
    that is used in lowercase too (``Sam Roe Cybersecurity , News``: the first section run into the
    name); when a section is no job or newsroom word (``Technology``, not ``Staff``), the other names are
    sections themselves and are dropped (``Quiet Notes , Technology``). ``names`` as they are when the line
    lists no such piece."""
    pieces = [piece.strip(" .,;|") for piece in _split(strip_bullet(line))]
    singles = [piece for piece in pieces if piece and " " not in piece and piece not in names]
    if not singles:
        return names  # the usual line: no piece of one word, no search of the text
    lowercase = set(_LOWER_WORD.compiled.findall(text))
    singles = [piece for piece in singles if piece.lower() in lowercase]
    if not singles:
        return names
    sections = any(not _is_role_word(piece.lower()) for piece in singles)
    kept: list[str] = []
    for name in names:
        if not opens_with_given_name(name):
            if not sections:
                kept.append(name)
            continue
        tokens = name.split()
        if len(tokens) >= _SECTION_NAME_WORDS and tokens[-1].lower() in lowercase:
            tokens = tokens[:-1]
        kept.append(" ".join(tokens))
    return kept


def _is_role_word(word: str) -> bool:
    """A job, role or newsroom word (``reporter``, ``staff``, ``news``): a byline's own, not a section."""
    return word in _JOB_WORDS or word in _ROLE_WORDS or word in _ORG_WORDS


# "Jo Roe, senior editor with 5+ years of testing laptops": a name, a comma, then a description of the writer
# in running words (lowercase or a number first), one writer a line under an author label.
_NAME_COMMA: Final = LazyPattern(r"([^,]{3,60}),\s+(?=[a-z\d])")
_DESCRIPTION_WORDS: Final = 3  # words of the description at least (fewer: a list of names and roles)


def name_with_description(line: str) -> list[str]:
    """The name that opens a line describing a writer (``Jo Roe, senior editor with 5+ years …``), else []."""
    text = strip_bullet(line)
    m = _NAME_COMMA.compiled.match(text)
    if m is None or word_count(text[m.end() :]) < _DESCRIPTION_WORDS:
        return []
    name = m.group(1).strip()
    return [name] if is_name(name) else []


# (white space before a bar is taken from the start of its run only: retrying each position is quadratic)
_FIRST_PIECE: Final = LazyPattern(r"\s[/|•·–—-]\s|(?<!\s)\s*\|")


def team_before(line: str, names: list[str]) -> list[str]:
    """``[team]`` when the first piece of a stamp line is a newsroom or team whose head ``names`` lost as a
    job word (``Metro Desk / Updated: May 2, 2024`` read as ``Metro``), else []."""
    first = _FIRST_PIECE.compiled.split(strip_bullet(line), maxsplit=1)[0].strip()
    team = team_byline(first)
    return team if len(names) == 1 and team and team[0].startswith(names[0]) else []
