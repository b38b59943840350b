"""The quote-finding pipeline: scan, group, attribute, merge, classify, resolve, build ``Quote``s."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator

from newsinspect.model import Article, Paragraph, Quote, QuoteKind, Span
from newsinspect.people import People
from newsinspect.quotes.attribution import (
    WINDOW,
    Attribution,
    attribute,
    closing_subject,
    dash_credit,
    lead_in,
    passive_cue,
    previous_sentence,
    previous_subject,
    readings,
)
from newsinspect.quotes.classify import is_full, looks_like_title, names_a_work
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.cues import STRONG_CUE_WORDS
from newsinspect.quotes.grouping import (
    Group,
    Segment,
    group_paragraph_runs,
    merge_same_sentence,
    merge_split,
    speaker_label,
)
from newsinspect.quotes.marks import writes_apostrophe_quotes
from newsinspect.quotes.people import PersonIndex
from newsinspect.quotes.phrases import Mention
from newsinspect.quotes.ranker import best, needs_scores
from newsinspect.quotes.resolution import Resolver
from newsinspect.quotes.salience import SurnameCounts
from newsinspect.quotes.scanner import scan_paragraph
from newsinspect.quotes.sources import find_source, is_outlet
from newsinspect.quotes.speakers import Candidate, QuoteFacts, dedupe, features, mention_span
from newsinspect.text.runs import FUNCTION_WORDS
from newsinspect.text.tokens import Form

_SPLIT_JOIN = " … "
_PARAGRAPH_JOIN = " "


# What training reads for each quote: the quote, its candidates (features, speaker, mention span) and
# the index of the one chosen.
Trace = list[tuple[Quote, list[tuple[dict[str, float], str | None, tuple[int, int] | None]], int]]
_RULE = frozenset(["rule", "carried_rule"])
# The readings of a quote's own sentence (``attribution.readings``): the only credits a fragment no rule
# credits can take.
_OWN_SENTENCE = frozenset(["left", "right", "object", "opening", "according"])
_TAIL = 300  # characters of the paragraph before a quote read for its last sentence's subject


def extract_quotes(
    article: Article,
    *,
    apostrophe_quotes: bool = False,
    trace: Trace | None = None,
    people: People | None = None,
) -> tuple[Quote, ...]:
    paragraphs = article.paragraphs
    scans = [scan_paragraph(p.text, apostrophe_quotes=apostrophe_quotes) for p in paragraphs]
    if not any(scans):
        return ()
    if not apostrophe_quotes and writes_apostrophe_quotes(article.text):
        # A text that writes ''…'' for “…” (not read) puts only nested quotes in single marks: each is a
        # piece of a quote left unread, never a quote of its own.
        scans = [scan.without_single() for scan in scans]
    # Tokens and sentences are prepared only for paragraphs that hold quotes (and, on demand, for
    # the paragraph before one, for a lead-in): most paragraphs never need them.
    contexts: dict[int, ParagraphContext] = {}
    # The contexts are held to the end: their tokens share one string per distinct word of the article
    # (a string per word of each paragraph was some 2 times the input on a text of quoted paragraphs).
    forms: dict[str, Form] = {}

    def context(i: int) -> ParagraphContext:
        if i not in contexts:
            contexts[i] = ParagraphContext.build(i, paragraphs[i].start, paragraphs[i].text, scans[i], forms)
        return contexts[i]

    prepared = _prepared([context(i) for i, scan in enumerate(scans) if scan], paragraphs, context)
    # The index of people scans every paragraph: build it only once a quote has a speaker to resolve.
    resolver: Resolver | None = None
    counts = SurnameCounts(article.text)
    quotes: list[Quote] = []
    previous: tuple[Group, str, str | None] | None = None
    # The last quote built, as built (a quote carrying on from it joins it).
    built: tuple[Group, QuoteKind, str | None, Attribution | None, Segment] | None = None
    for g in _ahead(prepared, _AHEAD):
        kind: QuoteKind = "full" if is_full(g) else "partial"
        att = g.attribution
        mention = att.mention if att is not None else None
        seg = g.attributed_by or g.first
        if att is not None and _names_a_function_word(att):
            att = mention = None  # "Just because you …": capitalised by its place, not a name
        elif mention is not None and mention.kind == "name" and " " not in mention.name:
            if resolver is None:
                resolver = Resolver(PersonIndex(_masked_paragraphs(article, contexts)))
            if resolver.people.common_word(mention.name, seg.ctx.base + mention.start):
                # "Talk compared it to …": a common word opening the sentence, not a name.
                att = mention = None
        if ((att is None or kind == "partial") and looks_like_title(g)) or names_a_work(g):
            continue  # a title or a subheading in quotation marks
        # A fragment no rule credits is a scare quote unless a reading of its own sentence names a
        # speaker the ranker is sure of ("Lee referred to the plan as “a gift”").
        scare = kind == "partial" and att is None
        carried = _carried_speaker(g, kind, att, previous)
        person_before = resolver is not None and resolver.last_speaker_is_person
        found = _candidates(g, att, seg, carried, previous, person_before, paragraphs, context)
        if scare:
            found = [c for c in found if c.rule in _OWN_SENTENCE and not _cue_turned_down(c)]
        if any(c.att is not None for c in found) and resolver is None:
            resolver = Resolver(PersonIndex(_masked_paragraphs(article, contexts)))
        if resolver is not None:
            found = [c for c in found if not _reads_a_common_word(c, resolver.people)]
        if scare and not found:
            continue
        found, votes = dedupe(found)
        cands = _resolved(found, resolver, paragraphs, people) if resolver is not None else found
        guess = not cands or cands[0].rule not in _RULE
        if trace is None and not needs_scores(len(cands), guess):
            table: list[dict[str, float]] = []  # none, or the rule's one: it wins whatever its score
            pick = 0 if cands else -1
        else:
            facts = _facts(g, kind, previous, resolver)
            table = [
                features(
                    c,
                    votes[i],
                    sum(1 for o in cands if o.speaker == c.speaker),
                    i == 0 and c.rule in _RULE,
                    facts,
                    counts,
                )
                for i, c in enumerate(cands)
            ]
            pick = best(table, guess=guess, sure=scare)
        if scare and pick < 0:
            continue
        chosen = cands[pick] if pick >= 0 else None
        if chosen is not None and resolver is not None and chosen.rule != "rule" and chosen.speaker is None:
            chosen = chosen._replace(speaker=_resolve(chosen, resolver, paragraphs, remember=True))
        speaker = chosen.speaker if chosen is not None else None
        if speaker is not None and people is not None and chosen is not None:
            speaker = people.speaker_name(speaker, mention_span(chosen))
        c_att = chosen.att if chosen is not None else None
        c_seg = chosen.seg if chosen is not None and chosen.seg is not None else seg
        if chosen is not None and chosen.rule == "carried_rule" and built is not None:
            # “…,” Lee said. then “…” standing alone: the same statement going on, one quote in parts.
            b_group, b_kind, b_speaker, b_att, b_seg = built
            b_group.continued.append(g.first.ctx is not b_group.last.ctx)
            b_group.segments.extend(g.segments)
            b_group.continued.extend(g.continued)
            quotes[-1] = _build(article, b_group, b_kind, b_speaker, b_att, b_seg)
            if trace is not None:
                trace[-1] = (quotes[-1], trace[-1][1], trace[-1][2])
            previous = (b_group, b_kind, b_speaker)
            continue
        quote = _build(article, g, kind, speaker, c_att, c_seg)
        quotes.append(quote)
        built = (g, kind, speaker, c_att, c_seg)
        if resolver is not None and chosen is not None and c_att is not None and c_att.mention is not None:
            m = c_att.mention
            if speaker is not None and m.kind == "pronoun":
                resolver.remember(m.name, c_seg.ctx.base + m.start, speaker)
            resolver.spoke(speaker, m.kind, c_seg.ctx.index)
        if trace is not None:
            trace.append(
                (quote, [(t, c.speaker, mention_span(c)) for t, c in zip(table, cands, strict=True)], pick)
            )
        previous = (g, kind, speaker)
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(quotes)


def _names_a_function_word(att: Attribution) -> bool:
    """A reading whose speaker is one capitalised function word ("Just because you …", "Even …"): a
    word capitalised by its place in the sentence, never a name. An acronym of three letters or fewer
    ("US", "WHO") is a name that happens to spell one."""
    mention = att.mention
    if mention is None or mention.kind != "name" or " " in mention.name:
        return False
    name = mention.name
    return name.lower() in FUNCTION_WORDS and not (name.isupper() and len(name) <= 3)


def _reads_a_common_word(c: Candidate, people: PersonIndex) -> bool:
    """A reading whose speaker is one capitalised word that is no name: a function word, a word opening its
    sentence that the article also writes in lower case ("Keep the lid on …", "Imagine …"), or a label or
    an instruction opening it ("Photo by: …", "Use the …")."""
    if c.att is None or c.seg is None:
        return False
    mention = c.att.mention
    if mention is None or " " in mention.name:
        return False
    offset = c.seg.ctx.base + mention.start
    if mention.kind != "name":
        return mention.kind == "phrase" and people.label_or_instruction(mention.name, offset)
    return _names_a_function_word(c.att) or people.common_word(mention.name, offset)


def _cue_turned_down(c: Candidate) -> bool:
    """The subject opening a sentence whose cue is passive ("Okafor was told …"): who the words are
    about, no credit for a fragment."""
    if c.rule != "opening" or c.seg is None:
        return False
    ctx = c.seg.ctx
    return passive_cue(ctx, ctx.sentence_of(c.seg.raw.open_mark)[0], c.seg.raw.open_mark)


def _facts(
    g: Group, kind: QuoteKind, previous: tuple[Group, str, str | None] | None, resolver: Resolver | None
) -> QuoteFacts:
    """What the ranker's features need to know about the quote itself."""
    recent = previous is not None and previous[0].last.ctx.index >= g.first.ctx.index - 1
    return QuoteFacts(
        g.first.ctx.base + g.first.raw.open_mark,
        g.last.ctx.base + g.last.ctx.quote_extent(g.last.raw)[1],
        g.first.ctx.index,
        kind == "partial",
        g.first.opens_paragraph(),
        previous[2] if previous is not None and recent else None,
        previous is not None and previous[0].last.ctx is g.first.ctx,
        resolver is not None and resolver.last_speaker_is_person,
    )


def _carried_speaker(
    g: Group, kind: str, att: Attribution | None, previous: tuple[Group, str, str | None] | None
) -> str | None:
    """The speaker a quote with no attribution of its own carries over from the quote before: a
    paragraph that is nothing but a quotation continues the full quote ending the paragraph before; a
    second full quote in a paragraph continues the first."""
    if att is not None or kind != "full" or previous is None:
        return None
    prev_group, prev_kind, prev_speaker = previous
    if prev_speaker is None or prev_kind != "full":
        return None
    if g.first.opens_paragraph() and _ends_paragraph(g.last):
        if prev_group.last.ctx.index == g.first.ctx.index - 1 and (
            _ends_paragraph(prev_group.last) or _credit_ends_paragraph(prev_group)
        ):
            return prev_speaker
        return None
    return prev_speaker if prev_group.last.ctx is g.first.ctx else None


def _candidates(
    g: Group,
    att: Attribution | None,
    seg: Segment,
    carried: str | None,
    previous: tuple[Group, str, str | None] | None,
    person_before: bool,
    paragraphs: tuple[Paragraph, ...],
    context: Callable[[int], ParagraphContext],
) -> list[Candidate]:
    """The rule cascade's choice first, then every other reading (see ``speakers``)."""
    found: list[Candidate] = []
    settled = att is not None and _settled(att)
    if att is not None:
        found.append(Candidate("rule", att, seg, None))
        if settled and not any(_second_credit(s) for s in g.segments):
            return found
    elif carried is not None:
        found.append(Candidate("carried_rule", None, None, carried))
    segs = [g.first] if g.last is g.first else [g.last, g.first]
    for s in segs:
        for rule, reading in readings(s.ctx, s.raw):
            # “…,” Lee said, according to the Gazette: Lee speaks, the outlet is the channel (``source``);
            # "according to a transcript", "… to officials" may still be the credit the text gives.
            if not (settled and rule == "according" and is_outlet(reading.mention, s.ctx.text)):
                found.append(Candidate(rule, reading, s, None))
    first = g.first
    prev = previous_subject(first.ctx, first.raw)
    if prev is not None:
        found.append(Candidate("previous", prev, first, None))
    index = first.ctx.index
    if first.opens_paragraph() and index > 0:
        lead = None
        if paragraphs[index - 1].text.rstrip().endswith(":"):
            before = context(index - 1)
            lead = lead_in(before)
            if lead is not None:
                found.append(Candidate("lead_in", lead, Segment(before, first.raw), None))
        if lead is None and att is None:
            # Only the paragraph's last sentence is read: its tail, cut at a sentence end.
            p = paragraphs[index - 1]
            cut = p.text.rfind(". ", 0, max(0, len(p.text) - _TAIL)) + 1
            tail = ParagraphContext.build(index - 1, p.start + cut, p.text[cut:])
            closing = closing_subject(tail)
            # A name or a pronoun goes on speaking in the next paragraph; "The harbor was quiet." does not.
            if closing is not None and closing.mention is not None and closing.mention.kind != "phrase":
                found.append(Candidate("prev_paragraph", closing, Segment(tail, first.raw), None))
    # The previous quote's speaker goes on speaking only if a person ("a sign read" does not).
    if (
        previous is not None
        and previous[2] is not None
        and previous[2] != carried
        and person_before
        and previous[0].last.ctx.index >= index - 1
    ):
        found.append(Candidate("carried", None, None, previous[2]))
    return found


def _settled(att: Attribution) -> bool:
    """A credit right after the quote (“…,” Okafor said), or a name or "he"/"she" before it with a strong
    cue: on the training split the ranker (almost) never overturns these (2,470 quotes after: same picks
    as the rules; 1,275 before: 3 changed), so they skip the other readings, which are the ranker's cost."""
    m = att.mention
    if m is None:
        return False
    if att.how == "after":
        return True
    strong = att.cue is not None and (" " in att.cue or att.cue in STRONG_CUE_WORDS)
    return att.how == "before" and strong and (m.kind == "name" or m.name.lower() in ("he", "she"))


def _second_credit(seg: Segment) -> bool:
    """“…,” said Lee, reports the Gazette: a credit the rules settle may still give way to another the
    sentence names after it (a second cue)."""
    close = seg.raw.close_mark
    if close is None:
        return False
    ctx = seg.ctx
    return len(ctx.cues_between(close, ctx.sentence_of(close)[1])) > 1


def _resolved(
    found: list[Candidate], resolver: Resolver, paragraphs: tuple[Paragraph, ...], people: People | None
) -> list[Candidate]:
    """The candidates with their speakers resolved: the rule cascade's choice by the resolver, the other
    readings' names by the people index alone (a look-up, not a search of the article). A pronoun that
    only another reading proposes is resolved once the ranker picks it (``_resolve``)."""
    out: list[Candidate] = []
    for c in found:
        m = c.att.mention if c.att is not None else None
        if m is None or (m.kind == "pronoun" and c.rule != "rule"):
            out.append(c)
        elif c.rule == "rule" or m.kind != "name":
            out.append(c._replace(speaker=_resolve(c, resolver, paragraphs)))
        else:
            named = people.speaker_name(m.name, mention_span(c)) if people is not None else m.name
            if c.rule == "label" and (named is None or " " not in named):
                continue  # "Example: “…”": a label is a speaker only as a person's full name
            out.append(c._replace(speaker=named))
    return out


def _resolve(
    c: Candidate, resolver: Resolver, paragraphs: tuple[Paragraph, ...], remember: bool = False
) -> str | None:
    if c.att is None or c.att.mention is None or c.seg is None:
        return c.speaker
    earlier = paragraphs[max(0, c.seg.ctx.index - 2)].start
    ctx = c.seg.ctx
    return resolver.resolve(c.att.mention, ctx.base, ctx.index, earlier, c.att.antecedent, remember=remember)


def _masked_paragraphs(article: Article, contexts: dict[int, ParagraphContext]) -> list[tuple[int, int, str]]:
    """(index, offset, text) of every paragraph, with the quotes masked where they were found."""
    paragraphs = enumerate(article.paragraphs)
    return [(i, p.start, contexts[i].masked if i in contexts else p.text) for i, p in paragraphs]


def _prepared(
    contexts: list[ParagraphContext],
    paragraphs: tuple[Paragraph, ...],
    context: Callable[[int], ParagraphContext],
) -> Iterator[Group]:
    """The quotes as groups, attributed by the rules, merged and credited, one at a time: each step looks
    at a group and its neighbours only, so no list of every group is held (a paragraph can hold a quote
    candidate every few characters, and a group costs some 250 bytes)."""
    # Generator functions, not expressions: mypyc compiles a generator expression as a list comprehension.
    shared = _share_within_sentence(_attributed(group_paragraph_runs(contexts)))
    for g in merge_same_sentence(merge_split(_not_titles(shared))):
        _lead_in(g, context)
        _dash_credit(g, paragraphs, context)
        _previous_sentence(g)
        yield g


# Groups prepared ahead of the one whose quote is built. The index of people, made when the first quote
# needs it, reads the paragraphs prepared so far as the quote finder sees them (quotes and stretches of
# 256 characters without white space masked): an article of up to this many quotes is prepared whole
# before any is built, as when every group was held; past it, a paragraph without quotes that a later
# lead-in or dash credit reads may be indexed unmasked.
_AHEAD = 4096


def _ahead(groups: Iterator[Group], n: int) -> Iterator[Group]:
    """``groups``, each yielded once the ``n`` after it are prepared."""
    window = deque(itertools.islice(groups, n))
    for g in groups:
        window.append(g)
        yield window.popleft()
    yield from window


def _attributed(groups: Iterator[Group]) -> Iterator[Group]:
    for g in groups:
        yield _attribute_group(g)


def _not_titles(groups: Iterator[Group]) -> Iterator[Group]:
    """A title (CNN’s “State of the Union”) is no quote, nor a piece of the quote beside it."""
    for g in groups:
        if not names_a_work(g):
            yield g


def _attribute_group(g: Group) -> Group:
    """A transcript label ("WALLACE: …") names the speaker; otherwise try the last segment (cue
    after the close), then the first, then the rest."""
    label = speaker_label(g.first.ctx.text, g.first.raw.start)
    if label is not None:
        name = g.first.ctx.text[label[0] : label[1]]
        g.attribution = Attribution(Mention("name", label[0], label[1], name.title()), None, "label")
        g.attributed_by = g.first
        return g
    order = [g.last, g.first, *g.segments[1:-1]] if len(g.segments) > 1 else [g.first]
    for seg in order:
        att = attribute(seg.ctx, seg.raw)
        if att is not None:
            g.attribution, g.attributed_by = att, seg
            return g
    return g


def _share_within_sentence(groups: Iterator[Group]) -> Iterator[Group]:
    """A quote with no cue of its own takes the attribution of a neighbouring quote in its sentence (the
    one before as already shared, the one after as the rules attributed it)."""
    before: Group | None = None
    g = next(groups, None)
    while g is not None:
        after = next(groups, None)
        if g.attribution is None and len(g.segments) == 1:
            ctx = g.first.ctx
            sentence = ctx.sentence_of(g.first.raw.open_mark)
            for other in (before, after):
                if (
                    other is not None
                    and other.attribution is not None
                    and other.attributed_by is not None
                    and other.attributed_by.ctx is ctx
                    and ctx.sentence_of(other.attributed_by.raw.open_mark) == sentence
                ):
                    g.attribution, g.attributed_by = other.attribution, other.attributed_by
                    break
        yield g
        before, g = g, after


def _lead_in(g: Group, context: Callable[[int], ParagraphContext]) -> None:
    """“Okafor said:” closing one paragraph attributes the quote that opens the next."""
    if g.attribution is not None or not g.first.opens_paragraph() or g.first.ctx.index == 0:
        return
    prev_ctx = context(g.first.ctx.index - 1)
    att = lead_in(prev_ctx)
    if att is not None:
        g.attribution, g.attributed_by = att, Segment(prev_ctx, g.first.raw)


def _dash_credit(
    g: Group, paragraphs: tuple[Paragraph, ...], context: Callable[[int], ParagraphContext]
) -> None:
    """A quote ending its paragraph, with no credit of its own, takes a credit after a dash that makes
    up the next paragraph (“…” then "— Ann Lee, in a post on Monday.")."""
    index = g.last.ctx.index + 1
    if g.attribution is not None or index >= len(paragraphs) or not _ends_paragraph(g.last):
        return
    if paragraphs[index].text.lstrip()[:1] not in _DASH_STARTS:
        return
    after = context(index)
    att = dash_credit(after)
    if att is not None:
        g.attribution, g.attributed_by = att, Segment(after, g.last.raw)


_DASH_STARTS = frozenset("-—–―")


def _previous_sentence(g: Group) -> None:
    """A full quote standing as a sentence of its own, with no cue, takes the reporting verb and subject
    of the sentence before it in its paragraph."""
    if g.attribution is not None or len(g.segments) != 1 or g.first.opens_paragraph() or not is_full(g):
        return
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
