"""Article text is data: neutralise what a terminal would act on before it is shown.

Rich markup is never an issue because article strings are wrapped in ``rich.text.Text`` (never parsed as
markup); this module handles what Text passes through: control characters such as ESC (ANSI sequences),
carriage returns, the bidirectional overrides that can reorder what a reader sees, and lone surrogates.
"""

from __future__ import annotations

import re

# Lone surrogates come from file names that are not valid UTF-8 (os.fsdecode); a terminal cannot encode them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    """``text`` with control and bidi-override characters shown as visible escapes (\\x1b, \\u202e)."""
    return _UNSAFE.sub(_escape, text)
