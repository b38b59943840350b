"""Every shortcut (a pre-check deciding whether a slower rule can apply) is built from the list it guards:
here each one accepts every entry of its list, so an entry added to a list can never be silently ignored."""

from __future__ import annotations

import pytest

from newsinspect import lexicon
from newsinspect.parse import authors, captions, clutter, dates, header
from newsinspect.parse.regex import fold
from newsinspect.quotes import cues, names, sources, tokens


@pytest.mark.parametrize("cue", sorted(lexicon.words("source_cues")))
def test_source_precheck_accepts_every_source_cue(cue: str) -> None:
    sentence = f"The minister, {cue} Radio Velmora, was calm."
    assert sources.has_source_lead(sentence.lower())
    assert sources._SOURCE_CUE.search(sentence) is not None


def test_source_precheck_rejects_plain_sentences() -> None:
    assert not sources.has_source_lead("the harbour opened on a cold morning.")


@pytest.mark.parametrize("phrase", sorted(lexicon.words("cue_phrases")))
def test_every_cue_phrase_is_found_whole(phrase: str) -> None:
    words = ["she", *phrase.split(), "that"]
    assert words[1] in cues.CUE_FIRST_WORDS  # the pre-check lets the phrase through
    assert cues.cue_at(words, 1) == len(phrase.split())


@pytest.mark.parametrize("word", sorted(cues.CUE_WORDS))
def test_every_cue_word_passes_the_first_word_precheck(word: str) -> None:
    assert word in cues.CUE_FIRST_WORDS and cues.cue_at([word], 0) == 1


def test_judging_verbs_are_cues_but_weak() -> None:
    for base in lexicon.words("cue_verbs_judging"):
        assert base in cues.CUE_WORDS and base not in cues.STRONG_CUE_WORDS


@pytest.mark.parametrize("abbreviation", sorted(lexicon.words("abbreviations")))
def test_every_abbreviation_keeps_its_period(abbreviation: str) -> None:
    written = abbreviation[:1].upper() + abbreviation[1:] + "."
    found = [t.text for t in tokens.tokenize(f"Ask {written} Okafor")]
    assert written in found


@pytest.mark.parametrize("phrase", sorted(lexicon.phrases(lexicon.words("role_words"))))
def test_role_phrases_are_matched_whole(phrase: tuple[str, ...]) -> None:
    written = [w.capitalize() for w in phrase]
    role_end, name_start = names.split_role([*written, "Mara", "Lenn"])
    assert (role_end, name_start) == (len(phrase), len(phrase))
    assert phrase[0] not in names.ROLE_WORDS or len(phrase) == 1  # "first" alone is no role


# --- parse: bylines, captions, date stamps, furniture -----------------------------------------------


def _title(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split())


@pytest.mark.parametrize("prefix", sorted(lexicon.words("byline_prefixes")))
def test_every_byline_prefix_passes_the_precheck_and_reads(prefix: str) -> None:
    line = f"{_title(prefix)} Jane Roe"
    assert authors.mentions_author(fold(line))
    assert authors.byline_authors(line) == ["Jane Roe"]


@pytest.mark.parametrize("alone", sorted(lexicon.words("byline_alone")))
def test_every_lone_byline_prefix_passes_the_precheck(alone: str) -> None:
    line = _title(alone) + ":"
    assert authors.mentions_author(fold(line)) and authors.is_by_alone(line)


@pytest.mark.parametrize("label", sorted(lexicon.words("byline_labels")))
def test_every_byline_label_passes_both_prechecks(label: str) -> None:
    line = f"Posted On: May 20, 2018 {_title(label)}: Jane Roe"
    assert authors.mentions_author(fold(line)) and authors._has_by_label(fold(line))
    assert authors.byline_authors(line) == ["Jane Roe"]


@pytest.mark.parametrize("word", sorted(lexicon.words("byline_role_words")))
def test_every_role_word_passes_the_role_line_precheck(word: str) -> None:
    assert authors.is_role_line(f"Senior {word.capitalize()}")


@pytest.mark.parametrize("title", sorted(lexicon.words("byline_honorifics")))
def test_every_honorific_passes_the_precheck_and_is_cut(title: str) -> None:
    assert f"{title}. Jane Roe".startswith(authors._HONORIFICS)
    assert authors.names_from(f"{title}. Jane Roe") == ["Jane Roe"]


@pytest.mark.parametrize("agency", sorted(lexicon.words("news_agencies")))
def test_every_agency_is_known(agency: str) -> None:
    assert authors.is_agency(_title(agency))


@pytest.mark.parametrize("phrase", sorted(lexicon.words("profile_phrases")))
def test_every_profile_phrase_passes_the_precheck_and_is_cut(phrase: str) -> None:
    assert authors.strip_profile_words(f"{_title(phrase)} Jane Roe") == "Jane Roe"


@pytest.mark.parametrize("label", sorted(lexicon.words("credit_labels")))
def test_every_credit_label_passes_the_precheck(label: str) -> None:
    assert captions._has_label_word(fold(label.upper()))
    assert captions.credit_only(f"{_title(label)}: Jo Roe") == "Jo Roe"


@pytest.mark.parametrize("label", sorted(lexicon.words("date_labels")))
def test_every_date_label_passes_the_label_line_precheck(label: str) -> None:
    for line in (f"{_title(label)}:", f"Last {label} on"):
        assert fold(line).startswith(header._LABEL_STARTS) and header._LABEL_ONLY.compiled.match(line)


@pytest.mark.parametrize("label", sorted(lexicon.words("stamp_labels")))
@pytest.mark.parametrize("day", sorted(lexicon.words("weekdays")))
def test_every_relative_stamp_passes_the_precheck(label: str, day: str) -> None:
    assert dates.is_relative_stamp(f"{_title(label)} {day.capitalize()} 4:10PM")
    assert dates.is_relative_stamp(f"{day.capitalize()} 1:30PM")


@pytest.mark.parametrize("shape", sorted(lexicon.words("prompt_line_starts")))
def test_every_prompt_shape_is_guarded_by_its_first_word(shape: str) -> None:
    first = clutter._LONG_PROMPT_STARTS
    assert any(shape.startswith(word) for word in first)
    assert clutter._LONG_PROMPT.compiled.pattern.count(shape) == 1
