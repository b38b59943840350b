"""Where the evaluation kit's development sets are, for the benchmarks that measure on real dumps.

``shared/eval/dev`` sits beside the checkout, or beside a folder above it when the checkout is a git
worktree one level deeper.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def dev_folder() -> Path | None:
    """The ``shared/eval/dev`` folder, or None when the development sets are absent."""
    for parent in ROOT.parents:
        path = parent / "shared" / "eval" / "dev"
        if path.is_dir():
            return path
    return None
