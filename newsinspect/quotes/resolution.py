"""From the words at the attribution site to the speaker: the fullest name the article gives.

Surnames ("Volfovich") resolve to the nearest earlier full name ending in them; "he"/"she" to the
person most recently mentioned earlier in the same paragraph, else the previous quote's speaker when it spoke
in this or the previous paragraph, else the person most recently mentioned nearby.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newsinspect.quotes.names import (
    capitalised_runs,
    looks_like_person,
    split_role,
    strip_possessive,
)
from newsinspect.quotes.phrases import Mention

_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]*")


@dataclass
class PersonIndex:
    """People named in the article, with every place they are mentioned (absolute offsets)."""

    offsets: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
    by_surname: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _cache: dict[str, tuple[list[int], list[str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, paragraphs: list[tuple[int, int, str]]) -> PersonIndex:
        """``paragraphs``: (index, base offset, text).

        Full names come from runs of two or more capitalised words; lone surnames of those people are
        then found among the capitalised words, outside the full names.
        """
        index = cls()
        found: list[tuple[int, str, int]] = []
        spans: list[tuple[int, int]] = []
        for p_index, base, text in paragraphs:
            for start, end, words in capitalised_runs(text, multi_only=True):
                _, name_start = split_role(words)
                name_words = [strip_possessive(w) for w in words[name_start:]]
                for k, w in enumerate(name_words):
                    if w.lower() in ("of", "for"):
                        name_words = name_words[:k]
                        break
                if looks_like_person(name_words):
                    name = " ".join(name_words)
                    found.append((base + start, name, p_index))
                    spans.append((base + start, base + end))
                    index.by_surname.setdefault(name_words[-1], []).append((base + start, name))
        if index.by_surname:
            spans.sort()
            span_starts = [a for a, _ in spans]
            for p_index, base, text in paragraphs:
                for m in _CAPITALISED_WORD.finditer(text):
                    if m.group() not in index.by_surname:
                        continue
                    at = base + m.start()
                    k = bisect.bisect_right(span_starts, at) - 1
                    if k < 0 or spans[k][1] <= at:  # not inside a full name
                        found.append((at, m.group(), p_index))
        found.sort()
        for offset, name, p_index in found:
            index.offsets.append(offset)
            index.names.append(name)
            index.paragraphs.append(p_index)
        return index

    def full_name(self, name: str, offset: int) -> str:
        """The fullest name ending in a lone surname: the longest one given up to ``offset``, else the
        first one the article gives."""
        words = name.split()
        if len(words) != 1:
            return name
        options = self.by_surname.get(words[0])
        if not options:
            return name
        offsets, fullest = self._fullest(words[0], options)
        i = bisect.bisect_right(offsets, offset) - 1
        return fullest[max(i, 0)]

    def _fullest(self, surname: str, options: list[tuple[int, str]]) -> tuple[list[int], list[str]]:
        """Offsets of the full names ending in ``surname`` and the longest name given up to each."""
        cached = self._cache.get(surname)
        if cached is None:
            offsets: list[int] = []
            fullest: list[str] = []
            best = ""
            for offset, full in sorted(options):
                best = full if len(full) > len(best) else best
                offsets.append(offset)
                fullest.append(best)
            cached = self._cache[surname] = (offsets, fullest)
        return cached

    def last_person_before(self, offset: int, not_before: int) -> str | None:
        i = bisect.bisect_left(self.offsets, offset) - 1
        if i >= 0 and self.offsets[i] >= not_before:
            return self.full_name(self.names[i], self.offsets[i])
        return None


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
