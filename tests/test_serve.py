"""vanban serve: Datasette over a store of the bundled corpus.

The metadata describes every table, view and column; the canned queries answer on the
bundled corpus; and end to end, the server is started on a free local port and headless
Chromium loads a table page, a facet, a search and a canned query. Screenshots are kept
in out/serve-screenshots/ (git ignores out/).
"""

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pipeline.run.process import extract_paths
from pipeline.serve.datasette import QUERIES, TABLES, add_sql_functions, ensure_views, metadata
from pipeline.store.db import Store
from tests.browser import chromium, run_chromium

pytest.importorskip("datasette")

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "out" / "serve-screenshots"
VANBAN = [str(Path(sys.executable).parent / "vanban")]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "vanban.db"
    with Store(db) as store:
        for record in extract_paths([REPO / "corpus"]):
            store.put(record)
    ensure_views(db)
    return db


def _rows(db: Path, sql: str, **params) -> list[dict]:
    con = sqlite3.connect(db)
    add_sql_functions(con)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql, params)]
    finally:
        con.close()


def test_metadata_describes_every_table_view_and_column(store_path):
    meta = metadata("vanban")["databases"]["vanban"]["tables"]
    con = sqlite3.connect(store_path)
    fts_shadow = re.compile(r"text_search_(data|idx|content|docsize|config)$")
    names = [
        n
        for (n,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        )
        if not fts_shadow.match(n)  # SQLite's own tables behind a full-text index
    ]
    assert {"documents", "texts", "text_search", "document_index"} <= set(names)
    for name in names:
        assert meta.get(name, {}).get("description"), f"table {name} is not described"
        columns = [row[1] for row in con.execute(f"PRAGMA table_info({name})")]
        missing = [c for c in columns if not meta[name]["columns"].get(c)]
        assert not missing, f"{name}: columns without a description: {missing}"
    con.close()


@pytest.mark.parametrize(
    "table, facets",
    [
        ("document_index", {"doc_type", "issuer", "year"}),
        ("citation_index", {"doc_type", "issuer", "year"}),
        ("relation_index", {"type"}),
    ],
)
def test_facets_on_type_issuer_year_and_relation_type(table, facets):
    assert facets <= set(TABLES[table][2])


@pytest.mark.parametrize(
    "query, params, expected, unexpected",
    [
        ("implementers", {"code": "50-QĐ/TW"}, ("16-HD/BTCTW", "implements", "50-QĐ/TW"), ("50-QĐ/TW", None, None)),
        ("basis", {"code": "16-HD/BTCTW"}, ("16-HD/BTCTW", "implements", "50-QĐ/TW"), (None, None, "16-HD/BTCTW")),
        ("implementers", {"code": "no-such/TW"}, None, None),
        # as forgiving as the command line: no tone marks, any case
        ("implementers", {"code": "50-qd/tw"}, ("16-HD/BTCTW", "implements", "50-QĐ/TW"), ("50-QĐ/TW", None, None)),
        ("basis", {"code": "16-hd/btctw"}, ("16-HD/BTCTW", "implements", "50-QĐ/TW"), (None, None, "16-HD/BTCTW")),
    ],
)
def test_canned_relation_queries(store_path, query, params, expected, unexpected):
    rows = _rows(store_path, QUERIES[query]["sql"], **params)
    triples = {(r["from_code"], r["type"], r["to_code"]) for r in rows}
    if expected is None:
        assert rows == []
        return
    assert expected in triples
    assert all(r["evidence"] for r in rows), "every relation carries its evidence"
    side = 0 if unexpected[0] else 2  # the queried code never stands on the wrong side
    assert all(t[side] != unexpected[side] for t in triples)


def test_canned_chain_of_implementers_goes_all_the_way_down(store_path):
    rows = _rows(store_path, QUERIES["implementers_chain"]["sql"], code="50-qd/tw")
    direct = {r["from_code"] for r in _rows(store_path, QUERIES["implementers"]["sql"], code="50-QĐ/TW")}
    depth: dict[str, int] = {}
    for r in rows:  # a document may implement the code and, too, one of its implementers
        depth[r["from_code"]] = min(depth.get(r["from_code"], 99), r["depth"])
    assert direct and {code for code, d in depth.items() if d == 1} == direct
    assert max(depth.values()) >= 2  # 16-HD/BTCTW implements 50-QĐ/TW, and is implemented in turn
    deeper = [r for r in rows if r["depth"] == 2]
    assert all(r["to_code"] in direct for r in deeper) and all(r["evidence"] for r in rows)


@pytest.mark.parametrize(
    "name, title, organization",
    [
        ("Võ Thị Mai", "Trưởng", "Ban Tổ chức Tỉnh ủy Đồng Tháp"),
        ("Mai", "Trưởng", "Ban Tổ chức Tỉnh ủy Đồng Tháp"),
        ("vo thi mai", "Trưởng", "Ban Tổ chức Tỉnh ủy Đồng Tháp"),  # no tone marks, lower case
    ],
)
def test_canned_posts_of_a_person(store_path, name, title, organization):
    rows = _rows(store_path, QUERIES["posts_of_person"]["sql"], name=name)
    assert any(r["title"] == title and r["organization"] == organization and r["date"] == "2024-07-02" for r in rows)
    assert _rows(store_path, QUERIES["posts_of_person"]["sql"], name="Không Có Ai") == []


def test_canned_search_gives_the_passage(store_path):
    rows = _rows(store_path, QUERIES["search_texts"]["sql"], words='"quy hoạch"')
    assert rows and all("[" in r["passage"] for r in rows)
    assert _rows(store_path, QUERIES["search_texts"]["sql"], words="zzzkhôngcó") == []


def _facet_plan(db: Path, view: str, column: str) -> str:
    """SQLite's plan for the query Datasette runs for a facet."""
    sql = (
        f"select {column} as value, count(*) as count from (select * from {view}) "
        f"where {column} is not null group by {column} order by count desc, value limit 31"
    )
    return " | ".join(row[-1] for row in _rows_plain(db, "explain query plan " + sql))


def _rows_plain(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    "view, column, index",
    [
        ("document_index", "doc_type", "serve_documents_doc_type"),  # these two timed out on 3,000 texts
        ("document_index", "issuer", "serve_documents_issuer"),
        ("document_index", "kind", "serve_documents_kind"),
        ("relation_index", "type", "serve_relations_type"),
        ("citation_index", "form", "serve_citations_form"),
    ],
)
def test_facets_read_an_index_not_every_record(store_path, view, column, index):
    plan = _facet_plan(store_path, view, column)
    assert index in plan, plan
    assert "json_each" not in plan


OLD_RELATION_INDEX = """
SELECT json_extract(r.value, '$.source'), json_extract(r.value, '$.type'), json_extract(r.value, '$.target'),
       json_extract(r.value, '$.confidence'), json_extract(r.value, '$.evidence.rule'),
       json_extract(r.value, '$.evidence.text'), d.source, d.published, json_extract(r.value, '$.evidence.start'),
       json_extract(r.value, '$.evidence.end')
FROM documents d, json_each(d.record, '$.relations') r WHERE d.status = 'ok'"""


def test_relation_index_from_the_relations_table_keeps_every_row_and_its_evidence(store_path):
    new = _rows_plain(
        store_path,
        'SELECT from_code, type, to_code, confidence, rule, evidence, source, published, start, "end" FROM relation_index',
    )
    old = _rows_plain(store_path, OLD_RELATION_INDEX)
    assert len(new) > 5 and all(row[5] for row in new)
    assert sorted(new, key=repr) == sorted(old, key=repr)


def test_a_page_not_found_is_one_line_in_the_log(store_path):
    done = subprocess.run(
        [*VANBAN, "serve", "--db", str(store_path), "--get", "/vanban/no_such_table"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stderr.strip().splitlines() == ["vanban serve: 404 /vanban/no_such_table: Table not found"]
    assert "Error 404" in done.stdout and "Traceback" not in done.stdout + done.stderr


def test_a_document_row_page_is_readable_not_a_json_dump(store_path):
    from datasette.utils import tilde_encode

    [row] = _rows(store_path, "select source from documents where source like '%huong-dan-02-HD-DUK.pdf'")
    path = f"/vanban/documents/{tilde_encode(row['source'])}"
    done = subprocess.run(
        [*VANBAN, "serve", "--db", str(store_path), "--get", path], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    page = done.stdout
    assert "vanban-record" in page and '"schema"' not in page  # rendered, no raw JSON
    assert "02-HD/ĐUK · Hướng dẫn" in page  # its own code and type
    assert "relations (" in page and "<q>" in page and "/graph/graph.html?q=" in page  # evidence and graph links


def test_record_html_escapes_what_the_texts_hold():
    from pipeline.serve.plugin import record_html

    record = {
        "kind": "news",
        "source": "a<b>.txt",
        "title": "<script>alert(1)</script>",
        "relations": [
            {
                "source": "1-HD/TW",
                "type": "implements",
                "target": "2-NQ/TW",
                "confidence": 0.9,
                "evidence": {"text": "<img src=x onerror=alert(1)>", "start": 3, "end": 40, "rule": "r"},
            }
        ],
        "citations": [{"code": "2-NQ/TW", "text": "Nghị quyết <b>2</b>", "start": 0, "end": 9}],
    }
    html = record_html(json.dumps(record), "/db/relation_index")
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "[3:40] r" in html and "source=a%3Cb%3E.txt" in html
    assert record_html("not json <b>", "/x") == "not json &lt;b&gt;"


def test_serve_refuses_a_missing_store(tmp_path):
    missing = tmp_path / "nope.db"
    done = subprocess.run([*VANBAN, "serve", "--db", str(missing)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "no such store" in done.stderr
    assert not missing.exists()


def test_serve_get_links_a_document_row_to_the_graph_page(store_path):
    done = subprocess.run(
        [*VANBAN, "serve", "--db", str(store_path), "--get", "/vanban/document_index"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    link = '<a href="/graph/graph.html?q=16-HD%2FBTCTW"'
    assert link in done.stdout
    page = subprocess.run(
        [*VANBAN, "serve", "--db", str(store_path), "--get", "/graph/graph.html"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "16-HD/BTCTW" in page.stdout and "new Sigma(" in page.stdout  # the page, its data and its drawing


@pytest.mark.parametrize(
    "typed, found",
    [
        ("luân chuyển", True),  # plain words, as a user types them in the search box
        ("LUÂN CHUYỂN cán bộ", True),  # any case, more words
        ('"chuyển cán"', True),  # the one index holds syllables: a phrase inside words matches here
        ("luân chuyển vũ trụ", False),
        ("cần bộ", False),  # tone marks count: "cần" is not "cán"
    ],
)
@pytest.mark.parametrize("table", ["text_search", "texts"])
def test_the_search_box_finds_texts_by_plain_words(tmp_path_factory, table, typed, found):
    db = _plain_words_store(tmp_path_factory)
    query = urllib.parse.urlencode({"_search": typed, "_shape": "array"})
    done = subprocess.run(
        [*VANBAN, "serve", "--db", str(db), "--get", f"/{db.stem}/{table}.json?{query}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(done.stdout)
    assert [Path(r["source"]).name for r in rows] == (["a.txt"] if found else [])


def _plain_words_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.getbasetemp() / "plain-words" / "words.db"
    if not db.exists():
        texts = db.parent / "texts"
        texts.mkdir(parents=True)
        (texts / "a.txt").write_text("Tỉnh ủy quyết định luân chuyển cán bộ về cơ sở.", encoding="utf-8")
        (texts / "b.txt").write_text("Sở Xây dựng báo cáo tiến độ nhà ở xã hội.", encoding="utf-8")
        done = subprocess.run([*VANBAN, "run", str(texts), "--db", str(db)], capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr
    return db


# --- end to end, in headless Chromium ------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_path):
    """`vanban serve` on a free local port, in its own process group; stopped after the module."""
    port = _free_port()
    proc = subprocess.Popen(
        [*VANBAN, "serve", "--db", str(store_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out, err = proc.communicate(timeout=5) if proc.poll() is not None else ("", "")
                    pytest.fail(f"vanban serve did not come up on {base}: {err[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode is not None


def _browse(url: str, name: str, tmp_path: Path) -> str:
    """Load ``url`` in headless Chromium: its DOM as text, and a screenshot kept as ``name``.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    outputs = [
        run_chromium(chromium(), [*mode, url], tmp_path / "profile", window="1400,1100")
        for mode in ([f"--screenshot={shot}"], ["--dump-dom"])
    ]
    assert shot.is_file() and shot.stat().st_size > 10_000, "no screenshot"
    return outputs[1]


@pytest.mark.browser
def test_table_page_in_the_browser(server, tmp_path):
    dom = _browse(f"{server}/vanban/document_index", "1-table-document_index", tmp_path)
    assert "One row per text stored" in dom  # the table's description from the metadata
    assert "16-HD/BTCTW" in dom and "Hướng dẫn" in dom
    assert 'href="/graph/graph.html?q=16-HD%2FBTCTW"' in dom
    assert "6 rows" in dom


def _json(url: str):
    return json.loads(urllib.request.urlopen(url, timeout=30).read())


@pytest.mark.browser
def test_facet_in_the_browser(server, tmp_path):
    dom = _browse(f"{server}/vanban/relation_index", "2-facet-relation-type", tmp_path)
    counts = _json(f"{server}/vanban/relation_index.json?_facet=type")["facet_results"]["type"]["results"]
    assert {c["value"] for c in counts} >= {"based_on", "implements"}
    for c in counts:  # each facet value is a link that filters the rows, with its count
        assert f'/vanban/relation_index?type={c["value"]}"' in dom
    rows = _json(f"{server}/vanban/relation_index.json?type=implements&_shape=array")
    implements = next(c["count"] for c in counts if c["value"] == "implements")
    assert len(rows) == implements and {r["type"] for r in rows} == {"implements"}


@pytest.mark.browser
def test_search_in_the_browser(server, tmp_path):
    words = '"quy hoạch cán bộ"'
    dom = _browse(f"{server}/vanban/text_search?_search=" + urllib.parse.quote(words), "3-search-texts", tmp_path)
    assert 'name="_search"' in dom  # Datasette's search box, filled
    found = _json(f"{server}/vanban/text_search.json?_shape=array&_search=" + urllib.parse.quote(words))
    assert found and all("quy hoạch cán bộ" in r["body"].lower() for r in found)
    assert f"{len(found)} rows where search matches" in dom
    # the same search as a canned query, with the passage around the words
    dom = _browse(f"{server}/vanban/search_texts?words=" + urllib.parse.quote(words), "3b-search-passages", tmp_path)
    assert "[quy hoạch cán bộ]" in dom.lower()


@pytest.mark.browser
def test_texts_page_searches_by_plain_words_in_the_browser(server, tmp_path):
    words = "quy hoạch cán bộ"  # typed as they are, no quotes
    dom = _browse(f"{server}/vanban/texts?_search=" + urllib.parse.quote(words), "3c-search-texts-table", tmp_path)
    assert 'name="_search"' in dom
    found = _json(f"{server}/vanban/texts.json?_shape=array&_col=source&_search=" + urllib.parse.quote(words))
    assert found and f"{len(found)} rows where search matches" in dom


@pytest.mark.browser
def test_canned_query_in_the_browser(server, tmp_path):
    url = f"{server}/vanban/implementers?code=" + urllib.parse.quote("50-QĐ/TW")
    dom = _browse(url, "4-canned-implementers", tmp_path)
    assert "What implements CODE" in dom
    assert "16-HD/BTCTW" in dom and "implements" in dom
    assert "Căn cứ" in dom or "Thực hiện" in dom or "thực hiện" in dom  # the evidence column


@pytest.mark.browser
def test_a_document_rows_graph_link_opens_the_graph_page_on_it(server, tmp_path):
    table = urllib.request.urlopen(f"{server}/vanban/document_index", timeout=30).read().decode("utf-8")
    href = re.search(r'<a href="(/graph/graph\.html\?q=16-HD%2FBTCTW)"', table).group(1)
    dom = _browse(server + href, "5-graph-from-document-row", tmp_path)
    assert 'data-state="ready"' in dom
    assert 'data-matches="1"' in dom and 'data-selected="doc:16-HD/BTCTW"' in dom


def test_serve_listens_on_127_0_0_1_by_default(server):
    """/proc/net/tcp: the listening socket of the server's port is bound to 127.0.0.1 alone."""
    port = int(server.rsplit(":", 1)[1])
    listening = Path("/proc/net/tcp")
    if not listening.exists():
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    local = [
        line.split()[1]
        for line in listening.read_text().splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port
    ]
    assert local == [f"0100007F:{port:04X}"]
