"""Find the article's authors in the header rows: bylines, ``By`` alone, names beside dates."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsinspect.parse import authors as au
from newsinspect.parse.clutter import is_box_of_posts, list_marker_width
from newsinspect.parse.header import AUTHOR_REACH, HeaderLine, is_long, near_stamp
from newsinspect.parse.regex import LazyPattern

_AND_MORE = LazyPattern(r"^(?:and|&)\s+(?=[A-Z])")


def find_authors(
    rows: list[HeaderLine],
    title_index: int,
    doubt: Callable[[int, list[str]], bool] | None = None,
    text: str = "",
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

    prose_since = False  # a paragraph-sized line since the last byline
    for pos, info in enumerate(rows):
        if names and is_long(info):
            prose_since = True
        if info.byline and not (names and prose_since):
            # (a second "By" line after a paragraph names something else: "Published by Harbour Games")
            prose_since = False
            add(info.byline, info.line.index)
            following = rows[pos + 1].line.clean if pos + 1 < len(rows) else ""
            more = _AND_MORE.compiled.match(following)
            if more:  # "By Jane Roe" / "and Al Ek": the byline goes on on the next line
                add(au.names_from(following[more.end() :]), rows[pos + 1].line.index)
            for index, listed in _names_across_lines(rows, pos):
                add(listed, index)
        elif info.by_alone and pos + 1 < len(rows):
            used.add(info.line.index)
            following = au.strip_profile_words(rows[pos + 1].line.clean)
            found = (
                au.team_byline(following)
                or au.names_from(following, prefixed=True)
                or au.organisation(following)
                or au.titled_outlet(following)
            )
            if found:
                add(found, rows[pos + 1].line.index)
                for index, listed in _names_across_lines(rows, pos + 1):
                    add(listed, index)
                if au.name_with_description(following):  # one writer a line, each described
                    for info_more in rows[pos + 2 :]:
                        listed = au.name_with_description(info_more.line.clean)
                        if not listed:
                            break
                        add(listed, info_more.line.index)
    if names:
        return names, used
    teasers = _teaser_stamps(rows)
    for info in rows:
        index = info.line.index
        if not info.glued_names or index == title_index:
            continue  # the headline is no byline, even when it ends with a date ("Ferry Roundup 3/12/2024")
        if index in teasers:
            continue  # "* May 2, 2023 Jo Roe" in a list of such items: a box of other posts, their writers
        if (
            index < title_index
            and doubt is not None
            and info.line.clean.startswith(info.glued_names[0])
            and doubt(index, info.glued_names)
        ):
            continue  # a section or label before a date above the headline ("Garden Notes May 2, 2023")
        glued = au.team_before(info.line.clean, info.glued_names) or info.glued_names
        add(au.without_sections(info.line.clean, glued, text), index)
    if names:
        return names, used
    # nor do they vouch for a name, nor is the line over one (``Recent Posts``) or under it (the post's
    # headline, the event's name) a byline
    heads = {
        rows[near].line.index
        for pos in range(len(rows))
        if rows[pos].line.index in teasers
        for near in (pos - 1, pos + 1)
        if 0 <= near < len(rows)
    }
    rows = [info for info in rows if info.line.index not in teasers and info.line.index not in heads]
    title_pos = next((pos for pos, info in enumerate(rows) if info.line.index == title_index), -1)
    for pos, info in enumerate(rows):
        if info.line.index <= title_index or info.is_meta or info.caption:
            continue
        beside_date = near_stamp(rows, pos, reach=1)
        # a name over a job title ("Jo Roe" / "Vice President of Sales") is a byline anywhere in the header
        job_below = not beside_date and pos + 1 < len(rows) and au.is_job_title_line(rows[pos + 1].line.clean)
        if not near_stamp(rows, pos) and pos - title_pos > AUTHOR_REACH and not job_below:
            continue
        team = au.team_byline(info.line.clean) if beside_date else []
        bare = [] if team else au.bare_names(info.line.clean)
        kept = au.without_sections(info.line.clean, bare, text) if bare else []
        if bare and (
            au.reads_as_label(info.line.clean, bare)
            or _in_menu_above(rows, title_pos, bare)
            or au.common_noun_names(bare, text)
            or not kept
        ):
            continue  # "Share Article", "Related Products", a section named in the breadcrumb or listed after
        if bare and not beside_date and not job_below and doubt is not None and doubt(info.line.index, bare):
            continue  # a label under the headline, not a name beside the date
        # names with affiliation marks ("Jo Roe1, Al Ek2") are an author list, whatever the model doubts
        found = team or kept or au.names_with_marks(info.line.clean)
        if not found and beside_date:
            found = _short_byline(rows, pos, doubt)
        if found:
            add(found, info.line.index)
            for index, listed in _names_continued(rows, pos):
                add(listed, index)
            break
    return names, used


# A separator on a line of its own between names printed one a line (``Jo Roe`` / ``,`` / ``Al Ek``).
_NAME_SEPARATOR = LazyPattern(r"^(?:,|,?\s*(?:and|&))$")


def _names_across_lines(rows: list[HeaderLine], pos: int) -> Iterator[tuple[int, list[str]]]:
    """The names after row ``pos`` (a byline's name) that a separator alone on the line between joins to it
    (``Jo Roe`` / ``,`` / ``Al Ek`` / ``, and`` / ``Metro Team``: a byline's names in separate elements)."""
    while pos + 2 < len(rows) and _NAME_SEPARATOR.compiled.match(rows[pos + 1].line.clean.strip()):
        following = rows[pos + 2].line.clean
        found = au.team_byline(following) or au.names_from(following)
        if not found:
            return
        yield rows[pos + 2].line.index, found
        pos += 2


def _in_menu_above(rows: list[HeaderLine], title_pos: int, names: list[str]) -> bool:
    """Whether a row above the headline, not itself a line of names, holds all of ``names``: a section the
    breadcrumb or the menu names (``Home >> Recipes >> Cake Recipes``), not a writer."""
    for info in rows[: max(title_pos, 0)]:
        text = info.line.clean
        if all(name in text for name in names) and not au.bare_names(text):
            return True
    return False


def _names_continued(rows: list[HeaderLine], pos: int) -> Iterator[tuple[int, list[str]]]:
    """The names of the lines that go on with a bare name line's list: a line opening with ``and`` or ``&``
    (``Jo Roe, Staff Attorney`` / ``& Al Ek, Director``), or, after a line that ends with a comma, a line of
    names (an author list printed one name a line: ``Jo Roe, PhD ,`` / ``Al Ek, PhD``)."""
    while pos + 1 < len(rows):
        text, following = rows[pos].line.clean, rows[pos + 1].line.clean
        more = _AND_MORE.compiled.match(following)
        if more:
            found = au.names_from(following[more.end() :])
        elif text.rstrip().endswith(","):
            found = au.bare_names(following.rstrip(" ,"))
        else:
            return
        if not found:
            return
        yield rows[pos + 1].line.index, found
        pos += 1


def _short_byline(
    rows: list[HeaderLine], pos: int, doubt: Callable[[int, list[str]], bool] | None
) -> list[str]:
    """The author of a line beside the date that holds no full name: an agency alone, a name run into the
    outlet, or a first name or handle that the layout model does not doubt (``Ingrid`` over ``Mar 3``), with
    the surname the page put on the next line (``Ingrid`` / ``Vasquez``)."""
    text = rows[pos].line.clean
    if au.is_agency(text):
        return [text]  # "The Associated Press" on its own line beside the date
    found = au.name_before_outlet(text)  # "Jo Roe The Harbour Courier"
    single = au.single_name(text) if not found else None
    if single is None or doubt is None or doubt(rows[pos].line.index, [single]):
        return found
    following = rows[pos + 1].line.clean.strip() if pos + 1 < len(rows) else ""
    joined = f"{single} {following}"
    return [joined if " " not in following and au.is_name(joined) else single]


def _teaser_stamps(rows: list[HeaderLine]) -> set[int]:
    """The indexes of the list items that hold a date, with or without names (``* May 2, 2023 Jo Roe``),
    when the header holds two or more and no two of them follow each other: a ``Recent Posts`` box or a
    list of events, one item over each post's headline, not the article's byline and date (the stamps of
    a byline's own list follow each other: ``* By Jo Roe`` / ``* May 2, 2023`` / ``* Updated May 3``)."""
    items = [
        pos
        for pos, info in enumerate(rows)
        if info.dates and (info.date_line or info.glued_names) and list_marker_width(info.line.text)
    ]
    if not is_box_of_posts(items):
        return set()
    return {rows[pos].line.index for pos in items}
