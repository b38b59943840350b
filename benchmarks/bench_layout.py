"""Cost of the layout model on the real development dumps, printed (never asserted).

    python benchmarks/bench_layout.py              # 3 rounds, medians
    python benchmarks/bench_layout.py --rounds 5

Reports: the model's load time (JSON read and weights built, first use in a process), and the parse
stage's CPU time per dump (features, forward-backward, header rules, body) on the hand-cut dumps
(`naeb`, `web`) and the whole pages (`naeb-page`), with the layout model and with the rules alone, and
the layout model's own share of it: the line facts alone (``line_facts``) and the whole layout reading
(facts, attributes, scores, forward-backward: ``read_layout``). Each figure is the median over the
rounds of CPU time (``time.process_time``: other load on a shared machine counts less). Run it in a
compiled install for the figures the issue asks about. The dev sets are read from ``shared/eval/dev``
beside the repository or a folder above it; without them the script says so and exits.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from devsets import ROOT, dev_folder


def _clear_caches() -> None:
    """Empty the parser's per-line caches (a round must not find the lines of the round before), so
    every round starts as a fresh process does once its patterns are compiled."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsinspect.parse"):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
        cache = getattr(module, "_CACHE", None)
        if isinstance(cache, dict):
            cache.clear()


def _per_dump(run: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Median over ``rounds`` of the CPU milliseconds per text, each round from empty caches after a
    warm-up on the first 20 texts (lazy patterns compiled)."""
    figures = []
    for _ in range(rounds):
        _clear_caches()
        for text in texts[:20]:
            run(text)
        _clear_caches()
        started = time.process_time()
        for text in texts:
            run(text)
        figures.append((time.process_time() - started) * 1000 / len(texts))
    return statistics.median(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    dev = dev_folder()
    if dev is None:
        print(f"development sets not found (looked for shared/eval/dev beside {ROOT} and above it)")
        return 0
    from newsinspect.compiled import core_is_compiled
    from newsinspect.decode import decode_bytes
    from newsinspect.parse import crf, parse_article
    from newsinspect.parse.features import line_facts
    from newsinspect.parse.layout import read_layout
    from newsinspect.parse.lines import split_lines

    print(f"compiled core: {core_is_compiled()}")
    loads = []
    for _ in range(5):
        crf._LOADED.clear()
        started = time.perf_counter()
        crf.shipped_model()
        loads.append((time.perf_counter() - started) * 1000)
    print(f"model load: {statistics.median(loads):.1f} ms (median of 5)")
    model = crf.shipped_model()
    assert model is not None
    for name in ("naeb", "web", "naeb-page"):
        texts = [decode_bytes(p.read_bytes()).text for p in sorted((dev / name).glob("*.txt"))]
        figures = {
            "parse, model": _per_dump(lambda t: parse_article(t), texts, args.rounds),
            "parse, rules": _per_dump(lambda t: parse_article(t, use_model=False), texts, args.rounds),
            "line facts": _per_dump(lambda t: line_facts(split_lines(t), False), texts, args.rounds),
            "layout": _per_dump(lambda t: read_layout(split_lines(t), False, model), texts, args.rounds),
        }
        print(f"{name} ({len(texts)} dumps), CPU ms per dump, median of {args.rounds}:")
        for label, value in figures.items():
            print(f"  {label:<13} {value:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
