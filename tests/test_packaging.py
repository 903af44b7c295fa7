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


def _data_folders() -> list[Path]:
    """Folders inside the packages that hold files but no __init__.py (setuptools sees them as packages)."""
    return [
        folder
        for top in ("vntext", "pipeline", "extractors", "graph")
        for folder in [REPO / top, *(REPO / top).rglob("*")]
        if folder.is_dir()
        and folder.name != "__pycache__"
        and not (folder / "__init__.py").exists()
        and any(p.is_file() for p in folder.iterdir())
    ]


def test_data_folders_are_declared_packages_so_setuptools_does_not_warn():
    """setuptools warns "Package 'graph.static' is absent from the packages configuration" for any
    importable folder it is not told about; each data folder is listed, with globs for its files."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    globs = config["tool"]["setuptools"]["package-data"]
    folders = _data_folders()
    assert {"extractors.data", "graph.static", "graph.static.vendor"} <= {
        ".".join(f.relative_to(REPO).parts) for f in folders
    }
    for folder in folders:
        package = ".".join(folder.relative_to(REPO).parts)
        assert package in listed, f"{package}: not in [tool.setuptools] packages"
        for path in folder.iterdir():
            if path.is_file():
                assert any(path.match(g) for g in globs.get(package, [])), f"{path}: no package-data glob ships it"


def test_spacy_entry_points_name_every_component_and_the_tokenizer():
    from pipeline.nlp import COMPONENTS
    from pipeline.tokenize import TOKENIZER_NAME

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = config["project"]["entry-points"]
    assert sorted(entry_points["spacy_factories"]) == sorted(COMPONENTS)
    assert list(entry_points["spacy_tokenizers"]) == [TOKENIZER_NAME]
    import pipeline.nlp as nlp

    for name, target in entry_points["spacy_factories"].items():
        module, attr = target.split(":")
        assert module == "pipeline.nlp" and callable(getattr(nlp, attr)), name


def test_lxml_html_clean_is_a_declared_dependency():
    """An older pip ignores lxml's html_clean extra; trafilatura then fails on every HTML file."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(dep.startswith("lxml_html_clean") for dep in config["project"]["dependencies"])


def test_every_top_package_ships_py_typed():
    """The annotations are public (PEP 561): each package has py.typed and a glob that ships it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]
    for package in ("vntext", "extractors", "pipeline", "graph"):
        assert (REPO / package / "py.typed").is_file(), package
        assert "py.typed" in globs.get(package, []), package
