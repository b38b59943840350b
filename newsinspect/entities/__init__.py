"""Named entities in an article: a fast built-in engine and an optional spaCy engine, one interface."""

from __future__ import annotations

from newsinspect.errors import NewsinspectError
from newsinspect.model import Article, Entity

ENGINES = ("builtin", "spacy")


class UnknownEngineError(NewsinspectError, ValueError):
    """An engine name that is neither "builtin" nor "spacy"."""


def find_entities(article: Article, engine: str = "builtin") -> tuple[Entity, ...]:
    """People, organisations, places and groups in the title, captions and paragraphs of ``article``.

    One entry per entity (short forms merged into the full name), sorted by mention count, then by
    first position. Raises ``EngineUnavailableError`` when ``engine="spacy"`` is not installed.
    """
    if engine == "builtin":
        from newsinspect.entities.engine_builtin import find_entities_builtin

        return find_entities_builtin(article)
    if engine == "spacy":
        from newsinspect.entities.engine_spacy import find_entities_spacy

        return find_entities_spacy(article)
    raise UnknownEngineError(f"unknown entity engine {engine!r}: choose one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "UnknownEngineError", "find_entities"]
