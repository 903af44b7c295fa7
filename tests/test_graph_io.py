"""Exports and their round trips, and the ``vanban query`` / ``vanban graph export`` commands."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from graph.build import build_graph
from graph.io import ExportError, export_graph, flattened_copy, read_graph
from pipeline.cli.graph import graph as graph_group
from pipeline.cli.graph import query as query_group
from pipeline.store.db import Store
from tests.records import citation, record, relation

DUK = "Đảng ủy Khối các cơ quan Trung ương"


def _records() -> list[dict]:
    def cite(code, start, issuer=None, date=None):
        return citation(code, start, issuer, date)

    def rel(source, kind, target):
        return relation(source, kind, target, end=80, confidence=0.85, text="Thực hiện <script>alert(1)</script> ...")

    def rec(text_id, citations, relations, own=None, people=()):
        return record(text_id, citations, relations, own, people, "2022-04-20", source=f"corpus/{text_id}.txt")

    own = {
        "code": "16-HD/BTCTW",
        "doc_type": "HD",
        "issuer": "Ban Tổ chức Trung ương",
        "issued": "2022-02-15",
        "subject": "một số nội dung cụ thể về công tác quy hoạch cán bộ",
    }
    person = {
        "name": "Phan Tâm",
        "mentions": [{"start": 5, "end": 13}],
        "posts": [{"title": "Thứ trưởng", "organization": "Bộ Thông tin và Truyền thông", "text": "Thứ trưởng"}],
    }
    return [
        rec(
            "t16",
            [cite("50-QĐ/TW", 30, "Bộ Chính trị", "2021-12-27")],
            [rel("16-HD/BTCTW", "implements", "50-QĐ/TW")],
            own,
        ),
        rec(
            "tduk",
            [cite("16-HD/BTCTW", 0), cite("02-HD/ĐUK", 40, DUK, "2022-03-17")],
            [rel("02-HD/ĐUK", "implements", "16-HD/BTCTW")],
        ),
        rec(
            "tdu",
            [
                cite("02-HD/ĐUK", 0, DUK),
                cite("02-HD/ĐU", 40),
                {"code": None, "name": "Điều lệ Đảng", "start": 70, "end": 82},
            ],
            [rel("02-HD/ĐU", "based_on", "02-HD/ĐUK")],
            people=[person],
        ),
    ]


@pytest.fixture(scope="module")
def G():
    return build_graph(_records())


def _set(data: dict) -> dict:
    """Attributes with a value (formats with scalar values do not write None)."""
    return {k: v for k, v in data.items() if v is not None}


def _same_graph(G, H) -> None:
    assert set(H.nodes) == set(G.nodes)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for node, data in G.nodes(data=True):
        assert _set(H.nodes[node]) == _set(data), node
    for u, v, key, data in G.edges(keys=True, data=True):
        assert _set(H.edges[u, v, key]) == _set(data), (u, v, key)


@pytest.mark.parametrize(
    "fmt, name", [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"), ("csv", "neo4j")]
)
def test_round_trip(G, tmp_path, fmt, name):
    before = {n: dict(d) for n, d in G.nodes(data=True)}
    written = export_graph(G, tmp_path / name, fmt)
    _same_graph(G, read_graph(written, fmt))
    assert {n: dict(d) for n, d in G.nodes(data=True)} == before  # the writer copied before flattening


def test_flattened_copy_has_scalars_only(G):
    H = flattened_copy(G)
    values = [v for _n, d in H.nodes(data=True) for v in d.values()]
    values += [v for _u, _v, d in H.edges(data=True) for v in d.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)
    assert isinstance(G.edges["doc:16-HD/BTCTW", "doc:50-QĐ/TW", "implements"]["evidence"], list)


def test_gexf_keeps_the_relation_type_out_of_gexf_edge_type(G, tmp_path):
    export_graph(G, tmp_path / "g.gexf", "gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'type="implements"' not in text and 'title="relation_type"' in text


def test_neo4j_csv_headers(G, tmp_path):
    export_graph(G, tmp_path / "neo4j", "csv")
    with (tmp_path / "neo4j" / "nodes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"id:ID", ":LABEL", "cited_by:int", "ambiguous:boolean"} <= set(rows[0])
    assert {r[":LABEL"] for r in rows} == {"Document", "Text", "Person", "Organization"}
    with (tmp_path / "neo4j" / "relationships.csv").open(encoding="utf-8") as handle:
        rels = list(csv.DictReader(handle))
    assert {":START_ID", ":END_ID", ":TYPE", "confidence:float"} <= set(rels[0])
    assert {"IMPLEMENTS", "BASED_ON", "MENTIONS", "ISSUED_BY", "HOLDS_POST"} <= {r[":TYPE"] for r in rels}


def test_export_errors(G, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export_graph(G, tmp_path / "g.dot", "dot")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(ExportError, match="directory"):
        export_graph(G, tmp_path / "afile", "csv")


# --- the commands ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "vanban.db"
    store = Store(path)
    for rec in _records():
        store.put(rec)
    store.commit()
    store.close()
    return path


def test_query_commands(db):
    runner = CliRunner()
    chain = runner.invoke(query_group, ["--db", str(db), "implementers", "50-QĐ/TW", "--transitive"])
    assert chain.exit_code == 0, chain.output
    lines = [line for line in chain.output.splitlines() if not line.startswith("    “")]  # rows, not evidence
    assert lines[0].split() == ["depth", "type", "document", "conf", "evidence"]
    assert "    “" in chain.output  # each row followed by its evidence
    assert "(sentence not kept)" not in chain.output  # the record's sentence, where the store has no text
    assert "16-HD/BTCTW" in lines[2] and f"02-HD/ĐUK ({DUK})" in lines[3] and "02-HD/ĐU (issuer unknown)" in lines[4]

    as_json = runner.invoke(query_group, ["--db", str(db), "--json", "basis", "02-HD/ĐUK", "--transitive"])
    assert [row["label"] for row in json.loads(as_json.output)] == ["16-HD/BTCTW", "50-QĐ/TW"]

    report = runner.invoke(query_group, ["--db", str(db), "doc", "16-HD/BTCTW"])
    assert "Ban Tổ chức Trung ương" in report.output and "rested on by:" in report.output

    people = json.loads(runner.invoke(query_group, ["--db", str(db), "--json", "person", "Phan Tâm"]).output)
    assert [(p["title"], p["date"]) for p in people] == [("Thứ trưởng", "2022-04-20")]

    hops = runner.invoke(query_group, ["--db", str(db), "path", "02-HD/ĐUK", "50-QĐ/TW"]).output.splitlines()
    assert hops == [f"02-HD/ĐUK ({DUK}) --implements--> 16-HD/BTCTW", "16-HD/BTCTW --implements--> 50-QĐ/TW"]

    ranked = json.loads(runner.invoke(query_group, ["--db", str(db), "--json", "top", "-n", "1"]).output)
    assert ranked == [{"node": f"doc:02-HD/ĐUK@{DUK.lower()}", "label": f"02-HD/ĐUK ({DUK})", "cited_by": 2}]


def test_query_errors_are_clear(db, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(query_group, ["--db", str(tmp_path / "none.db"), "top"])
    assert missing.exit_code == 1 and "no such store" in missing.output
    unknown = runner.invoke(query_group, ["--db", str(db), "doc", "77-QĐ/TW"])
    assert unknown.exit_code == 1 and "no document '77-QĐ/TW'" in unknown.output


@pytest.mark.parametrize("fmt, name", [("graphml", "out.graphml"), ("json", "out.json"), ("csv", "csvdir")])
def test_graph_export_command(db, tmp_path, fmt, name):
    result = CliRunner().invoke(graph_group, ["export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    H = read_graph(tmp_path / name, fmt)
    assert H.has_edge("doc:16-HD/BTCTW", "doc:50-QĐ/TW", key="implements")
