"""The one capitalised-run finder: runs of capitalised words (name candidates) found with one compiled regex.

Only the runs are handled in Python, not every word. The entity engine reads an article's runs through its
``ArticleText`` (``newsinspect.text.article``), which finds them once per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsinspect import lexicon

# Final: compiled, a module constant is a C static, not a look-up in the module's dict at every use.
ABBREVIATIONS: Final = lexicon.words("abbreviations_with_period")
CONNECTORS: Final = lexicon.words("name_connectors")
# Connectors that may follow another connector ("Bank of the West").
SECOND_CONNECTORS: Final = frozenset({"the"})
FUNCTION_WORDS: Final = lexicon.words("function_words")

# Letters other than ASCII lower case: a cheap stand-in for "upper case" (a class listing every capital
# costs 15 ms to compile at start-up); words starting with other lower-case letters are dropped in runs().
_UPPER = r"^\W\d_a-z"
# Possessive (``*+``, ``++``): nothing that may follow a word's letters in the patterns below (a joiner, the
# space before the next word, the end of the run) accepts a letter or digit, so letters given back could
# never lead to a match; the regex engine need not keep the places to give them back from.
_TAIL = r"\w*+(?:[-'’.&]\w++)*"
_ABBREV = "|".join(sorted((a.capitalize() for a in ABBREVIATIONS), key=len, reverse=True))
# A capitalised word: "Mr.", "U.S.", "Khrenin", "G-7", "Belarus’s", "d'Ettorre". Look-aheads say first what
# every alternative (then every abbreviation) starts with, so that the word after a run's last one, mostly
# lower case, is turned away at once rather than by each alternative and 27 abbreviations in turn: 7% of
# the regex's work on the development dumps. They change no match.
_CAP_WORD = (
    rf"(?=[{_UPPER}]|[a-z]{{1,2}}['’])"
    rf"(?:(?=[A-Z][a-z]{{1,3}}\.)(?:{_ABBREV})\.|(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?= [{_UPPER}])"
    rf"|[{_UPPER}]{_TAIL}|[a-z]{{1,2}}['’][{_UPPER}]{_TAIL})"
)
# After a run's last word the connectors are tried at the next one, mostly lower case ("said"): a look-ahead
# at the connectors' first characters (made from the list) turns it away at once, not 21 alternatives in turn.
_CONNECTOR_GUARD = "(?=[{}])".format(re.escape("".join(sorted({c[0] for c in CONNECTORS}))))
_CONNECTOR = "{}(?:{})(?: (?:{}))?".format(
    _CONNECTOR_GUARD,
    "|".join(re.escape(c) for c in sorted(CONNECTORS, key=len, reverse=True)),
    "|".join(SECOND_CONNECTORS),
)
# The first word starts with a consumed capital so that the regex engine can skip ahead to capitals
# (a leading look-behind would make it try every position: 5x slower); the rest of it, after that capital:
# Abbreviations ("Mr.", "Prof.") are tried only where a period follows a few lower-case letters: the guard
# spares every other capitalised word 27 look-behinds.
_FIRST_ABBREV = "|".join(
    rf"(?<={a[0].upper()}){re.escape(a[1:])}\." for a in sorted(ABBREVIATIONS, key=len, reverse=True)
)
_FIRST_REST = "|".join(
    [rf"(?=[a-z]{{1,3}}\.)(?:{_FIRST_ABBREV})", rf"\.(?:[{_UPPER}]\.)+", rf"\.(?= [{_UPPER}])", _TAIL]
)
# The search skips ahead fastest over plain ranges, so the first letter is found as one of A-Z or any
# non-ASCII character outside General Punctuation (written as a negated class: a range up to U+10FFFF takes
# 10 ms to compile), then checked against the letter class by a look-behind. General Punctuation
# (U+2000-U+206F) holds no letter, and its curly quotes, apostrophes and dashes are most of the non-ASCII
# characters of news text: each began a match attempt that the look-behind ended (a sixth of the regex's
# time on the development dumps). A run holds at most _MAX_RUN_WORDS words (the longest in the development
# pages has 47; a longer one goes on as a new run): the regex engine keeps some 600 bytes per repetition
# until the match ends, 70 times the text on a page of capitals.
_MAX_RUN_WORDS = 64
_FIRST_LETTER = r"[^\x00-@\[-\x7f\u2000-\u206f]"
_RUN: Final = re.compile(
    rf"{_FIRST_LETTER}(?<=[{_UPPER}])(?<![\w'’.&-].)"
    rf"(?:{_FIRST_REST})(?: (?:{_CONNECTOR} )?{_CAP_WORD}){{0,{_MAX_RUN_WORDS - 1}}}(?![\w&-])"
)
# Marks after which a capital proves nothing: a sentence's end, an opening quotation mark or bracket, a dash.
_SENTENCE_MARKS: Final = '.!?:;…“"‘([—'
_CONNECTOR_WORDS: Final = CONNECTORS | SECOND_CONNECTORS
# Whether a run of several words can be a function word (it is, when one is a phrase): made from the list.
_PHRASE_FUNCTION_WORDS: Final = any(" " in word for word in FUNCTION_WORDS)


class Token:
    """A word of a capitalised run or its context. A plain class, not a tuple: compiled, its fields are
    read as struct members (a NamedTuple's go through Python attribute look-ups)."""

    __slots__ = ("cap", "end", "initial", "lower", "norm", "start", "text")

    def __init__(
        self, text: str, start: int, end: int, cap: bool, initial: bool, norm: str, lower: str
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.cap = cap  # starts with a capital letter (or is like "d'Ettorre")
        self.initial = initial  # first word of a sentence, a quotation or a segment: capital proves nothing
        self.norm = norm  # lower case, without a final period, straight apostrophes: the form word lists use
        self.lower = lower  # ``text.lower()``, made once per word (the same words are asked about often)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.cap}, {self.initial}, {self.norm!r})"


# A word's forms: the one string kept for it, its normal form and its lower case. Of variable length to the
# compiler: a fixed tuple is unboxed when compiled, and boxed again into a new one when it is stored.
Form = tuple[str, ...]

# Word -> its forms, for the words of runs and their context. One string object per distinct word and form:
# the text layer keeps every run's tokens, and a page of capitalised words repeats a few hundred words in a
# hundred thousand tokens. A small table of its own, not ``sys.intern``: the interpreter's table holds every
# identifier of the process, and looking a word up there (a cache miss each time) was 8% of the entity
# stage; here most words are found, and their lower case not made again (nor hashed again when it is looked
# up in a word list or asked about: a string keeps its hash).
_FORMS: Final[dict[str, Form]] = {}
_FORMS_LIMIT: Final = 8192  # distinct words kept (under 1 MB) before the table starts over


def make_token(word: str, start: int, cap: bool, initial: bool) -> Token:
    return _token(forms_of(word), start, cap, initial)


def _token(form: Form, start: int, cap: bool, initial: bool) -> Token:
    word = form[0]
    return Token(word, start, start + len(word), cap, initial, form[1], form[2])


def forms_of(word: str) -> Form:
    """``(word, normal form, lower case)``, each the one string kept for it."""
    form = _FORMS.get(word)
    if form is None:
        lower = word.lower()
        norm = lower
        if "." in norm or "’" in norm:
            norm = norm.rstrip(".").replace("’", "'")
        if len(_FORMS) >= _FORMS_LIMIT:
            _FORMS.clear()
        if lower == word:
            lower = word
        form = _FORMS[word] = (word, lower if norm == lower else norm, lower)
    return form


# A run as (tokens, i, j): ``tokens[i:j]`` are its words, ``tokens[i - 1]`` the word before it (when i is 1)
# and ``tokens[j]`` the word after it (when present).
Run = tuple[tuple[Token, ...], int, int]


class Segment:
    """One searched piece of the article (title, caption or paragraph). A plain class, not a named tuple:
    compiled, making one is a native call (a named tuple's ``__new__`` is interpreted Python)."""

    __slots__ = ("end", "start", "title_case")

    def __init__(self, start: int, end: int, title_case: bool) -> None:
        self.start = start
        self.end = end
        self.title_case = title_case  # a headline in Title Case: every longer word is capitalised

    def __repr__(self) -> str:
        return f"Segment({self.start}, {self.end}, {self.title_case})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Segment):
            return NotImplemented
        return (self.start, self.end, self.title_case) == (other.start, other.end, other.title_case)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.title_case))


def segment(text: str, start: int, end: int) -> Segment:
    # In running text some longer word is always lower case; a Title Case headline has none.
    title_case = not has_long_lower_word(text, start, end) and text.count(" ", start, end) >= 2
    return Segment(start, end, title_case)


def has_long_lower_word(text: str, start: int, end: int) -> bool:
    """Whether a word of ``text[start:end]`` starts with four lower-case ASCII letters: ``"report"``, not
    ``"Report"``, the ``"mail"`` of ``"e-mail"`` or ``"état"``; as the regex
    ``[a-z](?<![\\w'’-][a-z])[a-z]{3}`` searched from ``start``, which looks behind it.

    A loop over the characters' codes, compiled: a regex search costs some 300 ns a call before it reads a
    character, and it is asked once for every segment (a twentieth of the entity engine's time on a real
    article); the loop reads the few characters up to the first such word in running text, the whole of a
    Title Case line.
    """
    letters = 0  # lower-case letters in a row from the start of a word; -1: in a word that started otherwise
    joined = start > 0 and _in_word(text, start - 1)  # the character before is part of a word
    for i in range(start, end):
        code = ord(text[i])
        if 97 <= code <= 122:  # a-z
            if letters > 0 or (letters == 0 and not joined):
                letters += 1
                if letters == 4:
                    return True
            else:
                letters = -1
            joined = True
        else:
            letters = 0
            joined = _code_in_word(code, text, i)
    return False


def next_word(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where the first word at or after ``pos`` (before ``end``) starts and ends: letters, digits and "_",
    joined by "-", "'", "’", "." or "&" ("Ukraine’s", "U.S"); as the regex
    ``[^\\w]*(\\w+(?:[-'’.&]\\w+)*)`` matched at ``pos``, without its three calls (match, start, group)."""
    start = pos
    while start < end and not _word_character(text, start):
        start += 1
    if start == end:
        return None
    stop = start + 1
    while stop < end:
        if _word_character(text, stop):
            stop += 1
        elif stop + 1 < end and text[stop] in _JOINERS and _word_character(text, stop + 1):
            stop += 2
        else:
            break
    return start, stop


_JOINERS: Final = "-'’.&"


def _word_character(text: str, i: int) -> bool:
    """Whether ``text[i]`` is one of ``\\w`` (a letter or digit of any script, or "_")."""
    code = ord(text[i])
    if code < 128:
        return 48 <= code <= 57 or 65 <= code <= 90 or 97 <= code <= 122 or code == 95
    return text[i].isalnum()


def capital_first(word: str) -> bool:
    """``word[:1].isupper()``, without a method call when the first letter is ASCII."""
    if not word:
        return False
    code = ord(word[0])
    if code < 128:
        return 65 <= code <= 90
    return word[0].isupper()


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` is one of ``[\\w'’-]`` (a letter or digit of any script, "_", "'", "’" or "-")."""
    return _code_in_word(ord(text[i]), text, i)


def _code_in_word(code: int, text: str, i: int) -> bool:
    """``_in_word(text, i)`` for a character whose code ``code`` is read already."""
    if code < 128:
        return (
            48 <= code <= 57
            or 65 <= code <= 90
            or 97 <= code <= 122
            or code == 95
            or code == 39
            or code == 45
        )
    return code == 0x2019 or text[i].isalnum()


def _alnum(text: str, i: int) -> bool:
    """``text[i].isalnum()``, without a method call when the character is ASCII."""
    code = ord(text[i])
    if code < 128:
        return 48 <= code <= 57 or 65 <= code <= 90 or 97 <= code <= 122
    return text[i].isalnum()


class LowerWords:
    """Asks whether a word is written in lower case somewhere in the text (then its capital proves less):
    whether it stands there as a whole word (between white space), bare or with a common trailing mark.

    Most words asked about occur nowhere in lower case, which one substring search proves; a word that does
    occur is checked at each place it occurs (in C, by ``str.find``), and the answer kept. Splitting the
    whole text into a set of words, as this once did on the first such word, cost a tenth of the entity
    engine's time on a real article; it is still done for a long text, where a search per question would
    make the article quadratic in its length, and after many questions or many places looked at.
    """

    __slots__ = ("_answers", "_places", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = word_set(text) if len(text) > _SEARCH_LIMIT else None
        self._answers: dict[str, bool] = {}
        # Places the searches may still look at, for all the words asked: each costs a few hundred machine
        # instructions, a split some 250 a character. A short given name ("Al", "Ed") is found inside a few
        # hundred words of an article, never alone: a limit per word split one article in ten for it.
        self._places = len(text) // _CHARACTERS_PER_PLACE

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word[:1].islower():
            return False
        if self._words is None:
            known = self._answers.get(word)
            if known is not None:
                return known
            if len(self._answers) < _SEARCHES_BEFORE_SPLIT:
                found = self._stands_alone(word)
                if found is not None:
                    self._answers[word] = found
                    return found
            self._words = word_set(self._text)
        words = self._words
        return any(word + mark in words for mark in _TRAILING_MARKS)

    def _stands_alone(self, word: str) -> bool | None:
        """Whether ``word`` (which holds no white space, as no token does) is one of ``text.split()``, or one
        of them less a trailing mark; None once the places to look at are spent."""
        text = self._text
        size = len(text)
        at = text.find(word)
        while at >= 0:
            self._places -= 1
            if self._places < 0:
                return None
            if at == 0 or _is_space(text, at - 1):
                after = at + len(word)
                if after == size or _is_space(text, after):
                    return True  # the word bare
                # Only the marks that start with the character after the word ("also" is turned away at once).
                for mark in _MARKS_BY_FIRST.get(text[after], ()):
                    end = after + len(mark)
                    if starts_at(text, mark, after) and (end == size or _is_space(text, end)):
                        return True
            at = text.find(word, at + 1)
        return False


def word_set(text: str) -> set[str]:
    """``set(text.split())``, split a chunk at a time: the list of every word of a long text is transient
    but costs some 60 bytes a word (20x the text on a page of initials), where the set holds each distinct
    word once."""
    size = len(text)
    if size <= _SPLIT_CHUNK:
        return set(text.split())
    words: set[str] = set()
    pos = 0
    while pos < size:
        space = _WHITE_SPACE.search(text, min(pos + _SPLIT_CHUNK, size))
        cut = space.start() if space is not None else size
        words.update(text[pos:cut].split())
        pos = cut + 1
    return words


_SPLIT_CHUNK = 65_536
_WHITE_SPACE: Final = re.compile(r"\s")
_LONGEST_WORD: Final = 256
_SEARCH_LIMIT: Final = 50_000  # characters: a news article is well below, a pathological dump well above
_SEARCHES_BEFORE_SPLIT: Final = 200  # words asked about by substring search before the text is split once
# The searches look at one place per this many characters of the text at most, for all the words asked.
_CHARACTERS_PER_PLACE: Final = 16


def starts_at(text: str, prefix: str, pos: int) -> bool:
    """``text.startswith(prefix, pos)`` for ``pos >= 0``: compiled, ``find`` with bounds is a native call and
    ``startswith`` with an offset a Python method call."""
    return text.find(prefix, pos, pos + len(prefix)) == pos


_TRAILING_MARKS: Final = ("", ",", ".", ";", ":", "?", "!", ")", "”", '"', "’s", "'s")


def _marks_by_first(marks: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The marks (but the empty one) by their first character, in order."""
    found: dict[str, tuple[str, ...]] = {}
    for mark in marks:
        if mark:
            found[mark[0]] = (*found.get(mark[0], ()), mark)
    return found


_MARKS_BY_FIRST: Final = _marks_by_first(_TRAILING_MARKS)


def _is_space(text: str, i: int) -> bool:
    """``text[i].isspace()``, without a method call when the character is ASCII."""
    code = ord(text[i])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[i].isspace()


def _before(text: str, seg: Segment, pos: int) -> tuple[Token | None, bool]:
    """The word before ``pos`` in the segment, and whether ``pos`` opens a sentence."""
    lo = seg.start
    k = pos - 1
    # By far the commonest case: one space after a word ("… from Brannock").
    plain = k > lo and text[k] == " " and _alnum(text, k - 1)
    if not plain:
        k = pos
        while k > lo and not _alnum(text, k - 1):
            k -= 1
        if k == lo:
            return None, True
    # The word runs back to the last space (found in C, not char by char), less any opening marks; but
    # not beyond _LONGEST_WORD characters: an unbounded look-back from every run is quadratic on text
    # without spaces (tag lists, inline JSON), and a word that long is in no word list anyway.
    lo = max(lo, k - _LONGEST_WORD)
    start = text.rfind(" ", lo, k) + 1 or lo  # no space: from the segment start
    while not _alnum(text, start):
        start += 1
    word = text[start:k]
    if plain:
        return make_token(word, start, capital_first(word), False), False
    form = forms_of(word)
    gap = text[k:pos]
    own_period = form[2] in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper())
    if gap.startswith(".") and own_period:
        gap = gap[1:]  # "Mr. Smith", "U.S. troops": the period is the word's own
    initial = _opens_sentence(gap)
    return _token(form, start, capital_first(word), False), initial


def _opens_sentence(gap: str) -> bool:
    """Whether the marks ``gap`` before a word hold one of _SENTENCE_MARKS or "--" (as the regex
    ``[.!?:;…“"‘(\\[—]|--`` searched; the gap is a few characters, a regex call costs more than the loop)."""
    for mark in gap:
        if mark in _SENTENCE_MARKS:
            return True
    return "--" in gap


def runs(text: str, seg: Segment) -> list[Run]:
    """Runs of capitalised words with the connectors names contain, as ``(tokens, i, j)``.

    ``tokens[i:j]`` is the run; ``tokens[i - 1]`` (when ``i == 1``) the word before it and
    ``tokens[j]`` (when present) the word after it, for context. A list, not a generator: a compiled
    generator costs a call per run.
    """
    found: list[Run] = []
    for match in _matches(text, seg):
        start, end = match.span()
        _add_runs(found, text, seg, start, end, True)
    return found


_BATCH = 2048  # words (tokens) a batch of ``run_batches`` holds, or a little more


def run_batches(text: str, segs: list[Segment], context: bool = True) -> Iterator[list[Run]]:
    """``runs(text, seg)`` of each segment of ``segs`` in turn, in lists of about _BATCH tokens: a caller
    that is done with each batch before the next never holds the token objects of a whole long paragraph (a
    page of capitalised words or initials has a token every few characters, some 90 bytes each with its run).

    Without ``context`` a run is its words alone, ``(words, 0, len(words))``: no word before or after it,
    and no word marked as opening a sentence (the Title Case reading looks only at the run's words).

    ``segs`` is one segment or a block of ``line_blocks``, searched at once: a regex search costs some
    300 ns a call before it reads a character, and an article has some 80 segments, mostly one line each.
    """
    found: list[Run] = []
    held = 0
    k = 0
    seg = segs[0]
    for match in _matches(text, seg if len(segs) == 1 else Segment(seg.start, segs[-1].end, False)):
        # One call for both offsets: per run, a method call of the match costs more than the work it saves.
        start, end = match.span()
        while start >= seg.end:  # the run is in a later segment of the block
            k += 1
            seg = segs[k]
        held += _add_runs(found, text, seg, start, end, context)
        if held >= _BATCH:
            yield found
            found = []
            held = 0
    if found:
        yield found


def line_blocks(text: str, segments: list[Segment]) -> list[list[Segment]]:
    """The segments not in Title Case, in order, in blocks of segments that follow one another in the text
    with nothing but line breaks between them (the paragraphs of an article, mostly).

    A block's runs, found by one search over it, are its segments' runs: no run starts on a line break or
    crosses one (the words of a run are one space apart), and the characters the run regex looks at beside
    a run (one before it, one after it) are the same line breaks whether the search stops at a segment's
    end or goes on to the next.
    """
    blocks: list[list[Segment]] = []
    last: Segment | None = None
    for seg in segments:
        if seg.title_case:
            last = None
            continue
        if last is not None and last.end < seg.start and _line_breaks_only(text, last.end, seg.start):
            blocks[-1].append(seg)
        else:
            blocks.append([seg])
        last = seg
    return blocks


def _line_breaks_only(text: str, start: int, end: int) -> bool:
    return text.count("\n", start, end) == end - start


def _add_runs(found: list[Run], text: str, seg: Segment, start: int, end: int, context: bool) -> int:
    """The runs of the match ``text[start:end]`` of _RUN, appended to ``found``; returns its words."""
    run = text[start:end]  # sliced natively: asking the match for its text is a method call
    if run.isascii():  # then every word starts with A-Z or is a connector
        # A lone "The", "But", "However" is the commonest run, and never a name.
        if " " not in run:  # one word: its lower case comes with its forms, made once per word
            form = forms_of(run)
            if form[2] not in FUNCTION_WORDS or (len(run) == 2 and run.isupper()):
                found.append(_one_word_run(text, seg, form, start, context))
            return 1
        if not (_PHRASE_FUNCTION_WORDS and run.lower() in FUNCTION_WORDS):
            found.append(_run_tokens(text, seg, run, start, end, context))
        return 1 + run.count(" ")
    # The letter class also lets in words starting with a non-ASCII lower-case letter ("élan"):
    # they split the run like any lower-case word.
    pos = start
    part: list[str] = []
    part_start = pos
    for word in [*run.split(" "), ""]:
        if word and (word[0].isupper() or word in _CONNECTOR_WORDS or _is_particle_name(word)):
            if not part:
                part_start = pos
            part.append(word)
        else:
            while part and part[-1] in _CONNECTOR_WORDS:
                part.pop()
            joined = " ".join(part)
            if part and (joined.lower() not in FUNCTION_WORDS or (len(joined) == 2 and joined.isupper())):
                found.append(_run_tokens(text, seg, joined, part_start, part_start + len(joined), context))
            part = []
        pos += len(word) + 1
    return 1 + run.count(" ")


def _matches(text: str, seg: Segment) -> Iterator[re.Match[str]]:
    """The capitalised runs of the segment outside stretches of _LONG_STRETCH characters without a space.

    Such a stretch is a tag list, inline JSON or minified script, never prose: a name candidate there is
    noise, and on "x.)A" repeated there is one every four characters (a Python object each, 200x the
    input in memory).
    """
    if seg.end - seg.start < _LONG_STRETCH or _spaced(text, seg.start, seg.end):
        return _RUN.finditer(text, seg.start, seg.end)  # the commonest case: no such stretch
    return _matches_around_stretches(text, seg)


def _spaced(text: str, start: int, end: int) -> bool:
    """True when every _LONG_STRETCH characters of ``text[start:end]`` hold a plain space, so that no
    stretch without white space is that long (False: maybe one is; the regex looks).

    Prose passes in a few steps (each jumps to the last space of the next _LONG_STRETCH characters),
    where the regex that finds such stretches tries every position: a twentieth of the entity engine's
    time on a real article.
    """
    pos = start
    while end - pos >= _LONG_STRETCH:
        # No stretch starts before pos; one starting at or before the space found would hold it.
        space = text.rfind(" ", pos, pos + _LONG_STRETCH)
        if space < 0:
            return False
        pos = space + 1
    return True


def _matches_around_stretches(text: str, seg: Segment) -> Iterator[re.Match[str]]:
    pos = seg.start
    for stretch in _NO_SPACE.finditer(text, seg.start, seg.end):
        yield from _RUN.finditer(text, pos, stretch.start())
        pos = stretch.end()
    yield from _RUN.finditer(text, pos, seg.end)


# Characters without white space: the few such stretches in the dev pages are tag lists.
_LONG_STRETCH: Final = 256
_NO_SPACE: Final = re.compile(rf"(?<!\S)\S{{{_LONG_STRETCH},}}")


def _is_particle_name(word: str) -> bool:
    """ "d'Ettorre", "O'Neill": a one- or two-letter particle glued to a capitalised name."""
    return len(word) > 2 and word[1] in "'’" and word[2].isupper()


def _one_word_run(text: str, seg: Segment, form: Form, start: int, context: bool) -> Run:
    """The run of one word (it needs no word after it)."""
    if not context:
        return ((_token(form, start, True, False),), 0, 1)
    before, initial = _before(text, seg, start)
    only = _token(form, start, True, initial)
    return ((only,), 0, 1) if before is None else ((before, only), 1, 2)


def _run_tokens(text: str, seg: Segment, run: str, start: int, end: int, context: bool) -> Run:
    if " " not in run:
        return _one_word_run(text, seg, forms_of(run), start, context)
    before: Token | None = None
    initial = False
    if context:
        before, initial = _before(text, seg, start)
    words: list[Token] = [before] if before is not None else []
    pos = start
    for number, word in enumerate(run.split(" ")):
        cap = word not in _CONNECTOR_WORDS
        words.append(make_token(word, pos, cap, initial and number == 0))
        pos += len(word) + 1
    j = len(words)
    # A run of several words looks at the word after it (a speech verb, a day after a month).
    after = next_word(text, end, seg.end) if context else None
    if after is not None:
        word = text[after[0] : after[1]]
        words.append(make_token(word, after[0], capital_first(word), False))
    return tuple(words), 0 if before is None else 1, j


# --- name runs: the quote finder's reading -------------------------------------------------------------
# Stricter than the runs above, for the person index of the quote finder: capitalised words joined only by
# a space and the particles of a name, no connectors ("and", "&", "the"), so that "Ann Lee and Bob King"
# is two runs; initials and short abbreviations keep their period, and a possessive ends a run.
# Upper-case letters of the Latin alphabets, listed (the runs above take any non-lower-case letter).
_NAME_CAPITALS: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_NAME_LINKS: Final = lexicon.words("name_run_links")
_NAME_TRAILING: Final = _NAME_LINKS | {"and"}  # words a name cannot end with
_DATE_WORDS: Final = lexicon.words("weekdays") | lexicon.words("month_names")
# A run holds at most _MAX_NAME_RUN_WORDS words (a longer one goes on as the next run): the regex engine
# keeps some bytes per repetition until the match ends, and the run's words are listed, so a paragraph of
# initials ("A. B. C. …") as one run cost 170 times its size.
_MAX_NAME_RUN_WORDS = 64
_NAME_RUN: Final = re.compile(
    rf"[{_NAME_CAPITALS}][\w’'.-]*(?:[ \xa0](?:[{_NAME_CAPITALS}][\w’'.-]*"
    rf"|(?:{'|'.join(sorted(_NAME_LINKS))})(?=[ \xa0][{_NAME_CAPITALS}])))"
    rf"{{0,{_MAX_NAME_RUN_WORDS - 1}}}"
)
_KEEP_PERIOD: Final = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")


def name_runs(text: str, multi_only: bool = False) -> Iterator[tuple[int, int, list[str]]]:
    """Runs of capitalised words (with initials like "B." and particles) as (start, end, words), in order.

    One regular-expression pass finds the runs; a possessive ("Okafor’s") ends a run. With
    ``multi_only``, runs of a single word are skipped. (A pattern asking for two words or more would
    retry every capital inside a word that has no second one: quadratic on a long run of capitals.) A
    generator: the runs of a long paragraph of initials or capitals, all listed, cost 20x its size.
    """
    runs: list[tuple[int, int, list[str]]] = []
    for m in _NAME_RUN.finditer(text):
        group = m.group()
        if multi_only and " " not in group and "\xa0" not in group:
            continue
        pos = m.start()
        cur: list[tuple[int, int, str]] = []
        for raw in group.split():
            start = text.index(raw, pos)
            pos = start + len(raw)
            # "B." and "Sen." keep their period; "July." ends a sentence.
            word = raw
            if raw[-1] == "." and (_KEEP_PERIOD.fullmatch(raw) is None or raw[:-1].lower() in _DATE_WORDS):
                word = raw.rstrip(".")
            cur.append((start, start + len(word), word))
            if word.endswith(("’s", "'s")) or len(word) < len(raw):
                _close_run(cur, runs)  # a possessive or a sentence end closes the run
        _close_run(cur, runs)
        yield from runs
        runs.clear()


def _close_run(cur: list[tuple[int, int, str]], runs: list[tuple[int, int, list[str]]]) -> None:
    while cur and cur[-1][2].lower() in _NAME_TRAILING:
        cur.pop()
    if cur:
        runs.append((cur[0][0], cur[-1][1], [w for _, _, w in cur]))
    cur.clear()
