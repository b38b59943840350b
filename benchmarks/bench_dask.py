"""Throughput of ``batch`` on the local pool against ``batch --scheduler local`` (a Dask LocalCluster with
the same number of workers), on the same synthetic dumps in the same run; printed, never asserted.

    python benchmarks/bench_dask.py            # N = 10,000, 2 jobs (or the cores available, if fewer)
    python benchmarks/bench_dask.py --count 1000 --jobs 2

Each command runs whole: "wall s" includes start-up, "run s" is the time the summary line reports, which
for Dask includes starting the cluster; "steady" takes off the run time of the same command on one file
(start-up, warm-up, the cluster), leaving the throughput a long run sees. The outputs are compared.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from command import newsinspect_command  # noqa: E402
from run_benchmarks import _children_cpu  # noqa: E402
from synth import write_corpus  # noqa: E402

_SUMMARY = re.compile(r"processed ([\d,]+) files? in ([\d.]+) s")


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, the run's own seconds (from the summary) and CPU seconds of the process tree."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    stderr = done.stderr.decode()
    found = _SUMMARY.search(stderr)
    if done.returncode not in (0, 1) or found is None:
        raise RuntimeError(f"{command} exited {done.returncode}: {stderr[-2000:]}")
    return wall, float(found.group(2)), _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    corpus = HERE / "out" / f"synth_{args.count}"
    write_corpus(corpus, args.count)
    version = subprocess.run(
        [*newsinspect_command(), "--version"], capture_output=True, text=True, check=True
    )
    print(f"{version.stdout.strip()}; N = {args.count:,}; {args.jobs} workers each")
    print(
        f"{'executor':<18} {'wall s':>7} {'run s':>7} {'articles/s':>11} {'fixed s':>8} "
        f"{'steady/s':>9} {'per worker':>11} {'CPU s':>7}"
    )
    digests = set()
    with tempfile.TemporaryDirectory() as work:
        for name, extra in (("local pool", []), ("--scheduler local", ["--scheduler", "local"])):
            out = Path(work) / "out.jsonl"
            command = [*newsinspect_command(), "batch", "-j", str(args.jobs), *extra, "--out", str(out)]
            _, fixed, _ = run([*command, str(corpus / "000000.txt")])
            wall, seconds, cpu = run([*command, str(corpus)])
            steady = (args.count - 1) / max(seconds - fixed, 1e-9)
            print(
                f"{name:<18} {wall:>7.1f} {seconds:>7.1f} {args.count / seconds:>11,.0f} {fixed:>8.1f} "
                f"{steady:>9,.0f} {steady / args.jobs:>11,.0f} {cpu:>7.1f}"
            )
            digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
    print(f"outputs byte-identical: {'yes' if len(digests) == 1 else 'NO'}")


if __name__ == "__main__":
    main()
