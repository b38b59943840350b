"""Properties of the escapes every output shares: nothing a terminal acts on gets through, and what must read
back (JSON data, file names in CSV) reads back exactly."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from newsinspect.batch.formats import json_line
from newsinspect.escapes import escape_name, json_safe, one_line, unescape_name, visible

# Any code point, with the characters that matter drawn often. Lone surrogates are the low ones only: they
# stand for the bytes of non-UTF-8 file names (``os.fsdecode`` makes U+DC80..U+DCFF and nothing else); a
# high one before a low one would read back from any JSON as the one character the pair encodes.
TRICKY = st.sampled_from(list("\\\n\r\t\x1b\x07\x9b\x9d\x7f\u202e\u2066\udcff\udc80xu0123456789abcdef"))
ANY_BUT_SURROGATES = st.characters(codec=None, exclude_categories=("Cs",))
TEXT = st.lists(st.one_of(TRICKY, ANY_BUT_SURROGATES), max_size=40).map("".join)
ACTED_ON = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@given(TEXT)
def test_a_name_reads_back_exactly_and_is_one_visible_line(name: str) -> None:
    escaped = escape_name(name)
    assert unescape_name(escaped) == name
    assert not ACTED_ON.search(escaped) and "\n" not in escaped and "\t" not in escaped


@given(TEXT, TEXT)
def test_different_names_never_share_an_escape(first: str, second: str) -> None:
    if first != second:
        assert escape_name(first) != escape_name(second)


@given(TEXT)
def test_visible_and_one_line_leave_nothing_a_terminal_acts_on(text: str) -> None:
    assert not ACTED_ON.search(visible(text))
    assert not ACTED_ON.search(one_line(text)) and "\n" not in one_line(text)
    assert visible(text).count("\n") == text.count("\n")  # tables keep their lines


@given(st.dictionaries(TEXT, st.one_of(TEXT, st.lists(TEXT, max_size=3), st.none()), max_size=4))
def test_json_lines_hold_the_same_data_and_nothing_raw(payload: dict[str, object]) -> None:
    line = json_line(payload)
    text = line.decode("utf-8")  # valid UTF-8 even with lone surrogates
    assert text.endswith("\n") and text.count("\n") == 1
    assert json.loads(text) == payload
    assert not ACTED_ON.search(text)


def test_json_safe_escapes_only_what_json_leaves_raw() -> None:
    assert json_safe('{"a":"x\x9by\u202ez"}') == '{"a":"x\\u009by\\u202ez"}'
    assert json_safe('{"a":"café “quoted”"}') == '{"a":"café “quoted”"}'
