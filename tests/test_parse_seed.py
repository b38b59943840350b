"""The project's own starting dump (../shared/seed) must give what issue 2 asks for."""

from __future__ import annotations

import pytest
from shared_data import seed_path

from newsinspect.parse import parse_article


@pytest.fixture(scope="module")
def seed_text() -> str:
    return seed_path().read_bytes().decode("utf-8-sig")


def test_seed_expectations(seed_text: str) -> None:
    article = parse_article(seed_text)
    assert article.title is not None
    body_texts = [p.text for p in article.paragraphs]
    assert article.title not in body_texts
    assert "0:00" not in body_texts
    assert article.authors == ("Naveen Athrappully",)
    assert article.published == "2022-10-12"
    assert article.updated == "2022-10-12"
    assert len(article.captions) == 1
    assert article.captions[0].credit == "Sputnik/Ramil Sitdikov/Kremlin via Reuters"
    assert len(article.body()) == 13
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["Belarus\u2013Ukraine Conflict"]
    assert article.stats.paragraphs == 13


def test_seed_offsets_slice_back(seed_text: str) -> None:
    article = parse_article(seed_text)
    for paragraph in article.paragraphs:
        assert seed_text[paragraph.start : paragraph.end] == paragraph.text
    for caption in article.captions:
        assert seed_text[caption.start : caption.end] == caption.text
