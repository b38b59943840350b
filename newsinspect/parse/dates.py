"""Find absolute dates (with a time and zone when given) in short header lines.

Common shapes are read with compiled regexes; python-dateutil is only a lazily imported
fallback, run with two different sentinel defaults so that parts the text does not give are
never filled in (with today's date or anything else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from newsinspect import lexicon
from newsinspect.parse.regex import LazyPattern, fold

MONTHS: Final = {name: int(number) for name, number in lexicon.table("month_numbers").items()}
_MONTH: Final = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A month name may be glued to a preceding word ("By Kent GermanDec 22, 2023") but then starts upper-case.
_MONTH_START: Final = r"(?:(?<![A-Za-z])|(?<=[A-Za-z])(?=[A-Z][a-z]))"
_DAY_SUFFIX: Final = r"(?:st|nd|rd|th)?"

# Patterns start with a plain digit and only then look behind it (``\d(?<!\d\d)`` is ``(?<!\d)\d``):
# a search can then skip ahead to the next digit instead of trying every position.
_ISO: Final = LazyPattern(
    r"(?P<y>\d(?<!\d\d)\d{3})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_YMD_SLASH: Final = LazyPattern(r"(?P<y>\d(?<![\d/.]\d)\d{3})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d/.])")
# A two-digit year ("14 Jan 24", "Jan 14 '24") only where a stamp would end: at the end of the line, before
# a time or a separator; elsewhere "May 5, 12 people" is no date.
_SHORT_YEAR: Final = r"'?\d{2}(?=\s*(?:$|[|•·;]|,?\s*\d{1,2}[:.]\d{2}))"
_MDY_NAME: Final = LazyPattern(
    _MONTH_START
    + r"(?P<mon>"
    + _MONTH
    + r")\.?\s*(?P<d>\d{1,2})"
    + _DAY_SUFFIX
    + r",?\s+(?P<y>\d{4}(?!\d)|"
    + _SHORT_YEAR
    + ")"
)
# A stamp printed twice without a space ("6 December 20236 December 2023") still reads as two dates.
_DMY_NAME: Final = LazyPattern(
    r"(?:(?<!\d)|(?<=\D\d{4}))(?P<d>\d{1,2})"
    + _DAY_SUFFIX
    + r"\s+(?:of\s+)?(?P<mon>"
    + _MONTH
    + r")\.?,?\s+(?P<y>\d{4}(?:(?!\d)|(?=\d{1,2}\s+"
    + _MONTH
    + r"))|"
    + _SHORT_YEAR
    + ")"
)
# What the month-name shapes need around their digits, found by a search that skips ahead to digits:
# most lines with a year ("in 2019") hold no day-and-year ("5, 2019") or day-month-year ("5 May 2019").
_MDY_DIGITS: Final = LazyPattern(r"\d" + _DAY_SUFFIX + r",?\s+(?:\d{4}(?!\d)|" + _SHORT_YEAR + ")")
_DMY_DIGITS: Final = LazyPattern(
    r"\d" + _DAY_SUFFIX + r"\s+(?:of\s+)?[^\W\d_]{3,9}\.?,?\s+(?:\d{4}|" + _SHORT_YEAR + ")"
)
_NUMERIC: Final = LazyPattern(
    r"(?P<a>\d(?<![\d/.:-]\d)\d?)(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-])"
)
_DOTTED: Final = LazyPattern(r"(?P<a>\d(?<![\d/.:]\d)\d?)\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\d.])")

# A clock time; either minutes or am/pm must be present so that a bare number is not a time.
_TIME: Final = LazyPattern(
    r"(?P<H>\d(?<![\d:.]\d)\d?)(?:[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*"
    r"(?P<ampm>(?i:a\.?\s?m\b\.?|p\.?\s?m\b\.?))?"
    r"(?:\s*\(?(?P<zone>[A-Z]{1,5}\b|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?)\)?)?"
)
_BEFORE_TIME_GAP: Final = LazyPattern(r"^[\s,|•·@/-]*(?:(?i:at)\s*)?$")
# "3:04 PM EST, Fri December 22, 2023": a weekday may sit between the time and the date.
_AFTER_TIME_GAP: Final = LazyPattern(
    r"^[\s,|•·/-]*(?:(?i:on)\s*)?(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?$"
)

_FIXED_ZONES: Final = {zone: int(minutes) for zone, minutes in lexicon.table("time_zone_offsets").items()}
# Generic US zones: standard or daylight offset depending on the date.
_US_GENERIC: Final = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}

_STAMP_LABELS: Final = lexicon.words("stamp_labels")
_WEEKDAY: Final = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# "Published Friday 4:10PM", "Updated yesterday", "Friday 1:30PM", "3 hours ago": a stamp with no date.
_RELATIVE: Final = LazyPattern(
    r"^(?i:(?:(?:last\s+)?(?:"
    + lexicon.alternation(_STAMP_LABELS)
    + r")\s*:?\s*(?:on\s+)?(?:"
    + _WEEKDAY
    + r"|yesterday|today|last\s+"
    + _WEEKDAY
    + r")\b.*"
    r"|(?:" + _WEEKDAY + r"|yesterday|today)\b,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?.*"
    r"|.{0,30}\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|months?)\s+ago\b.*))$"
)
_MAX_RELATIVE_LENGTH: Final = 60
# The pre-check of _RELATIVE: what its first two branches start with (the third needs "ago").
_RELATIVE_STARTS: Final = tuple(
    sorted({"last", "yesterday", "today"} | _STAMP_LABELS | {day[:3] for day in lexicon.words("weekdays")})
)


# Every shape read here has a four-digit year or a d/m/y triple: lines without either are skipped fast.
_ANY_DIGIT: Final = LazyPattern(r"\d")
# The pre-check of every shape, in two searches: a four-digit year or a d/m/y triple (a search that skips
# ahead to digits), else a two-digit year where a stamp ends, after a word and white space. The second
# opens with its white space and looks back at the word (one of three fixed widths): written as
# ``[a-z\d]\.?,?\s+…`` it was tried at every letter (1.8 times as long on the dev dumps' lines with digits).
_MAYBE_FULL_DATE: Final = LazyPattern(r"\d(?:\d{3}|[/.-]\d{1,2}[/.-]\d)")
_MAYBE_SHORT_YEAR: Final = LazyPattern(
    r"\s(?:(?<=[a-z\d]\s)|(?<=[a-z\d][.,]\s)|(?<=[a-z\d]\.,\s))\s*'?\d{2}\s*(?:$|[|•·;]|,?\s*\d{1,2}[:.]\d{2})"
)


def _maybe_date(line: str) -> bool:
    """Whether ``line`` may hold a date of the shapes read here (as the pre-check in one pattern said:
    ``tests/test_parse_speedups.py`` compares the two)."""
    if _MAYBE_FULL_DATE.compiled.search(line) is not None:
        return True
    return _MAYBE_SHORT_YEAR.compiled.search(line) is not None


# What the ISO, slashed, numeric and dotted shapes all hold: a digit, a separator and a digit (`_read_dates`).
_SEPARATED_DIGITS: Final = LazyPattern(r"\d[/.-]\d")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: ISO value, where it sits in the line."""

    iso: str
    start: int
    end: int


def _year(raw: str) -> int:
    raw = raw.lstrip("'")
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _us_daylight(day: date) -> bool:
    """US daylight saving: second Sunday of March to first Sunday of November."""
    march = date(day.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    november = date(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= day < end


def zone_offset(zone: str, day: date) -> int | None:
    """Minutes east of UTC for a zone abbreviation or numeric offset, or None when unknown."""
    zone = zone.strip().upper()
    if zone in _FIXED_ZONES:
        return _FIXED_ZONES[zone]
    if zone in _US_GENERIC:
        return _US_GENERIC[zone] + (60 if _us_daylight(day) else 0)
    m = _NUMERIC_ZONE.compiled.fullmatch(zone)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if minutes >= 60 or hours * 60 + minutes > _MAX_OFFSET:
            return None  # "+26:39" is no zone on Earth (ISO 8601 offsets run from -12:00 to +14:00)
        minutes += hours * 60
        return -minutes if m.group(1) == "-" else minutes
    return None


_NUMERIC_ZONE: Final = LazyPattern(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2}):?(\d{2})?")
_MAX_OFFSET: Final = 14 * 60


def _clock(hour: int, minute: int, second: int) -> bool:
    """A time of day ISO 8601 can write: 24:00, 12:60 or 10:30:75 are not (nor a leap second)."""
    return hour < 24 and minute < 60 and second < 60


def _format_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _iso(day: date, hour: int | None, minute: int, second: int, offset: int | None) -> str:
    if hour is None:
        return day.isoformat()
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"
    return stamp if offset is None else stamp + _format_offset(offset)


def _time_near(line: str, start: int, end: int) -> tuple[re.Match[str], int, int] | None:
    """A clock time right after (or right before) the date at line[start:end]."""
    for m in _TIME.compiled.finditer(line, end, min(len(line), end + 40)):
        if _BEFORE_TIME_GAP.compiled.match(line[end : m.start()]) and _is_time(m):
            return m, min(start, m.start()), max(end, m.end())
        break
    window = max(0, start - 30)
    for m in _TIME.compiled.finditer(line, window, start):
        if m.end() > start or not _is_time(m):
            continue
        if _AFTER_TIME_GAP.compiled.match(line[m.end() : start]):
            return m, m.start(), end
    return None


def _is_time(m: re.Match[str]) -> bool:
    hour = int(m.group("H"))
    minute = m.group("M")
    second = int(m.group("S") or 0)
    if m.group("ampm"):
        return 1 <= hour <= 12 and _clock(hour, int(minute or 0), second)
    return minute is not None and _clock(hour, int(minute), second)


def _with_time(line: str, day: date, start: int, end: int) -> FoundDate:
    near = _time_near(line, start, end)
    if near is None:
        return FoundDate(day.isoformat(), start, end)
    m, start, end = near
    hour = int(m.group("H"))
    ampm = (m.group("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    offset = zone_offset(m.group("zone"), day) if m.group("zone") else None
    return FoundDate(_iso(day, hour, int(m.group("M") or 0), int(m.group("S") or 0), offset), start, end)


def find_dates(line: str, *, dayfirst: bool = False) -> list[FoundDate]:
    """Absolute dates in ``line``, in order of position (overlapping matches dropped)."""
    # every shape has two digits or more: a line without one skips the (slower) shape pre-check
    if not _ANY_DIGIT.compiled.search(line):
        return []
    # a header line with a digit is asked again (for the names beside its dates, by the header rules):
    # the pre-check and the dates are remembered, but not for long texts
    return list(_dates_cached(line, dayfirst) if len(line) <= 400 else _dates(line, dayfirst))


def _dates(line: str, dayfirst: bool) -> tuple[FoundDate, ...]:
    """``find_dates`` of a line that holds a digit."""
    if not _maybe_date(line):
        return ()
    return _read_dates(line, dayfirst)


def _read_dates(line: str, dayfirst: bool) -> tuple[FoundDate, ...]:
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # The ISO, slashed, numeric and dotted shapes each hold a digit, a separator and a digit: a line without
    # one (most lines with a year in prose) is spared their four scans by one search.
    separated = _SEPARATED_DIGITS.compiled.search(line) is not None
    if separated:
        for m in _ISO.compiled.finditer(line):
            day = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if day is None:
                continue
            hour, minute, second = int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)
            if m["H"] is not None and _clock(hour, minute, second):
                offset = zone_offset(m["z"], day) if m["z"] else None
                found.append(FoundDate(_iso(day, hour, minute, second, offset), m.start(), m.end()))
            elif m["H"] is not None:
                found.append(FoundDate(day.isoformat(), m.start(), m.end()))  # "T25:61": the date alone
            else:
                found.append(_with_time(line, day, m.start(), m.end()))
            taken.append((found[-1].start, found[-1].end))
    candidates: list[tuple[int, int, date]] = []
    for pattern, digits in ((_MDY_NAME, _MDY_DIGITS), (_DMY_NAME, _DMY_DIGITS)):
        if not digits.compiled.search(line):
            continue
        for m in pattern.compiled.finditer(line):
            day = _valid(_year(m["y"]), MONTHS[m["mon"][:3].lower()], int(m["d"]))
            if day is not None:
                candidates.append((m.start(), m.end(), day))
    if separated:
        for m in _YMD_SLASH.compiled.finditer(line):
            day = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if day is not None:
                candidates.append((m.start(), m.end(), day))
        for m in _NUMERIC.compiled.finditer(line):
            if m["sep"] == "-" and len(m["y"]) == 2:
                continue  # 12-20-23 is too often a code or a score
            a, b = int(m["a"]), int(m["b"])
            month, day_num = (b, a) if (dayfirst and b <= 12) or a > 12 else (a, b)
            day = _valid(_year(m["y"]), month, day_num)
            if day is not None:
                candidates.append((m.start(), m.end(), day))
        for m in _DOTTED.compiled.finditer(line):
            a, b = int(m["a"]), int(m["b"])
            # dotted numbers are day-first (22.12.2023) unless that cannot be (12.22.2023)
            day = _valid(int(m["y"]), a, b) if b > 12 else _valid(int(m["y"]), b, a)
            if day is not None:
                candidates.append((m.start(), m.end(), day))
    for start, end, day in sorted(candidates, key=lambda c: c[0]):
        if free(start, end):
            item = _with_time(line, day, start, end)
            if not free(item.start, item.end):
                item = FoundDate(day.isoformat(), start, end)
            found.append(item)
            taken.append((item.start, item.end))
    found.sort(key=lambda f: f.start)
    return tuple(found)


_dates_cached: Final = lru_cache(maxsize=1024)(_dates)


def is_relative_stamp(line: str) -> bool:
    """A stamp like ``Published Friday 4:10PM`` or ``3 hours ago`` that gives no absolute date."""
    if len(line) > _MAX_RELATIVE_LENGTH:
        return False
    folded = fold(line)  # the words a relative stamp starts with or holds, before its pattern
    if not folded.startswith(_RELATIVE_STARTS) and "ago" not in folded:
        return False
    return _RELATIVE.compiled.match(line) is not None


def fallback_date(line: str, *, dayfirst: bool = False) -> str | None:
    """Ask python-dateutil (imported only here) for a full date; None unless year, month and day are given."""
    if not line or len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None
    import warnings
    from datetime import datetime

    from dateutil import parser

    try:
        # Only the date is kept, so an unknown zone name is no news: its UnknownTimezoneWarning would
        # otherwise reach the user's stderr.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
            one = parser.parse(line, fuzzy=True, dayfirst=dayfirst, default=datetime(1904, 1, 1))
            two = parser.parse(line, fuzzy=True, dayfirst=dayfirst, default=datetime(1908, 2, 2))
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None
    if (one.year, one.month, one.day) != (two.year, two.month, two.day):
        return None  # some part of the date came from the default, not from the text
    if _valid(one.year, one.month, one.day) is None:
        return None
    return one.date().isoformat()


# A numeric date's separator between digits ("4/25/2", "25-04-2"), one pattern per separator: each opens
# with its character, which a search skips ahead to (the class [/-] is checked at every character).
_NUMERIC_HINTS: Final = (
    LazyPattern(r"/(?<=\d/)\d{1,2}[/-]\d"),
    LazyPattern(r"-(?<=\d-)\d{1,2}[/-]\d"),
)


def _numeric_hint(text: str) -> bool:
    r"""Whether ``[/-](?<=\d[/-])\d{1,2}[/-]\d`` is found in ``text``."""
    return any(hint.compiled.search(text) is not None for hint in _NUMERIC_HINTS)


def is_unset(found: FoundDate) -> bool:
    """Whether the date is a timestamp of zero printed as a date (31 December 1969 or 1 January 1970, by
    the clock of a time zone): a widget with no date set, never a publication."""
    return found.iso[:10] in _UNSET_DAYS


_UNSET_DAYS: Final = frozenset({"1969-12-31", "1970-01-01"})


def stamp_dates(line: str, dayfirst: bool = False) -> list[FoundDate]:
    """``find_dates`` without the unset timestamps (``is_unset``): the dates a stamp line can give."""
    return [found for found in find_dates(line, dayfirst=dayfirst) if not is_unset(found)]


# "4-Mar-2024", "4/Mar/2024": a day, a month name and a year joined by dashes or slashes. Read only by
# ``dashed_dates`` (where the header found no date at all), not by ``find_dates``: the layout model's
# line facts are built on the latter and stay as they were trained.
_DASHED_NAME: Final = LazyPattern(
    r"(?P<d>\d(?<![\d/-]\d)\d?)(?P<sep>[/-])(?P<mon>" + _MONTH + r")(?P=sep)(?P<y>\d{4})(?![\d/-])"
)


def dashed_dates(line: str) -> list[FoundDate]:
    """Dates of ``line`` in the day-month name-year shape joined by dashes or slashes (``4-Mar-2024``),
    with a time when one follows; ``find_dates`` does not read this shape."""
    if "-" not in line and "/" not in line:
        return []
    found: list[FoundDate] = []
    for m in _DASHED_NAME.compiled.finditer(line):
        day = _valid(int(m["y"]), MONTHS[m["mon"][:3].lower()], int(m["d"]))
        if day is not None and not is_unset(FoundDate(day.isoformat(), 0, 0)):
            found.append(_with_time(line, day, m.start(), m.end()))
    return found


def infer_dayfirst(lines: list[str]) -> bool:
    """Whether the dump writes numeric dates day first: it shows ``25/04/2024`` somewhere, or it
    writes ``22 December 2023`` and never ``December 22, 2023``. US month-first otherwise."""
    joined = "\n".join(lines)
    if not _numeric_hint(joined) or not _NUMERIC.compiled.search(joined):
        return False  # no numeric date to read either way
    day_month = month_day = 0
    for line in lines:
        if not _maybe_date(line):
            continue
        for m in _NUMERIC.compiled.finditer(line):
            first, second = int(m["a"]), int(m["b"])
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
        if _DMY_DIGITS.compiled.search(line):
            day_month += len(_DMY_NAME.compiled.findall(line))
        if _MDY_DIGITS.compiled.search(line):
            month_day += len(_MDY_NAME.compiled.findall(line))
    return day_month > 0 and month_day == 0
