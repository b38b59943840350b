"""Helpers for the word lists of the quote rules."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` as a set (word lists read better as prose blocks)."""
    return frozenset(text.split())
