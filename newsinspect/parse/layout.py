"""The layout of a dump as the CRF reads it: a label per line, the headline from the title probabilities.

Labels (see ``training/layout.py`` for how they are learned): ``out`` (page furniture outside the
article: menus, sidebars, related boxes, footers), ``title``, ``byline``, ``date``, ``para`` (a body
paragraph) and ``misc`` (the short lines inside the article: captions, widgets, subheadings).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from newsinspect.parse.crf import LayoutModel
from newsinspect.parse.features import (
    LineFacts,
    attr_names,
    id_rows,
    is_furniture,
    is_headline_shaped,
    line_facts,
)
from newsinspect.parse.lines import Line
from newsinspect.parse.nonheadline import is_no_headline
from newsinspect.parse.title import dek_after, looks_like_dek

# Below this title probability the rules' headline is kept. Chosen by the site-grouped CV of
# training/layout.py, whole pages title / authors / published (the previous model, one fold assignment):
# gate 0.4 0.770 / 0.810 / 0.867, 0.25 0.789 / 0.862 / 0.906, 0.1 0.803 / 0.871 / 0.923, 0 0.808 / 0.876 /
# 0.906; this model, three assignments: 0.1 0.850 / 0.908 / 0.921, 0.02 0.856 / 0.916 / 0.917, 0 0.856 /
# 0.917 / 0.917. Hand-cut dumps: the same within a page from 0 to 0.25. Not 0: a dump of one long sentence
# (title probability ~0) would lose its only paragraph to the headline.
TITLE_GATE = 0.02
# The line above the likeliest headline takes its place when it has at least this share of its title
# probability and the likeliest reads as the standfirst under it (see ``_over_standfirst``).
ABOVE_SHARE = 0.1


@dataclass(slots=True)
class Layout:
    """Per-line label probabilities and what follows from them."""

    labels: list[str]
    probs: array[float]  # line after line, a probability per label (``LayoutModel.flat_marginals``)
    title: int  # position of the most probable headline line, -1 for an empty dump
    title_prob: float

    def prob(self, pos: int, label: str) -> float:
        return self.probs[pos * len(self.labels) + self.labels.index(label)]

    def best(self, pos: int) -> str:
        """The likeliest label of line ``pos`` (of two equally likely, the first), read in place: asked
        of every line, a copy of its row and a ``max`` with a key cost more than the comparisons."""
        probs = self.probs
        size = len(self.labels)
        start = pos * size
        best = 0
        for k in range(1, size):
            if probs[start + k] > probs[start + best]:
                best = k
        return self.labels[best]


def read_layout(lines: list[Line], dayfirst: bool, model: LayoutModel) -> Layout:
    """Label probabilities for ``lines`` and the likeliest title (``choose_headline``, then the model's
    headline ranker when it has one: ``parse/headline.py``)."""
    facts = line_facts(lines, dayfirst)
    probs = model.id_marginals(id_rows(lines, facts), attr_names())
    labels = model.labels
    title = -1
    best = 0.0
    if "title" in labels:
        title_probs = probs[labels.index("title") :: len(labels)]
        title, best = choose_headline(lines, facts, title_probs)
        if model.headline is not None and title >= 0:
            ranked = model.headline.choose(lines, facts, probs, labels, title)
            if ranked != title:  # its pick may read as a standfirst too (site-grouped CV: naeb title +0.003)
                title = _over_standfirst(lines, facts, title_probs, ranked)
    if title >= 0:  # a headline printed twice: its first copy, as the rules take it
        title = next(pos for pos, line in enumerate(lines) if line.text == lines[title].text)
    return Layout(labels, probs, title, best)


def choose_headline(
    lines: list[Line], facts: list[LineFacts], title_probs: array[float]
) -> tuple[int, float]:
    """The headline's position given each line's title probability, and the highest such probability.

    The headline is the likeliest line that the furniture rules do not call page furniture ("Sign in",
    "Skip to main content", "MORE FROM THE SUN"), as the rules' own headline candidates are not; only on
    a dump of nothing but furniture the likeliest line of all. The model sees the furniture fact too, but
    a line at the top of a whole page can outweigh it by its place alone (a hand-cut dump's headline is
    its first line). Chosen by the site-grouped CV of training/layout.py (mean of three fold
    assignments), whole-page title 0.856 -> 0.870, the other eight figures unchanged; vetoing captions
    and credits as well gained whole pages 0.011 more but cost `web` titles 0.003 (headlines the caption
    rules misread), and a choice among the likeliest lines nearest above the main block lost everywhere.
    Lines that the rules can tell are no headline (``nonheadline.is_no_headline``: a line of a site's
    controls and prompts, a caption with its photo credit) are passed over as furniture is (issue 11: the
    model's likeliest line on an unseen site was often one of them).
    Then the line above may take its place (``_over_standfirst``). -1 and 0.0 when no line has any
    title probability.
    """
    title = furniture = -1
    best = furniture_best = 0.0
    for pos, prob in enumerate(title_probs):
        if prob > best:
            if is_furniture(facts[pos]) or is_no_headline(lines[pos], facts[pos]):
                if prob > furniture_best:
                    furniture, furniture_best = pos, prob
                continue
            title, best = pos, prob
    if title < 0:
        return furniture, furniture_best
    return _over_standfirst(lines, facts, title_probs, title), best


def _over_standfirst(lines: list[Line], facts: list[LineFacts], title_probs: array[float], title: int) -> int:
    """The headline right above ``title`` when ``title`` reads as its standfirst, else ``title``.

    The model often takes the dek under a headline for the headline (both are short lines over the
    body, and a dek summarises the lead as well). The rules' standfirst test (``title.dek_after``) tells
    them apart once the line above has some title probability (``ABOVE_SHARE`` of the likeliest's),
    could be a headline, is no furniture and reads as no standfirst itself. Chosen by the site-grouped CV
    of training/layout.py (mean of three fold assignments): title 0.950 -> 0.967 (hand-cut NAEB), 0.870 ->
    0.883 (whole pages), 0.929 -> 0.930 (web); a share of 0.05 or 0.2 gave 0.966 / 0.883 / 0.929 and
    0.962 / 0.878 / 0.932.
    """
    above = title - 1
    if (
        above < 0
        or title_probs[above] < ABOVE_SHARE * title_probs[title]
        or is_furniture(facts[above])
        or not is_headline_shaped(facts[above])
    ):
        return title
    headline, under = lines[above].text, lines[title].text
    if dek_after(headline, under) and not looks_like_dek(headline):
        return above
    return title
