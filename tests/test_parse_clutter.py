from __future__ import annotations

import pytest

from newsinspect.parse import parse_article
from newsinspect.parse.body import body_blocks
from newsinspect.parse.clutter import (
    is_clutter,
    is_comments_heading,
    is_end_marker,
    is_reply_mark,
    opens_box,
)
from newsinspect.parse.lines import split_lines


@pytest.mark.parametrize(
    "line",
    [
        "0:00",
        "1:23 / 4:56",
        "Share",
        "Copy link",
        "* Share on X (opens in a new window)",
        "Share on Facebook Share on Twitter",
        "Advertisement",
        "Comments (40)",
        "12 Comments",
        "This post may contain affiliate links.",
        "Listen to this article",
        "Listen to this article 4 min",
        "Sign up for our Morning Drive newsletter",
        "Enter your email address",
        "Read More",
        "Related Articles",
        "*",
        "* * *",
        "Tweet Share",
        "We may earn a commission when you buy through links on this page.",
        "Save Article",
        "5 min read",
        "Story continues below advertisement",
        "Skip to main content",
        "|",
        "* Show more sharing options",
        "Copy Link URL Copied!",
        "* Copy article link",
        "Show more Show less",
        "Already a Subscriber? Sign in",
        "You are logged in",
        "RELATED: Another story about the council",
        "Subscribe to The Daily Ledger and stay smart.",
        "The Daily Ledger. All rights reserved.",
        "×",
        "3d Mark Ogden",
        "In Partnership With",
        "Be the first to rate & review!",
        "Share: X Facebook Reddit",
    ],
)
def test_clutter_lines(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3% on Monday.",
        "Advertisement spending rose sharply in the second quarter, the company said.",
        "The Belarus–Ukraine Conflict",
        "“Share it with everyone,” she said.",
        "She read more than 40 books last year.",
    ],
)
def test_article_lines_are_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_end_markers() -> None:
    assert is_end_marker("Related Articles")
    assert is_end_marker("More from Local")
    assert not is_end_marker("Related to the case, the court said nothing")


@pytest.mark.parametrize(
    "line",
    [
        "Related Articles",
        "Don't miss",
        "DON’T MISS",
        "* Recent Posts",
        "You may have missed…",
        "More in Politics",
        "More in Arts & Culture",
        "Related news:",
    ],
)
def test_box_headings(line: str) -> None:
    assert opens_box(line)


@pytest.mark.parametrize(
    "line",
    [
        "More in the way of rain is expected",
        "Top stories of the year were about floods",
        "Recent posts said so.",
        "Don't miss the last ferry on Sunday",
        "More",
    ],
)
def test_not_box_headings(line: str) -> None:
    assert not opens_box(line)


_ARTICLE = [
    "Terns Return to the Flats",
    "Volunteers counted more than 1,400 nesting pairs of terns on the flats last weekend, a record.",
    "The count follows five years of fencing that keeps walkers and dogs away from the shingle beach.",
]
_RESUMED = "Rangers will keep the fence in place until the last chicks have fledged in the middle of August."


def _body(lines: list[str]) -> list[str]:
    split = split_lines("\n".join(lines))
    # the model reads a paragraph after every line: a box heading opens a box rather than ending the article
    paragraphs, _ = body_blocks(split, split[0], None, set(), None, len(split))
    return [p.text for p in paragraphs]


def test_a_box_of_links_between_paragraphs_runs_over_long_teasers() -> None:
    box = [
        "Don't miss",
        "* Harbour pool to reopen for the summer after a two year repair costing more than expected",
        "Local choir raises thousands for the lifeboat station with a concert in the old chapel",
        "* Ten walks along the coast path that take less than an hour and end at a cafe.",
    ]
    assert _body([*_ARTICLE, *box, _RESUMED]) == [*_ARTICLE[1:], _RESUMED]


def test_the_box_ends_at_the_first_line_of_prose() -> None:
    box = [
        "Related",
        "* Harbour pool to reopen for the summer after a two year repair costing more than expected",
    ]
    resumed = "The colony is one of only three on this stretch of coast, and the birds are protected by law."
    after = ["* Eggs are laid in shallow scrapes on the shingle, often only a few metres from the tide line."]
    assert _body([*_ARTICLE, *box, resumed, *after, _RESUMED]) == [*_ARTICLE[1:], resumed, *after, _RESUMED]


def test_a_list_under_a_long_heading_stays_the_articles() -> None:
    # "More from ...:" opens a box, but a heading of more than a label's few words may head the article's
    # own list: its items that read as prose stay
    listed = [
        "More from the survey on shore birds and their nests:",
        "* Ringed plovers nested on the upper beach for the first time since the survey began in 1987",
        "* Oystercatchers raised more chicks than in any year of the last decade, the volunteers found",
    ]
    assert _body([*_ARTICLE, *listed, _RESUMED]) == [*_ARTICLE[1:], *listed[1:], _RESUMED]


def test_comment_thread_lines() -> None:
    for heading in (
        "12 Comments",
        "COMMENTS (4)",
        "See all comments (12)",
        "Join the conversation",
        "Responses",
    ):
        assert is_comments_heading(heading), heading
    for line in ("Comments are closed on this article because of legal reasons.", "Commentary", "No comment"):
        assert not is_comments_heading(line), line
    for mark in ("Reply", "* Report", "harbour_fan said:", "Log in to reply", "14 likes"):
        assert is_reply_mark(mark), mark
    for line in ("He did not reply to a request for comment.", "The council said:", "she said:", "Said:"):
        assert not is_reply_mark(line), line


_THREAD = [
    "14 Comments",
    "tern_watcher",
    "Wonderful news, I walked past the fence last week and the noise of the colony was something else.",
    "Reply",
    "Report",
    "shingle_sam",
    "Let's hope the dogs stay away this time, the signs were ignored all of last summer on the beach.",
    "Reply",
]


def test_a_comment_thread_ends_the_article() -> None:
    # the model may read the comments as paragraphs: a heading over reply marks ends the article anyway
    assert _body([*_ARTICLE, _RESUMED, *_THREAD]) == [*_ARTICLE[1:], _RESUMED]


def test_a_comments_heading_without_a_thread_is_only_a_line() -> None:
    lines = [*_ARTICLE, "Comments", _RESUMED]
    assert _RESUMED in _body(lines)


def test_clutter_stays_out_of_paragraphs_and_related_links_end_the_body() -> None:
    text = (
        "Ferries Delayed Again\n\nBy Ann Lee\nMay 2, 2023\n0:00\nShare\nCopy link\n\n"
        "The ferry was late again on Monday, riders said, for the third time this week.\n"
        "Advertisement\n"
        "Officials blamed a broken ramp and promised a fix by Friday, according to a statement.\n"
        "Comments (40)\n"
        "A third paragraph says the repairs will cost about $40,000 in all.\n"
        "Related Articles\n* Another ferry story\n* And one more\n"
    )
    texts = [p.text for p in parse_article(text).paragraphs]
    assert len(texts) == 3
    assert texts[0].startswith("The ferry was late")
    assert not any(t in texts for t in ("0:00", "Share", "Copy link", "Advertisement", "Comments (40)"))
    assert "* Another ferry story" not in texts


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe Events Video Special Issues Jobs",
        "News | Politics | Sports",
        "Gift this article",
        "Share full article",
        "Subscribers can gift articles to anyone",
    ],
)
def test_menus_and_gift_widgets(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize("line", ["Sports and Culture", "Local News", "More in US sports news today"])
def test_not_menus(line: str) -> None:
    assert not is_clutter(line)
