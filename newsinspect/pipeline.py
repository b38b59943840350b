"""The pipeline: bytes -> decoded text -> parsed Article -> text layer -> quotes and entities -> Record.

Pure library code: no typer or rich. Analysers are imported inside the functions that use them so
that a caller who only parses does not pay for loading them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import BinaryIO

from newsinspect.decode import Decoded, decode_bytes
from newsinspect.errors import InputError
from newsinspect.html import looks_like_html
from newsinspect.model import Article, Record
from newsinspect.sources import DEFAULT_MAX_BYTES, read_source


@dataclass(frozen=True)
class Options:
    """What to compute. The defaults give the full record of ``show --json``."""

    dayfirst: bool = False  # read 03/04/2024 as 3 April rather than March 4
    quotes: bool = True
    entities: bool = True
    engine: str = "builtin"  # entity engine: "builtin" or "spacy"
    apostrophe_quotes: bool = False  # read '' … '' as double quotation marks (newswire archives)
    max_bytes: int = DEFAULT_MAX_BYTES


def analyse_text(text: str, options: Options | None = None) -> Article:
    """Parse ``text`` and run the analysers ``options`` asks for."""
    from newsinspect.parse import parse_article

    options = options or Options()
    return _analyse(parse_article(text, dayfirst=options.dayfirst), options)


def analyse_html(html: str, options: Options | None = None) -> Article:
    """Render an HTML page to text, parse that text, weigh in the page's own metadata, then analyse.

    Offsets point into the rendered text (``Article.text``). Raises EmptyInputError for a page without text.
    """
    from newsinspect.html.combine import combine
    from newsinspect.html.page import read_page
    from newsinspect.parse import parse_article

    options = options or Options()
    page = read_page(html)
    article = combine(parse_article(page.text, dayfirst=options.dayfirst), page.meta)
    article = replace(article, warnings=page.warnings + article.warnings)
    return replace(_analyse(article, options), format="html", url=page.meta.url)


def _analyse(article: Article, options: Options) -> Article:
    # Entities come first: the people they name are the index the quote finder names speakers by, and
    # each entity's quote count needs the quotes. Quotes alone still run the entity engine for the index.
    entities = None
    if options.entities or options.quotes:
        from newsinspect.entities import find_entities
        from newsinspect.text.article import ArticleText

        # The text layer: what both analysers read of the text, each piece worked out once, when first asked.
        layer = ArticleText(article)
        entities = find_entities(article, engine=options.engine, text=layer)
    if options.quotes:
        from newsinspect.people import People, credit_quotes
        from newsinspect.quotes import find_quotes_with_warnings

        people = People.from_entities(entities or ())
        quotes, warnings = find_quotes_with_warnings(
            article, apostrophe_quotes=options.apostrophe_quotes, people=people
        )
        article = article.with_analysis(quotes=quotes, warnings=warnings)
        if entities is not None:
            entities = credit_quotes(entities, quotes)
    if options.entities and entities is not None:
        article = article.with_analysis(entities=entities)
    return article


def analyse_bytes(data: bytes, options: Options | None = None) -> Article:
    """Decode and analyse one input; decoding warnings come first in ``warnings``."""
    decoded = decode_bytes(data)
    if looks_like_html(decoded.text):
        decoded = _page_charset(data, decoded)
        article = analyse_html(decoded.text, options)
    else:
        # The text is all the analysis reads: the input's bytes (freed here when the caller handed them
        # over, as ``inspect_source`` does) are not held through it, a whole copy of the input.
        del data
        article = analyse_text(decoded.text, options)
    if decoded.warnings:
        article = replace(article, warnings=decoded.warnings + article.warnings)
    return article


def _page_charset(data: bytes, decoded: Decoded) -> Decoded:
    """A page that is not UTF-8 is decoded with the character set it declares, when it declares one."""
    if decoded.encoding.startswith("utf"):
        return decoded
    from newsinspect.html.page import declared_charset

    charset = declared_charset(data)
    if charset is None:
        return decoded
    try:
        return Decoded(data.decode(charset), charset)
    except UnicodeDecodeError:
        return decoded


def inspect_source(path: str, options: Options | None = None, *, stdin: BinaryIO | None = None) -> Record:
    """Read, decode and analyse one input. An unreadable or non-text input gives an error Record.

    Only InputError becomes a record here: anything else is a bug and propagates to the caller.
    """
    options = options or Options()
    try:
        return Record(
            path, analyse_bytes(read_source(path, stdin=stdin, max_bytes=options.max_bytes), options)
        )
    except InputError as err:
        return Record(path, error=str(err))
