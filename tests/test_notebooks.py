"""The notebooks in notebooks/: committed without outputs, and they run on the bundled corpus.

Each notebook is executed with nbclient on the "python3" kernel (ipykernel, from the
test extras) in the notebooks' own directory, the way a user opens it.
"""

import contextlib
import json
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

from pipeline.api import SPAN_COLORS  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["document.ipynb", "graph.ipynb"]
CELL_TIMEOUT = 300  # seconds per cell: the first cell loads underthesea


def _read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def _outputs(nb, mime: str) -> list[str]:
    """Every output of this MIME type, in cell order."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mime in data:
                found.append(data[mime])
    return found


@pytest.fixture(scope="module")
def kernel_path(tmp_path_factory):
    """A "python3" kernelspec for this interpreter, first on JUPYTER_PATH: the notebooks run
    in the test's own environment even when the user has another "python3" kernel installed."""
    pytest.importorskip("ipykernel")
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3 (vanban tests)", "language": "python"}), encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(root))
        yield root


@pytest.fixture(scope="module")
def executed(kernel_path):
    """Each notebook, executed once for the module (a cell error fails here, naming the cell)."""
    runs = {}
    for name in NAMES:
        nb = _read(name)
        client = nbclient.NotebookClient(
            nb, kernel_name="python3", timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(NOTEBOOKS)}}
        )
        client.execute()
        runs[name] = nb
    return runs


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs(name):
    nb = _read(name)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, f"outputs left in {name}: {cell.source[:60]!r}"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_without_errors(executed, name):
    nb = executed[name]
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert all(cell.execution_count for cell in nb.cells if cell.cell_type == "code")


def test_document_notebook_shows_every_label_with_displacy(executed):
    spans_html = [html for html in _outputs(executed["document.ipynb"], "text/html") if 'class="spans"' in html]
    assert len(spans_html) == 1
    for label, colour in SPAN_COLORS.items():  # each label drawn on its own colour
        assert re.search(rf"background: {colour}[^>]*>\s*{label}\s*</span>", spans_html[0]), label
    assert "BTCTW" in spans_html[0] and "Bình" in spans_html[0]


def test_document_notebook_tables_hold_the_findings(executed):
    tables = "\n".join(_outputs(executed["document.ipynb"], "text/plain"))
    for expected in ["16-HD/BTCTW", "Nguyễn Thanh Bình", "Thứ trưởng", "2022-02-15", "based_on"]:
        assert expected in tables


def test_graph_notebook_draws_its_pictures_and_tables(executed):
    nb = executed["graph.ipynb"]
    # the implementation chain, the rollout's timeline, the province grid, citations over time
    assert len(_outputs(nb, "image/png")) == 4
    tables = "\n".join(_outputs(nb, "text/plain"))
    for expected in ["50-QĐ/TW", "16-HD/BTCTW", "implements", "Võ Thị Mai", "Ban Tổ chức Tỉnh ủy Đồng Tháp"]:
        assert expected in tables
    for expected in ["central_party", "Đồng Tháp", "replaced", "in_force"]:  # rollout, coverage, status
        assert expected in tables
    assert "vanban graph export" in "".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


# --- what the README tells a user to install is what the notebooks need ---------------------

FIRST_PARTY = {"pipeline", "graph", "extractors", "vntext"}
NOTEBOOK_EXTRA = re.compile(r'pip install -e "\.\[(?P<extras>[\w,]+)\]"')


def _readme_notebook_extras() -> set[str]:
    """The extras the README's notebook steps install (the `pip install -e ".[...]"` line of that section)."""
    readme = (NOTEBOOKS.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Two notebooks in `notebooks/`") :]
    section = section[: section.index("\n## ")]
    found = NOTEBOOK_EXTRA.search(section)
    assert found, "the README's notebook section tells no pip install of an extra"
    assert "make demo" in section and "jupyter lab notebooks/" in section
    return set(found.group("extras").split(","))


def _requirement_set(extras: set[str]) -> set[str]:
    """Distributions installed by `pip install -e ".[extras]"`: vanban's dependencies plus the extras', with
    everything they require in turn (read from the installed packages' metadata)."""
    import tomllib
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((NOTEBOOKS.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + [r for e in extras for r in project["optional-dependencies"][e]]
    seen: set[str] = set()
    queue = [Requirement(r) for r in wanted]
    while queue:
        req = queue.pop()
        name = canonicalize_name(req.name)
        if name in seen or (req.marker and not req.marker.evaluate({"extra": ""})):
            continue
        seen.add(name)
        # not installed here: its own requirements cannot be read, the name still counts
        with contextlib.suppress(metadata.PackageNotFoundError):
            queue += [Requirement(r) for r in metadata.requires(req.name) or []]
    return seen


def _notebook_imports() -> set[str]:
    import ast

    modules = set()
    for name in NAMES:
        for cell in _read(name).cells:
            if cell.cell_type != "code":
                continue
            source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Import):
                    modules |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules.add(node.module.split(".")[0])
    return modules


def test_the_readme_notebook_steps_install_what_the_notebooks_import():
    from importlib import metadata

    from packaging.utils import canonicalize_name

    extras = _readme_notebook_extras()
    assert "notebooks" in extras
    installed = _requirement_set(extras)
    providers = metadata.packages_distributions()
    third_party = {m for m in _notebook_imports() if m not in sys.stdlib_module_names and m not in FIRST_PARTY}
    assert {"matplotlib", "networkx", "pandas"} <= third_party  # what the notebooks draw and tabulate with
    missing = {m for m in third_party if not {canonicalize_name(d) for d in providers.get(m, [m])} & installed}
    assert not missing, f"the notebooks import {sorted(missing)}, which the README's steps do not install"
    assert {"jupyterlab", "ipykernel"} <= installed  # `jupyter lab` and the kernel the notebooks run on


def test_the_core_install_alone_would_miss_matplotlib():
    """The check above can fail: without the extra, matplotlib is not in the requirement set."""
    assert "matplotlib" not in _requirement_set(set())
