"""Named documents and their editions: "Luật Đất đai năm 2024" is the 2024 law (joined to
31/2024/QH15), a bare "Luật Đất đai" is joined to the one edition its own text names, or
stays a node of its own marked ambiguous; never one node for every edition."""

import pytest

from extractors.citations import find_citations, named_label
from graph.build import build_graph
from graph.identity import edition_code, has_editions, named_key
from tests.records import citation, record


def named(name, start, edition=None, **extra):
    """A named citation as a record holds it (name shown with its year, as the record does)."""
    shown = f"{name} năm {edition}" if edition else name
    return citation(None, start, name=shown, form="named", **({"edition": edition} if edition else {}), **extra)


def law(code, start, name, year):
    """A coded law mention that names its law: "Luật Đất đai số 31/2024/QH15"."""
    return citation(code, start, name=name, edition=year, form="full", doc_type="L", doc_type_name="Luật")


def cited_by(G, node):
    return G.nodes[node]["cited_by"] if node in G else 0


# --------------------------------------------------------------------------- finding the edition

FOUND = [
    # text, name, edition, code
    ("theo Hiến pháp năm 2013", "Hiến pháp", "2013", None),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp", None, None),
    ("thi hành Luật Đất đai 2024", "Luật Đất đai", "2024", None),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "Luật Tổ chức Chính phủ", "2025", None),
    ("Căn cứ Luật Đất đai số 31/2024/QH15;", "Luật Đất đai", "2024", "31/2024/QH15"),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
        "Luật Tổ chức chính quyền địa phương",
        "2025",
        "72/2025/QH15",
    ),
    ("theo Luật Đất đai hiện hành", "Luật Đất đai", None, None),
]


@pytest.mark.parametrize(("text", "name", "edition", "code"), FOUND)
def test_the_edition_a_mention_gives(text, name, edition, code):
    (found,) = find_citations(text)
    assert (found.name, found.edition, found.code) == (name, edition, code)


def test_an_amending_law_does_not_take_the_name_of_the_law_it_amends():
    text = "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15"
    (found,) = find_citations(text)
    assert (found.code, found.name) == ("87/2025/QH15", None)


def test_the_record_shows_the_year_a_named_mention_gives():
    (found,) = find_citations("theo Hiến pháp năm 2013")
    assert named_label(found) == "Hiến pháp năm 2013"


# --------------------------------------------------------------------------- the edition table

TABLE = [
    ("Luật Đất đai", "2024", "31/2024/QH15"),
    ("Luật Đất đai", "2013", "45/2013/QH13"),
    ("luật đất đai", "2003", "13/2003/QH11"),
    ("Luật Đất đai", "1993", None),  # not in the table
    ("Hiến pháp", "2013", None),  # constitutions carry no number
    ("Luật Không Có", "2024", None),
    ("Luật Nhà ở", "2023", "27/2023/QH15"),
    ("Luật Quản lý thuế", "2019", "38/2019/QH14"),
    ("Luật Nhà ở", "2014", None),  # an edition the bench never cites with its number
]


def test_a_law_the_table_lists_is_found_by_name_with_its_year():
    (found,) = find_citations("theo quy định của Luật Nhà ở năm 2023 về nhà ở xã hội")
    assert (found.name, found.edition) == ("Luật Nhà ở", "2023")
    assert edition_code(found.name, found.edition) == "27/2023/QH15"


@pytest.mark.parametrize(("name", "year", "code"), TABLE)
def test_edition_codes_come_from_the_table(name, year, code):
    assert edition_code(name, year) == code


@pytest.mark.parametrize(
    ("name", "editions"),
    [
        ("Luật Đất đai", True),
        ("Hiến pháp", True),
        ("Luật Viên chức", True),
        ("Bộ luật Lao động", True),
        ("Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội", True),  # 1991 and 2011
        ("Điều lệ Đảng", False),
        ("Quy chế làm việc của Ban Chấp hành Trung ương", False),
    ],
)
def test_which_names_need_a_year(name, editions):
    assert has_editions(name) is editions
    assert named_key(name).ambiguous is editions
    assert named_key(name, "2013").ambiguous is False


# --------------------------------------------------------------------------- nodes in the graph


def test_editions_are_never_one_node():
    G = build_graph(
        [
            record("a", [named("Luật Đất đai", 0, "2013")]),
            record("b", [named("Luật Đất đai", 0, "2024")]),
            record("c", [named("Luật Đất đai", 0, "2003")]),
        ]
    )
    assert cited_by(G, "doc:45/2013/QH13") == cited_by(G, "doc:31/2024/QH15") == cited_by(G, "doc:13/2003/QH11") == 1
    assert "doc:named:luật đất đai" not in G


def test_a_named_mention_joins_the_code_its_text_gives():
    G = build_graph([record("a", [law("31/2024/QH15", 0, "Luật Đất đai", "2024"), named("Luật Đất đai", 100)])])
    assert cited_by(G, "doc:31/2024/QH15") == 1
    assert "doc:named:luật đất đai" not in G
    assert (G.nodes["doc:31/2024/QH15"]["name"], G.nodes["doc:31/2024/QH15"]["edition"]) == ("Luật Đất đai", "2024")


def test_a_named_mention_joins_the_one_year_its_text_gives():
    G = build_graph([record("a", [named("Hiến pháp", 0, "2013"), named("Hiến pháp", 50)])])
    assert cited_by(G, "doc:named:hiến pháp|2013") == 1
    assert "doc:named:hiến pháp" not in G


def test_a_named_mention_without_a_year_is_its_own_node_marked_ambiguous():
    G = build_graph(
        [
            record("a", [named("Luật Đất đai", 0)]),
            record("b", [named("Luật Đất đai", 0, "2024")]),
        ]
    )
    node = G.nodes["doc:named:luật đất đai"]
    assert (node["ambiguous"], node["cited_by"], node["scope"]) == (True, 1, "named")
    assert cited_by(G, "doc:31/2024/QH15") == 1


def test_two_editions_in_one_text_leave_a_bare_mention_ambiguous():
    G = build_graph(
        [
            record(
                "a",
                [
                    law("31/2024/QH15", 0, "Luật Đất đai", "2024"),
                    law("45/2013/QH13", 40, "Luật Đất đai", "2013"),
                    named("Luật Đất đai", 100),
                ],
            )
        ]
    )
    assert G.nodes["doc:named:luật đất đai"]["ambiguous"] is True


def test_a_document_without_editions_is_not_ambiguous():
    G = build_graph([record("a", [named("Điều lệ Đảng", 0)]), record("b", [named("Điều lệ Đảng", 0)])])
    node = G.nodes["doc:named:điều lệ đảng"]
    assert (node["ambiguous"], node["cited_by"]) == (False, 2)


# --------------------------------------------------------------------------- types are real

TYPES = [
    # facts of a citation, the node's (doc_type, doc_type_name)
    ({"doc_type": None, "doc_type_name": "Nghị quyết"}, ("NQ", "Nghị quyết")),
    ({"doc_type": "NĐ", "doc_type_name": None}, ("NĐ", "Nghị định")),
    ({"doc_type": None, "doc_type_name": None}, (None, None)),
    ({"doc_type": None, "doc_type_name": "Không là loại nào"}, (None, None)),
]


@pytest.mark.parametrize(("facts", "expected"), TYPES)
def test_a_node_has_a_type_and_its_name_or_neither(facts, expected):
    G = build_graph([record("a", [citation("45/2019/QH14", 0, **facts)])])
    data = G.nodes["doc:45/2019/QH14"]
    assert (data["doc_type"], data["doc_type_name"]) == expected


def test_no_untyped_node_carries_a_type_name():
    G = build_graph(
        [
            record("a", [citation("45/2019/QH14", 0, doc_type=None, doc_type_name="Nghị quyết")]),
            record("b", [named("Hiến pháp", 0)]),
        ]
    )
    for _node, data in G.nodes(data=True):
        if data["kind"] == "document" and data["doc_type"] is None:
            assert data["doc_type_name"] is None


def test_a_citation_gets_its_type_from_the_word_before_a_typeless_code():
    (found,) = find_citations("Căn cứ Nghị quyết số 203/2025/QH15 của Quốc hội")
    assert (found.code, found.doc_type, found.doc_type_name) == ("203/2025/QH15", "NQ", "Nghị quyết")


# --------------------------------------------------------------------------- local issuers by level


def own(code, issuer):
    return {"code": code, "issuer": issuer, "doc_type": "KH", "doc_type_name": "Kế hoạch", "issued": "2025-11-20"}


def test_a_level_only_issuer_is_the_citing_body_of_that_level():
    # "Kế hoạch số 24/KH-UBND ... của UBND tỉnh" in a plan of UBND tỉnh Bắc Ninh is Bắc Ninh's
    G = build_graph(
        [
            record(
                "a",
                [citation("24/KH-UBND", 0, issuer="UBND tỉnh")],
                own=own("141/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh"),
            ),
            record("b", [citation("24/KH-UBND", 0, issuer="UBND tỉnh Bắc Ninh")]),
        ]
    )
    assert cited_by(G, "doc:24/KH-UBND@ủy ban nhân dân tỉnh bắc ninh") == 2


def test_a_level_only_issuer_of_another_level_stays_unknown():
    G = build_graph(
        [
            record(
                "a", [citation("24/KH-UBND", 0, issuer="UBND tỉnh")], own=own("5/KH-UBND", "Ủy ban nhân dân xã Tân Hòa")
            ),
            record(
                "b", [citation("24/KH-UBND", 0, issuer="UBND tỉnh")], own=own("6/KH-UBND", "Ủy ban nhân dân xã Phú Mỹ")
            ),
        ]
    )
    keys = [n for n in G if n.startswith("doc:24/KH-UBND")]
    assert len(keys) == 2 and all("?" in key for key in keys)  # one per citing text, never "@ủy ban nhân dân tỉnh"


def test_a_name_before_a_decree_is_not_the_decree_s_name():
    text = "hướng dẫn Luật Đất đai, trong đó sửa đổi một số điều của Nghị định số 102/2024/NĐ-CP"
    coded = [c for c in find_citations(text) if c.code]
    assert [(c.code, c.name) for c in coded] == [("102/2024/NĐ-CP", None)]


def test_a_bare_name_is_not_joined_to_a_coded_document_that_is_not_a_law():
    G = build_graph(
        [record("a", [citation("102/2024/NĐ-CP", 0, name="Luật Đất đai", edition="2024"), named("Luật Đất đai", 100)])]
    )
    assert G.nodes["doc:named:luật đất đai"]["ambiguous"] is True
    assert G.nodes["doc:102/2024/NĐ-CP"].get("name") is None
