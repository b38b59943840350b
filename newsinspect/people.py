"""The people of one article, as the entity engine found them: one index shared by quotes and entities.

The pipeline runs the entity engine first and builds ``People`` from its PERSON entities; the quote finder
takes it to name each speaker as the entity does (the full name the engine merged a surname into), so that a
quote's speaker is an entity whenever it is a person, and an entity's quotes can be counted
(``credit_quotes``). This module sits between ``quotes/`` and ``entities/``, which never import each other.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field, replace

from newsinspect.model import Entity, Quote

PERSON = "PERSON"


def _last_word(name: str) -> str:
    words = name.replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


@dataclass(frozen=True, eq=False)
class People:
    """PERSON entities by mention offset and by surname."""

    names: tuple[str, ...]  # each person's entity name
    # Every mention, sorted by start (then end, then person): its start, its end and its person (an index
    # into names), as machine integers. Held through the quote finder: a tuple and three int objects a
    # mention were some 130 bytes each, 1.4 times the input on a text of names.
    starts: array[int]
    ends: array[int]
    who: array[int]
    by_surname: dict[str, tuple[int, ...]] = field(default_factory=dict)  # last word -> indices into names

    @classmethod
    def from_entities(cls, entities: tuple[Entity, ...]) -> People:
        names: list[str] = []
        spans: list[tuple[int, int, int]] = []
        by_surname: dict[str, list[int]] = {}
        for entity in entities:
            if entity.type != PERSON:
                continue
            i = len(names)
            names.append(entity.name)
            spans.extend((m.start, m.end, i) for m in entity.mentions)
            by_surname.setdefault(_last_word(entity.name), []).append(i)
        spans.sort()
        return cls(
            tuple(names),
            array("q", [s for s, _, _ in spans]),
            array("q", [e for _, e, _ in spans]),
            array("q", [i for _, _, i in spans]),
            {k: tuple(v) for k, v in by_surname.items()},
        )

    def person_at(self, start: int, end: int) -> str | None:
        """The person whose mention overlaps [start, end), if any."""
        i = bisect.bisect_left(self.starts, end) - 1
        for k in (i, i - 1):  # mentions do not nest: the last two starting before ``end`` are enough
            if k >= 0 and self.starts[k] < end and start < self.ends[k]:
                return self.names[self.who[k]]
        return None

    def speaker_name(self, speaker: str, mention: tuple[int, int] | None) -> str:
        """The entity name for a speaker the quote finder resolved: the PERSON mentioned at the speaker's
        mention, or the only PERSON with the speaker's surname, when their surnames agree (the engine's
        merges are trusted only that far); else the speaker unchanged."""
        surname = _last_word(speaker)
        if mention is not None:
            found = self.person_at(mention[0], mention[1])
            if found is not None and _last_word(found) == surname:
                return found
        same = self.by_surname.get(surname, ())
        if len(same) == 1 and speaker[:1].isupper():
            full = self.names[same[0]]
            words = speaker.split()
            # "Clinton" becomes "Hillary Clinton", but "Bill Clinton" never does.
            if len(full) >= len(speaker) and (len(words) == 1 or words[0] in full.split()):
                return full
        return speaker


# A speaker the quote finder refers to by these is a person, whatever the entity engine guessed.
_PERSONAL_PRONOUNS = frozenset(["he", "she"])


def credit_quotes(entities: tuple[Entity, ...], quotes: tuple[Quote, ...]) -> tuple[Entity, ...]:
    """The entities with ``quotes`` set: how many quotes credit each (by its name, or a mention overlapping
    the speaker's mention). An ORG of one or two words (no acronym) that the quotes credit both by its
    name and through "he" or "she" becomes a PERSON: the engine types a bare surname that recurs without
    a first name ("Trump", "Hollande") as an organisation, and an organisation is never "he"."""
    by_name: dict[str, int] = {}
    for i, entity in enumerate(entities):
        by_name.setdefault(entity.name, i)
    spans = sorted((m.start, m.end, i) for i, e in enumerate(entities) for m in e.mentions)
    starts = [s for s, _, _ in spans]
    counts = [0] * len(entities)
    named = [False] * len(entities)
    pronoun = [False] * len(entities)
    for q in quotes:
        if q.speaker is None:
            continue
        who = by_name.get(q.speaker)
        mention = q.speaker_mention
        if who is None and mention is not None:
            k = bisect.bisect_left(starts, mention.end) - 1
            if k >= 0 and spans[k][1] > mention.start:
                who = spans[k][2]
        if who is None:
            continue
        counts[who] += 1
        if mention is not None:
            if mention.text.lower() in _PERSONAL_PRONOUNS:
                pronoun[who] = True
            else:
                named[who] = True
    found: list[Entity] = []
    for i, entity in enumerate(entities):
        if entity.type == "ORG" and named[i] and pronoun[i] and _may_be_a_name(entity.name):
            entity = replace(entity, type=PERSON)
        found.append(replace(entity, quotes=counts[i]) if counts[i] != entity.quotes else entity)
    return tuple(found)


def _may_be_a_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 2 and not any(word.isupper() for word in words)
