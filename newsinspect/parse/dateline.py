"""The dateline at the start of a wire story's first paragraph: ``KYIV, Ukraine (AP) —``."""

from __future__ import annotations

from typing import Final

from newsinspect.parse.regex import LazyPattern

# An upper-case place, an optional region, an optional agency in parentheses, then a dash.
_DATELINE: Final = LazyPattern(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][\w.'’ -]{1,30}?)?)"
    r"(?:\s*\((?P<agency>[A-Za-z/ ]{2,20})\))?\s*[-–—]{1,2}\s+(?=\S)"
)


def split_dateline(text: str) -> tuple[str, int] | None:
    """The dateline and the offset in ``text`` where the paragraph proper starts, or None."""
    if not "A" <= text[:1] <= "Z":
        return None  # the place opens with a capital (asked of every line: most fail here, without a call)
    m = _DATELINE.compiled.match(text)
    if not m:
        return None
    place = m.group("place").strip()
    city = place.split(",")[0]
    if len(city.replace(" ", "")) < 2 or any(ch.islower() for ch in city):
        return None
    return place, m.end()
