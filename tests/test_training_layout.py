"""The weak labels the layout model is trained on (training/layout.py), on invented lines."""

from __future__ import annotations

import hashlib
import json

import pytest
from training_scripts import load_training

from newsinspect.parse.lines import split_lines


def _training():
    return load_training("layout")


TEXT = """Home
World
Quiet Harbour Reopens After the Storm
By Mara Quill and Ted Osei
Updated 4 May 2024
Share
The harbour at Elm Point reopened on Monday after three weeks of repairs to the breakwater and the quay.
Fishing boats were the first to return, followed by the ferry to the outer islands later that day.
Photo: Jo Roe
Mara Quill writes about the coast.
Newsletter
"""

GOLD = {
    "title": "Quiet Harbour Reopens after the Storm",
    "authors": ["Mara Quill", "Ted Osei"],
    "date_strings": ["4 May 2024"],
}


def test_weak_labels_follow_the_gold() -> None:
    lines = split_lines(TEXT)
    labels = _training().weak_labels(lines, GOLD, (2, 8))
    assert labels == ["out", "out", "title", "byline", "date", "misc", "para", "para", "misc", "out", "out"]


def test_weak_labels_find_a_title_outside_the_block_and_no_byline_far_from_it() -> None:
    lines = split_lines("Quiet Harbour Reopens After the Storm\n" + "filler line\n" * 20 + "By Mara Quill\n")
    labels = _training().weak_labels(lines, GOLD, (0, len(lines) - 1))
    assert labels[0] == "title"
    assert labels[-1] == "misc"  # a name 21 lines below the headline is no byline


def test_folds_keep_a_site_together() -> None:
    training = _training()
    assert training.fold_of("naeb:example.org") == training.fold_of("naeb:example.org")
    assert {training.fold_of(f"web:site{n}.example") for n in range(50)} == set(range(training.FOLDS))
    # another salt is another assignment, still one fold per site
    sites = [f"web:site{n}.example" for n in range(50)]
    assert [training.fold_of(s, "1") for s in sites] != [training.fold_of(s) for s in sites]
    assert training.fold_of("naeb:example.org", "1") == training.fold_of("naeb:example.org", "1")


def test_body_shares_count_the_article_kept_and_the_furniture_kept() -> None:
    training = _training()
    lines = split_lines(TEXT)
    labels = ["out", "out", "title", "byline", "date", "misc", "para", "para", "misc", "out", "out"]
    page = training.Page("naeb", "x", "naeb:x", False, TEXT, GOLD, lines, labels, [], False)

    def record(*kept: int) -> dict[str, object]:
        paras = [{"kind": "paragraph", "start": lines[i].start, "end": lines[i].end} for i in kept]
        return {"paragraphs": [*paras, {"kind": "heading", "start": lines[0].start, "end": lines[0].end}]}

    first, second, bio = lines[6], lines[7], lines[9]
    whole = training.body_shares(page, record(6, 7))
    assert whole == {"body-recall": 1.0, "body-precision": 1.0}
    half = training.body_shares(page, record(6, 9))  # one article line lost, a bio line kept
    assert half["body-recall"] == pytest.approx(len(first.text) / (len(first.text) + len(second.text)))
    assert half["body-precision"] == pytest.approx(len(first.text) / (len(first.text) + len(bio.text)))
    assert training.body_shares(page, record()) == {"body-recall": 0.0, "body-precision": None}


def test_cv_summary_is_mean_spread_and_gap() -> None:
    training = _training()
    runs = [{"naeb": {"title": 0.9}}, {"naeb": {"title": 0.8}}, {"naeb": {"title": 0.7}}]
    columns = training.summarise(runs, {"naeb": {"title": 0.95}})
    assert columns["cv"]["naeb"]["title"] == pytest.approx(0.8)
    assert columns["spread"]["naeb"]["title"] == pytest.approx(0.2)
    assert columns["gap"]["naeb"]["title"] == pytest.approx(0.15)


@pytest.mark.slow
def test_the_shipped_model_was_trained_on_what_this_code_computes() -> None:
    """training/layout.py records a digest of each set's feature tables and labels and of the model file it
    writes. The naeb tables computed now must match (a feature changed without training again fails here:
    run training/layout.py and commit the model), and so must the shipped model (never edited by hand).
    ``training/layout.py --check`` retrains and compares the whole model, byte for byte."""
    training = _training()
    if not training.DEV.is_dir():
        pytest.skip(f"the development sets are not at {training.DEV}")
    recorded = json.loads(training.DIGEST_FILE.read_text(encoding="utf-8"))
    model_text = training.DEFAULT_OUT.read_text(encoding="utf-8")
    assert hashlib.md5(model_text.encode()).hexdigest() == recorded["model"]
    assert training.table_digest(training.load_pages(("naeb",))) == recorded["naeb"]


def test_misses_are_listed_by_page_most_often_missed_first(capsys: pytest.CaptureFixture[str]) -> None:
    training = _training()

    def page(page_id: str, page_set: str = "naeb-page") -> object:
        return training.Page(page_set, page_id, "g", False, "", {"title": "Gold"}, [], [], [], False)

    once, twice, other = page("once"), page("twice"), page("cut", "naeb")
    misses = {
        "": [(once, "title", "Menu"), (twice, "title", "Sign in"), (other, "title", "X")],
        "1": [(twice, "title", "Sign in"), (twice, "authors", [])],
    }
    training.print_misses(misses, "naeb-page:title")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "naeb-page title: 2 pages missed in at least one fold assignment"
    assert out[1] == "twice (missed in 2 of 2) gold: 'Gold'"
    assert out[2:4] == ["    -: 'Sign in'", "    1: 'Sign in'"]
    assert out[4] == "once (missed in 1 of 2) gold: 'Gold'" and len(out) == 6


def test_the_headline_ranker_is_fitted_as_a_choice_within_each_page() -> None:
    """A fact that marks the gold candidate among its page's candidates gets the weight, one that every
    candidate of a page shares gets none worth having, a page with two right candidates counts either,
    and the same choices give the same weights."""
    pytest.importorskip("scipy", reason="fitting the ranker needs the train extra: pip install -e '.[train]'")
    training = _training()
    choices = []
    for n in range(30):
        rows = [{"shared": float(n % 3), "logp": -1.0 - k} for k in range(4)]
        gold = [n % 4]
        rows[gold[0]]["marked"] = 1.0
        if n % 5 == 0:  # the headline printed twice: both copies right, only one marked
            gold.append((n + 1) % 4)
        choices.append((rows, gold))
    weights = training.fit_choices(choices, 1.0)
    assert weights["marked"] > 1.0
    assert abs(weights.get("shared", 0.0)) < 0.01
    assert weights == training.fit_choices(choices, 1.0)
    assert training._picks([*choices, None], weights) == len(choices)
    # stronger regularisation, smaller weights
    assert training.fit_choices(choices, 0.1)["marked"] < weights["marked"]
