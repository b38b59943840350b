"""The layout of a dump as the CRF reads it: a label per line, the headline by highest title probability.

Labels (see ``training/layout.py`` for how they are learned): ``out`` (page furniture outside the
article: menus, sidebars, related boxes, footers), ``title``, ``byline``, ``date``, ``para`` (a body
paragraph) and ``misc`` (the short lines inside the article: captions, widgets, subheadings).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsinspect.parse.crf import LayoutModel
from newsinspect.parse.features import dump_table
from newsinspect.parse.lines import Line

TITLE_GATE = 0.25  # below this title probability the rules' headline is kept


@dataclass(slots=True)
class Layout:
    """Per-line label probabilities and what follows from them."""

    labels: list[str]
    probs: list[list[float]]
    title: int  # position of the most probable headline line, -1 for an empty dump
    title_prob: float

    def prob(self, pos: int, label: str) -> float:
        return self.probs[pos][self.labels.index(label)]

    def best(self, pos: int) -> str:
        row = self.probs[pos]
        return self.labels[max(range(len(row)), key=row.__getitem__)]


def read_layout(lines: list[Line], dayfirst: bool, model: LayoutModel) -> Layout:
    """Label probabilities for ``lines`` and the likeliest title."""
    probs = model.marginals(dump_table(lines, dayfirst))
    labels = model.labels
    title = -1
    best = 0.0
    if "title" in labels:
        k = labels.index("title")
        for pos, row in enumerate(probs):
            if row[k] > best:
                title, best = pos, row[k]
    if title >= 0:  # a headline printed twice: its first copy, as the rules take it
        title = next(pos for pos, line in enumerate(lines) if line.text == lines[title].text)
    return Layout(labels, probs, title, best)
