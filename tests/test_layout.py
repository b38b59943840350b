"""The layout model: decoding, what it finds on invented whole pages, laziness, and any-text safety."""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.parse import features, parse_article
from newsinspect.parse.assemble import BYLINE_REACH, _far_model_byline, _model_bylines
from newsinspect.parse.crf import LayoutModel, shipped_model
from newsinspect.parse.features import (
    attr_name,
    attr_names,
    dump_table,
    feature_table,
    id_rows,
    line_facts,
)
from newsinspect.parse.layout import ABOVE_SHARE, Layout, choose_headline
from newsinspect.parse.lines import split_lines
from newsinspect.parse.nonheadline import is_no_headline

FIXTURES = Path(__file__).parent / "fixtures" / "layout"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_marginals_equal_brute_force_enumeration() -> None:
    labels = ["a", "b", "c"]
    transitions = [[0.5, -1.0, 0.2], [0.0, 1.5, -0.7], [-0.3, 0.4, 0.9]]
    weights = {"x": [1.0, -0.5, 0.3], "y": [-1.2, 0.8, 0.1], "z": [0.0, 0.0, 2.0]}
    model = LayoutModel(labels, transitions, weights)
    table = [["x"], ["y", "z"], [], ["x", "y"]]
    scores = model.state_scores(table)
    totals = [[0.0] * 3 for _ in table]
    partition = 0.0
    for path in itertools.product(range(3), repeat=len(table)):
        score = sum(scores[t][k] for t, k in enumerate(path))
        score += sum(transitions[path[t - 1]][path[t]] for t in range(1, len(path)))
        weight = math.exp(score)
        partition += weight
        for t, k in enumerate(path):
            totals[t][k] += weight
    got = model.marginals(table)
    for t in range(len(table)):
        for k in range(3):
            assert math.isclose(got[t][k], totals[t][k] / partition, rel_tol=1e-9, abs_tol=1e-12)


def _one_row_at_a_time(model: LayoutModel, scores: list[list[float]]) -> list[float]:
    """Scaled forward-backward written plainly, a row at a time, with the decoder's additions in the
    decoder's order: what the chunked copies must give to the last bit."""
    size = len(model.labels)
    trans = [math.exp(w) for row in model.transitions for w in row]
    psi: list[list[float]] = []
    alpha: list[list[float]] = []
    scale: list[float] = []
    for t, row in enumerate(scores):
        top = max(row)
        state = [math.exp(v - top) for v in row]
        psi.append(state)
        if t == 0:
            total = 0.0
            for v in state:
                total += v
            values = state
        else:
            values = []
            total = 0.0
            for j in range(size):
                acc = 0.0
                for i in range(size):
                    acc += alpha[-1][i] * trans[i * size + j]
                values.append(acc * state[j])
                total += values[-1]
            total = total or 1e-300
        alpha.append([v / total for v in values])
        scale.append(total)
    out: list[list[float]] = [[] for _ in scores]
    beta = [1.0] * size
    for t in range(len(scores) - 1, -1, -1):
        if t < len(scores) - 1:
            weighted = [psi[t + 1][j] * beta[j] for j in range(size)]
            new_beta = []
            for i in range(size):
                acc = 0.0
                for j in range(size):
                    acc += trans[i * size + j] * weighted[j]
                new_beta.append(acc / scale[t + 1])
            beta = new_beta
        row = [alpha[t][k] * beta[k] for k in range(size)]
        total = 0.0
        for v in row:
            total += v
        out[t] = [v / (total or 1.0) for v in row]
    return [v for row in out for v in row]


@pytest.mark.parametrize("count", [0, 1, 2, 511, 512, 513, 1025])
def test_chunked_forward_backward_equals_one_row_at_a_time(count: int) -> None:
    labels = ["a", "b", "c", "d", "e", "f"]
    transitions = [[((i * 7 + j * 3) % 11 - 5) / 2.0 for j in range(6)] for i in range(6)]
    weights = {f"x{n}": [((n * 5 + k * 13) % 17 - 8) * 3.0 for k in range(6)] for n in range(9)}
    model = LayoutModel(labels, transitions, weights)
    table = [[f"x{t % 9}", f"x{t * t % 9}"] for t in range(count)]
    expected = _one_row_at_a_time(model, model.state_scores(table))
    assert model.flat_marginals(table).tolist() == expected


def test_model_round_trips_through_json() -> None:
    model = LayoutModel(["a", "b"], [[0.1, -0.2], [0.3, 0.0]], {"x": [1.0, -1.0]})
    again = LayoutModel.from_json(model.to_json())
    assert again.labels == model.labels
    assert again.marginals([["x"], []]) == model.marginals([["x"], []])


def test_shipped_model_loads_and_knows_the_labels() -> None:
    model = shipped_model()
    assert model is not None
    assert {"out", "title", "byline", "date", "para"} <= set(model.labels)


def test_whole_page_with_menu_prompts_and_a_mid_article_box() -> None:
    article = parse_article(_fixture("whole_page.txt"))
    assert article.title == "Town Council Approves New Footbridge Over the Wenlow River"
    assert article.subtitle is not None and article.subtitle.startswith("The crossing will link")
    assert article.authors == ("Priya Castellano",)
    assert article.published == "2025-03-03"  # "March 3 2025": no comma
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("The town council voted")
    assert texts[-1].startswith("Funding will come")  # the article goes on after the "Most Popular" box
    assert len(texts) == 6
    for furniture in (
        "Most Popular",
        "Mayor opens new library wing",
        "Related stories",
        "Contact us",
        "Home",
    ):
        assert all(furniture not in text for text in texts)


def test_whole_page_with_boxes_of_long_teasers_between_and_after_paragraphs() -> None:
    # the boxes' items are as long as sentences (list items, headlines of other stories): they are not
    # the article, whether they sit between two of its paragraphs or after its last one
    article = parse_article(_fixture("whole_page_boxes.txt"))
    assert article.title == "Volunteers Count a Record Number of Nesting Terns on the Marrow Flats"
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("Volunteers counting seabirds")
    assert texts[-1].startswith("Rangers will keep the fence")  # the article goes on after "Don't miss"
    assert len(texts) == 5
    for furniture in (
        "Don't miss",
        "Harbour pool",
        "Local choir",
        "Ten walks",
        "Recent posts",
        "Storm damage",
    ):
        assert all(furniture not in text for text in texts)


def test_prompts_above_the_headline_and_a_byline_run_into_the_outlet() -> None:
    article = parse_article(_fixture("glued_outlet.txt"))
    assert article.title == "Glacier Melt Reveals Bronze Age Trail in the Alps"
    assert article.authors == ("Rafael Ondrejka",)
    assert article.published == "2024-01-14"  # "14 Jan 24": a two-digit year


def test_byline_and_date_under_a_later_copy_of_the_headline() -> None:
    # a whole page: the headline at the top, a long menu, then the headline again over the byline and date
    article = parse_article(_fixture("repeated_headline.txt"))
    assert article.title == "Night Ferry to the Outer Islands Returns After Six Years"
    assert article.authors == ("Halvard Espe",)
    assert article.published == "2024-03-03"


def test_rules_alone_still_parse() -> None:
    article = parse_article(_fixture("whole_page.txt"), use_model=False)
    assert article.paragraphs
    assert not any(w.startswith("parser error") for w in article.warnings)


def test_features_are_one_row_per_line() -> None:
    text = _fixture("whole_page.txt")
    lines = split_lines(text)
    table = dump_table(lines, False)
    assert len(table) == len(lines)
    assert all("bias" in row for row in table)


def test_model_is_loaded_only_when_a_dump_is_parsed() -> None:
    code = (
        "import newsinspect.cli, newsinspect.parse, newsinspect.parse.crf as crf\n"
        "print(len(crf._LOADED))\n"
        "newsinspect.parse.parse_article('Headline Here\\nBy Jo Roe\\nSome text of the article.')\n"
        "print(len(crf._LOADED))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["0", "1"]


LINES = [
    "Sign in",
    "Most Popular",
    "Harbour Town Votes to Rebuild Its Seawall",
    "By Ann Lee, The Harbour Ledger",
    "March 3 2025",
    "14 Jan 24",
    "Share",
    "The council voted on Tuesday to rebuild the wall after the winter storms, officials said on Wednesday.",
    "“We will rebuild,” the mayor said.",
    "© 2025 The Ledger",
    "",
    "\u200b",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=30))
def test_any_text_gives_one_article_without_error(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    article = parse_article(text)
    assert not any(w.startswith("parser error") for w in article.warnings)
    if article.title is not None:
        assert article.title.strip() in text


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_marginals_are_distributions_on_any_text(text: str) -> None:
    model = shipped_model()
    assert model is not None
    lines = split_lines(text)
    probs = model.marginals(dump_table(lines, False))
    assert len(probs) == len(lines)
    for row in probs:
        assert math.isclose(sum(row), 1.0, rel_tol=1e-6)
        assert all(0.0 <= p <= 1.0 + 1e-9 for p in row)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=30))
def test_attribute_ids_score_exactly_as_the_names(pieces: list[str]) -> None:
    """The parser scores rows of attribute ids, training and the tests read names: same sums, bit for bit."""
    model = shipped_model()
    assert model is not None
    lines = split_lines("\n".join(pieces))
    facts = line_facts(lines, False)
    rows = list(id_rows(lines, facts))
    names = [[attr_name(a) for a in row] for row in rows]
    assert names == feature_table(lines, facts)
    assert model.id_marginals(rows, attr_names()).tobytes() == model.flat_marginals(names).tobytes()


def test_the_key_marks_are_what_the_key_removes() -> None:
    assert all(features._NOT_ALNUM.compiled.fullmatch(mark) for mark in features.KEY_MARKS)
    assert features._key(features._without_marks("it’s “done” — now…")) == "itsdonenow"
    plain = "it’s “done” — now… o'clock, x-ray 3d"
    assert features._ASCII_WORD.compiled.findall(plain) == features._WORD.compiled.findall(plain)
    # the ASCII word pattern's two classes hold the same characters of ASCII and the marks as _WORD's
    start, _, inside = features._WORD_SOURCE.partition("]")
    ascii_start, _, ascii_inside = features._ASCII_WORD._source.partition("]")
    for char in [chr(code) for code in range(128)] + list(features.KEY_MARKS):
        assert bool(re.fullmatch(start + "]", char)) == bool(re.fullmatch(ascii_start + "]", char))
        assert bool(re.fullmatch(inside[:-1], char)) == bool(re.fullmatch(ascii_inside[:-1], char))


@pytest.mark.slow
def test_lower_case_keeps_letters_letters() -> None:
    """``features._content_words`` finds words in the lower-cased line: that holds because str.lower maps
    every character (but the context-dependent capital sigma) that it maps to one character to one of the
    same kind for the word pattern (a letter; a word character or apostrophe or hyphen; neither)."""
    start = re.compile(r"[^\W\d_]")
    inside = re.compile(r"[\w'’-]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) != 1 or char == features._CONTEXT_LOWER:
            continue
        assert (start.fullmatch(char) is None) == (start.fullmatch(lowered) is None), hex(code)
        assert (inside.fullmatch(char) is None) == (inside.fullmatch(lowered) is None), hex(code)
    # "İ" lower-cases to two characters, "i" and a combining dot that is no word character: such a line's
    # words are found in the line itself, four of them here (not "i" and "stanbul")
    text = "İSTANBUL ΟΔΟΣ. The Cat"
    assert features._content_words(text, text.lower(), False)[1] == 4


CONTEXT_PAGE = (
    """Home
Markets
Weather
Opinion
Podcasts
Lantern Makers Revive an Old Glass Craft
By Ina Vell
April 2 2025
"""
    + (
        "Lantern makers in the old quarter have revived a glass craft that had almost vanished, blowing "
        "thin panes by hand in two small workshops near the river, where visitors now queue to watch.\n"
    )
    + (
        "The workshops sell most of what they make to collectors abroad, and the makers say the craft "
        "needs patience above all, since one pane in three breaks before it is finished and fitted.\n"
    )
)


def test_lead_fact_sees_headline_words_in_the_first_paragraphs() -> None:
    lines = split_lines(CONTEXT_PAGE)
    table = dump_table(lines, False)

    def facts(pos: int, prefix: str) -> list[str]:
        return [a for a in table[pos] if a.startswith(prefix)]

    assert facts(5, "lead=") == ["lead=2+"]  # lantern, glass, craft are in the first paragraph
    assert facts(1, "lead=") == ["lead=0"]


def _layout_of(labels_per_line: list[dict[str, float]], title: int) -> Layout:
    labels = ["out", "title", "byline", "date", "para", "misc"]
    probs = array("d", [row.get(label, 0.0) for row in labels_per_line for label in labels])
    return Layout(labels, probs, title, labels_per_line[title]["title"])


def test_a_sure_byline_far_under_the_headline_is_read_and_a_doubtful_one_is_not() -> None:
    widgets = [f"Compare offer {n}" for n in range(BYLINE_REACH + 5)]
    lines = split_lines("\n".join(["Moving Guide For Everyone", *widgets, "By Odile Fenwick", "Body text."]))
    rows = [{"title": 0.95}] + [{"misc": 0.9}] * len(widgets) + [{"byline": 0.95}, {"para": 0.9}]
    byline = len(widgets) + 1
    assert _far_model_byline(lines, _layout_of(rows, 0)) == (["Odile Fenwick"], {byline})
    rows[byline] = {"byline": 0.6, "misc": 0.4}  # the model's best guess, but not sure of it
    assert _far_model_byline(lines, _layout_of(rows, 0)) == ([], set())


def test_page_furniture_the_model_reads_as_a_byline_names_no_one() -> None:
    text = "Harbour Lights Return to the Old Quay\nSave Article\nBy Odile Fenwick\nBody text."
    rows = [{"title": 0.95}, {"byline": 0.6, "misc": 0.4}, {"byline": 0.9}, {"para": 0.9}]
    assert _model_bylines(split_lines(text), _layout_of(rows, 0), text) == (["Odile Fenwick"], {2})


def test_a_table_header_row_the_model_reads_as_a_byline_names_no_one() -> None:
    text = "Harbour Lights Return to the Old Quay\nLamp    Keeper\nNorth   1921\nThe lamps were lit again."
    rows = [{"title": 0.95}, {"byline": 0.9}, {"para": 0.6}, {"para": 0.9}]
    assert _model_bylines(split_lines(text), _layout_of(rows, 0), text) == ([], set())


def test_a_box_of_other_posts_the_model_reads_as_bylines_names_no_one() -> None:
    text = (
        "Harbour Lights Return to the Old Quay\nRecent Posts\n* March 1, 2024 Odile Fenwick\n"
        "Ferry fares rise again\n* February 27, 2024 Odile Fenwick\nHarbour wall repairs begin\n"
        "The lamps were lit again."
    )
    rows = [{"title": 0.95}, {"byline": 0.6}, {"byline": 0.9}, {"misc": 0.9}, {"byline": 0.9}, {"misc": 0.9}]
    rows.append({"para": 0.9})
    assert _model_bylines(split_lines(text), _layout_of(rows, 0), text) == ([], set())


def test_sections_after_a_byline_the_model_reads_are_no_names() -> None:
    text = "Harbour Lights Return\nJane Fenwick Lighthouses , Heritage\nThe lighthouses and heritage."
    rows = [{"title": 0.95}, {"byline": 0.9}, {"para": 0.9}]
    assert _model_bylines(split_lines(text), _layout_of(rows, 0), text) == (["Jane Fenwick"], {1})


def _headline(text: str, title_probs: list[float]) -> int:
    lines = split_lines(text)
    return choose_headline(lines, line_facts(lines, False), array("d", title_probs))[0]


def test_page_furniture_is_no_headline_unless_there_is_nothing_else() -> None:
    text = "Skip to main content\nHarbour Lights Return to the Old Quay\nThe lamps were lit again on Friday."
    assert _headline(text, [0.5, 0.2, 0.0]) == 1  # the likeliest line is furniture
    assert _headline("Skip to main content\nSign in", [0.3, 0.4]) == 1  # nothing but furniture


NOT_HEADLINES = (
    # a line of a site's controls and prompts
    "Got news tips?",
    "View your cart",
    "Close menu Back",
    "Submit your search",
    "Feedback Privacy",
    "Jump to main content",
    "Sponsor us on GitHub",
    "Sign-in to my account",  # a hyphenated word in its parts, a control word of two letters
    "Homepage Logo",
    "Lost your notes? Save your favourites in one place for free",
    # a menu rendered without spaces
    "HomeNewsSportHarbour LifeOpinion",
    "Ferries and TidesWeatherTravel",
    # a caption with its photo credit
    "Boats wait at the old quay on Friday. Photograph: Tomas Brill/Harbour Agency",
    "Boats wait at the old quay on Friday (AP Photo/Tomas Brill)",
)
HEADLINES = (
    "Council votes to close the main library branch",
    "Search for missing kayaker called off at dusk",
    "Why the news business needs a tip line",
    "Harbour Lights Return to the Old Quay",
    "Mara Quell wins the harbour rowing prize",
    "Ten months on, the quay reopens",
    "What is a CRM? (Customer Relationship Management)",
    "Ferry fares rise again (and 9/10 riders notice)",
    "YouTube star opens a café on the quay",  # one word glued to the next: a brand, not a menu
)


def test_lines_the_rules_tell_from_a_headline() -> None:
    lines = split_lines("\n".join(NOT_HEADLINES + HEADLINES))
    facts = line_facts(lines, False)
    vetoed = [line.clean for line, fact in zip(lines, facts, strict=True) if is_no_headline(line, fact)]
    assert vetoed == list(NOT_HEADLINES)


def test_a_line_that_is_no_headline_gives_way_to_one_that_could_be() -> None:
    for line in NOT_HEADLINES:
        text = f"{line}\nHarbour Lights Return to the Old Quay\nThe lamps were lit again on Friday."
        assert _headline(text, [0.6, 0.3, 0.0]) == 1, line
    assert _headline(f"{NOT_HEADLINES[0]}\nSign in", [0.5, 0.4]) == 0  # nothing else: the likeliest


def test_the_headline_above_a_standfirst_the_model_prefers() -> None:
    text = (
        "Harbour Lights Return to the Old Quay\n"
        "The lamps that guided fishing boats for a century were lit again on Friday after a long repair.\n"
        "Body."
    )
    assert _headline(text, [0.2, 0.6, 0.0]) == 0
    # too unlikely a headline keeps the model's pick
    assert _headline(text, [0.6 * ABOVE_SHARE * 0.9, 0.6, 0.0]) == 1
    # a line above that reads as a standfirst itself is no headline over it
    sentence = "The council met on Friday.\n" + text.split("\n", 1)[1]
    assert _headline(sentence, [0.2, 0.6, 0.0]) == 1
    # a headline over a shorter headline-like line (no standfirst): the model's pick stays
    assert _headline("Harbour Lights Return\nOld Quay Lamps Lit Again\nBody.", [0.2, 0.6, 0.0]) == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=20),
    st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=20, max_size=20),
)
def test_the_headline_is_a_line_with_some_title_probability(pieces: list[str], probs: list[float]) -> None:
    lines = split_lines("\n".join(pieces))
    title_probs = array("d", probs[: len(lines)])
    facts = line_facts(lines, False)
    title, best = choose_headline(lines, facts, title_probs)
    if best == 0.0:
        assert title == -1
        return
    assert 0 <= title < len(lines) and title_probs[title] > 0.0
    plain = [
        p
        for p, line, fact in zip(title_probs, lines, facts, strict=True)
        if not features.is_furniture(fact) and not is_no_headline(line, fact)
    ]
    assert best == (max(plain) if plain and max(plain) > 0.0 else max(title_probs))
