"""Evidence on every answer: `vanban query doc / implementers / basis` show, for each relation, the
evidence sentence with its text's source and original offsets (text and --json); `--evidence N`
cuts a longer sentence or widens a shorter one from the stored text; the networkx and the index
paths give the same evidence items."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from graph.ask import GraphIndex
from graph.build import build_graph
from graph.index import build_index
from graph.queries import relation_evidence
from pipeline.cli.commands import cli
from pipeline.cli.graph import evidence_window
from pipeline.store.db import Store
from tests.records import citation, record, relation

PREFIX = "Ủy ban nhân dân tỉnh đã họp phiên thường kỳ tháng Năm. "
SENTENCE = "Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương về quy hoạch cán bộ."
SUFFIX = " Các đơn vị báo cáo kết quả trước ngày 30 tháng 6 năm 2022."
TEXT = PREFIX + SENTENCE + SUFFIX
START, END = len(PREFIX), len(PREFIX) + len(SENTENCE)


def _records() -> list[dict]:
    rel = relation("5-KH/TW", "based_on", "16-HD/BTCTW", START, end=END, rule="can_cu", text=SENTENCE)
    one = record("t1", [citation("5-KH/TW", 0), citation("16-HD/BTCTW", START + 20)], [rel], source="tin/t1.txt")
    one["text"] = TEXT
    other = "Thực hiện Hướng dẫn số 16-HD/BTCTW, Bộ Chính trị ban hành Kế hoạch số 5-KH/TW."
    rel2 = relation("5-KH/TW", "based_on", "16-HD/BTCTW", 0, end=len(other), rule="active_verb", text=other)
    two = record("t2", [citation("16-HD/BTCTW", 22), citation("5-KH/TW", 70)], [rel2], source="tin/t2.txt")
    two["text"] = other
    return [one, two]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "ev.db"
    with Store(path) as store:
        for r in _records():
            store.put(r)
    return path


def _query(db, *args):
    result = CliRunner().invoke(cli, ["query", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_both_paths_give_the_same_evidence_items():
    G = build_graph(_records())
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (source TEXT)")
    build_index(conn, _records())
    edge = ("doc:5-KH/TW", "doc:16-HD/BTCTW", "based_on")
    from_graph = relation_evidence(G, *edge)
    from_index = GraphIndex(conn).relation_evidence(*edge)
    assert [(e.text_id, e.source, e.start, e.end, e.rule) for e in from_graph] == [
        ("t1", "tin/t1.txt", START, END, "can_cu"),
        ("t2", "tin/t2.txt", 0, 78, "active_verb"),
    ]
    assert [e.sentence for e in from_index] == [None, None]  # the index keeps offsets; the store has the text
    assert [e.__class__(**{**e.__dict__, "sentence": None}) for e in from_graph] == from_index
    assert relation_evidence(G, "doc:16-HD/BTCTW", "doc:5-KH/TW", "based_on") == []


def test_query_doc_shows_each_relations_sentence_source_and_offsets(db):
    out = _query(db, "doc", "5-KH/TW")
    assert f"“{SENTENCE}”  — tin/t1.txt [{START}:{END}] can_cu" in out
    assert "tin/t2.txt [0:78] active_verb" in out


def test_query_json_carries_the_evidence_items(db):
    [report] = json.loads(_query(db, "--json", "doc", "5-KH/TW"))
    [link] = report["basis"]
    assert link["evidence"] == 2  # the count, as before
    first = link["evidence_items"][0]
    assert (first["source"], first["start"], first["end"], first["rule"]) == ("tin/t1.txt", START, END, "can_cu")
    assert first["sentence"] == SENTENCE and TEXT[first["start"] : first["end"]] == SENTENCE
    [link] = json.loads(_query(db, "--json", "implementers", "16-HD/BTCTW"))
    assert link["label"] == "5-KH/TW" and [e["source"] for e in link["evidence_items"]] == ["tin/t1.txt", "tin/t2.txt"]
    [link] = json.loads(_query(db, "--json", "basis", "5-kh/tw", "--transitive"))
    assert link["evidence_items"][0]["sentence"] == SENTENCE


def test_evidence_option_shortens_and_lengthens(db):
    [short] = json.loads(_query(db, "--json", "implementers", "16-HD/BTCTW", "--evidence", "40"))
    sentence = short["evidence_items"][0]["sentence"]
    assert len(sentence) == 40 and sentence.endswith("…") and SENTENCE.startswith(sentence[:-1])
    [long] = json.loads(_query(db, "--json", "implementers", "16-HD/BTCTW", "--evidence", "400"))
    widened = long["evidence_items"][0]["sentence"]
    assert SENTENCE in widened and "phiên thường kỳ" in widened and "báo cáo kết quả" in widened
    [none] = json.loads(_query(db, "--json", "implementers", "16-HD/BTCTW", "--evidence", "0"))
    assert none["evidence_items"] == [] and none["evidence"] == 2
    assert "“" not in _query(db, "implementers", "16-HD/BTCTW", "--evidence", "0")


@pytest.mark.parametrize(
    "width, expected",
    [
        (10, "Căn cứ Hư…"),  # cut
        (len(SENTENCE), SENTENCE),  # as long as the span: the span
        (len(SENTENCE) + 30, "…kỳ tháng Năm. " + SENTENCE + " Các đơn vị…"),  # widened to whole words
        (1000, TEXT),  # the whole text, no ellipsis
    ],
)
def test_evidence_window(width, expected):
    assert evidence_window(TEXT, START, END, width) == expected
