"""One people index per article, from the entity engine, shared by quotes and entities."""

from __future__ import annotations

import ast
from pathlib import Path

from builders import article_from_paragraphs

from newsinspect.model import Entity, Quote, Span
from newsinspect.people import People, credit_quotes
from newsinspect.pipeline import Options, analyse_text

ROOT = Path(__file__).resolve().parents[1]


def entity(name: str, kind: str, *spans: tuple[int, int]) -> Entity:
    return Entity(name, kind, len(spans), (), tuple(Span(name, a, b) for a, b in spans))


def quote(speaker: str | None, mention: tuple[int, int] | None = None) -> Quote:
    span = Span("x", *mention) if mention else None
    return Quote("words", "full", speaker, span, None, "said", None, 0, 0, 5)


PEOPLE = People.from_entities(
    (
        entity("Ann Okafor", "PERSON", (0, 10), (50, 56)),
        entity("Harbor Board", "ORG", (20, 32)),
        entity("Bill Lee", "PERSON", (100, 108)),
    )
)


def test_a_speaker_is_named_as_the_person_entity_mentioned_there() -> None:
    assert PEOPLE.person_at(50, 56) == "Ann Okafor"
    assert PEOPLE.person_at(20, 32) is None  # an organisation is no person
    assert PEOPLE.speaker_name("Okafor", (50, 56)) == "Ann Okafor"
    assert PEOPLE.speaker_name("Okafor", None) == "Ann Okafor"  # the only Okafor


def test_an_entity_with_another_given_name_or_surname_is_not_the_speaker() -> None:
    assert PEOPLE.speaker_name("Hillary Lee", None) == "Hillary Lee"
    assert PEOPLE.speaker_name("Bo Chan", (100, 108)) == "Bo Chan"
    assert PEOPLE.speaker_name("the ministry", None) == "the ministry"


def test_entities_count_the_quotes_that_credit_them() -> None:
    entities = (entity("Ann Okafor", "PERSON", (0, 10)), entity("Harbor Board", "ORG", (20, 32)))
    counted = credit_quotes(
        entities, (quote("Ann Okafor"), quote("the board", (20, 32)), quote(None), quote("Ann Okafor"))
    )
    assert [e.quotes for e in counted] == [2, 1]


def credited(speaker: str, mention: str, at: int) -> Quote:
    return Quote("words", "full", speaker, Span(mention, at, at + len(mention)), None, "said", None, 0, 0, 5)


def test_an_organisation_the_quotes_call_he_or_she_is_a_person() -> None:
    brevik = entity("Brevik", "ORG", (0, 6), (40, 46))
    board = entity("Harbor Board", "ORG", (60, 72))
    nato = entity("NATO", "ORG", (80, 84))
    quotes = (
        credited("Brevik", "Brevik", 40),
        credited("Brevik", "he", 50),
        credited("Harbor Board", "it", 75),
        credited("Harbor Board", "Harbor Board", 60),
        credited("NATO", "NATO", 80),
        credited("NATO", "she", 90),  # a wrong resolution does not make an acronym a person
    )
    typed = credit_quotes((brevik, board, nato), quotes)
    assert [(e.name, e.type, e.quotes) for e in typed] == [
        ("Brevik", "PERSON", 2),
        ("Harbor Board", "ORG", 2),
        ("NATO", "ORG", 2),
    ]
    # "he" alone (a resolution that may be wrong) is not enough: the quotes must name it too
    assert credit_quotes((brevik,), (credited("Brevik", "he", 50),))[0].type == "ORG"


def test_the_pipeline_types_a_bare_surname_that_speaks_as_he_as_a_person() -> None:
    text = article_from_paragraphs(
        [
            "The council heard from Brevik on Monday about the new ferry timetable and the cost of the pier.",
            "“We cannot wait another year,” Brevik said at the meeting.",
            "The mayor met Brevik later. “The harbour needs the ferry,” he said.",
        ]
    ).text
    art = analyse_text(text)
    brevik = [(e.type, e.quotes) for e in art.entities if e.name == "Brevik"]
    assert brevik == [("PERSON", 2)]


def test_the_pipeline_names_speakers_as_entities_and_counts_their_quotes() -> None:
    text = article_from_paragraphs(
        [
            "Mayor Ann Okafor opened the pier on Friday.",
            "“We waited ten years for this,” Okafor said.",
            "“It is a fine day,” she added.",
        ]
    ).text
    art = analyse_text(text)
    assert [q.speaker for q in art.quotes] == ["Ann Okafor", "Ann Okafor"]
    (okafor,) = [e for e in art.entities if e.type == "PERSON"]
    assert (okafor.name, okafor.quotes) == ("Ann Okafor", 2)
    assert okafor.to_dict()["quotes"] == 2
    # Quotes alone give the same speakers (the index is built without printing entities).
    alone = analyse_text(text, Options(entities=False))
    assert alone.entities == () and [q.speaker for q in alone.quotes] == ["Ann Okafor", "Ann Okafor"]


def test_quotes_and_entities_never_import_each_other() -> None:
    for package, other in (("quotes", "entities"), ("entities", "quotes")):
        for path in (ROOT / "newsinspect" / package).glob("*.py"):
            tree = ast.parse(path.read_text("utf-8"))
            names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
            names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
            assert not [n for n in names if n.startswith(f"newsinspect.{other}")], path
