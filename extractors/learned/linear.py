"""A fitted multinomial linear model read from JSON: sparse binary features in, class
probabilities out (softmax). The trainer (``pipeline.evaluate.train``) writes the file from a
scikit-learn ``LogisticRegression``; applying it needs only the standard library."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class LinearModel:
    """Classes, one intercept each, and per feature one weight per class."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax of intercept plus the weights of the features present (each counts once)."""
        scores = list(self.intercepts)
        for feature in set(features):
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    scores[i] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "intercepts": list(self.intercepts),
            "weights": {f: list(w) for f, w in sorted(self.weights.items())},
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            intercepts=tuple(float(x) for x in data["intercepts"]),
            weights={f: tuple(float(x) for x in w) for f, w in data["weights"].items()},
            meta=dict(data.get("meta", {})),
        )


@lru_cache(maxsize=8)
def load_model(name: str) -> LinearModel | None:
    """The packaged model ``extractors/learned/<name>.model.json``; None when it is not there."""
    path = resources.files("extractors.learned").joinpath(f"{name}.model.json")
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
