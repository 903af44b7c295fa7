"""The cached-weights CRF gives underthesea's own tags; the CRFsuite reader reads what a model file holds."""

import struct
from pathlib import Path

import pytest

from vntext.crfsuite_file import CrfsuiteFormatError, read_crfsuite
from vntext.segment import MODEL_FOLDER, SyllableTagger, iter_lines, iter_pieces
from vntext.word_crf import CachedWordCrf, parse_template, template_value

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"


def _model_folder() -> Path:
    import underthesea.pipeline.word_tokenize as wt

    return Path(wt.__file__).parent.joinpath(*MODEL_FOLDER)


@pytest.fixture(scope="module")
def taggers():
    """(cached CRF, underthesea's featurizer and tagger), with underthesea's pre-tokenizer."""
    return SyllableTagger.load(), SyllableTagger.load(cached_crf=False)


def _syllables(tagger, text):
    tokens = [m.group(0) for m in tagger.patterns.finditer(tagger.normalize_text(text))]
    return [tagger.token_map.get(t, t) if len(t) <= 6 else t for t in tokens]


@pytest.mark.parametrize(
    "text",
    [
        "Bí thư Tỉnh ủy Hà Nội chủ trì hội nghị",
        "Một",  # one syllable: every template reads BOS or EOS
        "Hai từ",
        "Ba âm tiết",  # shorter than the widest template
        "số +12, -5, 007 và 2147483647 nhưng 2147483648 thì không vừa int32",
        "ĐẢNG CỘNG SẢN VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        "Căn cứ Quy định số 50-QĐ/TW ngày 27/12/2021; Luật số 31/2024/QH15.",
        "iPhone eBay ǅemal ß Straße ΣΊΣΥΦΟΣ",  # case mappings that change length or are titlecase
        "“Hoà bình”, (TP. HCM) ... !!! ??? 1.000.000 đồng",
        "cán bộ " * 300,  # long and repetitive: the cache at work
    ],
)
def test_cached_crf_tags_like_underthesea(taggers, text):
    cached, reference = taggers
    tokens = _syllables(reference, text)
    assert tokens
    assert cached.continues(tokens) == reference.continues(tokens)


def test_cached_crf_tags_the_bundled_corpus_like_underthesea(taggers):
    cached, reference = taggers
    pieces = [
        piece
        for path in sorted(BUNDLED.rglob("*"))
        if path.suffix in {".txt", ".md"}
        for _, line in iter_lines(path.read_text(encoding="utf-8"))
        for _, piece in iter_pieces(line)
        if piece.strip()
    ]
    assert len(pieces) > 50
    differ = [
        p for p in pieces if cached.continues(_syllables(reference, p)) != reference.continues(_syllables(reference, p))
    ]
    assert differ == []


def test_segmentation_joins_syllables_into_words(taggers):
    cached, _ = taggers
    text = "Phó Bí thư Ban cán sự Đảng phát biểu"
    assert [text[s:e] for s, e in cached.spans(text)] == ["Phó", "Bí thư", "Ban", "cán sự", "Đảng", "phát biểu"]


@pytest.mark.parametrize(
    "function, text, value",
    [
        ("isdigit", "12", "True"),
        ("isdigit", "+12", "True"),  # a sign is accepted, as by Rust's i32 parser
        ("isdigit", "-2147483648", "True"),
        ("isdigit", "2147483648", "False"),  # out of i32 range
        ("isdigit", "１９", "False"),  # full-width digits are not ASCII digits
        ("isdigit", "1.000", "False"),
        ("istitle", "Hà Nội", "True"),
        ("istitle", "Hà nội", "False"),
        ("istitle", "50-QĐ/TW", "True"),  # a digit is unchanged by upper-casing
        ("istitle", "ß", "False"),  # upper-cases to "SS"
        ("lower", "ĐẢNG", "đảng"),
        ("is_in_dict", "Cán Bộ", "True"),
        ("is_in_dict", "cán bộ xyz", "False"),
        (None, "Cán bộ", "Cán bộ"),
    ],
)
def test_template_values(function, text, value):
    assert template_value(function, text, {"cán bộ"}) == value


@pytest.mark.parametrize(
    "syntax, first, last, function",
    [("T[0]", 0, 0, None), ("T[-2,-1].lower", -2, -1, "lower"), ("T[0,2].is_in_dict", 0, 2, "is_in_dict")],
)
def test_parse_template(syntax, first, last, function):
    template = parse_template(syntax)
    assert (template.first, template.last, template.function) == (first, last, function)


@pytest.mark.parametrize("syntax", ["T[2,0]", "W[0]", "T[0]x"])
def test_parse_template_refuses_what_it_cannot_score(syntax):
    with pytest.raises(ValueError):
        parse_template(syntax)


def _cqdb(strings: list[str]) -> bytes:
    """A string database with only what the reader uses: header, records and the backward table."""
    header = 24 + 256 * 8
    records, offsets = b"", []
    for i, s in enumerate(strings):
        key = s.encode() + b"\0"
        offsets.append(header + len(records))
        records += struct.pack("<II", i, len(key)) + key
    backward = header + len(records)
    body = b"\0" * (256 * 8) + records + struct.pack(f"<{len(strings)}I", *offsets)
    return struct.pack("<4sIIIII", b"CQDB", 24 + len(body), 0, 0x62445371, len(strings), backward) + body


def _model(features: list[tuple[int, int, int, float]], labels: list[str], attrs: list[str]) -> bytes:
    feat = b"".join(struct.pack("<IIId", *f) for f in features)
    feat_chunk = struct.pack("<4sII", b"FEAT", 12 + len(feat), len(features)) + feat
    labels_db, attrs_db = _cqdb(labels), _cqdb(attrs)
    off_features = 48
    off_labels = off_features + len(feat_chunk)
    off_attrs = off_labels + len(labels_db)
    total = off_attrs + len(attrs_db)
    header = struct.pack(
        "<4sI4sIIIIIIIII", b"lCRF", total, b"FOMC", 100, 0, len(labels), len(attrs), 48, off_labels, off_attrs, 0, 0
    )
    return header + feat_chunk + labels_db + attrs_db


def test_read_crfsuite_gives_exact_weights(tmp_path):
    path = tmp_path / "model.bin"
    weight = 0.1234567890123456789  # more digits than a text dump of the model keeps
    path.write_bytes(
        _model(
            [(0, 0, 1, weight), (0, 1, 0, -2.5), (1, 0, 1, 0.75), (1, 1, 1, -0.25)],
            ["B-W", "I-W"],
            ["T[0]=cán", "T[0].istitle=True"],
        )
    )
    model = read_crfsuite(path)
    assert model.labels == ("B-W", "I-W")
    assert model.state == {"T[0]=cán": (0.0, weight), "T[0].istitle=True": (-2.5, 0.0)}
    assert model.transitions == ((0.0, 0.75), (0.0, -0.25))


def test_read_crfsuite_refuses_other_files(tmp_path):
    path = tmp_path / "not-a-model.bin"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(CrfsuiteFormatError):
        read_crfsuite(path)


def test_read_crfsuite_reads_underthesea_model():
    model = read_crfsuite(_model_folder() / "models.bin")
    assert model.labels == ("B-W", "I-W")
    assert len(model.state) > 10_000 and "T[0].istitle=True" in model.state


def test_a_model_with_other_labels_is_refused(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(_model([(0, 0, 0, 1.0)], ["B-PER", "O"], ["T[0]=a"]))
    with pytest.raises(ValueError, match="B-W, I-W"):
        CachedWordCrf(["T[0]"], read_crfsuite(path), frozenset())


@pytest.mark.shared
def test_segmenter_gives_word_tokenize_words_on_real_texts(shared_dir):
    """50 bench texts: every line's words are underthesea word_tokenize's words, aligned to the line."""
    import json

    from underthesea import word_tokenize

    from vntext.segment import Segmenter, align_words

    dumps = sorted((shared_dir / "corpus" / "bench").glob("*.jsonl"))
    if not dumps:
        pytest.skip("no bench corpus in ../shared")
    lines = []
    with dumps[0].open(encoding="utf-8") as stream:
        for _, row in zip(range(50), stream):
            lines += [
                line for line in json.loads(row).get("text", "").split("\n") if line.strip() and len(line) <= 1000
            ]
    segmenter = Segmenter(cache_lines=0)
    differ = [line for line in lines if list(segmenter.line_spans(line)) != align_words(line, word_tokenize(line))]
    assert len(lines) > 1000
    assert differ == []
