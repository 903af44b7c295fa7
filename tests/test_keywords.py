"""Keyword candidates leave out words by kind (name parts, fragments, signature and title lines); TF-IDF picks."""

import re
import sqlite3

import pytest

from pipeline.store import keywords
from pipeline.store.keywords import candidates, keyword_key, name_parts

WORD_RE = re.compile(r"\S+(?: \S+)?")  # stand-in for the segmenter in these tests: two "syllables" per word


def _words(text: str, joined: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``joined`` (multi-syllable words, first occurrence onwards) and of every other syllable."""
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for word in joined:
        for m in re.finditer(re.escape(word), text):
            if not any(taken[m.start() : m.end()]):
                spans.append(m.span())
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    for m in re.finditer(r"\S+", text):
        if not any(taken[m.start() : m.end()]):
            spans.append(m.span())
    return sorted(spans)


@pytest.mark.parametrize(
    "word, key",
    [
        ("quy hoạch", "quy hoạch"),
        ("Quy_Hoạch", "quy hoạch"),  # case and the joining "_" do not matter
        ("ô tô", "ô tô"),  # one-letter syllables that are vowels are words
        ("y tế", "y tế"),
        ("T TRƯỞNG", None),  # "K/T TRƯỞNG BAN" broken apart: a lone consonant
        ("đ ồng", None),
        ("quốc khánh 2", None),  # a lone digit left from a date
        ("cán", None),  # one syllable
        ("2024 2025", None),  # no letter
        ("covid 19", "covid 19"),
        ("VII Phần", None),  # a Roman numeral of a heading
        ("vi phạm", "vi phạm"),  # "vi" is also a syllable
        ("xi măng", "xi măng"),
    ],
)
def test_keyword_key(word, key):
    assert keyword_key(word) == key


def test_name_parts_are_runs_of_two_syllables_or_more():
    assert name_parts(["Trần Minh Khoa"]) == {"trần minh", "minh khoa", "trần minh khoa"}


def _person(text: str, name: str, post: str | None = None) -> dict:
    start = text.index(name)
    person = {"name": name, "mentions": [{"start": start, "end": start + len(name), "text": name}], "posts": []}
    if post:  # the post wherever it stands
        person["posts"] = [
            {"title": post, "organization": None, "start": m.start(), "end": m.end()}
            for m in re.finditer(re.escape(post), text, re.IGNORECASE)
        ]
    return person


CASES = [
    # (text, multi-syllable words, people (name, post), expected candidates, left out)
    (
        "Hội nghị bàn về quy hoạch đô thị.\nÔng Trần Minh Khoa phát biểu; Minh Khoa nói về quy hoạch.",
        ("Hội nghị", "quy hoạch", "đô thị", "Trần Minh", "Minh Khoa", "phát biểu"),
        [("Trần Minh Khoa", None)],
        {"hội nghị": 1, "quy hoạch": 2, "đô thị": 1, "phát biểu": 1},
        {"trần minh", "minh khoa"},  # inside the mention, and the name's part elsewhere
    ),
    (
        "Sở giao thông mua ô tô điện.\nK/T GIÁM ĐỐC\nT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLâm Thu Hà",
        ("giao thông", "ô tô", "T GIÁM", "GIÁM ĐỐC", "Thu Hà"),
        [("Lâm Thu Hà", "PHÓ GIÁM ĐỐC")],
        {"giao thông": 1, "ô tô": 1},
        {"giám đốc", "t giám", "thu hà"},  # signature line, fragment, title line with a post, name
    ),
    (
        "TM. BAN THƯỜNG VỤ\nNơi nhận: Văn phòng tỉnh\n(Đã ký) Văn phòng\nVăn phòng tỉnh lưu trữ hồ sơ.",
        ("THƯỜNG VỤ", "Văn phòng", "lưu trữ", "hồ sơ"),
        [],
        {"văn phòng": 1, "lưu trữ": 1, "hồ sơ": 1},  # only the last line counts
        {"thường vụ"},
    ),
    (
        "Phó Giám đốc Sở Đỗ Thanh Bình cho biết năm nay tỉnh sẽ đầu tư xây dựng thêm nhiều trường học mới.",
        ("Giám đốc", "Thanh Bình", "đầu tư", "xây dựng", "trường học"),
        [("Đỗ Thanh Bình", "Phó Giám đốc")],  # a post inside a long running line: that line still counts
        {"giám đốc": 1, "đầu tư": 1, "xây dựng": 1, "trường học": 1},
        {"thanh bình"},
    ),
    (
        "Chủ tịch tỉnh thăm trường học\nCHỦ TỊCH\nLò Văn Pá",  # the first line is the title; then a signature
        ("Chủ tịch", "CHỦ TỊCH", "trường học", "Văn Pá"),
        [("Lò Văn Pá", "Chủ tịch")],
        {"chủ tịch": 1, "trường học": 1},
        {"văn pá"},
    ),
]


@pytest.mark.parametrize("text, joined, people, expected, left_out", CASES)
def test_candidates_leave_out_words_by_kind(text, joined, people, expected, left_out):
    record = {"people": [_person(text, name, post) for name, post in people]}
    found = candidates(record, text, _words(text, joined))
    assert dict(found) == expected
    assert not left_out & set(found)


def test_refresh_ranks_distinctive_words_and_drops_words_of_every_text():
    db = sqlite3.connect(":memory:")
    db.executescript(
        "CREATE TABLE text_words (source TEXT PRIMARY KEY, spans BLOB, terms BLOB);"
        "CREATE TABLE text_search_keywords (source TEXT, rank INTEGER, word TEXT, score REAL);"
    )
    texts = {
        "a": {"nhà ở": 3, "xã hội": 1, "việt nam": 5},
        "b": {"đấu thầu": 2, "xã hội": 4, "việt nam": 1},
        "c": {"việt nam": 2, "thủy sản": 1},
    }
    for source, counts in texts.items():
        db.execute("INSERT INTO text_words VALUES (?, ?, ?)", (source, b"", keywords.pack(counts)))
    keywords.refresh(db, per_text=2)
    got = {}
    for source, word in db.execute("SELECT source, word FROM text_search_keywords ORDER BY source, rank"):
        got.setdefault(source, []).append(word)
    assert got == {"a": ["nhà ở", "xã hội"], "b": ["đấu thầu", "xã hội"], "c": ["thủy sản"]}
