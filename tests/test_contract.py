"""The output contract: records validate against the JSON Schema, and every span indexes the original text."""

import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest

from pipeline.ingest import iter_inputs, read_file
from pipeline.models import RawDocument
from pipeline.run.process import extract_paths, process_document

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SCHEMA = json.loads((REPO / "pipeline" / "run" / "record.schema.json").read_text(encoding="utf-8"))
CORPUS_FILES = [p for p in iter_inputs([CORPUS]) if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"}]


def spans_of(record: dict):
    """(what, start, end, expected text or None) for every span the record reports."""
    for c in record["citations"]:
        yield "citation", c["start"], c["end"], c["text"]
    for d in record["dates"]:
        yield "date", d["start"], d["end"], d["text"]
    for p in record["people"]:
        for m in p["mentions"]:
            yield "person", m["start"], m["end"], m.get("text")
        for post in p["posts"]:
            if "start" in post:
                yield "post", post["start"], post["end"], post["text"]
    for o in record["organizations"]:
        yield "organization", o["start"], o["end"], o["text"]
    for r in record["relations"]:
        yield "evidence", r["evidence"]["start"], r["evidence"]["end"], r["evidence"].get("text")
    ident = record["self"] or {}
    if ident.get("start") is not None:
        yield "self", ident["start"], ident["end"], ident.get("text")


def assert_spans_round_trip(record: dict, original: str) -> int:
    count = 0
    for what, start, end, text in spans_of(record):
        assert 0 <= start <= end <= len(original), (what, start, end)
        if text is not None:
            assert original[start:end] == text, (what, original[start:end], text)
        assert original[start:end].strip(), (what, start, end)
        count += 1
    return count


@pytest.fixture(scope="module")
def corpus_records():
    records = list(extract_paths([CORPUS]))
    assert all(isinstance(r, dict) for r in records), records
    return {Path(r["source"]).name: r for r in records}


def test_every_bundled_record_validates_against_the_schema(corpus_records):
    assert len(corpus_records) == len(CORPUS_FILES)
    for record in corpus_records.values():
        jsonschema.validate(record, SCHEMA)


def test_schema_rejects_a_broken_record(corpus_records):
    record = dict(next(iter(corpus_records.values())))
    record["citations"] = [{"text": "x", "start": -1}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_every_span_of_every_bundled_document_indexes_the_original(path, corpus_records):
    (raw,) = list(read_file(path))
    record = corpus_records[path.name]
    assert record["id"] == raw.id
    assert assert_spans_round_trip(record, raw.text) > 0, "no spans at all: nothing was found"


def _raw(text: str, fmt: str = "txt") -> RawDocument:
    return RawDocument(id="0" * 64, source="test", format=fmt, text=text)


NEWS = (
    "Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương; "
    "ngày 14/4/2022, Đảng uỷ Bộ ban hành Hướng dẫn số 02-HD/ĐU về công tác quy hoạch, "
    "nhiệm kỳ 2025 - 2030. Đồng chí Nguyễn Văn Hoà, Uỷ viên Ban Thường vụ, phát biểu."
)


@pytest.mark.parametrize("variant", ["nfd", "old_tones", "lookalike_and_dashes"])
def test_offsets_round_trip_on_hard_input(variant):
    text = {
        "nfd": unicodedata.normalize("NFD", NEWS),
        "old_tones": NEWS.replace("Uỷ", "Uỷ").replace("hoạch", "hoạch"),
        "lookalike_and_dashes": NEWS.replace("Đ", "\u00d0").replace("16-HD", "16 – HD").replace(" ", "\u00a0", 3),
    }[variant]
    record = process_document(_raw(text))
    assert assert_spans_round_trip(record, text) > 0
    assert "2022-02-15" in {d.get("value") for d in record["dates"]}
