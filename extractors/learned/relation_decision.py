"""The learned decision over relation candidates: rules propose, a model trained on gold decides.

Three ways to decide, so that they can be compared on the same candidates:

- ``rules``: what the rules found (``extractors.relations``), unchanged;
- ``model``: every candidate pair the model types with enough probability;
- ``hybrid`` (shipped when it scores best on held-out text): the rules' relations unless the
  model is sure there is none, plus the pairs the model is sure of that the rules missed.

The thresholds are chosen by the trainer on out-of-fold predictions and stored in the model
file; a relation's confidence is the model's probability for its type.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.codes import code_key
from extractors.learned.linear import LinearModel, load_model
from extractors.learned.relation_candidates import Candidate, relation_candidates
from extractors.models import Relation
from extractors.relations import RelationReading, merge_relations

MODES = ("rules", "model", "hybrid")
NONE = "none"
MODEL_NAME = "relations"


def decide_relations(
    text: str, reading: RelationReading, mode: str = "hybrid", model: LinearModel | None = None
) -> list[Relation]:
    """The relations of ``text`` decided the ``mode`` way (see the module docstring); the rules'
    relations when no model is packaged."""
    if mode not in MODES:
        raise ValueError(f"relations mode {mode!r}: expected one of {', '.join(MODES)}")
    model = model or load_model(MODEL_NAME)
    if mode == "rules" or model is None:
        return reading.relations
    candidates = relation_candidates(text, reading)
    rules: dict[tuple[str, str], list[Relation]] = {}
    for r in reading.relations:  # a pair the rules type twice ("amends" and "repeals") keeps both
        rules.setdefault((code_key(r.source), code_key(r.target)), []).append(r)
    veto = float(model.meta.get("veto_threshold", 1.01))
    add = float(model.meta.get("add_threshold", 0.5))
    found: list[Relation] = []
    for cand in candidates:
        probs = model.probabilities(cand.features())
        kind, p = max(((k, v) for k, v in probs.items() if k != NONE), key=lambda kv: kv[1])
        ruled = rules.get((code_key(cand.source), code_key(cand.target)), [])
        if mode == "hybrid" and ruled:
            if probs[NONE] < veto:
                found.extend(
                    replace(rule, confidence=round(max(probs.get(rule.type, 0.0), 1 - probs[NONE]), 3))
                    for rule in ruled
                )
            continue
        if p >= add and p > probs[NONE]:
            found.append(_model_relation(cand, kind, p, model))
    return merge_relations(found)


def _model_relation(cand: Candidate, kind: str, p: float, model: LinearModel) -> Relation:
    """A relation the model decided, its evidence the sentence of the mention that says it best."""
    best = max(cand.mentions, key=lambda m: model.probabilities(m.features | {f"how={h}" for h in cand.how})[kind])
    start, end = best.sentence
    return Relation(cand.source, kind, cand.target, round(p, 3), start, end, "model")
