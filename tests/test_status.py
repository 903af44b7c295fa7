"""Document status as of a date, on small stores of our own: one table row per status value,
the as-of date, the decision's date and evidence, and each kind of conflict."""

from __future__ import annotations

import pytest

from graph.build import build_graph
from graph.queries import find_documents
from graph.status import STATUSES, annotate, conflicts, document_status, is_partial, period_end, stated_date
from tests.records import citation, record, relation


def own(code, issued, doc_type=None, subject=None, issuer=None, place=None, effective=None):
    """A directive's ``self``."""
    found = {"code": code, "issued": issued, "doc_type": doc_type, "subject": subject, "issuer": issuer, "place": place}
    if effective:
        found["effective"] = {"kind": "date", "value": effective, "start": 0, "end": 10, "text": "có hiệu lực ..."}
    return found


def news(text_id, published, codes, relations):
    return record(text_id, [citation(c, 30 * i) for i, c in enumerate(codes)], relations, published=published)


def directive(text_id, self_, codes=(), relations=()):
    return record(
        text_id,
        [citation(c, 30 * (i + 1)) for i, c in enumerate(codes)],
        relations,
        own=self_,
        published=self_["issued"],
    )


# 124-QĐ/TW amended on 2024-03-01, then replaced on 2025-05-01: a store asked at two dates.
AMENDED_THEN_REPLACED = [
    directive(
        "a",
        own("5-QĐ/TW", "2024-03-01"),
        ["124-QĐ/TW"],
        [relation("5-QĐ/TW", "amends", "124-QĐ/TW", text="sửa đổi Quy định 124-QĐ/TW")],
    ),
    directive(
        "b",
        own("200-QĐ/TW", "2025-05-01"),
        ["124-QĐ/TW"],
        [relation("200-QĐ/TW", "replaces", "124-QĐ/TW", text="Quy định này thay thế Quy định 124-QĐ/TW")],
    ),
]


# Each row: records, the document asked about, as-of date, expected status, expected since.
CASES = {
    "replaced": (
        [
            directive(
                "a",
                own("43-HD/BTCTW", "2025-06-01"),
                ["25-HD/BTCTW"],
                [
                    relation(
                        "43-HD/BTCTW",
                        "replaces",
                        "25-HD/BTCTW",
                        text="Hướng dẫn này có hiệu lực kể từ ngày ký và thay thế Hướng dẫn số 25-HD/BTCTW",
                    )
                ],
            )
        ],
        "25-HD/BTCTW",
        "2025-07-01",
        "replaced",
        "2025-06-01",
    ),
    "repealed, on the date the evidence gives": (
        [
            news(
                "n",
                "2025-10-01",
                ["11/2025/TT-KTNN", "06/2008/QĐ-KTNN"],
                [
                    relation(
                        "11/2025/TT-KTNN",
                        "repeals",
                        "06/2008/QĐ-KTNN",
                        text="từ ngày 15/11/2025, Thông tư 11/2025/TT-KTNN bãi bỏ toàn bộ Quyết định 06/2008/QĐ-KTNN",
                    )
                ],
            )
        ],
        "06/2008/QĐ-KTNN",
        "2025-12-01",
        "repealed",
        "2025-11-15",
    ),
    "before the repeal takes effect it is still acted on": (
        [
            news(
                "n",
                "2025-10-01",
                ["11/2025/TT-KTNN", "06/2008/QĐ-KTNN"],
                [
                    relation(
                        "11/2025/TT-KTNN",
                        "repeals",
                        "06/2008/QĐ-KTNN",
                        text="từ ngày 15/11/2025, Thông tư 11/2025/TT-KTNN bãi bỏ toàn bộ Quyết định 06/2008/QĐ-KTNN",
                    )
                ],
            ),
            directive(
                "d",
                own("7-KH/TU", "2020-01-05"),
                ["06/2008/QĐ-KTNN"],
                [relation("7-KH/TU", "implements", "06/2008/QĐ-KTNN")],
            ),
        ],
        "06/2008/QĐ-KTNN",
        "2025-11-01",
        "in_force",
        None,
    ),
    "partly_repealed": (
        [
            directive(
                "a",
                own("30/2024/NQ-HĐND", "2024-12-10"),
                ["20/2023/NQ-HĐND"],
                [
                    relation(
                        "30/2024/NQ-HĐND",
                        "repeals",
                        "20/2023/NQ-HĐND",
                        text="Bãi bỏ mẫu số 05 tại Phụ lục kèm theo Nghị quyết số 20/2023/NQ-HĐND.",
                    )
                ],
            )
        ],
        "20/2023/NQ-HĐND",
        "2025-01-01",
        "partly_repealed",
        "2024-12-10",
    ),
    "amended": (
        [
            directive(
                "a",
                own("5-QĐ/TW", "2024-03-01"),
                ["124-QĐ/TW"],
                [
                    relation(
                        "5-QĐ/TW", "amends", "124-QĐ/TW", text="sửa đổi, bổ sung một số điều của Quy định 124-QĐ/TW"
                    )
                ],
            )
        ],
        "124-QĐ/TW",
        "2025-01-01",
        "amended",
        "2024-03-01",
    ),
    "expired plan": (
        [directive("a", own("12-KH/TU", "2021-05-01", "KH", "thực hiện chuyển đổi số giai đoạn 2021 - 2025"))],
        "12-KH/TU",
        "2026-02-01",
        "expired",
        "2025-12-31",
    ),
    "a plan within its period is in force": (
        [directive("a", own("12-KH/TU", "2021-05-01", "KH", "thực hiện chuyển đổi số giai đoạn 2021 - 2025"))],
        "12-KH/TU",
        "2024-02-01",
        "in_force",
        "2021-05-01",
    ),
    "in_force from its own effective date": (
        [directive("a", own("3-CT/TW", "2025-01-02", effective="2025-07-01"))],
        "3-CT/TW",
        "2025-08-01",
        "in_force",
        "2025-07-01",
    ),
    "not in force yet": (
        [directive("a", own("3-CT/TW", "2025-01-02", effective="2025-07-01"))],
        "3-CT/TW",
        "2025-03-01",
        "unknown",
        "2025-07-01",
    ),
    "unknown: only cited": (
        [news("n", "2025-01-01", ["9-CT/TW"], [])],
        "9-CT/TW",
        "2025-02-01",
        "unknown",
        None,
    ),
    "replaced beats amended": (
        AMENDED_THEN_REPLACED,
        "124-QĐ/TW",
        "2025-06-01",
        "replaced",
        "2025-05-01",
    ),
    "the same store before the replacement": (
        AMENDED_THEN_REPLACED,
        "124-QĐ/TW",
        "2025-01-01",
        "amended",
        "2024-03-01",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_status_table(name):
    records, code, as_of, expected, since = CASES[name]
    G = build_graph(records)
    node = find_documents(G, code)[0]
    found = document_status(G, node, as_of)
    assert (found.status, found.since) == (expected, since), found.reason
    if expected in ("replaced", "repealed", "partly_repealed", "amended"):
        assert found.decided_by and found.decided_by[0].evidence  # the sentence that decides it
        assert found.decided_by[0].node and found.decided_by[0].node != node


def test_every_status_value_is_covered_by_the_table():
    seen = {CASES[name][3] for name in CASES}
    assert seen == set(STATUSES)


def test_annotate_writes_a_status_on_every_document_node():
    G = build_graph(CASES["replaced beats amended"][0])
    counts = annotate(G, "2025-06-01")
    assert counts["replaced"] == 1 and sum(counts.values()) == 3
    assert G.nodes["doc:124-QĐ/TW"]["status"] == "replaced" and G.graph["status_as_of"] == "2025-06-01"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Theo đó, từ ngày 15/12/2025, Nghị định 320/2025/NĐ-CP thay thế Nghị định 218/2013/NĐ-CP.", "2025-12-15"),
        (
            "Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 12 năm 2025 và bãi bỏ Quyết định số 77",
            "2025-12-15",
        ),
        ("Quyết định này thay thế Quyết định số 15/2014/QĐ-UBND ngày 02/7/2014.", None),  # the old one's date
    ],
)
def test_stated_date(sentence, expected):
    assert stated_date(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "code", "expected"),
    [
        ("Bãi bỏ Điều 5 của Quy định số 124-QĐ/TW.", "124-QĐ/TW", True),
        ("bãi bỏ khoản 2 Điều 3 Quyết định 77/2021/QĐ-UBND", "77/2021/QĐ-UBND", True),
        ("bãi bỏ toàn bộ Quyết định 06/2008/QĐ-KTNN", "06/2008/QĐ-KTNN", False),
        ("Quyết định này bãi bỏ Quyết định số 1029/QĐ-UBND", "1029/QĐ-UBND", False),
        ("Căn cứ Điều 5 Luật X; bãi bỏ Quyết định số 1029/QĐ-UBND", "1029/QĐ-UBND", False),  # part before the verb
        # a list: a part named in the previous item is not this one's; a part named in the lead is every item's
        (
            "các Nghị định sau hết hiệu lực thi hành: a) Nghị định số 115/2015/NĐ-CP quy định chi tiết một số điều "
            "của Luật Bảo hiểm xã hội; b) Nghị định số 143/2018/NĐ-CP quy định chi tiết",
            "143/2018/NĐ-CP",
            False,
        ),
        (
            "Bãi bỏ một số điều của các văn bản sau: a) Quyết định số 1/QĐ-UBND; b) Quyết định số 2/QĐ-UBND",
            "2/QĐ-UBND",
            True,
        ),
        ("Bãi bỏ khoản 2 Điều 3; khoản 4 Điều 5 của Quyết định số 7/QĐ-UBND", "7/QĐ-UBND", True),
    ],
)
def test_is_partial(sentence, code, expected):
    assert is_partial(sentence, code) is expected


@pytest.mark.parametrize(
    ("subject", "end"),
    [
        ("thực hiện Chương trình giai đoạn 2021 - 2025", "2025-12-31"),
        ("phát triển khoa học, công nghệ đến năm 2030", "2030-12-31"),
        ("công tác tuyên truyền năm 2024", "2024-12-31"),
        ("về công tác cán bộ", None),
    ],
)
def test_period_end(subject, end):
    found = period_end(subject)
    assert (found[0] if found else None) == end


def _replace(text_id, code, issued, target="124-QĐ/TW"):
    return directive(
        text_id,
        own(code, issued),
        [target],
        [relation(code, "replaces", target, text=f"Quy định này thay thế Quy định {target}")],
    )


def test_conflict_two_replacers():
    G = build_graph([_replace("a", "200-QĐ/TW", "2025-05-01"), _replace("b", "201-QĐ/TW", "2025-06-01")])
    found = [c for c in conflicts(G) if c.kind == "two_replacers"]
    assert [c.node for c in found] == ["doc:124-QĐ/TW"]
    assert {d.node for d in found[0].decisions} == {"doc:200-QĐ/TW", "doc:201-QĐ/TW"}


def test_conflict_acted_on_after_its_end():
    late = directive(
        "c",
        own("9-KH/TU", "2025-09-01"),
        ["124-QĐ/TW"],
        [relation("9-KH/TU", "based_on", "124-QĐ/TW", text="Căn cứ Quy định 124-QĐ/TW")],
    )
    early = directive(
        "d",
        own("8-KH/TU", "2025-01-01"),
        ["124-QĐ/TW"],
        [relation("8-KH/TU", "based_on", "124-QĐ/TW", text="Căn cứ Quy định 124-QĐ/TW")],
    )
    G = build_graph([_replace("a", "200-QĐ/TW", "2025-05-01"), late, early])
    found = [c for c in conflicts(G) if c.kind == "acted_on_after_end"]
    assert [(c.node, c.decisions[1].node) for c in found] == [("doc:124-QĐ/TW", find_documents(G, "9-KH/TU")[0])]


def test_conflict_ended_before_issued():
    older = _replace("a", "200-QĐ/TW", "2020-05-01")
    target = directive("b", own("124-QĐ/TW", "2023-01-01"))
    G = build_graph([older, target])
    assert [c.kind for c in conflicts(G)] == ["ended_before_issued"]
    assert conflicts(build_graph([_replace("a", "200-QĐ/TW", "2025-05-01"), target])) == []
