"""From the words at the attribution site to the speaker: the fullest name the article gives.

Surnames ("Volfovich") resolve to the nearest earlier full name ending in them. "He" and "she" go to
the likeliest person by salience (see ``Resolver._person_for``): the subject of its own or an earlier
sentence of the paragraph, then the previous quote's speaker when it spoke in this or the previous
paragraph, then the subjects of the paragraphs before, then anyone mentioned nearby; a person whose
given name or courtesy title shows the other gender is passed over, and no answer is better than one
that does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsinspect.quotes.gender import agrees
from newsinspect.quotes.people import PersonIndex
from newsinspect.quotes.phrases import Mention

_PERSON_PRONOUN = {"him": "he", "her": "she"}


@dataclass
class Resolver:
    people: PersonIndex
    last_speaker: str | None = None
    last_speaker_is_person: bool = False
    last_paragraph: int = -10
    # The person each of "he" and "she" stood for last, and where.
    _pronouns: dict[str, tuple[int, str]] = field(default_factory=dict)

    def resolve(
        self,
        mention: Mention,
        base: int,
        paragraph: int,
        earlier_start: int,
        antecedent: Mention | None = None,
        remember: bool = True,
    ) -> str | None:
        """The speaker for ``mention`` (offsets relative to ``base``); ``antecedent`` is what an "it" or
        "they" stands for, when the attribution found it. ``remember``: whom a "he" or "she" stood for
        is kept for the pronouns after it (not for a candidate the ranker may turn down)."""
        if antecedent is not None and mention.kind == "pronoun":
            return self.resolve(antecedent, base, paragraph, earlier_start, None, remember)
        at = base + mention.start
        if mention.kind == "name":
            return self.people.full_name(self.people.name_at(at, mention.name), at)
        if mention.kind == "phrase":
            name = mention.name
            return name[4:] if name.startswith(("the ", "The ")) and name[4:5].isupper() else name
        pronoun = mention.name.lower()
        recent = paragraph - self.last_paragraph <= 1
        if pronoun in ("he", "she", "him", "her"):
            person = self._person_for(pronoun, at, recent, earlier_start)
            if person is not None and remember:
                self._pronouns[_PERSON_PRONOUN.get(pronoun, pronoun)] = (at, person)
            return person
        if (
            pronoun in ("they", "it", "we")
            and recent
            and self.last_speaker
            and not self.last_speaker_is_person
        ):
            return self.last_speaker
        return None

    def _person_for(self, pronoun: str, at: int, recent: bool, earlier_start: int) -> str | None:
        """The person "he" or "she" at ``at`` stands for, by salience: the subject of its own or an
        earlier sentence of the paragraph, nearest first; the previous quote's speaker when recent;
        the subjects of the paragraphs before (further back through paragraphs that use the same
        pronoun); the person the same pronoun in a quote stood for lately; then anyone mentioned before.
        Whoever's given name or title shows the other gender is passed over."""
        people = self.people
        paragraph_start = people.paragraph_start(at)
        for offset, name in people.subjects_before(at, paragraph_start):
            found = people.full_name_for(name, offset, pronoun)
            if found is not None:
                return found
        last = self.last_speaker
        if (
            recent
            and last is not None
            and self.last_speaker_is_person
            and agrees(people.gender(last), pronoun)
        ):
            return last
        chain_start = people.pronoun_chain_start(at, earlier_start, pronoun)
        for offset, name in people.subjects_before(paragraph_start, chain_start):
            found = people.full_name_for(name, offset, pronoun)
            if found is not None:
                return found
        # The person a quote's same pronoun stood for lately ("She says …", a paragraph apart).
        same = self._pronouns.get(_PERSON_PRONOUN.get(pronoun, pronoun))
        if same is not None and same[0] >= earlier_start:
            return same[1]
        for offset, name in people.people_before(at, earlier_start):
            found = people.full_name_for(name, offset, pronoun)
            if found is not None:
                return found
        return None

    def remember(self, pronoun: str, at: int, person: str) -> None:
        """Keep whom a "he" or "she" at ``at`` was found to stand for."""
        low = pronoun.lower()
        if low in ("he", "she", "him", "her"):
            self._pronouns[_PERSON_PRONOUN.get(low, low)] = (at, person)

    def spoke(self, speaker: str | None, kind: str, paragraph: int) -> None:
        if speaker is not None:
            self.last_speaker = speaker
            self.last_speaker_is_person = kind in ("name", "pronoun")
            self.last_paragraph = paragraph
