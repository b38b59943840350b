"""The headline ranker (parse/headline.py): its candidates, the facts it weighs, its place in the model."""

from __future__ import annotations

import math
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.parse import parse_article
from newsinspect.parse.crf import LayoutModel, shipped_model
from newsinspect.parse.features import line_facts
from newsinspect.parse.headline import CANDIDATES, HeadlineRanker, candidate_rows, candidates
from newsinspect.parse.lines import split_lines

LABELS = ["out", "title", "byline", "date", "para", "misc"]
BODY = (
    "The lamps that guided fishing boats into the old quay for a century were lit again on Friday "
    "after a repair that took the harbour board two winters and most of its savings."
)


def _probs(title_probs: list[float]) -> array[float]:
    """Label probabilities with the given title column, the rest of each line a paragraph."""
    rows = [[0.0, t, 0.0, 0.0, 1.0 - t, 0.0] for t in title_probs]
    return array("d", [value for row in rows for value in row])


def _rows(text: str, title_probs: list[float], chosen: int) -> dict[int, dict[str, float]]:
    lines = split_lines(text)
    facts = line_facts(lines, False)
    return dict(candidate_rows(lines, facts, _probs(title_probs), LABELS, chosen))


def test_a_teaser_cut_short_points_to_the_full_headline() -> None:
    text = f"Harbour lamps lit again on the old…\nMenu\nHarbour lamps lit again on the old quay\n{BODY}"
    rows = _rows(text, [0.6, 0.1, 0.3, 0.0], 0)
    assert rows[0]["prefix_of_other"] == 1.0 and rows[0]["other_is_prefix"] == 0.0
    assert rows[2]["other_is_prefix"] == 1.0 and "prefix_of_other" not in rows[2]
    assert rows[2]["be_far"] == 0.0 and rows[2]["be_near"] == 1.0  # two lines under the first step's pick
    lines = split_lines(text)
    ranker = HeadlineRanker({"other_is_prefix": 4.0, "chosen": 1.0})
    assert ranker.choose(lines, line_facts(lines, False), _probs([0.6, 0.1, 0.3, 0.0]), LABELS, 0) == 2


def test_a_section_name_glued_to_the_headline_above_it() -> None:
    text = (
        f"Coast News Harbour lamps lit again on the old quay\nHarbour lamps lit again on the old quay\n{BODY}"
    )
    rows = _rows(text, [0.6, 0.3, 0.0], 0)
    assert rows[1]["suffix_of_above"] == 1.0 and rows[0]["ends_suffix_below"] == 1.0
    assert rows[0]["suffix_of_above"] == 0.0 and rows[1]["ends_suffix_below"] == 0.0


def test_a_site_name_glued_to_the_headline_a_few_lines_away() -> None:
    text = (
        "Coast Guides Harbour lamps lit again on the old quay\nMenu\nShare\n"
        f"Harbour lamps lit again on the old quay\n{BODY}"
    )
    rows = _rows(text, [0.6, 0.0, 0.0, 0.3, 0.0], 0)
    assert rows[3]["suffix_of_near"] == 1.0 and rows[3]["ends_with_near"] == 0.0
    assert rows[3]["suffix_of_above"] == 0.0  # not the line right above it
    assert rows[0]["ends_with_near"] == 1.0 and rows[0]["suffix_of_near"] == 0.0
    far = text.replace("Share\n", "Share\nSearch\n")  # four lines apart: too far
    rows = _rows(far, [0.6, 0.0, 0.0, 0.0, 0.3, 0.0], 0)
    assert rows[4]["suffix_of_near"] == 0.0 and rows[0]["ends_with_near"] == 0.0


def test_a_navigation_path_has_two_separators_or_more() -> None:
    text = f"Home >> Coast >> Harbour lamps\nHarbour lamps lit again / for now\nCoast | Harbour\n{BODY}"
    rows = _rows(text, [0.5, 0.4, 0.1, 0.0], 0)
    assert rows[0]["path"] == 1.0
    assert rows[1]["path"] == 0.0 and rows[2]["path"] == 0.0  # one separator each


def test_a_headline_over_its_longer_standfirst_stands_in_a_stack() -> None:
    text = (
        "Harbour lamps lit again\n"
        "The harbour board spent two winters and most of its savings on the repair\n"
        f"Sign up for the weekly harbour newsletter\n\n\n\n{BODY}"
    )
    rows = _rows(text, [0.5, 0.4, 0.1, 0.0], 0)
    assert rows[0]["stack_below"] == 1.0 and rows[0]["stack_above"] == 0.0
    assert rows[0]["shorter_in_stack"] == 1.0  # its standfirst is longer
    assert rows[1]["stack_above"] == 1.0 and rows[1]["stack_below"] == 1.0
    alone = _rows(text.replace("Sign up for the weekly harbour newsletter\n", ""), [0.5, 0.4, 0.0], 0)
    assert alone[1]["stack_above"] == 1.0 and alone[1]["shorter_in_stack"] == 1.0  # the paragraph under it
    lone = _rows(f"Harbour lamps lit again\nMenu\nShare\nSearch\n{BODY}", [0.5, 0.0, 0.0, 0.0, 0.0], 0)
    # its neighbours are furniture (no candidates) and the paragraph is four lines down
    assert lone[0]["stack_below"] == 0.0 and lone[0]["shorter_in_stack"] == 0.0


def test_candidates_leave_out_furniture_unless_there_is_nothing_else() -> None:
    lines = split_lines("Skip to main content\nHarbour Lamps Lit Again\nSign in")
    facts = line_facts(lines, False)
    assert candidates(lines, facts, array("d", [0.9, 0.1, 0.5])) == [1]
    only = split_lines("Skip to main content\nSign in")
    assert candidates(only, line_facts(only, False), array("d", [0.2, 0.5])) == [1, 0]


def test_at_most_the_likeliest_few_are_candidates_in_order() -> None:
    text = "\n".join(f"Harbour headline number {n} of the day" for n in range(CANDIDATES + 3))
    lines = split_lines(text)
    probs = array("d", [0.01 * n for n in range(len(lines))])
    assert candidates(lines, line_facts(lines, False), probs) == list(range(len(lines) - 1, 2, -1))


def test_a_headline_printed_twice_is_one_candidate_with_the_belief_of_both_copies() -> None:
    text = (
        "Ferry delayed again at the north pier\nHarbour lamps lit again on the old quay\n"
        f"Harbour lamps lit again on the old quay\n* Harbour lamps lit again on the old quay\n{BODY}"
    )
    rows = _rows(text, [0.4, 0.3, 0.2, 0.0, 0.0], 1)
    assert 1 in rows and 2 not in rows  # the second copy is no candidate of its own
    assert abs(rows[1]["logp"] - math.log(0.5)) < 1e-9
    assert abs(rows[1]["ratio"] - 0.5 / 0.4) < 1e-9  # against the text of the likeliest line
    assert rows[1]["chosen"] == 1.0 and rows[0]["chosen"] == 0.0
    assert rows[1]["rep"] == 1.0  # also printed as a breadcrumb, in another form
    alone = _rows(text.replace("* Harbour lamps lit again on the old quay\n", ""), [0.4, 0.3, 0.2, 0.0], 2)
    assert alone[1]["rep"] == 0.0 and alone[1]["chosen"] == 1.0  # its copy was the first step's pick


def test_lead_words_are_shared_with_the_article() -> None:
    text = f"Harbour lamps lit again\nSign up for our newsletter today\n{BODY}\n{BODY}"
    rows = _rows(text, [0.5, 0.4, 0.0, 0.0], 0)
    assert rows[0]["lead_any"] == 1.0 and rows[0]["lead"] > 0.5  # harbour, lamps, lit are in the body
    assert rows[0]["blk_above"] == 1.0 and rows[0]["dek_under"] == 0.0


def test_topic_words_are_what_three_paragraphs_or_more_hold_anywhere_on_the_page() -> None:
    lantern = (
        "The lantern makers of the old quarter say the glass they blow by hand outlasts anything the "
        "factories sell, and the orders for a lantern come from three continents now."
    )
    kiln = (
        "Each lantern spends a night in the kiln before its glass is ground, and the makers keep the "
        "fires going through the winter so that the orders leave before the spring fairs open."
    )
    market = (
        "At the spring fair the makers sell a lantern every few minutes, and a buyer from a hotel chain "
        "ordered two hundred of them this year, the most any of the workshops can remember."
    )
    footer = (
        "All rights reserved by the publisher of this site, which takes no responsibility for the content "
        "of external sites, the tips its readers send, or the opinions expressed in comments below."
    )
    headline = "Lantern makers fire the old kilns again"
    text = f"Got a tip? Tell us\n{headline}\n{lantern}\n{kiln}\n{market}\nMenu\n{footer}"
    rows = _rows(text, [0.5, 0.4, 0.0, 0.0, 0.0, 0.0, 0.0], 0)
    # lantern and makers are in the three paragraphs; old in one, kilns (plural) and fire in none
    assert rows[1]["topic"] == 2 / 6 and rows[1]["topic_n"] == math.log(3)
    assert rows[0]["topic"] == 0.0 and rows[0]["topic_n"] == 0.0  # "tip" is in the footer alone


def test_the_ranker_travels_in_the_model_file_and_an_old_file_still_loads() -> None:
    ranker = HeadlineRanker({"chosen": 2.5, "lead": 1.25}, -3.0)
    model = LayoutModel(["a", "b"], [[0.0, 0.1], [0.2, 0.0]], {"bias": [0.5, -0.5]}, ranker)
    loaded = LayoutModel.from_json(model.to_json())
    assert loaded.headline is not None
    assert loaded.headline.weights == ranker.weights and loaded.headline.bias == -3.0
    assert loaded.to_json() == model.to_json()
    old = LayoutModel(["a", "b"], [[0.0, 0.1], [0.2, 0.0]], {"bias": [0.5, -0.5]})
    assert '"headline"' not in old.to_json() and LayoutModel.from_json(old.to_json()).headline is None


def test_the_shipped_model_has_a_ranker_that_trusts_the_first_step_and_the_page_topic_most() -> None:
    model = shipped_model()
    assert model is not None and model.headline is not None
    weights = model.headline.weights
    # among its four heaviest weights (the fourth, the candidate's length, is as heavy as the topic share)
    assert {"chosen", "topic", "topic_n"} <= set(sorted(weights, key=lambda name: -weights[name])[:4])


def test_a_model_without_a_ranker_parses_as_the_first_step_reads() -> None:
    model = shipped_model()
    assert model is not None
    plain = LayoutModel(model.labels, model.transitions, model.weights)
    text = f"Harbour Lamps Lit Again on the Old Quay\nBy Ann Lee\n{BODY}"
    assert parse_article(text, model=plain).title == parse_article(text).title == text.split("\n")[0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(["Sign in", "Harbour Lamps Lit…", BODY]), st.text(max_size=40)), max_size=15
    ),
    st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=15, max_size=15),
    st.integers(min_value=0, max_value=14),
)
def test_the_ranker_picks_a_candidate_or_keeps_the_first_choice(
    pieces: list[str], probs: list[float], chosen: int
) -> None:
    lines = split_lines("\n".join(pieces))
    if not lines:
        return
    chosen = chosen % len(lines)
    facts = line_facts(lines, False)
    # A piece may hold line breaks, so there can be more lines than pieces: each line gets a probability.
    flat = _probs([probs[k % len(probs)] for k in range(len(lines))])
    ranker = HeadlineRanker({"chosen": 1.0, "lead": 2.0, "other_is_prefix": 3.0, "logp": 0.5})
    pick = ranker.choose(lines, facts, flat, LABELS, chosen)
    assert pick == chosen or pick in candidates(lines, facts, flat[1 :: len(LABELS)])


def test_a_signed_headline_is_a_candidate_however_unlikely() -> None:
    """The head of an article (a headline-shaped line with a byline or a date a line or three under it) joins
    the likeliest few, whatever its title probability; a line that is itself a byline or a date does not."""
    menu = [f"Harbour Section {n}" for n in range(CANDIDATES + 2)]
    text = "\n".join([*menu, "Lamps Lit Again on the Old Quay", "By Odile Fenwick", "May 2, 2023", BODY])
    lines = split_lines(text)
    facts = line_facts(lines, False)
    head = len(menu)
    # the two menu lines right over it are signed too (within three lines of the byline), but less likely
    probs = array("d", [0.5 - 0.01 * n for n in range(CANDIDATES)] + [0.0, 0.0, 0.001, 0.002, 0.0, 0.0])
    found = candidates(lines, facts, probs)
    assert found[:CANDIDATES] == list(range(CANDIDATES)) and found[CANDIDATES:] == [head]
    rows = dict(candidate_rows(lines, facts, _probs(list(probs)), LABELS, 0))
    assert rows[head]["signed"] == 1.0 and rows[0]["signed"] == 0.0
    unsigned = text.replace("By Odile Fenwick\nMay 2, 2023\n", "")
    lines = split_lines(unsigned)
    assert candidates(lines, line_facts(lines, False), probs) == list(range(CANDIDATES))
