"""Speakers: cue positions, roles, resolution, organisations, sources, split and partial quotes."""

from __future__ import annotations

import pytest
from builders import article_from_paragraphs

from newsinspect.compiled import core_is_compiled
from newsinspect.model import Article, Quote
from newsinspect.quotes import (
    APOSTROPHE_QUOTES_WARNING,
    find_headline_quotes,
    find_quotes,
    find_quotes_with_warnings,
)


def article(*paragraphs: str, title: str = "A Title") -> Article:
    return article_from_paragraphs(paragraphs, title)


def only(*paragraphs: str) -> Quote:
    qs = find_quotes(article(*paragraphs))
    assert len(qs) == 1, qs
    return qs[0]


def test_cue_after_the_quote() -> None:
    q = only("“The bridge opens in May,” Okafor said.")
    assert (q.speaker, q.cue, q.kind) == ("Okafor", "said", "full")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Okafor"


def test_inverted_cue() -> None:
    q = only("“The bridge opens in May,” said Ann Okafor, a city engineer.")
    assert (q.speaker, q.role, q.cue) == ("Ann Okafor", "city engineer", "said")


def test_colon_lead_in_before_the_quote() -> None:
    q = only("Ann Okafor told reporters: “The bridge opens in May.”")
    assert (q.speaker, q.cue, q.kind) == ("Ann Okafor", "told reporters", "full")


def test_lead_in_ending_the_previous_paragraph() -> None:
    q = only("Ann Okafor said:", "“The bridge opens in May.”")
    assert q.speaker == "Ann Okafor"
    assert q.paragraph == 1


def test_dash_attribution() -> None:
    q = only("“Nobody remembers a winter like this.” — Commissioner Ruth Abara")
    assert (q.speaker, q.role, q.cue) == ("Ruth Abara", "Commissioner", None)


def test_role_before_the_name() -> None:
    q = only("“We have no plans to move,” Valdorian Interior Minister Tomas Brevik said.")
    assert q.speaker == "Tomas Brevik"
    assert q.role == "Valdorian Interior Minister"
    assert q.speaker_mention is not None
    assert q.speaker_mention.text == "Valdorian Interior Minister Tomas Brevik"


def test_appositive_after_the_name() -> None:
    q = only("Petra Novak, a researcher at the Institute for Lake Studies, said the plan was “too slow.”")
    assert (q.speaker, q.kind, q.cue) == ("Petra Novak", "partial", "said")
    assert q.role == "researcher at the Institute for Lake Studies"


def test_role_phrase_before_the_name() -> None:
    q = only("The head of the council, Irena Maslova, insisted the drills were “purely routine.”")
    assert q.speaker == "Irena Maslova"
    assert q.role == "The head of the council"


def test_surname_resolves_to_full_name() -> None:
    qs = find_quotes(article("Irena Maslova chairs the council.", "Maslova said the drills were “routine.”"))
    assert qs[0].speaker == "Irena Maslova"
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text == "Maslova"


def test_pronoun_resolves_to_person_in_the_paragraph() -> None:
    qs = find_quotes(
        article(
            "Tomas Brevik spoke first.",
            "Later, Dana Whitlock took questions. She said the plan was “not finished.”",
        )
    )
    assert qs[0].speaker == "Dana Whitlock"
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text == "She"


def test_pronoun_resolves_to_previous_speaker() -> None:
    qs = find_quotes(
        article(
            "“We will build it,” said Dana Whitlock.",
            "“It will take two years,” she said.",
        )
    )
    assert [q.speaker for q in qs] == ["Dana Whitlock", "Dana Whitlock"]


def test_organisation_speaks() -> None:
    q = only("“We have nothing to hide,” the ministry said.")
    assert q.speaker == "the ministry"
    q = only("The Defense Ministry said the drills were “long planned.”")
    assert q.speaker == "Defense Ministry"


def test_source_is_kept_apart_from_speaker() -> None:
    q = only("“We are ready,” Okafor said, according to The Harbor Ledger.")
    assert (q.speaker, q.source) == ("Okafor", "The Harbor Ledger")
    q = only("Whitlock told The Evening Courier: “We will ask for a vote.”")
    assert (q.speaker, q.source) == ("Whitlock", "The Evening Courier")


def test_according_to_alone_names_the_speaker() -> None:
    q = only("The drills will end on Friday, according to Colonel Anton Ferreira, who called them “routine.”")
    assert q.speaker is not None and "Ferreira" in q.speaker


def test_split_quote_is_one_quote() -> None:
    q = only("“That is why I think we should wait,” he said. “On the other hand, nobody wants a fight.”")
    assert q.kind == "full"
    assert q.text == "That is why I think we should wait, … On the other hand, nobody wants a fight."
    assert q.cue == "said"


def test_partial_quote_kind() -> None:
    q = only("Okafor claimed he had received warnings through “unofficial channels” last week.")
    assert (q.kind, q.speaker, q.cue) == ("partial", "Okafor", "claimed")


def test_no_speaker_is_not_guessed() -> None:
    q = only("Tomas Brevik visited the harbor.", "“The water came over the wall three times.”")
    assert q.speaker is None or q.speaker == "Tomas Brevik"
    q2 = only("The harbor was quiet on Monday.", "“The water came over the wall three times.”")
    assert q2.speaker is None and q2.speaker_mention is None and q2.cue is None


def test_scare_quote_is_left_out() -> None:
    assert find_quotes(article("The so-called “reform” passed without debate.")) == ()


def test_headline_quotes_are_separate() -> None:
    art = article("Okafor said the wall was “purely defensive.”", title="Town Calls Wall ‘Purely Defensive’")
    assert all(q.paragraph is not None for q in find_quotes(art))
    (h,) = find_headline_quotes(art)
    assert (h.text, h.kind, h.paragraph, h.speaker) == ("Purely Defensive", "headline", None, None)
    assert art.text[h.start : h.end] == "Purely Defensive"


def test_quotes_are_ordered_by_position() -> None:
    qs = find_quotes(article("“One,” said Ann Lee.", "“Two,” said Bo Chan.", "“Three,” said Cy Diaz."))
    assert [q.text for q in qs] == ["One,", "Two,", "Three,"]
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_parenthetical_between_name_and_cue() -> None:
    q = only("“We will not vote for it,” Rep. Ann Okafor (D-Ore.) said on Tuesday.")
    assert q.speaker == "Ann Okafor"
    q = only("“We will not vote for it,” Rep. Ann Okafor (D-Ore.), a member of the panel, said.")
    assert (q.speaker, q.role) == ("Ann Okafor", "Rep.")  # the role written before the name wins


def test_participle_speaks_for_the_sentence_subject() -> None:
    q = only("Tomas Brevik rejected the plan on Monday, saying it was “a waste of money.”")
    assert q.speaker == "Tomas Brevik"
    q = only("The Harbor Board issued a statement calling the delay “unacceptable.”")
    assert q.speaker == "Harbor Board"


def test_judging_verbs_attribute_partial_quotes() -> None:
    q = only("Dana Whitlock branded the proposal “a tax on fishermen” at the meeting.")
    assert (q.speaker, q.cue, q.kind) == ("Dana Whitlock", "branded", "partial")


def test_governing_verb_wins_over_a_nested_one() -> None:
    q = only("Okafor said on Friday that Whitlock once described the plan as “the best we have.”")
    assert q.speaker == "Okafor"
    q = only("She said she recalls the engineers being “confused” by the order.")
    assert q.speaker_mention is not None and q.speaker_mention.start < 5 + len("A Title\n")


def test_a_cue_word_used_as_a_noun_is_not_a_cue() -> None:
    q = only("In one tweet, Dana Whitlock said: “The vote is on Friday.”")
    assert q.speaker == "Dana Whitlock"


def test_second_full_quote_in_a_paragraph_keeps_the_speaker() -> None:
    qs = find_quotes(
        article("“We are ready,” Okafor said on the program “Morning Hour.” “We have been for weeks.”")
    )
    # One quote in two halves (the title holds the credit's stop), as a credit between halves makes.
    assert [(q.speaker, q.text) for q in qs] == [("Okafor", "We are ready, … We have been for weeks.")]


def test_subheading_in_quotation_marks_is_not_a_quote() -> None:
    qs = find_quotes(
        article("“We are ready,” said Ann Okafor.", "‘A Winter to Remember.’", "The storm came.")
    )
    assert [q.text for q in qs] == ["We are ready,"]


def test_straight_closing_mark_after_a_space() -> None:
    q = only("\"I was insulted by the term 'outreach,' \" he told the group.")
    assert q.text == "I was insulted by the term 'outreach,'"
    assert q.cue == "told"


def test_noun_phrase_speaker_with_of_and_adjectives() -> None:
    q = only("The head of the agency and former senator said the delay was “a mistake.”")
    assert q.speaker == "The head of the agency and former senator"


def test_cue_in_a_relative_clause_is_not_the_main_one() -> None:
    q = only("Ann Okafor told a reporter who suggested that voters were tired that “nobody is tired.”")
    assert q.speaker == "Ann Okafor"


def test_coordinated_verbs_share_the_subject() -> None:
    q = only("Later I laughed and said, “I never believed it.”")
    assert q.speaker_mention is not None and q.speaker_mention.text == "I"


def test_modifiers_before_an_inverted_name_are_the_role() -> None:
    q = only("“We will not give up,” said longtime aide Bo Chan.")
    assert (q.speaker, q.role) == ("Bo Chan", "longtime aide")


def test_owner_of_a_claim_speaks() -> None:
    q = only("Officials checked Okafor’s claim that there were “thousands of complaints” last year.")
    assert q.speaker == "Okafor"


def test_contracted_pronoun_is_the_mention() -> None:
    qs = find_quotes(article("Ann Okafor spoke at noon.", "She’s claiming that fraud is “a big problem.”"))
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text == "She"
    assert qs[0].speaker == "Ann Okafor"


def test_two_apostrophes_are_quotation_marks_only_on_request() -> None:
    text = "''We will rebuild the pier,'' said Mayor Oskar Lind."
    doc = article(text)
    assert find_quotes(doc) == ()
    (q,) = find_quotes(doc, apostrophe_quotes=True)
    assert (q.text, q.speaker) == ("We will rebuild the pier,", "Oskar Lind")
    assert doc.text[q.start - 2 : q.end + 2] == "''We will rebuild the pier,''"


def test_two_apostrophes_pair_with_curly_marks_and_hold_nested_singles() -> None:
    text = "''Call it a 'small' win,” said Mayor Oskar Lind. He left."
    (q,) = find_quotes(article(text), apostrophe_quotes=True)
    assert q.text == "Call it a 'small' win,"
    assert q.speaker == "Oskar Lind"


def test_ignored_apostrophe_pairs_never_pair_with_single_marks() -> None:
    # Off by default: neither apostrophe of a '' may open or close a single-quoted stretch.
    qs = find_quotes(article("''Rebuild,'' said Mayor Oskar Lind, 'now.'"))
    assert not any("Rebuild" in q.text or "said" in q.text for q in qs)


def test_transcript_turns_are_separate_quotes() -> None:
    qs = find_quotes(article('"HOST: Will you attend the debate?', '"OKAFOR: I will be there, of course.'))
    assert [(q.speaker, q.paragraph) for q in qs] == [("Host", 0), ("Okafor", 1)]


def test_curly_quote_inside_straight_quote_nests() -> None:
    q = only('"OKAFOR: She thinks this is an episode of “Shark Tank.” It is not.')
    assert q.text.endswith("It is not.")
    assert "“Shark Tank.”" in q.text


ARCHIVE_STYLE = "''We will rebuild the pier,'' said Mayor Oskar Lind."


def test_text_written_with_apostrophe_quotes_is_flagged_when_they_are_not_read() -> None:
    doc = article(ARCHIVE_STYLE)
    assert find_quotes_with_warnings(doc) == ((), (APOSTROPHE_QUOTES_WARNING,))
    quotes, warnings = find_quotes_with_warnings(doc, apostrophe_quotes=True)
    assert len(quotes) == 1 and warnings == ()


@pytest.mark.parametrize(
    "text",
    [
        "The new mast is 5'10'' taller than the old one, said Mayor Oskar Lind.",  # inches
        "“We will rebuild the pier,” said Mayor Oskar Lind.",
        "Rock 'n' roll bands played on the pier until dawn.",
    ],
)
def test_no_apostrophe_quote_warning_without_apostrophe_quotes(text: str) -> None:
    assert find_quotes_with_warnings(article(text))[1] == ()


@pytest.mark.skipif(
    core_is_compiled(), reason="compiled modules call each other directly: a monkeypatch cannot reach them"
)
def test_a_quote_finder_bug_is_a_warning_not_silence(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(
        article: Article, *, apostrophe_quotes: bool = False, people: object = None
    ) -> tuple[Quote, ...]:
        raise IndexError("tuple index out of range")

    monkeypatch.setattr("newsinspect.quotes.extract.extract_quotes", broken)
    doc = article("“We will rebuild the pier,” said Mayor Oskar Lind.")
    assert find_quotes_with_warnings(doc) == (
        (),
        ("quote finder error: IndexError: tuple index out of range",),
    )
    assert find_quotes(doc) == ()
