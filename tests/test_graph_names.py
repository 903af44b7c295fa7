"""Names on document nodes: every name the texts give a document is kept with how many texts give
it; `vanban query doc` (networkx and the store's index alike) and the page find a document by any of
them without tone marks; an edition-less "Hiến pháp" joins the edition its text's date settles."""

from __future__ import annotations

import sqlite3

import pytest

from graph.ask import GraphIndex
from graph.build import build_graph
from graph.html import graph_payload
from graph.identity import edition_in_force
from graph.index import build_index
from graph.queries import UnknownDocument, find_documents
from graph.view import focus_view
from tests.records import citation, record

LAW = "31/2024/QH15"


def _law(start, name="Luật Đất đai", edition="2024"):
    return citation(LAW, start, "Quốc hội", doc_type="L", doc_type_name="Luật", name=name, edition=edition)


def _named(start, name, edition=None):
    return citation(None, start, name=name, edition=edition, form="named", doc_type_name="Luật")


def _records() -> list[dict]:
    return [
        record("a", [_law(0)]),
        record("b", [_law(0), _law(60)]),  # twice in one text: one text
        record("c", [citation(LAW, 0, "Quốc hội", doc_type="L", doc_type_name="Luật")]),  # "Luật số 31/2024/QH15"
        record("d", [_law(0), _named(80, "Luật Đất đai")]),  # the name alone, settled by the code beside it
        record("e", [citation("9-KL/TW", 0)]),
    ]


def _index(records: list[dict]) -> GraphIndex:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (source TEXT)")
    build_index(conn, records)
    return GraphIndex(conn)


def test_a_document_keeps_every_name_the_texts_give_it_with_how_many_texts():
    G = build_graph(_records())
    assert G.nodes[f"doc:{LAW}"]["names"] == {"Luật Đất đai năm 2024": 3, "Luật Đất đai": 1}
    assert "names" not in G.nodes["doc:9-KL/TW"]


@pytest.mark.parametrize(
    "asked, found",
    [
        ("Luật Đất đai năm 2024", [f"doc:{LAW}"]),
        ("luat dat dai nam 2024", [f"doc:{LAW}"]),  # no tone marks, lower case
        ("LUAT DAT DAI 2024", [f"doc:{LAW}"]),  # "năm" before the year left out
        ("31/2024/qh15", [f"doc:{LAW}"]),  # the code still works
        ("luat dat dai nam 2013", None),  # another edition: nothing
        ("luat dat", None),  # part of a name is not a name
    ],
)
def test_query_finds_a_document_by_any_of_its_names_in_networkx_and_in_the_index(asked, found):
    G = build_graph(_records())
    index = _index(_records())
    if found is None:
        with pytest.raises(UnknownDocument):
            find_documents(G, asked)
        with pytest.raises(UnknownDocument):
            index.find_documents(asked)
    else:
        assert find_documents(G, asked) == index.find_documents(asked) == found


def test_the_index_adds_up_names_as_the_graph_does():
    index = _index(_records())
    report = index.doc(LAW)[0]
    assert report.attributes["names"] == {"Luật Đất đai năm 2024": 3, "Luật Đất đai": 1}


def test_the_page_labels_a_coded_law_with_its_most_frequent_name_and_searches_every_name():
    G = build_graph(_records())
    data = graph_payload(G, focus_view(G, LAW, 1))
    law = next(n for n in data["nodes"] if n["id"] == f"doc:{LAW}")
    assert law["label"] == f"{LAW} · Luật Đất đai năm 2024"
    assert law["names"] == [["Luật Đất đai năm 2024", 3], ["Luật Đất đai", 1]]


# --- "Hiến pháp" with no year ---------------------------------------------------------------

CONSTITUTION = "doc:named:hiến pháp"


def _constitution_text(text_id, published, *others, kind=None):
    rec = record(text_id, [_named(0, "Hiến pháp"), *others], published=published)
    if kind:
        rec["kind"] = kind
    return rec


@pytest.mark.parametrize(
    "rec, node",
    [
        # dated after 1 January 2014, about Vietnamese law (it cites a code): the 2013 Constitution
        (_constitution_text("a", "2020-05-01", citation("9-KL/TW", 40)), f"{CONSTITUTION}|2013"),
        # dated in 2005: the 1992 one, then in force
        (_constitution_text("b", "2005-03-01", citation("9-KL/TW", 40)), f"{CONSTITUTION}|1992"),
        # undated, but it cites a law of 2024: it is no older, and no edition came after 2013
        (_constitution_text("c", None, _law(40)), f"{CONSTITUTION}|2013"),
        # undated, citing a document of 2010 only: written in 2010 or later, 1992 or 2013: not settled
        (_constitution_text("d", None, citation("5/2010/QH12", 40)), CONSTITUTION),
        # dated 2020, but nothing says it is about Vietnamese law (a page on another country): not settled
        (_constitution_text("e", "2020-05-01"), CONSTITUTION),
        # the text names the 1992 edition by its year elsewhere: that one (as before)
        (_constitution_text("f", "2020-05-01", _named(60, "Hiến pháp năm 1992", "1992")), f"{CONSTITUTION}|1992"),
    ],
)
def test_an_edition_less_constitution_joins_the_edition_its_text_settles(rec, node):
    G = build_graph([rec])
    cited = [v for v in G.successors(f"text:{rec['id']}") if v.startswith(CONSTITUTION)]
    assert cited == [node]


def test_an_edition_node_is_labelled_with_its_year_whoever_named_it_first():
    G = build_graph([_constitution_text("a", "2020-05-01", citation("9-KL/TW", 40))])
    assert G.nodes[f"{CONSTITUTION}|2013"]["label"] == "Hiến pháp năm 2013"
    assert G.nodes[f"{CONSTITUTION}|2013"]["names"] == {"Hiến pháp": 1}


@pytest.mark.parametrize(
    "day, at_least, edition",
    [
        ("2014-01-01", False, "2013"),
        ("2013-12-31", False, "1992"),
        ("1946-11-08", False, None),  # before the first
        ("2013-12-31", True, None),  # at least 2013-12-31: 1992 or 2013
        ("2014-01-01", True, "2013"),
        (None, False, None),
    ],
)
def test_edition_in_force(day, at_least, edition):
    assert edition_in_force("Hiến pháp", day, at_least=at_least) == edition


@pytest.mark.browser
@pytest.mark.parametrize("query", ["luat dat dai nam 2024", "Luật Đất đai", "31/2024/QH15"])
def test_browser_page_search_finds_a_law_by_any_name(tmp_path, query):
    from graph.html import write_html
    from tests.test_graph_html import _open, chromium_command

    G = build_graph(_records())
    page = write_html(G, tmp_path / "law.html", focus=LAW, depth=1)
    _text, dom = _open(chromium_command(), page, tmp_path / "profile", q=query)
    assert dom.state["matches"][0] == f"doc:{LAW}" and dom.state["selected"] == f"doc:{LAW}"


# --- an issuer spelled two ways -----------------------------------------------------------------


@pytest.mark.parametrize("first", ["Ban chấp hành Trung ương", "Ban Chấp hành Trung ương"])
def test_an_issuer_shows_the_spelling_most_texts_use_whichever_came_first(first):
    other = "Ban Chấp hành Trung ương" if first == "Ban chấp hành Trung ương" else "Ban chấp hành Trung ương"
    majority = "Ban Chấp hành Trung ương"
    spellings = [first] + [majority] * 2 + (["Ban chấp hành Trung ương"] if first == majority else [])
    recs = [record(f"t{i}", [citation("5-NQ/TW", 0, issuer)]) for i, issuer in enumerate(spellings)]
    recs.append(record("z", [citation("5-NQ/TW", 0, "Bộ Chính trị")]))  # another issuer: not a spelling of it
    G = build_graph(recs)
    data = G.nodes["doc:5-NQ/TW"]
    assert data["issuer"] == majority, (first, other)
    assert data["issuer_spellings"][majority] == 2 + (first == majority)
    assert _index(recs).doc("5-NQ/TW")[0].attributes["issuer"] == majority


# --- a person's posts, once each -------------------------------------------------------------------


def _person_records() -> list[dict]:
    def said(text_id, published, title, organization):
        person = {
            "name": "Trần Văn Bình",
            "start": 0,
            "end": 13,
            "posts": [{"title": title, "organization": organization}],
        }
        return record(text_id, [citation("9-KL/TW", 40)], (), None, [person], published)

    return [
        said("p1", "2020-03-01", "Bí thư", "Tỉnh ủy Nam Định"),
        said("p2", "2023-06-01", "Bí thư", "Tỉnh ủy Nam Định"),  # the same post, said again later
        said("p3", "2021-01-01", "bí thư", "Tỉnh ủy nam định"),  # and written otherwise
        said("p4", "2024-09-01", "Trưởng ban", "Ban Tổ chức Trung ương"),
        said("p5", None, "Ủy viên", "Bộ Chính trị"),  # undated
    ]


def test_query_person_lists_each_post_once_newest_first_undated_last_on_both_paths():
    from graph.queries import person

    G = build_graph(_person_records())
    from_graph = person(G, "Trần Văn Bình")
    from_index = _index(_person_records()).person("Trần Văn Bình")
    assert from_graph == from_index == _index(_person_records()).person("tran van binh")
    assert [(p.title, p.date, p.texts) for p in from_graph] == [
        ("Trưởng ban", "2024-09-01", 1),
        ("Bí thư", "2023-06-01", 3),  # from the newest text, three texts say so
        ("Ủy viên", None, 1),
    ]
    assert from_graph[1].text_id == "p2"


# --- a local code given with no issuer ---------------------------------------------------------------

DU_BO = "Đảng ủy Bộ Thông tin và Truyền thông"


def _org(name, start=0):
    return {"name": name, "start": start, "end": start + len(name)}


@pytest.mark.parametrize(
    "organizations, node",
    [
        # the one Đảng ủy the text names (its short form "Đảng ủy Bộ" beside it): that one's
        (
            [_org(DU_BO), _org("Đảng ủy Bộ", 60), _org("Đảng ủy Khối các cơ quan Trung ương", 90)],
            "doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông",
        ),
        # two Đảng ủy named: not certain, the text's own node, issuer unknown
        ([_org(DU_BO), _org("Đảng ủy Bộ Tài chính", 60)], "doc:02-HD/ĐU?n"),
        # only a Đảng ủy Khối (another kind of body than /ĐU): not it
        ([_org("Đảng ủy Khối các cơ quan Trung ương")], "doc:02-HD/ĐU?n"),
    ],
)
def test_a_local_code_without_issuer_joins_the_one_body_of_its_kind_the_text_names(organizations, node):
    directive = record("d", [], (), {"code": "02-HD/ĐU", "doc_type": "HD", "issuer": DU_BO, "issued": "2022-04-14"})
    news = record("n", [citation("02-HD/ĐU", 40)])
    news["organizations"] = organizations
    G = build_graph([directive, news])
    assert [v for v in G.successors("text:n") if v.startswith("doc:02-HD/ĐU")] == [node]
    assert _index([directive, news]).find_documents(node) == [node]


def test_a_state_body_code_is_not_joined_by_the_names_a_text_holds():
    news = record("n", [citation("839/QĐ-UBND", 40)])
    news["organizations"] = [_org("Ủy ban nhân dân cấp tỉnh")]
    G = build_graph([news])
    assert [v for v in G.successors("text:n") if "839" in v] == ["doc:839/QĐ-UBND?n"]
