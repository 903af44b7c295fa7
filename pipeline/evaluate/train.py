"""Train the learned relation decision from gold and judge it against the rules (``make train``).

Rules propose candidates (``extractors.learned.relation_candidates``); a multinomial logistic
regression (scikit-learn, fixed seed) learns from the tune sets (dev, dev2, dev3-tune,
bench-tune) which candidate pairs are related and how. Thresholds for the hybrid are chosen on
out-of-fold predictions (folds by document), then the model is refitted on all tune data and
written as JSON beside the code that applies it, with a card. The held-out sets (dev3-held,
bench-held) are scored once, rules / model / hybrid side by side, figures only: their texts
and misses are never printed.

    python -m pipeline.evaluate.train --shared ../shared            # fit, judge, write model and card
    python -m pipeline.evaluate.train --shared ../shared --dry-run  # figures only
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractors.codes import code_key
from extractors.identity import page_subject_start
from extractors.learned.linear import LinearModel
from extractors.learned.relation_candidates import Candidate, relation_candidates
from extractors.learned.relation_decision import MODES, NONE, decide_relations
from extractors.models import Facts
from extractors.patterns.relations import RELATION_TYPES
from extractors.relations import RelationReading, read_relations
from pipeline.evaluate import train_posts
from pipeline.evaluate.fitting import fit_linear, folds, score_line, with_meta
from pipeline.evaluate.gold_sets import RELATION_DRAWS, named_sets
from pipeline.evaluate.scores import Score, tally
from pipeline.evaluate.train_posts import PostExample, post_example
from pipeline.ingest import read_file
from pipeline.models import RawDocument
from pipeline.run.facts import Source, run_step
from pipeline.run.record import iso_date
from vntext.normalize import normalize

TUNE_SETS = ("dev", "dev2", "dev3-tune", "bench-tune", *(f"{draw}-tune" for draw in RELATION_DRAWS))
HELD_SETS = ("dev3-held", "bench-held", *(f"{draw}-held" for draw in RELATION_DRAWS))
MODEL_DIR = Path(__file__).resolve().parents[2] / "extractors" / "learned"
CLASSES = (NONE, *RELATION_TYPES)


@dataclass
class Example:
    """One gold text read as far as the relation decision needs."""

    set_name: str
    name: str
    text: str
    reading: RelationReading
    candidates: list[Candidate]
    gold: set[tuple[str, str, str]]
    optional: set[tuple[str, str, str]]
    labels: list[str] = field(default_factory=list)
    posts: PostExample | None = None


def _triple(source: str, kind: str, target: str) -> tuple[str, str, str]:
    return (code_key(source), kind, code_key(target))


def read_example(set_name: str, path: Path, gold: dict) -> Example | None:
    """The rules' reading and the candidates of one gold text, labelled from its gold."""
    raws = [r for r in read_file(path) if isinstance(r, RawDocument)]
    if not raws:
        return None
    raw = raws[0]
    norm = normalize(raw.text, "md" if raw.markdown else raw.format)
    facts = Facts()  # the steps the relations rest on (dates, identity, citations), not the relations
    run_step("citations", Source(norm.text, iso_date(raw.published), raw.id), facts, [])
    page = page_subject_start(norm.text) if facts.identity is None else None
    reading = read_relations(norm.text, facts.citations, facts.identity, raw.id or "", page)
    candidates = relation_candidates(norm.text, reading)
    example = Example(
        set_name,
        path.name,
        norm.text,
        reading,
        candidates,
        {_triple(*r) for r in gold.get("relations", [])},
        {_triple(*r) for r in gold.get("relations_optional", [])},
    )
    signer = facts.identity.signer if facts.identity else None
    example.posts = post_example(set_name, path.name, norm.text, signer, gold)
    by_pair: dict[tuple[str, str], str] = {}
    for s, k, t in sorted(example.gold):  # a pair gold types twice ("amends" and "replaces"): the first in name order
        by_pair.setdefault((s, t), k)
    example.labels = [by_pair.get((code_key(c.source), code_key(c.target)), NONE) for c in candidates]
    return example


def candidate_recall(examples: list[Example]) -> tuple[int, int]:
    """(gold relations whose pair is a candidate, gold relations)."""
    covered = total = 0
    for ex in examples:
        pairs = {(code_key(c.source), code_key(c.target)) for c in ex.candidates}
        total += len(ex.gold)
        covered += sum(1 for s, _k, t in ex.gold if (s, t) in pairs)
    return covered, total


def score(examples: list[Example], mode: str, model: LinearModel | None) -> tuple[Score, dict[str, Score]]:
    """Relations of the examples decided the ``mode`` way against their gold: all, and per type."""
    total, per_type = Score(), {k: Score() for k in RELATION_TYPES}
    for ex in examples:
        predicted = {_triple(r.source, r.type, r.target) for r in decide_relations(ex.text, ex.reading, mode, model)}
        tally(total, predicted, ex.gold, ex.optional)
        for kind, kind_score in per_type.items():
            tally(
                kind_score,
                {t for t in predicted if t[1] == kind},
                {t for t in ex.gold if t[1] == kind},
                {t for t in ex.optional if t[1] == kind},
            )
    return total, per_type


def fit(examples: list[Example], c: float) -> LinearModel:
    """A logistic regression over the relation candidates of ``examples``."""
    rows = [cand.features() for ex in examples for cand in ex.candidates]
    return fit_linear(rows, [label for ex in examples for label in ex.labels], c, CLASSES)


def out_of_fold(examples: list[Example], c: float) -> list[tuple[Example, LinearModel]]:
    """Each example with a model fitted without its fold (folds by document, fixed order)."""
    paired: list[tuple[Example, LinearModel]] = []
    for group, rest in folds(examples, key=lambda ex: (ex.set_name, ex.name)):
        model = fit(rest, c)
        paired.extend((ex, model) for ex in group)
    return paired


def oof_score(paired: list[tuple[Example, LinearModel]], mode: str, veto: float, add: float) -> Score:
    total = Score()
    for ex, model in paired:
        found = decide_relations(ex.text, ex.reading, mode, with_meta(model, veto_threshold=veto, add_threshold=add))
        tally(total, {_triple(r.source, r.type, r.target) for r in found}, ex.gold, ex.optional)
    return total


#: Confidence bands of the README's reliability table, highest first (lower bound, label).
BANDS = ((0.9, "≥ 0.90"), (0.8, "0.80 – 0.90"), (0.7, "0.70 – 0.80"), (0.5, "0.50 – 0.70"), (0.0, "< 0.50"))
README = Path(__file__).resolve().parents[2] / "README.md"
TABLE_START, TABLE_END = "<!-- reliability table: make train -->", "<!-- end of reliability table -->"


def reliability_table(paired: list[tuple[Example, LinearModel]], mode: str, veto: float, add: float) -> str:
    """The shipped decision's relations on the tune texts, each decided by a model fitted without
    its fold, counted by confidence band against the gold (the confidence a relation carries is
    the model's probability, so this is how far an out-of-fold probability can be trusted)."""
    rows = {label: [0, 0, 0, 0.0] for _low, label in BANDS}  # relations, right, optional, sum of confidences
    for ex, model in paired:
        for r in decide_relations(ex.text, ex.reading, mode, with_meta(model, veto_threshold=veto, add_threshold=add)):
            label = next(label for low, label in BANDS if r.confidence >= low)
            triple = _triple(r.source, r.type, r.target)
            row = rows[label]
            row[0] += 1
            row[1] += triple in ex.gold
            row[2] += triple in ex.optional and triple not in ex.gold
            row[3] += r.confidence
    lines = [
        "| confidence | relations | right | optional | wrong | mean confidence | share right |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for _low, label in BANDS:
        n, right, optional, total = rows[label]
        if n:
            share = f"{right / n:.2f}"
            lines.append(
                f"| {label} | {n} | {right} | {optional} | {n - right - optional} | {total / n:.2f} | {share} |"
            )
    return "\n".join(lines)


def write_readme_table(table: str, readme: Path = README) -> bool:
    """Put ``table`` between the README's reliability-table markers; False when they are missing."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        return False
    readme.write_text(text[: start + len(TABLE_START)] + "\n" + table + "\n" + text[end:], encoding="utf-8")
    return True


def choose(examples: list[Example]) -> tuple[float, float, float, str, list[str]]:
    """C, veto and add thresholds, and the mode, that score best out of fold on the tune sets."""
    log: list[str] = []
    best: tuple[float, float, float, float, str] = (-1.0, 1.0, 1.01, 0.5, "rules")
    for c in (0.3, 1.0, 3.0):
        paired = out_of_fold(examples, c)
        for add in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            oof = oof_score(paired, "model", 1.01, add)
            log.append(f"C {c} model add {add}: {score_line(oof)}")
            if oof.f1 > best[0]:
                best = (oof.f1, c, 1.01, add, "model")
            for veto in (1.01, 0.97, 0.9, 0.8):  # on a tie, the hybrid that withdraws least wins
                oof = oof_score(paired, "hybrid", veto, add)
                log.append(f"C {c} hybrid veto {veto} add {add}: {score_line(oof)}")
                if oof.f1 > best[0]:
                    best = (oof.f1, c, veto, add, "hybrid")
    _f1, c, veto, add, mode = best
    return c, veto, add, mode, log


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        sets = named_sets(args.shared, Path(tmp) / "bench")
        examples: dict[str, list[Example]] = {}
        for name, pairs in sets.items():
            examples[name] = [ex for path, gold in pairs if (ex := read_example(name, path, gold)) is not None]
    tune = [ex for name in TUNE_SETS for ex in examples.get(name, [])]
    labels = Counter(label for ex in tune for label in ex.labels)
    report = [f"tune candidates: {sum(labels.values())}, by label: {dict(sorted(labels.items()))}"]
    for name, exs in examples.items():
        covered, gold_count = candidate_recall(exs)
        report.append(f"candidate recall {name}: {covered}/{gold_count} = {covered / max(1, gold_count):.3f}")
    c, veto, add, mode, log = choose(tune)
    report.append(f"chosen out of fold: C {c}, mode {mode}, veto {veto}, add {add}")
    for line in log:
        if line.startswith(f"C {c} "):
            report.append("  oof " + line)
    table = reliability_table(out_of_fold(tune, c), mode, veto, add)
    report.append(f"reliability out of fold ({mode}, tune sets):")
    report.extend("  " + line for line in table.splitlines())
    model = with_meta(
        fit(tune, c),
        C=c,
        veto_threshold=veto,
        add_threshold=add,
        mode=mode,
        train_sets=[n for n in TUNE_SETS if n in examples],
        train_texts=len(tune),
    )
    for name in (*TUNE_SETS, *HELD_SETS):
        if name not in examples:
            continue
        for how in MODES:
            total, per_type = score(examples[name], how, model)
            kinds = ", ".join(
                f"{k} {t.tp}/{t.tp + t.fp}/{t.tp + t.fn}" for k, t in per_type.items() if t.tp + t.fp + t.fn
            )
            report.append(f"{name:<11} {how:<7} {score_line(total)}  [type tp/predicted/gold: {kinds}]")
    posts_examples = {name: [ex.posts for ex in exs if ex.posts is not None] for name, exs in examples.items()}
    posts_model, posts_report = train_posts.train(posts_examples)
    report.extend(posts_report)
    report.append(f"training and judging took {time.perf_counter() - started:.0f} s")
    print("\n".join(report))
    if not args.dry_run:
        path = MODEL_DIR / "relations.model.json"
        path.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        (MODEL_DIR / "relations.train-report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
        if write_readme_table(table):
            print(f"wrote the reliability table into {README.name}")
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB) and relations.train-report.txt")
        path = MODEL_DIR / "posts.model.json"
        path.write_text(
            json.dumps(posts_model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
