"""Shared fixtures: the project's own fixtures, and ../shared when it is beside the checkout."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (spec, dev gold, real files); skips the test without it."""
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("needs ../shared (dev corpus and gold) beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO / "corpus"


# Hypothesis profiles for tests/test_fuzz.py: "short" in make test, "long" behind
# `pytest --hypothesis-profile=long tests/test_fuzz.py` (a few minutes).
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "short",
        max_examples=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.register_profile(
        "long",
        max_examples=2000,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.load_profile("short")
except ImportError:  # hypothesis is in the test extra
    pass


@pytest.fixture
def gold_dir(tmp_path) -> Path:
    """A gold set of one sentence: one code found, one missed, one date."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text(
        "Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương.", encoding="utf-8"
    )
    (gold / "a.json").write_text(
        json.dumps(
            {
                "file": "a.txt",
                "published": None,
                "codes": {"16-HD/BTCTW": {"date": "2022-02-15"}, "99-QĐ/TW": {}},
                "dates": ["2022-02-15"],
                "periods": [],
                "people": {},
                "people_optional": [],
                "relations": [],
                "relations_optional": [],
            }
        ),
        encoding="utf-8",
    )
    return gold
