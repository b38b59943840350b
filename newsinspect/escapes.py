"""Visible escapes for what a terminal would act on, shared by every output (tables, JSON, CSV, messages).

A terminal acts on C0 and C1 control characters (ESC starts ANSI, OSC 8 hyperlink and OSC 52 clipboard
sequences; U+009B and U+009D are one-byte CSI and OSC), and bidirectional overrides reorder what a reader
sees. Lone surrogates stand for the bytes of a file name that is not UTF-8 (``os.fsdecode``); no terminal
or UTF-8 file can hold them. Every escape is plain ASCII (``\\x1b``, ``\\u202e``, ``\\udcff``).
"""

from __future__ import annotations

import re

# C0 but tab and line feed, DEL, C1, bidi embeddings/overrides and isolates, lone surrogates: for text
# shown on several lines (tables), where a line feed is layout.
_IN_TEXT = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[{_IN_TEXT}]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[\t\n{_IN_TEXT}]")
# In a name that must read back exactly, the backslash is escaped too, so that every escape is unambiguous.
_UNSAFE_IN_NAME = re.compile(f"[\\\\\t\n{_IN_TEXT}]")
_NAME_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})")
# JSON already escapes C0 (json.dumps); what it leaves raw with ensure_ascii=False, and a terminal obeys.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x5C:
        return "\\\\"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates as escapes; line feeds and
    tabs stay (for tables)."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """As ``visible``, and line feeds and tabs too: a message that is one line whatever it quotes."""
    return _UNSAFE_ON_ONE_LINE.sub(_escape, text)


def escape_name(name: str) -> str:
    """A file name as one line of visible text that reads back exactly (``unescape_name``): as
    ``one_line``, with ``\\`` written ``\\\\``."""
    return _UNSAFE_IN_NAME.sub(_escape, name)


def unescape_name(text: str) -> str:
    """The name ``escape_name`` was given."""

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        return "\\" if escape == "\\" else chr(int(escape[1:], 16))

    return _NAME_ESCAPE.sub(one, text)


def json_safe(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1 and bidi overrides as ``\\u``
    escapes. They can only occur inside strings, so the result is valid JSON holding the same data."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
