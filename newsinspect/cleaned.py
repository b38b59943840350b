"""The cleaned article as plain text or Markdown: title, subtitle, byline, dates, then the body in page order
(headings, paragraphs, captions), without the page's clutter. The form people feed to other tools.

Pure library code, like the JSON record: nothing here is computed that the record does not carry.
"""

from __future__ import annotations

import re

from newsinspect.model import Article, Caption, Paragraph

# Characters Markdown would read as formatting inside a line, and line openings it reads as blocks.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+]\s|\d+[.)]\s|=+\s*$|-+\s*$)")


def byline(article: Article) -> str | None:
    if not article.authors:
        return None
    names = list(article.authors)
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"


def dates(article: Article) -> str | None:
    parts = []
    if article.published:
        parts.append(f"Published {article.published}")
    if article.updated and article.updated != article.published:
        parts.append(f"Updated {article.updated}")
    return " · ".join(parts) or None


def _body(article: Article) -> list[Paragraph | Caption]:
    """Paragraphs, headings and captions in the order the text gives them."""
    blocks: list[Paragraph | Caption] = [*article.paragraphs, *article.captions]
    return sorted(blocks, key=lambda block: block.start)


def _first_paragraph_text(article: Article, paragraph: Paragraph, first: bool) -> str:
    if first and article.dateline:
        return f"{article.dateline} — {paragraph.text}"  # the parser cut the dateline off: put it back
    return paragraph.text


def to_text(article: Article) -> str:
    """Plain text: one block per paragraph, blocks separated by a blank line."""
    head = [article.title, article.subtitle]
    meta = [byline(article), dates(article)]
    blocks = ["\n".join(line for line in head if line), "\n".join(line for line in meta if line)]
    first = True
    for block in _body(article):
        if isinstance(block, Caption):
            credit = f" ({block.credit})" if block.credit else ""
            blocks.append(f"[Caption: {block.text}{credit}]")
        else:
            blocks.append(_first_paragraph_text(article, block, first and block.kind == "paragraph"))
            first = first and block.kind != "paragraph"
    return "\n\n".join(block for block in blocks if block) + "\n"


def markdown_escape(text: str) -> str:
    """``text`` as literal Markdown: formatting characters escaped, a line never read as a block."""
    escaped = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(_escape_block, escaped)


def _escape_block(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1. first": the dot makes the list, so the dot is escaped
        digits = marker.rstrip(".) \t")
        return match.group(1) + digits + "\\" + marker[len(digits) :]
    return match.group(1) + "\\" + marker


def to_markdown(article: Article) -> str:
    """Markdown: the title as ``#``, headings as ``##``, captions as block quotes."""
    blocks: list[str] = []
    if article.title:
        blocks.append(f"# {markdown_escape(article.title)}")
    if article.subtitle:
        blocks.append(f"*{markdown_escape(article.subtitle)}*")
    meta = [markdown_escape(line) for line in (byline(article), dates(article)) if line]
    if meta:
        blocks.append("  \n".join(meta))  # two spaces: a line break inside one paragraph
    first = True
    for block in _body(article):
        if isinstance(block, Caption):
            credit = f" — {markdown_escape(block.credit)}" if block.credit else ""
            blocks.append(f"> {markdown_escape(block.text)}{credit}")
        elif block.kind == "heading":
            blocks.append(f"## {markdown_escape(block.text)}")
        else:
            blocks.append(markdown_escape(_first_paragraph_text(article, block, first)))
            first = False
    return "\n\n".join(blocks) + "\n"
