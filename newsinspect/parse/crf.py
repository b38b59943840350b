"""A linear-chain CRF decoder: the weights trained by ``training/layout.py``, read lazily once per process.

The model is a JSON file in ``newsinspect/data/``: the label names, a label-to-label transition matrix,
and for every attribute one weight per label. ``marginals`` runs forward-backward (scaled, so that long
pages cannot overflow) and gives each line's probability of each label. No third-party code: the
training tool (python-crfsuite) is needed only to fit the weights.
"""

from __future__ import annotations

import json
import math
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

    def state_scores(self, table: list[list[str]]) -> list[list[float]]:
        """Per line, the summed weight of its attributes for each label."""
        size = len(self.labels)
        weights = self.weights
        out: list[list[float]] = []
        for attrs in table:
            # most attributes have no weight (the model keeps a few hundred): add only those that do, in order
            acc = [0.0] * size
            for attr in attrs:
                row = weights.get(attr)
                if row is not None:
                    for k in range(size):
                        acc[k] += row[k]
            out.append(acc)
        return out

    def marginals(self, table: list[list[str]]) -> list[list[float]]:
        """P(label | whole dump) for every line and label (forward-backward)."""
        count = len(table)
        size = len(self.labels)
        if count == 0:
            return []
        trans = self._factors
        psi: list[list[float]] = []
        for row in self.state_scores(table):
            top = max(row)
            psi.append([math.exp(v - top) for v in row])
        alpha: list[list[float]] = []
        scale: list[float] = []
        current = list(psi[0])
        total = sum(current)
        alpha.append([v / total for v in current])
        scale.append(total)
        for t in range(1, count):
            previous = alpha[t - 1]
            state = psi[t]
            current = [0.0] * size
            for j in range(size):
                acc = 0.0
                for i in range(size):
                    acc += previous[i] * trans[i][j]
                current[j] = acc * state[j]
            total = sum(current) or 1e-300
            alpha.append([v / total for v in current])
            scale.append(total)
        beta = [1.0] * size
        out: list[list[float]] = [[]] * count
        out[count - 1] = _normalised([a * b for a, b in zip(alpha[count - 1], beta, strict=True)])
        for t in range(count - 2, -1, -1):
            state = psi[t + 1]
            weighted = [state[j] * beta[j] for j in range(size)]
            nxt = [0.0] * size
            for i in range(size):
                row = trans[i]
                acc = 0.0
                for j in range(size):
                    acc += row[j] * weighted[j]
                nxt[i] = acc / scale[t + 1]
            beta = nxt
            out[t] = _normalised([a * b for a, b in zip(alpha[t], beta, strict=True)])
        return out


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
