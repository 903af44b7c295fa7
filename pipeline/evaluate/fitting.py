"""What both trainers share: fitting a logistic regression into a LinearModel, folds by document,
and one line of figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from extractors.learned.linear import LinearModel
from pipeline.evaluate.scores import Score

SEED = 20
T = TypeVar("T")


def fit_linear(features: list[set[str]], labels: list[str], c: float, all_classes: tuple[str, ...]) -> LinearModel:
    """A logistic regression (scikit-learn, fixed seed) over binary features, as a LinearModel
    whose classes are ``all_classes`` (a class with no example can never win)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [{f: 1 for f in fs} for fs in features]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    classifier.fit(matrix, labels)
    coef, intercept = classifier.coef_, classifier.intercept_
    if coef.shape[0] == 1:  # two classes: one row for the second; the first scores 0 (softmax = sigmoid)
        import numpy as np

        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
    fitted = len(classifier.classes_)
    classes = list(classifier.classes_) + [k for k in all_classes if k not in classifier.classes_]
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        row = [float(coef[i, j]) if i < fitted else 0.0 for i in range(len(classes))]
        if any(abs(w) >= 5e-3 for w in row):  # smaller weights change no decision here; the file stays small
            weights[str(name)] = tuple(round(w, 3) for w in row)
    intercepts = [float(x) for x in intercept] + [-30.0] * (len(classes) - fitted)
    return LinearModel(tuple(classes), tuple(round(x, 4) for x in intercepts), weights, {"C": c})


def folds(items: Sequence[T], key: Any, n: int = 5) -> list[tuple[list[T], list[T]]]:
    """(held-out fold, the rest) for ``n`` folds of ``items`` in ``key`` order (folds by document)."""
    order = sorted(items, key=key)
    groups = [order[i::n] for i in range(n)]
    return [(group, [x for j, g in enumerate(groups) if j != i for x in g]) for i, group in enumerate(groups)]


def with_meta(model: LinearModel, **meta: Any) -> LinearModel:
    """``model`` carrying ``meta`` (thresholds, training sets ...) with the seed, date and size."""
    full = {**meta, "seed": SEED, "trained": date.today().isoformat(), "features": len(model.weights)}
    return LinearModel(model.classes, model.intercepts, model.weights, full)


def score_line(score: Score) -> str:
    return f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} (tp {score.tp} fp {score.fp} fn {score.fn})"
