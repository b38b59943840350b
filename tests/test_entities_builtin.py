"""The built-in entity engine on fictional articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsinspect.entities import ENGINES, UnknownEngineError, find_entities
from newsinspect.errors import NewsinspectError
from newsinspect.model import Article, Caption, Entity, Paragraph, Stats

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "entities"


def article_from_lines(text: str, caption_line: int | None = None) -> Article:
    """Title on the first line, then one paragraph per non-empty line (optionally one caption line)."""
    title_span: tuple[int, int] | None = None
    paragraphs: list[Paragraph] = []
    captions: list[Caption] = []
    pos = 0
    for number, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if title_span is None:
            title_span = (start, end)
        elif number == caption_line:
            captions.append(Caption(line, None, start, end))
        else:
            paragraphs.append(Paragraph(line, "paragraph", start, end))
    title = text[title_span[0] : title_span[1]] if title_span else None
    return Article(
        title, None, (), None, None, None, tuple(captions), tuple(paragraphs), Stats(0, 0, 0, 0.0),
        text=text, title_span=title_span,
    )  # fmt: skip


def by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


@pytest.fixture(scope="module")
def harbour() -> tuple[Article, dict[str, Entity]]:
    article = article_from_lines((FIXTURES / "harbour_deal.txt").read_text(encoding="utf-8"), caption_line=1)
    return article, by_name(find_entities(article))


@pytest.fixture(scope="module")
def council() -> tuple[Article, dict[str, Entity]]:
    article = article_from_lines((FIXTURES / "council_vote.txt").read_text(encoding="utf-8"))
    return article, by_name(find_entities(article))


def test_every_mention_slices_back(harbour: tuple[Article, dict[str, Entity]]) -> None:
    article, entities = harbour
    assert entities
    for entity in entities.values():
        assert entity.count == len(entity.mentions)
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text


def test_people_after_titles_with_surnames_merged(harbour: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = harbour
    halvorsen = entities["Ingrid Halvorsen"]
    assert halvorsen.type == "PERSON"
    assert "Halvorsen" in halvorsen.aliases
    assert halvorsen.count >= 3  # caption, "Halvorsen said", "Halvorsen’s office"
    assert entities["Tomás Ferreira"].type == "PERSON"
    assert entities["Joaquim Sousa"].aliases == ("Sousa",)
    assert "Halvorsen" not in entities and "Ferreira" not in entities
    # Titles stay out of names.
    assert not any("Minister" in name or "Analyst" in name for name in entities)


def test_countries_cities_and_demonyms(harbour: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = harbour
    for name in ("Portugal", "Norway", "Lisbon", "Brazil", "Spain", "Porto"):
        assert entities[name].type == "GPE", name
    for name in ("Norwegian", "Portuguese", "European", "Asian"):
        assert entities[name].type == "NORP", name


def test_possessive_is_stripped(harbour: tuple[Article, dict[str, Entity]]) -> None:
    article, entities = harbour
    norway = entities["Norway"]
    assert all(m.text == "Norway" for m in norway.mentions)
    assert any(article.text[m.end] == "’" for m in norway.mentions)


def test_organisations(harbour: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = harbour
    for name in (
        "Atlantic Shipping Council for Northern Ports",
        "Institute for Maritime Studies",
        "Lisbon Courier",
        "G-20",
        "Reuters",
    ):
        assert entities[name].type == "ORG", name


def test_sentence_openers_and_dates_are_not_entities(harbour: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = harbour
    for word in ("Earlier", "Later", "Though", "However", "On Monday", "Monday", "Tuesday", "March", "The"):
        assert word not in entities
    assert not any(name.startswith("The ") for name in entities)


def test_title_case_headline_only_yields_known_names(harbour: tuple[Article, dict[str, Entity]]) -> None:
    article, entities = harbour
    assert article.title_span is not None
    start, end = article.title_span
    in_title = {e.name for e in entities.values() for m in e.mentions if start <= m.start < end}
    assert in_title == {"Portugal", "Norway", "Lisbon"}


def test_connectors_split_lists_but_keep_names(council: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = council
    assert entities["Northgate Bank"].type == "ORG"
    assert entities["Harlow Foundation"].type == "ORG"
    assert entities["University of Edinburgh"].type == "ORG"
    assert entities["Toronto"].type == "GPE" and entities["Hamburg"].type == "GPE"
    assert entities["NATO"].type == "ORG"
    assert entities["Harlow Museum"].type == "FAC"
    assert "Dr. Ruth Abernathy" not in entities
    assert entities["Ruth Abernathy"].aliases == ("Abernathy",)


def test_sorted_by_count_then_first_position(council: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = council
    ordered = list(entities.values())
    keys = [(-e.count, e.mentions[0].start) for e in ordered]
    assert keys == sorted(keys)
    assert ordered[0].name == "Elena Brandt"


def test_one_type_per_entity_and_unique_names(council: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = council
    assert len(entities) == len(find_entities(council[0]))
    for entity in entities.values():
        assert entity.type in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
        assert entity.name not in entity.aliases


def test_empty_article_has_no_entities() -> None:
    assert find_entities(article_from_lines("")) == ()
    assert find_entities(article_from_lines("nothing capitalised here at all\nor here")) == ()


def test_unknown_engine_is_a_domain_error() -> None:
    with pytest.raises(UnknownEngineError) as info:
        find_entities(article_from_lines("Title\nText."), engine="nltk")
    assert isinstance(info.value, NewsinspectError)
    assert isinstance(info.value, ValueError)
    assert "nltk" in str(info.value) and "builtin" in str(info.value)
    assert ENGINES == ("builtin", "spacy")


def test_acronym_in_brackets_joins_the_name_it_abbreviates() -> None:
    text = (
        "Title\n"
        "Engineers at the Harlow Space Center (HSC) in Ohio tested the engine. "
        "Later the HSC said the Northern Fisheries Council (NFC) had agreed."
    )
    entities = by_name(find_entities(article_from_lines(text)))
    center = entities["Harlow Space Center"]
    assert center.aliases == ("HSC",) and center.count == 3
    assert entities["Northern Fisheries Council"].aliases == ("NFC",)
    assert "HSC" not in entities and "NFC" not in entities


def test_and_inside_a_facility_name_but_not_between_names() -> None:
    text = "Title\nThe plane went to the National Air and Space Museum, while Kenya and Chile sent teams."
    entities = by_name(find_entities(article_from_lines(text)))
    assert entities["National Air and Space Museum"].type == "FAC"
    assert entities["Kenya"].type == "GPE" and entities["Chile"].type == "GPE"


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Boats crossed the Ellis estuary on Monday.", "Ellis", "LOC"),  # a given name, but a feature's
        ("Farms along the Tamsin river flooded.", "Tamsin", "LOC"),
        ("Hikers left the Grey Harrow valley at dawn.", "Grey Harrow", "LOC"),
        ("The Ellis report, river levels aside, was late.", "Ellis", None),  # a feature word, not after it
        ("Ellis estuary tours are sold out, said Ellis Brook.", "Ellis Brook", "PERSON"),  # no "the"
        ("We met the Ellis riverside crowd.", "Ellis", None),  # "riverside" is no feature word
    ],
)
def test_a_name_before_a_lower_case_feature_word_after_the_is_a_place(
    sentence: str, name: str, kind: str | None
) -> None:
    found = by_name(find_entities(article_from_lines("Flood notes\n" + sentence)))
    if kind is None:
        assert name not in found or found[name].type != "LOC"
    else:
        assert found[name].type == kind


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("The ferry leaves from Pier 9 at noon.", "Pier 9", "FAC"),  # the number is part of the name
        ("Long delays hit Gate 14 on Sunday, the airport said.", "Gate 14", "FAC"),
        ("Passengers at Terminal 2B waited for hours.", "Terminal 2B", "FAC"),
        ("Drivers on Route 66 slowed down.", "Route 66", "FAC"),
        ("The Gate 3.5 upgrade shipped.", "Gate 3", None),  # a number that runs on is no facility's
        ("The Route 1,000 sign fell.", "Route 1", None),
        ("She grew up in Concord, N.H., and teaches there.", "N.H.", "GPE"),  # a state, its period written
        ("The plant is near Fresno, Calif., the company said.", "Calif", "GPE"),
        ("The town extended a tax break for the Harlan Woolen Mill on Tuesday.", "Harlan Woolen Mill", "ORG"),
        ("The game is out now on PC, with a TV series planned.", "PC", None),  # a common noun's acronym
        ("Hale, the CEO, said the AI tools were OK.", "AI", None),
        ("Exports to America and Britain rose, the ministry said.", "America", "GPE"),  # lexicon places
        ("Exports to America and Britain rose, the ministry said.", "Britain", "GPE"),
        ("Oil prices in the Middle East fell, traders said.", "Middle East", "LOC"),
        ("Sales rose between January and June, the ministry said.", "January", None),  # a month alone
        ("The lake reached 21 °C on Monday, and 70°F is forecast, the agency said.", "C", None),  # units
        ("The lake reached 21 °C on Monday, and 70°F is forecast, the agency said.", "F", None),
        ("Trade with the Soviet Union grew, historians say.", "Soviet Union", "GPE"),  # a former country
        ("She ran the Harbor City Marathon twice, friends said.", "Harbor City Marathon", "EVENT"),
        ("Tickets for the Harbor Bowl sold out, and the Harbor Bowl was moved.", "Harbor Bowl", "EVENT"),
        ("Photos are shared under a Creative Commons licence, the museum said.", "Creative Commons", "ORG"),
        ("Surveys of Latinos and Arabs differed, the pollster said.", "Latinos", "NORP"),  # groups
        ("Surveys of Latinos and Arabs differed, the pollster said.", "Arabs", "NORP"),
    ],
)
def test_numbered_facilities_places_and_common_acronyms(sentence: str, name: str, kind: str | None) -> None:
    found = by_name(find_entities(article_from_lines("Harbour notes\n" + sentence)))
    if kind is None:
        assert name not in found
    else:
        assert found[name].type == kind


@pytest.mark.parametrize(
    ("sentence", "gone", "kept"),
    [
        ("Traders said Christmas was busy, and Christmas sales rose again.", "Christmas", None),
        ("The stalls open again on Christmas Eve, the council said.", "Christmas Eve", None),
        ("The stalls open again on Christmas Eve, the council said.", "Eve", None),  # no person
        ("I can't wait for New Year's Eve and I'm doing nothing, Ann Hale said.", "Eve", "Ann Hale"),
        ("Shops opened early on Black Friday and on Boxing Day, Ann Hale said.", "Black", "Ann Hale"),
        (
            "Putin Christmas Eve speech drew crowds, aides of Vladimir Putin said.",
            "Christmas",
            "Vladimir Putin",
        ),
        (
            "Johnnie Christmas sang on Christmas Day, and Johnnie Christmas danced.",
            "Christmas Day",
            "Johnnie Christmas",
        ),
        ("They sailed to Easter Island and Christmas Island last year.", "Easter", "Easter Island"),
        ("They sailed to Easter Island and Christmas Island last year.", "Island", "Christmas Island"),
    ],
)
def test_holidays_are_dates_not_names(sentence: str, gone: str, kept: str | None) -> None:
    found = by_name(find_entities(article_from_lines("Harbour notes\n" + sentence)))
    assert gone not in found
    assert kept is None or kept in found


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Tablets of vitamin D and vitamin C sold out, Ann Hale said.", "Ann Hale"),
        ("Apps for Gen Z grew fastest in Leeds this year.", "Leeds"),
        ("Option B costs less than plan C, the Harbour Board said.", "Harbour Board"),
        ("Code in C runs on the boards that Brightwater Labs sells.", "Brightwater Labs"),
    ],
)
def test_a_letter_alone_is_never_a_name(sentence: str, kept: str) -> None:
    found = by_name(find_entities(article_from_lines("Harbour notes\n" + sentence)))
    assert not [name for name in found if len(name) == 1]
    assert kept in found


@pytest.mark.parametrize(
    ("sentence", "found", "gone"),
    [
        ("The Leeds-based firm hired staff, Ann Hale said.", {"Leeds": "GPE"}, "Leeds-based"),
        (
            "The Boston-based Acme Corp lost money.",
            {"Boston": "GPE", "Acme Corp": "ORG"},
            "Boston-based Acme Corp",
        ),
        ("An AI-powered tool and an AI-driven plan failed.", {}, "AI-powered"),
        ("Jean-Luc Dubois met staff of Baden-Baden on Monday.", {"Baden-Baden": "GPE"}, "Baden"),
        # the "the" is the company's, not the person's: no organisation called "Ann Hale"
        ("In the Ann Hale-led company, Ann Hale said, pay rose.", {"Ann Hale": "PERSON"}, "Ann Hale-led"),
    ],
)
def test_an_adjective_ending_after_a_hyphen_ends_the_name(
    sentence: str, found: dict[str, str], gone: str
) -> None:
    names = by_name(find_entities(article_from_lines("Harbour notes\n" + sentence)))
    assert {name: names[name].type for name in found if name in names} == found
    assert gone not in names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Shares of Meta fell on Monday, Ann Hale said.", "Meta"),  # a province of Colombia too
        ("Toyota recalled cars, Ann Hale said.", "Toyota"),  # a Japanese city too
        ("Drivers rely on Google Maps more than ever, Ann Hale said.", "Google Maps"),  # no person
        ("Staff keep their budgets in Microsoft Excel, Ann Hale said.", "Microsoft Excel"),
    ],
)
def test_well_known_companies_and_their_products_are_organisations(sentence: str, name: str) -> None:
    found = by_name(find_entities(article_from_lines("Harbour notes\n" + sentence)))
    assert found[name].type == "ORG"
    assert found["Ann Hale"].type == "PERSON"


def test_common_noun_acronyms_and_their_plurals_are_no_organisations() -> None:
    text = "Title\nThe APIs return JSON over IP, and two LLMs help, NATO staff said, and NATO agreed."
    found = by_name(find_entities(article_from_lines(text)))
    assert not {"APIs", "JSON", "IP", "LLMs"} & set(found)
    assert found["NATO"].type == "ORG"


def test_a_word_in_capitals_for_emphasis_is_no_acronym() -> None:
    text = "Title\nBook a FREE tour, and ask NATO staff: the tour is free, Ann Hale said, and NATO agreed."
    found = by_name(find_entities(article_from_lines(text)))
    assert "FREE" not in found
    assert found["NATO"].type == "ORG"


def test_a_common_acronym_inside_a_longer_name_is_kept() -> None:
    text = "Title\nWorkers at Brightwater TV Studios voted on Monday, and Brightwater TV Studios agreed."
    found = by_name(find_entities(article_from_lines(text)))
    assert found["Brightwater TV Studios"].type == "ORG"


def test_a_one_word_province_also_written_in_lower_case_is_that_word() -> None:
    # "Store" and "Cook" are provinces in the gazetteer; in a recipe they are verbs opening a sentence.
    text = "Harbour notes\nCook the rice. Store it cold, and cook and store more in Ontario, Ann Hale said."
    found = by_name(find_entities(article_from_lines(text)))
    assert "Cook" not in found and "Store" not in found
    assert found["Ontario"].type == "GPE"
    # mid-sentence it stays a place, though a tag line writes it in lower case
    tagged = "Harbour notes\nMore on: ontario\nThe ferries that Ontario runs are late, Ann Hale said."
    assert by_name(find_entities(article_from_lines(tagged)))["Ontario"].type == "GPE"


def test_a_one_word_city_also_written_in_lower_case_is_that_word() -> None:
    # "Most" and "Mobile" are cities; here they are words, capitalised in a Title Case headline.
    text = "Where Prices Fall the Most on Mobile Plans\nAnalysts expect most mobile prices to fall in Paris."
    found = by_name(find_entities(article_from_lines(text)))
    assert "Most" not in found and "Mobile" not in found
    assert found["Paris"].type == "GPE"


@pytest.mark.parametrize(
    "sentence",
    [
        "Funding for Planned Parenthood rose, officials said.",  # -hood
        "Cuts to Social Security were ruled out on Monday.",  # -ity
        "Read our Privacy Policy before you sign up.",  # -icy
    ],
)
def test_a_pair_ending_in_an_abstract_noun_is_no_person(sentence: str) -> None:
    found = find_entities(article_from_lines("Budget notes\n" + sentence))
    assert all(entity.type != "PERSON" for entity in found)


def test_a_house_is_an_organisation_and_a_surname_hood_a_person() -> None:
    text = "Title\nAides at the White House met Ada Hood on Monday, and the White House said it would wait."
    found = by_name(find_entities(article_from_lines(text)))
    assert found["White House"].type == "ORG"
    assert found["Ada Hood"].type == "PERSON"


def test_a_known_persons_surname_in_a_title_case_headline_is_no_city() -> None:
    # "Clinton" is also a city; in a headline beside "Hillary Clinton" it is her surname.
    text = "Voters Shrug Off the Clinton Scandal\nHillary Clinton spoke in Denver on Monday, aides said."
    found = by_name(find_entities(article_from_lines(text)))
    assert "Clinton" not in found
    assert found["Hillary Clinton"].count == 2 and found["Denver"].type == "GPE"


def test_a_name_led_by_an_organisation_of_the_article_is_no_person() -> None:
    # "HXQ" is an organisation by its shape (an acronym); "HXQ Portals" only looked like a person's name.
    text = (
        "Title\nThe HXQ board met on Monday, and staff said HXQ Portals would open in May. "
        "Later, HXQ Portals was delayed again, Mira Lostow told reporters."
    )
    found = by_name(find_entities(article_from_lines(text)))
    assert found["HXQ"].type == "ORG"
    assert "HXQ Portals" not in found or found["HXQ Portals"].type == "ORG"
    assert found["Mira Lostow"].type == "PERSON"


def test_a_saints_abbreviation_stays_in_the_name_and_capitol_hill_is_a_place() -> None:
    text = "Title\nThe Harbor Jubilee in St. Louis drew a crowd, and lawmakers on Capitol Hill took note."
    found = by_name(find_entities(article_from_lines(text)))
    assert found["St. Louis"].type == "GPE" and "Louis" not in found
    assert found["Capitol Hill"].type == "LOC"
