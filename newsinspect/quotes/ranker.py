"""The speaker ranker: a linear model over the features of each candidate speaker of a quote.

The weights are learned by ``training/speakers.py`` from the PolNeAR training split and shipped as
``newsinspect/data/speakers.json`` ({"bias": b, "weights": {feature: w}}); they are read once per
process, on the first quote that has more than one candidate. Scoring is a dot product over the
candidate's (sparse) features; the highest score wins, the earlier candidate on a tie. Without the
weights file the rule cascade's own choice (feature ``chosen``) wins, as before the ranker.
"""

from __future__ import annotations

import json
import math
from importlib import resources

_WEIGHTS_FILE = "speakers.json"
_FALLBACK: dict[str, float] = {"chosen": 1.0}


# The loaded weights, under the key "w" (a module-level dict, which compiled code can update).
_LOADED: dict[str, dict[str, float]] = {}


def load_weights() -> dict[str, float]:
    """The shipped weights (the bias under "", an empty feature name), loaded once."""
    loaded = _LOADED.get("w")
    if loaded is None:
        try:
            raw = resources.files("newsinspect").joinpath("data").joinpath(_WEIGHTS_FILE).read_text("utf-8")
        except OSError:
            loaded = dict(_FALLBACK)
        else:
            data = json.loads(raw)
            loaded = {str(k): float(v) for k, v in data["weights"].items()}
            loaded[""] = float(data["bias"])
        _LOADED["w"] = loaded
    return loaded


# A speaker no rule gives, picked from the other candidates, is kept when the model gives it at least
# a one-in-eight chance (logit -2): no answer is better than a likely wrong one. On the training split's
# cross-validation this costs 0.15 points of speaker accuracy against keeping every guess.
GUESS_FLOOR = -2.0
# A quoted fragment no rule credits is kept as a quote only when the model is at least even on its
# speaker (logit 0); otherwise it is a scare quote. On the training split, every article run with
# weights fitted without it (article-grouped folds): quote F1 0.915 -> 0.921, attributed F1 0.846 ->
# 0.849, speaker accuracy 0.925 -> 0.922 (more quotes, a few more of them with a wrong speaker).
SURE_FLOOR = 0.0
RULE_MODE: dict[str, float] = {"chosen": 1.0, "floor": 0.5}


def use_weights(weights: dict[str, float] | None) -> None:
    """Replace the loaded weights (training collects candidates in ``RULE_MODE``: the rule cascade's
    choice or none, as before the ranker); None reloads the shipped file on next use."""
    if weights is None:
        _LOADED.pop("w", None)
    else:
        _LOADED["w"] = weights


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    total = weights.get("", 0.0)
    for name, value in features.items():
        total += weights.get(name, 0.0) * value
    return total


def needs_scores(count: int, guess: bool) -> bool:
    """Whether ``best`` over ``count`` candidates needs their scores: not for one candidate the rule
    cascade proposed (it wins unless the weights set a "floor", as training's rule mode does), nor for
    none. Most quotes have that one candidate (a settled credit), and their features go unbuilt."""
    return count > 1 or (count == 1 and (guess or "floor" in load_weights()))


def best(candidates: list[dict[str, float]], guess: bool = False, sure: bool = False) -> int:
    """Index of the highest-scoring feature set (the first of equals); -1 for none, or when the best
    scores below the weights' optional "floor" (training's rule mode: no pick but the rule's). A
    ``guess`` (no rule of the cascade credits the quote) must also reach ``GUESS_FLOOR``; a pick that
    must be ``sure`` (it decides whether a fragment is a quote at all), ``SURE_FLOOR``."""
    if not candidates:
        return -1
    weights = load_weights()
    top, top_score = 0, score(candidates[0], weights)
    for i in range(1, len(candidates)):
        s = score(candidates[i], weights)
        if s > top_score:
            top, top_score = i, s
    if (
        top_score < weights.get("floor", -math.inf)
        or (guess and top_score < GUESS_FLOOR)
        or (sure and top_score < SURE_FLOOR)
    ):
        return -1
    return top
