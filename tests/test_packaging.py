"""Packaging: every Python package in the tree is shipped, and so are the data files it loads."""

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_directory_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("vntext", "pipeline", "extractors", "graph")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert found <= listed, f"not shipped in a wheel: {sorted(found - listed)}"


def test_data_files_match_the_package_data_globs():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]
    data_files = [p for p in (REPO / "extractors" / "data").iterdir() if p.is_file()]
    assert data_files
    for path in data_files:
        assert any(path.match(f"extractors/{g}") for g in globs["extractors"]), path.name
