"""Segments that make one quote: a quote running over paragraphs, and the halves of a split quote."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsinspect.quotes.attribution import Attribution
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.scanner import RawQuote

MAX_FRAGMENT_GAP = 300  # characters between two fragments of one partly quoted sentence


@dataclass(eq=False)
class Segment:
    ctx: ParagraphContext
    raw: RawQuote

    @property
    def start(self) -> int:
        return self.ctx.base + self.raw.start

    @property
    def end(self) -> int:
        return self.ctx.base + self.raw.end

    def opens_paragraph(self) -> bool:
        return self.raw.open_mark <= self.ctx.lead


@dataclass(eq=False)
class Group:
    """One quote: its segments in order, with the paragraph breaks (True) or cue gaps (False) between."""

    segments: list[Segment]
    continued: list[bool] = field(default_factory=list)
    attribution: Attribution | None = None
    attributed_by: Segment | None = None
    fragments: bool = False  # quoted fragments of one sentence joined (not a statement split by its credit)

    @property
    def first(self) -> Segment:
        return self.segments[0]

    @property
    def last(self) -> Segment:
        return self.segments[-1]


_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


def speaker_label(text: str, start: int) -> tuple[int, int] | None:
    """The span of a transcript label opening a quote ("PENCE: Well, …"), or None."""
    m = _LABEL.match(text, start)
    return (m.start(1), m.end(1)) if m else None


def group_paragraph_runs(contexts: Iterable[ParagraphContext]) -> Iterator[Group]:
    """Every quote as a group, each yielded once complete; an unclosed quote joins the next paragraph when
    that one reopens it, unless the new paragraph opens with a transcript label (a new turn: "PENCE: …")."""
    last: Group | None = None
    for ctx in contexts:
        for n, raw in enumerate(ctx.quotes):
            seg = Segment(ctx, raw)
            if (
                n == 0
                and last is not None
                and last.last.ctx.index == ctx.index - 1
                and last.last.raw.close_mark is None
                and seg.opens_paragraph()
                and speaker_label(ctx.text, raw.start) is None
            ):
                last.segments.append(seg)
                last.continued.append(True)
                continue
            if last is not None:
                yield last
            last = Group([seg])
    if last is not None:
        yield last


def merge_split(groups: Iterable[Group]) -> Iterator[Group]:
    """Join “…,” he said. “…” (same paragraph, only the attribution between) into one group."""
    return _merge_neighbours(groups, _is_split_pair)


def _merge_neighbours(
    groups: Iterable[Group], belong_together: Callable[[Group, Group], bool], fragments: bool = False
) -> Iterator[Group]:
    """Append each group to the one before it when ``belong_together`` says so: one quote, more segments
    (``fragments``: quoted fragments of one sentence, which stay partial quotes). Each group is yielded
    once the next one is known not to join it."""
    prev: Group | None = None
    for g in groups:
        if prev is not None and belong_together(prev, g):
            prev.segments.extend(g.segments)
            prev.continued.append(False)
            prev.continued.extend(g.continued)
            prev.fragments = prev.fragments or fragments
            continue
        if prev is not None:
            yield prev
        prev = g
    if prev is not None:
        yield prev


def _is_split_pair(a: Group, b: Group) -> bool:
    att = a.attribution
    # The credit after the first half: right after it (“…,” Lee said.) or further on in its sentence
    # (“…,” an angry Lee retorted.; "…" before the vote, she said.).
    if att is None or att.how not in _CREDIT_AFTER or att.mention is None or a.attributed_by is not a.last:
        return False
    if b.first.ctx is not a.last.ctx or a.last.raw.close_mark is None:
        return False
    if b.attribution is not None and b.attribution.how == "after" and b.attributed_by is b.first:
        return False
    other = b.attribution
    if other is not None and not (
        other.cue == att.cue
        and other.mention is not None
        and other.mention.start == att.mention.start
        and b.attributed_by is not None
        and b.attributed_by.ctx is a.last.ctx
    ):
        return False  # “…,” Okafor said, adding later, “…”: the second half has a cue of its own
    ctx = a.last.ctx
    # The text of the gap, not its masked form: a title in it may hold the credit's last stop
    # (“…,” Lee said on the show “Harbor Talk.” “…”).
    gap = ctx.text[a.last.raw.close_mark + 1 : b.first.raw.open_mark].rstrip().rstrip(_CLOSING_MARKS)
    if len(gap) > 400 or not gap.endswith((",", ".", ":", ";", "—", "–")):
        return False
    # Nothing in the gap but the attribution's sentence: no sentence starts inside it.
    close, open_ = a.last.raw.close_mark + 1, b.first.raw.open_mark
    i = bisect.bisect_right(ctx.bounds, close)
    return i >= len(ctx.bounds) or ctx.bounds[i] >= open_ or not ctx.masked[ctx.bounds[i] : open_].strip()


_CREDIT_AFTER = frozenset(["after", "sentence"])
_CLOSING_MARKS = "”\"’'"


def merge_same_sentence(groups: Iterable[Group]) -> Iterator[Group]:
    """Join quoted fragments of one sentence credited to the same speaker through the same cue
    (Okafor called the plan “reckless” and “a waste”) into one quote of several segments."""
    return _merge_neighbours(groups, _same_attribution, fragments=True)


def _same_attribution(a: Group, b: Group) -> bool:
    if a.attribution is None or b.attribution is None or a.last.ctx is not b.first.ctx:
        return False
    if a.attribution is not b.attribution and not (
        a.attribution.mention is not None
        and b.attribution.mention is not None
        and a.attributed_by is not None
        and b.attributed_by is not None
        and a.attributed_by.ctx is b.attributed_by.ctx
        and a.attribution.mention.start == b.attribution.mention.start
        and a.attribution.cue == b.attribution.cue
    ):
        return False
    ctx = a.last.ctx
    if a.last.raw.close_mark is None or b.first.raw.open_mark - a.last.raw.close_mark > MAX_FRAGMENT_GAP:
        return False
    between = [ctx.cue_texts[i] for i in ctx.cues_between(a.last.raw.close_mark, b.first.raw.open_mark)]
    if any(cue != a.attribution.cue for cue in between):
        # “…,” adding that “…”; “…” and accused him of “…”: another verb of saying or judging between
        # the fragments makes a second attribution.
        return False
    return ctx.sentence_of(a.last.raw.open_mark) == ctx.sentence_of(b.first.raw.open_mark)
