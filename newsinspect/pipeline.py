"""The pipeline: decoded text -> parsed Article -> quotes and entities.

Pure library code: no typer or rich. Analysers are imported inside the functions that use them so
that a caller who only parses does not pay for loading them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsinspect.model import Article


@dataclass(frozen=True)
class Options:
    """What to compute. The defaults give the full record of ``show --json``."""

    dayfirst: bool = False  # read 03/04/2024 as 3 April rather than March 4
    quotes: bool = True
    entities: bool = True
    engine: str = "builtin"  # entity engine: "builtin" or "spacy"


def analyse_text(text: str, options: Options | None = None) -> Article:
    """Parse ``text`` and run the analysers ``options`` asks for."""
    from newsinspect.parse import parse_article

    options = options or Options()
    article = parse_article(text, dayfirst=options.dayfirst)
    if options.quotes:
        from newsinspect.quotes import find_quotes

        article = article.with_analysis(quotes=find_quotes(article))
    if options.entities:
        from newsinspect.entities import find_entities

        article = article.with_analysis(entities=find_entities(article, engine=options.engine))
    return article
