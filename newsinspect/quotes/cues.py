"""Reporting cues: the verbs and phrases that introduce speech ("said", "told", "pointed out")."""

from __future__ import annotations

from newsinspect import lexicon

# Verbs of saying: regular ones as base forms (the judging verbs among them), irregular ones in every form.
_REGULAR = lexicon.words("cue_verbs_regular")
_IRREGULAR = lexicon.words("cue_verbs_irregular")
# Phrases that work as one cue.
_PHRASES = lexicon.words("cue_phrases")
# Regular verbs that double their last consonant ("admitted", "slammed").
_DOUBLING = lexicon.words("cue_verbs_doubling")


def _forms(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    if base in _DOUBLING:
        return [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def _forms_of(bases: frozenset[str]) -> frozenset[str]:
    return frozenset(form for base in bases for form in _forms(base))


CUE_WORDS: frozenset[str] = _IRREGULAR | _forms_of(_REGULAR)
# Words that are cue forms but, standing alone, are far more often something else.
_JUDGING = _forms_of(lexicon.words("cue_verbs_judging"))
_WEAK = _JUDGING | lexicon.words("cue_words_weak")
# Verbs whose object is what the words are about ("labeled the deal “a fraud”", "called Lee “weak”"), never
# who says them.
OBJECT_NOT_SPEAKER: frozenset[str] = _JUDGING | _forms_of(frozenset(["call"]))
STRONG_CUE_WORDS: frozenset[str] = CUE_WORDS - _WEAK
# Cues of a text that speaks ("the letter reads", "the sign read:"): only where they introduce the quote
# (right after it, or before it with a colon or comma), never for a fragment inside the sentence ("she
# read “Moby-Dick” aloud").
TEXT_CUE_WORDS: frozenset[str] = frozenset(["read", "reads"])

# Nouns of a speech act ("his call for “…”"): cues only after a possessive (``attribution``); the ones
# that are no cue verb are found by ``cue_at`` too and dropped there elsewhere.
CUE_NOUNS: frozenset[str] = lexicon.words("cue_nouns")
NOUN_ONLY_CUES: frozenset[str] = CUE_NOUNS - CUE_WORDS

# Phrases as word tuples, grouped by their first word, longest first, for token-level matching.
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(_PHRASES, key=lambda p: (-len(p.split()), p)):
    _PHRASES_BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))

LONGEST_CUE_WORDS: int = max(len(phrase) for phrases in _PHRASES_BY_FIRST.values() for phrase in phrases)

# Words that can begin a cue: any other word is skipped without a call to ``cue_at``.
CUE_FIRST_WORDS: frozenset[str] = CUE_WORDS | NOUN_ONLY_CUES | frozenset(_PHRASES_BY_FIRST)


def cue_at(words: list[str], i: int) -> int:
    """How many words starting at ``words[i]`` (lowercased) form a cue: 0 if none."""
    for phrase in _PHRASES_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 1 if words[i] in CUE_WORDS or words[i] in NOUN_ONLY_CUES else 0
