"""The article parser: decoded text in, Article out (pure; no typer or rich).

The work is done in small modules, each with one job: lines (offsets), clutter, header (what the
first lines are), title, authors and byline, dates, captions, dateline, headings, body and stats;
assemble puts them together. ``parse_article`` never raises on any ``str``.
"""

from __future__ import annotations

import gc

from newsinspect.model import Article, Stats
from newsinspect.parse.assemble import assemble
from newsinspect.parse.crf import LayoutModel

__all__ = ["parse_article"]


def parse_article(
    text: str, *, dayfirst: bool = False, model: LayoutModel | None = None, use_model: bool = True
) -> Article:
    """Parse a decoded article dump. Offsets in the result point into ``text`` unchanged.

    Numeric dates are read month first (US) unless ``dayfirst`` is set or the dump itself shows
    day-first dates (an unambiguous ``25/04/2024``, or ``22 December 2023`` style names).
    ``model`` replaces the shipped layout model (training does this); ``use_model=False`` parses with
    the hand-written rules alone.
    """
    if not isinstance(text, str):  # defensive: the contract is str, but never raise
        text = str(text)
    # The cycle collector is paused while the parser runs, as the entity engine does: it makes a few
    # objects per line (lines, their facts, sets of words) and no reference cycle among them (a test
    # checks), so every collection their allocations set off found nothing to free: about 5% of the parse
    # stage on the development dumps (compiled). Reference counting frees everything as before. Restored
    # only by the call that paused it, so a caller who disabled the collector keeps it disabled.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return assemble(text, dayfirst=dayfirst, model=model, use_model=use_model)
    except Exception as exc:  # a parser bug must not stop a batch of files: report it as a warning
        return Article(
            title=None,
            subtitle=None,
            authors=(),
            published=None,
            updated=None,
            dateline=None,
            captions=(),
            paragraphs=(),
            stats=Stats(0, 0, 0, 0.0),
            warnings=(f"parser error: {type(exc).__name__}: {exc}",),
            text=text,
        )
    finally:
        if paused:
            gc.enable()
