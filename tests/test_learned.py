"""The learned decisions (issues 20, 21): the linear model runtime, the candidates and their
features, the decision modes, the packaged models with their cards, and the kinds of text the
relation misses on unseen text came from, in sentences written here."""

from __future__ import annotations

import math
from importlib import resources

import pytest

from extractors.learned.linear import LinearModel, load_model
from extractors.learned.post_candidates import post_candidates
from extractors.learned.relation_candidates import relation_candidates
from extractors.learned.relation_decision import decide_relations
from extractors.people import find_people, read_posts
from pipeline.run.facts import find_facts
from tests.test_relations_kinds import party
from vntext.normalize import normalize


def _reading(text: str):
    from extractors.identity import page_subject_start
    from extractors.relations import read_relations

    norm = normalize(text, "md").text
    facts = find_facts(norm, relations_mode="rules", posts_mode="rules")
    page = page_subject_start(norm) if facts.identity is None else None
    return norm, read_relations(norm, facts.citations, facts.identity, "doc", page)


# --- the runtime -------------------------------------------------------------------------


def test_linear_model_is_a_softmax_and_round_trips():
    model = LinearModel(("none", "amends"), (0.0, -1.0), {"sig_pre=verb:amends": (0.0, 3.0)}, {})
    plain, signalled = model.probabilities([]), model.probabilities(["sig_pre=verb:amends", "unknown"])
    assert math.isclose(sum(plain.values()), 1.0) and math.isclose(sum(signalled.values()), 1.0)
    assert plain["none"] > plain["amends"] and signalled["amends"] > signalled["none"]
    assert math.isclose(signalled["amends"], 1 / (1 + math.exp(-2.0)))
    assert LinearModel.from_json(model.to_json()) == model


def test_fitted_weights_give_sklearns_probabilities():
    pytest.importorskip("sklearn")
    from pipeline.evaluate.fitting import fit_linear

    rows = [{"a"}, {"a", "b"}, {"b"}, {"c"}, {"a", "c"}, {"b", "c"}] * 3
    labels = ["holds", "holds", "none", "none", "holds", "none"] * 3
    model = fit_linear(rows, labels, 1.0, ("holds", "none"))
    p_a, p_c = model.probabilities({"a"})["holds"], model.probabilities({"c"})["holds"]
    assert p_a > 0.5 > p_c


def test_packaged_models_load_with_their_cards():
    for name, classes in (("relations", {"none", "based_on", "amends", "cites"}), ("posts", {"holds", "none"})):
        model = load_model(name)
        assert model is not None, f"{name}.model.json is not packaged"
        assert classes <= set(model.classes)
        assert model.meta["seed"] == 20 and model.meta["train_texts"] > 100
        card = resources.files("extractors.learned").joinpath(f"{name}.card.md").read_text(encoding="utf-8")
        assert "Decides" in card and "make train" in card and "held" in card


# --- candidates ----------------------------------------------------------------------------

DIRECTIVE = """| **ĐẢNG BỘ TỈNH HÀ TĨNH** | **ĐẢNG CỘNG SẢN VIỆT NAM** |
|---|---|
| **ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH** | |
| Số 12-HD/ĐUK | *Hà Tĩnh, ngày 3 tháng 4 năm 2025* |

HƯỚNG DẪN
về tổ chức đại hội chi bộ

Căn cứ Quy định số 105-QĐ/TW ngày 19/12/2017 của Ban Chấp hành Trung ương về phân cấp quản lý cán bộ;
Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp,
Ban Thường vụ Đảng ủy Khối hướng dẫn như sau:

1. Các chi bộ tổ chức đại hội theo Hướng dẫn số 26-HD/BTCTW ngày 15/5/2025 của Ban Tổ chức Trung ương.

2. Các chi bộ nghiên cứu Quy định số 105-QĐ/TW cùng Chỉ thị số 45-CT/TW trước đại hội.
"""


def test_a_directive_pairs_its_own_code_with_each_document_it_cites():
    text, reading = _reading(DIRECTIVE)
    candidates = {(c.source, c.target): c for c in relation_candidates(text, reading)}
    own = reading.self_code
    assert own == "12-HD/ĐUK"
    for target in ("105-QĐ/TW", "45-CT/TW", "26-HD/BTCTW"):
        assert (own, target) in candidates, target
    based = candidates[(own, "105-QĐ/TW")].features()
    assert "how=self" in based and "sig_line=lead:based_on" in based and "rule=based_on" in based


def test_rules_mode_is_the_rules_and_a_model_can_add_with_evidence():
    text, reading = _reading(DIRECTIVE)
    assert decide_relations(text, reading, "rules") == reading.relations
    ruled = {(r.source, r.target) for r in reading.relations}
    # a model that calls every pair in one sentence 'cites' adds the pairs the rules left alone
    eager = LinearModel(
        ("none", "cites"), (0.0, -5.0), {"how=sentence": (0.0, 10.0)}, {"add_threshold": 0.5, "veto_threshold": 1.01}
    )
    decided = decide_relations(text, reading, "hybrid", eager)
    added = [r for r in decided if r.rule == "model"]
    assert added, "the model added nothing"
    for r in added:
        assert (r.source, r.target) not in ruled and r.type == "cites"
        evidence = text[r.start : r.end]
        assert r.source in evidence and r.target in evidence
    assert {(r.source, r.type, r.target) for r in reading.relations} <= {(r.source, r.type, r.target) for r in decided}


def test_the_hybrid_keeps_both_types_the_rules_give_one_pair():
    text, reading = _reading(
        "# Nghị định 17/2022/NĐ-CP về xử phạt\n\nNghị định 17/2022/NĐ-CP sửa đổi, bổ sung một số điều của "
        "Nghị định 98/2020/NĐ-CP.\n\nNghị định 17/2022/NĐ-CP bãi bỏ Điều 20 Nghị định 98/2020/NĐ-CP.\n"
    )
    ruled = {(r.source, r.type, r.target) for r in reading.relations}
    assert {("17/2022/NĐ-CP", "amends", "98/2020/NĐ-CP"), ("17/2022/NĐ-CP", "repeals", "98/2020/NĐ-CP")} <= ruled
    neutral = LinearModel(("none", "amends"), (0.0, 0.0), {}, {"add_threshold": 0.99, "veto_threshold": 1.01})
    decided = {(r.source, r.type, r.target) for r in decide_relations(text, reading, "hybrid", neutral)}
    assert ruled <= decided


def test_an_unknown_mode_is_refused():
    text, reading = _reading(DIRECTIVE)
    with pytest.raises(ValueError, match="relations mode"):
        decide_relations(text, reading, "vote")


BIOGRAPHY = """Nguyễn Văn An

Nguyễn Văn An sinh năm 1960 tại Nghệ An.
Năm 2010, ông được bầu làm Bí thư Tỉnh ủy Nghệ An.
"""


def test_a_pronoun_makes_the_page_subject_a_candidate_holder():
    text = normalize(BIOGRAPHY, "md").text
    mentions, posts, linked, rows = read_posts(text)
    candidates = post_candidates(text, mentions, posts, linked, rows)
    pronoun = [c for c in candidates if "how=pronoun" in c.features]
    assert pronoun, "the career sentence's title has no candidate holder"
    assert mentions[pronoun[0].holder].name == "Nguyễn Văn An"
    assert posts[pronoun[0].post].title == "Bí thư"


def test_the_posts_mode_rules_adds_nothing_the_rules_did_not_link():
    text = normalize(BIOGRAPHY, "md").text
    always = LinearModel(("holds", "none"), (5.0, 0.0), {}, {"add_threshold": 0.5})
    rules = {p.name: p.posts for p in find_people(text, posts_mode="rules")}
    learned = {p.name: p.posts for p in find_people(text, posts_mode="hybrid", posts_model=always)}
    assert len(learned["Nguyễn Văn An"]) >= len(rules["Nguyễn Văn An"])
    assert any(p.title == "Bí thư" for p in learned["Nguyễn Văn An"])


# --- kinds of text behind the misses on unseen text (issue 20), our own sentences ----------

KINDS = [
    pytest.param(
        party(
            "08-KL/TU",
            "Ban Thường vụ Tỉnh ủy kết luận như sau:",
            kind="KẾT LUẬN",
            subject="về tiếp tục thực hiện Nghị quyết số 21-NQ/TW ngày 16/01/2012 của Bộ Chính trị",
        ),
        ("08-KL/TU", "implements", "21-NQ/TW"),
        id="a conclusion 'về tiếp tục thực hiện' a resolution implements it",
    ),
    pytest.param(
        party(
            "15-KH/TU",
            "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:",
            kind="KẾ HOẠCH",
            subject="thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        ),
        ("15-KH/TU", "implements", "57-NQ/TW"),
        id="an action plan 'thực hiện' a resolution implements it",
    ),
    pytest.param(
        "Nghị định số 45/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 12/2020/NĐ-CP "
        "ngày 20/01/2020 của Chính phủ về quản lý phí.\n",
        ("45/2025/NĐ-CP", "amends", "12/2020/NĐ-CP"),
        id="a page about two documents: one amends the other",
    ),
    pytest.param(
        "Thông tư số 30/2025/TT-BTC thay thế Thông tư số 11/2019/TT-BTC ngày 01/3/2019 của Bộ Tài chính.\n",
        ("30/2025/TT-BTC", "replaces", "11/2019/TT-BTC"),
        id="a page about two documents: one replaces the other",
    ),
]


@pytest.mark.parametrize("text, triple", KINDS)
def test_kinds_of_unseen_text(text, triple):
    facts = find_facts(normalize(text, "md").text, doc_id="doc")
    assert triple in {(r.source, r.type, r.target) for r in facts.relations}
    relation = next(r for r in facts.relations if (r.source, r.type, r.target) == triple)
    assert relation.end > relation.start and 0 < relation.confidence <= 1


# --- posts: lists of holders, biographies' career lines, new titles (issue 21) -------------

HOLDERS_PAGE = """# Cục Quân huấn, Quân đội nhân dân Việt Nam

Cục Quân huấn là cơ quan tham mưu về huấn luyện.

## Cục trưởng qua các thời kỳ

- 1950-1955: Lê Quang Hòa, Thiếu tướng
- 1955-1958: Cao Văn Khánh, Thiếu tướng

## Phó Cục trưởng

Tham dự buổi lễ có các đồng chí Võ Văn Thưởng và Trần Văn Sơn.
"""


def test_a_section_titled_with_a_post_gives_it_to_each_holder_listed():
    people = {
        p.name: [(q.title, q.organization) for q in p.posts] for p in find_people(HOLDERS_PAGE, posts_mode="rules")
    }
    assert people["Lê Quang Hòa"] == [("Cục trưởng", "Cục Quân huấn")]
    assert people["Cao Văn Khánh"] == [("Cục trưởng", "Cục Quân huấn")]


def test_prose_under_a_post_heading_gives_nobody_the_post():
    people = {p.name: p.posts for p in find_people(HOLDERS_PAGE, posts_mode="rules")}
    assert people["Võ Văn Thưởng"] == () and people["Trần Văn Sơn"] == ()


CAREER_PAGE = """# Nguyễn Văn Nam

Nguyễn Văn Nam (sinh năm 1962) là một chính trị gia Việt Nam.

## Sự nghiệp

8/1982 - 6/1985: Học viên Trường Sĩ quan Thông tin.

7/1985 - 2/1986: Trợ lý Chính trị Tiểu đoàn Huấn luyện, Lữ đoàn 596.

10/1988 - 8/1995: Chủ nhiệm Chính trị Trung đoàn Thông tin 23, Quân khu 7.
"""


def test_a_biographys_career_lines_are_its_subjects_posts_by_the_learned_attachment():
    """The lines name nobody: the rules give the subject nothing, the learned attachment the posts."""
    rules = {p.name: p.posts for p in find_people(CAREER_PAGE, posts_mode="rules")}
    learned = {p.name: {q.title for q in p.posts} for p in find_people(CAREER_PAGE)}
    assert rules["Nguyễn Văn Nam"] == ()
    assert {"Trợ lý", "Chủ nhiệm Chính trị"} <= learned["Nguyễn Văn Nam"]


@pytest.mark.parametrize(
    ("sentence", "title", "organization"),
    [
        (
            "Ông Nguyễn Văn Giàu, Thống đốc Ngân hàng Nhà nước Việt Nam, cho biết.",
            "Thống đốc",
            "Ngân hàng Nhà nước Việt Nam",
        ),
        ("Trần Văn Hữu, Tổng trưởng Quốc phòng, từ chức.", "Tổng trưởng", "Quốc phòng"),
        ("Đồng chí Võ Văn Thưởng, Thường trực Ban Bí thư, phát biểu.", "Thường trực Ban Bí thư", None),
    ],
)
def test_titles_of_other_eras_and_offices_are_read(sentence, title, organization):
    (person,) = find_people(sentence, posts_mode="rules")
    assert (title, organization) in [(q.title, q.organization) for q in person.posts]


def test_the_readme_reliability_table_is_written_between_its_markers(tmp_path):
    from pipeline.evaluate.train import README, TABLE_END, TABLE_START, write_readme_table

    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{TABLE_START}\nold rows\n{TABLE_END}\nafter\n", encoding="utf-8")
    assert write_readme_table("| new | row |", readme)
    assert readme.read_text(encoding="utf-8") == f"intro\n{TABLE_START}\n| new | row |\n{TABLE_END}\nafter\n"
    readme.write_text("no markers\n", encoding="utf-8")
    assert not write_readme_table("| new | row |", readme)
    shipped = README.read_text(encoding="utf-8")
    assert shipped.index(TABLE_START) < shipped.index(TABLE_END)  # the shipped README has them
