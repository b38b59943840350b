"""A linear-chain CRF decoder: the weights trained by ``training/layout.py``, read lazily once per process.

The model is a JSON file in ``newsinspect/data/``: the label names, a label-to-label transition matrix,
and for every attribute one weight per label. ``marginals`` runs forward-backward (scaled, so that long
pages cannot overflow) and gives each line's probability of each label. No third-party code: the
training tool (python-crfsuite) is needed only to fit the weights.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterable, Iterator
from importlib import resources

MODEL_FILE = "layout.json"


class LayoutModel:
    """Label names, transition weights and per-attribute state weights."""

    __slots__ = ("_factors", "labels", "transitions", "weights")

    def __init__(
        self, labels: list[str], transitions: list[list[float]], weights: dict[str, list[float]]
    ) -> None:
        self.labels = labels
        self.weights = weights
        self.transitions = transitions
        self._factors = [[math.exp(w) for w in row] for row in transitions]

    def to_json(self) -> str:
        data = {"labels": self.labels, "transitions": self.transitions, "weights": self.weights}
        return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LayoutModel:
        data = json.loads(text)
        return cls(list(data["labels"]), data["transitions"], data["weights"])

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

    def marginals(self, table: Iterable[list[str]]) -> list[list[float]]:
        """P(label | whole dump) for every line and label (forward-backward)."""
        flat = self.flat_marginals(table)
        size = len(self.labels)
        return [flat[t : t + size].tolist() for t in range(0, len(flat), size)]

    def flat_marginals(self, table: Iterable[list[str]]) -> array[float]:
        """``marginals`` with the rows one after another in an array of doubles, read from a table that
        may be a generator: per line a few numbers are kept, not a list of float objects (8 bytes a
        number instead of 32) nor its attributes, so a dump of a million short lines fits in memory."""
        size = len(self.labels)
        trans = self._factors
        psi = array("d")
        for row in self._scores(table):
            top = max(row)
            psi.extend([math.exp(v - top) for v in row])
        count = len(psi) // size
        if count == 0:
            return psi
        alpha = array("d")
        scale: array[float] = array("d")
        current = psi[0:size].tolist()
        total = sum(current)
        alpha.extend([v / total for v in current])
        scale.append(total)
        previous = alpha[0:size].tolist()
        for t in range(1, count):
            state = psi[t * size : (t + 1) * size].tolist()
            current = [0.0] * size
            for j in range(size):
                acc = 0.0
                for i in range(size):
                    acc += previous[i] * trans[i][j]
                current[j] = acc * state[j]
            total = sum(current) or 1e-300
            previous = [v / total for v in current]
            alpha.extend(previous)
            scale.append(total)
        beta = [1.0] * size
        # The marginals overwrite alpha row by row from the end: a row is read last to make its own.
        _to_posterior(alpha, count - 1, size, beta)
        for t in range(count - 2, -1, -1):
            state = psi[(t + 1) * size : (t + 2) * size].tolist()
            weighted = [state[j] * beta[j] for j in range(size)]
            nxt = [0.0] * size
            for i in range(size):
                row = trans[i]
                acc = 0.0
                for j in range(size):
                    acc += row[j] * weighted[j]
                nxt[i] = acc / scale[t + 1]
            beta = nxt
            _to_posterior(alpha, t, size, beta)
        return alpha


def _to_posterior(alpha: array[float], t: int, size: int, beta: list[float]) -> None:
    """Row ``t`` of ``alpha`` times ``beta``, normalised, in place."""
    here = slice(t * size, (t + 1) * size)
    alpha[here] = array("d", _normalised([a * b for a, b in zip(alpha[here].tolist(), beta, strict=True)]))


def _normalised(values: list[float]) -> list[float]:
    total = sum(values) or 1.0
    return [v / total for v in values]


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
