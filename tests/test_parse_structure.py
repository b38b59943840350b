"""Headings, datelines, titles and line ends."""

from __future__ import annotations

import itertools

import pytest

from newsinspect import lexicon
from newsinspect.parse import parse_article
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.headings import is_heading
from newsinspect.parse.lines import split_lines
from newsinspect.parse.title import is_title_case
from newsinspect.text.case import capitalised_share


@pytest.mark.parametrize(
    "line",
    [
        "Belarus–Ukraine Conflict",
        "What Comes Next",
        "Coral gardens in the dark",
        "Who Rides at Night?",
        "The Booth",
    ],
)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council voted on Tuesday.",
        "“It works,” she said",
        "and then it rained",
        "Is it going to rain again tomorrow in the whole valley?",
        "A long line of words that goes on and on and on well past any heading length",
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("KYIV, Ukraine (AP) — Air raid sirens sounded.", "KYIV, Ukraine", "Air raid sirens sounded."),
        ("WASHINGTON — The Senate voted.", "WASHINGTON", "The Senate voted."),
        ("SPRINGFIELD, Ill. (AP) — It was the dog.", "SPRINGFIELD, Ill.", "It was the dog."),
        ("NEW YORK (Reuters) - Stocks rose.", "NEW YORK", "Stocks rose."),
    ],
)
def test_datelines(paragraph: str, dateline: str, rest: str) -> None:
    found = split_dateline(paragraph)
    assert found is not None
    assert found[0] == dateline
    assert paragraph[found[1] :] == rest


@pytest.mark.parametrize(
    "paragraph", ["The Senate voted — again.", "I — for one — disagree.", "NASA said so."]
)
def test_no_dateline(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_dateline_is_cut_from_the_first_paragraph_with_offsets() -> None:
    text = (
        "Sirens in the Capital\n\nBy Ann Lee\nMay 2, 2023\n\n"
        "KYIV, Ukraine (AP) — Air raid sirens sounded at dawn.\n"
    )
    article = parse_article(text)
    assert article.dateline == "KYIV, Ukraine"
    first = article.paragraphs[0]
    assert first.text == "Air raid sirens sounded at dawn."
    assert text[first.start : first.end] == first.text


def test_heading_between_paragraphs_in_an_article() -> None:
    text = (
        "Harbor Works Begin\n\nBy Ann Lee\nMay 2, 2023\n\n"
        "The first paragraph is here and it is long enough.\n"
        "Belarus–Ukraine Conflict\nThe second paragraph follows the heading line.\n"
    )
    kinds = [(p.kind, p.text[:8]) for p in parse_article(text).paragraphs]
    assert kinds == [("paragraph", "The firs"), ("heading", "Belarus–"), ("paragraph", "The seco")]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_ends_keep_offsets(ending: str) -> None:
    text = ending.join(
        [
            "Title Line Of The Story",
            "",
            "By Ann Lee",
            "May 2, 2023",
            "",
            "First paragraph of the story, long enough to be body text.",
            "Second paragraph here.",
        ]
    )
    article = parse_article(text)
    assert article.title == "Title Line Of The Story"
    assert article.authors == ("Ann Lee",)
    assert [p.text for p in article.paragraphs] == [
        "First paragraph of the story, long enough to be body text.",
        "Second paragraph here.",
    ]
    for p in article.paragraphs:
        assert text[p.start : p.end] == p.text


def test_lines_trim_invisible_characters_without_changing_offsets() -> None:
    text = "\ufeff\u200b Title here\u00a0\t\r\n\u200b\r\n\tBody\u200d"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["Title here", "Body"]
    for line in lines:
        assert text[line.start : line.end] == line.text
    assert lines[1].blank_before


def test_breadcrumbs_above_the_headline_are_skipped() -> None:
    text = (
        "* World\n* Europe\nHome > World > Europe\n\nFlood Waters Rise Along the River\n\n"
        "By Ann Lee\nMay 2, 2023\n\nThe river rose two meters overnight, officials said.\n"
    )
    article = parse_article(text)
    assert article.title == "Flood Waters Rise Along the River"
    assert article.title_span is not None
    assert text[article.title_span[0] : article.title_span[1]] == article.title


def test_title_and_dek() -> None:
    text = (
        "Lanternfall Is the Cozy Horror Game Nobody Asked For\n\n"
        "The indie hit mixes chores with a haunted lighthouse"
        "\n\nBy Ann Lee\nMay 2, 2023\n\nThe game begins like any other farming game, with a field.\n"
    )
    article = parse_article(text)
    assert article.title == "Lanternfall Is the Cozy Horror Game Nobody Asked For"
    assert article.subtitle == "The indie hit mixes chores with a haunted lighthouse"


def test_title_case() -> None:
    assert is_title_case("The Cardamom Bun That Took Over Our Town")
    assert not is_title_case("The indie hit mixes farming chores with a haunted lighthouse")


def test_title_case_stopping_early_agrees_with_the_share() -> None:
    # is_title_case stops at the first word after which the share cannot reach 0.8: the full count
    # over every mix of capitalised, lower-case, small and non-letter words must agree
    shapes = ["Harbour", "votes", "of", "(Town)", "“quoted”", "42", "—", "Élan", "été"]
    minor = lexicon.words("minor_words_headlines")
    for size in range(1, 6):
        for words in itertools.product(shapes, repeat=size):
            text = " ".join(("Lead", *words))
            stripped = [w.strip("‘’“”\"'()[]") for w in words]
            capitalised, content = capitalised_share(stripped, minor)
            assert is_title_case(text) == (content >= 2 and capitalised / content >= 0.8), text


def test_relative_date_gives_null_and_a_warning() -> None:
    text = "Game Review Title Goes Here\n\nBy Ann Lee\nPublished Friday 4:10PM\n\nThe game is good, mostly.\n"
    article = parse_article(text)
    assert article.published is None
    assert any("relative date" in w for w in article.warnings)


def test_empty_and_blank_input() -> None:
    for text in ("", "   \n\r\n\t", "\u200b"):
        article = parse_article(text)
        assert article.title is None
        assert article.paragraphs == ()
        assert article.stats.words == 0


def _title_of(text: str) -> tuple[str | None, str | None]:
    article = parse_article(text)
    return article.title, article.subtitle


def test_kicker_headline_and_dek_stacked_above_the_byline() -> None:
    text = (
        "* Showbiz\nOH NO SHE DIDN'T!\n\nSinger Forgets Her Lines and Makes Them Up on Stage\n\n"
        "Despite her best efforts, some fans had harsh words for the performance\n"
        "* Mary Gale\n* Published : 16:46, 22 Dec 2023\n\n"
        "The singer was so nervous that she forgot her lines.\n"
    )
    assert _title_of(text) == (
        "Singer Forgets Her Lines and Makes Them Up on Stage",
        "Despite her best efforts, some fans had harsh words for the performance",
    )


def test_quoted_kicker_between_headline_and_name() -> None:
    text = (
        "Mayor Pardons Thousands of Parking Fines\n\n‘EQUAL JUSTICE’\n\nAl Nguen\n\nBreaking News Intern\n\n"
        "Published Dec. 22, 2023 3:44PM EST\n\n"
        "The mayor pardoned thousands of fines on Friday, officials said.\n"
    )
    article = parse_article(text)
    assert article.title == "Mayor Pardons Thousands of Parking Fines"
    assert article.authors == ("Al Nguen",)


def test_section_line_above_the_headline() -> None:
    text = (
        "Opinion, Faculty Notes\n\nExam Season Stress Is a Shared Problem\n\nBy Ruth Anne Palmer\n\n"
        "May 8, 2023\n\nExam season stress has finally been noticed across the country's schools.\n"
    )
    assert _title_of(text)[0] == "Exam Season Stress Is a Shared Problem"


def test_headline_printed_twice_among_teasers() -> None:
    text = (
        "Another Night Amid Another Delay For the Ferry\n\n"
        "'Blue Harbor' Singer Retires at 58\n\n'Blue Harbor' Singer Retires at 58\n\n"
        "* Latest Updates\n3/14/2024 7:15 AM PT\n\nThe singer, known for a sea-shanty album, has retired.\n"
    )
    assert _title_of(text)[0] == "'Blue Harbor' Singer Retires at 58"


def test_headline_glued_to_breadcrumbs() -> None:
    text = (
        "Search\nHome Spy Apps Best Spy Apps for Phones 2023 | Top 10 Reviewed\n"
        "Best Spy Apps for Phones 2023 | Top 10 Reviewed\nAl Stevens Senior Writer\n"
        "Updated: October 9, 2023 | 10:26 AM\n\nWith one of the best apps you can see everything.\n"
    )
    article = parse_article(text)
    assert article.title == "Best Spy Apps for Phones 2023 | Top 10 Reviewed"
    assert article.authors == ("Al Stevens",)


def test_site_logo_and_menu_are_not_the_headline() -> None:
    text = (
        "The Daily Ledger logo.\nMenu\n* Travel\nThe quietest islands to visit in 2024\n"
        "A short guide to the calmest ferries, beaches, and walking paths of the season.\n"
        "This summer, travellers have more choice than ever when it comes to small islands of every kind.\n"
    )
    assert _title_of(text)[0] == "The quietest islands to visit in 2024"


def test_first_paragraph_with_a_dateline_is_not_the_dek() -> None:
    text = (
        "Old Mill Gets a New Life\n\n"
        "SPRINGFIELD, Ill. (AP) — It was the dog, stuck atop the silos, that started it.\n\n"
        "By Jon Oakes The Associated Press\nDec 24, 2023\n\n"
        "The stray had found its way to the top of the mill.\n"
    )
    article = parse_article(text)
    assert article.title == "Old Mill Gets a New Life"
    assert article.subtitle is None
    assert article.dateline == "SPRINGFIELD, Ill."
    assert article.authors == ("Jon Oakes",)
    assert article.paragraphs[0].text.startswith("It was the dog")


def test_opening_furniture_is_dropped_but_a_plain_caption_line_is_kept() -> None:
    text = (
        "Interview With a Linguist\n\nSaturday, April 4, 2009\n\n"
        "View 48 Photos\nSee Local Pricing And Specs Today\n"
        "Linguist and author Mira Vance in her office\n"
        "Mira Vance is a professor emerita of linguistics, and she spoke to us in her office.\n"
    )
    texts = [p.text for p in parse_article(text).paragraphs]
    assert texts[0] == "Linguist and author Mira Vance in her office"
    assert "View 48 Photos" not in texts
    assert "See Local Pricing And Specs Today" not in texts


def test_warnings_when_nothing_article_like_is_found() -> None:
    article = parse_article("Share\nAdvertisement\n0:00\n")
    assert article.title is None
    assert "no headline found" in article.warnings
    assert "no article paragraphs found" in article.warnings
    assert parse_article("").warnings == ()


def test_teasers_with_age_lines_above_the_headline() -> None:
    text = (
        "Why the Harbor Club Can't Keep Its Captain\n3d Mark Oakley\n"
        "As the new schedule lands, all eyes turn to the derby\n2d Kyle Bona\n\n"
        "Harbor City win the regional cup for a third time\n\n"
        "* Rob Dalton, Correspondent Dec 22, 2023, 10:15 PM\n\n"
        "HARBOR CITY -- If there was any doubt before, there is none now, the coach said.\n"
    )
    article = parse_article(text)
    assert article.title == "Harbor City win the regional cup for a third time"
    assert article.authors == ("Rob Dalton",)


def test_widgets_between_headline_and_dek_do_not_split_them() -> None:
    text = (
        "* Recipes\n\nGiant Peppermint Cookies Are the Perfect Holiday Treat\n\n"
        "Be the first to rate & review!\n\n"
        "Plan ahead! This cookie recipe needs at least a four hour chill time.\n\nBy\nErin Hale\n"
        "Published on December 22, 2023\n\n"
        "These cookies are big, soft and full of peppermint, and worth it.\n"
    )
    article = parse_article(text)
    assert article.title == "Giant Peppermint Cookies Are the Perfect Holiday Treat"
    assert article.subtitle == "Plan ahead! This cookie recipe needs at least a four hour chill time."
    assert article.authors == ("Erin Hale",)
