"""Hostile input for the whole pipeline (issue 9): time, growth per doubling and peak memory, printed.

Every shape is written to a file at 0.5, 1 and 2 MB and read by ``newsinspect show --json`` in a process
of its own, so that each figure is one real run: CPU seconds (user + system, which other work on the
machine hardly moves), the growth t(2n) / t(n) per doubling (linear is 2; flagged above 2.5), and the peak
resident memory of the process over the input size (the interpreter and the loaded modules included).

HTML pages (``html_shapes.py``: huge tables, deep nesting, giant metadata, …) go through the same command.

    python benchmarks/bench_adversarial.py                 # every shape at 0.5, 1 and 2 MB
    python benchmarks/bench_adversarial.py --shape HTML    # the HTML pages only
    python benchmarks/bench_adversarial.py --shape 'a—A'   # the shapes whose name contains this
    python benchmarks/bench_adversarial.py --big           # also the heaviest shapes at 10 MB (--max-bytes)
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from command import newsinspect_command  # noqa: E402
from html_shapes import HTML_SHAPES  # noqa: E402
from synth import make_dump  # noqa: E402

MB = 1024 * 1024
SIZES = (MB // 2, MB, 2 * MB)
GROWTH_LIMIT = 2.5  # per doubling
SECONDS_AT_1_MB = 5.0


def repeat(piece: str) -> Callable[[int], str]:
    return lambda size: piece * max(1, size // len(piece.encode("utf-8")))


def prose(paragraph_break: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        parts: list[str] = []
        total, index = 0, 0
        while total < size:
            dump = make_dump(index)
            parts.append(dump if paragraph_break == "\n" else dump.replace("\n", " "))
            total += len(dump.encode("utf-8")) + 1
            index += 1
        return paragraph_break.join(parts)

    return build


# An article around a shape: a headline, a sentence, a quote, then the shape inside the same paragraph
# (a line without a space is no paragraph, and most of the analysis runs on paragraphs only).
HEAD = (
    "Ferry late again\n\n"
    "The ferry from Port Alder was late again, said Ilse Brannock. “It is late,” she said. "
)


def in_paragraph(piece: str) -> Callable[[int], str]:
    return lambda size: HEAD + repeat(piece)(size) + " and the end."


def lines(line: str) -> Callable[[int], str]:
    return lambda size: HEAD + "\n\n" + repeat(line + "\n")(size)


# name -> builder(size in bytes). First issue 9's shapes, then issue 5's, then units that pumped patterns.
SHAPES: dict[str, Callable[[int], str]] = {
    '"via " * 22 + "Reuters x" lines': lines("via " * 22 + "Reuters x"),
    "x.)A repeated (no space)": in_paragraph("x.)A"),
    "a—A repeated (no space)": in_paragraph("a—A"),
    "dense prose, one paragraph": prose(" "),
    "prose, one paragraph a line": prose("\n"),
    "unbalanced quote marks": in_paragraph("“Ilse Brannock said the ferry was late and "),
    "a single long line": repeat("The ferry from Port Alder was late again, said Ilse Brannock. "),
    "repeated capitalised words": in_paragraph(
        "Port Alder Harbour Council Ilse Brannock Coastal Heritage Trust "
    ),
    "the same capitalised word": in_paragraph("Alder "),
    "capitals without spaces": in_paragraph("A"),
    "only quote marks": in_paragraph("“”\"'‘’«»„‚‹› "),
    "tabs then a letter": in_paragraph("\t" * 60 + "x"),
    "spaces": in_paragraph(" "),
    "sentence marks": in_paragraph("!?. "),
    "initials A. B. C.": in_paragraph("A. "),
    "abbreviations Mr. Sen. U.S.": in_paragraph("Mr. Sen. U.S. "),
    "digits and colons": in_paragraph("12:30 1/2/2024 "),
    "slashes and pipes": in_paragraph("a / b | "),
    "handles and addresses": in_paragraph("@jo x@y.z "),
    "bylines": lines("By Jo Roe and Al Ek"),
    "credit lines": lines("Jo Roe/Getty Images via AFP"),
    "apostrophes": in_paragraph("'a' ’b’ "),
    "parentheses": in_paragraph("(x.) ((A "),
    "dashes": in_paragraph("— – - "),
    "one long word": in_paragraph("a"),
    **HTML_SHAPES,
}
HEAVY = (
    "dense prose, one paragraph",
    "repeated capitalised words",
    "x.)A repeated (no space)",
    "a—A repeated (no space)",
)


def run(path: Path) -> tuple[float, int]:
    """CPU seconds and peak resident bytes of one ``newsinspect show --json`` on ``path``; a run past
    RUN_LIMIT CPU seconds is stopped and reported as such."""
    command = [*newsinspect_command(), "show", "--json", "--max-bytes", str(64 * MB), str(path)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_limit_cpu
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        raise RuntimeError(f"{path.name}: stopped after {RUN_LIMIT} CPU seconds")
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{path.name}: exit {process.returncode}: {stderr[-500:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


RUN_LIMIT = 120  # CPU seconds: a run this long is a stall, not a figure


def _limit_cpu() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (RUN_LIMIT, RUN_LIMIT + 5))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shape", default="", help="only the shapes whose name contains this")
    parser.add_argument("--big", action="store_true", help="also the heaviest shapes at 10 MB")
    args = parser.parse_args()
    shapes = {name: build for name, build in SHAPES.items() if args.shape in name}
    from newsinspect.compiled import core_is_compiled

    build = "compiled core" if core_is_compiled() else "pure Python"
    print(f"newsinspect: {build}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'shape':40} {'0.5 MB':>7} {'1 MB':>7} {'2 MB':>7}  {'growth':>11}  {'peak RSS / input':>17}")
    with tempfile.TemporaryDirectory() as scratch:
        for name, build in shapes.items():
            times: list[float] = []
            peaks: list[float] = []
            for size in SIZES:
                path = Path(scratch) / ("input.html" if name in HTML_SHAPES else "input.txt")
                data = build(size).encode("utf-8")
                path.write_bytes(data)
                try:
                    seconds, peak = run(path)
                except RuntimeError as failure:
                    print(f"{name:40} {size // 1024} KB: {failure}", flush=True)
                    break
                times.append(seconds)
                peaks.append(peak / len(data))
            if len(times) < len(SIZES):
                continue
            ratios = [b / a if a > 0.05 else float("nan") for a, b in itertools.pairwise(times)]
            flags = " SUPER-LINEAR" if any(r > GROWTH_LIMIT for r in ratios) else ""
            flags += " SLOW" if times[1] > SECONDS_AT_1_MB else ""
            cells = " ".join(f"{t:6.2f}s" for t in times)
            growth = " ".join(f"{r:4.2f}x" for r in ratios)
            memory = " ".join(f"{p:4.0f}x" for p in peaks)
            print(f"{name:40} {cells}  {growth:>11}  {memory:>17}{flags}", flush=True)
        if args.big:
            print("\n10 MB (the default --max-bytes):")
            for name in HEAVY:
                path = Path(scratch) / "big.txt"
                data = SHAPES[name](10 * MB).encode("utf-8")
                path.write_bytes(data)
                seconds, peak = run(path)
                print(
                    f"{name:40} {seconds:6.2f}s  peak RSS {peak / MB:6.0f} MB ({peak / len(data):.0f}x)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
