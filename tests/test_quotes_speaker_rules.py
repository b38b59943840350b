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


def test_a_capitalised_cue_word_inside_a_sentence_is_part_of_a_name() -> None:
    # "States" in "the United States" is no reporting verb; nor "Post" in a newspaper's name.
    q = only("Families in the United States and abroad, she said, “want the ferry back.”")
    assert q.cue == "said" and mention(q) == "she"
    assert quotes("Readers of the Harbor Post on Sunday found a “ferry question” page.") == ()


def test_a_title_case_headline_keeps_its_cue() -> None:
    q = only("Okafor Says Ferry Plan Is “Dead in the Water”")
    assert (q.speaker, q.cue) == ("Okafor", "says")


def test_a_closing_mark_opening_a_paragraph_before_an_ellipsis_opens_a_quote() -> None:
    q = only("” … and then the tide came in over the wall,” said Ilse Brannock.")
    assert q.text == "… and then the tide came in over the wall,"
    assert q.speaker == "Ilse Brannock"
    assert quotes("” he said.") == ()


def test_the_subject_of_a_passive_reporting_verb_is_not_the_speaker() -> None:
    # Okafor is who the words are about, not who said them: no speaker is better than a wrong one.
    qs = quotes("Okafor was widely described as calling the levy “a fair price.”")
    assert all(q.speaker != "Okafor" or q.cue != "described" for q in qs)
    assert quotes("Ann Okafor was told the plan was “too costly.”") == ()
    # Active voice, and a quote between "is" and the verb, still attribute.
    q = only("Ann Okafor described the levy as “a tax on fishermen.”")
    assert (q.speaker, q.cue) == ("Ann Okafor", "described")
    q = only("This is “the calmest winter in years,” reported the Harbor Ledger.")
    assert q.speaker is not None and "Harbor Ledger" in q.speaker
