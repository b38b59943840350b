"""The language knowledge of newsinspect, written down once: word lists as data files, and gazetteers.

Every hand-made word list lives in ``data/<name>.txt``: one entry per line, ``#`` starts a comment, the
file opens with a header saying what the list is for and where its entries come from. A multi-word entry
is a phrase and stays one entry ("first lady"). A line ``@include <other>`` adds every entry of another
list, so a list that combines others is built from them, never typed again.

``words(name)`` reads a list on first use and keeps it as a frozenset; later calls cost a dict look-up.
The modules that use a list bind it once at import (the analysers are imported lazily, on the first
article that needs them), so nothing here is read for a command that does not need it.
"""

from __future__ import annotations

import os
import re

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
_INCLUDE = "@include "
_cache: dict[str, frozenset[str]] = {}


class LexiconError(ValueError):
    """A list that does not exist or includes itself."""


def path_of(name: str) -> str:
    return os.path.join(DATA_DIR, name + ".txt")


def read_lines(name: str) -> list[str]:
    """The entry and ``@include`` lines of a list, comments and blank lines dropped, as written."""
    try:
        with open(path_of(name), encoding="utf-8") as handle:
            raw = handle.read().splitlines()
    except OSError as err:
        raise LexiconError(f"no word list {name!r} ({err.strerror})") from None
    lines = []
    for line in raw:
        entry = line.split("#", 1)[0] if not line.startswith("#") else ""
        if entry.strip():
            lines.append(entry.rstrip())
    return lines


def words(name: str) -> frozenset[str]:
    """The entries of list ``name`` (with those of the lists it includes), read once."""
    found = _cache.get(name)
    if found is None:
        found = _cache[name] = _load(name, ())
    return found


def _load(name: str, seen: tuple[str, ...]) -> frozenset[str]:
    if name in seen:
        raise LexiconError(f"word list {name!r} includes itself ({' -> '.join((*seen, name))})")
    entries: set[str] = set()
    for line in read_lines(name):
        if line.startswith(_INCLUDE):
            other = line[len(_INCLUDE) :].strip()
            entries |= _cache[other] if other in _cache else _load(other, (*seen, name))
        else:
            entries.add(line)
    return frozenset(entries)


def lower(name: str) -> frozenset[str]:
    """The entries of list ``name`` lowercased (for lists matched against lowercased text)."""
    key = name + ":lower"
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = frozenset(entry.lower() for entry in words(name))
    return found


def single_words(entries: frozenset[str]) -> frozenset[str]:
    """The one-word entries of a list (phrases are matched word by word elsewhere)."""
    return frozenset(entry for entry in entries if " " not in entry)


def phrases(entries: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The multi-word entries as word tuples, longest first (then alphabetical), for token matching."""
    found = [tuple(entry.split()) for entry in entries if " " in entry]
    return tuple(sorted(found, key=lambda phrase: (-len(phrase), phrase)))


def alternation(entries: frozenset[str] | tuple[str, ...], space: str = " ") -> str:
    """A regex alternation matching any entry literally, longest first so a phrase beats its prefix;
    ``space`` is what the space between a phrase's words matches (``r"\\s+"``: any white space).

    Patterns are built with it from the list they stand for: an entry added to the list is matched by
    them at once.
    """
    ordered = sorted(entries, key=lambda entry: (-len(entry), entry))
    return "|".join(space.join(re.escape(word) for word in entry.split(" ")) for entry in ordered)


def required_words(entries: frozenset[str]) -> tuple[str, ...]:
    """Words such that every entry contains one of them (as a substring): a pre-check built from a list.

    Entries are taken shortest first; one not yet covered contributes its longest word. A text in
    which none of these occur can hold no entry, so a slower pattern for the list may be skipped.
    """
    chosen: list[str] = []
    for entry in sorted(entries, key=lambda entry: (len(entry), entry)):
        if not any(word in entry for word in chosen):
            chosen.append(max(entry.split(" "), key=len))
    return tuple(sorted(chosen))


def table(name: str) -> dict[str, str]:
    """A list whose entries are ``key = value`` pairs (time-zone offsets, month numbers), as a dict."""
    pairs = {}
    for line in read_lines(name):
        key, sep, value = line.partition(" = ")
        if not sep:
            raise LexiconError(f"word list {name!r}: {line!r} is not 'key = value'")
        pairs[key.strip()] = value.strip()
    return pairs


def names() -> list[str]:
    """The names of all the lists in ``data/``."""
    return sorted(f[:-4] for f in os.listdir(DATA_DIR) if f.endswith(".txt"))
