"""Stories (pipeline/run/stories.py): near-duplicate texts grouped by MinHash LSH, kept in the store,
and counted once as "texts citing" a document."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.build import build_graph
from pipeline.cli.commands import cli
from pipeline.models import RawDocument
from pipeline.run.stories import MIN_SHINGLES, group_stories, shingles, sign, signature, signed, stories_of
from pipeline.store.db import Store
from tests.records import citation, record

# Two articles of the same news (one republished with another site's furniture and a changed
# sentence), and a different article on the same subject. Written for these tests.
ARTICLE = (
    "Chiều 12/5, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết ba năm thực hiện Quy định số 50-QĐ/TW "
    "ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ. Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị. "
    "Theo báo cáo, các cấp ủy đã ban hành đầy đủ văn bản hướng dẫn, rà soát nguồn cán bộ, đưa ra khỏi quy hoạch "
    "những trường hợp không còn đủ tiêu chuẩn và bổ sung cán bộ trẻ, cán bộ nữ có triển vọng. Công tác quy hoạch "
    "được thực hiện công khai, dân chủ, đúng quy trình. Hội nghị chỉ ra một số hạn chế: chất lượng nguồn cán bộ "
    "ở một số nơi chưa cao, việc luân chuyển cán bộ quy hoạch còn chậm. Phát biểu kết luận, đồng chí Bí thư đề nghị "
    "các cấp ủy tiếp tục quán triệt Hướng dẫn số 16-HD/BTCTW, gắn quy hoạch với đào tạo, bồi dưỡng và luân chuyển."
)
REPUBLISHED = (
    "Trang chủ | Thời sự | Chính trị\n"
    + ARTICLE.replace("Chiều 12/5", "Chiều ngày 12/5")
    + "\nBản quyền thuộc về Báo Điện tử Tỉnh. Ghi rõ nguồn khi phát hành lại thông tin từ website này."
)
OTHER = (
    "Sáng 3/6, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị quán triệt Quy định số 50-QĐ/TW về công tác quy "
    "hoạch cán bộ và Hướng dẫn số 16-HD/BTCTW của Ban Tổ chức Trung ương. Báo cáo viên trình bày những điểm mới "
    "của quy định: quy hoạch được thực hiện theo hướng mở và động, một chức danh có thể quy hoạch nhiều người, một "
    "người có thể quy hoạch nhiều chức danh. Các đảng bộ cơ sở được yêu cầu xây dựng kế hoạch thực hiện trước "
    "ngày 30/6 và báo cáo kết quả về Đảng ủy Khối. Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến các "
    "điểm cầu cơ sở với hơn năm trăm đảng viên tham dự."
)
SHORT = "Căn cứ Quy định số 50-QĐ/TW."


def _raw(text_id: str, text: str) -> RawDocument:
    return RawDocument(id=text_id, source=f"{text_id}.txt", format="txt", text=text)


@pytest.mark.parametrize(
    "text, size, expected",
    [
        ("Một hai ba bốn năm", 4, {"một hai ba bốn", "hai ba bốn năm"}),
        ("MỘT, hai; ba!", 2, {"một hai", "hai ba"}),
        ("một hai", 4, set()),
        ("", 4, set()),
    ],
)
def test_shingles(text, size, expected):
    assert shingles(text, size) == expected


@pytest.mark.parametrize("text, signed_", [(ARTICLE, True), (OTHER, True), (SHORT, False), ("", False)])
def test_short_texts_are_not_signed(text, signed_):
    assert (signature(text) is not None) == signed_
    assert (len(shingles(text)) >= MIN_SHINGLES) == signed_


@pytest.mark.parametrize(
    "texts, expected",
    [
        ({"a": ARTICLE, "b": REPUBLISHED}, {"a": "a", "b": "a"}),  # a copy with other furniture
        ({"b": REPUBLISHED, "a": ARTICLE}, {"a": "a", "b": "a"}),  # the first in order names the story
        ({"a": ARTICLE, "c": OTHER}, {"a": "a", "c": "c"}),  # same subject, another article
        (
            {"a": ARTICLE, "b": REPUBLISHED, "c": OTHER, "s": SHORT, "t": SHORT},  # short texts stay apart, even equal
            {"a": "a", "b": "a", "c": "c", "s": "s", "t": "t"},
        ),
    ],
)
def test_stories_of_groups_copies_only(texts, expected):
    signatures = {t: signature(text) for t, text in texts.items()}
    assert stories_of(signatures, sorted(texts)) == expected


def _put(store: Store, text_id: str, citations, published="2024-05-12"):
    rec = record(text_id, citations, published=published)
    rec["id"] = text_id
    store.put(rec)


def test_store_keeps_stories_and_records_carry_them(tmp_path):
    with Store(tmp_path / "s.db") as store:
        raws = [_raw("a", ARTICLE), _raw("b", REPUBLISHED), _raw("c", OTHER), _raw("s", SHORT)]
        assert list(signed(iter(raws), store.db)) == raws  # passed through unchanged
        for raw, published in zip(raws, ["2024-05-12", "2024-05-13", "2024-06-03", None]):
            _put(store, raw.id, [citation("50-QĐ/TW", 10)], published)
        count = group_stories(store.db)
        assert (count.texts, count.stories, count.copies) == (4, 3, 1)
        stories = {r["id"]: r["story"] for r in store.records()}
    assert stories == {"a": "a", "b": "a", "c": "c", "s": "s"}


def test_the_earliest_copy_names_the_story(tmp_path):
    with Store(tmp_path / "s.db") as store:
        sign(store.db, "late", ARTICLE)
        sign(store.db, "early", REPUBLISHED)
        _put(store, "late", [], "2024-05-20")
        _put(store, "early", [], "2024-05-12")
        group_stories(store.db)
        assert {r["id"]: r["story"] for r in store.records()} == {"late": "early", "early": "early"}


def test_texts_citing_count_stories(tmp_path):
    def rec(text_id, story):
        r = record(text_id, [citation("50-QĐ/TW", 0)])
        r["story"] = story
        return r

    G = build_graph([rec("a", "a"), rec("b", "a"), rec("c", "a"), rec("d", "d")])
    assert G.nodes["doc:50-QĐ/TW"]["cited_by"] == 2  # three copies of one story, and another story
    assert G.nodes["text:b"]["story"] == "a"
    G = build_graph([record("a", [citation("50-QĐ/TW", 0)]), record("b", [citation("50-QĐ/TW", 0)])])
    assert G.nodes["doc:50-QĐ/TW"]["cited_by"] == 2  # a store without stories: each text its own


def test_stories_command_signs_a_store_made_before(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(REPUBLISHED, encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stories: 2 texts, 1 stories (1 texts are copies of another)" in result.output
    with Store(db) as store:  # as a store made before stories were kept
        store.db.execute("DELETE FROM stories")
    result = runner.invoke(cli, ["stories", "--db", str(db)])
    assert "stories: 0 texts" in result.output
    result = runner.invoke(cli, ["stories", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 texts are copies of another" in result.output
    result = runner.invoke(cli, ["stories", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "no such store" in result.output
