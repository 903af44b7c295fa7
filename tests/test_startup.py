"""Heavy libraries are imported only by what needs them (a fresh interpreter each time)."""

import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HEAVY = ["spacy", "underthesea", "networkx", "pandas", "trafilatura", "pdfplumber", "dask"]


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "code, allowed",
    [
        ("from pipeline.cli.commands import cli", set()),  # vanban --help
        (
            "from pipeline.run.process import process_document; from pipeline.ingest import read_file\n"
            f"from pathlib import Path\n[process_document(d) for d in read_file(Path({str(CORPUS / 'huong-dan-15-HD-TU.txt')!r}))]",
            set(),
        ),  # extract of a text file
        (
            "from pipeline.run.process import process_document; from pipeline.ingest import read_file\n"
            f"from pathlib import Path\n[process_document(d, tokens=True) for d in read_file(Path({str(CORPUS / 'huong-dan-15-HD-TU.txt')!r}))]",
            {"underthesea"},
        ),  # extract --tokens: no spaCy
    ],
)
def test_only_what_is_needed_is_imported(code, allowed):
    assert _imported_after(code) == allowed


def test_the_notebook_doc_still_brings_spacy():
    code = (
        "from pipeline.api import analyze_file\n"
        f"a = analyze_file({str(CORPUS / 'huong-dan-15-HD-TU.txt')!r})\nassert a.doc.spans['vanban']"
    )
    assert "spacy" in _imported_after(code)
