"""Word segmentation in bounded pieces: spans are exact slices of the text, long runs are cut, lines cached."""

import pytest

from vntext.segment import PIECE_CHARS, Segmenter, align_words, iter_pieces

LONG_SENTENCES = "Căn cứ Quy định số 50-QĐ/TW của Bộ Chính trị về công tác quy hoạch cán bộ. " * 40


@pytest.mark.parametrize(
    "line, limit",
    [
        ("1-" * 5000, 100),  # a run without spaces: cut at the limit
        ("cán bộ " * 3000, PIECE_CHARS),  # spaces only: cut at a space
        (LONG_SENTENCES, PIECE_CHARS),  # sentences: cut after a sentence end
        ("ngắn gọn", PIECE_CHARS),  # short: one piece
        ("", PIECE_CHARS),  # empty: no piece
    ],
)
def test_pieces_are_bounded_and_cover_the_line(line, limit):
    pieces = list(iter_pieces(line, limit))
    assert "".join(piece for _, piece in pieces) == line
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(line[start : start + len(piece)] == piece for start, piece in pieces)


def test_pieces_cut_after_a_sentence_end_when_there_is_one():
    pieces = [piece for _, piece in iter_pieces(LONG_SENTENCES, PIECE_CHARS)]
    assert len(pieces) > 1 and all(piece.rstrip().endswith(".") for piece in pieces)


def test_pieces_cut_at_a_space_not_inside_a_word():
    pieces = [piece for _, piece in iter_pieces("cán bộ " * 3000, PIECE_CHARS)]
    assert all(piece.endswith(" ") for piece in pieces[:-1])


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Phan Tâm, Phó Bí thư Ban cán sự Đảng, Thứ trưởng Bộ TT&TT phát biểu.",
        "  dòng đầu có khoảng trắng\n\n- Căn cứ Điều lệ Đảng;\n",
        "1-" * 3000 + "\nQuy hoạch cán bộ",
        LONG_SENTENCES,
    ],
)
def test_word_spans_are_slices_of_the_text_in_order(text):
    spans = Segmenter().word_spans(text)
    assert spans and all(text[s:e].strip() == text[s:e] and text[s:e] for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text.split())


def test_words_join_syllables():
    words = Segmenter().words("Phó Bí thư Ban cán sự Đảng phát biểu")
    assert "Bí thư" in words and "cán sự" in words and "Phó" in words


def test_repeated_lines_come_from_the_cache_with_their_own_offsets():
    seg = Segmenter()
    text = "Quy hoạch cán bộ\nNội dung khác\nQuy hoạch cán bộ"
    spans = seg.word_spans(text)
    assert seg.hits == 1 and seg.misses == 2
    assert [text[s:e] for s, e in spans][-2:] == ["Quy hoạch", "cán bộ"]
    assert spans[-1][1] == len(text)


def test_the_cache_is_bounded():
    seg = Segmenter(cache_lines=3)
    seg.word_spans("\n".join(f"dòng số {i}" for i in range(10)))
    assert len(seg._cache) == 3


def test_alignment_tolerates_rewritten_characters():
    # underthesea rewrites "hoà" as "hòa": same number of characters, other code points
    assert align_words("hoà bình nhé", ["hòa bình", "nhé"]) == [(0, 8), (9, 12)]


def test_alignment_refuses_words_that_do_not_fit():
    assert align_words("ngắn", ["dài hơn nhiều"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ",
        "Đồng chí Nguyễn Văn A, Phó Bí thư Tỉnh ủy (TP. HCM) phát biểu: “Hoà bình, Uỷ ban”.",
        "| --- | 2147483648 | １９ |",
    ],
)
def test_the_direct_path_gives_the_words_of_word_tokenize(text):
    from underthesea import word_tokenize

    seg = Segmenter(cache_lines=0)
    direct = seg.word_spans(text)
    assert seg._tagger is not None  # underthesea's steps were found and used
    assert direct == align_words(text, word_tokenize(text))
