"""Quotes in the headline: reported apart from the body's quotes (kind "headline", paragraph None)."""

from __future__ import annotations

from newsinspect.model import Article, Quote
from newsinspect.quotes.scanner import scan_paragraph


def find_headline_quotes(article: Article, *, apostrophe_quotes: bool = False) -> tuple[Quote, ...]:
    """Quoted words in the title; no speaker, since a headline names none reliably. Never raises."""
    try:
        if article.title_span is None:
            return ()
        start, end = article.title_span
        title = article.text[start:end]
        return tuple(
            Quote(
                title[q.start : q.end],
                "headline",
                None,
                None,
                None,
                None,
                None,
                None,
                start + q.start,
                start + q.end,
            )
            for q in scan_paragraph(title, apostrophe_quotes=apostrophe_quotes)
            if q.close_mark is not None
        )
    except Exception:  # must never raise, like find_quotes
        return ()
