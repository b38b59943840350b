"""Who said a quote: reporting patterns around it, tried from the most to the least specific.

1. right after the quote: “…,” Okafor said / said Okafor / — Commissioner Ann Lee
2. right before it: Okafor said: “…” / He told reporters, “…”
3. a cue elsewhere in the quote's sentence, before, then after it (partial quotes)
4. "according to X" when nothing else names a speaker
5. a cue in the sentence before, for a full quote that is a sentence of its own (``previous_sentence``)
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from newsinspect import lexicon
from newsinspect.quotes.context import ParagraphContext
from newsinspect.quotes.cues import (
    CUE_NOUNS,
    CUE_WORDS,
    NOUN_ONLY_CUES,
    OBJECT_NOT_SPEAKER,
    STRONG_CUE_WORDS,
    TEXT_CUE_WORDS,
)
from newsinspect.quotes.names import PRONOUNS
from newsinspect.quotes.phrases import (
    Mention,
    is_speaker_head,
    object_after,
    phrase_before,
    sentence_subject,
    subject_of,
)
from newsinspect.quotes.scanner import RawQuote
from newsinspect.quotes.tokens import MASK, Token
from newsinspect.text.tokens import Tokens

WINDOW = 400  # characters on either side of a quote searched for its attribution
_DASHES = ("—", "–", "―", "--", "-")
_COMMA_OR_DASHES = (",", *_DASHES)
_INNER_CLOSING_MARKS = "'’”\" "
_ACCORDING = "according to"
_ADVERBIAL = lexicon.words("cue_phrases_adverbial")
_SUBORDINATORS = lexicon.words("subordinators_before_subject")
_OPENING_SUBORDINATORS = lexicon.words("clause_openers_fronted")
_CLAUSE_SUBORDINATORS = lexicon.words("clause_subordinators")
_AUXILIARY_OR_ADVERB = lexicon.words("auxiliaries_and_adverbs_before_cue")
_IMPERSONAL = frozenset(["it", "they"])
_COLLECTIVE_HEADS = lexicon.words("collective_heads")
_COORDINATORS = lexicon.words("coordinators")
_PREPOSITIONS = lexicon.words("prepositions_common")
_CLAUSE_OPENERS = frozenset([",", ";", "that", "but"])
_CLAUSE_BREAK = frozenset([",", ";", "but"])  # what ends the clause of a cue before a colon's own clause
_CREDIT_ENDS = frozenset([".", ",", ";", "(", "!", "?"])
_BE = lexicon.words("be_forms")
_IRREGULAR_PARTICIPLES = lexicon.words("cue_participles_irregular")
_NOUN_MARKERS = lexicon.words("noun_markers")
_INDEFINITE = lexicon.words("indefinite_speakers")
# A possessive pronoun owning a speech-act noun ("his call for “…”") stands for its subject form.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


class Attribution(NamedTuple):
    mention: Mention | None
    cue: str | None
    how: str  # which pattern found it: after, before, colon, sentence, according, dash, previous
    # For "it" or "they": the body or group opening the pronoun's sentence ("The council … what it
    # called “…”"), which the pronoun stands for.
    antecedent: Mention | None = None


class _Cue(NamedTuple):
    text: str
    first: int  # token index of the cue's first word
    last: int  # token index of its last word
    possessive: bool = False  # a noun after its owner's name ("Okafor’s claim")
    owner: int = -1  # the owner's token when an adjective stands between ("Okafor’s bold claim"), else -1


def _cues(ctx: ParagraphContext, start: int, end: int) -> list[_Cue]:
    """Cues in ``ctx.masked[start:end]`` with their token indices, leaving out nouns ("a tweet",
    "the report")."""
    found = []
    for i in ctx.cues_between(start, end):
        first, last = ctx.cues[i]
        before = ctx.tokens[first - 1] if first > 0 else None
        if first == last and first > 0 and _passive(ctx, first):
            continue  # "Okafor was widely criticised": the subject is who the words are about
        text = ctx.cue_texts[i]
        if first >= 2 and text in CUE_NOUNS and before is not None and _adjective(before):
            # "his repeated calls for “…”", "Okafor’s bold claim that …": the owner before the adjective.
            owner = ctx.tokens[first - 2]
            if (owner.lower in _POSSESSIVE_PRONOUNS or _owner_name(owner)) and _introduces(ctx, last):
                found.append(_Cue(text, first, last, possessive=True, owner=first - 2))
                continue
        if before is not None and before.lower in _POSSESSIVE_PRONOUNS and text in CUE_NOUNS:
            # "his call for “…”", "their warning that …": the owner of the words speaks, when the noun
            # leads into them ("their accusations and … words like “maybe”" does not).
            if _introduces(ctx, last):
                found.append(_Cue(text, first, last, possessive=True))
            continue
        owned = before is not None and _owner_name(before)
        if text in NOUN_ONLY_CUES and not (owned and _introduces(ctx, last)):
            continue  # "a plea", "the description": a noun, no speaker
        if before is None:
            found.append(_Cue(ctx.cue_texts[i], first, last))
        elif owned:
            # "Okafor’s claim that …": the owner of the words speaks; tried after every verb.
            found.append(_Cue(ctx.cue_texts[i], first, last, possessive=True))
        elif (
            before.lower not in _NOUN_MARKERS
            or (before.lower in _INDEFINITE and ctx.tokens[last].lower.endswith("ed"))
        ) and not before.lower.endswith(("’s", "'s")):
            # "another tweet" is a noun, "Another tweeted" a verb.
            found.append(_Cue(ctx.cue_texts[i], first, last))
    return found


# What a speech-act noun's words follow: "his call for", "her claim that", "a pledge to", "his remarks on".
_NOUN_COMPLEMENTS = frozenset(["that", "for", "to", "of", "about", "on", ":", ","])


def _introduces(ctx: ParagraphContext, last: int) -> bool:
    """The cue noun ending at token ``last`` leads straight into a quote or a complement that holds one."""
    toks = ctx.tokens
    if last + 1 >= len(toks):
        return False
    gap = ctx.masked[toks[last].end : toks[last + 1].start]
    return toks[last + 1].lower in _NOUN_COMPLEMENTS or MASK in gap


def _adjective(tok: Token) -> bool:
    """A lowercase word that may qualify a cue noun ("repeated", "bold"): no article, possessive or verb."""
    return (
        tok.is_word()
        and tok.text.islower()
        and tok.lower not in _NOUN_MARKERS
        and tok.lower not in CUE_WORDS
        and not tok.lower.endswith(("’s", "'s"))
    )


def _owner_name(tok: Token) -> bool:
    """A capitalised possessive ("Okafor’s") that can own a cue noun."""
    return tok.lower.endswith(("’s", "'s")) and tok.text[0].isupper()


def _owner(toks: Tokens, cue: _Cue, lo: int, text: str) -> Mention | None:
    """Who owns a possessive cue: "his" (read as "he") in "his call for", else the phrase ending
    before the cue ("Okafor’s claim")."""
    at = cue.owner if cue.owner >= 0 else cue.first - 1
    tok = toks[at]
    subject = _POSSESSIVE_PRONOUNS.get(tok.lower)
    if subject is not None:
        return Mention("pronoun", tok.start, tok.end, subject)
    return phrase_before(toks, at, lo, text)


def passive_cue(ctx: ParagraphContext, start: int, end: int) -> bool:
    """A cue in ``ctx.masked[start:end]`` in the passive voice ("Okafor was told …")."""
    for i in ctx.cues_between(start, end):
        first, last = ctx.cues[i]
        if first == last and first > 0 and _passive(ctx, first):
            return True
    return False


def _passive(ctx: ParagraphContext, i: int) -> bool:
    """A past participle after a form of "be" (adverbs between): "was told", "were widely ridiculed".
    A quote between the two ("is “…” reported") breaks the link."""
    toks = ctx.tokens
    before = toks[i - 1].lower
    if before not in _BE and not before.endswith("ly"):
        return False  # most cues: no "be" and no adverb right before
    word = toks[i].lower
    if not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
        return False
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].lower.endswith("ly") and toks[k].text.islower():
        k -= 1
    return k >= 0 and toks[k].lower in _BE and MASK not in ctx.masked[toks[k].end : toks[i].start]


def _verbal(cue: _Cue) -> bool:
    """A cue that takes a subject (not "according to" or "in a statement")."""
    return cue.text not in _ADVERBIAL


def _left_order(toks: Tokens, cues: list[_Cue], left_lo: int, left_hi: int) -> list[_Cue]:
    """The order to try cues before a quote: a verb that introduces it directly ("Lee boasted, “…”")
    first; then the reporting verb that governs the clause holding the quote (Okafor said … that Lee
    called it “…”; She said she recalls “…”), then strong cues nearest first, then the other verbs from
    the left (the main clause's verb before one nested in it: "Okafor accused them of … what he called
    “…”"). Verbs in an opening subordinate clause ("When Okafor noted that …, Lee said “…”") come
    last: the quote belongs to the main clause."""
    if not cues:
        return []
    opening = _opening_clause_end(toks, left_lo, left_hi)
    inside: list[_Cue] = []
    if opening > left_lo:
        inside = [c for c in cues if c.last < opening and c.text not in TEXT_CUE_WORDS]
        cues = [c for c in cues if c.last >= opening]
    last = cues[-1] if cues else None
    direct = (
        last
        if last is not None
        and _verbal(last)
        and not last.possessive
        and last.last + 2 == left_hi
        and toks[last.last + 1].text in (",", ":")
        else None
    )
    if any(c.text in TEXT_CUE_WORDS for c in cues):
        cues = [c for c in cues if c.text not in TEXT_CUE_WORDS]
    ordered = _clause_order(toks, cues, left_hi)
    inner = _inner_pronoun_cue(toks, cues, left_lo)
    if inner is not None and ordered and inner is not ordered[0] and inner.first > ordered[0].last:
        # "Lee said … the plan, which he called “…”": a pronoun's own verb in a clause nearer the quote
        # credits it, not the verb that governs the sentence.
        ordered.remove(inner)
        ordered.insert(0, inner)
    if direct is not None:
        if direct in ordered:
            ordered.remove(direct)
        ordered.insert(0, direct)
    if inside:
        ordered += _clause_order(toks, inside, opening)
    return ordered


_INNER_CLAUSE_WORDS = frozenset(["which", "who", "whom", "though", "although", "while", "because", ","])
_PERSONAL = frozenset(["he", "she", "they", "we", "i"])


def _inner_pronoun_cue(toks: Tokens, cues: list[_Cue], lo: int) -> _Cue | None:
    """The last verbal cue before the quote whose subject is a personal pronoun opening a clause of its
    own ("…, which he called", "though she said"), or None."""
    for c in reversed(cues):
        if c.possessive or not _verbal(c) or c.first - 2 < lo:
            continue
        if toks[c.first - 1].lower in _PERSONAL and toks[c.first - 2].lower in _INNER_CLAUSE_WORDS:
            return c
        return None
    return None


def _opening_clause_end(toks: Tokens, lo: int, hi: int) -> int:
    """The token index after the comma or dash closing a subordinate clause that opens the sentence
    ("When Okafor noted that …, "), or ``lo`` when the sentence does not open with one."""
    if lo >= hi or toks[lo].lower not in _OPENING_SUBORDINATORS:
        return lo
    for k in range(lo + 1, min(hi, lo + 40)):
        if toks[k].text == "," or toks[k].text in _DASHES:
            return k + 1
    return lo


def _clause_order(toks: Tokens, cues: list[_Cue], left_hi: int) -> list[_Cue]:
    if not cues:
        return []
    owned = [c for c in reversed(cues) if c.possessive]
    cues = [c for c in cues if not c.possessive]
    verbal = [c for c in cues if _verbal(c)]
    # A cue in a relative clause ("a woman who suggested that …") is not the sentence's own.
    relative = [c for c in verbal if c.first > 0 and toks[c.first - 1].lower in ("who", "which")]
    verbal = [c for c in verbal if c not in relative] + relative
    strong = [c for c in verbal if _strong(c) and c not in relative]
    weak = [x for x in verbal if not _strong(x)]
    main: _Cue | None = None
    for c in reversed(strong):
        window = toks.slice(c.last + 1, min(c.last + 9, left_hi))
        if any(t.lower == "that" for t in window):
            main = c
            break
    if main is None and strong:
        main = strong[-1]
        # "said she recalls": a verb whose object clause starts with another reporting verb's subject.
        for earlier in reversed(strong[:-1]):
            between = toks.slice(earlier.last + 1, main.first)
            if (len(between) <= 2 and all(t.is_word() for t in between)) or _bare_subject(between):
                main = earlier
            else:
                break
    # A relative clause's own cue still speaks when no cue of the sentence does ("Ann Lee, who said …").
    relative_strong = [c for c in relative if _strong(c)]
    if main is None:
        return [*weak, *relative_strong, *owned]
    order = [main, *(x for x in reversed(strong) if x is not main), *weak, *relative_strong, *owned]
    # "Lee described Okafor as “…” after she attacked … and blamed it on “…”": a verb in a clause that
    # a subordinator opens after the main verb speaks for the words in that clause.
    after_main = [c for c in verbal if c.first > main.last and c not in relative]
    for k in range(main.last + 1, after_main[-1].first if after_main else main.last):
        if toks[k].lower in _CLAUSE_SUBORDINATORS:
            later = [c for c in after_main if c.first > k]
            if later:
                order.remove(later[-1])
                order.insert(0, later[-1])
            break
    return order


def _bare_subject(between: list[Token]) -> bool:
    """The words between two verbs are only the second one's subject and auxiliaries ("noted [they had
    previously] said"): the second verb's clause is the first one's object."""
    if not between or len(between) > 5 or not all(t.is_word() for t in between):
        return False
    first = between[0]
    if not (first.lower in PRONOUNS or first.text[0].isupper()):
        return False
    rest = between[1:]
    while rest and rest[0].text[0].isupper():
        rest = rest[1:]  # the rest of a name
    return all(t.lower in _AUXILIARY_OR_ADVERB or (t.lower.endswith("ly") and len(t.text) > 3) for t in rest)


def _participle(toks: Tokens, cue: _Cue) -> bool:
    return toks[cue.first].lower.endswith("ing")


def _strong(cue: _Cue) -> bool:
    return " " in cue.text or cue.text in STRONG_CUE_WORDS


def attribute(ctx: ParagraphContext, q: RawQuote, lo_offset: int | None = None) -> Attribution | None:
    """The best attribution for ``q`` inside its paragraph, or None."""
    att = _attribute(ctx, q, lo_offset)
    return _with_antecedent(ctx, att) if att is not None and att.mention is not None else att


def _with_antecedent(ctx: ParagraphContext, att: Attribution | None) -> Attribution | None:
    """``att``, with the antecedent of an "it" or "they" mention when a body or group (not a person)
    opens the mention's sentence before it."""
    mention = att.mention if att is not None else None
    if att is None or mention is None or mention.kind != "pronoun" or mention.name.lower() not in _IMPERSONAL:
        return att
    lo = ctx.token_at_or_after(ctx.sentence_of(mention.start)[0])
    subject = sentence_subject(ctx.tokens, lo, ctx.token_at_or_after(mention.start), ctx.text)
    if subject is None or subject.kind != "phrase" or not _agrees_in_number(subject, mention.name.lower()):
        return att
    return att._replace(antecedent=subject)


def _agrees_in_number(subject: Mention, pronoun: str) -> bool:
    """ "They" for a plural or a collective ("the protesters", "Lee’s campaign", the Harbor Board),
    "it" for a singular ("the ministry", the Security Council)."""
    head = subject.name.split()[-1]
    if head[:1].isupper() or head.lower() in _COLLECTIVE_HEADS:
        return True  # a named body, or a collective: either
    return head.endswith("s") == (pronoun == "they")


def _attribute(ctx: ParagraphContext, q: RawQuote, lo_offset: int | None) -> Attribution | None:
    open_at, close_at = ctx.quote_extent(q)
    s_start, _ = ctx.sentence_of(open_at)
    _, s_end = ctx.sentence_of(max(close_at - 1, open_at))
    if lo_offset is not None:
        s_start = max(s_start, lo_offset)
    # Look no further than a window around the quote: attributions sit close to their quotes, and a
    # bounded window keeps the whole pass linear on huge unpunctuated paragraphs.
    s_start = max(s_start, open_at - WINDOW)
    s_end = min(s_end, close_at + WINDOW)
    left_lo = ctx.token_at_or_after(s_start)
    left_hi = ctx.token_at_or_after(open_at)  # tokens before the quote: [left_lo, left_hi)
    right_lo = ctx.token_at_or_after(close_at)
    right_hi = ctx.token_at_or_after(s_end)
    toks = ctx.tokens

    right_cues = _cues(ctx, close_at, s_end) if q.close_mark is not None else []
    left_cues = _cues(ctx, s_start, open_at)
    # Stop the right-hand search at the next quote in the sentence (a split quote's second half).
    following = bisect.bisect_right(ctx.open_marks, open_at)
    next_open = ctx.open_marks[following] if following < len(ctx.open_marks) else len(ctx.text)
    right_cues = [c for c in right_cues if toks[c.first].start < next_open]

    # 1. Directly after the quote (a comma outside the marks may come first). A quote that ends its
    # clause ("…,” said Okafor) takes any cue; one that runs on into the sentence ("“x” suggests that")
    # only a reporting verb after its speaker ("“x” Okafor said").
    # A nested quote may close with the outer one ("… 'it matters,'” said Okafor): look past its mark.
    inner = ctx.text[q.start : q.end].rstrip().rstrip(_INNER_CLOSING_MARKS)
    clause_end = inner.endswith((",", ".", "!", "?", "…", ";", ":")) or (
        right_lo < right_hi and toks[right_lo].text in _COMMA_OR_DASHES
    )
    if right_lo < right_hi and toks[right_lo].text == ",":
        right_lo += 1
    # Okafor appeared in a clip, saying: “We will halt it.” The crowd cheered.: a quote that a cue right
    # before it introduces and that ends its own sentence takes no credit from the words after it.
    introduced = (
        inner.endswith((".", "!", "?"))
        and left_hi - 2 >= left_lo
        and toks[left_hi - 1].text in (",", ":")
        and any(c.last == left_hi - 2 and _verbal(c) and not c.possessive for c in left_cues)
    )
    if right_lo < right_hi and not introduced:
        if toks[right_lo].text in _DASHES:
            mention = object_after(toks, right_lo + 1, right_hi, ctx.text)
            if mention is not None and mention.kind != "pronoun" and _ends_credit(ctx, mention, right_hi):
                return Attribution(mention, None, "dash")
        for cue in right_cues[:2]:
            if not _verbal(cue) or cue.possessive:
                continue
            if cue.first == right_lo and _strong(cue) and clause_end:
                # “…,” saying the town …: a participle's object is what it says, not who.
                mention = (
                    None if _participle(toks, cue) else object_after(toks, cue.last + 1, right_hi, ctx.text)
                )
                if mention is not None and mention.kind == "pronoun" and left_lo < left_hi:
                    mention = None  # "‘x’, said they had …": a clause, not "said he" after a quote
            elif cue.first > right_lo and (clause_end or _strong(cue)) and not _participle(toks, cue):
                # (A participle further on has no subject of its own there: in "“…” on Harborcast before
                # claiming …" Harborcast is no speaker; the sentence's subject is, read in step 3.)
                mention = subject_of(toks, cue.first, right_lo, ctx.text)
                if mention is not None and not _starts_near(toks, right_lo, mention, bool(left_cues)):
                    mention = None
                if mention is None and clause_end and _strong(cue):
                    mention = _plain_phrase(toks, right_lo, cue.first, ctx.text)
            else:
                mention = None
            if mention is not None:
                return Attribution(mention, cue.text, "after")
    # 2. and 3. Before the quote in its sentence; "Okafor had a warning: “…”" without a verb of saying.
    if left_lo < left_hi and toks[left_hi - 1].text == ":":
        colon = _colon_subject(toks, left_cues, left_lo, left_hi, ctx.text)
        if colon is not None:
            return Attribution(colon, None, "colon")
    for cue in _left_order(toks, left_cues, left_lo, left_hi):
        if cue.possessive:
            mention = _owner(toks, cue, left_lo, ctx.text)
        else:
            mention = subject_of(toks, cue.first, left_lo, ctx.text)
        if mention is None and cue.first == left_lo and cue.text in ("said", "says"):
            mention = object_after(toks, cue.last + 1, left_hi, ctx.text)  # "Said Okafor: “…”"
        if mention is not None:
            return Attribution(mention, cue.text, "before")
    # 3. After the quote, further on in its sentence.
    for cue in right_cues:
        if not _verbal(cue) or cue.possessive or cue.text in TEXT_CUE_WORDS:
            continue
        # A participle ("…, calling it “…”") speaks for the sentence's subject, which opens the sentence
        # before the quote, not the clause after it.
        lo = left_lo if _participle(toks, cue) else right_lo
        mention = subject_of(toks, cue.first, lo, ctx.text)
        if mention is not None:
            return Attribution(mention, cue.text, "sentence")
    # 4. "according to X" with no other speaker.
    for cue in [*right_cues, *left_cues]:
        if cue.text == _ACCORDING:
            hi = right_hi if cue.first >= right_lo else left_hi
            if cue.first == left_lo:
                # "According to X, the plan …": the phrase ends at its comma, no appositive follows.
                hi = next((k for k in range(cue.last + 1, hi) if toks[k].text == ","), hi)
            mention = object_after(toks, cue.last + 1, hi, ctx.text)
            if mention is not None:
                return Attribution(mention, cue.text, "according")
    return None


def _plain_phrase(toks: Tokens, lo: int, hi: int, text: str) -> Mention | None:
    """“…,” the shipping tycoon told: a short lowercase noun phrase with its article, right between the
    quote and a strong cue, speaks whatever its head (no listed speaker noun needed there)."""
    if not 2 <= hi - lo <= 5 or toks[lo].lower not in ("the", "a", "an", "one"):
        return None
    if not all(t.is_word() and t.text.islower() and t.lower not in _BE for t in toks.slice(lo + 1, hi)):
        return None
    start, end = toks[lo].start, toks[hi - 1].end
    return Mention("phrase", start, end, text[start:end])


def _ends_credit(ctx: ParagraphContext, mention: Mention, hi: int) -> bool:
    """A credit after a dash ("“…” — Ann Lee, a pilot") is a name or a speaking body and ends its
    sentence or runs into a comma or a parenthesis; "“…” — a metaphor for the times" is a comment."""
    if mention.kind == "phrase" and not is_speaker_head(mention.name.split()[-1].lower()):
        return False
    after = ctx.token_at_or_after(mention.end)
    return after >= hi or ctx.tokens[after].text in _CREDIT_ENDS


def _colon_subject(toks: Tokens, cues: list[_Cue], lo: int, hi: int, text: str) -> Mention | None:
    """The subject of the clause that a colon right before the quote closes, when that clause has no
    cue of its own ("… , President Okafor is rolling out a new message: “…”", "that I had to change
    my answer: “…”"): the nearest clause start (a comma, "that", or the sentence start) that opens
    with a name, a pronoun or a speaking noun phrase."""
    if hi - 1 <= lo or toks[hi - 1].text != ":":
        return None
    opening = _opening_clause_end(toks, lo, hi)
    starts = [k + 1 for k in range(hi - 2, max(opening, hi - 40) - 1, -1) if toks[k].lower in _CLAUSE_OPENERS]
    # "Okafor said: “…”", "According to X: “…”": the cue's own speaker. A cue in an earlier clause ("Lee said
    # both are “…,” but he gave them a compliment: “…”") leaves the colon's clause to its own subject.
    clause = next(
        (k for k in range(hi - 2, max(opening, hi - 40) - 1, -1) if toks[k].lower in _CLAUSE_BREAK), opening
    )
    if any(c.last >= clause for c in cues):
        return None
    for start in [*starts[:3], opening]:
        subject = sentence_subject(toks, start, hi - 1, text) if start < hi - 1 else None
        if subject is not None:
            return subject
    return None


def _starts_near(toks: Tokens, index: int, mention: Mention, credited_before: bool) -> bool:
    """The mention begins at token ``index``, or one word later ("But Okafor said"), but not after a
    word opening a subordinate clause ("“…,” when Okafor said"): that clause is not the quote's credit;
    nor after "but" or "and" when a cue before the quote credits it ("Lee said that “…,” but he said")."""
    if toks[index].lower in _SUBORDINATORS:
        return False
    if credited_before and toks[index].lower in _COORDINATORS and mention.start > toks[index].start:
        return False
    limit = toks[index + 1].start if index + 1 < len(toks) else toks[index].start
    if toks[index].start <= mention.start <= limit:
        return True
    # "Lee’s niece, Ann Okafor, said": a short role phrase whose head can speak, then the name.
    k = index
    while k < len(toks) and k - index < 6 and toks[k].start < mention.start and toks[k].is_word():
        k += 1
    return (
        index < k < len(toks) - 1
        and toks[k].text == ","
        and toks[k + 1].start == mention.start
        and toks[index].lower not in _PREPOSITIONS
        and is_speaker_head(toks[k - 1].lower)
    )


def lead_in(ctx: ParagraphContext) -> Attribution | None:
    """A paragraph ending in "<speaker> <cue> ...:" that introduces a quote in the next paragraph."""
    return _with_antecedent(ctx, _lead_in(ctx))


def _lead_in(ctx: ParagraphContext) -> Attribution | None:
    stripped = ctx.masked.rstrip()
    if not stripped.endswith(":"):
        return None
    s_start, _ = ctx.sentence_of(len(stripped) - 1)
    lo = ctx.token_at_or_after(s_start)
    cues = _cues(ctx, s_start, len(stripped))
    for cue in reversed(cues):
        mention = subject_of(ctx.tokens, cue.first, lo, ctx.text)
        if mention is not None:
            return Attribution(mention, cue.text, "before")
    # "Okafor made the following remark:" with no verb of saying.
    colon = _colon_subject(ctx.tokens, cues, lo, len(ctx.tokens), ctx.text)
    return Attribution(colon, None, "colon") if colon is not None else None


def dash_credit(ctx: ParagraphContext) -> Attribution | None:
    """A paragraph that is nothing but a credit after a dash ("— Ann Lee." or "-Senator Ann Lee,
    speaking on Monday."), under a quote that ends the paragraph before: a name or a speaking body
    right after the dash, ending the credit's sentence or running into a comma or a parenthesis."""
    toks = ctx.tokens
    if not toks or not ctx.text.startswith(_DASHES, ctx.lead):
        return None
    first = 1 if toks[0].text in _DASHES else 0  # a hyphen before a space is no token
    hi = ctx.token_at_or_after(ctx.sentence_of(toks[0].start)[1])
    mention = object_after(toks, first, hi, ctx.text)
    if mention is None or mention.kind == "pronoun" or not _ends_credit(ctx, mention, hi):
        return None
    return Attribution(mention, None, "dash")


def previous_sentence(ctx: ParagraphContext, q: RawQuote) -> Attribution | None:
    """A full quote that is a sentence of its own, with no cue, right after a sentence of the same
    paragraph whose reporting verb has a subject ("Lee called him a master of the deal. “He showed it
    again and again.”"): that subject goes on speaking."""
    return _with_antecedent(ctx, _previous_sentence(ctx, q))


def _previous_sentence(ctx: ParagraphContext, q: RawQuote) -> Attribution | None:
    open_at, close_at = ctx.quote_extent(q)
    s_start, s_end = ctx.sentence_of(open_at)
    if s_start == 0 or ctx.masked[s_start:open_at].strip() or ctx.sentence_of(close_at - 1)[1] != s_end:
        return None
    if ctx.masked[close_at:s_end].strip(" .,;:!?\u00a0"):
        return None  # more words in the quote's sentence ("“Finally,” residents cheered")
    p_start, _ = ctx.sentence_of(s_start - 1)
    p_start = max(p_start, s_start - WINDOW)
    lo = ctx.token_at_or_after(p_start)
    hi = ctx.token_at_or_after(s_start)
    for cue in _left_order(ctx.tokens, _cues(ctx, p_start, s_start), lo, hi):
        if not _verbal(cue) or cue.possessive or cue.text in TEXT_CUE_WORDS:
            continue
        mention = subject_of(ctx.tokens, cue.first, lo, ctx.text)
        if mention is not None:
            return Attribution(mention, cue.text, "previous")
    return None


def readings(ctx: ParagraphContext, q: RawQuote) -> list[tuple[str, Attribution]]:
    """Every speaker a cue in the quote's sentence could give it, whatever the order of patterns in
    ``attribute`` prefers, each with the pattern that reads it: the subject of a cue before the quote
    (``left``), of one after it (``right``), the name after a cue ("said Okafor": ``object``), and the
    subject opening the sentence (``opening``). The speaker ranker chooses among them."""
    open_at, close_at = ctx.quote_extent(q)
    s_start = max(ctx.sentence_of(open_at)[0], open_at - WINDOW)
    s_end = min(ctx.sentence_of(max(close_at - 1, open_at))[1], close_at + WINDOW)
    left_lo = ctx.token_at_or_after(s_start)
    left_hi = ctx.token_at_or_after(open_at)
    right_lo = ctx.token_at_or_after(close_at)
    right_hi = ctx.token_at_or_after(s_end)
    toks = ctx.tokens
    found: list[tuple[str, Attribution]] = []
    # "according to X" names the channel (``source``) when a verb names the speaker; it is a reading
    # too ("…,” Lee said, according to the report": the text credits the report), the ranker weighs it.
    for cue in _cues(ctx, s_start, open_at):
        if cue.text == _ACCORDING:
            _according(toks, cue, left_lo, left_hi, ctx.text, found)
            continue
        if cue.possessive:
            mention = _owner(toks, cue, left_lo, ctx.text)
        else:
            mention = subject_of(toks, cue.first, left_lo, ctx.text)
        if mention is not None:
            found.append(("left", Attribution(mention, cue.text, "before")))
        mention = (
            None if cue.text in OBJECT_NOT_SPEAKER else object_after(toks, cue.last + 1, left_hi, ctx.text)
        )
        if mention is not None and mention.kind != "pronoun":
            found.append(("object", Attribution(mention, cue.text, "before")))
    if q.close_mark is not None:
        for cue in _cues(ctx, close_at, s_end):
            if cue.text == _ACCORDING:
                _according(toks, cue, left_lo, right_hi, ctx.text, found)
                continue
            if cue.possessive:
                continue
            lo = left_lo if _participle(toks, cue) else right_lo
            mention = subject_of(toks, cue.first, lo, ctx.text)
            if mention is not None:
                found.append(("right", Attribution(mention, cue.text, "after")))
            if cue.text in OBJECT_NOT_SPEAKER:
                continue
            mention = object_after(toks, cue.last + 1, right_hi, ctx.text)
            if mention is not None:
                found.append(("object", Attribution(mention, cue.text, "after")))
    if left_lo < left_hi:
        mention = sentence_subject(toks, left_lo, left_hi, ctx.text)
        if mention is not None:
            found.append(("opening", Attribution(mention, None, "colon")))
        if toks[left_hi - 1].text == ":" and left_hi - 2 >= left_lo:
            # "Okafor: “…”", "More from Lee and Chan: “…”": a name labels the quote.
            mention = phrase_before(toks, left_hi - 2, left_lo, ctx.text)
            if mention is not None and mention.kind == "name":
                found.append(("label", Attribution(mention, None, "colon")))
    return [(rule, _with_antecedent(ctx, att) or att) for rule, att in found]


def _according(
    toks: Tokens, cue: _Cue, lo: int, hi: int, text: str, found: list[tuple[str, Attribution]]
) -> None:
    """The reading of "according to X" (X up to the next comma when the phrase opens the sentence)."""
    if cue.first == lo:
        hi = next((k for k in range(cue.last + 1, hi) if toks[k].text == ","), hi)
    mention = object_after(toks, cue.last + 1, hi, text)
    if mention is not None:
        found.append(("according", Attribution(mention, cue.text, "according")))


def previous_subject(ctx: ParagraphContext, q: RawQuote) -> Attribution | None:
    """The subject opening the sentence before the quote's in its paragraph, and the cue it reads
    there if any: who the paragraph was talking about."""
    open_at = q.open_mark
    s_start = ctx.sentence_of(open_at)[0]
    if s_start == 0:
        return None
    p_start = max(ctx.sentence_of(s_start - 1)[0], s_start - WINDOW)
    lo, hi = ctx.token_at_or_after(p_start), ctx.token_at_or_after(s_start)
    mention = sentence_subject(ctx.tokens, lo, hi, ctx.text)
    if mention is None:
        return None
    cues = [c for c in _cues(ctx, p_start, s_start) if _verbal(c)]
    return _with_antecedent(ctx, Attribution(mention, cues[0].text if cues else None, "previous"))


def closing_subject(ctx: ParagraphContext) -> Attribution | None:
    """The subject opening the last sentence of a paragraph, for the quote opening the next one
    ("Howard went on with his remarks." then “…”), with the sentence's cue if any."""
    stripped = ctx.masked.rstrip()
    if not stripped:
        return None
    s_start = max(ctx.sentence_of(len(stripped) - 1)[0], len(stripped) - WINDOW)
    lo, hi = ctx.token_at_or_after(s_start), len(ctx.tokens)
    mention = sentence_subject(ctx.tokens, lo, hi, ctx.text)
    if mention is None:
        return None
    cues = [c for c in _cues(ctx, s_start, len(stripped)) if _verbal(c)]
    return _with_antecedent(ctx, Attribution(mention, cues[0].text if cues else None, "previous"))
