"""The article parser: decoded text in, Article out (pure; no typer or rich).

The work is done in small modules: lines (offsets), clutter, title, authors, dates, captions,
dateline, headings and stats. ``parse_article`` never raises on any ``str``.
"""

from __future__ import annotations

from newsinspect.model import Article, Stats
from newsinspect.parse.assemble import assemble

__all__ = ["parse_article"]


def parse_article(text: str, *, dayfirst: bool = False) -> Article:
    """Parse a decoded article dump. Offsets in the result point into ``text`` unchanged."""
    if not isinstance(text, str):  # defensive: the contract is str, but never raise
        text = str(text)
    try:
        return assemble(text, dayfirst=dayfirst)
    except Exception as exc:
        return Article(
            title=None,
            subtitle=None,
            authors=(),
            published=None,
            updated=None,
            dateline=None,
            captions=(),
            paragraphs=(),
            stats=Stats(0, 0, 0, 0.0),
            warnings=(f"parser error: {type(exc).__name__}: {exc}",),
            text=text,
        )
