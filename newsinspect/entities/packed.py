"""Gazetteer look-ups packed into a few hundred strings, for a fast start.

Loading 20,000 names into a dict or a set costs ~5 ms (every name is hashed and inserted); loading a
few hundred strings is a memory copy (~0.4 ms). Each string (a bucket) holds the names that share
their first two characters as ``"\\nname\\tvalue"`` entries, and a look-up searches one bucket with
``str.find``. Answers are remembered, so a word seen before costs one dict look-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set

_MEMO_LIMIT = 20_000  # about 2 MB: a batch of millions of articles keeps memory flat


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


class _Packed:
    __slots__ = ("_buckets", "_memo")

    def __init__(self, buckets: dict[str, str]) -> None:
        self._buckets = buckets
        self._memo: dict[str, str | None] = {}

    @property
    def buckets(self) -> dict[str, str]:
        return self._buckets

    def forget(self) -> None:
        """Empty the memory of answers (benchmarks use it to time a cold start)."""
        self._memo.clear()

    def __contains__(self, name: object) -> bool:
        try:
            return self._memo[name] is not None  # type: ignore[index]
        except (KeyError, TypeError):
            return isinstance(name, str) and self._search(name) is not None

    def _value(self, name: str) -> str | None:
        try:
            return self._memo[name]
        except KeyError:
            return self._search(name)

    def _search(self, name: str) -> str | None:
        memo = self._memo
        value = None
        bucket = self._buckets.get(_bucket_of(name))
        if bucket is not None and "\n" not in name and "\t" not in name:
            needle = f"\n{name}\t"
            found = bucket.find(needle)
            if found >= 0:
                found += len(needle)
                value = bucket[found : bucket.index("\n", found)]
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[name] = value
        return value

    def _items(self) -> Iterator[tuple[str, str]]:
        for bucket in self._buckets.values():
            for entry in bucket[1:-1].split("\n"):
                name, _, value = entry.partition("\t")
                yield name, value

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
        try:
            value = self._memo[name]
        except KeyError:
            value = self._search(name)
        return default if value is None else value

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items())


class PackedSet(_Packed, Set[str]):
    """A read-only set of names (given names)."""

    __slots__ = ()

    @classmethod
    def from_names(cls, names: Iterable[str]) -> PackedSet:
        return cls(pack((name, "") for name in names))

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items())
