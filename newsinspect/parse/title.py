"""Pick the headline among the first lines: after breadcrumbs, before the dek and the byline."""

from __future__ import annotations

from typing import Final

from newsinspect import lexicon
from newsinspect.parse.dateline import split_dateline
from newsinspect.parse.lines import Line
from newsinspect.parse.regex import LazyPattern, word_count

# Navigation lines: list bullets, numbered breadcrumbs ("2. News"), "Home > Tech", "News / World / ...".
_BREADCRUMB: Final = LazyPattern(r"^(?:[*•+·▪›»>]\s|\d{1,2}\.\s+\S|.{0,40}\s[>»›/]\s)|^[*•+]$")
_SENTENCE_WORDS: Final = 30
# Two words glued together, "yM" in "TodayMoney": two lower-case letters, a capital, a lower-case letter;
# found from the capital (a search skips ahead to capitals, rarer than the lower-case letters).
_GLUED_WORDS: Final = LazyPattern(r"[A-Z](?<=[a-z]{2}[A-Z])[a-z]")
_DEK_MIN_WORDS: Final = 8


def is_breadcrumb(text: str) -> bool:
    """A navigation line: a list bullet, a numbered breadcrumb, ``Home > Tech``."""
    return _BREADCRUMB.compiled.match(text) is not None


def looks_like_headline(
    line: Line, words: int = -1, crumb: bool | None = None, dateline: bool | None = None
) -> bool:
    """Could be a headline: some words, not a menu entry or a long paragraph.

    A caller that has already asked the line's text for its number of words (``len(text.split())``),
    ``is_breadcrumb`` or whether ``split_dateline`` finds a dateline (a line's facts) passes the answers,
    so that they are not worked out again."""
    text = line.text
    # every test must pass: the cheap ones first
    if len(text) > 250:
        return False
    if words < 0:
        words = word_count(text)
    if not 2 <= words <= _SENTENCE_WORDS or not any(ch.isalpha() for ch in text):
        return False
    if text.endswith(("—", "–", " -", ":", "|")):
        return False  # a kicker that leads into the headline: "Daily moment of zen —"
    # a menu entry, or "KYIV, Ukraine (AP) — …" that opens the story
    if crumb if crumb is not None else _BREADCRUMB.compiled.match(text) is not None:
        return False
    if dateline if dateline is not None else split_dateline(text) is not None:
        return False
    # a menu rendered without spaces: "TodayMoney, Power, InequalityMetroSports"
    return glued_words(text) < 2


def glued_words(text: str) -> int:
    """``len(re.findall("[a-z]{2}[A-Z][a-z]", text))``, up to 2: the next match found where that one
    would start looking again (two letters after the one before's end: it starts two before its capital)."""
    first = _GLUED_WORDS.compiled.search(text)
    if first is None:
        return 0
    return 1 if _GLUED_WORDS.compiled.search(text, first.end() + 2) is None else 2


def looks_like_dek(text: str, words: int = -1) -> bool:
    """A standfirst: a full sentence, usually ending with a period (``words``: ``len(text.split())``,
    when the caller knows it)."""
    if text.rstrip("”’\"')").endswith((".", "…")):
        return True
    return (words if words >= 0 else word_count(text)) > 18


def choose_title(
    candidates: list[Line], anchor: int | None, row_of: dict[int, int] | None = None
) -> tuple[Line | None, Line | None]:
    """The title and dek among headline-like ``candidates``, given the byline/date line index ``anchor``.

    With an anchor the title is found among the lines stacked right above it (kicker, headline,
    dek); ``row_of`` numbers the non-clutter lines so that clutter between them does not count.
    Without an anchor (or nothing above it) the title is the first candidate.
    """
    rows = row_of or {}
    if not candidates:
        return None, None
    above = [c for c in candidates if anchor is not None and c.index < anchor and anchor - c.index <= 12]
    if not above:
        after = [c for c in candidates if anchor is None or c.index > anchor]
        pool = after or candidates
        title = next((c for c in pool if word_count(c.text) >= 3), pool[0])
        return _first_copy(title, candidates), None
    repeated = _repeated(above)
    if repeated is not None:
        return repeated, None
    chain = [above[-1]]
    for line in reversed(above[:-1]):
        # stacked headline lines: kicker, headline, dek, each its own paragraph, nothing else between
        adjacent = rows.get(line.index, line.index) == rows.get(chain[0].index, chain[0].index) - 1
        if len(chain) == _CHAIN or not adjacent or not chain[0].blank_before:
            break
        chain.insert(0, line)
    return _pick_in_chain(chain, candidates)


_CHAIN: Final = 3


def _is_kicker(line: Line, chain_length: int) -> bool:
    """A label above the headline: ``‘EQUAL JUSTICE’``, ``OH NO YOU DIDN'T!``, ``Signs of the Times``."""
    text = line.text
    if text.isascii():  # the letters are the cased characters: no loop over characters in Python
        words = len(_LETTER_TOKEN.compiled.findall(text))
        capitals = text.isupper()
    else:
        words = len([w for w in text.split() if any(ch.isalpha() for ch in w)])
        letters = [ch for ch in text if ch.isalpha()]
        capitals = bool(letters) and all(ch.isupper() for ch in letters)
    if capitals and words <= 8:
        return True
    return words <= 2 or (words <= 4 and chain_length >= _CHAIN)


# In ASCII text: a token with a letter, from the start of its run of non-spaces (never retried inside it).
_LETTER_TOKEN: Final = LazyPattern(r"(?<!\S)[^\sA-Za-z]*[A-Za-z]\S*")


def _pick_in_chain(chain: list[Line], candidates: list[Line]) -> tuple[Line, Line | None]:
    """Title and dek among stacked lines: the first line that is not a kicker, and the one after it."""
    if len(chain) == 1:
        return _first_copy(chain[0], candidates), None
    keys = [_letters(line.text) for line in chain]
    twice = [i for i in range(1, len(chain)) if keys[i] == keys[i - 1]]
    if twice:  # the headline printed twice (a print header, a social card): that is the one
        return _first_copy(chain[twice[0]], candidates), None
    pos = next((i for i, line in enumerate(chain) if not _is_kicker(line, len(chain))), len(chain) - 1)
    short_first = word_count(chain[0].text) <= 3 < word_count(chain[1].text)
    if len(chain) == 2 and pos == 0 and short_first and not looks_like_dek(chain[1].text):
        pos = 1  # "Opinion, Faculty Notes" above "Exam Season Stress Is a Shared Problem"
    title = chain[pos]
    for later in chain[pos + 1 :]:
        # "Content Five things…" over "Five things…", or a headline printed twice with other punctuation
        if later.text != title.text and _letters(later.text) in _letters(title.text):
            title = later
            pos = chain.index(later)
    if pos == len(chain) - 1 and pos > 0 and dek_after(chain[pos - 1].text, title.text):
        return _first_copy(chain[pos - 1], candidates), title
    dek = next(
        (line for line in chain[pos + 1 :] if not _is_kicker(line, len(chain)) and line.text != title.text),
        None,
    )
    return _first_copy(title, candidates), dek


def _repeated(above: list[Line]) -> Line | None:
    """A headline also printed glued to the breadcrumbs (``Home Apps Best Apps…`` above ``Best Apps…``)."""
    seen: list[str] = []
    for line in above:
        key = _letters(line.text)
        if word_count(line.text) < 4 or not key:
            continue
        if any(len(other) > len(key) and other.endswith(key) for other in seen):
            return line
        seen.append(key)
    return None


_NOT_ALNUM: Final = LazyPattern(r"[\W_]+")


def _letters(text: str) -> str:
    return _NOT_ALNUM.compiled.sub("", text).lower()


def dek_after(title: str, line: str) -> bool:
    """Whether ``line`` reads as the standfirst under ``title`` rather than the headline itself."""
    if looks_like_dek(line):
        return True
    words, title_words = word_count(line), word_count(title)
    if title_words >= 5 and words >= _DEK_MIN_WORDS and is_title_case(title) and not is_title_case(line):
        return True  # "Lanternfall Is the Cozy Horror Game" over "The indie hit mixes farming..."
    return words > title_words >= 5 and words >= 10 and not title.endswith((".", ":"))


_MINOR_WORDS: Final = lexicon.words("minor_words_headlines")


_TITLE_SHARE: Final = 0.8  # of the content words after the first, at least this share capitalised


def is_title_case(text: str) -> bool:
    """Most words capitalised, as headlines in Title Case are (small words excepted): the share that
    ``text.case.capitalised_share`` counts, over the words after the first (quotes, brackets stripped).

    The words are read one at a time and the test stops at the first lower-case word after which it
    cannot pass even if every word left were capitalised (a line of prose stops within a few words):
    ``capitalised / content >= 0.8`` is ``capitalised >= 4 * lowercase``, and the words left can add
    at most their number to ``capitalised``.
    """
    words = text.split()
    left = len(words) - 1
    capitalised = lowercase = 0
    for index in range(1, len(words)):
        left -= 1
        word = words[index].strip("‘’“”\"'()[]")
        first = word[:1]
        if not first.isalpha() or word.lower() in _MINOR_WORDS:
            continue
        if first.isupper():
            capitalised += 1
        else:
            lowercase += 1
            if capitalised + left < 4 * lowercase:
                return False
    content = capitalised + lowercase
    return content >= 2 and capitalised / content >= _TITLE_SHARE


def _first_copy(title: Line, candidates: list[Line]) -> Line:
    """When the headline is printed twice (as in many dumps), the first copy."""
    for c in candidates:
        if c.text == title.text:
            return c
    return title
