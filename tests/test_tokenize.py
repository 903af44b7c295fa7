"""The underthesea tokenizer: words aligned to our text, doc.text exact, sentences."""

import pytest

from pipeline.nlp import load_nlp
from pipeline.tokenize import align_words

TEXTS = [
    "Đồng chí Phan Tâm, Phó Bí thư Ban cán sự Đảng, Thứ trưởng Bộ TT&TT phát biểu.",
    "Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022.\n\nHòa bình, Ủy ban, thủy lợi.",
    "  dòng đầu có khoảng trắng\n- Căn cứ Điều lệ Đảng;\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_input(text):
    doc = load_nlp().make_doc(text)
    assert doc.text == text
    assert any(not t.is_space for t in doc)


def test_words_are_segmented_not_split_on_spaces():
    doc = load_nlp().make_doc("Phó Bí thư Ban cán sự Đảng phát biểu")
    words = [t.text for t in doc]
    assert "Bí thư" in words and "cán sự" in words


def test_sentences_break_at_lines_and_full_stops():
    doc = load_nlp().make_doc("Câu thứ nhất. Câu thứ hai\nDòng thứ ba")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Câu thứ nhất.", "Câu thứ hai", "Dòng thứ ba"]


def test_alignment_tolerates_rewritten_characters():
    # underthesea rewrites "hoà" as "hòa": same number of characters, other code points
    assert align_words("hoà bình nhé", ["hòa bình", "nhé"]) == [(0, 8), (9, 12)]


def test_alignment_refuses_words_that_do_not_fit():
    assert align_words("ngắn", ["dài hơn nhiều"]) is None
