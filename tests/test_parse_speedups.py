"""The helpers that make the parser cheap to import and run must not change what it finds.

Pre-checks (a word looked up before a pattern) are only safe if the word is there whenever the pattern
matches; these tests pin the facts the pre-checks rely on.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.parse import authors, lines, stats
from newsinspect.parse.regex import LazyPattern, fold


def test_lazy_pattern_compiles_once_on_first_use() -> None:
    lazy = LazyPattern(r"(?i:by)\s+(\w+)")
    assert lazy._compiled is None
    first = lazy.compiled
    assert lazy.compiled is first
    m = first.match("BY Jo")
    assert m is not None and m.group(1) == "Jo"


def test_fold_keeps_every_character_a_case_insensitive_letter_matches() -> None:
    """Wherever ``(?i)x`` matches a character, ``fold`` turns that character into ``x``."""
    any_letter = re.compile("(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if code < 128 or not any_letter.fullmatch(char):
            continue
        letters = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch("(?i)" + x, char)]
        assert len(letters) == 1, (hex(code), letters)
        assert fold(char) == letters[0], hex(code)


@pytest.mark.parametrize(
    ("text", "word"), [("THE İNDEPENDENTLY CHOSEN", "independently"), ("reſerved", "reserved"), ("ıs", "is")]
)
def test_fold_finds_words_in_odd_spellings(text: str, word: str) -> None:
    assert word in fold(text)


@pytest.mark.slow
def test_odd_space_characters_are_white_space_and_never_printable() -> None:
    """split_lines skips the search for a printable line: that is only safe if no odd character is."""
    white = {chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))}
    odd = {chr(c) for c in range(sys.maxunicode + 1) if lines._ODD_CHAR.compiled.match(chr(c))}
    assert odd == (white - {" ", "\r", "\n"}) | set("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
    assert not any(char.isprintable() for char in odd)


def test_split_lines_same_with_and_without_carriage_returns() -> None:
    text = "Title here\n\n  By Jo Roe\u00a0 Smith \nBody  line one.\n \n\u200bLast line."
    plain = lines.split_lines(text)
    crlf = lines.split_lines(text.replace("\n", "\r\n"))
    assert [(x.clean, x.blank_before) for x in plain] == [(x.clean, x.blank_before) for x in crlf]
    assert [x.clean for x in plain] == ["Title here", "By Jo Roe Smith", "Body line one.", "Last line."]
    assert [x.blank_before for x in plain] == [True, True, False, True]
    for line in crlf:
        assert text.replace("\n", "\r\n")[line.start : line.end] == line.text


@pytest.mark.parametrize("word", sorted(authors._ROLE_WORDS))
def test_role_word_pre_check_covers_every_role_word(word: str) -> None:
    assert authors._has_role_word(f"senior {word} at large")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \t\n\u00a0\u2028—-|&“”.,aZ7_²é", max_size=20), max_size=5))
def test_words_are_the_tokens_holding_a_word_character(paragraphs: list[str]) -> None:
    tokens = "\n".join(paragraphs).split()
    assert stats.compute_stats(paragraphs).words == sum(1 for t in tokens if re.search(r"\w", t))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab AB 'Q.:!—²é\u00e9", max_size=30))
def test_kicker_fast_path_for_ascii_agrees_with_the_letter_loop(text: str) -> None:
    from newsinspect.parse.lines import Line
    from newsinspect.parse.title import _is_kicker

    words = len([w for w in text.split() if any(ch.isalpha() for ch in w)])
    letters = [ch for ch in text if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters)
    expected = (capitals and words <= 8) or words <= 4  # a chain of three: up to four words is a kicker
    assert _is_kicker(Line(0, text, 0, len(text), True, text), 3) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("Jo Roe", False), ("Jo Roe 2", True), ("Jo Roe²", True), ("Jó", False)]
)
def test_has_digit_matches_str_isdigit(text: str, expected: bool) -> None:
    assert authors._has_digit(text) is expected


@pytest.mark.parametrize(
    "line",
    [
        "By Jo Roe",
        "Words by Jo Roe",
        "As told to Jo Roe",
        "Author: Jo Roe",
        "Authors: Jo Roe, Al Ek",
        "Posted by Jo Roe",
        "May 2, 2023 Published By : Jo Roe",
        "Amie Roe as told to Jo Roe",
        "BY",
        "Written by",
    ],
)
def test_author_pre_check_covers_every_byline_shape(line: str) -> None:
    found = (
        authors.byline_authors(line) is not None
        or authors.told_to_authors(line) is not None
        or authors.is_by_alone(line)
    )
    assert found
    assert authors.mentions_author(fold(line.upper()))


@pytest.mark.parametrize(
    "label", ["Published", "LAST UPDATED:", "Posted on", "Modified in :", "Date:", "Created"]
)
def test_label_line_pre_check_covers_every_label(label: str) -> None:
    from newsinspect.parse.header import _LABEL_ONLY, _LABEL_STARTS

    assert _LABEL_ONLY.compiled.match(label)
    assert fold(label).startswith(_LABEL_STARTS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \t\u00a0\u200bab—.", max_size=12), max_size=5))
def test_single_spaced_text_splits_at_every_space(paragraphs: list[str]) -> None:
    spaced = " ".join(paragraphs)
    if stats._single_spaced(spaced):
        assert spaced.split() == (spaced.split(" ") if spaced else [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\n\x1c\u00a0\u200b\ufeff—.", max_size=60))
def test_header_word_counts_are_the_tokens_of_the_line_text(text: str) -> None:
    from newsinspect.parse.header import classify

    for info in classify(lines.split_lines(text), dayfirst=False):
        assert info.words == len(info.line.text.split())


_CUT_PIECES = [
    "Jo Roe",
    " ",
    "Published",
    "last updated",
    "PUBLİSHED",
    "poſted",
    " - ",
    " — ",
    "•",
    "·",
    " / ",
    " on Monday",
    " at 5",
    " in Paris",
    " 3",
    "jo@example.com",
    " @jroe",
    " |",
    "|",
    " Archive page",
    " Follow",
    " view profile",
    " Read more",
    " see full bio",
    "(AP)",
    " 4 min",
    "Updated",
    "x.Modified",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CUT_PIECES), st.text(max_size=6)), max_size=8))
def test_cut_searched_by_its_shapes_finds_the_same_cut(pieces: list[str]) -> None:
    """``authors._find_cut`` leaves out the shapes whose words a line lacks: the same match, always."""
    text = "".join(pieces)
    found = authors._find_cut(text)
    expected = authors._CUT.compiled.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_cut_shapes_make_the_cut_pattern() -> None:
    assert authors._CUT._source == "(?:" + "|".join(shape for _, shape in authors._CUT_SHAPES) + ")"


_SPLIT_PIECES = ["Jo Roe", " ", ",", ";", "|", "&", " and ", "and", "und ", " et ", " y ", " y Al", "Yo", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SPLIT_PIECES), st.text(max_size=5)), max_size=8))
def test_names_split_by_its_pre_check_as_by_the_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert authors._split(text) == authors._SPLIT.compiled.split(text)


def test_names_split_pattern_is_the_old_one_regrouped() -> None:
    """``_SPLIT`` with its separators as a class and a group, as it was written one by one: same splits."""
    old = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b(?=\s+[A-Z]))\s*")
    for text in ["Jo Roe, Al Ek and Bo Li", "Jo y Al", "Jo y al", "rock-and-roll; x|y & z", "et al"]:
        assert authors._SPLIT.compiled.split(text) == old.split(text)


_TOKEN_PIECES = ["Jo", "Roe", "Reuters", "AP", "Staff", "By", "•", "-", ",", "&", "and", "@jroe", "2023"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TOKEN_PIECES), st.text(max_size=5)), max_size=6))
def test_a_line_of_one_token_has_no_names(pieces: list[str]) -> None:
    """``bare_names`` and ``names_before_date`` answer [] for a printable line without a space before any
    search (``authors._one_token``): the full rules find no name in such a line either."""
    text = "".join(pieces)
    if not authors._one_token(text):
        return
    assert not text.split() or len(text.split()) == 1
    assert authors._bare_names(text) == ()
    assert authors._names_before_date(text) == ()
    assert authors.unlabelled_byline_names(text) == []


@pytest.mark.parametrize("line", ["Jo Roe", "Jo\u00a0Roe", "Jo\tRoe", "Jo\u200bRoe"])
def test_a_line_with_white_space_is_not_one_token(line: str) -> None:
    assert not authors._one_token(line)


_HOSTILE = [
    "!?. " * 2000,
    "(x.) ((A " * 1000,
    "J. R. " * 1500,
    "— " * 3000,
    "By Jo Roe\n" * 300,
    "x\n" * 5000,
]


def test_the_parser_makes_no_reference_cycles() -> None:
    """``parse_article`` pauses the cycle collector while it runs: that is only free if it leaves nothing for
    it (a cycle would wait for the next collection after the parse). Every sample, a whole page and a few
    hostile shapes, parsed once to compile the patterns and load the model, then again with the collector
    off: nothing left for it."""
    import gc
    from pathlib import Path

    from newsinspect.parse import parse_article

    root = Path(__file__).resolve().parents[1]
    texts = [path.read_text(encoding="utf-8") for path in sorted((root / "samples").glob("*.txt"))]
    texts += [
        path.read_text(encoding="utf-8") for path in sorted((root / "tests/fixtures/layout").glob("*.txt"))
    ]
    texts += _HOSTILE
    for text in texts:
        parse_article(text)
        parse_article(text, dayfirst=True)
        parse_article(text, use_model=False)
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            assert parse_article(text).text == text
            parse_article(text, dayfirst=True)
            parse_article(text, use_model=False)
        assert not gc.isenabled()  # a caller's choice is kept
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
    parse_article(texts[0])
    assert gc.isenabled() == was_enabled


_CASE_ODDITIES = "aZ İıſ\u0307Σς’Kß7٣²"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CASE_ODDITIES, max_size=20))
def test_lower_of_fold_is_the_lower_case(text: str) -> None:
    from newsinspect.parse.regex import lower, lower_of_fold

    assert lower_of_fold(text, fold(text)) == lower(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CASE_ODDITIES + "-/.,: 12Ⅻ_", max_size=24))
def test_a_line_whose_key_has_no_digit_has_no_date(text: str) -> None:
    """A line's facts skip the date questions when its key (letters and digits) is letters only."""
    from newsinspect.parse.dates import find_dates
    from newsinspect.parse.features import _key_and_plain
    from newsinspect.parse.regex import lower

    key = _key_and_plain(lower(text))[0]
    if key == "" or key.isalpha():
        assert re.search(r"\d", text) is None
        assert find_dates(text) == [] and find_dates(text, dayfirst=True) == []
        assert authors.names_before_date(text, undated=True) == authors.names_before_date(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CASE_ODDITIES + "-/.,: 12Ⅻ_\u00a0\u200b", max_size=24))
def test_a_line_has_a_letter_when_its_key_is_not_all_digits(text: str) -> None:
    from newsinspect.parse.features import _key_and_plain
    from newsinspect.parse.regex import lower

    key = _key_and_plain(lower(text))[0]
    assert (key != "" and not key.isdecimal()) == (re.search(r"[^\W\d_]", text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="*•+·▪◦‣- \t\u00a0\u2003\x1caZ", max_size=12))
def test_bullets_stripped_by_the_loop_as_by_the_pattern(text: str) -> None:
    from newsinspect.parse.clutter import strip_bullet

    assert strip_bullet(text) == re.sub(r"^(?:[*•+·▪◦‣-]\s*)+", "", text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab ,!?”\"’'.:", max_size=16))
def test_heading_quote_pre_check_keeps_the_answer(text: str) -> None:
    from newsinspect.parse import headings

    quoted = headings._QUOTE_THEN_WORDS.compiled.search(text) is not None
    assert not quoted or any(mark in text for mark in "\"”’'")


_BYLINE_PIECES = st.text(alphabet="andtuey AZ,;|&-_1\t\u00a0é'", max_size=16)


@settings(max_examples=400, deadline=None)
@given(_BYLINE_PIECES)
def test_separator_pre_check_opening_with_characters_finds_as_the_split(text: str) -> None:
    assert (authors._SEPARATOR.compiled.search(text) is None) == (re.search(authors._SPLIT_AT, text) is None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="onatiOA Z1 \t\u00a0x", max_size=14))
def test_cut_shape_opening_with_its_white_space_cuts_where_it_did(text: str) -> None:
    old = r"(?<!\s)\s+(?:(?i:on|at)\s+(?=[A-Z\d])|in\s+(?=[A-Z])|\d)"
    new = next(shape for needs, shape in authors._CUT_SHAPES if not needs)
    found, expected = re.search(new, text), re.search(old, text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("name", sorted(authors._AGENCY_NAMES))
def test_agency_pre_check_passes_every_agency_in_any_case(name: str) -> None:
    assert name[:1].isascii() and name[:1].isalpha()
    for text in (name, name.upper(), name.title(), name.replace(" ", "  ")):
        assert authors._is_agency_name(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAprRessuterfo JKſ\u212a.", max_size=24))
def test_agency_pre_checks_keep_the_patterns_answers(text: str) -> None:
    assert authors._is_agency_name(text) == (authors._AGENCIES.compiled.match(text) is not None)
    assert authors._without_trailing_agency(text) == authors._TRAILING_AGENCY.compiled.sub("", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abAB .", max_size=20))
def testglued_words_counted_from_the_capital_as_by_the_old_pattern(text: str) -> None:
    from newsinspect.parse.title import glued_words

    assert glued_words(text) == min(2, len(re.findall(r"[a-z]{2}[A-Z][a-z]", text)))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="12/-a .", max_size=14))
def test_numeric_hint_one_pattern_per_separator_as_with_the_class(text: str) -> None:
    from newsinspect.parse.dates import _numeric_hint

    assert _numeric_hint(text) == (re.search(r"[/-](?<=\d[/-])\d{1,2}[/-]\d", text) is not None)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="a1Z9 .,'|•·;:/-\t\u00a0\u2019\u0663", max_size=16))
def test_date_pre_check_in_two_searches_as_the_one_pattern(text: str) -> None:
    from newsinspect.parse.dates import _maybe_date

    old = r"\d(?:\d{3}|[/.-]\d{1,2}[/.-]\d)|[a-z\d]\.?,?\s+'?\d{2}\s*(?:$|[|•·;]|,?\s*\d{1,2}[:.]\d{2})"
    assert _maybe_date(text) == (re.search(old, text) is not None)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789/.-: T+aZ\u0663", max_size=24))
def test_numeric_date_shapes_need_a_separator_between_digits(text: str) -> None:
    """``_read_dates`` scans for the ISO, slashed, numeric and dotted shapes only where its pre-check finds
    a digit, a separator and a digit: each shape must hold one wherever it matches."""
    from newsinspect.parse import dates

    shapes = (dates._ISO, dates._YMD_SLASH, dates._NUMERIC, dates._DOTTED)
    if any(shape.compiled.search(text) for shape in shapes):
        assert dates._SEPARATED_DIGITS.compiled.search(text) is not None
