"""Candidate speakers of a quote and the features the ranker weighs them by.

The rule cascade in ``attribution`` gives one reading of who speaks; the other patterns that could
credit the quote give more: every cue of its sentence read for its subject or its object, the subject
opening the sentence, the subject of the sentence before, a lead-in closing the paragraph before, the
speaker of the quote before. Each is resolved to a name like the rule's choice and described by
``features``; ``ranker.best`` picks one. The same function feeds training and the command, so the two
cannot drift apart.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from newsinspect import lexicon
from newsinspect.quotes.attribution import Attribution
from newsinspect.quotes.cues import STRONG_CUE_WORDS, TEXT_CUE_WORDS
from newsinspect.quotes.grouping import Segment
from newsinspect.quotes.names import is_org_name
from newsinspect.quotes.phrases import is_speaker_head
from newsinspect.quotes.salience import SurnameCounts

_NEAR = (20, 60, 150)  # distance buckets (characters between the mention and the quote's marks)
_ADDRESSING = lexicon.words("addressing_cues")
_PREPOSITIONS = lexicon.words("prepositions_common") | lexicon.words("prepositions_more")
_LINKS = frozenset(["and", "or", "that", "but"])
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_LETTER = re.compile(r"[^\W\d_]")


class Candidate(NamedTuple):
    rule: str  # the pattern that proposed it: rule, left, right, object, opening, previous, lead_in, carried
    att: Attribution | None  # None for a speaker carried over from the quote before
    seg: Segment | None  # the segment whose paragraph holds the mention
    speaker: str | None


class QuoteFacts(NamedTuple):
    """What the features need to know about the quote itself."""

    open_at: int  # absolute offset of the opening mark
    close_at: int  # absolute offset after the closing mark
    paragraph: int
    partial: bool
    opens_paragraph: bool
    previous_speaker: str | None  # the quote before's speaker, when it was in this or the paragraph before
    previous_here: bool  # the quote before is in this paragraph
    previous_person: bool  # the quote before's speaker is a name or a pronoun (not "a sign")


def mention_span(c: Candidate) -> tuple[int, int] | None:
    """Absolute offsets of the candidate's mention, if it has one."""
    if c.att is None or c.att.mention is None or c.seg is None:
        return None
    base = c.seg.ctx.base
    return base + c.att.mention.start, base + c.att.mention.end


def dedupe(candidates: list[Candidate]) -> tuple[list[Candidate], list[int]]:
    """The candidates with one per mention span (or carried speaker), the first kept; and how many
    patterns proposed each."""
    kept: list[Candidate] = []
    votes: list[int] = []
    where: dict[tuple[int, int, str], int] = {}
    for c in candidates:
        span = mention_span(c)
        key = (span[0], span[1], "") if span is not None else (-1, -1, c.speaker or "")
        at = where.get(key)
        if at is None:
            where[key] = len(kept)
            kept.append(c)
            votes.append(1)
        else:
            votes[at] += 1
    return kept, votes


def features(
    c: Candidate, votes: int, same_speaker: int, chosen: bool, quote: QuoteFacts, counts: SurnameCounts
) -> dict[str, float]:
    """The ranker's view of one candidate. ``votes``: patterns proposing this very mention;
    ``same_speaker``: candidates resolving to the same speaker; ``chosen``: the rule cascade's pick.
    Each kind, side and cue feature comes again paired with the pattern that proposed the candidate
    (a name is good news from a cue before the quote, less so from the sentence before)."""
    f = _features(c, votes, same_speaker, chosen, quote, counts)
    for name in list(f):
        if name.startswith(_PAIRED):
            f[c.rule + "&" + name] = f[name]
    return f


_PAIRED = ("kind:", "pronoun:", "side:", "cue:", "near:", "after:")


def _features(
    c: Candidate, votes: int, same_speaker: int, chosen: bool, quote: QuoteFacts, counts: SurnameCounts
) -> dict[str, float]:
    f: dict[str, float] = {"src:" + c.rule: 1.0}
    if chosen:
        f["chosen"] = 1.0
    if votes > 1:
        f["votes"] = min(votes - 1, 3) / 3
    if same_speaker > 1:
        f["agree"] = min(same_speaker - 1, 3) / 3
    speaker = c.speaker
    if speaker is None:
        f["unresolved"] = 1.0
    elif speaker == quote.previous_speaker:
        f["previous_speaker"] = 1.0
    att = c.att
    mention = att.mention if att is not None else None
    if quote.partial:
        f["partial"] = 1.0
    if att is None or mention is None:
        f["kind:carried"] = 1.0
        if quote.previous_here:
            f["carried:same_paragraph"] = 1.0
        if quote.opens_paragraph:
            f["carried:opens_paragraph"] = 1.0
        if not quote.previous_person:
            f["carried:not_person"] = 1.0
        return f
    f["how:" + att.how] = 1.0
    cue = att.cue
    if cue is None:
        f["cue:none"] = 1.0
    elif cue == "according to":
        f["cue:according"] = 1.0
    elif c.rule == "object" and cue in _ADDRESSING:
        f["cue:addressee"] = 1.0  # "told Reuters", "asked the minister": who hears, not who speaks
    elif cue in TEXT_CUE_WORDS:
        f["cue:text"] = 1.0
    elif " " in cue or cue in STRONG_CUE_WORDS:
        f["cue:strong"] = 1.0
    else:
        f["cue:weak"] = 1.0
    kind = mention.kind
    name = mention.name
    words = name.split()
    if kind == "pronoun":
        low = name.lower()
        group = "person" if low in ("he", "she", "him", "her") else "first" if low in ("i", "we") else "other"
        f["pronoun:" + group] = 1.0
    elif kind == "phrase":
        f["kind:phrase"] = 1.0
        if name[:1].islower():
            f["phrase:lower"] = 1.0
        if words and is_speaker_head(words[-1].lower()):
            f["phrase:head"] = 1.0
    else:
        f["kind:name"] = 1.0
        if len(words) == 1:
            f["name:single"] = 1.0
        if is_org_name(words):
            f["name:org"] = 1.0
        if mention.role is not None:
            f["name:role"] = 1.0
    if speaker is not None and " " in speaker and kind != "phrase":
        f["full_name"] = 1.0
        surname = speaker.split()[-1]
        seen = counts.before(surname, quote.open_at)
        f["salience"] = math.log1p(seen) / 3
    assert c.seg is not None
    ctx = c.seg.ctx
    start = ctx.base + mention.start
    end = ctx.base + mention.end
    before = _WORD_BEFORE.search(ctx.text, max(0, mention.start - 40), mention.start)
    if before is not None:
        word = before.group(1).lower()
        if word in _PREPOSITIONS:
            f["after:preposition"] = 1.0  # "wrote to Attorney General Lee", "a letter from …"
        elif word in _LINKS:
            f["after:link"] = 1.0
    if not _LETTER.search(ctx.masked, ctx.sentence_of(mention.start)[0], mention.start):
        f["opens_sentence"] = 1.0
    if c.seg.ctx.index != quote.paragraph:
        f["side:other_paragraph"] = 1.0
        return f
    if end <= quote.open_at:
        side, gap = "left", quote.open_at - end
    elif start >= quote.close_at:
        side, gap = "right", start - quote.close_at
    else:
        side, gap = "inside", 0
    f["side:" + side] = 1.0
    f["near:" + str(next((n for n in _NEAR if gap < n), 999))] = 1.0
    return f
