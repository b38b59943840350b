"""Speaker rules that keep wrong guesses out: what each rule must find, and what it must leave alone.

Every sentence here is invented (fictional people, towns and bodies).
"""

from __future__ import annotations

from builders import article_from_paragraphs

from newsinspect.model import Quote
from newsinspect.quotes import find_quotes


def quotes(*paragraphs: str) -> tuple[Quote, ...]:
    return find_quotes(article_from_paragraphs(paragraphs))


def only(*paragraphs: str) -> Quote:
    qs = quotes(*paragraphs)
    assert len(qs) == 1, qs
    return qs[0]


def mention(q: Quote) -> str | None:
    return q.speaker_mention.text if q.speaker_mention is not None else None


def test_a_nested_quote_closing_with_the_outer_one_still_ends_the_clause() -> None:
    q = only("\"Neighbours say, 'The pier can wait,'\" said Oskar Lind, a harbour pilot.")
    assert (q.speaker, q.cue) == ("Oskar Lind", "said")
    # Without punctuation inside, the quote runs on into the sentence: only a verb after a name takes it.
    q = only("The words “a ‘temporary’ closure” suggest that nothing will change, Oskar Lind said.")
    assert q.cue != "suggest"


def test_a_nickname_inside_a_name_is_not_a_quote() -> None:
    q = only('“We are ready,” Councillor Marta "Tati" Oyelaran, a ferry captain, told the crowd.')
    assert q.text == "We are ready,"
    assert q.speaker is not None and q.speaker.endswith("Oyelaran")
    assert quotes('Rep. Walter J. "Wally" Brenn opened the hall.') == ()


def test_quoted_words_between_names_are_kept_when_they_are_no_nickname() -> None:
    # A day after the quote, a possessive before it, or lowercase words around it: a quote.
    assert [q.text for q in quotes("Okafor called Brenn “Mister Delay” Monday.")] == ["Mister Delay"]
    q = only("Okafor said the motto “Hold Fast” was painted over.")
    assert q.text == "Hold Fast"
