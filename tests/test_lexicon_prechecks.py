"""Every shortcut (a pre-check deciding whether a slower rule can apply) is built from the list it guards:
here each one accepts every entry of its list, so an entry added to a list can never be silently ignored."""

from __future__ import annotations

import pytest

from newsinspect import lexicon
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


@pytest.mark.parametrize("abbreviation", sorted(lexicon.words("abbreviations_quotes")))
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
