"""Decoding: BOMs, UTF-16, legacy fallback, binary refusal, empty input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsinspect.decode import decode_bytes
from newsinspect.errors import BinaryInputError, EmptyInputError

TEXT = "Mayor’s “plan” — café\r\nSecond line\n"


def test_utf8_is_kept_untouched_including_crlf() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ()


def test_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded.text == TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    decoded = decode_bytes(TEXT.encode(codec))  # Python writes the BOM for the bare codec names
    assert decoded.text == TEXT
    assert decoded.encoding.startswith(codec)


def test_utf16_big_endian_with_bom() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))
    assert decoded.text == TEXT


def test_cp1252_fallback_warns() -> None:
    decoded = decode_bytes("“Smart” quotes from Word – café".encode("cp1252"))
    assert decoded.text == "“Smart” quotes from Word – café"
    assert decoded.encoding == "cp1252"
    assert len(decoded.warnings) == 1
    assert "not valid UTF-8" in decoded.warnings[0]


def test_latin1_bytes_cp1252_cannot_map_still_decode() -> None:
    decoded = decode_bytes(b"caf\xe9 \x81 ok")  # 0x81 is unassigned in cp1252
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("café")


def test_nul_bytes_are_binary_with_offset() -> None:
    with pytest.raises(BinaryInputError, match=r"NUL bytes at offset 3"):
        decode_bytes(b"abc\x00def")


def test_control_heavy_bytes_are_binary() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(bytes(range(1, 8)) * 50 + b"text")


def test_control_share_threshold_counts_only_binary_controls() -> None:
    text = b"a" * 950
    # 50 of 1,000 bytes (5%) is still text; 51 is binary. Tab, LF, VT, FF, CR and ESC never count.
    assert decode_bytes(text + b"\x01" * 50 + b"\t\n\x0b\x0c\r\x1b" * 40).text.startswith("a")
    with pytest.raises(BinaryInputError, match=r"51 control bytes in the first 1000"):
        decode_bytes(text[1:] + b"\x01" * 26 + b"\x1f" * 25)


def test_ansi_escapes_are_text_not_binary() -> None:
    decoded = decode_bytes(b"\x1b[31mRed headline\x1b[0m\nBody line here.\n")
    assert decoded.text.startswith("\x1b[31m")


@pytest.mark.parametrize(("data", "message"), [(b"", "empty file"), (b" \r\n\t\n", "only white space")])
def test_empty_and_whitespace_only(data: bytes, message: str) -> None:
    with pytest.raises(EmptyInputError, match=message):
        decode_bytes(data)


def test_bom_then_nothing_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(codecs.BOM_UTF8)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1))
def test_any_printable_utf8_text_round_trips(text: str) -> None:
    if not text.strip() or text.startswith("\ufeff"):
        return
    assert decode_bytes(text.encode("utf-8")).text == text


@given(st.binary(max_size=512))
def test_arbitrary_bytes_decode_or_raise_a_domain_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except (BinaryInputError, EmptyInputError):
        return
    assert decoded.text.strip()


def test_utf8_bom_then_invalid_utf8_is_read_as_cp1252_with_a_warning() -> None:
    # Issue 9 (15): an editor that puts a UTF-8 mark in front of a cp1252 file; it was refused as binary.
    decoded = decode_bytes(codecs.BOM_UTF8 + "“Smart” quotes – café".encode("cp1252"))
    assert decoded.text == "“Smart” quotes – café"  # the mark is not part of the text
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("not valid UTF-8 after a UTF-8 byte-order mark (byte 3); decoded as cp1252",)


def test_utf8_bom_then_nul_bytes_is_still_binary() -> None:
    with pytest.raises(BinaryInputError, match=r"NUL bytes at offset 5"):
        decode_bytes(codecs.BOM_UTF8 + b"ab\x00\xff")
