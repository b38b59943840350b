"""HTML pages: metadata accuracy and start-up cost.

    .venv/bin/python benchmarks/bench_html.py [--pages DIR] [--runs 7]

Accuracy: title, authors and published date on the invented pages in tests/fixtures/html (expected answers in
its expected.json; ``--pages DIR`` reads another folder laid out the same way), scored as the team's scorer
does (case and white space folded; author sets equal; the date part of ``published``). Three readings side by
side: the rendered text alone (the text parser), the page's metadata alone (first title, authors,
date), and the two combined (what ``newsinspect show`` prints).

Start-up: median wall time of ``newsinspect show --json`` on one page against one text dump, fresh processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from command import newsinspect_command

from newsinspect.decode import decode_bytes
from newsinspect.html.combine import choose_date, meta_authors, normal, title_variants
from newsinspect.html.page import read_page
from newsinspect.parse import parse_article
from newsinspect.pipeline import _page_charset, analyse_html

ROOT = Path(__file__).resolve().parent.parent


def readings(html: str) -> dict[str, tuple[str | None, tuple[str, ...], str | None]]:
    page = read_page(html)
    text_only = parse_article(page.text)
    meta = page.meta
    first_title = meta.titles[0] if meta.titles else (meta.headings[0] if meta.headings else None)
    combined = analyse_html(html)
    return {
        "text alone": (text_only.title, text_only.authors, text_only.published),
        "metadata alone": (
            title_variants(first_title, meta.site_names)[0] if first_title else None,
            tuple(meta_authors(meta)),
            choose_date(None, meta.published),
        ),
        "combined": (combined.title, combined.authors, combined.published),
    }


def score(pages: Path) -> None:
    expected = json.loads((pages / "expected.json").read_text(encoding="utf-8"))
    hits: dict[str, list[int]] = {}
    for name, gold in sorted(expected.items()):
        data = (pages / name).read_bytes()  # (a page may declare a character set other than UTF-8)
        for reading, (title, authors, published) in readings(
            _page_charset(data, decode_bytes(data)).text
        ).items():
            right = [
                normal(title or "") == normal(gold["title"]),
                {normal(a) for a in authors} == {normal(a) for a in gold["authors"]},
                (published or "")[:10] == gold["published"],
            ]
            hits.setdefault(reading, [0, 0, 0])
            hits[reading] = [h + r for h, r in zip(hits[reading], right, strict=True)]
    print(f"{len(expected)} pages in {pages}")
    print(f"{'reading':16} {'title':>6} {'authors':>8} {'published':>10}")
    for reading, (title, authors, published) in hits.items():
        n = len(expected)
        print(f"{reading:16} {title / n:6.2f} {authors / n:8.2f} {published / n:10.2f}")


def startup(runs: int) -> None:
    command = [*newsinspect_command(), "show", "--json"]
    inputs = {
        "text dump": ROOT / "samples" / "seed_layout.txt",
        "HTML page": ROOT / "samples" / "harbour_page.html",
    }
    times: dict[str, float] = {}
    for label, path in inputs.items():
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run([*command, str(path)], check=True, capture_output=True)
            samples.append(time.perf_counter() - began)
        times[label] = statistics.median(samples)
        print(f"start-up, show --json, {label}: {times[label] * 1000:.0f} ms (median of {runs})")
    print(f"ratio HTML / text: {times['HTML page'] / times['text dump']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "fixtures" / "html")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    score(args.pages)
    startup(args.runs)


if __name__ == "__main__":
    main()
