"""Article text is data: neutralise what a terminal would act on before it is shown.

Rich markup is never an issue because article strings are wrapped in ``rich.text.Text`` (never parsed as
markup); what Text passes through (ANSI escapes, bidi overrides, lone surrogates) is escaped by
``newsinspect.escapes``, which the machine outputs (JSON, CSV) share.
"""

from __future__ import annotations

from newsinspect.escapes import one_line, visible


def neutralise(text: str) -> str:
    """``text`` with control and bidi-override characters shown as visible escapes (\\x1b, \\u202e); line
    feeds stay, for tables."""
    return visible(text)


def message(text: str) -> str:
    """A message for stderr, one line whatever it quotes (a file name with a line break cannot forge a
    second message)."""
    return one_line(text)
