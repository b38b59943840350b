"""Put the pieces together: header metadata, title, then body paragraphs, headings and captions."""

from __future__ import annotations

import re

from newsinspect.model import Article, Caption, Paragraph, ParagraphKind
from newsinspect.parse import authors as au
from newsinspect.parse.captions import credit_only, match_caption
from newsinspect.parse.clutter import is_clutter, is_end_marker
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.dates import FoundDate, fallback_date, find_dates, infer_dayfirst
from newsinspect.parse.header import HEADER_LINES, HeaderLine, classify, date_roles
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import Line, split_lines
from newsinspect.parse.stats import compute_stats
from newsinspect.parse.title import choose_title, looks_like_headline

_AUTHOR_REACH = 2  # rows between a bare name and the date line that vouches for it


def _find_authors(rows: list[HeaderLine], title_index: int) -> tuple[list[str], set[int]]:
    """Author names and the indexes of the lines they came from (``rows``: non-clutter header lines)."""
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
            more = _AND_MORE.match(following)
            if more:  # "By Jane Roe" / "and Al Ek": the byline goes on on the next line
                add(au.names_from(following[more.end() :]), rows[pos + 1].line.index)
        elif info.by_alone and pos + 1 < len(rows):
            used.add(info.line.index)
            following = au.strip_profile_words(rows[pos + 1].line.clean)
            found = au.names_from(following) or au.organisation(following)
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
        if not _near_stamp(rows, pos) and pos - title_pos > _AUTHOR_REACH:
            continue
        found = au.bare_names(info.line.clean)
        if not found and _near_stamp(rows, pos, reach=1) and au.is_agency(info.line.clean):
            found = [info.line.clean]  # "The Associated Press" on its own line beside the date
        if found:
            add(found, info.line.index)
            break
    return names, used


def _near_stamp(rows: list[HeaderLine], pos: int, reach: int = _AUTHOR_REACH) -> bool:
    """A date line (or byline) within a couple of rows: what makes a bare name an author line."""
    low, high = max(0, pos - reach), min(len(rows), pos + reach + 1)
    return any(rows[p].is_meta for p in range(low, high) if p != pos)


_LONG_LINE_WORDS = 25
_FOOTER_WORDS = 3
_AND_MORE = re.compile(r"^(?:and|&)\s+(?=[A-Z])")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")


def _header_rows(header: list[HeaderLine], long_limit: int = 2) -> list[HeaderLine]:
    """Non-clutter header lines up to the second long (paragraph-sized) line: the body starts there."""
    rows: list[HeaderLine] = []
    long_lines = 0
    for info in header:
        if info.clutter:
            continue
        if len(info.line.text.split()) >= _LONG_LINE_WORDS and not info.caption:
            long_lines += 1
            if long_lines == long_limit:
                break
        rows.append(info)
    if long_limit == 2 and not any(r.is_meta for r in rows):
        return _header_rows(header, 4)  # no byline or date yet: a promo paragraph may sit above the headline
    return rows


def _title_candidates(rows: list[HeaderLine], anchor: int | None) -> list[Line]:
    """Header lines that could be the headline: not metadata or captions.

    Name-like lines near a date (``Jane Roe`` above ``Dec 2, 2023``) are left out too, unless
    nothing else could be the headline.
    """
    out: list[Line] = []
    names: set[int] = set()
    for pos, info in enumerate(rows):
        if info.is_meta or info.caption or not looks_like_headline(info.line):
            continue
        text = info.line.clean
        beside = [rows[p] for p in (pos - 1, pos + 1) if 0 <= p < len(rows)]
        if any(r.date_line or r.relative for r in beside) and len(text.split()) <= 3:
            continue
        if _near_stamp(rows, pos, reach=3) and au.bare_names(text):
            names.add(info.line.index)
        out.append(info.line)
    others = [c for c in out if c.index not in names]
    if any(anchor is None or c.index < anchor for c in others):
        return others
    return out


def assemble(text: str, *, dayfirst: bool) -> Article:
    lines = split_lines(text)
    if not dayfirst:
        dayfirst = infer_dayfirst([line.clean for line in lines[:HEADER_LINES]])
    header = classify(lines, dayfirst)
    warnings: list[str] = []

    rows = _header_rows(header)
    anchor = next((h.line.index for h in rows if h.byline or h.by_alone or h.glued_names), None)
    if anchor is None:
        anchor = next((h.line.index for h in rows if h.date_line), None)
    row_of = {info.line.index: pos for pos, info in enumerate(rows)}
    title, dek = choose_title(_title_candidates(rows, anchor), anchor, row_of)
    names, author_lines = _find_authors(rows, title.index if title else -1)
    published, updated = date_roles(rows)
    meta_lines = {h.line.index for h in header if h.is_meta} | author_lines
    relative = any(h.relative for h in rows)
    if published is None and not relative:
        published = _late_date(lines, meta_lines, dayfirst)
    if published is None and any(h.relative for h in header):
        stamp = next(h.line.clean for h in header if h.relative)
        warnings.append(f"relative date {stamp!r} gives no absolute date; published left empty")

    paragraphs, captions = _body(lines, title, dek, meta_lines)
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

    return Article(
        title=title.text if title else None,
        subtitle=dek.text if dek else None,
        authors=tuple(names),
        published=published.iso if published else None,
        updated=updated.iso if updated else None,
        dateline=dateline,
        captions=tuple(captions),
        paragraphs=tuple(paragraphs),
        stats=compute_stats(p.text for p in paragraphs if p.kind == "paragraph"),
        warnings=tuple(warnings),
        text=text,
        title_span=(title.start, title.end) if title else None,
    )


def _late_date(lines: list[Line], meta_lines: set[int], dayfirst: bool) -> FoundDate | None:
    """A stamp line further down (some pages print the date after the article), else dateutil's guess."""
    for line in lines:
        text = line.clean
        if len(text) > 80 or line.index in meta_lines:
            continue
        lowered = text.lower()
        if not any(word in lowered for word in ("published", "posted", "updated", "date")):
            continue
        found = find_dates(text, dayfirst=dayfirst)
        if found:
            return found[0]
        guess = fallback_date(text, dayfirst=dayfirst)
        if guess:
            return FoundDate(guess, 0, len(text))
    return None


def _body(
    lines: list[Line], title: Line | None, dek: Line | None, meta_lines: set[int]
) -> tuple[list[Paragraph], list[Caption]]:
    first = title.index + 1 if title else 0
    skip = set(meta_lines)
    if dek:
        skip.add(dek.index)
        first = max(first, dek.index + 1) if dek.index - first < 3 else first
    title_text = title.text if title else None
    kept: list[Line] = []
    captions: list[Caption] = []
    seen_paragraph = False
    for line in lines[first:]:
        text = line.clean
        if line.index in skip or text == title_text or is_clutter(text):
            if seen_paragraph and len(text) < 60 and is_end_marker(text) and len(kept) >= 2:
                break
            continue
        credit = credit_only(line.text)
        if credit:
            # a bare credit line belongs to the caption line right above it, if there is one
            if kept and kept[-1].index == line.index - 1 and len(kept[-1].text.split()) < 60:
                owner = kept.pop()
                captions.append(Caption(owner.text, credit, owner.start, owner.end))
            else:
                captions.append(Caption(line.text, credit, line.start, line.end))
            continue
        caption = match_caption(line.text)
        if caption:
            captions.append(
                Caption(
                    line.text[caption.text_start : caption.text_end],
                    caption.credit,
                    line.start + caption.text_start,
                    line.start + caption.text_end,
                )
            )
            continue
        if not seen_paragraph:
            if len(text.split()) < 8 and not text.rstrip('”"’').endswith((".", "!", "?")):
                continue  # furniture between the header and the first real paragraph
            seen_paragraph = True
        kept.append(line)
    while kept and len(kept[-1].text.split()) <= _FOOTER_WORDS and not _ENDS_SENTENCE.search(kept[-1].text):
        kept.pop()  # a section name or link label after the last paragraph ("Lifestyle")
    paragraphs: list[Paragraph] = []
    for pos, line in enumerate(kept):
        follows = pos + 1 < len(kept)
        kind: ParagraphKind = "heading" if follows and is_heading(line.clean) else "paragraph"
        paragraphs.append(Paragraph(line.text, kind, line.start, line.end))
    return paragraphs, captions
