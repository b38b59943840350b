"""Train the speaker ranker: which candidate speaker of a quote is the one the text credits.

    python training/speakers.py            # fit, print figures, write newsinspect/data/speakers.json
    python training/speakers.py --check    # fit and print; exit 1 unless that is the shipped model

Reads the PolNeAR training split in ``../shared/eval/dev/polnear-train`` (relative to the repository root,
or to a parent of it; without it the script says so and exits 0). Needs the ``train`` extra
(scikit-learn). For every article the entity engine runs first (the people index, as in the pipeline),
then the quote finder in its rule mode (``ranker.RULE_MODE``: the rule cascade's choice, as before the
ranker) and hands over each quote's candidate speakers with their
features (``newsinspect.quotes.speakers.features``, the very function the command uses). Quotes are
matched to the gold attributions and each candidate is labelled by ``candidate_label``. A logistic
regression on the candidates of every matched quote with a gold source is the ranker; its weights
are written to ``newsinspect/data/speakers.json`` (rounded, sorted: a rerun gives the same bytes).

Printed side by side, for the rule choice, the fitted model and a five-fold cross-validation grouped
by article (no article's quotes are in both the fitted and the scored fold): speaker accuracy (matched
quotes whose gold names a source) and attributed F1 (a quote counts when it is found and, where the
gold names a source, its speaker is right), the scorer's figures computed on the same matching.
Last, the whole finder cross-validated the same way (each article run with the weights fitted without
its fold): F1, speaker accuracy and attributed F1 over every quote it gives, since the weights also
decide whether a fragment no rule credits is a quote at all (``ranker.SURE_FLOOR``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "newsinspect" / "data" / "speakers.json"
# Written with the model: a digest of the training rows and of the model file, so that a test can see that
# the quote finder changed what the ranker is trained on without training again (then: train and commit).
DIGEST_FILE = ROOT / "training" / "speakers_digest.json"
FOLDS = 5
C = 0.5  # inverse regularisation strength
PRONOUN = "pronoun"


def find_dev(name: str) -> Path | None:
    """``shared/eval/dev/<name>`` beside the repository root or beside one of its parents (a worktree)."""
    for parent in ROOT.parents:
        path = parent / "shared" / "eval" / "dev" / name
        if path.is_dir():
            return path
    return None


# --------------------------------------------------------------------------------------------- labels
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _last_word(s: str) -> str | None:
    found = re.findall(r"\w+(?:'\w+)*", _fold(s))
    if not found:
        return None
    w = found[-1]
    return w[:-2] if w.endswith("'s") and len(w) > 2 else w


def source_words(source: str) -> set[str]:
    """Words that name a nominal source: the last word of the whole source and of its head (before the
    first comma, parenthesis or dash), "’s" dropped: "Sen. Ann Lee (D-Ore.)" gives lee, "Her former
    aide, Bo Chan," gives chan and aide. Words of one or two letters count only when nothing longer does."""
    head = re.split(r"[,()]|\s[—–-]\s", source)[0]
    found = {w for w in (_last_word(source), _last_word(head)) if w}
    return {w for w in found if len(w) > 2} or found


def candidate_label(
    speaker: str | None, span: tuple[int, int] | None, sources: list[tuple[int, int, str]], kind: str
) -> bool:
    """Whether a candidate names the gold source of its quote: its mention overlaps a gold source span,
    or (unless the gold source is a pronoun, whose words say nothing) the resolved speaker holds a
    source word (``source_words``) as a whole word. ``sources``: (start, end, text) of the gold source
    spans; ``kind``: the gold's source kind (nominal, pronoun, none). The same test as the scorer's."""
    if span is not None and any(span[0] < b and a < span[1] for a, b, _ in sources):
        return True
    if kind == PRONOUN or speaker is None or not sources:
        return False
    folded = _fold(speaker)
    words = source_words(" ".join(t for _, _, t in sources))
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", folded) for w in words)


def match(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> found index: a found quote matches a gold one when they overlap by at least half
    of the shorter span; greedily by overlap, each at most once."""
    pairs = []
    for gi, (ga, gb) in enumerate(gold):
        for fi, (fa, fb) in enumerate(found):
            ov = min(gb, fb) - max(ga, fa)
            if ov > 0 and ov >= 0.5 * min(gb - ga, fb - fa):
                pairs.append((-ov, gi, fi))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, fi in pairs:
        if gi not in out and fi not in used:
            out[gi] = fi
            used.add(fi)
    return out


# ----------------------------------------------------------------------------------------- data set
def collect(folder: Path) -> tuple[list[dict[str, Any]], int, int]:
    """Every quote the finder gives with its candidates, labelled; and the numbers of found and gold
    quotes (for F1)."""
    from newsinspect.decode import decode_bytes
    from newsinspect.entities import find_entities
    from newsinspect.parse import parse_article
    from newsinspect.people import People
    from newsinspect.quotes import ranker
    from newsinspect.quotes.extract import Trace, extract_quotes

    ranker.use_weights(dict(ranker.RULE_MODE))
    rows: list[dict[str, Any]] = []
    n_found = n_gold = 0
    for path in sorted(folder.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        golds = json.loads(gold_path.read_text("utf-8"))["quotes"]
        text = decode_bytes(path.read_bytes()).text
        trace: Trace = []
        article = parse_article(text)
        extract_quotes(article, trace=trace, people=People.from_entities(find_entities(article)))
        n_found += len(trace)
        n_gold += len(golds)
        # Each gold's content spans (several for a quote in pieces): matched on any of them.
        by_gold = _gold_of(golds, [(q.start, q.end) for q, _, _ in trace])
        for gi, fi in sorted(by_gold.items()):
            g = golds[gi]
            sources = [(s["start"], s["end"], s["text"]) for s in g.get("source", [])]
            _, cands, pick = trace[fi]
            rows.append(
                {
                    "article": path.stem,
                    "has_source": bool(sources),
                    "features": [f for f, _, _ in cands],
                    "labels": [
                        candidate_label(sp, span, sources, g.get("source_kind", "")) for _, sp, span in cands
                    ],
                    "rule": pick,
                    "quote": (trace[fi][0].start, trace[fi][0].end),
                    "source": [t for _, _, t in sources],
                    "speakers": [sp for _, sp, _ in cands],
                }
            )
    ranker.use_weights(None)
    return rows, n_found, n_gold


def rows_digest(rows: list[dict[str, Any]]) -> str:
    """A digest of what the ranker learns from: each matched quote's candidates, their features and labels."""
    digest = hashlib.md5()
    for row in rows:
        digest.update(json.dumps([row["article"], row["features"], row["labels"], row["rule"]]).encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------ figures
def figures(rows: list[dict[str, Any]], picks: list[int], n_found: int, n_gold: int) -> tuple[float, float]:
    """Speaker accuracy and attributed F1 for one pick per matched quote (-1: none)."""
    right = with_source = attributed = 0
    for row, pick in zip(rows, picks, strict=True):
        ok = pick >= 0 and row["labels"][pick]
        if row["has_source"]:
            with_source += 1
            right += ok
        attributed += ok or not row["has_source"]
    p = attributed / n_found if n_found else 0.0
    r = attributed / n_gold if n_gold else 0.0
    return right / max(with_source, 1), (2 * p * r / (p + r) if p + r else 0.0)


def fit(rows: list[dict[str, Any]]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for row in rows:
        if row["has_source"] and any(row["labels"]) and len(row["labels"]) > 1:
            xs.extend(row["features"])
            ys.extend(row["labels"])
    vec = DictVectorizer(sort=True)
    model = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    model.fit(vec.fit_transform(xs), ys)
    return vec, model


def predict(vec: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    picks = []
    for row in rows:
        if not row["features"]:
            picks.append(-1)
            continue
        scores = model.decision_function(vec.transform(row["features"]))
        picks.append(int(max(range(len(scores)), key=lambda i: (scores[i], -i))))
    return picks


def cross_validated(rows: list[dict[str, Any]]) -> list[int]:
    """Picks for every row from a model fitted without its article (article-grouped folds)."""
    articles = sorted({row["article"] for row in rows})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    picks = [-1] * len(rows)
    for k in range(FOLDS):
        train = [row for row in rows if fold_of[row["article"]] != k]
        held = [i for i, row in enumerate(rows) if fold_of[row["article"]] == k]
        vec, model = fit(train)
        for i, pick in zip(held, predict(vec, model, [rows[i] for i in held]), strict=True):
            picks[i] = pick
    return picks


def _weights(vec: Any, model: Any) -> dict[str, float]:
    """The weights as the command reads them (rounded as written, the bias under "")."""
    data = json.loads(weights_json(vec, model))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    weights[""] = float(data["bias"])
    return weights


def _gold_of(golds: list[dict[str, Any]], found: list[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> found index, matched on any of the gold's content spans (``match``)."""
    spans, owners = [], []
    for gi, g in enumerate(golds):
        for c in g["content"]:
            spans.append((c["start"], c["end"]))
            owners.append(gi)
    by_gold: dict[int, int] = {}
    for si, fi in sorted(match(spans, found).items()):
        if owners[si] not in by_gold and fi not in by_gold.values():
            by_gold[owners[si]] = fi
    return by_gold


def pipeline_cross_validated(folder: Path, rows: list[dict[str, Any]]) -> tuple[float, float, float]:
    """The whole quote finder, each article run with the weights fitted without its fold: F1, speaker
    accuracy and attributed F1 as the scorer computes them. Unlike the figures on the matched quotes,
    this also counts what the weights decide beyond the speaker (a fragment kept only when the ranker
    is sure of its speaker)."""
    from newsinspect.decode import decode_bytes
    from newsinspect.entities import find_entities
    from newsinspect.parse import parse_article
    from newsinspect.people import People
    from newsinspect.quotes import ranker
    from newsinspect.quotes.extract import extract_quotes

    articles = sorted({row["article"] for row in rows})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    weights = []
    for k in range(FOLDS):
        weights.append(_weights(*fit([row for row in rows if fold_of[row["article"]] != k])))
    n_found = n_gold = matched = attributed = with_source = right = 0
    for n, path in enumerate(sorted(folder.glob("*.txt"))):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        golds = json.loads(gold_path.read_text("utf-8"))["quotes"]
        ranker.use_weights(weights[fold_of.get(path.stem, n % FOLDS)])
        article = parse_article(decode_bytes(path.read_bytes()).text)
        quotes = extract_quotes(article, people=People.from_entities(find_entities(article)))
        by_gold = _gold_of(golds, [(q.start, q.end) for q in quotes])
        n_found += len(quotes)
        n_gold += len(golds)
        matched += len(by_gold)
        for gi, fi in by_gold.items():
            g, q = golds[gi], quotes[fi]
            sources = [(s["start"], s["end"], s["text"]) for s in g.get("source", [])]
            m = q.speaker_mention
            ok = bool(sources) and candidate_label(
                q.speaker, (m.start, m.end) if m is not None else None, sources, g.get("source_kind", "")
            )
            with_source += bool(sources)
            right += ok
            attributed += ok or not sources
    ranker.use_weights(None)

    def f1(hits: int) -> float:
        return 2 * hits / (n_found + n_gold) if n_found + n_gold else 0.0

    return f1(matched), right / max(with_source, 1), f1(attributed)


def weights_json(vec: Any, model: Any) -> str:
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)}
    data = {"bias": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items()))}
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="fit and print figures, write nothing; exit 1 unless the fit is the shipped model",
    )
    args = parser.parse_args(argv)
    folder = find_dev("polnear-train")
    if folder is None:
        print("speakers: ../shared/eval/dev/polnear-train not found; nothing to train on", file=sys.stderr)
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("speakers: scikit-learn is missing (pip install -e '.[train]')", file=sys.stderr)
        return 1
    rows, n_found, n_gold = collect(folder)
    vec, model = fit(rows)
    n_candidates = sum(len(r["labels"]) for r in rows)
    print(
        f"{len(rows)} matched quotes, {n_candidates} candidates; {n_found} quotes found, {n_gold} in the gold"
    )
    print(f"{'':14}{'speaker acc':>12}{'attributed F1':>15}")
    for name, picks in (
        ("rule choice", [r["rule"] for r in rows]),
        ("fitted", predict(vec, model, rows)),
        ("cross-val", cross_validated(rows)),
    ):
        acc, af = figures(rows, picks, n_found, n_gold)
        print(f"{name:14}{acc:12.3f}{af:15.3f}")
    oracle = [next((i for i, ok in enumerate(r["labels"]) if ok), -1) for r in rows]
    acc, af = figures(rows, oracle, n_found, n_gold)
    print(f"{'best possible':14}{acc:12.3f}{af:15.3f}  (a right candidate whenever there is one)")
    f1, acc, af = pipeline_cross_validated(folder, rows)
    print(f"whole finder, cross-validated by article: F1 {f1:.3f}, speaker acc {acc:.3f}, ", end="")
    print(f"attributed F1 {af:.3f}")
    model_text = weights_json(vec, model)
    if args.check:
        if not OUT.exists() or OUT.read_text("utf-8") != model_text:
            print(f"speakers: {OUT.relative_to(ROOT)} is not what this code trains: run training/speakers.py")
            return 1
        print(f"{OUT.relative_to(ROOT)} is what this code trains")
        return 0
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(model_text, "utf-8")
    digests = {"rows": rows_digest(rows), "model": hashlib.md5(model_text.encode()).hexdigest()}
    DIGEST_FILE.write_text(json.dumps(digests, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} and {DIGEST_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
