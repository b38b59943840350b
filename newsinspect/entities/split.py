"""Cut a capitalised run where one name ends and the next begins: titles, lists, dates, possessives."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import Final

from newsinspect.entities.words import (
    ADJECTIVE_ENDS,
    CONNECTORS,
    DATE_WORDS,
    EVENT_SUFFIXES,
    FAC_SUFFIXES,
    FUNCTION_WORDS,
    GPE_SUFFIXES,
    GROUP_WORDS,
    HOLIDAY_STARTS,
    HOLIDAYS,
    LOC_HEADS,
    LOC_SUFFIXES,
    MONTHS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PORTFOLIO_WORDS,
    SECOND_CONNECTORS,
    TITLES,
    WEEKDAYS,
)
from newsinspect.lexicon.gazetteer import Gazetteer
from newsinspect.text.runs import Token, make_token

JOINING: Final = frozenset({"of", "for", "and", "&"}) | SECOND_CONNECTORS
NAME_WORDS: Final = TITLES | PORTFOLIO_WORDS  # words of a role ("Defense Minister"), never a name alone
HEAD_WORDS: Final = (
    ORG_HEADS | ORG_SUFFIXES | LOC_HEADS | LOC_SUFFIXES | FAC_SUFFIXES | GPE_SUFFIXES | EVENT_SUFFIXES
)
_POSSESSIVE: Final = ("'s", "’s")


def has_norm_in(run: list[Token], words: frozenset[str]) -> bool:
    """Whether some word of ``run`` has its normal form in ``words``. Compiled, ``any`` over a generator is a
    native loop, where ``words.isdisjoint(map(attrgetter("norm"), run))`` is a method call and a Python call
    per token."""
    return any(tok.norm in words for tok in run)


def has_text_in(run: list[Token], words: frozenset[str]) -> bool:
    """Whether some word of ``run`` is written as one of ``words`` (as ``has_norm_in``)."""
    return any(tok.text in words for tok in run)


# A saint's abbreviation opens a name ("St. Louis", "St Ives"), though the list has "st" for the parser's
# tests of a line's opening word.
_SAINTS: Final = frozenset({"st", "ste"})


def is_function_token(tok: Token) -> bool:
    """ "The", "On", "AND"; not "US", which is written in capitals as a name, nor the "St." of "St. Louis"."""
    norm = tok.norm
    return norm in FUNCTION_WORDS and norm not in _SAINTS and not (len(tok.text) == 2 and tok.text.isupper())


def strip_possessive(tok: Token) -> tuple[Token, bool]:
    """ "Ukraine’s" -> "Ukraine", and whether there was a possessive (it ends the name)."""
    if tok.text.endswith(_POSSESSIVE) and len(tok.text) > 2:
        return make_token(tok.text[:-2], tok.start, tok.cap, tok.initial), True
    return tok, False


# A hyphen and an adjective ending closing a word: one search over a run's text, most runs have none.
_ADJECTIVE_ENDING: Final = re.compile(r"-(?:{})(?![\w-])".format("|".join(sorted(ADJECTIVE_ENDS))))


def has_adjective_ending(written: str) -> bool:
    """Whether a word of ``written`` ends in a hyphen and an adjective ending ("Boston-based")."""
    return "-" in written and _ADJECTIVE_ENDING.search(written) is not None


def strip_adjective_ending(tok: Token) -> tuple[Token, bool]:
    """ "Boston-based" -> "Boston", and whether there was such an ending: it ends the name, and a "the" before
    belongs to the noun after it ("the Boston-based firm")."""
    hyphen = tok.text.rfind("-")
    if hyphen > 0 and tok.text[hyphen + 1 :] in ADJECTIVE_ENDS:
        return make_token(tok.text[:hyphen], tok.start, tok.cap, tok.initial), True
    return tok, False


def is_date(run: list[Token], i: int, after: Token | None) -> bool:
    """A weekday, or a month unless it is a name ("Theresa May" has no day number after it)."""
    word = run[i].norm
    if word in WEEKDAYS:
        return True
    if word in MONTHS:
        nxt = run[i + 1] if i + 1 < len(run) else after
        return nxt is None or nxt.text[:1].isdigit() or len(run) == 1
    return False


_DATE_OR_HOLIDAY_STARTS: Final = DATE_WORDS | HOLIDAY_STARTS
_LONGEST_HOLIDAY: Final = max(len(holiday.split()) for holiday in HOLIDAYS)


def is_holiday(run: Sequence[Token]) -> bool:
    """Whether the words of ``run`` are a holiday's name ("Christmas Eve", "New Year’s Eve")."""
    return (
        len(run) <= _LONGEST_HOLIDAY
        and run[0].norm in HOLIDAY_STARTS
        and " ".join([tok.norm for tok in run]) in HOLIDAYS
    )


def holiday_free(
    tokens: Sequence[Token], i: int, j: int, given_names: Container[str]
) -> list[tuple[int, int]]:
    """The stretches of ``tokens[i:j]`` left when the holidays in it are cut out, as (start, end) indices.
    A holiday is one only where the name ends ("Christmas Island" is a place): at the run's end or before
    a word in lower case ("and", "of"); and after a given name it is a surname ("Johnnie Christmas")."""
    stretches: list[tuple[int, int]] = []
    start = k = i
    while k < j:
        length = 0
        if tokens[k].norm in HOLIDAY_STARTS and not (k > i and tokens[k - 1].text in given_names):
            length = next(
                (
                    n
                    for n in range(min(_LONGEST_HOLIDAY, j - k), 0, -1)
                    if (k + n == j or not tokens[k + n].cap) and is_holiday(tokens[k : k + n])
                ),
                0,
            )
        if length:
            if start < k:
                stretches.append((start, k))
            k += length
            start = k
        else:
            k += 1
    if start < j:
        stretches.append((start, j))
    return stretches


def split_dates(run: list[Token], after: Token | None) -> list[list[Token]]:
    """ "Putin Monday": date words are no part of a name and end one; a holiday ("Christmas Eve") is a date
    as a whole."""
    if not has_norm_in(run, _DATE_OR_HOLIDAY_STARTS):  # the common case
        return [run] if run else []
    if is_holiday(run):
        return []
    if not has_norm_in(run, DATE_WORDS):
        return [run]
    parts: list[list[Token]] = [[]]
    for i, tok in enumerate(run):
        if is_date(run, i, after):
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def strip_function_words(run: list[Token]) -> tuple[list[Token], bool]:
    """Drop leading "The", "On", "Earlier"...; says whether a "the" was among them."""
    had_the = False
    while run and is_function_token(run[0]):
        had_the = had_the or run[0].lower == "the"
        run = run[1:]
    while run and run[-1].text in CONNECTORS:
        run = run[:-1]
    return run, had_the


def split_title(run: list[Token]) -> tuple[list[Token], list[Token] | None, list[Token]]:
    """``prefix, person, rest`` for "Belarusian Defense Minister Viktor Khrenin"; person None: no title."""
    words = [t.norm for t in run]
    for t, word in enumerate(words):
        if word not in TITLES:
            continue
        k = t
        while k + 1 < len(run) and (words[k + 1] in NAME_WORDS or words[k + 1] in JOINING):
            k += 1
        end = k + 1
        while end < len(run) and words[end] not in JOINING:
            end += 1
        if any(w in ORG_SUFFIXES or w in LOC_SUFFIXES for w in words[k + 1 : end]):
            return run, None, []  # "General Motors", "Major League": an organisation, not a role
        return run[:t], run[k + 1 : end], run[end + 1 :]
    return run, None, []


def split_connectors(run: list[Token], gaz: Gazetteer) -> list[list[Token]]:
    """Split "Russia and Ukraine" but keep "University of Helsinki" and "Bank of the West"."""
    if not has_text_in(run, JOINING):  # the common case
        return [run] if run else []
    parts: list[list[Token]] = [[]]
    i = 0
    while i < len(run):
        tok = run[i]
        word = tok.text
        if word in JOINING and parts[-1]:
            j = i
            while j < len(run) and run[j].text in JOINING:
                j += 1
            right_end = j
            while right_end < len(run) and run[right_end].text not in JOINING:
                right_end += 1
            left = [t.norm for t in parts[-1]]
            right = [t.norm for t in run[j:right_end]]
            whole = " ".join(t.text for t in [*parts[-1], *run[i:right_end]])
            keep = whole in gaz.places or (word == "&")
            if word == "and":
                # "Department of Health and Human Services" joins; "Acme Bank and the Smith Trust" does not.
                complete = left[-1] in HEAD_WORDS or j > i + 1
                keep = keep or (not complete and not HEAD_WORDS.isdisjoint(right))
            elif not keep:
                # "University of Helsinki" joins; "Troy Smith of Acme Corp" and "Russia and Ukraine" split.
                keep = not HEAD_WORDS.isdisjoint(left)
            if keep:
                parts[-1].extend(run[i:j])
            else:
                parts.append([])
            i = j
            continue
        parts[-1].append(tok)
        i += 1
    return [p for p in parts if p]


def split_demonym(run: list[Token], gaz: Gazetteer) -> tuple[list[Token], list[Token]]:
    """``norp, rest`` for "Belarusian troops"-like runs ("Russian Vladimir Putin")."""
    if len(run) < 2:
        return [], run
    words = [t.norm for t in run]
    if not ORG_SUFFIXES.isdisjoint(words):
        return [], run
    for size in (2, 1):
        head = f"{run[0].text} {run[1].text}" if size == 2 else run[0].text
        if size < len(run) and (head in gaz.demonyms or (size == 1 and words[0] in GROUP_WORDS)):
            if " ".join(t.text for t in run) in gaz.places:
                return [], run
            return run[:size], run[size:]
    return [], run
