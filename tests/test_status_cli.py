"""`vanban query status / conflicts / rollout` and the status in exports, on a small store of our own."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.store.db import Store
from tests.test_rollout import store as rollout_records
from tests.test_status import CASES, _replace


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("status") / "s.db"
    renamed = [{**r, "id": f"s{r['id']}", "source": f"s{r['source']}"} for r in CASES["replaced beats amended"][0]]
    records = rollout_records() + renamed + [_replace("x", "201-QĐ/TW", "2025-07-01")]
    with Store(path) as store:
        for r in records:
            store.put(r)
    return path


def run(db, *args):
    first = 2 if args[0] == "graph" else 1
    result = CliRunner().invoke(cli, [*map(str, args[:first]), "--db", str(db), *map(str, args[first:])])
    assert result.exit_code == 0, result.output
    return result.output


def test_status_text_and_json(db):
    text = run(db, "query", "status", "124-qđ/tw", "--as-of", "2025-06-01")
    assert "status on 2025-06-01: replaced" in text and "200-QĐ/TW" in text
    found = json.loads(run(db, "query", "--json", "status", "124-QĐ/TW", "--as-of", "2025-01-01"))
    assert found["status"] == "amended" and found["decided_by"][0]["node"] == "doc:5-QĐ/TW"
    assert found["decided_by"][0]["evidence"]


def test_status_of_every_document_counts_them(db):
    counts = json.loads(run(db, "query", "--json", "status", "--all", "--as-of", "2025-06-01"))
    assert counts["counts"]["replaced"] == 1 and sum(counts["counts"].values()) == len(counts["documents"])


def test_bad_date_is_one_clear_error(db):
    result = CliRunner().invoke(cli, ["query", "--db", str(db), "status", "124-QĐ/TW", "--as-of", "01/06/2025"])
    assert result.exit_code == 2 and "is not a date YYYY-MM-DD" in result.output


def test_rollout_text_and_json(db):
    text = run(db, "query", "rollout", "57-NQ/TW", "--evidence")
    assert "provinces: 1 of 34 have an implementing document" in text and "Bắc Ninh: " in text
    assert "districts and below" in text and "Thực hiện 57-NQ/TW" in text
    answer = json.loads(run(db, "query", "--json", "rollout", "57-NQ/TW", "--with-basis"))
    assert {r["level"] for r in answer["rows"]} == {
        "central_party",
        "central_state",
        "ministries",
        "provinces",
        "districts",
    }
    assert "Hồ Chí Minh" in answer["provinces"]["covered"] and len(answer["provinces"]["missing"]) == 32


def test_conflicts_lists_findings(db):
    assert "two_replacers: 124-QĐ/TW" in run(db, "query", "conflicts")
    found = json.loads(run(db, "query", "--json", "conflicts"))
    assert [(c["kind"], c["node"]) for c in found] == [("two_replacers", "doc:124-QĐ/TW")]


def test_exports_carry_the_status(db, tmp_path):
    out = tmp_path / "g.graphml"
    run(db, "graph", "export", "--format", "graphml", "-o", out, "--as-of", "2025-06-01")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    key = next(k.get("id") for k in root.iterfind("g:key", ns) if k.get("attr.name") == "status")
    node = next(n for n in root.iterfind(".//g:node", ns) if n.get("id") == "doc:124-QĐ/TW")
    assert next(d.text for d in node.iterfind("g:data", ns) if d.get("key") == key) == "replaced"
    csv_dir = tmp_path / "neo4j"
    run(db, "graph", "export", "--format", "csv", "-o", csv_dir, "--as-of", "2025-06-01")
    header = (csv_dir / "nodes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "status" in header


def test_datasette_status_table_column_and_facet(tmp_path, db):
    import shutil
    import sqlite3

    from pipeline.serve.datasette import TABLES, ensure_views, metadata, write_status_table

    copy = tmp_path / "served.db"
    shutil.copy(db, copy)
    ensure_views(copy)
    assert write_status_table(copy, "2025-06-01") > 10
    con = sqlite3.connect(copy)
    statuses = dict(con.execute("SELECT node, status FROM document_status"))
    assert statuses["doc:124-QĐ/TW"] == "replaced" and statuses["doc:57-NQ/TW"] == "in_force"
    own = dict(con.execute("SELECT code, status FROM document_index WHERE code IS NOT NULL"))
    assert own["200-QĐ/TW"] in ("in_force", "unknown") and own["57-NQ/TW"] == "in_force"
    assert "status" in TABLES["document_index"][2] and "status" in TABLES["document_status"][2]
    described = metadata("served")["databases"]["served"]["tables"]["document_status"]["columns"]
    assert set(described) == {row[1] for row in con.execute("PRAGMA table_info(document_status)")}
