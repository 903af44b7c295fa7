"""Shared fixtures: the project's own fixtures, and ../shared when it is beside the checkout."""

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
