"""Train the layout model (a linear-chain CRF over the lines of a dump) and report how well it generalises.

    pip install -e '.[train]'
    python training/layout.py            # writes newsinspect/data/layout.json, prints fitted and CV figures
    python training/layout.py --no-cv    # fit and write only
    python training/layout.py --check    # exit 1 unless this code trains the shipped model, byte for byte

Reads the development sets in ``../shared/eval/dev/`` (relative to the repository root; without them it
says so and exits 0): ``naeb`` (hand-cut dumps), ``naeb-page`` (the same pages whole) and ``web``
(other sites; files marked ``"silver"`` have machine-written gold). Per-line labels come from the gold
by ``weak_labels``. The attributes come from ``newsinspect.parse.features.dump_table``, the function
the parser itself uses. Training is deterministic: sorted inputs, a fixed number of L-BFGS iterations,
weights rounded before writing, so the same data gives a byte-identical model file. Beside the model it
writes ``training/layout_digest.json``: a digest of each set's feature tables and labels and of the model
file, which ``tests/test_training_layout.py`` checks against the current code (a feature changed after the
model was trained shows up there without training again).

Generalisation is measured by site-grouped cross-validation: every page is put in one of ``FOLDS``
folds by a hash of its site, so a site (and the ``naeb`` and ``naeb-page`` versions of a page, which
share theirs) is never in both the fitted and the scored part. Each held-out page is parsed by the full
parser with the fold's model and scored like ``score.py meta`` scores it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsinspect.decode import decode_bytes  # noqa: E402
from newsinspect.parse import parse_article  # noqa: E402
from newsinspect.parse.assemble import HEADER_LINES  # noqa: E402
from newsinspect.parse.crf import MODEL_FILE, LayoutModel  # noqa: E402
from newsinspect.parse.dates import infer_dayfirst  # noqa: E402
from newsinspect.parse.features import dump_table  # noqa: E402
from newsinspect.parse.lines import Line, split_lines  # noqa: E402


def _dev_folder() -> Path:
    """``shared/eval/dev`` beside the repository or a folder above it (a worktree sits deeper)."""
    for folder in ROOT.parents:
        if (folder / "shared" / "eval" / "dev").is_dir():
            return folder / "shared" / "eval" / "dev"
    return ROOT.parent / "shared" / "eval" / "dev"


DEV = _dev_folder()
SETS = ("naeb", "naeb-page", "web")
LABELS = ("out", "title", "byline", "date", "para", "misc")
FOLDS = 5
NEAR_TITLE = 15  # bylines and date lines are looked for this many lines around the headline
META_WORDS = 40
PARA_WORDS = 12
PARAMS = {"c1": 0.1, "c2": 1.0, "max_iterations": 100, "feature.possible_transitions": True}


@dataclass
class Page:
    set: str
    id: str
    group: str
    silver: bool
    text: str
    gold: dict[str, Any]
    lines: list[Line]
    labels: list[str]
    table: list[list[str]]


def _norm(text: str) -> str:
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
    return " ".join(text.translate(table).split()).casefold()


def weak_labels(lines: list[Line], gold: dict[str, Any], block: tuple[int, int]) -> list[str]:
    """Per-line labels from a page's gold, the article lines being ``block`` (first, last position).

    - ``title``: a line equal to the gold title (casefolded, quote marks and spaces normalised),
      wherever it is (a headline printed twice is a headline twice);
    - ``out``: any other line outside the article block (the margins a person cut off, or the page
      around the article);
    - ``byline``: a line of at most 40 words within 15 lines of the headline holding a gold author's name;
    - ``date``: such a line holding one of the gold's date strings (a line with both is a byline);
    - ``para``: a line of 12 words or more; ``misc``: every other line inside the article.
    """
    title = _norm(str(gold.get("title") or ""))
    authors = [_norm(a) for a in gold.get("authors") or [] if isinstance(a, str) and a.strip()]
    dates = [_norm(d) for d in gold.get("date_strings") or [] if isinstance(d, str) and d.strip()]
    normed = [_norm(line.text) for line in lines]
    title_pos = [pos for pos, text in enumerate(normed) if title and text == title]
    inside = [p for p in title_pos if block[0] <= p <= block[1]]
    anchor = inside[0] if inside else (title_pos[0] if title_pos else block[0])
    out: list[str] = []
    for pos, text in enumerate(normed):
        words = len(text.split())
        near = abs(pos - anchor) <= NEAR_TITLE
        if pos in title_pos:
            out.append("title")
        elif not block[0] <= pos <= block[1]:
            out.append("out")
        elif near and words <= META_WORDS and any(a in text for a in authors):
            out.append("byline")
        elif near and words <= META_WORDS and any(d in text for d in dates):
            out.append("date")
        elif words >= PARA_WORDS:
            out.append("para")
        else:
            out.append("misc")
    return out


def _read(path: Path) -> str:
    return decode_bytes(path.read_bytes()).text


def _cut_block(lines: list[Line], margins: list[int]) -> tuple[int, int]:
    top, bottom = (int(margins[0]), int(margins[1])) if margins else (0, 0)
    return top, len(lines) - 1 - bottom


def _page_block(lines: list[Line], page: str, cut: str, margins: list[int]) -> tuple[int, int]:
    """The article block of a whole page: where its hand-cut dump sits in it, less the cut's margins."""
    core = cut.strip()
    begin = page.find(core)
    if begin < 0:
        return 0, len(lines) - 1
    inside = [pos for pos, line in enumerate(lines) if begin <= line.start < begin + len(core)]
    if not inside:
        return 0, len(lines) - 1
    top, bottom = (int(margins[0]), int(margins[1])) if margins else (0, 0)
    return inside[0] + top, inside[-1] - bottom


def load_pages(sets: tuple[str, ...] = SETS) -> list[Page]:
    pages: list[Page] = []
    for name in sets:
        for gold_path in sorted((DEV / name).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            if not text_path.exists():
                continue
            text = _read(text_path)
            lines = split_lines(text)
            if not lines:
                continue
            if name == "naeb-page":
                cut_path = DEV / "naeb" / text_path.name
                cut_gold = json.loads(cut_path.with_name(gold_path.name).read_text(encoding="utf-8"))
                block = _page_block(lines, text, _read(cut_path), cut_gold.get("margin_lines") or [])
                group = "naeb:" + str(gold.get("site_group") or gold.get("site"))
            else:
                block = _cut_block(lines, gold.get("margin_lines") or [])
                group = ("naeb:" if name == "naeb" else "web:") + str(
                    gold.get("site_group") or gold.get("site")
                )
            dayfirst = infer_dayfirst([line.clean for line in lines[:HEADER_LINES]])
            pages.append(
                Page(
                    name,
                    str(gold.get("id") or text_path.stem),
                    group,
                    bool(gold.get("silver")),
                    text,
                    gold,
                    lines,
                    weak_labels(lines, gold, block),
                    dump_table(lines, dayfirst),
                )
            )
    return pages


DEFAULT_OUT = ROOT / "newsinspect" / "data" / MODEL_FILE
DIGEST_FILE = ROOT / "training" / "layout_digest.json"


def table_digest(pages: list[Page]) -> str:
    """md5 of the pages' ids, labels and feature tables, in order: what the model is fitted on."""
    digest = hashlib.md5()
    for page in pages:
        digest.update(f"{page.set}/{page.id}\n".encode())
        for label, attrs in zip(page.labels, page.table, strict=True):
            digest.update((label + "\t" + " ".join(attrs) + "\n").encode())
    return digest.hexdigest()


def digests(pages: list[Page], model_text: str) -> dict[str, str]:
    out = {name: table_digest([p for p in pages if p.set == name]) for name in SETS}
    out["model"] = hashlib.md5(model_text.encode()).hexdigest()
    return out


def fold_of(group: str) -> int:
    return int(hashlib.md5(group.encode()).hexdigest(), 16) % FOLDS


def fit(pages: list[Page]) -> LayoutModel:
    """Train the CRF on ``pages`` and return its weights.

    Silver pages (machine-written gold) count as much as the others: their titles, authors and dates were
    checked by a person, and the layout labels derived from them are no weaker than the rest.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for page in pages:
        trainer.append(page.table, page.labels)
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "layout.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = list(LABELS)
    index = {label: k for k, label in enumerate(labels)}
    transitions = [[0.0] * len(labels) for _ in labels]
    for (a, b), w in info.transitions.items():
        transitions[index[a]][index[b]] = round(w, 4)
    weights: dict[str, list[float]] = {}
    for (attr, label), w in info.state_features.items():
        weights.setdefault(attr, [0.0] * len(labels))[index[label]] = round(w, 4)
    weights = {a: ws for a, ws in sorted(weights.items()) if any(ws)}
    return LayoutModel(labels, transitions, weights)


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_score", DEV.parent / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def field_hits(page: Page, record: dict[str, Any], score: ModuleType) -> dict[str, int | None]:
    """1/0 per field as ``score.py meta`` counts it (None where the field is not scored for the page)."""
    gold = page.gold
    hits: dict[str, int | None] = {}
    hits["title"] = int(score.norm_text(gold.get("title")) == score.norm_text(record.get("title")))
    authors = gold.get("authors") or []
    if gold.get("author_in_text", False) or not authors:
        want = {score.norm_name(a) for a in authors} - {""}
        got = {score.norm_name(a) for a in record.get("authors") or []} - {""}
        hits["authors"] = int(want == got)
    else:
        hits["authors"] = None
    if gold.get("date_in_text") and gold.get("published"):
        hits["published"] = int(score.date_part(record.get("published")) == gold["published"][:10])
    else:
        hits["published"] = None
    return hits


def evaluate(
    pages: list[Page], model_for: Callable[[Page], LayoutModel | None]
) -> dict[str, dict[str, float]]:
    score = _score_module()
    totals: dict[str, dict[str, list[int]]] = {}
    for page in pages:
        model = model_for(page)
        record = parse_article(page.text, model=model, use_model=model is not None).to_dict()
        for field, hit in field_hits(page, record, score).items():
            if hit is not None:
                cell = totals.setdefault(page.set, {}).setdefault(field, [0, 0])
                cell[0] += hit
                cell[1] += 1
    return {s: {f: ok / n for f, (ok, n) in fields.items()} for s, fields in totals.items()}


def label_accuracy(pages: list[Page], model_for: Callable[[Page], LayoutModel]) -> float:
    right = total = 0
    for page in pages:
        model = model_for(page)
        probs = model.marginals(page.table)
        for row, gold in zip(probs, page.labels, strict=True):
            right += model.labels[max(range(len(row)), key=row.__getitem__)] == gold
            total += 1
    return right / total if total else 0.0


def _table(columns: dict[str, dict[str, dict[str, float]]]) -> None:
    names = list(columns)
    print(f"{'set':<10} {'field':<10} " + " ".join(f"{n:>8}" for n in names))
    for s in SETS:
        for field in ("title", "authors", "published"):
            cells = [columns[n].get(s, {}).get(field) for n in names]
            print(
                f"{s:<10} {field:<10} "
                + " ".join(f"{c:8.3f}" if c is not None else f"{'-':>8}" for c in cells)
            )


def _fit_or_reuse(pages: list[Page], folder: Path | None, name: str) -> LayoutModel:
    if folder is None:
        return fit(pages)
    path = folder / f"{name}.json"
    if path.exists():
        return LayoutModel.from_json(path.read_text(encoding="utf-8"))
    model = fit(pages)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(model.to_json(), encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-cv", action="store_true", help="fit and write the model only")
    parser.add_argument("--rules", action="store_true", help="also score the rules alone (no model)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="fit (no CV) and compare with the model at --out instead of writing it: exit 1 when they differ",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--models",
        type=Path,
        help="keep the fitted and fold models in this folder and reuse them when they are there (to measure "
        "a change of how fields are read from the labels; stale after any change of features or labels)",
    )
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        print(f"development sets not found at {DEV}: nothing to train on", file=sys.stderr)
        return 0
    started = time.perf_counter()
    pages = load_pages()
    lines = sum(len(p.lines) for p in pages)
    print(f"{len(pages)} pages, {lines} lines ({time.perf_counter() - started:.0f} s)")
    model = _fit_or_reuse(pages, args.models, "all")
    text = model.to_json()
    if args.check:
        shipped = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        same = shipped == text
        print(f"{args.out}: {'the same as' if same else 'DIFFERENT from'} what this code trains")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.out == DEFAULT_OUT and args.models is None:
        DIGEST_FILE.write_text(
            json.dumps(digests(pages, text), indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(model.weights)} attributes)"
        f" ({time.perf_counter() - started:.0f} s)"
    )
    columns: dict[str, dict[str, dict[str, float]]] = {}
    if args.rules:
        columns["rules"] = evaluate(pages, lambda page: None)
    columns["fitted"] = evaluate(pages, lambda page: model)
    if not args.no_cv:
        models = {
            k: _fit_or_reuse([p for p in pages if fold_of(p.group) != k], args.models, f"fold{k}")
            for k in range(FOLDS)
        }
        columns["cv"] = evaluate(pages, lambda page: models[fold_of(page.group)])
        print(
            f"line labels: fitted {label_accuracy(pages, lambda page: model):.3f}, "
            f"cv {label_accuracy(pages, lambda page: models[fold_of(page.group)]):.3f}"
        )
    _table(columns)
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
