"""A cited document's subject ends where its title ends: not cut at the next mention, not run on (issue 24)."""

from __future__ import annotations

from extractors.citations import find_citations


def _by_code(text: str) -> dict:
    return {c.code: c for c in find_citations(text)}


def test_subject_cut_by_the_next_mention_reads_on_to_the_end_of_the_title():
    text = (
        "Tỉnh ủy ban hành Kế hoạch số 12-KH/TU về triển khai Nghị quyết số 57-NQ/TW "
        "ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.\n"
    )
    found = _by_code(text)
    plan, resolution = found["12-KH/TU"], found["57-NQ/TW"]
    assert plan.subject is not None and plan.subject.startswith("triển khai Nghị quyết số 57-NQ/TW")
    assert plan.subject.endswith("đột phá phát triển khoa học, công nghệ")
    assert plan.end <= resolution.start  # the span stays the plan's own


def test_amending_subject_names_the_document_it_amends():
    text = "Nghị định số 95/2021/NĐ-CP về sửa đổi, bổ sung một số điều của Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu.\n"
    subject = _by_code(text)["95/2021/NĐ-CP"].subject
    assert subject == "sửa đổi, bổ sung một số điều của Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu"


def test_a_list_of_documents_is_not_read_as_one_subject():
    text = "Thông tư số 19/2021/TT-BTC về giao dịch điện tử trong lĩnh vực thuế và Thông tư số 46/2024/TT-BTC của Bộ Tài chính.\n"
    subject = _by_code(text)["19/2021/TT-BTC"].subject
    assert subject is not None and "46/2024" not in subject


def test_subject_stops_before_the_sentence_goes_on():
    cases = {
        "Nghị định số 118/2021/NĐ-CP về xử phạt vi phạm hành chính trong hoạt động thanh tra, cụ thể như sau: 1. Cảnh cáo.": (
            "118/2021/NĐ-CP",
            "xử phạt vi phạm hành chính trong hoạt động thanh tra",
        ),
        "Quyết định 29/2025/QĐ-TTg về tín dụng đối với học sinh, sinh viên ra sao? Theo đó, mức vay tăng.": (
            "29/2025/QĐ-TTg",
            "tín dụng đối với học sinh, sinh viên",
        ),
        "Nghị định số 01/1999/NĐ-CP về thành lập thị trấn Dương Minh Châu, tỉnh Tây Ninh^Nghị định của Chính phủ": (
            "01/1999/NĐ-CP",
            "thành lập thị trấn Dương Minh Châu, tỉnh Tây Ninh",
        ),
    }
    for text, (code, subject) in cases.items():
        assert _by_code(text)[code].subject == subject, text
