"""Named entities in an article: a fast built-in engine and an optional spaCy engine, one interface."""

from __future__ import annotations

from newsinspect.errors import NewsinspectError
from newsinspect.model import Article, Entity
from newsinspect.text.article import ArticleText

ENGINES = ("builtin", "spacy")


class UnknownEngineError(NewsinspectError, ValueError):
    """An engine name that is neither "builtin" nor "spacy"."""


def find_entities(
    article: Article, engine: str = "builtin", text: ArticleText | None = None
) -> tuple[Entity, ...]:
    """People, organisations, places and groups in the title, captions and paragraphs of ``article``.

    One entry per entity (short forms merged into the full name), sorted by mention count, then by
    first position. ``text``: the article's text layer when the caller has made it already (the
    pipeline shares one between the analysers). Raises ``EngineUnavailableError`` when
    ``engine="spacy"`` is not installed.
    """
    if engine == "builtin":
        from newsinspect.entities.engine_builtin import find_entities_builtin

        return find_entities_builtin(article, text)
    if engine == "spacy":
        from newsinspect.entities.engine_spacy import find_entities_spacy

        return find_entities_spacy(article, text)
    raise UnknownEngineError(f"unknown entity engine {engine!r}: choose one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "UnknownEngineError", "find_entities"]
