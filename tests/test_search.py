"""Full-text search over words (not substrings), snippets, codes near the hit, keywords; filled by vanban run."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.search import all_keywords, search
from pipeline.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    db = tmp_path_factory.mktemp("search") / "vanban.db"
    result = CliRunner().invoke(cli, ["run", str(CORPUS), "--db", str(db), "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "query, expect_hits",
    [
        ("quy hoạch cán bộ", True),  # a phrase of words
        ("Quy Hoạch Cán Bộ", True),  # case does not matter
        ("16-HD/BTCTW", True),  # a code
        ("hoạch cán", False),  # the same syllables, not words: no match
        ("luân chuyển vũ trụ", False),  # words that are not in the texts
    ],
)
def test_search_matches_words(store_path, query, expect_hits):
    with Store(store_path) as store:
        hits = search(store.db, query)
    assert bool(hits) is expect_hits


def test_a_hit_has_its_place_snippet_and_nearby_codes(store_path):
    with Store(store_path) as store:
        hits = search(store.db, "quy hoạch cán bộ", limit=20)
    assert len(hits) >= 4
    for hit in hits:
        assert "[quy hoạch cán bộ]" in hit.snippet.lower()
        assert hit.start is not None and hit.end - hit.start == len("quy hoạch cán bộ")
        original = Path(hit.source).read_bytes() if hit.source.endswith((".txt", ".md")) else None
        if original is not None:
            text = original.decode("utf-8")
            assert text[hit.start : hit.end].lower() == "quy hoạch cán bộ"
    assert any("50-QĐ/TW" in hit.codes for hit in hits)


def test_rerun_and_changed_text_keep_one_index_row_per_text(store_path, tmp_path):
    db = tmp_path / "v.db"
    shutil.copy(CORPUS / "tin-hoi-nghi-quy-hoach.txt", tmp_path / "a.txt")
    runner = CliRunner()
    runner.invoke(cli, ["run", str(tmp_path / "a.txt"), "--db", str(db)], catch_exceptions=False)
    runner.invoke(cli, ["run", str(tmp_path / "a.txt"), "--db", str(db)], catch_exceptions=False)
    (tmp_path / "a.txt").write_text("Ban Tổ chức hướng dẫn luân chuyển cán bộ.", encoding="utf-8")
    runner.invoke(cli, ["run", str(tmp_path / "a.txt"), "--db", str(db)], catch_exceptions=False)
    with Store(db) as store:
        assert store.db.execute("SELECT count(*) FROM text_words").fetchone()[0] == 1
        assert search(store.db, "luân chuyển cán bộ") and not search(store.db, "quy hoạch cán bộ")


def test_keywords_are_distinctive_words_of_each_text(store_path):
    with Store(store_path) as store:
        keywords = all_keywords(store.db)
    assert len(keywords) == 6
    assert all(1 <= len(words) <= 8 for words in keywords.values())
    assert all(" " in w for words in keywords.values() for w in words)  # words of two syllables or more
    news = next(words for source, words in keywords.items() if source.endswith("tin-hoi-nghi-quy-hoach.txt"))
    assert "hội nghị" in news


def test_search_command_text_and_json(store_path):
    runner = CliRunner()
    text = runner.invoke(cli, ["search", "quy hoạch cán bộ", "--db", str(store_path), "-n", "2"])
    assert text.exit_code == 0 and text.stdout.startswith("1. ") and "codes cited near" in text.stdout
    payload = json.loads(runner.invoke(cli, ["search", "hoạch cán", "--db", str(store_path), "--json"]).stdout)
    assert payload == []
    missing = runner.invoke(cli, ["search", "x", "--db", str(store_path.parent / "none.db")])
    assert missing.exit_code != 0 and "no such store" in missing.output


def test_report_shows_keywords(store_path):
    result = CliRunner().invoke(cli, ["report", "--db", str(store_path)])
    assert result.exit_code == 0 and result.stdout.count("keywords: ") == 6


def test_run_without_index_stores_no_words(tmp_path):
    db = tmp_path / "v.db"
    CliRunner().invoke(cli, ["run", str(CORPUS / "tin-hoi-nghi-quy-hoach.txt"), "--db", str(db), "--no-index"])
    with Store(db) as store:
        assert store.count() == 1
        assert store.db.execute("SELECT count(*) FROM text_words").fetchone()[0] == 0
        assert "tokens" not in next(store.records())


def test_notebook_search_is_a_dataframe(store_path):
    from pipeline.api import Explorer, open_store

    frame = open_store(store_path).search("quy hoạch cán bộ", limit=3)
    assert list(frame.columns) == ["source", "id", "title", "snippet", "start", "end", "codes", "score"]
    assert len(frame) == 3 and frame.snippet.str.contains("quy hoạch cán bộ", case=False).all()
    assert open_store(store_path).search("hoạch cán").empty
    with pytest.raises(ValueError, match="open_store"):
        Explorer([]).search("cán bộ")


def test_query_doc_shows_the_keywords_of_the_documents_own_text(store_path):
    result = CliRunner().invoke(cli, ["query", "--db", str(store_path), "doc", "16-HD/BTCTW"])
    assert result.exit_code == 0
    assert "keywords (huong-dan-16-HD-BTCTW.docx): " in result.stdout
    cited_only = CliRunner().invoke(cli, ["query", "--db", str(store_path), "doc", "50-QĐ/TW"])
    assert "keywords" not in cited_only.stdout  # cited, but its own text is not in the store
