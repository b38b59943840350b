"""The people an article names, and where: the index speaker resolution asks.

Full names come from runs of capitalised words in the paragraphs (roles, courtesy titles and "of …" cut
off; "Rival Ann Lee" at a sentence start is Ann Lee), read paragraph by paragraph as resolution asks, so
an article whose quotes need no resolving costs nothing. A lone surname resolves to the fullest name
ending in it given so far; sentence subjects, mention order and gender (from given names and courtesy
titles) serve the pronoun rules in ``resolution``. Every look-up is bounded, so the index stays linear.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import NamedTuple

from newsinspect import lexicon
from newsinspect.quotes.cues import CUE_WORDS
from newsinspect.quotes.gender import Gender, agrees, gender_of, is_given_name
from newsinspect.quotes.names import (
    NOT_NAME_WORDS,
    ROLE_WORDS,
    is_org_name,
    is_role_word,
    looks_like_person,
    split_role,
    strip_possessive,
)
from newsinspect.quotes.phrases import is_speaker_head
from newsinspect.text.runs import name_runs
from newsinspect.text.sentences import opens_sentence

# A capitalised word, "\b[A-ZÀ-ÖØ-Þ][\w-]*" written capital first (the regex engine then skips ahead to
# capitals in C; a leading \b is tried at every position), the word boundary looked for behind it.
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<!\w.)[\w-]*")
# Surnames looked up paragraph by paragraph before the index reads the whole article instead: each
# lookup searches every paragraph's text, so a bounded number of them keeps the index linear.
_LOOKUPS_BEFORE_READING_ALL = 32
_MAX_CANDIDATES = 12  # antecedents a pronoun considers, nearest first
_MAX_LOOKED = 200  # mentions a pronoun looks at before giving up
_MAX_CHAIN = 6  # paragraphs a run of the same pronoun is followed back
_MAX_PREFIX = 120  # characters of its sentence read before a name to tell whether it is the subject
_MAX_MODIFIER_GAP = 40  # characters between a name used as a modifier and the name it modifies
_FIRST_WORD = re.compile(r"\w+")
# Patterns that would open with \b open with their first letter instead and look for the boundary behind
# it: the regex engine then skips ahead to that letter in C rather than trying every position.
_LOWER_WORD = re.compile(r"[a-z](?<!\w.)[a-z]*\b")  # \b[a-z]+\b
# A sentence ends at a full stop (and closing marks), and at a masked quote ("“…” Okafor said").
# (Written as one class first, for the same reason: [.!?][\"”’')\]]*\s+|_+\s*.)
_SENTENCE_BREAK = re.compile(r"[.!?_](?:(?<=[.!?])[\"”’')\]]*\s+|(?<=_)_*\s*)")
# What follows a sentence's first word when that word is a verb telling the reader what to do ("Use the
# map", "Prioritize your costs") or a label ("Step 2: “…”", "Myth #1:", "Photo by: …"), never a speaker.
_NOT_A_SUBJECT_AFTER = re.compile(
    r"\s+(?:{})\s|\s*#?\d+\s*[:.)]|\s+by:".format("|".join(sorted(lexicon.words("determiners"))))
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who|[A-Za-z.-]+\s+(?:of|for|at|to))\s")
_MODIFIER_GAP = re.compile(r"(?:\s+[a-z][a-z-]*){0,2}\s+([a-z][a-z-]*)\s+")
_NEXT_WORD = re.compile(r"(?:,[^,]{0,80},)?\s*([a-z]+)")  # the word after a name (and its appositive)
_PRONOUN_PATTERNS = {
    "he": re.compile(r"[Hh](?<!\w.)e\b"),
    "him": re.compile(r"[Hh](?<!\w.)e\b"),
    "she": re.compile(r"[Ss](?<!\w.)he\b"),
    "her": re.compile(r"[Ss](?<!\w.)he\b"),
}
_OPENING_WORDS = lexicon.words("sentence_opening_prepositions")
_SUBORDINATORS = lexicon.words("clause_openers_people")
# Courtesy titles that make a lone surname a person's ("Mr. Okafor"). Unlike the list in phrases,
# "Dr." counts: as a speaker's title it stays a role there ("Dr." in ``role``), here it tells a person.
_HONORIFICS = lexicon.words("courtesy_titles") | {"dr"}
_OPENERS = lexicon.words("name_run_openers")
_VERBS_AFTER_SUBJECT = CUE_WORDS | lexicon.words("verbs_after_subject")


# Generational suffixes: "Robert Lane Jr." is "Lane" when his surname stands alone.
_SUFFIXES = lexicon.words("generational_suffixes")


def _surname(name_words: list[str]) -> str:
    """The last word of a name that is not a generational suffix."""
    if len(name_words) > 2 and name_words[-1] in _SUFFIXES:
        return name_words[-2]
    return name_words[-1]


class _Person(NamedTuple):
    """A full name in the text (absolute offsets) and its surname (last word but a suffix)."""

    start: int
    end: int
    name: str
    surname: str


class PersonIndex:
    """People named in the article and where they are mentioned, read from the paragraphs on demand.

    ``paragraphs``: (index, base offset, text), in article order and not overlapping. Full names come
    from runs of two or more capitalised words; a lone capitalised word outside them is a mention too
    when it is the surname of a full name anywhere in the article. Resolving a speaker needs little of
    this: a surname needs only the paragraphs whose text holds it, and a pronoun the mentions of the
    few paragraphs before it. So each paragraph is read when first needed, and at most once.
    """

    def __init__(self, paragraphs: list[tuple[int, int, str]]) -> None:
        self._paragraphs = paragraphs
        self._bases = [base for _, base, _ in paragraphs]
        self._people: dict[int, list[_Person]] = {}  # by position in ``paragraphs``
        self._mentions: dict[int, tuple[list[int], list[str]]] = {}  # offsets and names, in order
        self._lower_words: dict[str, bool] = {}  # whether the article writes a word in lower case
        self._all_lower: frozenset[str] | None = None
        self._titles: dict[str, str] = {}  # surname -> courtesy title ("mr", "ms")
        self._subjects: dict[int, list[bool]] = {}  # whether each mention is its sentence's subject
        self._by_surname: dict[str, list[tuple[int, str]]] = {}  # (offset, full name), in order
        self._all_read = False  # whether ``_by_surname`` holds every surname
        self._lookups_left = _LOOKUPS_BEFORE_READING_ALL
        self._fullest_cache: dict[str, tuple[list[int], list[str]]] = {}
        self._people_starts: dict[int, list[int]] = {}  # start offsets of ``_people`` (for name_at)
        self._longest_cache: dict[tuple[str, str], str] = {}  # (surname, given name) -> longest full name
        self._uses_pronoun: dict[tuple[int, str], bool] = {}  # (paragraph, pronoun) -> whether it is used

    def full_name(self, name: str, offset: int) -> str:
        """The fullest name ending in a lone surname: the longest one given up to ``offset``, else the
        first one the article gives."""
        words = name.split()
        if len(words) != 1:
            return name
        offsets, fullest = self._fullest(words[0])
        if not offsets:
            return name
        i = bisect.bisect_right(offsets, offset) - 1
        return fullest[max(i, 0)]

    def last_person_before(self, offset: int, not_before: int) -> str | None:
        """The person mentioned last before ``offset``, if that mention is at ``not_before`` or later."""
        j = bisect.bisect_right(self._bases, offset) - 1
        while j >= 0:
            offsets, names = self._mentions_in(j)
            i = bisect.bisect_left(offsets, offset) - 1
            if i >= 0:
                return self.full_name(names[i], offsets[i]) if offsets[i] >= not_before else None
            if self._bases[j] <= not_before:
                return None  # the paragraphs before end before ``not_before``
            j -= 1
        return None

    def _fullest(self, surname: str) -> tuple[list[int], list[str]]:
        """Offsets of the full names ending in ``surname`` and the longest name given up to each."""
        cached = self._fullest_cache.get(surname)
        if cached is None:
            offsets: list[int] = []
            fullest: list[str] = []
            best = ""
            for offset, full in sorted(self._named(surname)):
                best = full if len(full) > len(best) else best
                offsets.append(offset)
                fullest.append(best)
            cached = self._fullest_cache[surname] = (offsets, fullest)
        return cached

    def _named(self, surname: str) -> list[tuple[int, str]]:
        """(offset, full name) of every full name ending in ``surname``, in article order."""
        known = self._by_surname.get(surname)
        if known is not None:
            return known
        if self._all_read or surname.lower() in NOT_NAME_WORDS or is_org_name([surname]):
            return []  # a person's name never ends in these words (see ``looks_like_person``)
        if self._lookups_left == 0:
            self._read_all()
            return self._by_surname.get(surname, [])
        self._lookups_left -= 1
        found = [
            (person.start, person.name)
            for j, (_, _, text) in enumerate(self._paragraphs)
            if surname in text
            for person in self._people_in(j)
            if person.surname == surname
        ]
        self._by_surname[surname] = found
        return found

    def _read_all(self) -> None:
        by_surname: dict[str, list[tuple[int, str]]] = {}
        for j in range(len(self._paragraphs)):
            for person in self._people_in(j):
                by_surname.setdefault(person.surname, []).append((person.start, person.name))
        self._by_surname = by_surname
        self._all_read = True

    def _people_in(self, j: int) -> list[_Person]:
        """The full names in paragraph ``j``, in order."""
        people = self._people.get(j)
        if people is None:
            _, base, text = self._paragraphs[j]
            people = self._people[j] = []
            for start, end, words in name_runs(text, multi_only=True):
                if words[0].isupper() and all(w.isupper() and len(w) > 2 for w in words):
                    continue  # a dateline or a shouted heading ("MIDWAY ATOLL")
                name_words = _name_words(words)
                if (
                    name_words
                    and name_words[0] == words[0]
                    and (len(name_words) >= 3 or name_words[0].endswith("ing"))
                    and self._common_opener(text, start, name_words)
                ):
                    name_words = name_words[1:]  # "Rival Ann Lee" or "Injecting Lee …" opening a sentence
                if looks_like_person(name_words) and not (
                    is_role_word(name_words[-1]) and not is_given_name(name_words[0])
                ):  # "Creative Director" is a job, "Ann King" a name
                    people.append(
                        _Person(base + start, base + end, " ".join(name_words), _surname(name_words))
                    )
                elif len(name_words) == 1 and looks_like_person(["X", name_words[0]]):
                    # "Mr. Okafor", "Ms. Lee": a courtesy title makes a lone surname a person, and tells
                    # which pronoun the person takes.
                    title = next(
                        (w.lower().rstrip(".") for w in words if w.lower().rstrip(".") in _HONORIFICS), ""
                    )
                    if title:
                        people.append(_Person(base + start, base + end, name_words[0], name_words[0]))
                        self._titles.setdefault(name_words[0], title)
        return people

    def _common_opener(self, text: str, start: int, name_words: list[str]) -> bool:
        """The capitalised word at ``start`` opens a sentence and is no given name but a participle
        ("Injecting Clinton into …") or, before a name of two words or more, a common word that the
        article also writes in lower case ("Rival Hillary Clinton …" beside "her rival")."""
        if not opens_sentence(text, start):
            return False
        word = _FIRST_WORD.match(text, start)
        if word is None or is_given_name(word.group()):
            return False
        if word.group().endswith("ing"):
            return True
        if len(name_words) < 3:
            return False
        return self._written_lower(word.group().lower())

    def common_word(self, word: str, offset: int) -> bool:
        """A lone capitalised word at ``offset`` that opens a sentence is a common word, not a name: no
        full name ends in it, it is no given name, and the article writes it in lower case too ("Talk
        compared it to …" beside "the talk"), or what follows says it is a label or an instruction."""
        if self._named(word) or is_given_name(word) or is_speaker_head(word.lower()):
            return False  # "Officials said …" speaks as a noun phrase would
        at = self._sentence_opened_at(offset)
        if at is None:
            return False
        text, rel = at
        if _NOT_A_SUBJECT_AFTER.match(text, rel + len(word)):
            return True
        return self._written_lower(word.lower())

    def label_or_instruction(self, word: str, offset: int) -> bool:
        """The word at ``offset`` opens a sentence as a label ("Photo by: …", "Step 2: …") or a verb telling
        the reader what to do ("Use the map …"): what follows it says so, whatever the word."""
        at = self._sentence_opened_at(offset)
        return at is not None and _NOT_A_SUBJECT_AFTER.match(at[0], at[1] + len(word)) is not None

    def _sentence_opened_at(self, offset: int) -> tuple[str, int] | None:
        """The masked paragraph holding ``offset`` and the offset in it, when a sentence opens there."""
        j = bisect.bisect_right(self._bases, offset) - 1
        if j < 0:
            return None
        rel = offset - self._bases[j]
        text = self._paragraphs[j][2]
        return (text, rel) if opens_sentence(text, rel) else None

    def _written_lower(self, low: str) -> bool:
        """Whether the article writes ``low`` in lower case somewhere."""
        known = self._lower_words.get(low)
        if known is None:
            if len(self._lower_words) < _LOOKUPS_BEFORE_READING_ALL:
                # A plain substring search per paragraph (fast, and once per word): " rival" in "her rival".
                needle = " " + low
                known = any(needle in t for _, _, t in self._paragraphs)
            else:  # many words to look up: read the article's lower-case words once
                if self._all_lower is None:
                    self._all_lower = frozenset(
                        w for _, _, t in self._paragraphs for w in _LOWER_WORD.findall(t)
                    )
                known = low in self._all_lower
            self._lower_words[low] = known
        return known

    def full_name_for(self, name: str, offset: int, pronoun: str) -> str | None:
        """``full_name``, among the people with that surname the one the pronoun can stand for (Bill or
        Hillary for a lone "Clinton"), or None when none can."""
        full = self._latest_full_name(name, offset)
        return full if agrees(self.gender(full), pronoun) else None

    def _latest_full_name(self, name: str, offset: int) -> str:
        """For a lone surname, the person whose full name the article gave last before ``offset`` (Bill
        or Hillary for "Clinton"), in the longest form it gives that person; else ``full_name``."""
        if len(name.split()) != 1:
            return name
        offsets, _ = self._fullest(name)
        i = bisect.bisect_right(offsets, offset) - 1
        latest = self._named(name)[i][1] if i >= 0 else ""
        if " " not in latest:
            return self.full_name(name, offset)  # none yet, or "Mr. Clarke": the longest name given
        first = latest.split()[0]
        key = (name, first)
        longest = self._longest_cache.get(key)
        if longest is None:
            longest = max((full for _, full in self._named(name) if full.split()[0] == first), key=len)
            self._longest_cache[key] = longest
        return longest

    def gender(self, name: str) -> Gender:
        """The gender a name shows by its given name, else by a courtesy title the article gives it."""
        found = gender_of(name)
        surname = name.split()[-1] if name.split() else name
        if found == "?" and self._named(surname):
            return gender_of(surname, self._titles.get(surname, ""))
        return found

    def _mentions_in(self, j: int) -> tuple[list[int], list[str]]:
        """Offsets and names of the people mentioned in paragraph ``j``: full names, and surnames
        standing alone outside them."""
        cached = self._mentions.get(j)
        if cached is None:
            _, base, text = self._paragraphs[j]
            people = self._people_in(j)
            found = [(person.start, person.end, person.name) for person in people]
            span_starts = [person.start for person in people]
            for m in _CAPITALISED_WORD.finditer(text):
                if not self._named(m.group()):
                    continue
                at = base + m.start()
                k = bisect.bisect_right(span_starts, at) - 1
                if k < 0 or people[k].end <= at:  # not inside a full name
                    found.append((at, base + m.end(), m.group()))
            found.sort()
            cached = self._mentions[j] = ([offset for offset, _, _ in found], [name for _, _, name in found])
            self._subjects[j] = _subjects(text, base, found)
        return cached

    def subjects_before(self, offset: int, not_before: int) -> list[tuple[int, str]]:
        """(offset, name as written) of the people that are the subjects of their sentences, from the
        nearest before ``offset`` back to ``not_before``: the likeliest antecedents of "he" or "she"."""
        return self._before(offset, not_before, subjects_only=True)

    def people_before(self, offset: int, not_before: int) -> list[tuple[int, str]]:
        """(offset, name as written) of every person mentioned, nearest first, back to ``not_before``."""
        return self._before(offset, not_before, subjects_only=False)

    def pronoun_chain_start(self, offset: int, not_before: int, pronoun: str) -> int:
        """``not_before``, moved back over the paragraphs before ``offset``'s that use ``pronoun`` too
        ("She has faced …" / "She said she …" / “…,” she said): such a run speaks of one person, whose
        name may come before it."""
        j = bisect.bisect_right(self._bases, offset) - 2
        pattern = _PRONOUN_PATTERNS.get(pronoun)
        steps = 0
        while pattern is not None and j > 0 and steps < _MAX_CHAIN:
            used = self._uses_pronoun.get((j, pronoun))
            if used is None:
                used = self._uses_pronoun[(j, pronoun)] = pattern.search(self._paragraphs[j][2]) is not None
            if not used:
                break
            j -= 1
            steps += 1
        return min(not_before, self._bases[max(j, 0)])

    def name_at(self, offset: int, name: str) -> str:
        """``name``, written at ``offset``, without a word the index found is not part of it ("Rival Ann
        Lee" opening a sentence is Ann Lee)."""
        if name.count(" ") < 2:
            return name
        if self._sentence_opened_at(offset) is None:
            return name  # only a word opening a sentence is ever left out
        j = bisect.bisect_right(self._bases, offset) - 1
        people = self._people_in(j)
        starts = self._people_starts.get(j)
        if starts is None:
            starts = self._people_starts[j] = [person.start for person in people]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and people[k].start <= offset < people[k].end and name.endswith(" " + people[k].name):
            return people[k].name
        return name

    def paragraph_start(self, offset: int) -> int:
        j = bisect.bisect_right(self._bases, offset) - 1
        return self._bases[max(j, 0)]

    def _before(self, offset: int, not_before: int, subjects_only: bool) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        looked = 0  # mentions looked at: a bounded number, so that a pronoun's cost does not grow with text
        j = bisect.bisect_right(self._bases, offset) - 1
        while j >= 0 and len(found) < _MAX_CANDIDATES and looked < _MAX_LOOKED:
            offsets, names = self._mentions_in(j)
            subjects = self._subjects[j]
            for i in range(bisect.bisect_left(offsets, offset) - 1, -1, -1):
                looked += 1
                if offsets[i] < not_before or len(found) >= _MAX_CANDIDATES or looked > _MAX_LOOKED:
                    break
                if subjects[i] or not subjects_only:
                    found.append((offsets[i], names[i]))
            if self._bases[j] <= not_before:
                break
            j -= 1
        return found


def _subjects(text: str, base: int, found: list[tuple[int, int, str]]) -> list[bool]:
    """For each mention (absolute start, end, name) of a paragraph, whether it is the subject of its
    sentence: the sentence's first person, opening it (after words such as "But", role words or an
    opening phrase closed by a comma) or followed by a verb ("… Okafor said"), and not a possessive
    ("Okafor’s plan")."""
    if not found:
        return []
    # Sentence starts as 64-bit integers (8 bytes each, not an int object and a list slot): a paragraph of
    # initials ("A. B. …") has one every three characters.
    # One at a time: compiled, ``extend`` over a generator lists it first.
    starts = array("q", [0])
    for m in _SENTENCE_BREAK.finditer(text):
        starts.append(m.end())
    flags: list[bool] = []
    seen_sentence = -1
    handed_on = False  # the mention before was a modifier of this one ("Lee spokesman Bo Chan")
    for k, (start, end, _) in enumerate(found):
        rel, rel_end = start - base, end - base
        sentence = bisect.bisect_right(starts, rel) - 1
        first = sentence != seen_sentence or handed_on
        seen_sentence = sentence
        possessive = text.startswith(("’s", "'s", "’", "'"), rel_end)
        # "…, which concerns Ann Lee, president of the union": a person introduced with an appositive
        # is as likely to speak next as a subject.
        introduced = not possessive and _APPOSITIVE.match(text, rel_end) is not None
        if handed_on:
            handed_on = False
            flags.append(not possessive)
            continue
        if first and not possessive and k + 1 < len(found) and found[k + 1][0] - end < _MAX_MODIFIER_GAP:
            gap = _MODIFIER_GAP.fullmatch(text, rel_end, found[k + 1][0] - base)
            if gap is not None and is_role_word(gap.group(1)):
                flags.append(False)  # "Clinton communication director Jennifer Palmieri said"
                handed_on = True
                continue
        if not first or possessive:
            # "In an interview with Lee, Okafor said …": the name after an opening phrase is the
            # subject even when the phrase named someone first.
            flags.append(
                introduced or (not possessive and _after_opening_phrase(text, starts[sentence], rel))
            )
            continue
        prefix = text[max(starts[sentence], rel - _MAX_PREFIX) : rel]
        if "," not in prefix and prefix.split()[:1] and prefix.split()[0].lower() in _SUBORDINATORS:
            flags.append(False)  # "While Okafor …" opens a subordinate clause
            continue
        after = _NEXT_WORD.match(text, rel_end)
        flags.append(
            introduced
            or _opens_clause(prefix)
            or (after is not None and after.group(1).lower() in _VERBS_AFTER_SUBJECT)
        )
    return flags


def _after_opening_phrase(text: str, sentence_start: int, at: int) -> bool:
    """The name at ``at`` directly follows the comma closing an opening phrase of its sentence."""
    if at - sentence_start > _MAX_PREFIX or not text[sentence_start:at].rstrip().endswith(","):
        return False
    first = _FIRST_WORD.match(text, sentence_start)
    return first is not None and (first.group().lower() in _OPENING_WORDS or first.group().endswith("ing"))


def _opens_clause(prefix: str) -> bool:
    """Only sentence openers, role words or an opening phrase closed by a comma come before a name."""
    if "," in prefix:
        prefix = prefix.rsplit(",", 1)[1]
    words = prefix.split()
    return len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower() in _OPENERS for w in words
    )


def _name_words(run: list[str]) -> list[str]:
    """The name in a run of capitalised words: no role before it, no "of …" after it, nothing before a
    courtesy title ("Should Mr. Clarke" is Clarke)."""
    if len(run) > 2:
        lowered = [w.lower().rstrip(".,") for w in run]
        for k in range(len(run) - 1, 0, -1):
            if lowered[k] in _HONORIFICS:
                run = run[k:]
                break
            # A role word inside the run ends what comes before it ("… Air Force Gen. Norman Ham").
            if k < len(run) - 1 and (lowered[k] in ROLE_WORDS or lowered[k] + "." in ROLE_WORDS):
                run = run[k + 1 :]
                break
    elif len(run) == 2 and run[1].lower().rstrip(".") in _HONORIFICS:
        run = run[1:]
    _, name_start = split_role(run)
    name_words = [strip_possessive(w) for w in run[name_start:]]
    for k, w in enumerate(name_words):
        if w.lower() in ("of", "for"):
            return name_words[:k]
    return name_words
