"""Regenerate the golden files from what the library outputs now: ``python -m tests.regen``.

An intended change of output lands as a reviewed diff of ``tests/golden/``: run this, read ``git diff
tests/golden``, and commit the goldens with the change that explains them. ``--check`` changes nothing
and exits 1 when a golden file would change (it names them). ``--add SAMPLE`` writes the goldens of a
new ``samples/SAMPLE.txt`` for every aspect.

    python -m tests.regen            # rewrite the goldens that differ
    python -m tests.regen --check    # list the goldens that differ, exit 1 if any
    python -m tests.regen --add wire_dateline
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsinspect.pipeline import inspect_source

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
# The fields each aspect's golden holds (a new golden gets these; an existing one keeps its own).
ASPECTS: dict[str, tuple[str, ...]] = {
    "parse": (
        "title", "subtitle", "authors", "published", "updated", "dateline", "captions", "paragraphs", "stats",
        "warnings",
    ),
    "quotes": ("quotes",),
    "entities": ("entities",),
}  # fmt: skip


def render(fields: dict[str, Any]) -> str:
    """The text of a golden file: stable key order as produced, two-space indent, UTF-8 as written."""
    return json.dumps(fields, indent=2, ensure_ascii=False) + "\n"


def golden_text(path: Path, keys: tuple[str, ...] | None = None) -> str:
    """What ``path`` (``golden/<aspect>/<sample>.json``) should hold for the current output."""
    record = inspect_source(str(ROOT / "samples" / f"{path.stem}.txt")).to_dict()
    if "error" in record:
        raise SystemExit(f"regen: {path.stem}: {record['error']}")
    if keys is None:
        keys = tuple(json.loads(path.read_text(encoding="utf-8")))
    return render({key: record[key] for key in keys})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.regen", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a golden differs")
    parser.add_argument("--add", metavar="SAMPLE", action="append", default=[], help="new sample")
    args = parser.parse_args(argv)
    targets: dict[Path, tuple[str, ...] | None] = {path: None for path in sorted(GOLDEN.glob("*/*.json"))}
    for sample in args.add:
        if not (ROOT / "samples" / f"{sample}.txt").exists():
            parser.error(f"no samples/{sample}.txt")
        for aspect, keys in ASPECTS.items():
            targets.setdefault(GOLDEN / aspect / f"{sample}.json", keys)
    changed = []
    for path, keys in targets.items():
        new = golden_text(path, keys)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if new == old:
            continue
        changed.append(path.relative_to(ROOT).as_posix())
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
    verb = "differ" if args.check else "rewritten"
    listing = "".join(f"\n  {name}" for name in changed)
    print(f"{len(changed)} golden file(s) {verb}{listing}", file=sys.stderr)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
