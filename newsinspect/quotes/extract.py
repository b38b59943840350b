"""The quote-finding pipeline: scan, group, attribute, merge, classify, resolve, build ``Quote``s."""

from __future__ import annotations

from collections.abc import Callable

from newsinspect.model import Article, Quote, QuoteKind, Span
from newsinspect.quotes.attribution import WINDOW, Attribution, attribute, lead_in, previous_sentence
from newsinspect.quotes.classify import is_full, looks_like_title
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.grouping import (
    Group,
    Segment,
    group_paragraph_runs,
    merge_same_sentence,
    merge_split,
    speaker_label,
)
from newsinspect.quotes.people import PersonIndex
from newsinspect.quotes.phrases import Mention
from newsinspect.quotes.resolution import Resolver
from newsinspect.quotes.scanner import scan_paragraph
from newsinspect.quotes.sources import find_source

_SPLIT_JOIN = " … "
_PARAGRAPH_JOIN = " "


def extract_quotes(article: Article, *, apostrophe_quotes: bool = False) -> tuple[Quote, ...]:
    paragraphs = article.paragraphs
    scans = [scan_paragraph(p.text, apostrophe_quotes=apostrophe_quotes) for p in paragraphs]
    if not any(scans):
        return ()
    # Tokens and sentences are prepared only for paragraphs that hold quotes (and, on demand, for
    # the paragraph before one, for a lead-in): most paragraphs never need them.
    contexts: dict[int, ParagraphContext] = {}

    def context(i: int) -> ParagraphContext:
        if i not in contexts:
            contexts[i] = ParagraphContext.build(i, paragraphs[i].start, paragraphs[i].text, scans[i])
        return contexts[i]

    groups = group_paragraph_runs([context(i) for i, scan in enumerate(scans) if scan])
    for g in groups:
        _attribute_group(g)
    _share_within_sentence(groups)
    groups = merge_same_sentence(merge_split(groups))
    _lead_ins(groups, context)
    _previous_sentences(groups)
    # The index of people scans every paragraph: build it only once a quote has a speaker to resolve.
    resolver: Resolver | None = None
    quotes: list[Quote] = []
    previous: tuple[Group, str, str | None] | None = None
    for g in groups:
        kind: QuoteKind = "full" if is_full(g) else "partial"
        speaker: str | None = None
        att = g.attribution
        mention = att.mention if att is not None else None
        seg = g.attributed_by or g.first
        if mention is not None and att is not None and mention.kind == "name" and " " not in mention.name:
            if resolver is None:
                resolver = Resolver(PersonIndex(_masked_paragraphs(article, contexts)))
            if resolver.people.common_word(mention.name, seg.ctx.base + mention.start):
                # "Talk compared it to …": a common word opening the sentence, not a name.
                att = mention = None
        if mention is not None and att is not None:
            if resolver is None:
                resolver = Resolver(PersonIndex(_masked_paragraphs(article, contexts)))
            earlier = paragraphs[max(0, seg.ctx.index - 2)].start
            speaker = resolver.resolve(mention, seg.ctx.base, seg.ctx.index, earlier, att.antecedent)
            resolver.spoke(speaker, mention.kind, seg.ctx.index)
        elif (
            kind == "full" and g.first.opens_paragraph() and _ends_paragraph(g.last) and previous is not None
        ):
            # A paragraph that is nothing but a quotation continues the speaker of the full quote that
            # ends the paragraph before it.
            prev_group, prev_kind, prev_speaker = previous
            if (
                prev_speaker is not None
                and prev_kind == "full"
                and prev_group.last.ctx.index == g.first.ctx.index - 1
                and (_ends_paragraph(prev_group.last) or _credit_ends_paragraph(prev_group))
            ):
                speaker = prev_speaker
        elif kind == "full" and previous is not None:
            # A second full quote in the paragraph, with no cue of its own, is the same speaker's.
            prev_group, prev_kind, prev_speaker = previous
            if prev_speaker is not None and prev_kind == "full" and prev_group.last.ctx is g.first.ctx:
                speaker = prev_speaker
        if (kind == "partial" and att is None) or (
            (att is None or kind == "partial") and looks_like_title(g)
        ):
            continue  # a scare quote, a title or a subheading in quotation marks
        quotes.append(_build(article, g, kind, speaker, att, seg))
        previous = (g, kind, speaker)
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(quotes)


def _masked_paragraphs(article: Article, contexts: dict[int, ParagraphContext]) -> list[tuple[int, int, str]]:
    """(index, offset, text) of every paragraph, with the quotes masked where they were found."""
    paragraphs = enumerate(article.paragraphs)
    return [(i, p.start, contexts[i].masked if i in contexts else p.text) for i, p in paragraphs]


def _attribute_group(g: Group) -> None:
    """A transcript label ("WALLACE: …") names the speaker; otherwise try the last segment (cue
    after the close), then the first, then the rest."""
    label = speaker_label(g.first.ctx.text, g.first.raw.start)
    if label is not None:
        name = g.first.ctx.text[label[0] : label[1]]
        g.attribution = Attribution(Mention("name", label[0], label[1], name.title()), None, "label")
        g.attributed_by = g.first
        return
    order = [g.last, g.first, *g.segments[1:-1]] if len(g.segments) > 1 else [g.first]
    for seg in order:
        att = attribute(seg.ctx, seg.raw)
        if att is not None:
            g.attribution, g.attributed_by = att, seg
            return


def _share_within_sentence(groups: list[Group]) -> None:
    """A quote with no cue of its own takes the attribution of another quote in its sentence."""
    for i, g in enumerate(groups):
        if g.attribution is not None or len(g.segments) != 1:
            continue
        ctx = g.first.ctx
        sentence = ctx.sentence_of(g.first.raw.open_mark)
        for j in (i - 1, i + 1):
            if 0 <= j < len(groups):
                other = groups[j]
                if (
                    other.attribution is not None
                    and other.attributed_by is not None
                    and other.attributed_by.ctx is ctx
                    and ctx.sentence_of(other.attributed_by.raw.open_mark) == sentence
                ):
                    g.attribution, g.attributed_by = other.attribution, other.attributed_by
                    break


def _lead_ins(groups: list[Group], context: Callable[[int], ParagraphContext]) -> None:
    """“Okafor said:” closing one paragraph attributes the quote that opens the next."""
    for g in groups:
        if g.attribution is not None or not g.first.opens_paragraph() or g.first.ctx.index == 0:
            continue
        prev_ctx = context(g.first.ctx.index - 1)
        att = lead_in(prev_ctx)
        if att is not None:
            g.attribution, g.attributed_by = att, Segment(prev_ctx, g.first.raw)


def _previous_sentences(groups: list[Group]) -> None:
    """A full quote standing as a sentence of its own, with no cue, takes the reporting verb and subject
    of the sentence before it in its paragraph."""
    for g in groups:
        if g.attribution is not None or len(g.segments) != 1 or g.first.opens_paragraph() or not is_full(g):
            continue
        att = previous_sentence(g.first.ctx, g.first.raw)
        if att is not None:
            g.attribution, g.attributed_by = att, g.first


def _credit_ends_paragraph(g: Group) -> bool:
    """The quote ends its paragraph but for the credit right after it (“…,” she said.)."""
    att, seg = g.attribution, g.last
    if (
        att is None
        or att.how not in ("after", "dash")
        or g.attributed_by is not seg
        or seg.raw.close_mark is None
    ):
        return False
    return not seg.ctx.masked[seg.ctx.sentence_of(seg.raw.close_mark)[1] :].strip()


def _ends_paragraph(seg: Segment) -> bool:
    close = seg.raw.close_mark
    return close is None or not seg.ctx.masked[close + 1 :].strip(" .,”\"’'")


def _build(
    article: Article, g: Group, kind: QuoteKind, speaker: str | None, att: Attribution | None, seg: Segment
) -> Quote:
    text = article.text
    parts = [text[g.segments[0].start : g.segments[0].end]]
    for paragraph_break, s in zip(g.continued, g.segments[1:], strict=True):
        parts.append(_PARAGRAPH_JOIN if paragraph_break else _SPLIT_JOIN)
        parts.append(text[s.start : s.end])
    mention_span = None
    role = cue = source = None
    if att is not None:
        cue = att.cue
        if att.mention is not None:
            m = att.mention
            a, b = seg.ctx.base + m.start, seg.ctx.base + m.end
            mention_span = Span(text[a:b], a, b)
            role = m.role
        if att.how != "according":
            ctx = seg.ctx
            if any(s is seg for s in g.segments):
                open_at, close_at = ctx.quote_extent(seg.raw)
            else:  # a lead-in closing the previous paragraph
                open_at = close_at = len(ctx.text)
            lo = max(ctx.sentence_of(open_at)[0], open_at - WINDOW)
            hi = min(ctx.sentence_of(max(open_at, close_at - 1))[1], close_at + WINDOW)
            source = find_source(ctx, lo, hi, att.mention)
    if speaker is None and att is None:
        cue = None
    return Quote(
        text="".join(parts),
        kind=kind,
        speaker=speaker,
        speaker_mention=mention_span,
        role=role,
        cue=cue,
        source=source,
        paragraph=g.first.ctx.index,
        start=g.first.start,
        end=g.last.end,
    )
