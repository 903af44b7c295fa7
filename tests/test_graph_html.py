"""The interactive HTML page (graph.html): self-contained, faithful to the graph, escaped; and,
in headless Chromium, its nodes rendered and its search working."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.build import build_graph
from graph.html import STATIC_DIR, graph_payload, render_html, script_json, write_html
from tests.records import citation, record, relation

ATTACK = "<script>alert(1)</script>"
DUK = "Đảng ủy Khối các cơ quan Trung ương"
TYPE_NAMES = {"HD": "Hướng dẫn", "QĐ": "Quy định", "KL": "Kết luận"}


def _records() -> list[dict]:
    """Three texts down the chain 50-QĐ/TW ← 16-HD/BTCTW ← 02-HD/ĐUK ← 02-HD/ĐU, a person,
    and a cited document whose subject and a relation whose evidence carry a script tag."""

    def cite(code, start, issuer=None, date=None, subject=None):
        doc_type = code.split("-")[1].split("/")[0]
        return citation(code, start, issuer, date, subject=subject, doc_type=doc_type,
                        doc_type_name=TYPE_NAMES[doc_type])

    def rel(source, kind, target, text):
        return relation(source, kind, target, end=len(text), rule="active_verb", text=text)

    def rec(text_id, citations, relations, own=None, people=()):
        return record(text_id, citations, relations, own, people, "2022-04-20",
                      source=f"corpus/{text_id}.txt", title=f"Hướng dẫn {text_id}")

    own = {"code": "16-HD/BTCTW", "doc_type": "HD", "doc_type_name": "Hướng dẫn", "issuer": "Ban Tổ chức Trung ương",
           "issuer_code": "BTCTW", "issued": "2022-02-15", "subject": "một số nội dung cụ thể về công tác quy hoạch cán bộ"}
    person = {"name": "Phan Tâm", "mentions": [{"start": 5, "end": 13}],
              "posts": [{"title": "Thứ trưởng", "organization": "Bộ Thông tin và Truyền thông", "text": "Thứ trưởng"}]}
    return [
        rec("t16", [cite("50-QĐ/TW", 30, "Bộ Chính trị", "2021-12-27")],
            [rel("16-HD/BTCTW", "implements", "50-QĐ/TW",
                 "Thực hiện Quy định số 50-QĐ/TW, ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ")],
            own),
        rec("tduk", [cite("16-HD/BTCTW", 0), cite("02-HD/ĐUK", 40, DUK, "2022-03-17")],
            [rel("02-HD/ĐUK", "implements", "16-HD/BTCTW", f"Thực hiện Hướng dẫn số 16-HD/BTCTW {ATTACK}")]),
        rec("tdu", [cite("02-HD/ĐUK", 0, DUK), cite("02-HD/ĐU", 40), cite("7-KL/TW", 70, subject=f"về {ATTACK}")],
            [rel("02-HD/ĐU", "based_on", "02-HD/ĐUK", "- Căn cứ Hướng dẫn số 02-HD/ĐUK, ngày 17/3/2022")],
            people=[person]),
    ]


@pytest.fixture(scope="module")
def G():
    return build_graph(_records())


@pytest.fixture(scope="module")
def page(G, tmp_path_factory) -> Path:
    return write_html(G, tmp_path_factory.mktemp("html") / "graph.html")


def _embedded(page_text: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page_text, re.S)
    assert match, "no graph-data block"
    return json.loads(match.group(1))


# --- the file itself -----------------------------------------------------------------------


@pytest.mark.parametrize("pattern, what", [
    (r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", "a network URL in an attribute"),
    (r"<script[^>]*\bsrc\s*=", "an external script"),
    (r"<link\b", "a linked stylesheet or font"),
    (r"@import|url\(\s*['\"]?(?:https?:)?//", "a CSS import or remote url()"),
    (r"\bfetch\(|XMLHttpRequest|WebSocket|EventSource|importScripts", "a network call in the script"),
])
def test_page_loads_nothing_from_the_network(page, pattern, what):
    assert not re.search(pattern, page.read_text(encoding="utf-8"), re.I), what


def test_page_forbids_network_loads_in_its_policy(page):
    text = page.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert policy and "default-src 'none'" in policy.group(1)


def test_embedded_json_is_the_graph(G, page):
    data = _embedded(page.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    assert len(data["edges"]) == G.number_of_edges()
    relations = {(e["source"], e["type"], e["target"]) for e in data["edges"] if e["kind"] == "relation"}
    assert relations == {(u, k, v) for u, v, k, d in G.edges(keys=True, data=True) if d["kind"] == "relation"}
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["doc:16-HD/BTCTW"]["attrs"]["issuer"] == "Ban Tổ chức Trung ương"
    assert by_id["doc:16-HD/BTCTW"]["attrs"]["cited_by"] == G.nodes["doc:16-HD/BTCTW"]["cited_by"] == 1
    assert [c["text_id"] for c in by_id["doc:16-HD/BTCTW"]["cited_in"]] == ["tduk"]
    implements = next(e for e in data["edges"] if e["type"] == "implements" and e["source"] == "doc:16-HD/BTCTW")
    assert implements["evidence"][0]["text"].startswith("Thực hiện Quy định số 50-QĐ/TW")
    assert implements["attrs"]["confidence"] == 0.9


def test_legend_has_the_types_present(G):
    data = graph_payload(G)
    doc_types = {row["code"]: row for row in data["doc_types"]}
    assert set(doc_types) == {"HD", "QĐ", "KL"}
    assert doc_types["HD"]["count"] == 3 and doc_types["HD"]["name"] == "Hướng dẫn"
    assert len({row["color"] for row in data["doc_types"]}) == 3
    assert [(r["type"], r["count"]) for r in data["relation_types"]] == [("based_on", 1), ("implements", 2)]
    assert data["summary"].startswith("5 documents, 3 texts, 3 relations (2 implements, 1 based_on)")


def test_kinds_limit_the_nodes_but_keep_citing_texts(G):
    data = graph_payload(G, kinds=("document",))
    assert {n["kind"] for n in data["nodes"]} == {"document"}
    assert {e["kind"] for e in data["edges"]} == {"relation"}
    by_id = {n["id"]: n for n in data["nodes"]}
    assert [c["text_id"] for c in by_id["doc:02-HD/ĐUK@" + "đảng ủy khối các cơ quan trung ương"]["cited_in"]] \
        == ["tdu", "tduk"]


def test_a_large_graph_opens_on_documents_alone():
    records = [{"id": f"t{i}", "source": f"t{i}.txt", "format": "txt", "kind": "news", "title": f"Tin {i}",
                "published": None, "self": None, "people": [], "organizations": [], "relations": [],
                "citations": [{"code": f"{i}-NQ/TW", "start": 0, "end": 8}]} for i in range(800)]
    data = graph_payload(build_graph(records))
    assert {k["kind"]: k["shown"] for k in data["kinds"]} == {"document": True, "text": False}
    small = graph_payload(build_graph(records[:10]))
    assert {k["kind"]: k["shown"] for k in small["kinds"]} == {"document": True, "text": True}


# --- escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize("value, must_contain, must_not_contain", [
    ({"s": ATTACK}, "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", "<"),
    ({"s": "a & b"}, "a \\u0026 b", "&"),
    ({"s": "<!-- x -->"}, "\\u003c!-- x --\\u003e", ">"),
    ({"s": "dòng\u2028mới"}, "dòng\\u2028mới", "\u2028"),
    ({"s": "Quy định số 50-QĐ/TW"}, "Quy định số 50-QĐ/TW", "\\u"),
])
def test_script_json_escapes_what_could_end_a_script(value, must_contain, must_not_contain):
    text = script_json(value)
    assert must_contain in text
    assert must_not_contain not in text
    assert json.loads(text) == value


def test_document_text_with_a_script_tag_stays_data(G, page):
    text = page.read_text(encoding="utf-8")
    assert "alert(1)" in text  # it is there ...
    assert "<script>alert" not in text and "</script>alert" not in text  # ... but never as markup
    assert len(re.findall(r"<script\b", text)) == 2 and len(re.findall(r"</script>", text)) == 2
    by_id = {n["id"]: n for n in _embedded(text)["nodes"]}
    assert by_id["doc:7-KL/TW"]["attrs"]["subject"] == f"về {ATTACK}"


def test_title_is_escaped(G):
    text = render_html(G, title="Đồ thị <b>& </title>")
    assert "<title>Đồ thị &lt;b&gt;&amp; &lt;/title&gt;</title>" in text


@pytest.mark.parametrize("sink", ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                  "new Function"])
def test_script_never_parses_data_as_html_or_code(sink):
    assert sink not in (STATIC_DIR / "page.js").read_text(encoding="utf-8")


# --- in a real browser -------------------------------------------------------------------

BROWSER_TIMEOUT = 60  # seconds; the page needs about one
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        pytest.skip("headless Chromium not found: apt-get install chromium")
    return found


class _Dom(HTMLParser):
    """What the test reads from a dumped DOM: body attributes, SVG node and edge groups."""

    def __init__(self, text: str):
        super().__init__()
        self.body: dict = {}
        self.nodes: dict[str, dict] = {}
        self.edges: dict[str, dict] = {}
        self.results: list[str] = []
        self.scripts = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        elif tag == "script":
            self.scripts += 1
        elif tag == "g" and "node" in classes:
            self.nodes[a["data-id"]] = {**a, "classes": classes}
        elif tag == "g" and "edge" in classes:
            self.edges[a["data-id"]] = {**a, "classes": classes}
        elif tag == "li" and a.get("data-id"):
            self.results.append(a["data-id"])


def _open(chromium: str, page: Path, profile: Path, query: str | None = None) -> tuple[str, _Dom]:
    url = page.resolve().as_uri() + (f"?q={urllib.parse.quote(query)}" if query else "")
    # Its own process group, so that a page that hangs (an alert() that got through) takes
    # every Chromium process with it when the test gives up.
    browser = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = browser.communicate(timeout=BROWSER_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        pytest.fail(f"Chromium did not finish {url} in {BROWSER_TIMEOUT} s (a dialog or a script that never ends)")
    assert browser.returncode == 0, err[-2000:]
    dom = _Dom(out)
    assert dom.body.get("data-state") == "ready", "the page's script did not finish: " + err[-2000:]
    return out, dom


@pytest.mark.browser
def test_browser_renders_the_shown_kinds(G, page, tmp_path):
    _text, dom = _open(_chromium(), page, tmp_path / "profile")
    shown = {n for n, d in G.nodes(data=True) if d["kind"] in ("document", "text", "person")}
    assert set(dom.nodes) == shown
    assert dom.body["data-rendered-nodes"] == str(len(shown))
    assert all("transform" in node for node in dom.nodes.values())
    relation_types = sorted(e["data-type"] for e in dom.edges.values() if e["data-kind"] == "relation")
    assert relation_types == ["based_on", "implements", "implements"]
    assert dom.nodes["doc:50-QĐ/TW"]["data-doc-type"] == "QĐ"


@pytest.mark.browser
@pytest.mark.parametrize("query, matches", [
    ("16-HD/BTCTW", {"doc:16-HD/BTCTW"}),   # a code
    ("16-hd/btctw", {"doc:16-HD/BTCTW"}),   # any case
    ("phan tam", {"person:phan tâm"}),       # a name without tone marks
    ("02-HD/ĐU", {"doc:02-HD/ĐU?tdu", "doc:02-HD/ĐUK@đảng ủy khối các cơ quan trung ương"}),  # a prefix
    ("không có văn bản này", set()),
])
def test_browser_search_marks_the_matches(page, tmp_path, query, matches):
    _text, dom = _open(_chromium(), page, tmp_path / "profile", query)
    marked = {node_id for node_id, node in dom.nodes.items() if node.get("data-match") == "true"}
    assert marked == matches
    assert all("match" in dom.nodes[n]["classes"] for n in matches)
    assert dom.body["data-matches"] == str(len(matches))
    assert set(dom.results) == matches
    if len(matches) == 1:
        assert dom.body.get("data-selected") == next(iter(matches))


@pytest.mark.browser
def test_browser_shows_a_script_tag_as_text(page, tmp_path):
    text, dom = _open(_chromium(), page, tmp_path / "profile", "7-KL/TW")
    assert dom.body.get("data-selected") == "doc:7-KL/TW"
    assert "về &lt;script&gt;alert(1)&lt;/script&gt;" in text  # the details panel, as text
    assert dom.scripts == 2  # nothing was injected
    assert "<script>alert" not in text


@pytest.mark.browser
def test_browser_page_of_the_bundled_corpus(corpus_dir, tmp_path):
    chromium = _chromium()
    from pipeline.process import extract_paths

    records = list(extract_paths(sorted(p for p in corpus_dir.iterdir() if p.is_file())))
    G = build_graph(records)
    page = write_html(G, tmp_path / "corpus.html")
    _text, dom = _open(chromium, page, tmp_path / "profile", "16-HD/BTCTW")
    documents = {n for n in dom.nodes if dom.nodes[n]["data-kind"] == "document"}
    assert documents == {n for n, d in G.nodes(data=True) if d["kind"] == "document"}
    assert {"doc:50-QĐ/TW", "doc:16-HD/BTCTW", "doc:80-QĐ/TW", "doc:105-QĐ/TW"} <= documents
    assert {n for n, d in dom.nodes.items() if d.get("data-match")} == {"doc:16-HD/BTCTW"}
    relations = {(e["data-type"]) for e in dom.edges.values() if e["data-kind"] == "relation"}
    assert {"based_on", "implements", "replaces"} <= relations
