"""From the words at the attribution site to the speaker: the fullest name the article gives.

Surnames ("Volfovich") resolve to the nearest earlier full name ending in them; "he"/"she" to the
person most recently mentioned earlier in the same paragraph, else the previous quote's speaker when it spoke
in this or the previous paragraph, else the person most recently mentioned nearby.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from newsinspect.quotes.names import (
    NOT_NAME_WORDS,
    capitalised_runs,
    is_org_name,
    looks_like_person,
    split_role,
    strip_possessive,
)
from newsinspect.quotes.phrases import Mention

_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*")
# Surnames looked up paragraph by paragraph before the index reads the whole article instead: each
# lookup searches every paragraph's text, so a bounded number of them keeps the index linear.
_LOOKUPS_BEFORE_READING_ALL = 32


class _Person(NamedTuple):
    """A full name in the text (absolute offsets) and its last word."""

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
        self._by_surname: dict[str, list[tuple[int, str]]] = {}  # (offset, full name), in order
        self._all_read = False  # whether ``_by_surname`` holds every surname
        self._lookups_left = _LOOKUPS_BEFORE_READING_ALL
        self._fullest_cache: dict[str, tuple[list[int], list[str]]] = {}

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
            for start, end, words in capitalised_runs(text, multi_only=True):
                name_words = _name_words(words)
                if looks_like_person(name_words):
                    people.append(_Person(base + start, base + end, " ".join(name_words), name_words[-1]))
        return people

    def _mentions_in(self, j: int) -> tuple[list[int], list[str]]:
        """Offsets and names of the people mentioned in paragraph ``j``: full names, and surnames
        standing alone outside them."""
        cached = self._mentions.get(j)
        if cached is None:
            _, base, text = self._paragraphs[j]
            people = self._people_in(j)
            found = [(person.start, person.name) for person in people]
            span_starts = [person.start for person in people]
            for m in _CAPITALISED_WORD.finditer(text):
                if not self._named(m.group()):
                    continue
                at = base + m.start()
                k = bisect.bisect_right(span_starts, at) - 1
                if k < 0 or people[k].end <= at:  # not inside a full name
                    found.append((at, m.group()))
            found.sort()
            cached = self._mentions[j] = ([offset for offset, _ in found], [name for _, name in found])
        return cached


def _name_words(run: list[str]) -> list[str]:
    """The name in a run of capitalised words: no role before it, no "of …" after it."""
    _, name_start = split_role(run)
    name_words = [strip_possessive(w) for w in run[name_start:]]
    for k, w in enumerate(name_words):
        if w.lower() in ("of", "for"):
            return name_words[:k]
    return name_words


@dataclass
class Resolver:
    people: PersonIndex
    last_speaker: str | None = None
    last_speaker_is_person: bool = False
    last_paragraph: int = -10

    def resolve(self, mention: Mention, base: int, paragraph: int, earlier_start: int) -> str | None:
        """The speaker for ``mention`` (offsets relative to ``base``)."""
        at = base + mention.start
        if mention.kind == "name":
            return self.people.full_name(mention.name, at)
        if mention.kind == "phrase":
            name = mention.name
            return name[4:] if name.startswith(("the ", "The ")) and name[4:5].isupper() else name
        pronoun = mention.name.lower()
        recent = paragraph - self.last_paragraph <= 1
        if pronoun in ("he", "she", "him", "her"):
            same_paragraph = self.people.last_person_before(at, base)
            if same_paragraph is not None:
                return same_paragraph
            if recent and self.last_speaker is not None and self.last_speaker_is_person:
                return self.last_speaker
            return self.people.last_person_before(at, earlier_start)
        if (
            pronoun in ("they", "it", "we")
            and recent
            and self.last_speaker
            and not self.last_speaker_is_person
        ):
            return self.last_speaker
        return None

    def spoke(self, speaker: str | None, kind: str, paragraph: int) -> None:
        if speaker is not None:
            self.last_speaker = speaker
            self.last_speaker_is_person = kind in ("name", "pronoun")
            self.last_paragraph = paragraph
