"""What writing Parquet costs against JSON Lines, printed (never asserted).

    python benchmarks/bench_output.py [--count 2000] [--rounds 3]

Synthetic dumps (synth.py) are analysed once; then, for the same records, each format is timed in CPU
seconds (``time.process_time``, best of ``--rounds``) in its two halves: rendering a record (done by the
workers) and writing the rendered chunks to a file (done by the one parent process, which is what bounds a
run with many workers). Also: the file size, and the parent's peak memory growth while writing (Parquet
holds one row group of rendered rows at a time). Finally a whole ``batch`` run per format: wall time, and
CPU time of all its processes (steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from command import newsinspect_command  # noqa: E402
from synth import write_corpus  # noqa: E402

from newsinspect.batch.formats import OutputFormat  # noqa: E402
from newsinspect.batch.output import open_output  # noqa: E402
from newsinspect.model import Record  # noqa: E402
from newsinspect.pipeline import Options, inspect_source  # noqa: E402

FORMATS = [("jsonl", "articles"), ("parquet", "articles"), ("csv", "articles"), ("parquet", "quotes")]


def best_cpu(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def write_all(path: Path, output_format: OutputFormat, chunks: list[bytes]) -> None:
    sink, _ = open_output(str(path), output_format, resume=False)
    for chunk in chunks:
        sink.write(chunk)
    sink.close()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    corpus = write_corpus(HERE / "out" / f"corpus_{args.count}", args.count)
    records: list[Record] = [inspect_source(str(path), Options()) for path in corpus]
    print(f"{len(records):,} synthetic dumps, analysed once; CPU seconds, best of {args.rounds}")
    print(f"{'format':<18} {'render ms/rec':>14} {'write ms/rec':>13} {'size MB':>8} {'bytes/rec':>10}")
    work = Path(tempfile.mkdtemp(prefix="bench-output-"))
    for name, rows in FORMATS:
        output_format = OutputFormat(name, rows)  # type: ignore[arg-type]
        chunks = [output_format.render(record) for record in records]
        render = best_cpu(lambda f=output_format: [f.render(record) for record in records], args.rounds)
        path = work / f"out.{name}"
        before = peak_rss_mb()
        write = best_cpu(lambda f=output_format, p=path, c=chunks: write_all(p, f, c), args.rounds)
        size = path.stat().st_size
        label = f"{name} --rows {rows}" if rows != "articles" else name
        print(
            f"{label:<18} {render / len(records) * 1000:>14.3f} {write / len(records) * 1000:>13.3f} "
            f"{size / 1e6:>8.1f} {size / len(records):>10,.0f}"
            + (f"   (peak memory +{peak_rss_mb() - before:.0f} MB)" if peak_rss_mb() > before else "")
        )

    print("\nwhole runs: newsinspect batch over the same dumps, --jobs 2 (CPU: all processes of the run)")
    command = [*newsinspect_command(), "batch", "-q", "-j", "2", str(corpus[0].parent)]
    for name in ("jsonl", "parquet"):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([*command, "--format", name, "--out", str(work / f"run.{name}")], check=False)
        seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
        print(
            f"{name:<8} {seconds:6.1f} s wall ({len(records) / seconds:,.0f} files/s), "
            f"{cpu:6.1f} CPU s ({len(records) / cpu:,.0f} files per CPU-second)"
        )
    for path in work.iterdir():
        os.unlink(path)
    os.rmdir(work)


if __name__ == "__main__":
    main()
