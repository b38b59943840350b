"""A linear-chain CRF decoder: the weights trained by ``training/layout.py``, read lazily once per process.

The model is a JSON file in ``newsinspect/data/``: the label names, a label-to-label transition matrix,
for every attribute one weight per label, and the weights of the headline ranker (``parse/headline.py``)
fitted on top of them. ``marginals`` runs forward-backward (scaled, so that long
pages cannot overflow) and gives each line's probability of each label. No third-party code: the
training tool (python-crfsuite) is needed only to fit the weights.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Final

from newsinspect.parse.headline import HeadlineRanker

MODEL_FILE = "layout.json"
_UNROLLED: Final = 6  # the number of labels the scores are summed for without a loop (the shipped model's)


class LayoutModel:
    """Label names, transition weights and per-attribute state weights."""

    __slots__ = ("_by_id", "_factors", "headline", "labels", "transitions", "weights")

    def __init__(
        self,
        labels: list[str],
        transitions: list[list[float]],
        weights: dict[str, list[float]],
        headline: HeadlineRanker | None = None,
    ) -> None:
        self.labels = labels
        self.weights = weights
        self.transitions = transitions
        self.headline = headline
        # exp(transition weight), row after row: factor[i * size + j] from label i to label j
        self._factors = [math.exp(w) for row in transitions for w in row]
        self._by_id: list[list[float] | None] = []  # the weights of attribute ids (see id_marginals)

    def to_json(self) -> str:
        data: dict[str, object] = {
            "labels": self.labels,
            "transitions": self.transitions,
            "weights": self.weights,
        }
        if self.headline is not None:
            data["headline"] = self.headline.to_data()
        return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LayoutModel:
        data = json.loads(text)
        headline = HeadlineRanker.from_data(data["headline"]) if "headline" in data else None
        return cls(list(data["labels"]), data["transitions"], data["weights"], headline)

    def state_scores(self, table: Iterable[list[str]]) -> list[list[float]]:
        """Per line, the summed weight of its attributes for each label."""
        return list(self._scores(table))

    def _scores(self, table: Iterable[list[str]]) -> Iterator[list[float]]:
        size = len(self.labels)
        weights = self.weights
        for attrs in table:
            # most attributes have no weight (the model keeps a few hundred): add only those that do, in order
            acc = [0.0] * size
            for attr in attrs:
                row = weights.get(attr)
                if row is not None:
                    for k in range(size):
                        acc[k] += row[k]
            yield acc

    def _id_scores(self, rows: Iterable[list[int]], names: list[str]) -> Iterator[list[float]]:
        """``_scores`` of rows of attribute ids (``names[id]`` is the attribute's name): the same sums,
        added in the same order, with each id's weights looked up once per process, not per line."""
        size = len(self.labels)
        by_id = self._by_id
        weights = self.weights
        for ids in rows:
            if len(by_id) < len(names):  # ids interned since the last dump
                by_id.extend([weights.get(name) for name in names[len(by_id) :]])
            if size != _UNROLLED:
                acc = [0.0] * size
                for ident in ids:
                    row = by_id[ident]
                    if row is not None:
                        for k in range(size):
                            acc[k] += row[k]
                yield acc
                continue
            # the same sums in six local numbers (unboxed when compiled), not a list of float objects
            a0 = a1 = a2 = a3 = a4 = a5 = 0.0
            for ident in ids:
                row = by_id[ident]
                if row is not None:
                    a0 += row[0]
                    a1 += row[1]
                    a2 += row[2]
                    a3 += row[3]
                    a4 += row[4]
                    a5 += row[5]
            yield [a0, a1, a2, a3, a4, a5]

    def id_marginals(self, rows: Iterable[list[int]], names: list[str]) -> array[float]:
        """``flat_marginals`` of a table of attribute ids, whose names are ``names[id]`` (an append-only
        list: ``features.attr_names``)."""
        return self._forward_backward(self._id_scores(rows, names))

    def marginals(self, table: Iterable[list[str]]) -> list[list[float]]:
        """P(label | whole dump) for every line and label (forward-backward)."""
        flat = self.flat_marginals(table)
        size = len(self.labels)
        return [flat[t : t + size].tolist() for t in range(0, len(flat), size)]

    def flat_marginals(self, table: Iterable[list[str]]) -> array[float]:
        """``marginals`` with the rows one after another in an array of doubles, read from a table that
        may be a generator: per line a few numbers are kept, not a list of float objects (8 bytes a
        number instead of 32) nor its attributes, so a dump of a million short lines fits in memory."""
        return self._forward_backward(self._scores(table))

    def _forward_backward(self, scores: Iterable[list[float]]) -> array[float]:
        size = len(self.labels)
        trans = self._factors
        psi = array("d")
        alpha = array("d")
        scale: array[float] = array("d")
        # rows gathered in lists and moved to the arrays _CHUNK at a time, not one method call per row
        psi_rows: list[float] = []
        alpha_rows: list[float] = []
        scale_rows: list[float] = []
        chunk_values = _CHUNK * size
        current = [0.0] * size
        previous: list[float] = []
        count = 0
        # the forward pass runs as the scores come: a line's state weights are read while in hand
        for row in scores:
            top = _max(row)
            state = [math.exp(v - top) for v in row]
            psi_rows.extend(state)
            if count == 0:
                total = _sum(state)
            elif size == _UNROLLED:
                # the loop below with the previous row in six local numbers (unboxed when compiled): the
                # same products, added in the same order
                p0, p1, p2, p3, p4, p5 = (
                    previous[0],
                    previous[1],
                    previous[2],
                    previous[3],
                    previous[4],
                    previous[5],
                )
                total = 0.0
                for j in range(size):
                    acc = 0.0
                    acc += p0 * trans[j]
                    acc += p1 * trans[6 + j]
                    acc += p2 * trans[12 + j]
                    acc += p3 * trans[18 + j]
                    acc += p4 * trans[24 + j]
                    acc += p5 * trans[30 + j]
                    value = acc * state[j]
                    current[j] = value
                    total += value
            else:
                total = 0.0
                for j in range(size):
                    acc = 0.0
                    for i in range(size):
                        acc += previous[i] * trans[i * size + j]
                    value = acc * state[j]
                    current[j] = value
                    total += value
            if count:
                if total == 0.0:
                    total = 1e-300
                state = current
            previous = [v / total for v in state]
            alpha_rows.extend(previous)
            scale_rows.append(total)
            count += 1
            if len(alpha_rows) >= chunk_values:
                psi.extend(psi_rows)
                alpha.extend(alpha_rows)
                scale.extend(scale_rows)
                psi_rows.clear()
                alpha_rows.clear()
                scale_rows.clear()
        psi.extend(psi_rows)
        alpha.extend(alpha_rows)
        scale.extend(scale_rows)
        if count == 0:
            return alpha
        _backward(alpha, psi, scale, trans, count, size)
        return alpha


_CHUNK: Final = 512  # rows of the forward-backward arrays read or written at once (3 K numbers, 24 KB)


def _backward(
    alpha: array[float], psi: array[float], scale: array[float], trans: list[float], count: int, size: int
) -> None:
    """The backward pass: the marginals overwrite ``alpha`` row by row from the end (a row is read last
    to make its own), ``_CHUNK`` rows at a time copied out of the arrays and back."""
    beta = [1.0] * size
    weighted = [0.0] * size
    high = count
    while high > 0:
        low = max(0, high - _CHUNK)
        rows = alpha[low * size : high * size].tolist()
        states = psi[(low + 1) * size : (high + 1) * size].tolist()  # psi of the rows after low .. high
        for t in range(high - 1, low - 1, -1):
            if t < count - 1 and size == _UNROLLED:  # the branch below, weighted in six local numbers
                first = (t - low) * size  # psi row t + 1 in states
                w0 = states[first] * beta[0]
                w1 = states[first + 1] * beta[1]
                w2 = states[first + 2] * beta[2]
                w3 = states[first + 3] * beta[3]
                w4 = states[first + 4] * beta[4]
                w5 = states[first + 5] * beta[5]
                after = scale[t + 1]
                for i in range(size):
                    base = i * size
                    acc = 0.0
                    acc += trans[base] * w0
                    acc += trans[base + 1] * w1
                    acc += trans[base + 2] * w2
                    acc += trans[base + 3] * w3
                    acc += trans[base + 4] * w4
                    acc += trans[base + 5] * w5
                    beta[i] = acc / after
            elif t < count - 1:  # the last row's beta is all ones
                first = (t - low) * size  # psi row t + 1 in states
                for j in range(size):
                    weighted[j] = states[first + j] * beta[j]
                after = scale[t + 1]
                for i in range(size):
                    acc = 0.0
                    base = i * size
                    for j in range(size):
                        acc += trans[base + j] * weighted[j]
                    beta[i] = acc / after
            # row t times beta, normalised
            start = (t - low) * size
            total = 0.0
            for k in range(size):
                value = rows[start + k] * beta[k]
                rows[start + k] = value
                total += value
            if total == 0.0:
                total = 1.0
            for k in range(size):
                rows[start + k] = rows[start + k] / total
        alpha[low * size : high * size] = array("d", rows)
        high = low


def _max(values: list[float]) -> float:
    """``max(values)`` of a non-empty list, in a loop (a call of the builtin costs more than the six
    comparisons when compiled)."""
    top = values[0]
    for v in values:
        if v > top:
            top = v
    return top


def _sum(values: list[float]) -> float:
    """The sum of ``values``, added left to right (as ``sum`` does for floats up to Python 3.11)."""
    total = 0.0
    for v in values:
        total += v
    return total


_LOADED: list[LayoutModel] = []


def shipped_model() -> LayoutModel | None:
    """The model in the package's data, read once per process; None when it is missing or unreadable."""
    if not _LOADED:
        try:
            text = (
                resources.files("newsinspect")
                .joinpath("data")
                .joinpath(MODEL_FILE)
                .read_text(encoding="utf-8")
            )
            _LOADED.append(LayoutModel.from_json(text))
        except (OSError, ValueError, KeyError, TypeError):
            return None
    return _LOADED[0]
