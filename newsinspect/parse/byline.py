"""Find the article's authors in the header rows: bylines, ``By`` alone, names beside dates."""

from __future__ import annotations

from collections.abc import Callable

from newsinspect.parse import authors as au
from newsinspect.parse.header import AUTHOR_REACH, HeaderLine, near_stamp
from newsinspect.parse.regex import LazyPattern

_AND_MORE = LazyPattern(r"^(?:and|&)\s+(?=[A-Z])")


def find_authors(
    rows: list[HeaderLine], title_index: int, doubt: Callable[[int, list[str]], bool] | None = None
) -> tuple[list[str], set[int]]:
    """Author names and the indexes of the lines they came from (``rows``: non-clutter header lines).

    ``doubt(index, names)`` may turn down the names of a bare name line that no date line touches, the
    weakest rule (the layout model's view of the line decides, in ``assemble``)."""
    names: list[str] = []
    used: set[int] = set()

    def add(found: list[str], index: int) -> None:
        used.add(index)
        for name in found:
            if name not in names:
                names.append(name)

    for pos, info in enumerate(rows):
        if info.byline:
            add(info.byline, info.line.index)
            following = rows[pos + 1].line.clean if pos + 1 < len(rows) else ""
            more = _AND_MORE.compiled.match(following)
            if more:  # "By Jane Roe" / "and Al Ek": the byline goes on on the next line
                add(au.names_from(following[more.end() :]), rows[pos + 1].line.index)
        elif info.by_alone and pos + 1 < len(rows):
            used.add(info.line.index)
            following = au.strip_profile_words(rows[pos + 1].line.clean)
            found = au.names_from(following, prefixed=True) or au.organisation(following)
            if found:
                add(found, rows[pos + 1].line.index)
    if names:
        return names, used
    for info in rows:
        if info.glued_names:
            add(info.glued_names, info.line.index)
    if names:
        return names, used
    title_pos = next((pos for pos, info in enumerate(rows) if info.line.index == title_index), -1)
    for pos, info in enumerate(rows):
        if info.line.index <= title_index or info.is_meta or info.caption:
            continue
        if not near_stamp(rows, pos) and pos - title_pos > AUTHOR_REACH:
            continue
        found = au.bare_names(info.line.clean)
        if not found and near_stamp(rows, pos, reach=1):
            if au.is_agency(info.line.clean):
                found = [info.line.clean]  # "The Associated Press" on its own line beside the date
            else:
                found = au.name_before_outlet(info.line.clean)  # "Jo Roe The Harbour Courier"
        if (
            found
            and doubt is not None
            and not near_stamp(rows, pos, reach=1)
            and doubt(info.line.index, found)
        ):
            continue  # a label under the headline, not a name beside the date
        if found:
            add(found, info.line.index)
            break
    return names, used
