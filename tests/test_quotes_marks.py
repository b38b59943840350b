"""Quotation marks: pairing, apostrophes, nesting, unbalanced marks, multi-paragraph quotes."""

from __future__ import annotations

from builders import article_from_paragraphs

from newsinspect.model import Article, Quote
from newsinspect.quotes import find_quotes
from newsinspect.quotes.scanner import scan_paragraph


def article(*paragraphs: str, title: str = "A Title") -> Article:
    """An Article whose text is the title and the paragraphs, one per line."""
    return article_from_paragraphs(paragraphs, title)


def inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in scan_paragraph(text)]


def quotes_of(*paragraphs: str) -> tuple[Quote, ...]:
    return find_quotes(article(*paragraphs))


def test_curly_and_straight_double_quotes() -> None:
    assert inner("He said “we will win” and left.") == ["we will win"]
    assert inner('He said "we will win" and left.') == ["we will win"]


def test_guillemets_and_low_high_quotes() -> None:
    assert inner("Elle a dit « nous gagnerons » hier.") == ["nous gagnerons"]
    assert inner("Er sagte „Wir gewinnen“ gestern.") == ["Wir gewinnen"]


def test_single_quotes_top_level() -> None:
    assert inner("The mayor called it ‘a fair deal’ on Monday.") == ["a fair deal"]
    assert inner("The mayor called it 'a fair deal' on Monday.") == ["a fair deal"]


def test_apostrophes_are_not_quote_marks() -> None:
    assert inner("Valdoria’ army and the Jones’ dog don’t move.") == []
    assert inner("Music of the '90s and rock 'n' roll, and the ’80s too.") == []
    assert inner("Valdoria’ army said ‘never’ twice.") == ["never"]
    assert inner("“Rock 'n' roll of the '90s isn’t dead,” she said.") == [
        "Rock 'n' roll of the '90s isn’t dead,"
    ]


def test_nested_quote_stays_inside_outer() -> None:
    found = inner("“They told me ‘go home’ and I did,” he said.")
    assert found == ["They told me ‘go home’ and I did,"]


def test_unbalanced_quote_is_bounded_by_its_paragraph() -> None:
    qs = quotes_of(
        "“We will never stop, Okafor said without closing", "The next paragraph has no quote at all."
    )
    assert len(qs) == 1
    assert qs[0].paragraph == 0
    assert "next paragraph" not in qs[0].text


def test_stray_closing_mark_is_ignored() -> None:
    assert inner("Prices rose” sharply, the report said.") == []


def test_multi_paragraph_quote_is_one_quote() -> None:
    qs = quotes_of(
        "“The first part of what I said runs on,” said Ann Okafor. “And then there is more",
        "“and it ends here.”",
    )
    assert len(qs) == 1
    q = qs[0]
    assert q.paragraph == 0
    assert q.text.endswith("and it ends here.")
    assert q.speaker == "Ann Okafor"


def test_offsets_point_at_the_quoted_words() -> None:
    art = article("Okafor said: “We are ready.”")
    (q,) = find_quotes(art)
    assert art.text[q.start : q.end] == q.text == "We are ready."
    assert art.text[q.start - 1] == "“" and art.text[q.end] == "”"


def test_huge_paragraph_of_unbalanced_marks_does_not_raise() -> None:
    text = "“a " * 20000 + "”" * 5000 + "'b " * 20000
    assert isinstance(quotes_of(text), tuple)


def test_an_opening_mark_typed_for_a_closing_one_after_a_word_closes() -> None:
    text = "She called them “pirates” and “thieves“ at the pier. Later “it was fine,” she said."
    assert [text[q.start : q.end] for q in scan_paragraph(text)] == ["pirates", "thieves", "it was fine,"]
    # A “ after a space still opens a quote nested in the open one.
    text = "He said “I told them “no” and left” on Monday."
    assert [text[q.start : q.end] for q in scan_paragraph(text)] == ["I told them “no” and left"]
