"""Cost of the layout model on the real development dumps, printed (never asserted).

    python benchmarks/bench_layout.py

Reports: the model's load time (JSON read and weights built, first use in a process), and the parse
stage's CPU time per dump (features, forward-backward, header rules, body) on the hand-cut dumps
(`naeb`, `web`) and the whole pages (`naeb-page`), with the layout model and with the rules alone.
Run it in a compiled install for the figures the issue asks about. The dev sets are read from
../shared/eval/dev/ relative to the repository; without them the script says so and exits.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


def main() -> int:
    if not DEV.is_dir():
        print(f"development sets not found at {DEV}")
        return 0
    from newsinspect.compiled import core_is_compiled
    from newsinspect.decode import decode_bytes
    from newsinspect.parse import crf, parse_article

    print(f"compiled core: {core_is_compiled()}")
    loads = []
    for _ in range(5):
        crf._LOADED.clear()
        started = time.perf_counter()
        crf.shipped_model()
        loads.append((time.perf_counter() - started) * 1000)
    print(f"model load: {statistics.median(loads):.1f} ms (median of 5)")
    for name in ("naeb", "web", "naeb-page"):
        texts = [decode_bytes(p.read_bytes()).text for p in sorted((DEV / name).glob("*.txt"))]
        for label, use_model in (("model", True), ("rules", False)):
            for text in texts[:20]:  # warm-up: caches, lazy patterns
                parse_article(text, use_model=use_model)
            started = time.process_time()
            for text in texts:
                parse_article(text, use_model=use_model)
            per = (time.process_time() - started) * 1000 / len(texts)
            print(f"{name:<10} {label:<6} parse {per:6.2f} ms CPU per dump ({len(texts)} dumps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
