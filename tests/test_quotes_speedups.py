"""The speed-ups of quote finding keep its behaviour: lazy rule modules, the tokenizer's look-ahead,
and the cue and record changes."""

from __future__ import annotations

import subprocess
import sys

from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.tokens import tokenize


def test_importing_the_package_defers_the_rule_modules() -> None:
    code = "import sys, newsinspect.quotes; print('newsinspect.quotes.extract' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_abbreviations_keep_their_period_and_other_words_do_not() -> None:
    words = [t.text for t in tokenize("Sen. Okafor met Gov. Brandt and Mrs. Lee at No. 10 in the den.")]
    assert words[:2] == ["Sen.", "Okafor"]
    assert "Gov." in words and "Mrs." in words and "No." in words
    assert words[-2:] == ["den", "."]  # "den" is not "sen" or "dec": the period is its own token


def test_abbreviation_inside_a_longer_word_is_not_split_off() -> None:
    words = [t.text for t in tokenize("The colonel spoke; the capture ended.")]
    assert "colonel" in words and "capture" in words and "col." not in words


def test_multi_word_cues_and_single_word_cues_are_both_found() -> None:
    text = "“We will win,” Okafor said, according to a statement, and pointed out more."
    ctx = ParagraphContext.build(0, 0, text)
    assert "said" in ctx.cue_texts
    assert "according to" in ctx.cue_texts
    assert "pointed out" in ctx.cue_texts
