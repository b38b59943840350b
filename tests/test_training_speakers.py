"""The shipped speaker ranker matches what training/speakers.py trains on this code."""

from __future__ import annotations

import hashlib
import json

import pytest
from training_scripts import load_training


def _training():
    return load_training("speakers")


def test_the_rows_digest_sees_a_changed_feature_or_label() -> None:
    training = _training()
    row = {"article": "a1", "features": [["dist=1", "subj"], ["dist=2"]], "labels": [True, False], "rule": 0}
    same = training.rows_digest([dict(row)])
    assert training.rows_digest([row]) == same
    assert training.rows_digest([{**row, "features": [["dist=1"], ["dist=2"]]}]) != same
    assert training.rows_digest([{**row, "labels": [False, True]}]) != same


@pytest.mark.slow
def test_the_shipped_ranker_was_trained_on_what_this_code_computes() -> None:
    """training/speakers.py records a digest of its training rows (each matched quote's candidates, features
    and labels, from the quote finder of this code) and of the model file it writes. A change to the quote
    finder or to anything that feeds it (the parser, the entity engine) that moves the rows fails here: run
    training/speakers.py and commit the model. ``training/speakers.py --check`` retrains and compares."""
    training = _training()
    folder = training.find_dev("polnear-train")
    if folder is None:
        pytest.skip("the development set polnear-train is not beside the repository (../shared/eval/dev)")
    recorded = json.loads(training.DIGEST_FILE.read_text(encoding="utf-8"))
    assert hashlib.md5(training.OUT.read_bytes()).hexdigest() == recorded["model"]
    rows, _, _ = training.collect(folder)
    assert training.rows_digest(rows) == recorded["rows"]
