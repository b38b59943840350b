"""Tokenise the searched parts of an article and cut capitalised runs (name candidates) out of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsinspect.entities.words import ABBREVIATIONS, CONNECTORS, SECOND_CONNECTORS

# A word: letters/digits with inner hyphens, apostrophes, periods or ampersands ("G-7", "U.S", "d'Ettorre").
_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*")
_SENTENCE_END = re.compile(r"[.!?:;…]|[“\"‘(\[]|--|—")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    cap: bool  # starts with a capital letter (or is like "d'Ettorre")
    initial: bool  # first word of a sentence, a quotation or a segment: capital proves nothing


@dataclass(frozen=True)
class Segment:
    """One searched piece of the article (title, caption or paragraph) as tokens."""

    tokens: tuple[Token, ...]
    title_case: bool  # a headline in Title Case: every longer word is capitalised


def _is_cap(word: str) -> bool:
    first = word[0]
    if first.isupper():
        return True
    return len(word) > 2 and word[1] in "'’" and word[2].isupper()


def tokenise(text: str, start: int, end: int, lower_words: set[str]) -> Segment:
    """Tokens of ``text[start:end]`` with absolute offsets; adds lower-case words to ``lower_words``."""
    tokens: list[Token] = []
    prev_end = start
    prev_abbrev = False
    alpha = long_lower = 0
    for match in _TOKEN.finditer(text, start, end):
        word, t_start, t_end = match.group(), match.start(), match.end()
        if (
            t_end < end
            and text[t_end] == "."
            and ("." in word or (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS)
        ):
            word, t_end = word + ".", t_end + 1  # "U.S.", "J.", "Mr." keep their period
        gap = text[prev_end:t_start]
        initial = not tokens or (not prev_abbrev and _SENTENCE_END.search(gap) is not None)
        cap = _is_cap(word)
        if word[0].isalpha():
            alpha += 1
            if not cap:
                lower_words.add(word)
                long_lower += len(word) >= 4
        tokens.append(Token(word, t_start, t_end, cap, initial))
        prev_end = t_end
        prev_abbrev = word.endswith(".") and len(word) <= 4
    # In running text some longer word is always lower case; a Title Case headline has none.
    title_case = alpha >= 3 and long_lower == 0
    return Segment(tuple(tokens), title_case)


def _joined(text: str, a: Token, b: Token) -> bool:
    """Two tokens belong to one name only when nothing but one space separates them."""
    return b.start - a.end == 1 and text[a.end] == " "


def runs(text: str, segment: Segment) -> Iterator[tuple[int, int]]:
    """Maximal runs ``tokens[i:j]`` of capitalised tokens, with the lower-case connectors names contain."""
    tokens = segment.tokens
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].cap:
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < n:
            tok = tokens[j]
            if not _joined(text, run[-1], tok):
                break
            if tok.cap and not tok.initial:
                run.append(tok)
                j += 1
                continue
            # One or two connectors ("of", "of the") followed by a capitalised word.
            if tok.text in CONNECTORS and not run[-1].text.endswith(_POSSESSIVE):
                k = j + 1
                if k < n and tokens[k].text in SECOND_CONNECTORS and _joined(text, tok, tokens[k]):
                    k += 1
                if k < n and tokens[k].cap and _joined(text, tokens[k - 1], tokens[k]):
                    run.extend(tokens[j : k + 1])
                    j = k + 1
                    continue
            break
        yield i, j
        i = j
