"""Put the pieces together: the layout model, header metadata, title, then body paragraphs and captions.

The layout model (``parse/layout.py``) says where the article is and which line is its headline; the
header rules then read bylines and dates from the lines around that headline, so that the menus and
teasers of a whole page never reach them. Without a model (or when it is unsure) the rules decide alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsinspect.model import Article, Paragraph
from newsinspect.parse.authors import (
    author_box,
    author_note,
    bare_names,
    byline_authors,
    doubtful_names,
    late_byline,
    name_with_description,
    names_in_byline,
    team_before,
    without_sections,
    without_units,
)
from newsinspect.parse.body import body_blocks, is_sentence
from newsinspect.parse.byline import find_authors
from newsinspect.parse.clutter import is_box_of_posts, is_clutter, is_teaser_age, list_marker_width
from newsinspect.parse.crf import LayoutModel, shipped_model
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.dates import (
    FoundDate,
    dashed_dates,
    find_dates,
    infer_dayfirst,
    is_relative_stamp,
    stamp_dates,
)
from newsinspect.parse.header import (
    HEADER_LINES,
    classify,
    date_roles,
    header_rows,
    late_date,
    title_candidates,
)
from newsinspect.parse.layout import TITLE_GATE, Layout, read_layout
from newsinspect.parse.lines import Line, split_lines
from newsinspect.parse.regex import LazyPattern
from newsinspect.parse.signature import (
    byline_after_article,
    introduction,
    listed_byline,
    named_biography,
    reviewer,
    site_owner,
    titled_byline,
)
from newsinspect.parse.stats import compute_stats
from newsinspect.parse.title import choose_title, dek_after

OUT_GATE = 0.9  # a line is page furniture only when the model is this sure (and it is no sentence)
HEADER_BEFORE_TITLE = 3  # lines above the model's headline that the header rules still read


def _layout(lines: list[Line], dayfirst: bool, model: LayoutModel | None, use_model: bool) -> Layout | None:
    if not use_model or not lines:
        return None
    model = model or shipped_model()
    if model is None:
        return None
    return read_layout(lines, dayfirst, model)


BYLINE_REACH = 15  # lines around the headline where the model's bylines are read


def _model_bylines(lines: list[Line], layout: Layout, text: str) -> tuple[list[str], set[int]]:
    """Names from the lines near the headline that the model reads as bylines (the rules found none),
    without the sections such a line lists after them (``without_sections``)."""
    names: list[str] = []
    used: set[int] = set()
    for low, high in _around_headline(lines, layout.title):
        teasers = _teasers(lines, low, high)
        for pos in range(low, high):
            if layout.best(pos) != "byline" or is_clutter(lines[pos].clean) or pos in teasers:
                continue  # page furniture ("Save Article") is no byline, whatever the model reads
            if pos + 1 < len(lines) and _table_row(lines[pos]) and _table_row(lines[pos + 1]):
                continue  # a table's header row ("Part    Price"), over the table's rows
            found = names_in_byline(lines[pos].clean)
            found = without_sections(lines[pos].clean, team_before(lines[pos].clean, found) or found, text)
            if found:
                used.add(pos)
                names.extend(n for n in found if n not in names)
        if names:
            break
    return names, used


def _table_row(line: Line) -> bool:
    """Whether the line's words are cells apart: a run of spaces or a tab between them (``Part    Price``)."""
    return "  " in line.text or "\t" in line.text


def _teasers(lines: list[Line], low: int, high: int) -> set[int]:
    """The list items between ``low`` and ``high`` that hold a date, alone or with names (``* May 2, 2023 Jo
    Roe``), and the lines over and under each, when there are two or more and no two follow each other: a
    ``Recent Posts`` box or a list of events (its heading, each item's stamp and headline), not the
    article's byline (``clutter.is_box_of_posts``, as ``byline._teaser_stamps``)."""
    items = [pos for pos in range(low, high) if _dated_item(lines[pos])]
    if not is_box_of_posts(items):
        return set()
    return {near for pos in items for near in (pos - 1, pos, pos + 1)}


_DATED_ITEM_WORDS = 6  # words of a list item that is a date alone (``* March 16, 2026``)


def _dated_item(line: Line) -> bool:
    """A list item holding a date and names, or a date alone."""
    if not list_marker_width(line.text):
        return False
    text = line.clean
    if not find_dates(text):
        return False
    return len(text.split()) <= _DATED_ITEM_WORDS or bool(names_in_byline(text))


FAR_BYLINE = 0.9  # beyond the reach, a line is a byline only when the model is this sure


def _far_model_byline(lines: list[Line], layout: Layout) -> tuple[list[str], set[int]]:
    """Names from the first line past the reach under the headline that the model is sure is a byline (a
    long box of widgets or a table of contents may stand between the headline and the byline)."""
    for pos in range(layout.title + BYLINE_REACH + 1, len(lines)):
        if layout.best(pos) == "byline" and layout.prob(pos, "byline") >= FAR_BYLINE:
            found = names_in_byline(lines[pos].clean)
            if found:
                return found, {pos}
    return [], set()


def _around_headline(lines: list[Line], title: int) -> Iterator[tuple[int, int]]:
    """The reach around the headline, then around each later copy of it: on a whole page the headline is
    often printed at the top and again over the article, where the byline is. One at a time: the callers
    stop at the first that names someone, and a dump of one line repeated has a copy on every line."""
    yield max(0, title - BYLINE_REACH), min(len(lines), title + BYLINE_REACH + 1)
    text = lines[title].text
    for pos in range(title + BYLINE_REACH + 1, len(lines)):
        if lines[pos].text == text:
            yield max(0, pos - BYLINE_REACH), min(len(lines), pos + BYLINE_REACH + 1)


def _late_author(lines: list[Line], start: int) -> tuple[list[str], set[int]]:
    """The writer named by the first labelled author line under the headline (``Written by …`` after the
    article, an ``About the Author`` box), when the header named none."""
    for pos in range(start, len(lines)):
        following = lines[pos + 1].clean if pos + 1 < len(lines) else ""
        found = late_byline(lines[pos].clean, following)
        if found and not late_byline(lines[pos].clean):
            # a label alone over one writer a line, each described (``Jo Roe, senior editor …``)
            described = bool(name_with_description(following))
            for more in range(pos + 2, len(lines)):
                listed = name_with_description(lines[more].clean) if described else []
                if not listed:
                    break
                found.extend(name for name in listed if name not in found)
        if found:
            return found, {lines[pos].index}
    return [], set()


def _author_note(lines: list[Line], start: int, last_para: int) -> tuple[list[str], set[int]]:
    """The writer introduced by an author's note (``Jo Roe is a reporter for …``) after the article, or right
    under a line that is the name alone (an author box), when nothing else named one. The note may be the
    model's last paragraph when a list or a short line sets it apart from the story (``More Stories`` and
    its links): right under the story's own prose, it is the story's last word on someone."""
    for pos in range(start, len(lines)):
        found = author_note(lines[pos].clean)
        if not found:
            continue
        above = lines[pos - 1].clean if pos > 0 else ""
        set_apart = pos == last_para and (list_marker_width(above) > 0 or not is_sentence(above))
        if 0 <= last_para < pos or set_apart or above.strip() == found[0]:
            return found, {lines[pos].index}
    return [], set()


def _author_box(lines: list[Line], start: int, text: str) -> tuple[list[str], set[int]]:
    """The writer of an author box under the headline: a line holding the name alone over a biography that
    opens with it (``Jo Roe`` / ``Jo writes about …``), when nothing else named one."""
    for pos in range(start, len(lines) - 1):
        found = author_box(lines[pos].clean, lines[pos + 1].clean, text)
        if found:
            return found, {lines[pos].index}
    return [], set()


def _signed_elsewhere(lines: list[Line], title: int, last_para: int) -> tuple[list[str], set[int]]:
    """The writer named away from the header (``parse/signature.py``), the most direct sign first; each is
    asked only when the ones before it named no one."""
    found = byline_after_article(lines, last_para)
    if not found[0]:
        found = titled_byline(lines, title)
    if not found[0]:
        found = listed_byline(lines, title)
    if not found[0]:
        found = introduction(lines, title)
    if not found[0]:
        found = named_biography(lines)
    if not found[0]:
        found = reviewer(lines, title)
    if not found[0]:
        found = site_owner(lines)
    return found


def _date_beside(lines: list[Line], author_lines: set[int], dayfirst: bool) -> FoundDate | None:
    """The date on a short line right under or over a byline found outside the header rows (a whole page
    prints the article's byline and date together, far below the top), else on the byline itself
    (``Reviewed by Jo Roe, Editor, on May 2, 2024``)."""
    for index in sorted(author_lines):
        for pos in (index + 1, index - 1, index + 2, index - 2, index):
            limit = _BYLINE_LINE_LENGTH if pos == index else _STAMP_LINE_LENGTH
            if 0 <= pos < len(lines) and len(lines[pos].clean) <= limit:
                found = _stamp_or_dashed(lines[pos].clean, dayfirst)
                if found:
                    return found[0]
    return None


_STAMP_LINE_LENGTH = 80  # characters: a longer line is prose, whatever dates it mentions
_BYLINE_LINE_LENGTH = 120  # characters: a byline that carries its date (and a role) is longer than a stamp


def _stamp_or_dashed(text: str, dayfirst: bool) -> list[FoundDate]:
    """The dates of a stamp line, in the shapes ``find_dates`` reads or else as ``4-Mar-2024``."""
    return stamp_dates(text, dayfirst=dayfirst) or dashed_dates(text)


def _relative_beside(lines: list[Line], positions: set[int]) -> bool:
    """A relative stamp (``Published Tuesday 2:10PM``) within two lines of one of ``positions``: then
    the article's own stamp is relative, and a date near it is a caption's or a teaser's."""
    return any(
        is_relative_stamp(lines[pos].clean)
        for index in positions
        for pos in range(max(0, index - _RELATIVE_REACH), min(len(lines), index + _RELATIVE_REACH + 1))
    )


_RELATIVE_REACH = 2


def _stamp_under_name(lines: list[Line], layout: Layout, dayfirst: bool) -> FoundDate | None:
    """The date of a bare stamp line right under a byline or a line of bare names, above the model's first
    paragraph (the model lost the page's headline: a whole page prints ``Jo Roe`` over ``Dec 2, 2023``
    far from where it looked). Not when such pairs above the article give different dates (a box of
    other posts), nor beside a relative stamp."""
    # no paragraph at all: the model lost the article too, and the whole page is read
    first = next((pos for pos in range(len(lines)) if layout.best(pos) == "para"), len(lines))
    chosen: FoundDate | None = None
    for pos in range(1, first):
        text, above = lines[pos].clean, lines[pos - 1].clean
        if list_marker_width(text) or list_marker_width(above) or is_clutter(above):
            continue  # list items are a box of other posts
        found = _bare_stamp(text, dayfirst) or _bare_dashed(text)
        if found is None or not (byline_authors(above, wide=True) or bare_names(above)):
            continue
        if _relative_beside(lines, {pos}):
            return None
        if chosen is not None and chosen.iso[:10] != found.iso[:10]:
            return None
        chosen = chosen or found
    return chosen


def _bare_dashed(text: str) -> FoundDate | None:
    """``_bare_stamp`` for the ``4-Mar-2024`` shape."""
    found = dashed_dates(text) if len(text) <= _STAMP_LINE_LENGTH else []
    if found and sum(f.end - f.start for f in found) >= 0.5 * len(text):
        return found[0]
    return None


def _stamp_by_headline(lines: list[Line], title: int, dayfirst: bool) -> FoundDate | None:
    """The date of a short line that is mostly a date, as near the headline (or a copy of it) as the
    model's bylines are read, the nearest first."""
    text = lines[title].text
    copies = [title] + [pos for pos in range(title + 1, len(lines)) if lines[pos].text == text]
    for copy in copies[:_COPIES_READ]:
        for distance in range(1, BYLINE_REACH + 1):
            for pos in (copy - distance, copy + distance):
                found = _bare_stamp(lines[pos].clean, dayfirst) if 0 <= pos < len(lines) else None
                if found is not None:
                    return found
    return None


_COPIES_READ = 3  # copies of the headline looked around (a dump of one line repeated has one per line)


def _stamp_after_article(lines: list[Line], last_para: int, dayfirst: bool) -> FoundDate | None:
    """The date of a short line that is mostly a date, a few lines under the article's last paragraph
    (some pages print the stamp at the foot of the article); nothing else of the page gave one."""
    for pos in range(last_para + 1, min(len(lines), last_para + 1 + _FOOT_REACH)):
        found = _bare_stamp(_without_comment_count(lines[pos].clean), dayfirst, _FOOT_COVER)
        if found is not None:
            return found
    return None


_FOOT_COVER = (
    0.7  # under the article, the share of the line its dates must cover ("… 10:00 am Reply" is a comment)
)
# A count of comments closing a stamp line, after its last separator ("· 4 Comments", "| No Comments")
_COMMENT_COUNT = LazyPattern(r"\s*(?:\d+|(?i:no))\s+(?i:comments?)\s*")


def _without_comment_count(text: str) -> str:
    """``text`` without the count of comments that closes it (``May 3, 2021 · 4 Comments``: a post's
    stamp line, the count no part of the line's prose)."""
    cut = max(text.rfind(separator) for separator in "|•·-")
    if cut >= 0 and _COMMENT_COUNT.compiled.fullmatch(text, cut + 1):
        return text[:cut].rstrip()
    return text


_FOOT_REACH = 8  # lines under the last paragraph where a bare stamp is the article's


def _bare_stamp(text: str, dayfirst: bool, cover: float = 0.5) -> FoundDate | None:
    """The first date of ``text`` when the line is short and its dates cover at least ``cover`` of it (a
    stamp, not a sentence)."""
    if len(text) > _STAMP_LINE_LENGTH:
        return None
    found = stamp_dates(text, dayfirst=dayfirst)
    if found and sum(f.end - f.start for f in found) >= cover * len(text):
        return found[0]
    return None


def _model_date(lines: list[Line], layout: Layout, dayfirst: bool) -> FoundDate | None:
    """The first date on a line near the headline that the model reads as a date line or byline (the
    header rules found none: it may sit further above the headline than they look)."""
    for low, high in _around_headline(lines, layout.title):
        for pos in range(low, high):
            if layout.best(pos) in ("date", "byline"):
                found = stamp_dates(lines[pos].clean, dayfirst=dayfirst)
                if found:
                    return found[0]
    return None


def _outside_article(lines: list[Line], layout: Layout | None) -> tuple[set[int] | None, int]:
    """The lines the model puts outside the article, and the last line it reads as a paragraph.

    Only lines before the model's first paragraph or after its last one are dropped this way (menus,
    prompts, related lists and footers); between paragraphs the rules decide. A sentence the model
    doubts is kept: losing article text costs more than keeping a prompt.
    """
    if layout is None:
        return None, -1
    paras = [pos for pos in range(len(lines)) if layout.best(pos) == "para"]
    if not paras:
        return None, -1
    first, last = paras[0], paras[-1]
    outside = {
        pos
        for pos in range(len(lines))
        if (pos < first or pos > last)
        and layout.prob(pos, "out") >= OUT_GATE
        and not is_sentence(lines[pos].clean)
    }
    return outside, last


class _BylineDoubt:
    """``doubt(index, names)`` for ``find_authors``: whether the names of a bare line read as a label
    rather than a byline, given how sure the layout model is that the line is a byline."""

    def __init__(self, layout: Layout, text: str) -> None:
        self.layout = layout
        self.text = text

    def __call__(self, index: int, found: list[str]) -> bool:
        return doubtful_names(found, self.layout.prob(index, "byline"), self.text)


def assemble(
    text: str, *, dayfirst: bool, model: LayoutModel | None = None, use_model: bool = True
) -> Article:
    """The Article for ``text``: layout, header (title, authors, dates), then the body."""
    lines = split_lines(text)
    given_dayfirst = dayfirst
    if not dayfirst:
        dayfirst = infer_dayfirst([line.clean for line in lines[:HEADER_LINES]])
    layout = _layout(lines, dayfirst, model, use_model)
    sure = layout is not None and layout.title_prob >= TITLE_GATE
    start = max(0, layout.title - HEADER_BEFORE_TITLE) if layout is not None and sure else 0
    if start and not given_dayfirst:
        dayfirst = infer_dayfirst([line.clean for line in lines[start : start + HEADER_LINES]])
    header = classify(lines[start:], dayfirst)
    warnings: list[str] = []

    rows = header_rows(header)
    anchor = next((h.line.index for h in rows if h.byline or h.by_alone or h.glued_names), None)
    if anchor is None:
        anchor = next((h.line.index for h in rows if h.date_line), None)
    # stacked headline lines may have widgets between them, but not the age line of a teaser
    stacked = [h for h in header if not h.clutter or is_teaser_age(h.line.clean)]
    row_of = {info.line.index: pos for pos, info in enumerate(stacked)}
    title, dek = choose_title(title_candidates(rows, anchor), anchor, row_of)
    if layout is not None and sure:
        chosen = lines[layout.title]
        if title is None or chosen.index != title.index:
            # the dek: the headline-like line right under the model's headline, if it reads as one
            under = [c for c in title_candidates(rows, anchor) if c.index == chosen.index + 1]
            dek = under[0] if under and dek_after(chosen.text, under[0].text) else None
            title = chosen
    # An object, not a closure: compiled, a closure and its environment hold each other (a reference cycle
    # that only the collector frees, and the collector is paused while the parser runs).
    doubt = _BylineDoubt(layout, text) if layout is not None and sure else None
    names, author_lines = find_authors(rows, title.index if title else -1, doubt, text)
    if layout is not None and sure and not names:
        names, author_lines = _model_bylines(lines, layout, text)
    if layout is not None and sure and not names:
        names, author_lines = _far_model_byline(lines, layout)
    if not names:
        names, author_lines = _late_author(lines, title.index + 1 if title else 0)
    outside, last_para = _outside_article(lines, layout)
    if not names:
        names, author_lines = _author_note(lines, title.index + 1 if title else 0, last_para)
    if not names:
        names, author_lines = _author_box(lines, title.index + 1 if title else 0, text)
    if not names:
        names, author_lines = _signed_elsewhere(lines, title.index if title else -1, last_para)
    names = without_units(names)
    published, updated = date_roles(rows, title.index if title else -1)
    meta_lines = {h.line.index for h in header if h.is_meta} | author_lines
    # a relative stamp above the headline is the page's clock or a teaser's age, not the article's date
    headline_at = title.index if title else -1
    relative = any(h.relative and h.line.index > headline_at for h in rows)
    if published is None and (not relative or not _relative_beside(lines, author_lines)):
        published = _date_beside(lines, author_lines, dayfirst)
    if published is None and not relative and layout is not None and sure:
        published = _model_date(lines, layout, dayfirst)
    if published is None and not relative and layout is not None and sure:
        published = _stamp_by_headline(lines, layout.title, dayfirst)
    if published is None and not relative:
        published = late_date(lines, meta_lines, dayfirst)
    if published is None and not relative and last_para >= 0:
        published = _stamp_after_article(lines, last_para, dayfirst)
    if published is None and layout is not None and sure:
        published = _stamp_under_name(lines, layout, dayfirst)
    if published is None and any(h.relative for h in header):
        stamp = next(h.line.clean for h in header if h.relative)
        warnings.append(f"relative date {stamp!r} gives no absolute date; published left empty")

    paragraphs, captions = body_blocks(lines, title, dek, meta_lines, outside, last_para)
    dateline = None
    for pos, para in enumerate(paragraphs):
        if para.kind != "paragraph":
            continue
        split = split_dateline(para.text)
        if split:
            dateline, offset = split
            start = para.start + offset
            paragraphs[pos] = Paragraph(text[start : para.end], "paragraph", start, para.end)
        break
    if lines and title is None:
        warnings.append("no headline found")
    title_skip = list_marker_width(title.text) if title else 0
    if lines and not any(p.kind == "paragraph" for p in paragraphs):
        warnings.append("no article paragraphs found")

    return Article(
        title=title.text[title_skip:] if title else None,
        subtitle=dek.text[list_marker_width(dek.text) :] if dek else None,
        authors=tuple(names),
        published=published.iso if published else None,
        updated=updated.iso if updated else None,
        dateline=dateline,
        captions=tuple(captions),
        paragraphs=tuple(paragraphs),
        stats=compute_stats(p.text for p in paragraphs if p.kind == "paragraph"),
        warnings=tuple(warnings),
        text=text,
        title_span=(title.start + title_skip, title.end) if title else None,
    )
