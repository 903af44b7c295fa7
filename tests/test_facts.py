"""One pass of the text to the extractors gives the same facts as the spaCy components; words only on request."""

import json
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.ingest import iter_inputs, read_file
from pipeline.models import RawDocument
from pipeline.run.facts import find_facts
from pipeline.run.process import analyze, process_document
from pipeline.run.record import iso_date
from vntext.normalize import normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _raws():
    return [d for p in iter_inputs([CORPUS]) for d in read_file(p) if isinstance(d, RawDocument)]


@pytest.mark.parametrize("raw", _raws(), ids=lambda r: Path(r.source).name)
def test_facts_without_spacy_equal_the_spacy_components(raw):
    from pipeline.nlp import facts_of, make_doc

    norm = normalize(raw.text, "md" if raw.markdown else raw.format)
    hint = iso_date(raw.published)
    plain = find_facts(norm.text, published_hint=hint, doc_id=raw.id)
    spacy_facts = facts_of(make_doc(norm.text, published_hint=hint, doc_id=raw.id))
    assert plain.citations or plain.dates
    assert asdict(plain) == asdict(spacy_facts)


def test_a_failing_extractor_leaves_a_warning_and_the_others_run(monkeypatch):
    import pipeline.run.facts

    def broken(text, *args):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline.run.facts, "find_people", broken)
    facts = find_facts("Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022. Đồng chí Nguyễn Văn A phát biểu.")
    assert facts.warnings == ["people failed: RuntimeError: boom"]
    assert facts.citations and facts.dates and not facts.people


def test_the_doc_is_built_only_when_asked():
    analysis = analyze(_raws()[0])
    assert "doc" not in analysis.__dict__
    assert analysis.doc.text == analysis.normalized.text
    assert "doc" in analysis.__dict__


def test_tokens_are_original_spans_and_leave_the_rest_of_the_record_unchanged():
    raw = next(r for r in _raws() if r.source.endswith(".md"))
    plain = process_document(raw)
    with_words = process_document(raw, tokens=True)
    words = with_words.pop("tokens")
    assert "tokens" not in plain and with_words == plain
    assert len(words) > 100
    assert all(raw.text[w["start"] : w["end"]] == w["text"] for w in words)
    assert any(" " in w["text"] for w in words)  # syllables of one word stay together


def test_extract_tokens_flag(tmp_path):
    shutil.copy(CORPUS / "tin-hoi-nghi-quy-hoach.txt", tmp_path / "a.txt")
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(tmp_path)], catch_exceptions=False)
    words = runner.invoke(cli, ["extract", "--tokens", str(tmp_path)], catch_exceptions=False)
    assert plain.exit_code == words.exit_code == 0
    assert "tokens" not in json.loads(plain.stdout)
    assert {"text", "start", "end"} <= set(json.loads(words.stdout)["tokens"][0])


@pytest.mark.shared
def test_facts_equal_the_spacy_components_on_bench_texts(shared_dir, tmp_path):
    """The two paths must not drift apart: checked on real texts (repairs, pages, relations)."""
    from pipeline.nlp import facts_of, make_doc

    sample = tmp_path / "sample.jsonl"
    with (shared_dir / "corpus" / "bench" / "tai_lieu_noi_bo-3000.jsonl").open("rb") as src:
        sample.write_bytes(b"".join(line for _, line in zip(range(80), src)))
    raws = [d for d in read_file(sample) if isinstance(d, RawDocument)]
    for raw in raws:
        norm = normalize(raw.text, "md" if raw.markdown else raw.format)
        hint = iso_date(raw.published)
        plain = find_facts(norm.text, published_hint=hint, doc_id=raw.id)
        assert asdict(plain) == asdict(facts_of(make_doc(norm.text, published_hint=hint, doc_id=raw.id))), raw.source
