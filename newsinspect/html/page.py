"""An HTML page to text: inscriptis renders it (as the team's text dumps were rendered), keeping the page's
line structure, and the page's own metadata is read from the same parse tree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsinspect.errors import EmptyInputError
from newsinspect.html.meta import PageMeta, read_meta
from newsinspect.html.tables import oversized_tables, render_cell_by_cell

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)


@dataclass(frozen=True)
class Page:
    text: str  # the rendered text: every offset of the record points into it
    meta: PageMeta


def read_page(html: str) -> Page:
    """Render ``html`` and read its metadata. Raises EmptyInputError when the page shows no text."""
    from inscriptis import Inscriptis
    from lxml.etree import ParserError
    from lxml.html import document_fromstring

    # lxml refuses a str that still declares its byte encoding; the text is decoded already
    source = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = document_fromstring(source)
    except (ParserError, ValueError):
        raise EmptyInputError("HTML page holds no text") from None
    meta = read_meta(tree)
    for table in oversized_tables(tree):
        render_cell_by_cell(table)
    text = str(Inscriptis(tree).get_text())
    if not text.strip():
        if _depth(tree) >= _PARSER_DEPTH:
            raise EmptyInputError(
                f"HTML page nested over {_PARSER_DEPTH} elements deep: the HTML parser keeps no text below"
            )
        raise EmptyInputError("HTML page holds no text")
    return Page(text, meta)


# libxml2's HTML parser keeps no element nested deeper than this (about 255): a page of deeper markup
# reaches newsinspect without the text below that level.
_PARSER_DEPTH = 250


def _depth(tree: Any) -> int:
    """How deep the parsed tree's elements go (asked only of a page that showed no text)."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


# (The tag ends at the next "<" too, so that a search from every "<meta" of a page without ">" stays linear.)
_CHARSET = re.compile(rb"<meta[^<>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def declared_charset(data: bytes) -> str | None:
    """The character set a page declares in a <meta> tag near its start, if Python knows it."""
    import codecs

    found = _CHARSET.search(data[:4096])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
