"""Counts in messages: "1 file", "2 files" (never "1 files")."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` with thousands separators and ``noun`` in the number it needs."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
