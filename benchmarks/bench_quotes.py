"""Quote stage speed on real article dumps: CPU milliseconds per dump, the speaker ranker included.

    python benchmarks/bench_quotes.py                 # ../shared/eval/dev/{naeb,polnear,polnear-train,web}
    python benchmarks/bench_quotes.py --sets polnear  # one set

The dumps are the team's development sets (found beside the repository root or one of its parents; without
them the script says so and exits 0). Every dump is decoded, parsed and run through the entity engine outside
the timing; the timed quote stage is what the pipeline does after that: the people index built from
the entities, then ``find_quotes`` (marks, attribution, the candidates and their ranking, resolution).
One pass over texts not seen before, after 50 warm-up dumps (imports, the lexicon, the ranker's
weights). Prints which build (compiled or pure Python) it measures.
"""

from __future__ import annotations

import argparse
import sys
import time

from devsets import dev_folder

SETS = ("naeb", "polnear", "polnear-train", "web")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated development sets")
    args = parser.parse_args()
    dev = dev_folder()
    if dev is None:
        print("bench_quotes: ../shared/eval/dev not found; nothing to measure", file=sys.stderr)
        return 0
    from newsinspect.compiled import core_is_compiled
    from newsinspect.decode import decode_bytes
    from newsinspect.entities import find_entities
    from newsinspect.parse import parse_article
    from newsinspect.people import People
    from newsinspect.quotes import find_quotes

    print(f"newsinspect build: {'compiled core (mypyc)' if core_is_compiled() else 'pure Python'}")
    files = [p for name in args.sets.split(",") for p in sorted((dev / name).glob("*.txt"))]
    if len(files) < 60:
        print(f"bench_quotes: only {len(files)} dumps found", file=sys.stderr)
        return 0
    articles = [parse_article(decode_bytes(p.read_bytes()).text) for p in files]
    entities = [find_entities(a) for a in articles]
    for article, found in zip(articles[:50], entities[:50], strict=True):
        find_quotes(article, people=People.from_entities(found))
    articles, entities = articles[50:], entities[50:]
    start = time.process_time()
    n_quotes = 0
    for article, found in zip(articles, entities, strict=True):
        n_quotes += len(find_quotes(article, people=People.from_entities(found)))
    seconds = time.process_time() - start
    print(
        f"quote stage on {len(articles):,} real dumps ({args.sets}; {n_quotes:,} quotes): "
        f"{seconds / len(articles) * 1000:.3f} ms CPU per dump (target <= 0.9)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
