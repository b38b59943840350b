"""Memory on hostile input (issue 9: at most 20x the input on any text). Bounds here are generous (about
twice what the pure-Python build holds today) and counted by tracemalloc, so they are the same on a busy
machine; ``benchmarks/bench_memory.py`` prints the figures per stage."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from newsinspect.batch import formats
from newsinspect.batch.formats import json_line, record_line
from newsinspect.model import Record
from newsinspect.parse.lines import _fold_spaces, split_lines
from newsinspect.parse.regex import PIECE, lower, word_count
from newsinspect.pipeline import analyse_text
from newsinspect.quotes.context import _REACH, _WINDOWED_OVER, ParagraphContext
from newsinspect.quotes.tokens import MASK, mask_long_stretches, tokenize

HEAD = "Ferry late again\n\nThe ferry from Port Alder was late, said Ilse Brannock. “It is late,” she said. "


def _peak_over_size(text: str) -> float:
    """Peak of Python allocations while analysing ``text`` and writing its JSON line, over its size."""
    analyse_text(HEAD)  # word lists and models load once per process: not the input's memory
    gc.collect()
    tracemalloc.start()
    try:
        record = Record("input.txt", analyse_text(text))
        record_line(record)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode("utf-8"))


@pytest.mark.slow  # tracemalloc over 128 KB of hostile text analysed: seconds each
@pytest.mark.parametrize(
    ("piece", "size", "bound"),
    [
        ("x.)A", 128, 40),  # a name candidate and a quote token every 4 characters: 190x before
        ("a—A", 128, 40),
        ("By Jo Roe and Al Ek\n", 32, 40),  # a dump of short lines: the layout model's table was 150x
        ("!?. ", 128, 40),  # a sentence and a quote token every 2 characters: 120x before
        ("(x.) ((A ", 128, 40),  # 120x before
        ("A. ", 128, 40),  # initials: every run's tokens kept, and a list of every word: 66x compiled
        ("Mr. Sen. U.S. ", 128, 40),  # 45x compiled before
        ("'a' ’b’ ", 128, 35),  # a quote candidate every 8 characters, each a group held to the end: 51x
    ],
)
def test_hostile_text_is_analysed_within_a_bounded_multiple_of_its_size(
    piece: str, size: int, bound: float
) -> None:
    text = HEAD + piece * (size * 1024 // len(piece.encode("utf-8"))) + " and the end."
    peak = _peak_over_size(text)
    print(f"{piece!r}: {peak:.1f}x")
    assert peak < bound


def test_a_long_record_is_written_in_pieces_as_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "_ONE_SHOT_ITEMS", 2)  # every list of three or more goes item by item
    monkeypatch.setattr(formats, "_LONG_STRING", 7)  # and every string of eight characters or more in pieces
    text = "Ferry\n\n" + "".join(
        f"Ilse Brannock met Tobias Wren in Port Alder on day {n}, \x9b\u202e she said. “Yes,” he said.\n\n"
        for n in range(4)
    )
    record = Record("a\udcff\x1b.txt", analyse_text(text))
    payload = record.to_dict()
    assert len(payload["entities"]) >= 3 and len(payload["entities"][0]["mentions"]) >= 3
    assert json_line(payload, large=True) == json_line(payload)
    # The model's own values, converted as they are written: the same bytes again.
    assert json_line(record.to_dict(shallow=True), large=True) == json_line(payload)
    monkeypatch.setattr(formats, "LARGE_TEXT", 10)
    assert formats.is_large(record) and record_line(record) == json_line(payload)


def test_a_few_entities_with_many_mentions_are_written_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two entities of three mentions weigh eight items: more than four, though neither list is long.
    monkeypatch.setattr(formats, "_ONE_SHOT_ITEMS", 4)
    text = "Ferry\n\n" + "Ilse Brannock met Tobias Wren in Port Alder. " * 3 + "“Yes,” she said.\n"
    record = Record("a.txt", analyse_text(text))
    shallow = record.to_dict(shallow=True)
    heavy = [e for e in shallow["entities"] if len(e.mentions) >= 3]
    assert len(heavy) >= 2 and formats._is_long(tuple(heavy[:2]))
    assert json_line(shallow, large=True) == json_line(record.to_dict())


def test_a_repeated_short_line_is_held_once_with_its_own_offsets() -> None:
    text = "By Jo Roe\n\nBy Jo Roe\nBy Jo Ro\n  By Jo Roe\n"
    lines = split_lines(text)
    assert [(line.text, line.start, line.end, line.blank_before) for line in lines] == [
        ("By Jo Roe", 0, 9, True),
        ("By Jo Roe", 11, 20, True),
        ("By Jo Ro", 21, 29, False),
        ("By Jo Roe", 32, 41, False),
    ]
    assert lines[0].text is lines[1].text is lines[3].text


@pytest.mark.slow
def test_a_long_line_of_names_is_written_without_a_dict_per_mention() -> None:
    # A mention every 30 characters, each a dict of its own when the whole record was built first: 20.5x.
    text = "The ferry from Port Alder was late again, said Ilse Brannock. " * (512 * 1024 // 62)
    assert _peak_over_size(text) < 18


def test_long_stretches_without_white_space_are_masked_for_the_quote_finder() -> None:
    junk = "x.)A" * 100
    text = f"Ann Lee said it. {junk} and “more,” said Jo Roe. short.)Word"
    masked = mask_long_stretches(text)
    assert len(masked) == len(text)
    assert masked == text.replace(junk, MASK * len(junk))
    assert mask_long_stretches("x" * 255) == "x" * 255


def test_names_around_a_long_stretch_without_white_space_are_still_found() -> None:
    text = "Harbour news\n\nIlse Brannock said the ferry was late. " + "x.)A" * 400 + " Tobias Wren agreed.\n"
    names = {e.name for e in analyse_text(text).entities}
    assert {"Ilse Brannock", "Tobias Wren"} <= names
    assert not any("Ax" in name for name in names)  # the candidates inside the stretch are not read


def test_a_huge_paragraph_is_tokenized_near_its_quotes_only_and_its_quote_keeps_its_speaker() -> None:
    filler = "The ferry ran late again, and the pier was full. " * (_WINDOWED_OVER // 25)
    quote = "Ilse Brannock said: “The ferry is late again.” "
    text = f"Ferry late\n\n{filler}{quote}{filler}\n"
    paragraph = text[len("Ferry late\n\n") : -1]
    ctx = ParagraphContext.build(0, 0, paragraph)
    assert len(paragraph) > 3 * _WINDOWED_OVER
    assert len(ctx.tokens) < 4 * 3 * _REACH // 5  # near the quote, the start and the end: not every word
    assert ctx.masked.count(MASK) == len("“The ferry is late again.”")  # the text itself is whole
    assert all(ctx.bounds[i] <= ctx.bounds[i + 1] for i in range(len(ctx.bounds) - 1))
    quotes = analyse_text(text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("The ferry is late again.", "Ilse Brannock")]


def test_a_paragraph_of_ordinary_length_is_tokenized_whole() -> None:
    paragraph = "Ann Lee said it was late. " * (_WINDOWED_OVER // 30) + "“Yes,” she said."
    ctx = ParagraphContext.build(0, 0, paragraph)
    assert [t.start for t in ctx.tokens] == [t.start for t in tokenize(ctx.masked)]


@pytest.mark.parametrize(
    "text",
    [
        "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ Σ. " * (PIECE // 9),  # a final sigma at every word end
        "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ Σ.",  # and in a short text (the compiled build's own lower() has no final sigma)
        "İstanbul ſ\u200b  \u00a0x \t y" * (PIECE // 10),
        "x" * (3 * PIECE),  # no white space: cut anyway
    ],
)
def test_long_text_helpers_give_what_the_plain_calls_give(text: str) -> None:
    assert word_count(text) == len(text.split()) or " " not in text
    assert lower(text) == text.lower()
    from newsinspect.parse.lines import _INNER_SPACE

    assert _fold_spaces(text) == _INNER_SPACE.compiled.sub(" ", text)


def test_compact_tokens_are_the_tokens_of_the_plain_tokenizer(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsinspect.text import tokens

    text = "Sen. Okafor said:  “It is late” -- the U.S. ferry (A. B. Lee) wasn’t;\tNo. 10, x.)A é\n" * 5
    expected = [(t.text, t.start, t.end, t.lower) for t in tokenize(text)]
    monkeypatch.setattr(tokens, "_CHUNK", 3)  # a chunk ends after every few words' white space
    compact = tokens.tokens_of(text)
    assert [(t.text, t.start, t.end, t.lower) for t in compact] == expected
    assert len(compact) == len(expected) and list(compact.starts) == [e[1] for e in expected]
    assert compact.lowers(0, len(compact)) == [e[3] for e in expected]
    assert compact.lowers(3, 6) == [e[3] for e in expected[3:6]] and compact.lower(4) == expected[4][3]
    assert (compact[-1].text, compact[3].start) == (expected[-1][0], expected[3][1])
    for a, b in [(0, 4), (5, 2), (-3, len(expected) + 5), (len(expected) - 1, len(expected))]:
        assert [(t.text, t.start) for t in compact.slice(a, b)] == [(e[0], e[1]) for e in expected[a:b]]


def test_the_entity_runs_in_batches_are_the_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsinspect.text import runs

    text = "Ilse Brannock met A. B. Lee of the Port Alder Ferry Board. " * 40 + "New York, U.S. Sen. Okafor. "
    seg = runs.segment(text, 0, len(text))
    monkeypatch.setattr(runs, "_BATCH", 5)
    batches = list(runs.run_batches(text, [seg]))
    assert len(batches) > 10
    flat = [(tuple(t.text for t in tokens), i, j) for batch in batches for tokens, i, j in batch]
    assert flat == [(tuple(t.text for t in tokens), i, j) for tokens, i, j in runs.runs(text, seg)]


def test_the_lower_case_word_set_is_built_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsinspect.text import runs

    text = "a bb\tccc\u2003dd e\n\nff  gg\u3000h " * 50
    monkeypatch.setattr(runs, "_SPLIT_CHUNK", 4)
    assert runs.word_set(text) == set(text.split())


def test_the_quotes_of_a_paragraph_read_back_from_their_arrays() -> None:
    from newsinspect.quotes.scanner import NO_QUOTES, RawQuote, scan_paragraph

    text = "“One,” said Lee, ‘two’ and “three"
    quotes = scan_paragraph(text)
    expected = [
        RawQuote(0, 5, "double", 1, 5),
        RawQuote(17, 21, "single", 18, 21),
        RawQuote(27, None, "double", 28, len(text)),
    ]
    assert list(quotes) == expected and len(quotes) == 3 and quotes[-1] == expected[-1]
    assert list(quotes.opens) == [0, 17, 27]
    assert list(quotes.without_single()) == [expected[0], expected[2]]
    assert scan_paragraph("No quotes here.") is NO_QUOTES and not NO_QUOTES


def test_surname_counts_are_the_counts_of_the_window_before() -> None:
    import random

    from newsinspect.quotes.salience import WINDOW, SurnameCounts

    rng = random.Random(7)
    text = "".join(
        rng.choice(["Lee ", "Ann Lee. ", "ferry ", "Ek ", "Alee ", "said "]) for _ in range(WINDOW // 2)
    )
    counts = SurnameCounts(text)
    offsets = sorted(rng.randrange(len(text)) for _ in range(60))
    offsets[40:45] = [WINDOW // 3] * 5  # a quote further back than the one before
    for offset in offsets:
        for surname in ("Lee", "Ek", "ee", "Ann Lee"):  # "ee" overlaps itself: counted by str.count
            assert counts.before(surname, offset) == text.count(surname, max(0, offset - WINDOW), offset)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe • 6 min read",
        "x" * 90 + ". Jane Roe @janeroe",
        "A, b " + "c " * 60 + "2 hours ago",
        "é" * 120,
    ],
)
def test_what_the_stamp_and_handle_patterns_leave_is_never_shorter_than_kept(line: str) -> None:
    from newsinspect.parse.authors import _HANDLE, _TRAILING_STAMP, _kept

    left = _HANDLE.compiled.sub("", _TRAILING_STAMP.compiled.sub("", line))
    assert _kept(line) <= len(left)


def test_the_line_facts_cache_holds_a_bounded_number_of_characters() -> None:
    from newsinspect.parse import features
    from newsinspect.parse.lines import split_lines

    lines = split_lines("\n".join(f"Line {n} of a page of long distinct lines, " * 6 for n in range(3000)))
    # 3,000 lines of some 270 characters: all 800,000 of them were held before
    for _ in range(2):  # each line seen twice
        for line in lines:
            features.own_facts(line, False)
    for cache in (features._SEEN_ONCE, features._SEEN_AGAIN):
        assert sum(len(text) for text, _, _ in cache) <= (1 << 17) + 300


@pytest.mark.parametrize("piece", ["“Ferry” — late’s ", "plain ascii words ", "x’y" * 50, "Ünïcode “ok” "])
def test_the_key_of_a_long_line_is_made_a_piece_at_a_time_as_a_whole(piece: str) -> None:
    from newsinspect.parse.features import _key, _key_and_plain, _without_marks

    lowered = (piece * (3 * PIECE // len(piece))).lower()
    unmarked = _without_marks(lowered)
    assert _key_and_plain(lowered) == (_key(unmarked), unmarked.isascii())


def test_the_line_facts_of_a_dump_share_one_string_per_content_word() -> None:
    from newsinspect.parse.features import line_facts
    from newsinspect.parse.lines import split_lines

    lines = split_lines("\n\n".join(f"Harbour ferries sailed late again on day {n}." for n in range(50)))
    words = [word for fact in line_facts(lines, False) for word in fact.content]
    assert words.count("harbour") == 50 and len({id(word) for word in words}) == len(set(words))


def test_the_mentions_of_an_entity_share_one_string_per_wording() -> None:
    article = analyse_text(HEAD + "Ilse Brannock met the crew. " * 40)
    person = next(e for e in article.entities if e.name == "Ilse Brannock")
    assert len(person.mentions) > 40 and len({id(m.text) for m in person.mentions}) == 1


@pytest.mark.parametrize(
    "quote",
    [
        "A Winter to Remember" + " and more" * 1000,  # long: read from its head
        "one two three four five six seven eight" + " !" * 3000,  # then only marks: stripped away
        "one two three four five six seven eight nine" + "\t!" * 3000,
        ", , " * 2000 + "Salt and Stone",
        "word " * 5 + "x" * 9000,
    ],
)
def test_the_first_words_of_a_long_quote_are_those_of_the_whole_quote(quote: str) -> None:
    from newsinspect.quotes.classify import _TRIMMED, _first_words

    text = "“" + quote + "”"
    for chars in ("", _TRIMMED):
        words = _first_words(text, 1, len(text) - 1, chars)
        whole = quote.strip(chars).split(maxsplit=8)
        assert len(words) == len(whole) and words[:8] == whole[:8]
