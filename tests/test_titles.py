"""A record's title is never site boilerplate, and never empty when the text has a heading (issue 24)."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import read_file
from pipeline.models import RawDocument
from pipeline.run.process import process_document
from pipeline.titles import first_heading, is_boilerplate, markdown_title, text_title

# a law-library page: its copyright notice comes before the heading
LIBRARY_PAGE = (
    "|\n|\nBản dịch này thuộc quyền sở hữu của **\n"
    "THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **\n"
    "THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.\nX\n**\n"
    "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN\n**\nCác nội dung của VB này được VB khác thay đổi, hướng dẫn sẽ được làm nổi bật bằng\n"
    "các màu sắc:\n|\n|\nĐang tải văn bản...\n#\n**Số hiệu:**\n|\n"
    "## Tin tức về xây dựng nông thôn mới ở Hợp Thành\n"
    "Ngày 2/3/2025, xã Hợp Thành đã tổng kết phong trào.\n"
)
# an encyclopedia page: its navigation comes before the article's name
ENCYCLOPEDIA_PAGE = (
    "Bước tới nội dung\nTrình đơn chính\nTrình đơn chính\nchuyển sang thanh bên\nẩn\nĐiều hướng\n"
    "Trang Chính\nTìm kiếm\nTìm kiếm\nGiao diện\nĐăng nhập\nCông cụ cá nhân\nBản mẫu\n:\n"
    "Chủ tịch Ủy ban nhân dân xã Hợp Thành\nThêm liên kết\n"
)
# a news page that opens with an app banner and has no heading at all
BANNER_ONLY = (
    "Download on the\n\nApp Store\n\n(Báo Hợp Thành) - Xã Hợp Thành vừa tổng kết phong trào thi đua năm 2025.\n"
)


def test_boilerplate_table_names_navigation_and_copyright_lines():
    assert is_boilerplate("Bước tới nội dung")
    assert is_boilerplate("Bản dịch này thuộc quyền sở hữu của **")
    assert is_boilerplate("  TÌM KIẾM ")
    assert not is_boilerplate("Tìm kiếm sách")  # a page's own name that begins like a menu item
    assert not is_boilerplate("Nghị quyết về phát triển nông thôn mới")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (LIBRARY_PAGE, "Tin tức về xây dựng nông thôn mới ở Hợp Thành"),
        (ENCYCLOPEDIA_PAGE, "Chủ tịch Ủy ban nhân dân xã Hợp Thành"),
        (BANNER_ONLY, None),
        ("Đoạn mở đầu là một câu đầy đủ.\n\n### Đối tượng áp dụng:\n\nNội dung.\n", "Đối tượng áp dụng"),
        ("Tiêu đề ngắn của bài\n\nNội dung bài.\n", "Tiêu đề ngắn của bài"),
    ],
)
def test_text_title_passes_over_boilerplate_and_falls_back_to_a_heading(text, title):
    assert text_title(text) == title


def test_markdown_title_is_not_boilerplate():
    assert markdown_title("# Bước tới nội dung\n\nNội dung.\n") is None
    assert markdown_title("# **Luật Đất đai năm 2024**\n") == "Luật Đất đai năm 2024"
    assert first_heading("# Bình luận\n## Văn bản liên quan\n### Phạm vi điều chỉnh\n") == "Phạm vi điều chỉnh"


@pytest.mark.parametrize("text", [LIBRARY_PAGE, ENCYCLOPEDIA_PAGE])
def test_record_title_from_a_page_with_boilerplate(text):
    record = process_document(RawDocument(id="p", source="p.md", format="md", text=text, markdown=True))
    assert record["title"] and not is_boilerplate(record["title"])
    assert record["title"] in text


def test_metadata_title_that_is_boilerplate_is_replaced(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [
        {"id": "a.md", "title": "Bước tới nội dung", "text": ENCYCLOPEDIA_PAGE},
        {"id": "b.md", "text": "# Bản dịch này thuộc quyền sở hữu của\n\n" + LIBRARY_PAGE},
    ]
    dump.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    titles = [process_document(raw)["title"] for raw in read_file(dump) if isinstance(raw, RawDocument)]
    assert titles == ["Chủ tịch Ủy ban nhân dân xã Hợp Thành", "Tin tức về xây dựng nông thôn mới ở Hợp Thành"]
