"""Regex helpers that keep the parser cheap to import and to run.

``LazyPattern`` compiles on first use: a pattern for a rare shape costs nothing until a line needs
it (compiling all of them took most of the import time). ``fold`` lower-cases a line for cheap
substring pre-checks in front of case-insensitive patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache


def fold(text: str) -> str:
    """``text`` lower-cased so that wherever a case-insensitive pattern made of ASCII words matches
    ``text``, those words occur in the result: a pre-check that never rules out a real match."""
    # several pre-checks fold the same header line: cached, but not for long texts (memory stays small)
    return _fold_cached(text) if len(text) <= _CACHED_LENGTH else _fold(text)


def _fold(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    # characters a case-insensitive pattern matches to an ASCII letter although ``str.lower`` does not
    # turn them into it: dotless i, long s, and the combining dot that ``"İ".lower()`` leaves behind
    return lowered.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


_CACHED_LENGTH = 400
_fold_cached = lru_cache(maxsize=1024)(_fold)


class LazyPattern:
    """A compiled regex built on first use; ``.compiled`` is the ``re.Pattern``."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled
