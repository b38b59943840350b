"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, a legacy 8-bit fallback; refuse binary.

The decoded text is never normalised (line ends, NBSPs and all stay as they are): every offset the tool
prints points into it. Only a byte-order mark is removed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from newsinspect.errors import BinaryInputError, EmptyInputError

# Longest first, so that a UTF-32 LE mark is not taken for a UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, LF, VT, FF, CR and ESC: real text has next to none of them.
_BINARY_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode one input. Raises BinaryInputError or EmptyInputError with a one-line message."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                if bom != codecs.BOM_UTF8:
                    raise BinaryInputError(
                        f"invalid {encoding} after a byte-order mark (at byte {err.start})"
                    ) from None
                # Tools that add a UTF-8 mark to whatever they save: the rest is read like any file
                # that is not UTF-8, offsets still starting after the mark.
                _refuse_binary(data)
                return _legacy(data[len(bom) :], len(bom) + err.start, " after a UTF-8 byte-order mark")
            return _checked(Decoded(text, encoding))

    _refuse_binary(data)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as err:
        return _legacy(data, err.start, "")


def _refuse_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(f"binary file (NUL bytes at offset {nul})")
    _refuse_control_heavy(data)


def _legacy(data: bytes, first_bad: int, where: str) -> Decoded:
    """Not UTF-8: cp1252 covers Latin-1 text and the curly quotes Windows tools write; latin-1 never
    fails. ``first_bad`` is the file offset of the first byte UTF-8 could not read."""
    for legacy in ("cp1252", "latin-1"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        warning = f"not valid UTF-8{where} (byte {first_bad}); decoded as {legacy}"
        return _checked(Decoded(text, legacy, (warning,)))
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _refuse_control_heavy(data: bytes) -> None:
    sample = data[:_SNIFF_BYTES]
    if not sample:
        return
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))  # counted in C, not per byte
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(f"binary file ({controls} control bytes in the first {len(sample)})")


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise EmptyInputError("empty file" if not decoded.text else "file holds only white space")
    return decoded
