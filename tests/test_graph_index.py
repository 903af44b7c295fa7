"""The store's graph tables (graph/index.py, asked through graph/ask.py) answer as the networkx queries do, and forgive spelling."""

from __future__ import annotations

import doctest
import itertools
import json
import sqlite3

import pytest
from click.testing import CliRunner

from graph import answers, ask
from graph import index as graph_index
from graph import queries as Q
from graph.answers import NoPath, UnknownDocument
from graph.ask import GraphIndex
from graph.build import build_graph
from graph.index import build_index
from pipeline.cli.commands import cli
from pipeline.store.db import Store
from tests.records import citation, record, relation
from tests.test_graph_queries import chain_records

DUK = "Đảng ủy Khối các cơ quan Trung ương"
OWN_50 = {
    "code": "50-QĐ/TW",
    "doc_type": "QĐ",
    "doc_type_name": "Quy định",
    "issuer": "Bộ Chính trị",
    "issuer_code": "TW",
    "issued": "2021-12-28",
    "subject": "về công tác cán bộ",
}


def rich_records() -> list[dict]:
    """Term splits, a directive's own header, an issuer-less local code, a named document,
    one relation said by two texts, low-confidence relations, people without a published date."""
    mai = {
        "name": "Võ Thị Mai",
        "mentions": [{"start": 300, "end": 310}],
        "posts": [{"title": "Phó Bí thư", "organization": "Thành ủy Hà Nội"}],
    }
    return chain_records() + [
        # 105-QĐ/TW dated in two terms (split), and once undated (the bare, ambiguous node)
        record(
            "e",
            [citation("105-QĐ/TW", 0, date="2017-09-19"), citation("16-HD/BTCTW", 40)],
            [relation("16-HD/BTCTW", "based_on", "105-QĐ/TW", confidence=0.6)],
            published="2018-01-02",
        ),
        record(
            "f",
            [citation("105-QĐ/TW", 0, date="2023-02-01"), citation("50-QĐ/TW", 40)],
            [relation("50-QĐ/TW", "replaces", "105-QĐ/TW", confidence=0.95)],
            published="2023-03-01",
        ),
        record(
            "g",
            [
                citation("105-QĐ/TW", 0),
                citation("02-HD/ĐU", 40),
                citation(None, 80, name="Điều lệ Đảng"),
                citation(None, 120, name="Luật Đất đai năm 2013", edition="2013"),
                citation(None, 160, name="Hiến pháp"),
            ],
            [relation("02-HD/ĐU", "implements", "105-QĐ/TW", confidence=0.7)],
            people=[mai],
            published=None,
        ),
        # the directive 50-QĐ/TW itself, undated as a text: its header fills the node
        record(
            "h",
            [citation("16-HD/BTCTW", 100)],
            [relation("16-HD/BTCTW", "implements", "50-QĐ/TW", 100)],
            own=OWN_50,
            published=None,
            people=[dict(mai, posts=[{"title": "Bí thư", "organization": None}])],
        ),
        record(
            "i",
            [citation("02-HD/ĐUK", 0, DUK), citation("50-QĐ/TW", 40)],
            [relation("02-HD/ĐUK", "implements", "50-QĐ/TW", confidence=0.8)],
            published="2022-06-01",
        ),
        # one article on two sites: a story of two texts (where build.py counts stories, once)
        dict(
            record(
                "j",
                [
                    citation("99-KL/TW", 0),
                    citation("31/2024/QH15", 40, name="Luật Đất đai", edition="2024"),
                    citation(None, 80, name="Luật Đất đai năm 2024", edition="2024"),
                    citation(None, 120, name="Hiến pháp năm 2013", edition="2013"),
                ],
                published="2023-02-02",
            ),
            story="j",
        ),
        dict(record("k", [citation("99-KL/TW", 0)], published="2023-02-02"), story="j"),
    ]


def _index(records: list[dict]) -> GraphIndex:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (source TEXT)")
    build_index(conn, records)
    return GraphIndex(conn)


@pytest.fixture(scope="module", params=["chain", "rich"])
def both(request):
    records = chain_records() if request.param == "chain" else rich_records()
    return build_graph(records), _index(records)


def _documents(G) -> list[str]:
    return [node for node, data in G.nodes(data=True) if data["kind"] == "document"]


def _or_error(call, *args):
    try:
        return call(*args)
    except (NoPath, UnknownDocument) as error:
        return type(error).__name__


@pytest.mark.parametrize("min_confidence", [0.0, 0.85])
def test_documents_and_chains_answer_as_networkx(both, min_confidence):
    G, index = both
    for node in _documents(G):
        assert index.doc(node, min_confidence) == Q.doc(G, node, min_confidence), node
        for transitive in (False, True):
            assert index.implementers(node, transitive, min_confidence=min_confidence) == Q.implementers(
                G, node, transitive, min_confidence=min_confidence
            ), node
            assert index.basis(node, transitive, min_confidence=min_confidence) == Q.basis(
                G, node, transitive, min_confidence=min_confidence
            ), node
        label = G.nodes[node]["code"] or G.nodes[node]["label"]
        assert _or_error(index.doc, label) == _or_error(Q.doc, G, label), label


@pytest.mark.parametrize("min_confidence", [0.0, 0.85])
def test_paths_answer_as_networkx(both, min_confidence):
    G, index = both
    for a, b in itertools.permutations(_documents(G), 2):
        assert _or_error(index.path, a, b, min_confidence) == _or_error(Q.path, G, a, b, min_confidence), (a, b)


def test_top_and_people_answer_as_networkx(both):
    G, index = both
    for n in range(1, len(_documents(G)) + 2):
        assert index.top(n) == Q.top(G, n)
    for name in ("Phan Tâm", "tâm", "Võ Thị Mai", "thị", "Nguyễn Văn Không"):
        assert index.person(name) == Q.person(G, name), name


def test_the_rich_records_exercise_what_they_should():
    G = build_graph(rich_records())
    nodes = set(_documents(G))
    assert {"doc:105-QĐ/TW|XII", "doc:105-QĐ/TW|XIII", "doc:105-QĐ/TW", "doc:named:điều lệ đảng"} <= nodes
    assert G.nodes["doc:50-QĐ/TW"]["subject"] == "về công tác cán bộ"
    assert G.edges["doc:16-HD/BTCTW", "doc:50-QĐ/TW", "implements"]["count"] == 2


# --- forgiving look-ups -------------------------------------------------------------------


@pytest.fixture(scope="module")
def rich():
    return _index(rich_records())


@pytest.mark.parametrize(
    "typed, found",
    [
        ("50-QĐ/TW", ["doc:50-QĐ/TW"]),
        ("50-QD/TW", ["doc:50-QĐ/TW"]),  # D for Đ
        ("50-qđ/tw", ["doc:50-QĐ/TW"]),  # case
        ("50 QĐ/TW", ["doc:50-QĐ/TW"]),  # a space for the dash
        ("50–QĐ/TW", ["doc:50-QĐ/TW"]),  # an en dash
        ("050-qd/tw", ["doc:50-QĐ/TW"]),  # a leading zero
        ("16-hd/btctw", ["doc:16-HD/BTCTW"]),
        ("dieu le dang", ["doc:named:điều lệ đảng"]),  # a named document, without tone marks
        ("02-HD/DU@dang uy bo tai chinh", ["doc:02-HD/ĐU@đảng ủy bộ tài chính"]),  # one issuer's, loosely
        ("02-HD/ĐU@Bộ Thông tin", ["doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông"]),
        ("105-qd/tw|xii", ["doc:105-QĐ/TW|XII"]),  # one term's node of a split central code
    ],
)
def test_codes_match_without_tone_marks_case_or_dashes(rich, typed, found):
    assert rich.find_documents(typed) == found


@pytest.mark.parametrize(
    "typed", ["51-QD/TW", "50-QD/BTCTW", "50-HD/TW", "02-HD/DU@dang uy bo cong an", "105-QĐ/TW|XI", ""]
)
def test_codes_that_are_not_there_are_not_found(rich, typed):
    with pytest.raises(UnknownDocument):
        rich.find_documents(typed)


@pytest.mark.parametrize(
    "typed, person",
    [
        ("vo thi mai", "Võ Thị Mai"),
        ("VÕ THỊ MAI", "Võ Thị Mai"),
        ("thi mai", "Võ Thị Mai"),
        ("phan tam", "Phan Tâm"),
    ],
)
def test_names_match_without_tone_marks_or_case(rich, typed, person):
    assert {p.person for p in rich.person(typed)} == {person}


@pytest.mark.parametrize("typed", ["vo thi lan", "mai vo", "tran"])
def test_other_names_find_nobody(rich, typed):
    assert rich.person(typed) == []


def test_person_timeline_dates_each_post_by_its_text(rich):
    held = rich.person("vo thi mai")
    # text g has no published date and is no directive: no date; text h is directive 50-QĐ/TW: its own date;
    # dated posts first, newest first, undated last (issue 24)
    assert [(p.date, p.title, p.organization, p.text_id) for p in held] == [
        ("2021-12-28", "Bí thư", None, "h"),
        (None, "Phó Bí thư", "Thành ủy Hà Nội", "g"),
    ]


def test_an_ambiguous_code_lists_its_candidates(rich):
    total, page = rich.candidates("02-hd/du")
    assert total == 3
    assert {c.issuer for c in page} == {"Đảng ủy Bộ Thông tin và Truyền thông", "Đảng ủy Bộ Tài chính", None}
    # a candidate whose issuer no text gives is told apart by the text citing it
    assert {(c.first_text, c.first_published) for c in page if c.issuer is None} == {("Bài g", None)}
    assert {c.first_published for c in page if c.issuer} == {"2022-04-20"}
    assert [c.node for c in rich.candidates("02-hd/du", offset=1, limit=1)[1]] == [page[1].node]
    assert rich.candidates("16-HD/BTCTW")[0] == 1


def test_min_confidence_drops_weak_relations(rich):
    assert {link.label for link in rich.implementers("105-qd/tw|xii", min_confidence=0.0)} == {"16-HD/BTCTW"}
    assert rich.implementers("105-qd/tw|xii", min_confidence=0.7) == []


# --- kept current by the store ----------------------------------------------------------------


def test_the_store_refreshes_the_index_when_documents_change(tmp_path):
    db = tmp_path / "v.db"
    records = chain_records()
    with Store(db) as store:
        for r in records[:2]:
            store.put(r)
    conn = sqlite3.connect(db)
    assert graph_index.is_current(conn)
    assert GraphIndex(conn).find_documents("02-HD/ĐUK") == [f"doc:02-HD/ĐUK@{DUK.lower()}"]
    with pytest.raises(UnknownDocument):
        GraphIndex(conn).find_documents("98-KL/TW")
    store = Store(db)
    store.put(records[3])
    store.commit()
    assert not graph_index.is_current(conn)  # the trigger saw the change
    store.close()
    assert graph_index.is_current(conn)
    assert GraphIndex(conn).find_documents("98-KL/TW") == ["doc:98-KL/TW"]


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rich_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "rich.db"
    with Store(db) as store:
        for r in rich_records():
            store.put(r)
    return db


def _query(db, *args):
    return CliRunner().invoke(cli, ["query", "--db", str(db), *args])


def test_cli_doc_on_an_ambiguous_code_asks_which(rich_db):
    result = _query(rich_db, "doc", "02-HD/DU")
    assert result.exit_code == 2
    assert "stands for 3 documents: which one?" in result.output
    assert "Đảng ủy Bộ Tài chính" in result.output and "issuer unknown" in result.output
    asked = json.loads(_query(rich_db, "--json", "doc", "02-hd/đu", "--limit", "2").output)
    assert asked["total"] == 3 and len(asked["candidates"]) == 2
    chosen = _query(rich_db, "doc", "02-HD/DU@bo tai chinh")
    assert chosen.exit_code == 0 and "[doc:02-HD/ĐU@đảng ủy bộ tài chính]" in chosen.output


def test_cli_doc_all_pages_the_reports(rich_db):
    reports = json.loads(_query(rich_db, "--json", "doc", "02-HD/ĐU", "--all", "--limit", "2", "--offset", "1").output)
    every = json.loads(_query(rich_db, "--json", "doc", "02-HD/ĐU", "--all").output)
    assert len(every) == 3
    assert [r["node"] for r in reports] == [r["node"] for r in every[1:3]]


def test_cli_answers_loosely_and_filters_by_confidence(rich_db):
    found = _query(rich_db, "implementers", "50-qd/tw")
    assert found.exit_code == 0 and "16-HD/BTCTW" in found.output
    strict = json.loads(_query(rich_db, "--json", "implementers", "50-QĐ/TW", "--min-confidence", "0.85").output)
    assert [link["label"] for link in strict] == ["16-HD/BTCTW"]
    loose = json.loads(_query(rich_db, "--json", "implementers", "50-QĐ/TW").output)
    assert len(loose) == 2
    person = _query(rich_db, "person", "vo thi mai")
    assert person.exit_code == 0 and "2021-12-28" in person.output and "Võ Thị Mai" in person.output


def test_cli_indexes_a_store_made_before_the_graph_tables(rich_db, tmp_path):
    old = tmp_path / "old.db"
    conn = sqlite3.connect(rich_db)
    conn.execute("VACUUM INTO ?", (str(old),))
    conn.close()
    conn = sqlite3.connect(old)
    for table in ("graph_meta", *graph_index._TABLES):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TRIGGER graph_documents_inserted")
    conn.commit()
    conn.close()
    result = _query(old, "top", "-n", "1")
    assert result.exit_code == 0
    assert "indexing the citation graph" in result.output and "16-HD/BTCTW" in result.output


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a database at all", "not a vanban store"),
        (None, "no such store"),
    ],
)
def test_cli_says_clearly_what_is_wrong_with_the_store(tmp_path, content, message):
    db = tmp_path / "bad.db"
    if content is not None:
        db.write_bytes(content)
    result = _query(db, "top")
    assert result.exit_code == 1
    assert message in result.output and str(db) in result.output


@pytest.mark.parametrize("module", [ask, answers, Q])
def test_the_examples_in_the_docstrings_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_tables_of_an_older_schema_are_rebuilt_not_merged_into(tmp_path, monkeypatch):
    db = tmp_path / "v.db"
    with Store(db) as store:
        for r in chain_records():
            store.put(r)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE graph_meta SET value = '2' WHERE name = 'index_schema'")
    conn.commit()
    assert not graph_index.is_current(conn)
    assert graph_index.update_index(conn) is None
    assert graph_index.refresh(conn)
    assert graph_index.is_current(conn)
    assert GraphIndex(conn).find_documents("50-qd/tw") == ["doc:50-QĐ/TW"]


def test_a_store_opened_read_only_is_still_read(rich_db):
    conn = sqlite3.connect(f"file:{rich_db}?mode=ro", uri=True)
    graph_index.ensure_tables(conn)  # writes nothing when the tables are there
    assert not graph_index.refresh(conn)
    assert GraphIndex(conn).top(1)[0].label == "16-HD/BTCTW"
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("UPDATE graph_meta SET value = value")


def test_copies_of_one_story_count_once_where_texts_carry_stories():
    storyless = [{k: v for k, v in record.items() if k != "story"} for record in rich_records()]
    assert _index(storyless).candidates("99-KL/TW")[1][0].cited_by == 3  # texts d, j, k
    assert _index(rich_records()).candidates("99-KL/TW")[1][0].cited_by == 2  # stories d and j (k copies j)


def test_tables_built_by_other_rules_are_rebuilt(rich_db):
    conn = sqlite3.connect(rich_db)
    assert graph_index.is_current(conn)
    conn.execute("UPDATE graph_meta SET value = 'other rules' WHERE name = 'index_builder'")
    conn.commit()
    assert not graph_index.is_current(conn)
    assert graph_index.refresh(conn)
    assert graph_index.is_current(conn)


def test_attributes_come_back_in_build_order_with_only_the_rest_as_json():
    records = rich_records()
    G, index = build_graph(records), _index(records)
    for node, data in G.nodes(data=True):
        if data["kind"] == "document":
            assert list(index.doc(node)[0].attributes.items()) == list(Q.doc(G, node)[0].attributes.items())
    extras = {attrs for (attrs,) in index.conn.execute("SELECT attrs FROM graph_docs")}
    assert "{}" in extras and not any('"label"' in extra or '"cited_by"' in extra for extra in extras)
