"""The speed-ups of quote finding keep its behaviour: lazy rule modules, the tokenizer's look-ahead,
and the cue and record changes."""

from __future__ import annotations

import subprocess
import sys

from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.people import PersonIndex
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


def _index(*paragraphs: str) -> PersonIndex:
    base = 0
    rows = []
    for i, text in enumerate(paragraphs):
        rows.append((i, base, text))
        base += len(text) + 1
    return PersonIndex(rows)


def test_a_surname_resolves_to_a_full_name_given_only_later() -> None:
    index = _index("Brevik spoke first.", "Nothing here.", "On Monday, Tomas Brevik left.")
    assert index.full_name("Brevik", 0) == "Tomas Brevik"
    assert index.full_name("Nobody", 0) == "Nobody"


def test_a_lone_surname_is_a_mention_for_a_pronoun_two_paragraphs_on() -> None:
    index = _index("Dana Whitlock arrived.", "Later Whitlock spoke.", "She left.")
    she = len("Dana Whitlock arrived.") + len("Later Whitlock spoke.") + 2
    assert index.last_person_before(she, 0) == "Dana Whitlock"
    assert index.last_person_before(she, she) is None  # nobody earlier in the same paragraph


def test_many_surname_lookups_read_the_whole_article_once_with_the_same_answers() -> None:
    people = [f"Anna Q{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(80)]
    paragraphs = [f"{name} spoke." for name in people]
    lazy = _index(*paragraphs)
    answers = [lazy.full_name(name.split()[1], 0) for name in people]
    assert answers == people
    assert lazy.full_name("Nobody", 0) == "Nobody"
