"""Reporting cues: the verbs and phrases that introduce speech ("said", "told", "pointed out")."""

from __future__ import annotations

from newsinspect.quotes.lexicon import words

# Verbs of saying with regular inflection (-s, -ed, -ing). Base forms only.
_REGULAR = (
    "add admit announce answer argue ask assert boast caution charge claim comment complain concede "
    "conclude confirm contend continue counter declare demand deny describe emphasize emphasise "
    "estimate exclaim explain insist joke lament mention muse note object observe opine plead "
    "predict proclaim promise protest question recall recount remark repeat reply report respond "
    "retort reveal scoff shout sigh snap state stress suggest testify tweet urge vow warn whisper "
    "yell acknowledge agree allege assure blast brag call cite complain confide criticize decry "
    "disclose dismiss echo elaborate grumble highlight inform lash mock mourn posit post praise "
    "pledge quip rage recommend reiterate reason rebut recall scold scream sneer tout wonder worry "
    "rail chide concur chime mutter murmur declare "
    "interject rejoin surmise cheer interrupt "
    # Verbs that frame someone's words while judging them: "branded it an “outlaw nation”".
    "brand liken label hail condemn accuse chant exhort laud attack dub characterize characterise "
    "blame compare slam denounce applaud ridicule lambast deride welcome rebuke rate admire reference"
)
# Irregular verbs: every form written out.
_IRREGULAR = (
    "say says said saying tell tells told telling write writes wrote written writing "
    "put puts putting speak speaks spoke spoken speaking "
    "think thinks thought thinking sing sings sang sung singing read reads"
)
# Phrases that work as one cue.
_PHRASES = (
    "pointed out",
    "points out",
    "pointing out",
    "went on",
    "goes on",
    "going on",
    "according to",
    "in a statement",
    "in an interview",
    "in a tweet",
    "in a post",
    "in remarks",
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "was cited as saying",
    "were cited as saying",
    "was heard saying",
    "made clear",
    "makes clear",
    "summed up",
    "sums up",
    "spelled out",
    "chimed in",
    "cut in",
    "cried out",
    "shot back",
    "fired back",
    "weighed in",
    "wrote in",
    "put it",
    "puts it",
    "had this to say",
    "told reporters",
)


def _forms(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    if base in ("admit", "snap", "quip", "rebut", "chat", "plan"):
        return [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def _forms_of(bases: str) -> set[str]:
    return {form for base in bases.split() for form in _forms(base)}


def _all_forms() -> set[str]:
    words = set(_IRREGULAR.split())
    for base in _REGULAR.split():
        words.update(_forms(base))
    return words


CUE_WORDS: frozenset[str] = frozenset(_all_forms())
# Words that are cue forms but, standing alone, are far more often something else.
_JUDGING = frozenset(
    _forms_of(
        "brand liken label hail condemn accuse chant exhort laud attack dub characterize characterise "
        "blame compare slam denounce applaud ridicule lambast deride welcome rebuke rate admire reference"
    )
)
_WEAK = _JUDGING | words(
    """
    call calls called calling put puts putting post posts question questions report reports
    answer answers object objects state states charge charges promise promises continue
    continues continued continuing think thinks thinking thought speak speaks spoke speaking
    spoken echo echoes rage rages worry worries wonder wonders reason reasons comment comments read reads
    concern mention repeat cite cites cited citing estimate estimates blast blasts mock mocks
    protest protests predict quip quips tweet tweets demand demands plead pledge pledges praise
    """
)
STRONG_CUE_WORDS: frozenset[str] = CUE_WORDS - _WEAK
# Cues of a text that speaks ("the letter reads", "the sign read:"): only where they introduce the quote
# (right after it, or before it with a colon or comma), never for a fragment inside the sentence ("she
# read “Moby-Dick” aloud").
TEXT_CUE_WORDS: frozenset[str] = frozenset(["read", "reads"])

# Phrases as word tuples, grouped by their first word, longest first, for token-level matching.
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(_PHRASES, key=lambda p: len(p.split()), reverse=True):
    _PHRASES_BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))


# Words that can begin a cue: any other word is skipped without a call to ``cue_at``.
CUE_FIRST_WORDS: frozenset[str] = CUE_WORDS | frozenset(_PHRASES_BY_FIRST)


def cue_at(words: list[str], i: int) -> int:
    """How many words starting at ``words[i]`` (lowercased) form a cue: 0 if none."""
    for phrase in _PHRASES_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 1 if words[i] in CUE_WORDS else 0
