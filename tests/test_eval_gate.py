"""The evaluation gate: F1 floors on the real dev set (needs ../shared; skipped without it).

The floors sit a little under the figures measured when they were set, so a change
that loses citations, dates, people or relations fails the build.
"""

import json

import jsonschema
import pytest

from pipeline.evaluate.scores import evaluate, load_gold
from pipeline.ingest import read_file
from pipeline.run.process import extract_paths
from tests.test_contract import SCHEMA, assert_spans_round_trip

FLOORS = {
    "codes": 0.95,
    "code_dates": 0.90,
    "dates": 0.95,
    "periods": 0.90,
    "people": 0.92,
    "relations": 0.95,  # measured 0.974 (issue 10)
    "published": 0.99,
}
# Posts recall on dev after its gold was completed to the new posts rule (career posts, infobox
# rows): measured 0.568 (P 1.000) with the rules on 2026-12-07; with the learned attachment made
# the default (issue 21, trained on dev among others) 0.888 (P 0.988) at the end of that round,
# 0.951 (P 0.993) at the end of the next (bodies read where the text gives them, the scorer
# ignoring a leading "nguyên"); floor a little under.
RECALL_FLOORS = {"posts": 0.93}


@pytest.fixture(scope="module")
def dev_report(shared_dir):
    return evaluate(shared_dir / "corpus" / "dev")


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_f1_floor(dev_report, category):
    score = dev_report.scores[category]
    assert score.tp > 0, f"{category}: nothing found at all"
    assert score.f1 >= FLOORS[category], f"{category} F1 {score.f1:.3f} < {FLOORS[category]}"


@pytest.mark.parametrize("category", sorted(RECALL_FLOORS))
def test_recall_floor(dev_report, category):
    score = dev_report.scores[category]
    assert score.recall >= RECALL_FLOORS[category], f"{category} recall {score.recall:.3f}"


def test_no_dev_file_fails(dev_report):
    assert dev_report.failed == []
    assert dev_report.files >= 30


def test_dev_records_keep_the_contract(shared_dir):
    pairs = load_gold(shared_dir / "corpus" / "dev")
    for (path, _gold), record in zip(pairs, extract_paths([p for p, _ in pairs])):
        jsonschema.validate(record, SCHEMA)
        (raw,) = list(read_file(path))
        assert_spans_round_trip(record, raw.text)
        json.dumps(record, ensure_ascii=False)


# --- dev2: 50 texts the relation rules were not written on (issue 10) -----------------------

#: Relations on dev2, precision and recall apart (measured P 1.000, R 1.000 after tuning on all of dev2;
#: the held-out half scored P 1.000, R 0.548 before its misses were read).
DEV2_RELATION_FLOORS = {"precision": 0.95, "recall": 0.95, "f1": 0.95}


# --- people and posts on dev2 (texts the extractor was not written on; issue 11) --------
# Floors a little under what was measured when they were set: people P 0.992 R 1.000
# F1 0.996; posts P 0.970 R 0.508 after dev2's gold was completed to the new posts rule
# (career posts and infobox rows count; measured 2026-12-07, was R 0.959 on the old gold); with the
# learned post attachment made the default (issue 21, trained on dev2 among others) posts P 0.959
# R 0.848 at the end of the round, P 0.938 R 0.874 at the end of the next (chosen at out-of-fold
# precision 0.85, which trades a little of dev2's in-sample precision for recall).
DEV2_PEOPLE_FLOORS = [
    ("people", "f1", 0.97),
    ("people", "precision", 0.96),
    ("posts", "recall", 0.85),
    ("posts", "precision", 0.92),
]


@pytest.fixture(scope="module")
def dev2_report(shared_dir):
    path = shared_dir / "corpus" / "dev2"
    if not path.is_dir():
        pytest.skip("needs ../shared/corpus/dev2")
    return evaluate(path)


@pytest.mark.parametrize("measure", sorted(DEV2_RELATION_FLOORS))
def test_dev2_relations_floor(dev2_report, measure):
    score = dev2_report.scores["relations"]
    assert score.tp > 0, "relations: nothing found on dev2"
    value = getattr(score, measure)
    assert value >= DEV2_RELATION_FLOORS[measure], f"dev2 relations {measure} {value:.3f}"


def assert_floor(report, set_name: str, category: str, measure: str, floor: float) -> None:
    """``category``'s ``measure`` (precision, recall, f1) on ``report`` is at least ``floor``."""
    score = report.scores[category]
    assert score.tp > 0, f"{category}: nothing found at all"
    value = getattr(score, measure)
    assert value >= floor, f"{set_name} {category} {measure} {value:.3f} < {floor}"


@pytest.mark.parametrize("category, measure, floor", DEV2_PEOPLE_FLOORS)
def test_dev2_people_floor(dev2_report, category, measure, floor):
    assert_floor(dev2_report, "dev2", category, measure, floor)


# --- dev3-tune: the even positions of dev3 in name order (issues 20, 21) -------------------
# dev3-held (the odd positions) is never gated here, so that it stays a measure. Measured with
# the learned relation decision on 2026-12-07 (it was trained on this half, so these are not
# held-out figures): codes F1 0.981, people F1 0.923, relations P 0.912 R 0.838; posts P 0.917
# R 0.624 with the learned post attachment made the default (was P 0.717 R 0.254 with the rules).
# At the end of the next round: relations P 0.970 R 0.865, posts P 0.909 R 0.687; at the end of
# the one after (more gold, rules read from fresh texts): posts P 0.928 R 0.730; on 2026-12-08
# (ten more fresh draws, the posts model adding at 0.5): posts P 0.914 R 0.771.
DEV3_TUNE_FLOORS = [
    ("codes", "f1", 0.96),
    ("dates", "f1", 0.95),
    ("people", "f1", 0.90),
    ("posts", "recall", 0.74),
    ("posts", "precision", 0.90),
    ("relations", "precision", 0.94),
    ("relations", "recall", 0.84),
]


@pytest.fixture(scope="module")
def dev3_tune_report(shared_dir):
    path = shared_dir / "corpus" / "dev3"
    if not path.is_dir():
        pytest.skip("needs ../shared/corpus/dev3")
    return evaluate(path, split="tune")


def test_dev3_tune_is_the_even_half(shared_dir, dev3_tune_report):
    gold = load_gold(shared_dir / "corpus" / "dev3")
    assert dev3_tune_report.files == (len(gold) + 1) // 2


@pytest.mark.parametrize("category, measure, floor", DEV3_TUNE_FLOORS)
def test_dev3_tune_floor(dev3_tune_report, category, measure, floor):
    assert_floor(dev3_tune_report, "dev3-tune", category, measure, floor)
