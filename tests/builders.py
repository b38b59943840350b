"""Test helpers that build library objects by hand."""

from __future__ import annotations

from collections.abc import Iterable

from newsinspect.model import Article, Paragraph, Stats

# A short fictional dump (title, byline, date, a quote, a few names): the everyday input of many tests.
LIGHTHOUSE_DUMP = """\
Harbour Town Votes to Rebuild Old Lighthouse
By Tobias Wren
March 3, 2024
Residents of Port Alder voted on Saturday to rebuild the Gullpoint lighthouse, dark since a storm in 2019.
“This light guided my grandfather home, and it will guide our children,” said Mayor Ilse Brannock.
The Port Alder Council will now ask the Coastal Heritage Trust for funding, café owners said.
"""


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
