"""Test helpers that build library objects by hand."""

from __future__ import annotations

from collections.abc import Iterable

from newsinspect.model import Article, Paragraph, Stats


def article_from_paragraphs(paragraphs: Iterable[str], title: str = "A Title") -> Article:
    """An Article whose text is the title line then one line per paragraph (empty ones make blank lines)."""
    text = title + "\n"
    paras = []
    for paragraph in paragraphs:
        if paragraph:
            paras.append(Paragraph(paragraph, "paragraph", len(text), len(text) + len(paragraph)))
        text += paragraph + "\n"
    return Article(
        title or None,
        None,
        (),
        None,
        None,
        None,
        (),
        tuple(paras),
        Stats(0, 0, 0, 0.0),
        text=text,
        title_span=(0, len(title)) if title else None,
    )
