"""A second look at the headline: a linear ranker over the likeliest title lines of a dump.

The layout model scores every line on its own neighbourhood; the headline is a choice among lines, and
what tells the right one apart is often how the candidates stand to each other and to the article: a
teaser cut short (``…``) above the full headline, a section name glued to the headline a line or
two above it, a headline over its longer standfirst, a line that shares no word with the article's lead
or names little of what its paragraphs keep talking about, a caption over the headline. The ranker
weighs such facts of the ``CANDIDATES`` likeliest lines that are no page furniture (the first step's
choice among them, ``layout.choose_headline``, is one of its facts) and takes the highest score. A text
printed on several lines (a headline printed twice) is one candidate, with the probability of all its
copies.

Its weights are fitted by ``training/layout.py`` (a conditional logit: a softmax over each page's
candidates, on title probabilities from models that did not see the page: stacked, so that the ranker
learns how far to trust unseen-site probabilities, not fitted ones) and shipped inside the layout
model's file.
"""

from __future__ import annotations

import math
from array import array
from typing import Final

from newsinspect.parse.features import (
    LineFacts,
    attr_id,
    is_furniture,
    lead_words,
    main_block,
    shared_words,
)
from newsinspect.parse.lines import Line
from newsinspect.parse.nonheadline import is_no_headline
from newsinspect.parse.title import dek_after, looks_like_dek

CANDIDATES: Final = 5
_NEAR: Final = 3  # lines: "near" above or below the first step's choice
_FAR: Final = 25
_WINDOW: Final = 6  # a byline or date line this close under a candidate
_PARA_ABOVE: Final = 3
_LONG_WORDS: Final = 25
_TOPIC_LINES: Final = 3  # paragraphs holding a word that make it a topic of the dump (``_topic_words``)
_MIN_GLUED: Final = 20  # characters: the shortest headline looked for glued to a line above it
_MIN_TEASER: Final = 15
_TEASER_ENDS: Final = ("…", "...")
_STACK: Final = 2  # lines: another candidate this close above or below stands in a stack with this one
_GLUE_WINDOW: Final = 3  # lines: a line this close that prints the candidate with something glued before it
_MIN_SUFFIX: Final = 10  # characters: the shortest candidate looked for at the end of a nearby line
# the separators of a navigation path ("Home >> Garden >> Tools", "Blog | Tips"); two or more make one
_PATH_MARKS: Final = (" > ", " >> ", " » ", " › ", " / ", " | ")
_SIGNED_LINES: Final = 3  # lines: a byline or a date this close under a line signs it as a headline
# the facts of a line that signs the line above it: a byline, names with a date, a date or a stamp (not
# names alone: a title-case headline reads as names too)
_SIGNATURE_IDS: Final = tuple(
    attr_id(name) for name in ("byline", "byalone", "datenames", "date", "dates", "stampword")
)
_RANKED_FACTS: Final = {
    name: attr_id(name)
    for name in (
        "clutter",
        "headline",
        "dek",
        "caption",
        "credit",
        "crumb",
        "upper",
        "titlecase",
        "heading",
        "teaser",
        "byline",
        "date",
        "names",
    )
}
_CHOSEN_FACTS: Final = ("caption", "credit", "names", "byline", "dek", "headline", "titlecase")
_MARGINALS: Final = ("out", "misc", "para", "byline", "date")
# the names of the ranker's facts, built once rather than for every candidate
_HEADLINE_ID: Final = _RANKED_FACTS["headline"]
_FACT_KEYS: Final = [("f_" + name, ident) for name, ident in _RANKED_FACTS.items()]
_CHOSEN_KEYS: Final = [("ab_ch_" + name, _RANKED_FACTS[name]) for name in _CHOSEN_FACTS]
_MARGINAL_KEYS: Final = ["m_" + name for name in _MARGINALS]
_RANK_KEYS: Final = ["rank0", "rank1", "rank2", "rank3"]


class HeadlineRanker:
    """A weight per candidate fact and a bias (the bias cannot change the choice; kept for the record)."""

    __slots__ = ("bias", "weights")

    def __init__(self, weights: dict[str, float], bias: float = 0.0) -> None:
        self.weights = weights
        self.bias = bias

    def to_data(self) -> dict[str, object]:
        return {"bias": self.bias, "weights": self.weights}

    @classmethod
    def from_data(cls, data: dict[str, object]) -> HeadlineRanker:
        weights = data["weights"]
        bias = data.get("bias", 0.0)
        if not isinstance(weights, dict) or not isinstance(bias, (int, float)):
            raise TypeError("headline ranker: weights must be a mapping and bias a number")
        return cls({str(k): float(v) for k, v in weights.items()}, float(bias))

    def score(self, row: dict[str, float]) -> float:
        total = self.bias
        weights = self.weights
        for name, value in row.items():
            weight = weights.get(name)
            if weight is not None:
                total += weight * value
        return total

    def choose(
        self,
        lines: list[Line],
        facts: list[LineFacts],
        probs: array[float],
        labels: list[str],
        chosen: int,
    ) -> int:
        """The best-scoring candidate; ``chosen`` when there is none."""
        best = chosen
        top = -math.inf
        for pos, row in candidate_rows(lines, facts, probs, labels, chosen):
            value = self.score(row)
            if value > top:
                best, top = pos, value
        return best


def candidates(lines: list[Line], facts: list[LineFacts], title_probs: array[float]) -> list[int]:
    """The ``CANDIDATES`` likeliest lines that are no furniture and that the rules do not tell from a
    headline (``nonheadline.is_no_headline``; of all lines when every one is either), the likeliest first
    and of two equal lines the earlier; then the likeliest other line with a byline or a date under it
    (``_likeliest_signed``), if any.

    The signed line is the second step of reading a whole page: the article's head is a headline with its
    byline or date under it, and on a page the model has not seen its title probability may be far below
    that of a menu, a site name or a prompt at the top (issue 11: the headline was no candidate at all on
    21 of the 53 whole-page titles missed under CV); the ranker weighs ``signed`` among the facts. Chosen
    by the site-grouped CV of training/layout.py (three fold assignments): title `naeb` 0.973 -> 0.975,
    whole pages 0.917 -> 0.926 (authors 0.938 -> 0.943, published 0.969 -> 0.972), `web` 0.951 -> 0.948.
    Tried and dropped: adding it only when no candidate is signed (naeb 0.970, whole pages 0.925); a
    name line alone (``names``, ``bylinenames``) as a signature: a title-case headline reads as names."""
    found = _likeliest(lines, facts, title_probs, True)
    if not found:
        return _likeliest(lines, facts, title_probs, False)
    signed = _likeliest_signed(lines, facts, title_probs, found)
    if signed >= 0:
        found.append(signed)
    return found


def _likeliest_signed(
    lines: list[Line], facts: list[LineFacts], title_probs: array[float], found: list[int]
) -> int:
    """The likeliest headline-shaped line besides ``found`` that a byline or a date follows within
    ``_SIGNED_LINES`` lines (no furniture, no line the rules tell from a headline, itself no byline or
    date): the head of an article as a whole page prints it, whatever the model makes of its place. -1
    when there is none."""
    best = -1
    for pos, fact in enumerate(facts):
        if (best >= 0 and title_probs[pos] <= title_probs[best]) or pos in found:
            continue
        if _HEADLINE_ID not in fact.ids or is_furniture(fact) or _signs(fact) or not _signed(facts, pos):
            continue
        if not is_no_headline(lines[pos], fact):
            best = pos
    return best


def _signs(fact: LineFacts) -> bool:
    """Whether the line holds a byline or a date (``_SIGNATURE_IDS``)."""
    ids = fact.ids
    return any(ident in ids for ident in _SIGNATURE_IDS)


def _signed(facts: list[LineFacts], pos: int) -> bool:
    """Whether a byline or a date stands within ``_SIGNED_LINES`` lines under line ``pos``."""
    return any(_signs(facts[k]) for k in range(pos + 1, min(len(facts), pos + _SIGNED_LINES + 1)))


def _likeliest(
    lines: list[Line], facts: list[LineFacts], title_probs: array[float], plain: bool
) -> list[int]:
    """One pass keeping the few likeliest (no sort of every line of a whole page)."""
    top: list[int] = []
    for pos in range(len(facts)):
        prob = title_probs[pos]
        if len(top) == CANDIDATES and prob <= title_probs[top[-1]]:
            continue
        if plain and (is_furniture(facts[pos]) or is_no_headline(lines[pos], facts[pos])):
            continue
        at = len(top)
        while at > 0 and title_probs[top[at - 1]] < prob:
            at -= 1
        top.insert(at, pos)
        if len(top) > CANDIDATES:
            top.pop()
    return top


def candidate_rows(
    lines: list[Line], facts: list[LineFacts], probs: array[float], labels: list[str], chosen: int
) -> list[tuple[int, dict[str, float]]]:
    """The facts the ranker weighs, for each candidate line (position, facts by name)."""
    size = len(labels)
    count = len(lines)
    title_probs = probs[labels.index("title") :: size]
    order, copies, prints = _distinct(lines, title_probs, candidates(lines, facts, title_probs))
    if not order:
        return []
    top = copies[0]
    block = main_block(facts)
    lead = lead_words(facts, block)
    topics = _topic_words(facts, [facts[pos] for pos in order])
    keys = {facts[pos].key: 0 for pos in order if facts[pos].key}
    for fact in facts:
        if fact.key in keys:
            keys[fact.key] += 1
    best_label = _BestLabels(probs, size)
    marginals = [
        (key, labels.index(name))
        for key, name in zip(_MARGINAL_KEYS, _MARGINALS, strict=True)
        if name in labels
    ]
    meta = {labels.index(name) for name in ("byline", "date") if name in labels}
    para = labels.index("para") if "para" in labels else -1
    rows: list[tuple[int, dict[str, float]]] = []
    chosen_text = lines[chosen].text if chosen >= 0 else None
    for rank, pos in enumerate(order):
        fact = facts[pos]
        text = lines[pos].text
        prob = copies[rank]
        row: dict[str, float] = {
            "logp": math.log(max(prob, 1e-6)),
            "ratio": prob / top if top else 0.0,
            _RANK_KEYS[min(rank, 3)]: 1.0,
            "chosen": float(text == chosen_text),
            "logw": math.log(1 + fact.words),
            "relpos": pos / count,
            # its letters printed in another form too (a breadcrumb's "* Headline"); its own copies are
            # summed into its probability (``_distinct``)
            "rep": float(keys.get(fact.key, 0) > prints[rank]),
        }
        for key, column in marginals:
            row[key] = probs[pos * size + column]
        for key, ident in _FACT_KEYS:
            if ident in fact.ids:
                row[key] = 1.0
        _place(row, pos, block)
        _copies(row, lines, order, pos)
        _stack(row, facts, order, pos)
        _glued_near(row, lines, pos)
        row["path"] = float(sum(text.count(mark) for mark in _PATH_MARKS) >= 2)
        row["signed"] = float(not _signs(fact) and _signed(facts, pos))
        if lead and fact.content and fact.words < _LONG_WORDS:
            share = shared_words(fact.content, lead)
            row["lead"] = share / len(fact.content)
            row["lead_any"] = float(share > 0)
        if fact.content and fact.words < _LONG_WORDS:
            shared = shared_words(fact.content, topics)
            row["topic"] = shared / len(fact.content)
            # how many, not only what share: a short prompt ("Got a tip?") can share its one word by chance
            row["topic_n"] = math.log(1 + shared)
        after = range(pos + 1, min(count, pos + _WINDOW + 1))
        row["byl_below"] = float(any(best_label[k] in meta for k in after))
        row["byl_above"] = float(any(best_label[k] in meta for k in range(max(0, pos - _WINDOW), pos)))
        below = next((k for k in range(pos + 1, count) if best_label[k] == para), -1)
        row["para_below"] = math.log(1 + below - pos) if below >= 0 else 5.0
        row["para_above"] = float(any(best_label[k] == para for k in range(max(0, pos - _PARA_ABOVE), pos)))
        if pos + 1 < count:
            row["dek_under"] = float(dek_after(text, lines[pos + 1].text))
        if pos > 0:
            row["is_dek_of_above"] = float(
                _RANKED_FACTS["headline"] in facts[pos - 1].ids
                and dek_after(lines[pos - 1].text, text)
                and not looks_like_dek(lines[pos - 1].text)
            )
        if chosen >= 0 and text != chosen_text:
            _against_chosen(row, lines, facts, title_probs, lead, pos, chosen)
        rows.append((pos, row))
    return rows


def _topic_words(facts: list[LineFacts], candidates: list[LineFacts]) -> set[str]:
    """The candidates' content words that ``_TOPIC_LINES`` paragraph-sized lines of the dump or more hold,
    wherever they are: a headline names what the article keeps talking about, and a widget label ("Got a
    tip?", "Jump to the content") what no paragraph does. Read over the whole dump, not the main block,
    so that a block found in the wrong place (a footer) does not decide it."""
    asked = {word: 0 for fact in candidates for word in fact.content}
    if not asked:
        return set()
    for fact in facts:
        if fact.words >= _LONG_WORDS:
            for word in fact.content:
                if word in asked:
                    asked[word] += 1
    return {word for word, lines in asked.items() if lines >= _TOPIC_LINES}


def _distinct(
    lines: list[Line], title_probs: array[float], order: list[int]
) -> tuple[list[int], list[float], list[int]]:
    """``order`` with one line per text (the likeliest copy), the title probability of each text (the
    sum over the lines that print it) and how many lines print it. A whole page often prints its
    headline twice (as the page's title and over the article), and the model, reading each line in its
    own neighbourhood, splits its belief between the copies, where a teaser printed once keeps all of
    its own."""
    kept: list[int] = []
    texts: list[str] = []
    for pos in order:
        if lines[pos].text not in texts:
            kept.append(pos)
            texts.append(lines[pos].text)
    sums = [0.0] * len(kept)
    prints = [0] * len(kept)
    index = {text: k for k, text in enumerate(texts)}
    for pos, line in enumerate(lines):
        k = index.get(line.text)
        if k is not None:
            sums[k] += title_probs[pos]
            prints[k] += 1
    return kept, sums, prints


class _BestLabels:
    """The likeliest label of a line (its index), worked out for the lines asked about only and kept in
    a byte per line: the search for a paragraph below may ask about every line of the dump, and a dict
    of them held some 50 bytes a line at the parse's peak."""

    __slots__ = ("probs", "seen", "size")

    def __init__(self, probs: array[float], size: int) -> None:
        self.probs = probs
        self.size = size
        self.seen = bytearray(len(probs) // size if size else 0)  # the label's index plus one, 0: not yet

    def __getitem__(self, pos: int) -> int:
        found = self.seen[pos]
        if found:
            return found - 1
        probs = self.probs
        start = pos * self.size
        best = 0
        for k in range(1, self.size):
            if probs[start + k] > probs[start + best]:
                best = k
        self.seen[pos] = best + 1
        return best


def _place(row: dict[str, float], pos: int, block: tuple[int, int]) -> None:
    """Where the line stands to the main block of long lines (``features.main_block``)."""
    if block[0] < 0:
        row["blk_none"] = 1.0
    elif pos < block[0]:
        row["blk_above"] = 1.0
        row["blk_dist"] = math.log(1 + block[0] - pos)
    elif pos <= block[1]:
        row["blk_in"] = 1.0
    else:
        row["blk_after"] = 1.0


def _copies(row: dict[str, float], lines: list[Line], order: list[int], pos: int) -> None:
    """A teaser cut short of the line (``…``), a line glued to a section name above it, and the reverse."""
    text = lines[pos].text
    if text.endswith(_TEASER_ENDS):
        stem = text.rstrip(".… ")
        row["prefix_of_other"] = float(
            any(line.text.startswith(stem) and len(line.text) > len(stem) + 3 for line in lines)
        )
    row["other_is_prefix"] = float(
        any(
            other != pos
            and lines[other].text.endswith(_TEASER_ENDS)
            and len(lines[other].text) > _MIN_TEASER
            and text.startswith(lines[other].text.rstrip(".… "))
            for other in order
        )
    )
    above = lines[pos - 1].text if pos > 0 else ""
    row["suffix_of_above"] = float(len(text) > _MIN_GLUED and above != text and above.endswith(text))
    under = lines[pos + 1].text if pos + 1 < len(lines) else ""
    row["ends_suffix_below"] = float(len(under) > _MIN_GLUED and under != text and text.endswith(under))


def _stack(row: dict[str, float], facts: list[LineFacts], order: list[int], pos: int) -> None:
    """How the candidate stands in a stack of candidates (a headline over its standfirst, a caption or a
    prompt over the headline): another candidate just below or just above it, and one of them longer."""
    words = facts[pos].words
    below = above = longer = False
    for other in order:
        distance = other - pos
        if 0 < abs(distance) <= _STACK:
            below = below or distance > 0
            above = above or distance < 0
            longer = longer or facts[other].words > words
    row["stack_below"] = float(below)
    row["stack_above"] = float(above)
    row["shorter_in_stack"] = float(longer)


def _glued_near(row: dict[str, float], lines: list[Line], pos: int) -> None:
    """A line a few lines away that ends with the candidate (a section or site name glued before the
    headline: ``Guides Getting to YES…`` over ``Getting to YES…``), or that the candidate ends with."""
    text = lines[pos].text
    suffix_of = ends_with = False
    for other in range(max(0, pos - _GLUE_WINDOW), min(len(lines), pos + _GLUE_WINDOW + 1)):
        near = lines[other].text
        if near == text:
            continue
        suffix_of = suffix_of or (len(text) >= _MIN_SUFFIX and near.endswith(text))
        ends_with = ends_with or (len(near) >= _MIN_SUFFIX and text.endswith(near))
    row["suffix_of_near"] = float(suffix_of)
    row["ends_with_near"] = float(ends_with)


def _against_chosen(
    row: dict[str, float],
    lines: list[Line],
    facts: list[LineFacts],
    title_probs: array[float],
    lead: set[str],
    pos: int,
    chosen: int,
) -> None:
    """How a candidate stands to the first step's choice: above or below it, and what the choice is."""
    distance = chosen - pos
    above = 1 <= distance <= _FAR
    row["ab_near"] = float(1 <= distance <= _NEAR)
    row["ab_far"] = float(_NEAR < distance <= _FAR)
    row["be_near"] = float(-_NEAR <= distance <= -1)
    row["be_far"] = float(-_FAR <= distance < -_NEAR)
    ids = facts[chosen].ids
    for key, ident in _CHOSEN_KEYS:
        row[key] = float(above and ident in ids)
    row["ab_dek"] = float(1 <= distance <= _NEAR and dek_after(lines[pos].text, lines[chosen].text))
    ratio = title_probs[pos] / title_probs[chosen] if title_probs[chosen] else 0.0
    row["ab_ratio"] = ratio if above else 0.0
    content = facts[chosen].content
    if lead and content:
        row["ab_lead"] = row.get("lead", 0.0) - shared_words(content, lead) / len(content)
