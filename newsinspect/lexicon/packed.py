"""Gazetteer look-ups packed into a few hundred strings, for a fast start.

Loading 20,000 names into a dict or a set costs ~5 ms (every name is hashed and inserted); loading a
few hundred strings is a memory copy (~0.4 ms). Each string (a bucket) holds the names that share
their first two characters as ``"\\nname\\tvalue"`` entries, and a look-up searches one bucket with
``str.find``. Answers are remembered, so a word seen before costs one dict look-up. A bucket searched
often is unpacked into a dict once: a search scans the whole bucket (a miss, the common answer,
always does), so a batch of varied texts would rescan the big buckets for every new word, while
unpacking costs about as much as thirty scans and is done only for buckets in use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from typing import Final

_MEMO_LIMIT: Final = 20_000  # about 2 MB: a batch of millions of articles keeps memory flat
# Searches of one bucket before it is unpacked: a batch soon unpacks the buckets its words fall into
# (at most the whole gazetteer, ~3 MB), while one article unpacks few or none.
_UNPACK_AFTER: Final = 8
# The memo's marker for a name not asked about yet (compared by value): no value holds a newline (``pack``
# drops such entries).
_UNASKED: Final = "\n"


def _bucket_of(name: str) -> str:
    return name[:2]


def pack(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Buckets for ``(name, value)`` pairs (a name or value with a newline or tab could not be found)."""
    parts: dict[str, list[str]] = {}
    for name, value in entries:
        if "\n" in name + value or "\t" in name + value:
            continue
        parts.setdefault(_bucket_of(name), []).append(f"\n{name}\t{value}")
    return {bucket: "".join(sorted(items)) + "\n" for bucket, items in parts.items()}


def _unpack(bucket: str) -> dict[str, str]:
    fields = bucket[1:-1].replace("\n", "\t").split("\t")
    return dict(zip(fields[::2], fields[1::2], strict=True))


class _Packed:
    __slots__ = ("_buckets", "_memo", "_searches", "_unpacked")

    def __init__(self, buckets: dict[str, str]) -> None:
        self._buckets = buckets
        self._memo: dict[str, str | None] = {}
        self._unpacked: dict[str, dict[str, str]] = {}
        self._searches: dict[str, int] = {}

    @property
    def buckets(self) -> dict[str, str]:
        return self._buckets

    def forget(self) -> None:
        """Forget answers and unpacked buckets (benchmarks use it to time a cold start)."""
        self._memo.clear()
        self._unpacked.clear()
        self._searches.clear()

    # A memo miss is the common case for a new text: asked with dict.get and a marker, not by catching
    # KeyError (an exception costs far more than a look-up, compiled most of all).
    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        value = self._memo.get(name, _UNASKED)
        if value == _UNASKED:
            value = self._look_up(name)
        return value is not None

    def _value(self, name: str) -> str | None:
        value = self._memo.get(name, _UNASKED)
        return self._look_up(name) if value == _UNASKED else value

    def _look_up(self, name: str) -> str | None:
        key = _bucket_of(name)
        table = self._unpacked.get(key)
        if table is not None:
            value = table.get(name)
        else:
            bucket = self._buckets.get(key)
            value = None if bucket is None else self._search(key, bucket, name)
        memo = self._memo
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[name] = value
        return value

    def _search(self, key: str, bucket: str, name: str) -> str | None:
        searches = self._searches.get(key, 0) + 1
        if searches >= _UNPACK_AFTER:
            table = self._unpacked[key] = _unpack(bucket)
            return table.get(name)
        self._searches[key] = searches
        if "\n" in name or "\t" in name:
            return None
        needle = f"\n{name}\t"
        found = bucket.find(needle)
        if found < 0:
            return None
        found += len(needle)
        return bucket[found : bucket.index("\n", found)]

    def _items(self) -> Iterator[tuple[str, str]]:
        for bucket in self._buckets.values():
            yield from _unpack(bucket).items()

    def __len__(self) -> int:
        return sum(bucket.count("\n") - 1 for bucket in self._buckets.values())


class PackedMap(_Packed, Mapping[str, str]):
    """A read-only ``name -> value`` mapping (place name -> kind)."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, entries: Mapping[str, str]) -> PackedMap:
        return cls(pack(entries.items()))

    def __getitem__(self, name: str) -> str:
        value = self._value(name) if isinstance(name, str) else None
        if value is None:
            raise KeyError(name)
        return value

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = self._value(name)
        return default if value is None else value

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items())

    # Spelled out, not inherited from Mapping: a compiled (mypyc) class does not get the mixin's version.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedMap):
            return self._buckets == other._buckets
        if isinstance(other, Mapping):
            return dict(self._items()) == dict(other.items())
        return NotImplemented


class PackedSet(_Packed, Set[str]):
    """A read-only set of names (given names)."""

    __slots__ = ()

    @classmethod
    def from_names(cls, names: Iterable[str]) -> PackedSet:
        return cls(pack((name, "") for name in names))

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items())

    # Spelled out, not inherited from Set: a compiled (mypyc) class does not get the mixin's version.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedSet):
            return self._buckets == other._buckets
        if isinstance(other, Set):
            return set(self) == set(other)
        return NotImplemented

    # The subset tests too (``{"Ann", "Bo"} <= given_names`` asks the right side's ``__ge__``): each name of
    # the other set is looked up, never the whole gazetteer unpacked.
    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Set):
            return NotImplemented
        return all(name in self for name in other)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and all(name in other for name in self)
