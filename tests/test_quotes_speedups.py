"""The speed-ups of quote finding keep its behaviour: lazy rule modules, the tokenizer's look-ahead,
and the cue and record changes."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.quotes import marks
from newsinspect.quotes import people as quote_people
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.people import PersonIndex
from newsinspect.quotes.tokens import tokenize
from newsinspect.text import sentences as text_sentences
from newsinspect.text import tokens as text_tokens


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


# The mark pattern as first written: three alternatives, each tried at every position.
_LETTER = r"[^\W_]"
_PLAIN_MARKS = re.compile(
    f"[{re.escape(marks.DOUBLE_MARKS)}]|(?<!{_LETTER})[{re.escape(marks.SINGLE_MARKS)}]"
    f"|[{re.escape(marks.SINGLE_MARKS)}](?!{_LETTER})"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=marks.ALL_MARKS + "ab1 _.,\n’é", max_size=40))
def test_the_mark_pattern_finds_what_the_three_alternatives_find(text: str) -> None:
    assert [m.span() for m in marks.MARK_RE.finditer(text)] == [m.span() for m in _PLAIN_MARKS.finditer(text)]


# The tokenizer's pattern in its plain form: alternatives that each start differently.
_PLAIN_TOKEN = re.compile(
    rf"(?i:\b(?=[a-z]{{1,{len(text_tokens._PLAIN_ABBREVIATIONS[0])}}}\.)(?:"
    + "|".join(
        f"(?-i:{a[0].upper()}){a[1:]}" if a in text_tokens._CAPITALISED_ONLY else a
        for a in text_tokens._PLAIN_ABBREVIATIONS
    )
    + r")\.)"
    + r"|[A-Za-z](?:\.[A-Za-z])+\.?"
    + r"|[A-Z]\.(?=[\s,])"
    + r"|[^\W_][\w’'-]*(?:\.[^\W_][\w’'-]*)*"
    + r"|[,;:()—–―]|--|[.!?]"
)


def _same_tokens(text: str) -> None:
    found = [m.span() for m in text_tokens._TOKEN.finditer(text)]
    assert found == [m.span() for m in _PLAIN_TOKEN.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aAsSnNoOcCdrtmMgGvVjJuUxXéÉſK1_ .,;:()—–―-!?’'\n", max_size=50))
def test_the_token_pattern_finds_what_the_plain_form_finds(text: str) -> None:
    _same_tokens(text)


def test_the_token_pattern_on_abbreviations_initials_and_marks() -> None:
    for text in (
        "Sen. Okafor met Gov. Brandt, Mrs. Lee and Capt. Moro at No. 10 on Sept. 3 in the U.S. capital.",
        "J. R. Hale (D-Ore.) said -- twice -- that the co-op's U.N.-backed plan was “fine”; really? Yes!",
        "mr. x.y.z. A.B vs. Vs. ſen. Ko. e.g. i.e., Dr.No Dept.of St.-Louis __masked__ word_word",
        "She said no. Then No. 12 and NO. 7 left; nO. 3 and no.",
    ):
        _same_tokens(text)


_PLAIN_OPEN = re.compile(r"(?<![^\s(\[—–-])''(?=[^\W_])")
_PLAIN_CLOSE = re.compile(r"(?<=[^\s'])''(?![^\W_])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="''''a_ (—.\n", max_size=24))
def test_the_two_apostrophe_patterns_find_what_their_plain_forms_find(text: str) -> None:
    pairs = ((marks._TWO_APOSTROPHES_OPEN, _PLAIN_OPEN), (marks._TWO_APOSTROPHES_CLOSE, _PLAIN_CLOSE))
    for pattern, plain in pairs:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AaÉé_-1 .’Ø÷", max_size=24))
def test_the_capitalised_word_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    plain = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*")
    assert [m.span() for m in quote_people._CAPITALISED_WORD.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aHhSsez1_ .!?”')\n", max_size=30))
def test_the_patterns_written_first_letter_first_find_what_their_plain_forms_find(text: str) -> None:
    pairs = [
        (quote_people._LOWER_WORD, r"\b[a-z]+\b"),
        (quote_people._SENTENCE_BREAK, r"[.!?][\"”’')\]]*\s+|_+\s*"),
        (quote_people._PRONOUN_PATTERNS["he"], r"\b[Hh]e\b"),
        (quote_people._PRONOUN_PATTERNS["she"], r"\b[Ss]he\b"),
        (text_sentences._SENTENCE_END, r"(?<![.!?])[.!?]+(?=[\s)]+[A-Z0-9“\"‘(_])"),
    ]
    for pattern, plain in pairs:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aSn.-_ ,’'—1(\n", max_size=40))
def test_tokens_stand_where_the_pattern_finds_them(text: str) -> None:
    found = [(t.start, t.end, t.text) for t in tokenize(text)]
    assert found == [(m.start(), m.end(), m.group()) for m in text_tokens._TOKEN.finditer(text)]
