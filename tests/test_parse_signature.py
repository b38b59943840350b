"""Writers named away from the header (parse/signature.py), through the whole parser: each sign names the
writer only when no byline does, and the look-alikes of each name no one."""

from __future__ import annotations

import pytest

from newsinspect.parse import parse_article

HEADLINE = "How the harbour ferry timetable changed this spring"
BODY = (
    "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening hours.\n\n"
    "Most of the speakers wanted the old timetable back before the summer season begins in earnest.\n\n"
    "The ferry company said it would publish a new timetable next month after a second round of talks.\n"
)

# enough article that the header rules, which read the top of the page, never reach the lines under it
LONG = "".join(f"Speaker {n} asked the council to keep the late ferry on summer days.\n\n" for n in range(30))


def _page(top: str = "", bottom: str = "") -> str:
    return f"{HEADLINE}\n\n{top}{BODY}\n{bottom}"


@pytest.mark.parametrize(
    ("bottom", "authors"),
    [
        ("Tags:\nFerries\nBy Oskar Lindqvist\nMay 2, 2024\n", ("Oskar Lindqvist",)),
        ("Share this article\nOskar Lindqvist\nAuthor\nOskar writes about ferries.\n", ("Oskar Lindqvist",)),
        ("Share this article\nOskar Lindqvist\nStaff Writer\n", ("Oskar Lindqvist",)),
        # a name over no label: a related story's title or a sidebar's, not a signature
        ("Related Stories\nOskar Lindqvist\nMore from the harbour\n", ()),
    ],
)
def test_a_byline_just_under_the_article(bottom: str, authors: tuple[str, ...]) -> None:
    assert parse_article(_page(top=LONG, bottom=bottom)).authors == authors


def test_a_byline_far_under_the_article_is_a_related_story_s() -> None:
    related = "Related\n" + "".join(f"Ferry story number {n}\n" for n in range(8))
    assert parse_article(_page(top=LONG, bottom=related + "By Oskar Lindqvist\n")).authors == ()
    near = "".join(related.splitlines(keepends=True)[:3])
    found = parse_article(_page(top=LONG, bottom=near + "By Oskar Lindqvist\n")).authors
    assert found == ("Oskar Lindqvist",)


@pytest.mark.parametrize(
    ("lead", "authors"),
    [
        ("I’m Mara Lindqvist, captain of a ferry, and I have sailed these routes.", ("Mara Lindqvist",)),
        ("Hey, I'm Tove, ferry nerd and the person behind this little blog about harbour boats.", ("Tove",)),
        # a mood, not a name; and a quoted speaker, not the writer
        ("I'm glad, honestly, that the council finally listened to the people who ride the ferry.", ()),
        ("“I’m Mara Lindqvist, and I ride this ferry every day,” one speaker told the council.", ()),
    ],
)
def test_the_writer_introducing_themselves_in_the_lead(lead: str, authors: tuple[str, ...]) -> None:
    article = parse_article(_page(top=lead + "\n\n"))
    assert article.authors == authors
    assert any(p.text == lead for p in article.paragraphs)  # the introduction stays article text


@pytest.mark.parametrize(
    ("top", "authors"),
    [
        ("* Tove\n* Mar 3\n* 4 min read\n\n", ("Tove",)),
        ("* Dr. Brekke\n* 6 min read\n\n", ("Dr. Brekke",)),
        ("* Ferries\n* Timetables\n* Fares\n\n", ()),  # no read time: a list of topics
        ("* Updated\n* Mar 3\n* 4 min read\n\n", ()),  # a word no name opens with
    ],
)
def test_a_name_listed_with_the_read_time(top: str, authors: tuple[str, ...]) -> None:
    assert parse_article(_page(top=top)).authors == authors


def test_a_name_run_into_a_first_person_biography() -> None:
    box = "Tove Brekke I'm a ferry captain and writer. I sail the fjords every week.\n"
    assert parse_article(_page(top=LONG, bottom=box)).authors == ("Tove Brekke",)
    told = "Then Tove Brekke I'm a captain, she said, and the room laughed at the joke.\n"
    assert parse_article(_page(top=LONG, bottom=told)).authors == ()  # the name opens no line


def test_an_introduction_deep_in_the_article_names_no_one() -> None:
    later = "".join(f"Speaker {n} wanted the ferry to run later on summer nights.\n\n" for n in range(6))
    text = _page(top=later + "I’m Mara Lindqvist, captain of a small ferry, and I ride daily.\n\n")
    assert parse_article(text).authors == ()


@pytest.mark.parametrize(
    ("top", "authors"),
    [
        ("By Ask the Harbour Master\n\n", ("Ask the Harbour Master",)),
        ("Written By Ferry Fans Weekly\n\n", ("Ferry Fans Weekly",)),
        ("By 4x Ferry Labs\n\n", ("4x Ferry Labs",)),
        ("By 2 Harbour Pilots\n\n", ()),  # a number, not a name's first word
        # a prompt, a filter label, a phrase: no byline
        ("By Signing Up\n\n", ()),
        ("By Route or Season\n\n", ()),
        ("By The Way\n\n", ()),
    ],
)
def test_a_by_line_that_names_no_person(top: str, authors: tuple[str, ...]) -> None:
    assert parse_article(_page(top=top)).authors == authors


@pytest.mark.parametrize(
    ("top", "authors"),
    [
        ("Reviewed by Oskar Lindqvist, Maritime Attorney, on May 2, 2024.\n\n", ("Oskar Lindqvist",)),
        ("Medically reviewed by Oskar Lindqvist\n\n", ("Oskar Lindqvist",)),
        # a byline names the writer: the reviewer is not the author then
        ("By Mara Holm\n\nReviewed by Oskar Lindqvist\n\n", ("Mara Holm",)),
        ("Reviewed by our editors on May 2, 2024.\n\n", ()),
    ],
)
def test_a_reviewer_line_when_no_byline_names_the_writer(top: str, authors: tuple[str, ...]) -> None:
    assert parse_article(_page(top=top)).authors == authors


@pytest.mark.parametrize(
    ("bottom", "authors"),
    [
        ("Copyright Mara Lindqvist 2012-2025. Some rights reserved.\n", ("Mara Lindqvist",)),
        ("Copyright Oskar Lindqvist 2012-2025.\n", ()),  # no known given name: as likely a business
        ("© Copyright 2009-2024 Mara Holm\n", ("Mara Holm",)),
        ("© 2024 Harbour Media Group. All rights reserved.\n", ()),  # a company holds it
        ("© Mara Holm\n", ()),  # no year: a photo credit as often as a copyright line
    ],
)
def test_the_owner_of_a_personal_site(bottom: str, authors: tuple[str, ...]) -> None:
    assert parse_article(_page(bottom=bottom)).authors == authors


def test_the_title_of_a_personal_blog_names_its_owner() -> None:
    text = "Oskar Lindqvist's blog\n\n" + _page()
    assert parse_article(text).authors == ("Oskar Lindqvist",)
    assert parse_article("The Harbour's blog\n\n" + _page()).authors == ()


def test_an_author_note_set_apart_as_the_last_paragraph() -> None:
    note = "Oskar Lindqvist is a senior writer for the Harbour Courier, covering ferries and ports.\n"
    links = "More Harbour Stories\n* The new pier opens\n* Ferry fares rise again\n"
    assert parse_article(_page(bottom=links + note)).authors == ("Oskar Lindqvist",)
