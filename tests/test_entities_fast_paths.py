"""The shortcuts that make the built-in engine fast give the same answers as the plain forms they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsinspect.entities.words import ABBREVIATIONS
from newsinspect.lexicon import packed as packed_module
from newsinspect.lexicon.packed import PackedMap, PackedSet, pack
from newsinspect.text import runs as candidates
from newsinspect.text.runs import LowerWords, Segment, runs

PLACES = {"Harrowgate": "city", "Harlow": "city", "Velmora": "country", "Ha": "province", "H": "region"}


def test_packed_map_answers_like_a_dict() -> None:
    packed = PackedMap.from_dict(PLACES)
    for name, kind in PLACES.items():
        assert name in packed
        assert packed[name] == kind
        assert packed.get(name) == kind
    for missing in ("Harrow", "Harrowgate2", "harlow", "", "Velmora\tcity", "Velmora\ncity", "Ha\tprovince"):
        assert missing not in packed
        assert packed.get(missing) is None
        assert packed.get(missing, "city") == "city"
        with pytest.raises(KeyError):
            packed[missing]
    assert 42 not in packed  # type: ignore[comparison-overlap]
    assert len(packed) == len(PLACES)
    assert dict(packed) == PLACES
    assert packed == PackedMap(packed.buckets)  # the form stored in the cache file


def test_packed_set_answers_like_a_set() -> None:
    names = {"Ilse", "Ilona", "Tobias", "Tobi"}
    packed = PackedSet.from_names(names)
    assert {"Ilse", "Tobi"} <= packed and packed >= {"Ilona"}
    assert not {"Ilse", "Ilo"} <= packed and not packed >= {"Tobia"}
    assert packed <= names | {"Mara"} and not packed <= {"Ilse"}
    assert "Ilo" not in packed and "Tobia" not in packed
    assert 42 not in packed  # type: ignore[comparison-overlap]
    assert len(packed) == 4 and set(packed) == names
    # Asked twice (the second answer comes from memory), the answer is the same.
    assert "Ilse" in packed and "Ilo" not in packed


def test_unpacked_buckets_answer_like_searched_ones() -> None:
    # Asked about many names, the "Ha" bucket is unpacked into a dict: the answers stay the same.
    packed = PackedMap.from_dict(PLACES)
    for n in range(2 * packed_module._UNPACK_AFTER):
        assert packed.get(f"Harrow{n}") is None
    assert packed.get("Harrowgate\t") is None and "Ha\nrlow" not in packed
    assert {name: packed[name] for name in PLACES} == PLACES
    names = PackedSet.from_names({"Ilse", "Ilona"})
    for n in range(2 * packed_module._UNPACK_AFTER):
        assert f"Il{n}" not in names
    assert "Ilse" in names and "Ilona" in names and "Ils" not in names


def test_pack_leaves_out_names_it_could_not_find() -> None:
    assert pack([("Bad\tname", "x"), ("Good", "y")]) == {"Go": "\nGood\ty\n"}


def test_lower_words_finds_lower_case_forms_with_trailing_marks() -> None:
    lower = LowerWords("Hope Marlow spoke of hope, and of winter’s end. Summer came")
    assert "hope" in lower and "winter" in lower
    assert "summer" not in lower  # only written with a capital
    assert "Hope" not in lower  # only lower-case words are asked about
    assert "hop" not in lower  # a substring of a word is not a word


_MARKS = ("", ",", ".", ";", ":", "?", "!", ")", "”", '"', "’s", "'s")


@pytest.mark.parametrize(
    "text",
    [
        "the dam, the dams and the damage; a dam’s wall\nby the dam",
        "ruled.\u00a0rule: rules? (rule) rule’s rule's",
        "e e. ee e, ae " * 10,  # a word found in many places: the text is split instead
        "tail",
        "the also, all? alps’ dams " * 30
        + "al) alps’s e.\u2009ai\u00a0ee\x1ctail",  # in many words, alone late
    ],
)
def test_lower_words_search_answers_like_a_split(text: str) -> None:
    # The substring search per word must agree with the plain form: a word of text.split(), bare or with
    # one of the trailing marks.
    split = set(text.split())
    for word in [
        "the",
        "dam",
        "dams",
        "damage",
        "rule",
        "ruled",
        "rules",
        "e",
        "ee",
        "a",
        "tail",
        "ai",
        "ta",
        "al",
        "alps",
        "also",
        "all",
    ]:
        expected = any(word + mark in split for mark in _MARKS)
        assert (word in LowerWords(text)) == expected, (text, word)


def test_lower_words_character_tests_are_the_str_methods() -> None:
    # The place checks read white space by code (no method call for ASCII) and try only the trailing marks
    # that start with the character after the word: each mark must be among those of its first character.
    for code in [*range(0x3001), 0x205F, 0xFEFF]:
        assert candidates._is_space(chr(code), 0) == chr(code).isspace(), hex(code)
        assert candidates._alnum(chr(code), 0) == chr(code).isalnum(), hex(code)
        in_word = bool(re.fullmatch(r"[\w'’-]", chr(code)))
        assert candidates._in_word(chr(code), 0) == candidates._code_in_word(code, chr(code), 0) == in_word
    for mark in candidates._TRAILING_MARKS:
        assert not mark or mark in candidates._MARKS_BY_FIRST[mark[0]]


def test_abbreviation_guard_covers_every_abbreviation() -> None:
    # The run regex tries abbreviations only after "(?=[a-z]{1,3}\.)" (as a run's first word) or
    # "(?=[A-Z][a-z]{1,3}\.)" (as a later word): each must fit that shape.
    for abbreviation in ABBREVIATIONS:
        assert re.fullmatch(r"[a-z]{2,4}", abbreviation), abbreviation


def test_first_letter_prefilter_is_the_letter_class() -> None:
    # The run regex's first character class then a look-behind for the letter class equals the letter class
    # itself: the class leaves out no letter (General Punctuation holds none).
    prefilter = re.compile(rf"{candidates._FIRST_LETTER}(?<=[^\W\d_a-z])")
    letter = re.compile(r"[^\W\d_a-z]")
    for code in [*range(0x250), *range(0x1FF0, 0x2080), 0x0416, 0x4E2D, 0x1D400]:
        char = chr(code)
        assert bool(prefilter.fullmatch(char)) == bool(letter.fullmatch(char)), hex(code)


def test_connector_guard_accepts_every_connector() -> None:
    guard = re.compile(candidates._CONNECTOR_GUARD)
    for connector in candidates.CONNECTORS:
        assert guard.match(connector), connector
    assert not guard.match("said")


# The run regex without its speed-ups (the first class with General Punctuation, the connectors' look-ahead,
# the possessive repeats): they change no match.
_PLAIN_RUN = re.compile(
    candidates._RUN.pattern.replace("\\u2000-\\u206f", "")
    .replace(candidates._CONNECTOR_GUARD, "")
    .replace("*+", "*")
    .replace("++", "+")
)
_RUN_ATOMS = st.sampled_from(
    [
        "Ann",
        "Lee",
        "É",
        "x",
        "of",
        "the",
        "and",
        "y",
        "&",
        "de",
        "said",
        "Mr.",
        "U.S.",
        "’s",
        "'s",
        "-",
        "'",
        "’",
        ".",
        ",",
        "“",
        "”",
        "—",
        "(",
        "d'",
        "O’",
        "7",
        "_",
        " ",
        " ",
        "\n",
        "ANN",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_RUN_ATOMS, max_size=24).map("".join))
def test_run_regex_matches_as_its_plain_form(text: str) -> None:
    assert [m.span() for m in candidates._RUN.finditer(text)] == [m.span() for m in _PLAIN_RUN.finditer(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Then Dr. Ilse Brannock met Mr. Quill in Velmora.",
            ["Then Dr. Ilse Brannock", "Mr. Quill", "Velmora"],
        ),
        ("Later Tobias Wren said no.", ["Later Tobias Wren"]),
        ("It was the U.N. Council of Velmora, not the ÉLAN group.", ["U.N. Council of Velmora", "ÉLAN"]),
        ("Ask Tom. Then Ada.", ["Ask Tom", "Then Ada"]),
    ],
)
def test_runs_are_the_capitalised_sequences(sentence: str, expected: list[str]) -> None:
    seg = Segment(0, len(sentence), False)
    found = [" ".join(t.text for t in tokens[i:j]) for tokens, i, j in runs(sentence, seg)]
    assert found == expected


def test_one_word_runs_carry_the_word_before_them() -> None:
    text = "The court heard from Brannock, then from Quill."
    seg = Segment(0, len(text), False)
    found = [(tokens[i - 1].text if i else None, tokens[i].text) for tokens, i, _ in runs(text, seg)]
    assert found == [("from", "Brannock"), ("from", "Quill")]
    assert candidates.make_token("Quill’s", 0, True, False).norm == "quill's"


def test_token_forms_share_one_string_per_word() -> None:
    # The table of forms keeps one string per distinct word, and gives the same normal form each time.
    first = candidates.make_token("".join(["Brann", "ock’s"]), 0, True, False)
    again = candidates.make_token("".join(["Brann", "ock’s"]), 40, True, True)
    assert first.text is again.text and first.norm is again.norm == "brannock's"
    assert first.lower is again.lower == "brannock’s"  # the lower case too, kept with the word
    assert (again.start, again.end, again.initial) == (40, 50, True)
    plain = candidates.make_token("quill", 3, False, False)
    assert plain.norm is plain.text is plain.lower  # already its normal form: no second string
    title = candidates.make_token("Quill", 9, True, False)
    assert title.norm is title.lower == "quill"


def test_token_forms_start_over_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "_FORMS", {})
    forms = candidates._FORMS
    for n in range(candidates._FORMS_LIMIT + 5):
        candidates.forms_of(f"Word{n}")
    assert len(forms) <= candidates._FORMS_LIMIT


def test_the_engine_makes_no_reference_cycles() -> None:
    # The engine pauses the cycle collector while it runs: that is only free if it leaves nothing for it.
    import gc

    from newsinspect.entities import find_entities
    from newsinspect.parse import parse_article

    text = (
        "Harbour Council Names New Chief\n\n"
        "Dr. Ilse Brannock, a Velmoran engineer, said on Monday that the Harlow Foundation for "
        "Coastal Studies and the Port Authority of Velmora would share the costs. Brannock told "
        "Reuters that Mr. Quill agreed.\n\n"
        "“We are ready,” Quill said. The U.N. Council (UNC) met in Harrowgate and Velmora’s capital.\n"
    )
    article = parse_article(text)
    find_entities(article)  # first use: data loaded, caches filled (once per process, not per article)
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            assert find_entities(article)
        assert not gc.isenabled()  # a caller's choice is kept
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
    assert find_entities(article) and gc.isenabled() == was_enabled


# Characters that decide the character loops' answers: ASCII letters of both cases, non-ASCII letters (a
# capital, a title-case letter, a mathematical letter beyond the basic plane), digits and other numbers, the
# marks that join words, sentence marks, and white space of several kinds.
_EDGE_CHARACTERS = "abXYÉǅé𝐀ß1²_-'’.&,!?:;…“”\"‘([—  \n\u00a0"


def _random_texts(count: int) -> list[tuple[str, int, int]]:
    import random

    rng = random.Random(7)
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(_EDGE_CHARACTERS) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        texts.append((text, start, rng.randint(start, len(text))))
    return texts


def test_character_loops_answer_as_the_regexes_they_replace() -> None:
    long_lower = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z]{3}")
    next_word = re.compile(r"[^\w]*(\w+(?:[-'’.&]\w+)*)")
    sentence_end = re.compile(r"[.!?:;…]|[“\"‘(\[]|--|—")
    for text, start, end in _random_texts(60_000):
        assert candidates.has_long_lower_word(text, start, end) == bool(long_lower.search(text, start, end))
        found = next_word.match(text, start, end)
        assert candidates.next_word(text, start, end) == (found.span(1) if found else None), text
        piece = text[start:end]
        assert candidates.capital_first(piece) == piece[:1].isupper(), piece
        assert candidates._opens_sentence(piece) == bool(sentence_end.search(piece)), piece
        assert candidates.starts_at(text, piece[:2], start) == text.startswith(piece[:2], start)
        assert candidates.starts_at(text, "a", start) == text.startswith("a", start)


def test_runs_of_a_block_of_paragraphs_are_the_runs_of_each() -> None:
    text = (
        "Harbour Board Votes On Ferry Plan\n"
        "Ilse Brannock of the Port Alder Ferry Board said.\n\n"
        "Photo: Jonas Varga (Northgate Bank)\n"
        "“We will go,” said Mr. Okafor\n"
        "U.S. Sen. Leila Brandt met\u00a0Anna Sousa-Ferreira of Velmora.\n\n\n"
        "A. B. Lee And Tomás Halvorsen\n"
    )
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spans.insert(3, (text.index("Northgate"), text.index(")", text.index("Northgate"))))  # a credit in a line
    segments = [candidates.segment(text, start, end) for start, end in spans]
    assert segments[0].title_case and not segments[1].title_case
    blocks = candidates.line_blocks(text, segments)
    assert [seg for block in blocks for seg in block] == [seg for seg in segments if not seg.title_case]
    assert len(blocks) < len(segments) - 1  # paragraphs one line break apart share a block

    def words(found: list[candidates.Run]) -> list[tuple[tuple[str, int], ...]]:
        return [tuple((t.text, t.start) for t in tokens) for tokens, _, _ in found]

    for block in blocks:
        in_block = [run for batch in candidates.run_batches(text, block) for run in batch]
        assert words(in_block) == words([run for seg in block for run in runs(text, seg)])


def test_mentions_are_in_text_order_whatever_order_their_pieces_come_in() -> None:
    # Pieces mostly come in text order (then they are not sorted again); the Title Case pass and short forms
    # joining a name add some out of it.
    from newsinspect.entities.classify import STRONG, Piece
    from newsinspect.entities.merge import merge_pieces

    text = "Velmora met Velmora and Velmora."
    for spans in ([(0, 7), (12, 19), (24, 31)], [(24, 31), (0, 7), (12, 19)]):
        pieces = [Piece(start, end, ("Velmora",), "GPE", STRONG, False) for start, end in spans]
        (entity,) = merge_pieces(pieces, text, LowerWords(text))
        assert [mention.start for mention in entity.mentions] == [0, 12, 24]


def test_every_function_word_alone_is_no_run() -> None:
    # A run's function-word test asks the lower case of one word from its forms, and of a run of several
    # words only when the list holds a phrase: every entry, capitalised, must still be dropped.
    for word in sorted(candidates.FUNCTION_WORDS):
        written = " ".join(part.capitalize() for part in word.split(" "))
        text = f"and then {written} went"
        found = [
            text[tokens[i].start : tokens[j - 1].end]
            for tokens, i, j in runs(text, Segment(0, len(text), False))
        ]
        assert written not in found, word
