"""Document-level reasoning: group mentions into entities, one type each, short forms into full names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from newsinspect.entities.classify import MEDIUM, STRONG, WEAK, Piece
from newsinspect.model import Entity, Span
from newsinspect.text.runs import LowerWords, starts_at

_WEIGHTS: Final = {STRONG: 3.0, MEDIUM: 1.5, WEAK: 0.5}
# Kinds a bare single word defaults to when nothing in the document says more.
_DEFAULT_TYPE: Final = "ORG"
_UNTYPED_WEIGHT: Final = 0.4


class _Group:
    """The mentions sharing one written form, with the type votes they carry."""

    __slots__ = (
        "_best",
        "_best_known",
        "key",
        "only_initial",
        "pieces",
        "strong",
        "untyped",
        "votes",
        "words",
    )

    def __init__(self, key: str, words: tuple[str, ...]) -> None:
        self.key = key
        self.words = words
        self.pieces: list[Piece] = []
        self.votes: dict[str, float] = {}
        self.strong: set[str] = set()
        self.untyped = 0
        self.only_initial = True  # every mention opens a sentence: its capital proves nothing
        self._best: str | None = None  # the votes' winner, cached while no vote comes in
        self._best_known = False

    def absorb(self, other: _Group) -> None:
        """Take another group's mentions (a short form joining its full name); the votes stay ours."""
        self.pieces.extend(other.pieces)
        self.only_initial = self.only_initial and other.only_initial

    def add(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self.only_initial = self.only_initial and piece.initial
        self._best_known = False
        if piece.type is None:
            # An untyped bare word leans to an organisation ("Reuters", "Microsoft") once it recurs.
            if not piece.initial:
                self.untyped += 1
                if self.untyped >= 2:
                    weight = _UNTYPED_WEIGHT * (2 if self.untyped == 2 else 1)
                    self.votes[_DEFAULT_TYPE] = self.votes.get(_DEFAULT_TYPE, 0.0) + weight
        else:
            self.votes[piece.type] = self.votes.get(piece.type, 0.0) + _WEIGHTS[piece.strength]
            if piece.strength == STRONG:
                self.strong.add(piece.type)

    @property
    def best(self) -> str | None:
        """The type with the most votes (the first of equals), or None without votes."""
        if not self._best_known:
            # A loop, not max() with a key function: compiled, the key is a Python call per vote.
            best: str | None = None
            top = 0.0
            for kind, score in self.votes.items():
                if best is None or score > top:
                    best, top = kind, score
            self._best = best
            self._best_known = True
        return self._best


def _key(words: tuple[str, ...]) -> str:
    return " ".join(words).replace("’", "'")


def merge_pieces(pieces: Iterable[Piece], text: str, lower_words: LowerWords) -> tuple[Entity, ...]:
    """Entities from the document's name pieces, sorted by mention count then first position."""
    groups: dict[str, _Group] = {}
    for piece in pieces:
        key = piece.key
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key, piece.words)
        group.add(piece)

    _merge_acronyms(groups, text)
    # A capitalised word seen only where capitals prove nothing, and known from nowhere else, is no name.
    person_parts = _person_parts(groups.values())
    for key in list(groups):
        group = groups[key]
        if (
            group.only_initial
            and not group.strong
            and (len(group.words) == 1 or group.words[0].lower() in lower_words)
            and group.words not in person_parts
        ):
            del groups[key]

    # "Biologist Nick Bos" at a sentence start: an unknown first word before a name known elsewhere.
    for key in list(groups):
        group = groups[key]
        if not group.only_initial or len(group.words) < 2 or group.strong:
            continue
        target = groups.get(_key(group.words[1:]))
        if target is not None and target.best == "PERSON":
            cut = len(group.words[0]) + 1
            for piece in groups.pop(key).pieces:
                target.add(Piece(piece.start + cut, piece.end, piece.words[1:], None, 0, False))

    # Short forms ("Lukashenko", "Nick") join the one full name they belong to.
    surname_owners: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    given_owners: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for person in groups.values():
        if len(person.words) >= 2 and person.best == "PERSON":
            for n in range(1, len(person.words)):
                surname_owners[person.words[-n:]].append(person)
                given_owners[person.words[:n]].append(person)
    merged_into: dict[str, _Group] = {}
    for group in list(groups.values()):
        strong = group.strong
        # Typed strongly as something other than a person (asked without building a set), or a full name.
        if (
            len(strong) > 1
            or (strong and "PERSON" not in strong)
            or (len(group.words) >= 2 and group.best == "PERSON")
        ):
            continue
        # A word also known as a city ("Paris") may still be a surname, but not a first name.
        surname_only = any(kind != "PERSON" and score > 1.0 for kind, score in group.votes.items())
        owners = surname_owners.get(group.words, [])
        if not surname_only:
            owners = owners + given_owners.get(group.words, [])
        if owners:
            # Two people sharing the short form: the one mentioned most (then first) takes it.
            merged_into[group.key] = min(owners, key=lambda o: (-len(o.pieces), o.pieces[0].start))
    for key, owner in merged_into.items():
        owner.absorb(groups.pop(key))

    _merge_organisation_short_forms(groups)

    # A bare word nothing types ("Stardust", "Reuters") counts only when it recurs mid-sentence.
    groups = {k: g for k, g in groups.items() if g.best is not None}
    _type_brand_names(groups)
    # Guesses with nothing behind them but capitals, seen once: titles of works, products, headings.
    groups = {k: g for k, g in groups.items() if not _lone_guess(g)}
    entities = [_entity(g, text) for g in groups.values()]
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return tuple(entities)


def _merge_organisation_short_forms(groups: dict[str, _Group]) -> None:
    """ "Grainfield" after "Grainfield Motors": the first words of one organisation's name, nothing else."""
    heads: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for group in groups.values():
        if len(group.words) >= 2 and group.best == "ORG" and "ORG" in group.strong:
            for n in range(1, len(group.words)):
                heads[group.words[:n]].append(group)
    for key in list(groups):
        group = groups[key]
        owners = heads.get(group.words)
        if owners and len(owners) == 1 and group.best in (None, "ORG") and not group.strong:
            owner = owners[0]
            owner.absorb(groups.pop(key))


def _type_brand_names(groups: dict[str, _Group]) -> None:
    """ "Google Maps", "Adobe Photoshop": a name guessed a person's only from its shape, whose first word is
    an organisation of the same article, is that organisation's, unless its last word is also written alone
    (people are called by their surnames, products are not)."""
    for group in groups.values():
        if len(group.words) < 2 or "PERSON" in group.strong or group.best != "PERSON":
            continue
        surname = group.words[-1:]
        if any(piece.words == surname for piece in group.pieces):
            continue
        owner = groups.get(_key(group.words[:1]))
        # The organisation must be typed by evidence ("AWS", "according to Google"), not by default: a
        # person's given name written alone often recurs untyped ("Nadya vowed", "Nadya said").
        if owner is not None and owner.best == "ORG" and any(piece.type == "ORG" for piece in owner.pieces):
            group.votes = {"ORG": group.votes.get("ORG", 0.0) + group.votes["PERSON"]}
            group._best_known = False


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _merge_acronyms(groups: dict[str, _Group], text: str) -> None:
    """ "Kennedy Space Center (KSC)": an acronym in brackets after the name it abbreviates joins it."""
    by_end: dict[int, _Group] | None = None  # made when first needed (rarely), before any group changes
    for key in list(groups):
        group = groups[key]
        if len(group.words) != 1 or not 2 <= len(key) <= 8 or not key.isupper():
            continue
        for piece in group.pieces:
            if piece.start < 2 or not starts_at(text, " (", piece.start - 2):
                continue
            if by_end is None:
                by_end = {p.end: g for g in groups.values() for p in g.pieces}
            owner = by_end.get(piece.start - 2)
            if owner is not None and owner is not group and _initials(owner.words) == key.replace(".", ""):
                owner.absorb(groups.pop(key))
                break


def _lone_guess(group: _Group) -> bool:
    if group.strong or len(group.pieces) > 1 or _has_vote_over(group, _WEIGHTS[WEAK]):
        return False
    if group.best == "ORG":
        return len(group.words) > 1
    return group.best == "PERSON" and group.only_initial


def _has_vote_over(group: _Group, weight: float) -> bool:
    """``max(group.votes.values(), default=0.0) > weight`` for a weight of 0 or more, as a compiled loop (the
    built-in with a keyword argument is a generic call)."""
    return any(score > weight for score in group.votes.values())


def _person_parts(groups: Iterable[_Group]) -> set[tuple[str, ...]]:
    """First and last words of the people's full names ("Alexander", "Lukashenko")."""
    parts: set[tuple[str, ...]] = set()
    for group in groups:
        if len(group.words) >= 2 and group.best == "PERSON":
            for n in range(1, len(group.words)):
                parts.add(group.words[:n])
                parts.add(group.words[-n:])
    return parts


def _in_order(pieces: list[Piece]) -> bool:
    """Whether no piece starts before the one ahead of it (then sorting them by start changes nothing)."""
    return all(pieces[k].start >= pieces[k - 1].start for k in range(1, len(pieces)))


def _one_form(forms: dict[str, str], wording: str) -> str:
    return forms.setdefault(wording, wording)


def _entity(group: _Group, text: str) -> Entity:
    # Mostly found in order already: then a loop says so, where sorting calls the key function per piece.
    pieces = group.pieces if _in_order(group.pieces) else sorted(group.pieces, key=lambda p: p.start)
    # One string per distinct wording, shared by the mentions that read so: a name repeated through a
    # long text held a string per mention to the end (the mentions are the output), 1.4 times the input.
    forms: dict[str, str] = {}
    mentions = tuple([Span(_one_form(forms, text[p.start : p.end]), p.start, p.end) for p in pieces])
    aliases: list[str] = []
    for mention in mentions:
        if mention.text.replace("’", "'") != group.key and mention.text not in aliases:  # the key has no "’"
            aliases.append(mention.text)
    return Entity(
        name=group.key if "'" not in group.key else text[pieces[0].start : pieces[0].end],
        type=group.best or _DEFAULT_TYPE,
        count=len(mentions),
        aliases=tuple(aliases),
        mentions=mentions,
    )
