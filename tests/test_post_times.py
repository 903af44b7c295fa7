"""When a post was held (extractors.post_times): since / until / former, as the text says."""

from __future__ import annotations

import pytest

from extractors.people import find_people
from extractors.post_times import PostTime, post_time


def when(sentence: str, post: str) -> PostTime:
    at = sentence.index(post)
    return post_time(sentence, at, at + len(post), post)


@pytest.mark.parametrize(
    ("sentence", "post", "expected"),
    [
        # a career line: the term it opens with
        ("x\n8/1982 - 6/1985: Học viên Trường Sĩ quan.\n", "Học viên", PostTime("1982-08", "1985-06", True)),
        ("x\n[13] - 2018-nay, Trần Đăng Thành, Phó Cục trưởng", "Phó Cục trưởng", PostTime("2018", None, False)),
        # a term written right after the post wins over the line's
        (
            "x\n9/2012 - 8/2017: Phó Chủ nhiệm; Ủy viên Trung ương Đảng (1/2016); Đại biểu Quốc hội",
            "Ủy viên Trung ương Đảng",
            PostTime("2016-01", None, False),
        ),
        (
            "x\n9/2012 - 8/2017: Phó Chủ nhiệm; Ủy viên Trung ương Đảng (1/2016); Đại biểu Quốc hội",
            "Đại biểu Quốc hội",
            PostTime("2012-09", "2017-08", True),
        ),
        ("Ông Nguyễn Văn A, Bí thư Tỉnh ủy (2011–2016), phát biểu.", "Bí thư Tỉnh ủy", PostTime("2011", "2016", True)),
        # a mandate is the post's term, not a sign it has ended
        (
            "Ông Nguyễn Văn Bình, Bí thư Tỉnh ủy nhiệm kỳ 2025-2030, phát biểu.",
            "Bí thư Tỉnh ủy",
            PostTime("2025", "2030"),
        ),
        # a career sentence
        ("Năm 2010, ông được bầu làm Bí thư Tỉnh ủy Hà Giang.", "Bí thư Tỉnh ủy", PostTime("2010", None, False)),
        (
            "Từ tháng 4/2016 đến tháng 5/2020, bà là Thứ trưởng Bộ Y tế.",
            "Thứ trưởng",
            PostTime("2016-04", "2020-05", True),
        ),
        (
            "Ngày 4 tháng 11 năm 2025, ông được bổ nhiệm giữ chức Chủ nhiệm.",
            "Chủ nhiệm",
            PostTime("2025-11", None, False),
        ),
        # former, with no time
        ("Ông từng là Bộ trưởng Bộ Tài chính.", "Bộ trưởng", PostTime(None, None, True)),
        # not a term: a birth date, the day of a news event
        ("Ông Lê Văn B (sinh 6 tháng 3 năm 1962), Chủ tịch UBND tỉnh, cho biết.", "Chủ tịch", PostTime()),
        ("Ngày 15/3/2024, ông Lê Văn B, Chủ tịch UBND tỉnh, cho biết.", "Chủ tịch", PostTime()),
    ],
)
def test_the_time_of_a_post(sentence, post, expected):
    assert when(sentence, post) == expected


def test_people_carry_their_posts_times():
    text = "# Trần Văn Nam\n\nTrần Văn Nam (sinh 1960) là chính trị gia.\n\n2011 - 2016: Bí thư Tỉnh ủy Hà Giang.\n"
    (person,) = find_people(text)
    post = next(p for p in person.posts if p.title == "Bí thư")
    assert (post.since, post.until, post.former) == ("2011", "2016", True)


def _career_records() -> list[dict]:
    from tests.records import record

    posts = [
        {"title": "Bí thư", "organization": "Tỉnh ủy Hà Giang", "text": "Bí thư Tỉnh ủy Hà Giang"},
        {"title": "Phó Chủ tịch", "organization": "Ủy ban nhân dân tỉnh Hà Giang", "text": "Phó Chủ tịch UBND"},
    ]
    posts[0].update(since="2011", until="2016", former=True)
    posts[1].update(since="2005-03", until="2010", former=True)
    news = {
        "name": "Trần Văn Nam",
        "mentions": [{"start": 0, "end": 12}],
        "posts": [dict(posts[0], since=None, until=None, former=False)],
    }
    bio = {"name": "Trần Văn Nam", "mentions": [{"start": 0, "end": 12}], "posts": posts}
    return [record("news", people=[news], published="2024-05-01"), record("bio", people=[bio], published="2023-01-01")]


def test_a_person_timeline_uses_the_years_the_text_gives():
    """The graph (networkx and the store's index) orders posts by when they were held, and a post
    several texts give is dated by the one that gives its years."""
    import sqlite3

    from graph import queries as Q
    from graph.ask import GraphIndex
    from graph.build import build_graph
    from graph.index import build_index

    records = _career_records()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (source TEXT)")
    build_index(conn, records)
    for held in (Q.person(build_graph(records), "Trần Văn Nam"), GraphIndex(conn).person("Trần Văn Nam")):
        # one row per post (two texts say "Bí thư": the one giving its years dates it), newest first
        assert [(p.title, p.when, p.since, p.until, p.former, p.texts) for p in held] == [
            ("Bí thư", "2011", "2011", "2016", True, 2),
            ("Phó Chủ tịch", "2005-03", "2005-03", "2010", True, 1),
        ]


def test_the_notebook_api_gives_a_posts_years_and_when():
    from pipeline.api import Explorer

    rows = Explorer(_career_records()).people().sort_values("when")
    assert list(rows["when"]) == ["2005-03", "2011", "2024-05-01"]
    assert list(rows["former"]) == [True, True, False]


BIOGRAPHY = """# Trần Văn Nam

Trần Văn Nam (sinh năm 1960) là một chính trị gia Việt Nam.

## Sự nghiệp

2001 - 2005: Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Giang.

2011 - 2016: Bí thư Tỉnh ủy Hà Giang.

Năm 2016, ông được bầu làm Trưởng Ban Dân vận Trung ương.
"""


def test_query_person_shows_a_biographys_dated_career(tmp_path):
    """`vanban run` then `vanban query person` on a biography of our own: each post with the years
    its career line or sentence gives, newest first."""
    from click.testing import CliRunner

    from pipeline.cli.commands import cli

    (tmp_path / "tran-van-nam.md").write_text(BIOGRAPHY, encoding="utf-8")
    db = tmp_path / "store.db"
    assert CliRunner().invoke(cli, ["run", str(tmp_path / "tran-van-nam.md"), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(cli, ["query", "--db", str(db), "person", "tran van nam"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "Trần Văn Nam" in line]
    whens = [line.split()[0] for line in lines]
    assert whens == ["2016–", "2011–2016", "2001–2005"], result.output
    assert "nguyên Bí thư" in lines[1] and "Tỉnh ủy Hà Giang" in lines[1]
