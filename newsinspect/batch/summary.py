"""Counting a batch run: files processed, failures by reason, time and rate."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field

from newsinspect.plural import count

# "binary file (NUL bytes at offset 12)" and "internal error: ValueError: ..." share a reason with
# the other files that failed the same way: keep the words before the details.
_DETAILS = re.compile(r" \(|: ")


def failure_reason(error: str) -> str:
    """The kind of an error message, without the per-file details."""
    return _DETAILS.split(error, maxsplit=1)[0].strip() or "unknown error"


@dataclass
class RunSummary:
    processed: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output file (--resume)
    reasons: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None
    interrupted: bool = False

    def add(self, error: str | None) -> None:
        self.processed += 1
        if error is not None:
            self.failed += 1
            self.reasons[failure_reason(error)] += 1

    def finish(self, *, interrupted: bool = False) -> None:
        self.finished = time.perf_counter()
        self.interrupted = interrupted

    @property
    def seconds(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        """The summary for stderr, one fact a line."""
        state = "interrupted after" if self.interrupted else "processed"
        ok = self.processed - self.failed
        out = [
            f"{state} {count(self.processed, 'file')} in {self.seconds:.1f} s ({self.rate:,.0f} files/s): "
            f"{ok:,} ok, {self.failed:,} failed"
        ]
        if self.reasons:
            kinds = ", ".join(f"{reason} {count:,}" for reason, count in self.reasons.most_common())
            out.append(f"failed by reason: {kinds}")
        if self.skipped:
            out.append(f"skipped {count(self.skipped, 'file')} already in the output (--resume)")
        return out
