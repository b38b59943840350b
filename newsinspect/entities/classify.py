"""Cut a capitalised run into names and give each a type from its words, its context and the gazetteers."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from newsinspect import lexicon
from newsinspect.entities.split import (
    JOINING,
    NAME_WORDS,
    has_adjective_ending,
    has_text_in,
    holiday_free,
    is_function_token,
    split_connectors,
    split_dates,
    split_demonym,
    split_title,
    strip_adjective_ending,
    strip_function_words,
    strip_possessive,
)
from newsinspect.entities.words import (
    ABSTRACT_ENDINGS,
    COMMON_ACRONYMS,
    DATE_WORDS,
    DIRECTIONS,
    EVENT_SUFFIXES,
    FAC_SUFFIXES,
    GPE_SUFFIXES,
    GROUP_WORDS,
    HOLIDAY_STARTS,
    HOLIDAYS,
    KNOWN_ORGANISATIONS,
    LOC_HEADS,
    LOC_SUFFIXES,
    NUMBERED_FACILITIES,
    ORG_HEADS,
    ORG_SUFFIXES,
    PLACE_ABBREVIATIONS,
    SPEECH_VERBS,
    TITLES,
)
from newsinspect.lexicon.gazetteer import CITY, COUNTRY, PROVINCE, REGION, Gazetteer, first_words
from newsinspect.text.runs import LowerWords, Token, next_word, starts_at

# Evidence strength: a gazetteer hit or a name-internal word is strong, context is medium, a default weak.
STRONG: Final = 2
MEDIUM: Final = 1
WEAK: Final = 0
_PLACE_TYPES: Final = {COUNTRY: "GPE", PROVINCE: "GPE", CITY: "GPE", REGION: "LOC"}
_PLACE_PREPOSITIONS: Final = lexicon.words("place_prepositions")


class Piece:
    """One name candidate with its best guess at a type (a plain class: compiled, its fields are struct
    members)."""

    __slots__ = ("end", "initial", "key", "start", "strength", "type", "words")

    def __init__(
        self, start: int, end: int, words: tuple[str, ...], type: str | None, strength: int, initial: bool
    ) -> None:
        self.start = start
        self.end = end
        self.words = words
        # The name as the document's names are compared: its words, straight apostrophes. Made once here
        # for the Title Case pass (names known elsewhere) and the merging (mentions grouped by it).
        self.key = " ".join(words).replace("’", "'")
        self.type = type
        self.strength = strength
        self.initial = initial  # its first word opens a sentence (capital proves nothing)

    def __repr__(self) -> str:
        fields = (self.start, self.end, self.words, self.type, self.strength, self.initial)
        return f"Piece{fields!r}"


# One word never naming anything alone: a role ("President"), a portfolio ("State"), a date word, a holiday.
_NEVER_ALONE: Final = NAME_WORDS | DATE_WORDS | HOLIDAYS


def _is_acronym(word: str) -> bool:
    """ "NATO", "U.N.", "G-7", "STS-1"."""
    # An ASCII small letter second ("Smith", the commonest word asked) answers before the method call.
    if not 2 <= len(word) <= 8 or 97 <= ord(word[1]) <= 122 or not word.isupper():  # every letter a capital
        return False
    letters = sum(ch.isalpha() for ch in word)
    return 2 <= letters <= 6 or any(ch.isdigit() for ch in word)


def _common_acronym(word: str) -> bool:
    """ "TV", "CEO", and the plural "APIs", "LLMs": a common noun written as an acronym."""
    return word in COMMON_ACRONYMS or (word[-1:] == "s" and word[:-1] in COMMON_ACRONYMS)


def _shouted_word(tok: Token, lower_words: LowerWords) -> bool:
    """ "FREE", "LOVE": a word of four or more letters in capitals for emphasis, as the article also writes
    it in lower case (an acronym is not: "NATO", "NASA"; shorter ones are, "US" and "us", "IT" and "it")."""
    return len(tok.text) >= 4 and tok.text.isalpha() and tok.lower in lower_words


def _is_name_word(word: str) -> bool:
    """ "Shraibman", "Chi-wai", "O'Neill", "J.": a word shaped like part of a person's name."""
    bare = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return word[:1].isupper() and bare.isalpha()


_APPOSITION: Final = (", a ", ", an ", ", the ")


def _followed_by_role(text: str, end: int) -> bool:
    """ "Artyom Shraibman, a Belarusian political analyst": a role in apposition names a person."""
    if not text.startswith(_APPOSITION, end):
        return False
    words = text[end + 2 : end + 60].split()[1:6]
    for word in words:
        bare = word.rstrip(",.;:")
        if bare.lower() in TITLES and bare.islower():
            return True
        if bare != word:  # the apposition's first phrase ends at a comma or period
            break
    return False


def _after_according_to(text: str, before: Token | None) -> bool:
    """ "according to Reuters": the name is a source."""
    return before is not None and text[max(0, before.start - 10) : before.end] == "according to"


def _before_feature_word(text: str, end: int, after: Token | None) -> bool:
    """Whether the name ending at ``end`` is followed, one space on, by a geographic feature word in lower
    case ("the Ellis estuary", "the Volga river"): after "the", such a name is the feature's. A run of one
    word comes without the word after it (most need none), so that word is read here."""
    if not starts_at(text, " ", end):
        return False
    if after is None:
        found = next_word(text, end + 1, min(len(text), end + _LONGEST_FEATURE_WORD + 2))
        if found is None or found[0] != end + 1:
            return False
        word = text[found[0] : found[1]]
    elif after.start == end + 1:
        word = after.text
    else:
        return False
    return word in LOC_SUFFIXES


_LONGEST_FEATURE_WORD: Final = max(len(word) for word in LOC_SUFFIXES)


def _place_abbreviation(tok: Token, text: str) -> bool:
    """ "Concord, N.H.", "Fresno, Calif.": a state's abbreviation, its period written."""
    return tok.text.rstrip(".") in PLACE_ABBREVIATIONS and (
        tok.text.endswith(".") or starts_at(text, ".", tok.end)
    )


_LONGEST_FACILITY_NUMBER: Final = 4


def _number_after(text: str, end: int) -> int:
    """Where the number one space after ``end`` ends ("Pier 9", "Route 66", "Terminal 2B"), or -1 when
    there is none, or it runs on ("Gate 3.5", "Route 1,000", a year)."""
    start = end + 1
    if not starts_at(text, " ", end):
        return -1
    stop = min(len(text), start + _LONGEST_FACILITY_NUMBER)
    pos = start
    while pos < stop and "0" <= text[pos] <= "9":
        pos += 1
    if pos == start:
        return -1
    if pos < len(text) and "A" <= text[pos] <= "Z":
        pos += 1  # "Terminal 2B"
    if pos < len(text) and (text[pos].isalnum() or (text[pos] in ",." and text[pos + 1 : pos + 2].isdigit())):
        return -1
    return pos


def _unit(tok: Token, text: str) -> bool:
    """The C or F of "20°C", "68 °F": a letter after a degree sign."""
    start = tok.start
    if len(tok.text) != 1 or start < 1:
        return False
    return text[start - 1] == "°" or (start >= 2 and text[start - 2 : start] == "° ")


def _with_number(piece: Piece, last: Token, text: str) -> Piece:
    """``piece`` with the number after it when its last word is one that numbers a facility: "Pier 9"."""
    if last.norm not in NUMBERED_FACILITIES:
        return piece
    end = _number_after(text, piece.end)
    if end < 0:
        return piece
    words = (*piece.words, text[piece.end + 1 : end])
    return Piece(piece.start, end, words, "FAC", STRONG, piece.initial)


_SHORTEST_STEM: Final = 3


def _abstract_noun(word: str) -> bool:
    """ "security", "policy", "parenthood": an abstract noun's ending after a stem of three letters or more
    ("Hood" and "Ness" are surnames; "Parenthood" is none)."""
    return word.endswith(ABSTRACT_ENDINGS) and any(
        word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM for ending in ABSTRACT_ENDINGS
    )


def place_kind(span: str, gaz: Gazetteer) -> str | None:
    """``gaz.places.get(span)``; a span of several words (one space apart, as in a run) is looked up only
    when its first word starts some place name of several words: most are headline and organisation
    spans, and each unknown span asked the big table (and filled its memory) for nothing."""
    space = span.find(" ")
    if space >= 0 and span[:space] not in gaz.place_heads:
        return None
    return gaz.places.get(span)


def _named_place(span: str, place: str, lower_words: LowerWords, initial: bool) -> bool:
    """Whether the gazetteer's ``place`` is what ``span`` names: a one-word city also written in lower case in
    the article ("Most", "Split", "Mobile") is that word, capitalised; so is such a province where a sentence
    opens with it ("Store it cold", "Cook the rice"; mid-sentence "Louisiana" stays a place, though a tag
    line may write "louisiana")."""
    if " " in span or (place != CITY and (place != PROVINCE or not initial)):
        return True
    return span.lower() not in lower_words


def _given_name(tok: Token, gaz: Gazetteer, lower_words: LowerWords) -> bool:
    return tok.text in gaz.given_names and tok.lower not in lower_words


def _type_of(
    run: list[Token],
    span: str,
    before: Token | None,
    after: Token | None,
    had_the: bool,
    gaz: Gazetteer,
    lower_words: LowerWords,
    text: str,
) -> tuple[str | None, int]:
    """The type of the name ``run`` (written ``span``) and how strong the evidence is.

    Context that is rarely decisive (a source, a role in apposition) is looked at only when reached.
    """
    n = len(run)
    first = last = run[0].norm
    if span in gaz.demonyms or (n == 1 and first in GROUP_WORDS):
        return "NORP", STRONG
    if n == 1 and _place_abbreviation(run[0], text):
        return "GPE", STRONG
    if span in KNOWN_ORGANISATIONS:
        return "ORG", STRONG  # "Meta", "Toyota": before the gazetteer, which holds places of those names
    place = place_kind(span, gaz)
    if place is not None and _named_place(span, place, lower_words, run[0].initial):
        return _PLACE_TYPES[place], STRONG if place != CITY or n > 1 else MEDIUM
    if n >= 2:
        words = [t.norm for t in run]
        last = words[-1]
        # The head of "X Foundation for Y" or "X Museum of Y" is the word before "for" or "of".
        joint = of = None
        if has_text_in(run, JOINING):  # most names have no "of", "for", "and"
            joint = next((k for k, t in enumerate(run) if t.text in JOINING), None)
            of = next((k for k, t in enumerate(run) if t.text in ("of", "for")), None)
        head = words[of - 1] if of else last
        if of and head in FAC_SUFFIXES:
            return "FAC", STRONG
        if head in ORG_SUFFIXES or last in ORG_SUFFIXES:
            return "ORG", STRONG
        if last in FAC_SUFFIXES:
            return "FAC", STRONG
        if first in ORG_HEADS and joint:
            return "ORG", STRONG
        if last in LOC_SUFFIXES or first in LOC_HEADS:
            return "LOC", STRONG
        if last in GPE_SUFFIXES:
            return "GPE", STRONG
        if last in EVENT_SUFFIXES:
            return "EVENT", MEDIUM
        if run[0].text in KNOWN_ORGANISATIONS:
            return "ORG", MEDIUM  # "Google Maps", "Microsoft Excel": the company's, not a person's
    if n == 1 and _is_acronym(run[0].text) and not _shouted_word(run[0], lower_words):
        return "ORG", MEDIUM
    if n == 1 and last in DIRECTIONS and not run[0].initial:
        return "LOC", MEDIUM
    if had_the and _before_feature_word(text, run[-1].end, after):
        return "LOC", MEDIUM  # "the Ellis estuary", "the Hudson valley"
    # A given name also written in lower case in the article ("winter", "hope") proves less.
    if n == 1 and _given_name(run[0], gaz, lower_words):
        return "PERSON", MEDIUM
    prev = before.norm if before is not None else ""
    if prev in TITLES:
        return "PERSON", STRONG
    if n >= 2 and _given_name(run[0], gaz, lower_words):
        return "PERSON", STRONG
    nxt = after.lower if after is not None else ""
    if nxt in SPEECH_VERBS and n >= 2 and not had_the:
        return "PERSON", MEDIUM
    if starts_at(text, ", ", run[-1].end) and _followed_by_role(text, run[-1].end):
        return "PERSON", MEDIUM
    source = n == 1 and prev == "to" and _after_according_to(text, before)
    if n == 1 and ((had_the and last in ORG_SUFFIXES) or source):
        return "ORG", MEDIUM  # "according to Reuters", "The Guardian"
    if prev in _PLACE_PREPOSITIONS and n <= 2 and (before is None or not before.cap):
        return "GPE", WEAK
    # The lower-case test last: on a word it has not seen it searches the whole text.
    if (
        2 <= n <= 3
        and not had_the
        and not _abstract_noun(last)
        and all(_is_name_word(t.text) for t in run)
        and not any(gaz.places.get(t.text, CITY) != CITY or t.text in gaz.demonyms for t in run)
        and all(t.lower not in lower_words for t in run)
    ):
        return "PERSON", WEAK
    if n >= 2:
        return "ORG", WEAK
    return None, WEAK


def classify_run(
    tokens: tuple[Token, ...], i: int, j: int, text: str, gaz: Gazetteer, lower_words: LowerWords
) -> list[Piece]:
    """Names in the capitalised run ``tokens[i:j]``."""
    if j - i > 1 and any(tokens[k].norm in HOLIDAY_STARTS for k in range(i, j)):
        # A holiday inside the run ("New Year’s Eve and I") is cut out before a possessive cuts it in two.
        pieces: list[Piece] = []
        for a, b in holiday_free(tokens, i, j, gaz.given_names):
            pieces.extend(_classify_part(tokens, a, b, text, gaz, lower_words))
        return pieces
    return _classify_part(tokens, i, j, text, gaz, lower_words)


def _classify_part(
    tokens: tuple[Token, ...], i: int, j: int, text: str, gaz: Gazetteer, lower_words: LowerWords
) -> list[Piece]:
    after = tokens[j] if j < len(tokens) else None
    if j - i == 1:
        return _classify_word(tokens[i], tokens[i - 1] if i else None, after, text, gaz, lower_words)
    cutter = _Cutter(text, gaz, lower_words)
    before = tokens[i - 1] if i > 0 else None
    written = text[tokens[i].start : tokens[j - 1].end]
    if "'s" not in written and "’s" not in written and not has_adjective_ending(written):  # the common case
        for part in split_dates(list(tokens[i:j]), after):
            cutter.handle(part, before, after)
        return cutter.pieces
    # Possessives and adjective endings end a name ("Russia's President Putin", "Boston-based Acme Corp"):
    # cut after them.
    run: list[Token] = []
    for tok in tokens[i:j]:
        tok, cut = strip_possessive(tok)
        if not cut:
            tok, cut = strip_adjective_ending(tok)
            if cut and before is not None and before.lower == "the":
                before = None
        run.append(tok)
        if cut:
            for part in split_dates(run, None):
                cutter.handle(part, before, None)
            before, run = None, []
    for part in split_dates(run, after):
        cutter.handle(part, before, after)
    return cutter.pieces


class _Cutter:
    """Cuts one run of several words into names and types them (a class, not closures: compiled, its
    methods are direct calls)."""

    __slots__ = ("gaz", "lower_words", "pieces", "text")

    def __init__(self, text: str, gaz: Gazetteer, lower_words: LowerWords) -> None:
        self.text = text
        self.gaz = gaz
        self.lower_words = lower_words
        self.pieces: list[Piece] = []

    def emit(
        self, run: list[Token], before: Token | None, nxt: Token | None, had_the: bool, person: bool
    ) -> None:
        text = self.text
        start, end = run[0].start, run[-1].end
        span = text[start:end]
        words = tuple([t.text for t in run])
        kind: str | None
        if person and len(run) <= 4:
            kind, strength = "PERSON", STRONG
        else:
            kind, strength = _type_of(run, span, before, nxt, had_the, self.gaz, self.lower_words, text)
        lone = len(run) == 1
        if lone and (
            (run[0].norm in _NEVER_ALONE and kind != "NORP")
            or _common_acronym(run[0].text)
            or len(run[0].text) == 1
        ):
            # a lone "President", "State" or "January" (of "January and June"), "TV" or "CEO", a letter
            # ("vitamin D", "Gen Z", "option C")
            return
        piece = Piece(start, end, words, kind, strength, run[0].initial)
        self.pieces.append(_with_number(piece, run[-1], text))

    def handle(self, run: list[Token], before: Token | None, nxt: Token | None) -> None:
        run, had_the = strip_function_words(run)
        if not run:
            return
        if run[0].initial is False and before is not None and before.lower == "the":
            had_the = True
        prefix, person, rest = split_title(run)
        if person is not None:
            if prefix:
                self.handle(prefix, before, None)
            person, _ = strip_function_words(person)
            if person:
                self.emit(person, None, None if rest else nxt, False, True)
            if rest:
                self.handle(rest, None, nxt)
            return
        parts = split_connectors(run, self.gaz)
        for number, part in enumerate(parts):
            if number:  # "Russia and Ukraine": the second name has neither the first's "the" nor its context
                before, had_the = None, False
            norp, rest = split_demonym(part, self.gaz)
            if norp:
                self.emit(norp, before, None, False, False)
            if rest:
                self.emit(rest, before, nxt if number == len(parts) - 1 else None, had_the, False)


def _classify_word(
    tok: Token, before: Token | None, after: Token | None, text: str, gaz: Gazetteer, lower_words: LowerWords
) -> list[Piece]:
    """The common one-word run, without the splitting machinery ``classify_run`` needs for longer ones."""
    tok, cut = strip_possessive(tok)
    if not cut and "-" in tok.text:
        tok, cut = strip_adjective_ending(tok)
        if cut and before is not None and before.lower == "the":
            before = None
    if cut:
        after = None
    if (
        len(tok.text) == 1
        or tok.norm in _NEVER_ALONE
        or _common_acronym(tok.text)
        or is_function_token(tok)
        or _unit(tok, text)
    ):
        return []  # a letter, a lone date word, role, "TV" or the C of "20 °C" is never a name
    had_the = before is not None and before.norm == "the"
    kind, strength = _type_of([tok], tok.text, before, after, had_the, gaz, lower_words, text)
    return [_with_number(Piece(tok.start, tok.end, (tok.text,), kind, strength, tok.initial), tok, text)]


@lru_cache(maxsize=4)
def _demonym_heads(demonyms: frozenset[str]) -> frozenset[str]:
    return first_words(demonyms)


def match_known(
    tokens: tuple[Token, ...],
    i: int,
    j: int,
    text: str,
    known: set[str],
    known_heads: frozenset[str],
    known_tails: frozenset[str],
    gaz: Gazetteer,
    lower_words: LowerWords,
) -> list[Piece]:
    """Names in a Title Case run, where capitals prove nothing: only names known from elsewhere.

    ``known_heads``: ``first_words(known)``. A span of several words is tried only when its first word starts
    a known name, a place or a demonym of several words: Title Case lines asked some 130 spans a dump.
    ``known_tails``: the surnames of known people; one of them alone is left untyped (a headline's "Clinton"
    of "Hillary Clinton" is no city), for the merging to join it to its name.
    """
    pieces: list[Piece] = []
    demonym_heads = _demonym_heads(gaz.demonyms)
    s = i
    while s < j:
        first = tokens[s].start
        head = tokens[s].text
        longest = min(6, j - s)
        if longest > 1 and not (
            head in gaz.place_heads or head in demonym_heads or head.replace("’", "'") in known_heads
        ):
            longest = 1
        for size in range(longest, 0, -1):
            # Only the span's text is needed to try it; its words are listed when it matches.
            last, _ = strip_possessive(tokens[s + size - 1])
            span = text[first : last.end]
            kind: str | None = None
            if span in gaz.demonyms:
                kind = "NORP"
            elif size == 1 and span in known_tails:
                pass  # a known name's last word, typed by the name it joins
            else:
                place = place_kind(span, gaz)  # one look-up, not "in" and then "[]"
                acronym = len(span) <= 3 and span.isupper()
                if place is not None and not acronym and _named_place(span, place, lower_words, True):
                    kind = _PLACE_TYPES[place]
                elif span.replace("’", "'") not in known:
                    continue
            names = [t.text for t in tokens[s : s + size - 1]]
            names.append(last.text)  # its possessive cut off
            words = tuple(names)
            pieces.append(Piece(first, last.end, words, kind, STRONG if kind else WEAK, True))
            s += size
            break
        else:
            s += 1
    return pieces


_COORDINATION: Final = frozenset({" and ", " or ", ", ", " to ", " nor ", " and the "})


def type_by_coordination(pieces: list[Piece], text: str) -> list[Piece]:
    """An untyped name takes the type of a strongly typed one it is listed with ("Russia and Crimea")."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if piece.type is not None:
            continue
        for other in (pieces[k - 1] if k else None, pieces[k + 1] if k + 1 < len(pieces) else None):
            if other is None or other.strength != STRONG or other.type not in ("GPE", "LOC"):
                continue
            gap = text[other.end : piece.start] if other.end <= piece.start else text[piece.end : other.start]
            if gap in _COORDINATION:
                out[k] = Piece(piece.start, piece.end, piece.words, other.type, MEDIUM, piece.initial)
                break
    return out
