"""Put the pieces together: header metadata, title, then body paragraphs, headings and captions."""

from __future__ import annotations

from newsinspect.model import Article, Paragraph
from newsinspect.parse.body import body_blocks
from newsinspect.parse.byline import find_authors
from newsinspect.parse.clutter import is_teaser_age
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.dates import infer_dayfirst
from newsinspect.parse.header import (
    HEADER_LINES,
    classify,
    date_roles,
    header_rows,
    late_date,
    title_candidates,
)
from newsinspect.parse.lines import split_lines
from newsinspect.parse.stats import compute_stats
from newsinspect.parse.title import choose_title


def assemble(text: str, *, dayfirst: bool) -> Article:
    """The Article for ``text``: header first (title, authors, dates), then the body."""
    lines = split_lines(text)
    if not dayfirst:
        dayfirst = infer_dayfirst([line.clean for line in lines[:HEADER_LINES]])
    header = classify(lines, dayfirst)
    warnings: list[str] = []

    rows = header_rows(header)
    anchor = next((h.line.index for h in rows if h.byline or h.by_alone or h.glued_names), None)
    if anchor is None:
        anchor = next((h.line.index for h in rows if h.date_line), None)
    # stacked headline lines may have widgets between them, but not the age line of a teaser
    stacked = [h for h in header if not h.clutter or is_teaser_age(h.line.clean)]
    row_of = {info.line.index: pos for pos, info in enumerate(stacked)}
    title, dek = choose_title(title_candidates(rows, anchor), anchor, row_of)
    names, author_lines = find_authors(rows, title.index if title else -1)
    published, updated = date_roles(rows)
    meta_lines = {h.line.index for h in header if h.is_meta} | author_lines
    relative = any(h.relative for h in rows)
    if published is None and not relative:
        published = late_date(lines, meta_lines, dayfirst)
    if published is None and any(h.relative for h in header):
        stamp = next(h.line.clean for h in header if h.relative)
        warnings.append(f"relative date {stamp!r} gives no absolute date; published left empty")

    paragraphs, captions = body_blocks(lines, title, dek, meta_lines)
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
    if lines and not any(p.kind == "paragraph" for p in paragraphs):
        warnings.append("no article paragraphs found")

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
