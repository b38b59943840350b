"""Is this decoded input an HTML page? Decided by its content, never by the file's name."""

from __future__ import annotations

import re
from functools import cache

# Leading white space, comments and an XML declaration, then a tag.
_OPENING = (
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(!doctype\s+html|html\b|[a-z][a-z0-9]*\b)",
    re.I | re.S,
)
# An HTML fragment (a crawler's article body) has no <html>, but closes one of these early on.
_CLOSING = (
    r"</(?:html|head|body|title|div|p|span|a|article|section|main|header|footer|nav|h[1-6]|ul|ol|li|table|"
    r"td|tr|script|style|figure|figcaption|time|strong|em|b|i)\s*>",
    re.I,
)
_SNIFF = 65536


@cache
def _compiled(pattern: tuple[str, int]) -> re.Pattern[str]:
    """Compiled on the first input that opens with "<": text dumps never pay for it."""
    return re.compile(*pattern)


def looks_like_html(text: str) -> bool:
    """True for a page or fragment of HTML: it opens with a tag (after comments and white space) and is
    either declared as HTML or closes a common HTML element. A text dump that quotes a tag does not open
    with one, so it stays text."""
    if not text[:_SNIFF].lstrip().startswith("<"):
        return False
    opening = _compiled(_OPENING).match(text[:_SNIFF])
    if opening is None:
        return False
    if opening.group(1).lower().startswith(("!doctype", "html")):
        return True
    return _compiled(_CLOSING).search(text, 0, _SNIFF) is not None
