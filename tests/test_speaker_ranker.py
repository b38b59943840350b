"""The speaker ranker: its weights ship with the package, it picks among the rule cascade's alternatives,
and the training labels follow the gold source spans (``training/speakers.py``'s ``candidate_label``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from builders import article_from_paragraphs

from newsinspect.quotes import find_quotes, ranker
from newsinspect.quotes.extract import Trace, extract_quotes

ROOT = Path(__file__).resolve().parents[1]


def training() -> ModuleType:
    spec = importlib.util.spec_from_file_location("training_speakers", ROOT / "training" / "speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_weights_ship_as_package_data_and_are_small() -> None:
    path = ROOT / "newsinspect" / "data" / "speakers.json"
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data["bias"], float) and data["weights"]
    assert path.stat().st_size < 20_000
    weights = ranker.load_weights()
    assert weights[""] == data["bias"] and weights["chosen"] == data["weights"]["chosen"]


def test_the_highest_score_wins_and_the_first_of_equals() -> None:
    ranker.use_weights({"": 0.0, "a": 1.0, "b": 2.0})
    try:
        assert ranker.best([{"a": 1.0}, {"b": 1.0}, {"a": 1.0}]) == 1
        assert ranker.best([{"a": 1.0}, {"a": 1.0}]) == 0
        assert ranker.best([]) == -1
        # A guess (no rule credits the quote) below the floor is no answer.
        assert ranker.best([{"a": -5.0}], guess=True) == -1
        assert ranker.best([{"a": -5.0}], guess=False) == 0
    finally:
        ranker.use_weights(None)


def test_every_quote_is_traced_with_its_candidates_and_the_rule_choice_comes_first() -> None:
    art = article_from_paragraphs(
        [
            "Mayor Ann Okafor spoke to the pilots on Friday.",
            "“We will keep the harbor open,” she told them, after Lee said the plan was “a gamble.”",
        ]
    )
    trace: Trace = []
    quotes = extract_quotes(art, trace=trace)
    assert [q for q, _, _ in trace] == sorted(quotes, key=lambda q: q.start) == list(quotes)
    first, candidates, pick = trace[0]
    assert first.speaker == "Ann Okafor" and candidates[pick][1] == "Ann Okafor"
    assert candidates[0][0].get("chosen") == 1.0 and candidates[0][0].get("src:rule") == 1.0
    assert all(f.get("chosen") is None for f, _, _ in candidates[1:])


def test_the_ranker_credits_the_subject_of_the_paragraph_before_a_quote_paragraph() -> None:
    (q,) = find_quotes(article_from_paragraphs(["Ann Okafor went on with her remarks.", "“We are ready.”"]))
    assert q.speaker == "Ann Okafor" and q.cue in (None, "went on")


def test_a_candidate_is_right_when_its_mention_overlaps_the_gold_source() -> None:
    label = training().candidate_label
    sources = [(10, 19, "Ann Okafor")]
    assert label("Ann Okafor", (10, 19), sources, "nominal")
    assert label(None, (15, 25), sources, "pronoun")  # overlapping is enough, even unresolved
    assert not label("Bo Chan", (30, 37), sources, "nominal")


def test_a_candidate_is_right_when_its_speaker_holds_the_gold_source_surname() -> None:
    label = training().candidate_label
    nominal = [(0, 29, "Sen. Ann Okafor (D-Ore.)")]
    assert label("Ann Okafor", (90, 96), nominal, "nominal")
    assert not label("Ann Okaforova", (90, 96), nominal, "nominal")  # whole words only
    appositive = [(0, 40, "Her former aide, Bo Chan,")]
    assert label("Bo Chan", None, appositive, "nominal")
    # A pronoun's words say nothing: only its span counts.
    assert not label("he", (90, 92), [(0, 2, "he")], "pronoun")
    assert not label("Ann Okafor", None, [], "none")


def test_quotes_match_gold_by_half_the_shorter_span_and_each_at_most_once() -> None:
    match = training().match
    assert match([(0, 10), (20, 40)], [(5, 12), (21, 30), (22, 29)]) == {0: 0, 1: 1}
    assert match([(0, 10)], [(8, 30)]) == {}


def test_a_lone_rule_candidate_needs_no_scores_unless_the_weights_set_a_floor() -> None:
    ranker.use_weights(None)
    try:
        assert not ranker.needs_scores(0, True)
        assert not ranker.needs_scores(1, False)  # the rule's one candidate wins whatever its score
        assert ranker.needs_scores(1, True)  # a guess must still reach GUESS_FLOOR
        assert ranker.needs_scores(2, False)
        ranker.use_weights(dict(ranker.RULE_MODE))  # training's rule mode: a floor
        assert ranker.needs_scores(1, False)
    finally:
        ranker.use_weights(None)


def test_skipping_the_features_of_a_lone_candidate_picks_what_scoring_picks() -> None:
    article = article_from_paragraphs(
        [
            "“The bridge opens in May,” said Tove Harlan, the county engineer.",
            "Harlan added that the budget held. “We kept to it,” she said.",
            "“Nobody asked us,” a resident wrote on a sign.",
        ]
    )
    trace: Trace = []
    traced = extract_quotes(article, trace=trace)  # a trace builds every candidate's features
    assert find_quotes(article) == traced
