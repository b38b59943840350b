"""Span and Entity write their __init__ out (for speed, compiled): they behave as the generated ones would."""

from __future__ import annotations

import dataclasses

import pytest

from newsinspect.model import Entity, Span


def test_span_and_entity_stay_frozen_dataclasses() -> None:
    span = Span("Ann Okafor", 4, 14)
    entity = Entity(name="Ann Okafor", type="PERSON", count=1, aliases=(), mentions=(span,))
    assert entity.quotes == 0  # the default
    assert span == Span(text="Ann Okafor", start=4, end=14) and hash(span) == hash(Span("Ann Okafor", 4, 14))
    assert repr(span) == "Span(text='Ann Okafor', start=4, end=14)"
    assert dataclasses.replace(entity, quotes=2) == Entity("Ann Okafor", "PERSON", 1, (), (span,), 2)
    assert entity.to_dict() == {
        "name": "Ann Okafor",
        "type": "PERSON",
        "count": 1,
        "aliases": [],
        "mentions": [{"text": "Ann Okafor", "start": 4, "end": 14}],
        "quotes": 0,
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.quotes = 1  # type: ignore[misc]
