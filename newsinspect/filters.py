"""Selections users ask for on the command line (``--speaker``, ``--kind``, ``--type``), as pure functions."""

from __future__ import annotations

from collections.abc import Iterable

from newsinspect.model import Entity, Quote

ENTITY_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def filter_quotes(
    quotes: Iterable[Quote], *, speaker: str | None = None, kind: str | None = None
) -> tuple[Quote, ...]:
    """Quotes whose speaker (or the mention written at the attribution) contains ``speaker``, any case."""
    needle = speaker.casefold() if speaker else None
    selected = []
    for quote in quotes:
        if kind and quote.kind != kind:
            continue
        if needle is not None:
            names = [quote.speaker or "", quote.speaker_mention.text if quote.speaker_mention else ""]
            if not any(needle in name.casefold() for name in names):
                continue
        selected.append(quote)
    return tuple(selected)


def parse_entity_types(spec: str) -> frozenset[str]:
    """``"person, org"`` -> {"PERSON", "ORG"}; raises ValueError naming an unknown type."""
    wanted = frozenset(part.strip().upper() for part in spec.split(",") if part.strip())
    unknown = sorted(wanted - ENTITY_TYPES)
    if unknown:
        known = ", ".join(sorted(ENTITY_TYPES))
        raise ValueError(f"unknown entity type {', '.join(unknown)} (known: {known})")
    return wanted


def filter_entities(entities: Iterable[Entity], *, types: frozenset[str] | None = None) -> tuple[Entity, ...]:
    return tuple(e for e in entities if not types or e.type in types)
