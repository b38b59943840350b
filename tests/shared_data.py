"""Where the team's shared seed dump is: in ``shared/seed/`` beside the repository root, or beside a folder
above it (a worktree sits one level deeper than the main checkout). Never a fixed absolute path, so the tests
run from any clone; where the dump is absent, the tests that need it skip and say why."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_92f7a0f3706d96b5.txt"


def _find_seed() -> Path | None:
    for folder in ROOT.parents:
        candidate = folder / "shared" / "seed" / SEED_NAME
        if candidate.is_file():
            return candidate
    return None


SEED = _find_seed()
MISSING = f"the shared seed dump is not here (looked for shared/seed/{SEED_NAME} beside {ROOT} and above it)"


def seed_path() -> Path:
    """The seed dump's path; skips the calling test when it is absent."""
    if SEED is None:
        pytest.skip(MISSING)
    return SEED
