from __future__ import annotations

import pytest

from newsinspect.parse import authors as au
from newsinspect.parse import parse_article
from newsinspect.parse.authors import (
    bare_name,
    byline_authors,
    doubtful_names,
    is_by_alone,
    late_byline,
    names_before_date,
    told_to_authors,
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Mira Castellanos", ["Mira Castellanos"]),
        ("by Mira Castellanos - 12/22/23 11:35 AM ET", ["Mira Castellanos"]),
        ("By Mira Castellanos and Theo Brandt", ["Mira Castellanos", "Theo Brandt"]),
        ("By Ana Ruiz, Bo Lindqvist and Chidi Eze", ["Ana Ruiz", "Bo Lindqvist", "Chidi Eze"]),
        ("By Ana Ruiz & Bo Lindqvist", ["Ana Ruiz", "Bo Lindqvist"]),
        ("By Priya Raman | Reuters", ["Priya Raman"]),
        ("By Dana OkaforPublished: Mar 4, 2024 9:05 AM EST", ["Dana Okafor"]),
        ("By Kira LandDec 22, 2023", ["Kira Land"]),
        ("By Ivo Petrov on December 21, 2023 at 3:53PM PST", ["Ivo Petrov"]),
        ("By The Associated Press", ["The Associated Press"]),
        ("By Noor Haddad Staff Writer", ["Noor Haddad"]),
        ("By Noor Haddad, Senior Editor", ["Noor Haddad"]),
        (
            "By Lars Ek and Mona Vik Herald Staff and Herald Correspondent, Updated May 2, 2023",
            ["Lars Ek", "Mona Vik"],
        ),
        ("By Ruth Osei • 05/26/22 4:20pm", ["Ruth Osei"]),
        ("* By Jan de Vries", ["Jan de Vries"]),
        ("Written by Ike Amadi", ["Ike Amadi"]),
        ("By Tomás Ó Briain, Contributor, Tech Weekly |", ["Tomás Ó Briain"]),
        ("By Sam Reed The Associated Press", ["Sam Reed"]),
        ("By Ada Lin, Chief Technology Officer and Head of Research", ["Ada Lin"]),
        ("By Kettle Falls Herald staff", ["Kettle Falls Herald"]),
    ],
)
def test_byline_shapes(line: str, names: list[str]) -> None:
    assert byline_authors(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By submitting your email you agree to the Terms and Privacy Policy",
        "By the time the storm reached the coast, most residents had left.",
        "By 2030 the city wants to plant a million trees",
        "Photography by Lee Park",
        "Nearby residents said",
    ],
)
def test_not_bylines(line: str) -> None:
    assert not byline_authors(line)


def test_by_on_its_own_line() -> None:
    assert is_by_alone("By")
    assert is_by_alone("By:")
    assert not is_by_alone("By Jo Doe")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tex Ramos - December 21, 2023", ["Tex Ramos"]),
        ("Courtney VaskPublished: December 20, 2023", ["Courtney Vask"]),
        ("Rob Dalton, Correspondent Dec 22, 2023, 10:15 PM", ["Rob Dalton"]),
        ("Lena Marsh, Reuters", []),  # no date: that is for bare_name
        ("The storm hit on December 21, 2023", []),
        ("Police said on December 21, 2023 that two men were held", []),
    ],
)
def test_names_run_into_dates(line: str, names: list[str]) -> None:
    assert names_before_date(line) == names


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Naveen Park", "Naveen Park"),
        ("Lena Marsh, Reuters", "Lena Marsh"),
        ("Bucky Stone | Sports Analyst", "Bucky Stone"),
        ("Social Links for Nick Amsel", "Nick Amsel"),
        ("Senior Editor", None),
        ("Czech Republic", "Czech Republic"),  # looks like a name: only used next to a date line
        ("The storm is coming", None),
        ("As MLS 2024 schedule releases", None),
        ("Reuters", None),
    ],
)
def test_bare_name(line: str, name: str | None) -> None:
    assert bare_name(line) == name


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Dec 15, 2025 · 30 min · 6279 words · Oskar Lind", ["Oskar Lind"]),
        ("109 Comments | Mara Brekke | Last Updated: March 11, 2019", ["Mara Brekke"]),
        ("Mar 3, 2024 · Harbour Life · 6 min read", []),  # amid the stamps, no known given name: a section
        ("Dec 15, 2025 · Garden Notes · Oskar Lind", []),  # two pieces without a number: which is the name?
        ("Staff Herald | May 10, 2022 01:52:54 PM", []),  # a newsroom's stamp
        ("Dec 15, 2025", []),
    ],
)
def test_a_name_among_stamp_pieces(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import name_among_stamps

    assert name_among_stamps(line) == names


def test_told_to() -> None:
    assert told_to_authors("Amie Roe as told to Heather Lund") == ["Heather Lund"]
    assert told_to_authors("Stories as told to children") is None


def test_bare_name_line_next_to_the_date_is_the_author() -> None:
    text = (
        "A Quiet Harbor Town Votes\n\nJorun Vik\n10/12/2022\n\n"
        "The council voted on Tuesday to rebuild the wall.\n"
    )
    assert parse_article(text).authors == ("Jorun Vik",)


def test_by_alone_then_name_line() -> None:
    text = (
        "Headline About Ferries Today\n\nBy\nMarta Quell\nOct. 12, 2022\n\n"
        "The ferry was late again, riders said.\n"
    )
    article = parse_article(text)
    assert article.authors == ("Marta Quell",)
    assert article.title == "Headline About Ferries Today"


def test_job_title_and_staff_noise_never_become_authors() -> None:
    text = (
        "Markets Slide on Rate Fears\n\nBy Staff\nSenior Editor\nMay 2, 2023\n\n"
        "Stocks fell on Tuesday as traders sold.\n"
    )
    assert parse_article(text).authors == ()


def test_a_date_is_never_an_author() -> None:
    text = "Markets Slide on Rate Fears\n\nMay 2, 2023\n\nStocks fell on Tuesday as traders sold.\n"
    article = parse_article(text)
    assert article.authors == ()
    assert article.published == "2023-05-02"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Aug 12, 2021 / Klara Sieber", ["Klara Sieber"]),
        ("Dec 22, 2023 by Ennio de Luca", ["Ennio de Luca"]),
        ("May 30, 2023 | Amy Galt, Senior Editor", ["Amy Galt"]),
        ("May 30, 2023 Readers said so", []),
    ],
)
def test_names_after_the_date(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import names_after_date
    from newsinspect.parse.dates import find_dates

    assert names_after_date(line, find_dates(line)[0].end) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Dec. 19, 2025 · Tobias Wren on behalf of the Ferry Riders Group", ["Tobias Wren"]),
        ("Dec. 19, 2025 · by Tobias Wren on behalf of the Ferry Riders Group", ["Tobias Wren"]),
        ("Dec. 19, 2025 · Tobias Wren", ["Tobias Wren"]),
    ],
)
def test_names_after_the_date_on_a_stamp_line(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import names_after_date
    from newsinspect.parse.dates import find_dates

    assert names_after_date(line, find_dates(line)[0].end, wide=True) == names
    headline = "Ten Ways a Small Garden Can Feed a Family"
    assert parse_article(f"{headline}\n\n{line}\n\n" + _BODY).authors == tuple(names)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Vice President of Consulting", True),
        ("Former Harbour Consultant", True),
        ("Culture reporter @jroe", True),
        ("Founder & CEO", True),
        ("Garden Tools and Supplies", False),
        ("The director said no.", False),
        ("Meet our founder", False),
    ],
)
def test_job_title_lines(line: str, title: bool) -> None:
    from newsinspect.parse.authors import is_job_title_line

    assert is_job_title_line(line) is title


def test_a_name_over_a_job_title_under_the_headline_is_the_author() -> None:
    headline = "Ten Ways a Small Garden Can Feed a Family"
    widgets = "Get in touch\n1\n1\n5\nGet in touch\n"
    for under, authors in (("Vice President of Consulting", ("Oskar Lindqvist",)), ("Get in touch", ())):
        text = f"{headline}\n{widgets}Oskar Lindqvist\n{under}\n\n" + _BODY
        assert parse_article(text).authors == authors


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jo Walters and Ed Helm in New York", ["Jo Walters", "Ed Helm"]),
        ("Sharon Gold@sharongold", ["Sharon Gold"]),
        ("Dominika Ray 2 months", ["Dominika Ray"]),
        ("Lisa Flor USA TODAY", ["Lisa Flor"]),
        ("Dana Wall FOXBusiness", ["Dana Wall"]),
        ("George T. Conroy III", ["George T. Conroy III"]),
        ("Will Mac Editor", ["Will Mac"]),
        ("STOP FIGHTING NOBODIES", []),
        ("Shop Similar Look", []),
        ("INQUIRER.net BrandRoom", []),
    ],
)
def test_bare_names(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import bare_names

    assert bare_names(line) == names


def test_newsroom_after_by_but_not_staff_noise() -> None:
    assert byline_authors("By Field Level Media") == ["Field Level Media"]
    assert byline_authors("By University of Tokyo") == ["University of Tokyo"]
    assert byline_authors("By Autoblog Staff") is None or byline_authors("By Autoblog Staff") == []
    assert byline_authors("Posted On : May 20, 2018 Published By : William J. Pratt") == ["William J. Pratt"]


def test_signature_under_an_embedded_post_is_not_a_byline() -> None:
    assert names_before_date("— Jakob Wen (@jakobwen) December 21, 2023") == []


def test_role_line_under_the_name() -> None:
    from newsinspect.parse.authors import is_role_line

    assert is_role_line("Culture and entertainment reporter @gemmap")
    assert is_role_line("Senior Editor")
    assert not is_role_line("The reporter asked a question.")
    text = (
        "Is Your Partner Doing It?\n\nGemma Pell\n\nCulture and entertainment reporter @gemmap\n\n"
        "Sunday 17 December 2023 17:23, UK\n\nFor eight years, Sofia has been living a double life.\n"
    )
    article = parse_article(text)
    assert article.authors == ("Gemma Pell",)
    assert article.title == "Is Your Partner Doing It?"
    assert article.published == "2023-12-17T17:23:00"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Colm I. Kong", ["Colm I. Kong"]),
        ("By Miguel A. Mele and Ana B. Ruiz", ["Miguel A. Mele", "Ana B. Ruiz"]),
        # the period of a final initial or of a suffix belongs to the name; a sentence's does not
        ("By Tobias Wren Jr.", ["Tobias Wren Jr."]),
        ("By Tobias Wren Jr., Staff Writer", ["Tobias Wren Jr."]),
        ("By Lena K.", ["Lena K."]),
        ("By Ravi Oduya C.J.", ["Ravi Oduya C.J."]),
        ("By Tobias Wren.", ["Tobias Wren"]),
        ("By Tobias Wren III.", ["Tobias Wren III"]),
        ("By Tobias Wren Jr", ["Tobias Wren Jr"]),
        ("Written by: Tobias Wren Tobias Wren", ["Tobias Wren"]),  # an avatar's text, then the name
    ],
)
def test_initials_in_names(line: str, names: list[str]) -> None:
    assert byline_authors(line) == names


@pytest.mark.parametrize(
    ("under_headline", "authors"),
    [
        ("Share Article", ()),  # a widget: its first word is a function word
        ("Related Products", ()),
        ("Article Tags:", ()),  # a label: it ends with a colon
        ("Will Ostrander", ("Will Ostrander",)),  # a function word that is also a given name
        ("Garden Tools", ()),  # a section the breadcrumb above the headline names
        ("LinkedIn Twitter Facebook Email", ()),  # share widgets
        ("Harbour Timetable", ()),  # a section: a common noun ("timetable" in the text), no given name
        ("Ingrid Timetable", ("Ingrid Timetable",)),  # a known given name: a person
    ],
)
def test_labels_under_the_headline_are_no_authors(under_headline: str, authors: tuple[str, ...]) -> None:
    headline = "Ten Ways a Small Garden Can Feed a Family"
    text = (
        f"Home >> Garden >> Garden Tools >> Ten Ways\n{headline}\n* March 3, 2024\n{under_headline}\n\n"
        + _BODY
    )
    article = parse_article(text)
    assert article.title == headline
    assert article.authors == authors


def test_job_words_are_never_part_of_a_name() -> None:
    from newsinspect.parse.authors import bare_names, is_name

    assert not is_name("Tech Digest Correspondent Twitter")
    assert bare_names("Tech Digest Correspondent Twitter") == []


def test_byline_continued_on_the_next_line() -> None:
    text = "Storm Hits the Coast\n\nBy Jane Rowe\nand Al Ekberg\nMay 2, 2023\n\nThe storm hit the coast.\n"
    assert parse_article(text).authors == ("Jane Rowe", "Al Ekberg")


def test_agency_alone_beside_the_date() -> None:
    text = (
        "Storm Hits the Coast Again\n\nThe Associated Press\nMay 2, 2023\n\nThe storm hit the coast again.\n"
    )
    assert parse_article(text).authors == ("The Associated Press",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By JANE ROWE", ["JANE ROWE"]),
        ("By Jane Rowe, CNN", ["Jane Rowe"]),
        ("By Jane Rowe, Special to The Ledger", ["Jane Rowe"]),
        ("By Jane Rowe (The Conversation)", ["Jane Rowe"]),
        ("Written by: Jane Rowe", ["Jane Rowe"]),
        ("Authors: Jane Rowe and Ludwig van Berg", ["Jane Rowe", "Ludwig van Berg"]),
        ("By Seán O’Brien-Kelly", ["Seán O’Brien-Kelly"]),
        ("By Анна Петрова", ["Анна Петрова"]),
        # after a role, the next piece goes on with the role or the affiliation, unless it names someone
        ("By Lina Hartmann Senior Editor and Certified Beekeeper", ["Lina Hartmann"]),
        ("This guide was written by Oskar Lind, MD, cardiologist, Harbour Health.", ["Oskar Lind"]),
        ("By Lars Ek Staff Writer and Tove Brekke Staff Writer", ["Lars Ek", "Tove Brekke"]),
        ("By Noor Haddad, Reuters, and Mara Lind", ["Noor Haddad", "Mara Lind"]),
    ],
)
def test_more_byline_shapes(line: str, names: list[str]) -> None:
    assert byline_authors(line) == names


def test_a_capitalised_line_after_the_first_paragraph_is_no_author() -> None:
    text = (
        "New Faces Emerge in the Harbour Council Election\n"
        "Friday, September 9, 2016\n"
        "The council election was held on Sunday, with a record turnout of around two million voters "
        "and turnout up in every district of the harbour city this year.\n"
        "Election Results\n"
        "Ed Chow received the largest vote in any district.\n"
    )
    assert parse_article(text).authors == ()


def test_a_title_that_ends_with_a_date_is_no_byline() -> None:
    text = (
        "Jo Herr, founder of a how-to wiki, interviewed by our newsroom Saturday, January 31, 2009\n"
        "The wiki aims to build the largest how-to manual in the world, and it keeps growing.\n"
    )
    article = parse_article(text)
    assert article.authors == ()
    assert article.title is not None and article.title.startswith("Jo Herr")


def test_honorifics_are_not_part_of_the_name() -> None:
    assert byline_authors("By Dr. Jane Rowe and Prof Al Ekberg") == ["Jane Rowe", "Al Ekberg"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Rafael Ondrejka The Alpine Courier", ["Rafael Ondrejka"]),  # a name run into the outlet
        ("By Cat Rivers / June 12, 2020 9:49 am EST", ["Cat Rivers"]),
        ("By Jo Roe and Al Ek / Reuters", ["Jo Roe", "Al Ek"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("Subscribe to our newsletter", []),
        # a byline run into the standfirst before it
        ("The ferry is back, and riders may comment. By Oskar Lind on Dec. 19, 2025", ["Oskar Lind"]),
        ("Grown by hand. By the river, the mill still turns.", []),
        # sections and a byline in one stamp line: the piece that opens with a known given name
        ("3/12/2024 • Weekend Notes • David Roe", ["David Roe"]),
        ("3/12/2024 • Weekend Notes • Garden Tips", []),
        # a byline prefix in a later piece of a stamp line
        ("12 Comments · by Oskar Lind · Updated on 8 May 2024", ["Oskar Lind"]),
        ("wow! | By Mara Fenwick | April 3, 2021", ["Mara Fenwick"]),
        ("Comments | Sort by Newest", []),
        # a job title after the name that runs on past the job words
        ("Written by: Oskar Lind Head Product Launches, Growth & Outreach.", ["Oskar Lind"]),
        ("By Mara K Senior Content Strategist at Harbour Health", ["Mara K"]),
        ("By Team Quill Data", []),  # a team, not a name and a job
    ],
)
def test_names_in_a_line_the_model_reads_as_a_byline(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import names_in_byline

    assert names_in_byline(line) == names


@pytest.mark.parametrize(
    ("names", "byline_prob", "text", "doubtful"),
    [
        (["Related Gadgets"], 0.1, "Some text.", True),  # the model doubts it, no given name
        (["Related Gadgets"], 0.9, "Some text.", False),  # the model reads it as a byline
        (["Mara Ellison"], 0.1, "Some text.", False),  # a known given name
        (["Quorra Vantablek"], 0.3, "Quorra wrote this.", False),  # unsure, but used as a name only
        (["Garden Styles"], 0.3, "Three styles of garden.", True),  # unsure, and used as common words
        (["Garden Styles"], 0.5, "Three styles of garden.", False),  # the model leans to a byline
    ],
)
def test_doubtful_bare_names(names: list[str], byline_prob: float, text: str, doubtful: bool) -> None:
    assert doubtful_names(names, byline_prob, text) is doubtful


@pytest.mark.parametrize(
    ("line", "following", "names"),
    [
        ("Written by Halvard Espe", "", ["Halvard Espe"]),
        ("Posted by Wren Castellano at 4:12 PM", "", ["Wren Castellano"]),
        ("* Author: Lidia Vrba", "", ["Lidia Vrba"]),
        ("About the Author - Odile Fenwick", "", ["Odile Fenwick"]),
        ("About the Author", "Odile Fenwick", ["Odile Fenwick"]),
        ("posted by quillmoth", "", ["quillmoth"]),
        ("Text by Halvard Espe", "", ["Halvard Espe"]),
        ("Contributors: Lidia Vrba, Odile Fenwick", "", ["Lidia Vrba", "Odile Fenwick"]),
        ("Reported by Wren Castellano", "", ["Wren Castellano"]),
        ("Recipe by Wren Castellano", "", ["Wren Castellano"]),
        ("This post was written by Wren Castellano, Head of Community", "", ["Wren Castellano"]),
        ("Author information", "", []),  # a label of something else
        ("By Halvard Espe", "", []),  # after the article, a plain By is a related story's byline
        ("Written by hand over three winters, the book took a decade to publish.", "", []),
    ],
)
def test_late_bylines(line: str, following: str, names: list[str]) -> None:
    assert late_byline(line, following) == names


def test_author_line_after_the_article() -> None:
    text = (
        "Harbour Ferry Timetable Returns to Summer Hours\n\n"
        "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening.\n\n"
        "Most of the speakers wanted the old timetable back before the summer season begins in earnest.\n\n"
        "Written by Halvard Espe\n"
    )
    assert parse_article(text).authors == ("Halvard Espe",)


_BODY = (
    "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening.\n\n"
    "Most of the speakers wanted the old timetable back before the summer season begins in earnest.\n"
)


def test_a_headline_that_ends_with_a_date_is_not_the_byline_under_it() -> None:
    text = "Harbour Ferry Roundup 3/12/2024\n\nOskar Lindqvist\n\nMar 12, 2024 | 4 min read\n\n" + _BODY
    article = parse_article(text)
    assert article.title == "Harbour Ferry Roundup 3/12/2024"
    assert article.authors == ("Oskar Lindqvist",)


def test_a_section_before_the_date_above_the_headline_is_no_author() -> None:
    headline = "Ten Ways a Small Garden Can Feed a Family"
    text = f"* Home\n* Garden\nGarden Notes DECEMBER 2, 2023\n{headline}\n\n" + _BODY
    article = parse_article(text)
    assert article.title == headline
    assert article.authors == ()
    assert article.published == "2023-12-02"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tallowmere Team", ["Tallowmere Team"]),
        ("* the Quill Street Team", ["the Quill Street Team"]),
        ("Harbour Metro Desk", ["Harbour Metro Desk"]),
        ("Meet the Team", []),
        ("Meet The Team", []),
        ("About Our Team", []),
        ("Jo Roe, Metro Desk", []),  # a name and its desk: bare_names reads it
        ("Team", []),
        ("Newsroom 24 Team", []),
        ("Ledger Online |", ["Ledger Online"]),  # a desk's credit before the date beside it
        ("Read Online", []),  # a link: "read" opens labels, never a name
        ("Staff", ["Staff"]),  # the newsroom alone, one word
        ("* Newsdesk", ["Newsdesk"]),
        ("staff", []),  # lower case: a word of a sentence or a menu, not a credit
        ("Staffing", []),
    ],
)
def test_team_bylines(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import team_byline

    assert team_byline(line) == names


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ingrid", "Ingrid"),
        ("* quillmoth", "quillmoth"),
        ("Share", None),
        ("Subscribe", None),
        ("Jo Roe", None),
        ("2 min read", None),
        ("Staff", None),
        ("continuing", None),
    ],
)
def test_single_names(line: str, name: str | None) -> None:
    """A one-word line that could be a writer's name or handle (the model's doubt decides in find_authors)."""
    from newsinspect.parse.authors import single_name

    assert single_name(line) == name


def test_affiliation_marks_are_cut_from_names() -> None:
    from newsinspect.parse.authors import names_with_marks

    assert names_with_marks("Marta Q. Lind1, Oskar Brevik2,3") == ["Marta Q. Lind", "Oskar Brevik"]
    assert names_with_marks("Formula F1 Harbour") == []  # a capital before the digit: a model name, kept
    assert names_with_marks("Marta Lind") == []  # no mark: bare_names has answered already


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Oskar Lind is a columnist for the Harbour Courier. Reach him at oskar@example.com", ["Oskar Lind"]),
        ("Mia Berg is an editor, designer and teacher based in Oslo.", ["Mia Berg"]),
        ("Oskar Lind is a suspect in the theft, police said. A reporter asked him why.", []),  # no role in it
        ("The Harbour Courier is a weekly paper with a staff of writers.", []),  # no name opens it
    ],
)
def test_author_notes(line: str, names: list[str]) -> None:
    from newsinspect.parse.authors import author_note

    assert author_note(line) == names


@pytest.mark.parametrize(
    ("line", "following", "names"),
    [
        ("Tove Brekke", "Tove has covered ferries for ten years. She lives in Bergen.", ["Tove Brekke"]),
        ("Oskar Lind", "Oskar Lind writes on harbour life as the paper's reporter.", ["Oskar Lind"]),
        # the writer's job run into the name's line, or in brackets before the biography
        ("Tove Brekke Port-based Ferry Historian & Writer", "Tove sails daily, she says.", ["Tove Brekke"]),
        ("Tove Brekke", "(Editor / Reporter) – Tove grew up by the harbour, as she says.", ["Tove Brekke"]),
        ("Tove Brekke Staff Writer", "(Editor) Tove grew up by the harbour, as she says.", ["Tove Brekke"]),
        # a product or a place under its heading: no person's pronoun, no writer's role
        ("Tidewater Pass", "Tidewater Pass is a monthly ticket for all harbour ferries.", []),
        # a subheading restated by its paragraph: a word of it in lowercase in the dump
        ("Harbour Fares", "Harbour fares rose in May, he said.", []),
        ("Tove Brekke", "the ferry left at noon. She was on it.", []),  # no biography opens with her
        # a source's attribution in the story, then a paragraph about her by her surname
        ("Tove Brekke, Harbour Trust", "Brekke recently helped launch a ferry app. She is its editor.", []),
    ],
)
def test_author_boxes(line: str, following: str, names: list[str]) -> None:
    from newsinspect.parse.authors import author_box

    text = f"The fares rose again.\n{line}\n{following}\n"
    assert author_box(line, following, text) == names


def test_an_author_box_after_the_article_names_the_writer() -> None:
    box = "Oskar Lind\nOskar Lind is a reporter for the Harbour Courier. Reach him at oskar@example.com.\n"
    text = "Harbour Ferry Timetable Returns to Summer Hours\n\n" + _BODY + "\n" + box
    assert parse_article(text).authors == ("Oskar Lind",)
    # the same note read as one more paragraph of the article, with no name line over it, names no one
    assert parse_article(text.replace("Oskar Lind\nOskar", "Oskar")).authors == ()
    # a box whose biography opens with the first name only, and no role in the name's sentence
    box = "Tove Brekke\nTove has sailed the fjords since she was nine and still takes the early boat.\n"
    text = "Harbour Ferry Timetable Returns to Summer Hours\n\n" + _BODY + "\n" + box
    assert parse_article(text).authors == ("Tove Brekke",)


@pytest.mark.parametrize(
    ("names", "kept"),
    [
        (["Mara Lind", "Harbour Racial Justice Program", "Tove Brekke"], ["Mara Lind", "Tove Brekke"]),
        (["Oskar Lind", "Quill Project Marketing"], ["Oskar Lind"]),
        (["Harbour Heritage Foundation"], ["Harbour Heritage Foundation"]),  # the organisation wrote it
        (["The Harbour Press", "Tove Brekke"], ["Tove Brekke"]),  # the outlet she writes for
        (["Mara Post", "Tove Brekke"], ["Mara Post", "Tove Brekke"]),  # an org word as a surname
        (["Mara Lind", "Tove Brekke"], ["Mara Lind", "Tove Brekke"]),
    ],
)
def test_an_organisation_beside_a_person_is_no_second_author(names: list[str], kept: list[str]) -> None:
    from newsinspect.parse.authors import without_units

    assert without_units(names) == kept


def test_a_writer_and_her_unit_in_the_byline_give_the_writer() -> None:
    text = "Ferry Timetable Returns\n\nBy Mara Lind, Harbour Racial Justice Program\nMay 2, 2023\n\n" + _BODY
    assert parse_article(text).authors == ("Mara Lind",)


def test_a_by_line_after_a_paragraph_names_no_second_author() -> None:
    headline = "Five Board Games for a Long Winter"
    para = (
        "A long winter asks for games that the whole family can learn in minutes and still enjoy in May, "
        "when the evenings grow light again and the boxes go back on the shelf.\n"
    )
    text = (
        f"{headline}\nby Tobias Wren on Dec 16, 2025\n{para}Frost Fort\nPublished by Harbour Games\n\n"
        + _BODY
    )
    assert parse_article(text).authors == ("Tobias Wren",)
    two = f"{headline}\nBy Tobias Wren\nBy Lena Okafor\n{para}\n" + _BODY  # two bylines together: both
    assert parse_article(two).authors == ("Tobias Wren", "Lena Okafor")


@pytest.mark.parametrize(
    ("line", "names", "text", "kept"),
    [
        # a section after a comma, used in lowercase in the dump: the line lists sections
        ("Jane Roe Ferries , News", ["Jane Roe Ferries"], "the ferries ran; news came late", ["Jane Roe"]),
        ("Quiet Notes , Harbours", ["Quiet Notes"], "the harbours were full", []),
        # a job word after the name is no section: a name without a known given name stays
        ("Xiu Brevik , Reporter", ["Xiu Brevik"], "a reporter asked", ["Xiu Brevik"]),
        # a word never used in lowercase is no common noun (an outlet, a place)
        ("Jane Roe , Ledger", ["Jane Roe"], "the ferries ran", ["Jane Roe"]),
        # a surname used in lowercase stays when the line lists no section
        ("Mary Ann Green", ["Mary Ann Green"], "the green ferry", ["Mary Ann Green"]),
    ],
)
def test_sections_listed_after_the_names(line: str, names: list[str], text: str, kept: list[str]) -> None:
    assert au.without_sections(line, names, text) == kept


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Roe Gardener & Beekeeper", ["Jane Roe"]),
        ("Jane Roe Editor and Publisher", ["Jane Roe"]),
        # a one-word piece that is a known given name is a second writer, not a job
        ("Mary Ann Roe and Kay", ["Mary Ann Roe"]),
        # two names of two words each: nothing to drop
        ("Jane Roe & Tomas Brevik", ["Jane Roe", "Tomas Brevik"]),
    ],
)
def test_a_pair_of_jobs_after_the_name(line: str, names: list[str]) -> None:
    assert au.names_from(line, prefixed=True) == names


def test_a_desk_before_the_stamp_keeps_its_head_word() -> None:
    line = "Harbour Lifestyle Desk / harbour.example / Updated: March 3, 2024"
    assert au.team_before(line, ["Harbour Lifestyle"]) == ["Harbour Lifestyle Desk"]
    # a name is left as it is: its line's first piece is no team
    assert au.team_before("Jane Roe / Updated: March 3, 2024", ["Jane Roe"]) == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Roe, senior editor with 10+ years covering the ferries", ["Jane Roe"]),
        ("Tomas Brevik, 4+ years covering harbours, ferries, and tides", ["Tomas Brevik"]),
        # a list of names and roles, no description
        ("Jane Roe, Tomas Brevik", []),
        ("Jane Roe, editor", []),
        # a sentence, not a name, before the comma
        ("When the ferry came, everyone on the quay cheered loudly", []),
    ],
)
def test_a_name_with_a_description(line: str, names: list[str]) -> None:
    assert au.name_with_description(line) == names
