"""Memory of the whole pipeline over the input size, stage by stage (issue 9: at most 20x on any text).

Each shape (the adversarial ones of bench_adversarial.py and dense real-looking prose) is analysed in a
process of its own, as ``show --json`` does it: decode, render (an HTML page), parse, entities, quotes, then
the JSON line. Per stage the figure is the peak of Python allocations during that stage over the input's
size in bytes (tracemalloc, which counts what the code holds, not what the allocator keeps); "all" is the
peak of the whole run over the same size, with the input and everything the stages keep included; "RSS" is,
from another run without tracemalloc (whose own records would count), the process's peak resident memory
less the same process's before reading the input (the interpreter and the loaded analysers), over the input
size. tracemalloc slows the run about threefold: no times here.

    python benchmarks/bench_memory.py                  # every shape at 1 MB
    python benchmarks/bench_memory.py --size 10        # at 10 MB (the default --max-bytes)
    python benchmarks/bench_memory.py --shape prose    # the shapes whose name contains this
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_adversarial import SHAPES  # noqa: E402

MB = 1024 * 1024
LIMIT = 20  # times the input, issue 9
STAGES = ("decode", "html", "parse", "entities", "quotes", "render")
WARM_UP = "Ferry late\n\nThe ferry was late, said Ilse Brannock. “It is late,” she said.\n".encode()


def measure(path: Path) -> dict[str, Any]:
    """In this process: the stage peaks of one run on the input at ``path``."""
    from newsinspect.batch.formats import record_line
    from newsinspect.decode import decode_bytes
    from newsinspect.entities import find_entities
    from newsinspect.html import looks_like_html
    from newsinspect.html.page import read_page
    from newsinspect.model import Record
    from newsinspect.parse import parse_article
    from newsinspect.people import People, credit_quotes
    from newsinspect.pipeline import analyse_bytes
    from newsinspect.quotes import find_quotes_with_warnings

    analyse_bytes(WARM_UP)  # loads the analysers and their word lists, as any real run does first
    gc.collect()
    data = path.read_bytes()
    peaks: dict[str, float] = {}
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]

    def stage(label: str, work: Callable[[], Any]) -> Any:
        tracemalloc.reset_peak()
        held = tracemalloc.get_traced_memory()[0]
        result = work()
        peaks[label] = (tracemalloc.get_traced_memory()[1] - held) / len(data)
        peaks["all"] = max(peaks.get("all", 0.0), (tracemalloc.get_traced_memory()[1] - base) / len(data))
        return result

    decoded = stage("decode", lambda: decode_bytes(data))
    text = decoded.text
    peaks["html"] = 0.0
    if looks_like_html(text):  # a page is rendered to text first (its metadata read on the way)
        text = stage("html", lambda: read_page(decoded.text)).text
    article = stage("parse", lambda: parse_article(text))
    entities = stage("entities", lambda: find_entities(article))
    quotes, warnings = stage(
        "quotes", lambda: find_quotes_with_warnings(article, people=People.from_entities(entities))
    )

    def render() -> bytes:
        done = article.with_analysis(quotes=quotes, warnings=warnings)
        done = done.with_analysis(entities=credit_quotes(entities, quotes))
        record = Record("input.txt", done)
        return record_line(record)

    stage("render", render)
    tracemalloc.stop()
    return peaks


def _status_kb(field: str) -> int:
    """A ``/proc/self/status`` figure in kB ("VmRSS", "VmHWM")."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _reset_peak() -> bool:
    """Start this process's resident peak afresh (Linux: "5" to clear_refs); False where that is not possible.

    Needed because ``ru_maxrss`` starts at the parent's resident size at fork, even after exec: a child
    smaller than its parent read its own peak low by the difference."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        _status_kb("VmHWM")
    except OSError:
        return False
    return True


def resident(path: Path) -> float:
    """In this process: peak resident memory of one ``show --json`` analysis of ``path`` over its size."""
    from newsinspect.batch.formats import record_line
    from newsinspect.pipeline import Options, analyse_bytes, inspect_source

    analyse_bytes(WARM_UP)
    gc.collect()
    size = path.stat().st_size
    if _reset_peak():
        before = _status_kb("VmRSS")
        record_line(inspect_source(str(path), Options(max_bytes=size + 1)))
        return (_status_kb("VmHWM") - before) * 1024 / size
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # elsewhere: the inherited peak, read low
    record_line(inspect_source(str(path), Options(max_bytes=size + 1)))
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024 / size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shape", default="", help="only the shapes whose name contains this")
    parser.add_argument("--size", type=float, default=1.0, help="input size in MB (default 1)")
    parser.add_argument("--trace", help=argparse.SUPPRESS)  # a child process: stage peaks of this file
    parser.add_argument("--rss", help=argparse.SUPPRESS)  # a child process: resident memory of this file
    args = parser.parse_args()
    if args.trace:
        print(json.dumps(measure(Path(args.trace))))
        return
    if args.rss:
        print(json.dumps({"rss": resident(Path(args.rss))}))
        return
    from newsinspect.compiled import core_is_compiled

    build = "compiled core" if core_is_compiled() else "pure Python"
    print(f"newsinspect: {build}; {args.size:g} MB inputs; peak memory over the input size (limit {LIMIT}x)")
    print(f"{'shape':40} " + " ".join(f"{s:>8}" for s in (*STAGES, "all", "RSS")))
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "input.txt"
        for name in (n for n in SHAPES if args.shape in n):
            path.write_bytes(SHAPES[name](int(args.size * MB)).encode("utf-8"))
            row: dict[str, float] = {}
            for mode in ("--trace", "--rss"):
                child = subprocess.run(
                    [sys.executable, __file__, mode, str(path)], check=True, capture_output=True, text=True
                )
                row.update(json.loads(child.stdout))
            worst = max(worst, row["all"], row["rss"])
            flag = "  OVER" if max(row["all"], row["rss"]) > LIMIT else ""
            cells = " ".join(f"{row[s]:7.1f}x" for s in (*STAGES, "all", "rss"))
            print(f"{name:40} {cells}{flag}", flush=True)
    print(f"worst: {worst:.1f}x")


if __name__ == "__main__":
    main()
