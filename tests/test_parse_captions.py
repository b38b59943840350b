from __future__ import annotations

import pytest

from newsinspect.parse import parse_article
from newsinspect.parse.captions import credit_only, match_caption


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        (
            "Two ministers meet in Sochi, May 3, 2022. (Sputnik/Ola Berg/Kremlin via Reuters)",
            "Two ministers meet in Sochi, May 3, 2022.",
            "Sputnik/Ola Berg/Kremlin via Reuters",
        ),
        (
            "A man wades through water on Tuesday. (AP Photo/Heinz Aldinger)",
            "A man wades through water on Tuesday.",
            "AP Photo/Heinz Aldinger",
        ),
        ("Lanterns over the river. Photo: Kim Soo-ah", "Lanterns over the river.", "Kim Soo-ah"),
        (
            "The old mill at dusk. Image: Ravi Dutt / Getty Images",
            "The old mill at dusk.",
            "Ravi Dutt / Getty Images",
        ),
        ("Credit: City of Tacoma", "Credit: City of Tacoma", "City of Tacoma"),
        (
            "FILE - Volunteers pile sandbags near a dike, Sept. 15, 2024.",
            "FILE - Volunteers pile sandbags near a dike, Sept. 15, 2024.",
            None,
        ),
        ("The singer on stage in 1993. (Everton Archive)", "The singer on stage in 1993.", "Everton Archive"),
    ],
)
def test_caption_shapes(line: str, text: str, credit: str | None) -> None:
    found = match_caption(line)
    assert found is not None
    assert line[found.text_start : found.text_end] == text
    assert found.credit == credit


@pytest.mark.parametrize(
    "line",
    [
        "The senator (D-Ohio) said the vote would happen on Friday.",
        "Sales rose 4% (about $2 million) last year.",
        "He said the photo was taken in 2019.",
    ],
)
def test_ordinary_lines_are_not_captions(line: str) -> None:
    assert match_caption(line) is None


def test_credit_only_lines() -> None:
    assert credit_only("Smith Collection/Gado via Getty Images") == "Smith Collection/Gado via Getty Images"
    assert credit_only("Photo: Maya Lindholm") == "Maya Lindholm"
    assert credit_only("The river rose again on Tuesday.") is None


def test_credit_line_attaches_to_the_caption_above() -> None:
    text = (
        "Dock Repairs Begin at Last\n\nBy Ann Lee\nMay 2, 2023\n\n"
        "The first paragraph of the story is long enough to count as body text here.\n\n"
        "A float under construction at Pier 12.\nPhoto: Maya Lindholm\n\n"
        "The second paragraph follows the picture and keeps going for a while.\n"
    )
    article = parse_article(text)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A float under construction at Pier 12.", "Maya Lindholm")
    ]
    assert all("Pier 12" not in p.text for p in article.paragraphs)
    caption = article.captions[0]
    assert text[caption.start : caption.end] == caption.text


def test_label_credit_after_a_slash() -> None:
    found = match_caption("2022 Trailhead Platinum / Image Credit: Jo Rask")
    assert found is not None
    assert found.credit == "Jo Rask"


def test_credit_line_claims_a_caption_above_the_first_paragraph() -> None:
    text = (
        "Interview With a Linguist\n\nSaturday, April 4, 2009\n\n"
        "Linguist and author Mira Vance\nImage: Tomas Berg.\n"
        "Mira Vance is a professor emerita of linguistics, and she spoke to us in her office.\n"
    )
    article = parse_article(text)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Linguist and author Mira Vance", "Tomas Berg")
    ]
    assert article.paragraphs[0].text.startswith("Mira Vance is")
