"""Full-text search over words (not substrings), snippets, codes near the hit, keywords; filled by vanban run."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.store.db import Store
from pipeline.store.search import all_keywords, search

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


OLD_WORDS_SQL = """
CREATE VIRTUAL TABLE text_search_words USING fts5(
    doc_id UNINDEXED, source UNINDEXED, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE TABLE text_search_words_offsets (source TEXT PRIMARY KEY, spans TEXT NOT NULL);
CREATE VIRTUAL TABLE text_search_words_terms USING fts5vocab(text_search_words, 'row');
CREATE VIRTUAL TABLE text_search_words_instances USING fts5vocab(text_search_words, 'instance');
DROP TABLE text_search;
CREATE VIRTUAL TABLE text_search USING fts5(doc_id UNINDEXED, source UNINDEXED, body);
"""


def _make_old_store(db: Path) -> dict[str, list]:
    """Turn a store into one made before the single index: two FTS5 indexes, spans as JSON. Returns the spans."""
    import sqlite3

    from pipeline.store.search import unpack_spans

    con = sqlite3.connect(db)
    spans = {source: unpack_spans(blob) for source, blob in con.execute("SELECT source, spans FROM text_words")}
    texts = {
        s: (d, b)
        for s, d, b in con.execute(
            "SELECT t.source, t.doc_id, s.body FROM texts t JOIN text_search s ON s.source = t.source"
        )
    }
    con.executescript(OLD_WORDS_SQL + "DROP TABLE text_words;")
    for source, (doc_id, text) in texts.items():
        words = " ".join(text[s:e].replace(" ", "_") for s, e in spans[source])
        con.execute("INSERT INTO text_search (doc_id, source, body) VALUES (?, ?, ?)", (doc_id, source, text))
        con.execute("INSERT INTO text_search_words (doc_id, source, body) VALUES (?, ?, ?)", (doc_id, source, words))
        con.execute("INSERT INTO text_search_words_offsets VALUES (?, ?)", (source, json.dumps(spans[source])))
    con.execute("DELETE FROM text_search_keywords")
    con.commit()
    con.close()
    return spans


def test_a_store_with_the_two_old_indexes_opens_with_one(tmp_path):
    (tmp_path / "a.txt").write_text("Tỉnh ủy bàn việc luân chuyển cán bộ trẻ.\nLuân chuyển cán bộ về cơ sở.", "utf-8")
    (tmp_path / "b.txt").write_text("Sở Xây dựng báo cáo tiến độ nhà ở xã hội và cán bộ phụ trách.", "utf-8")
    db = tmp_path / "v.db"
    CliRunner().invoke(cli, ["run", str(tmp_path), "--db", str(db)], catch_exceptions=False)
    spans = _make_old_store(db)
    for _ in range(2):  # the first opening moves the old index; the second finds nothing to do
        with Store(db) as store:
            tables = {n for (n,) in store.db.execute("SELECT name FROM sqlite_master")}
            assert not {t for t in tables if t.startswith("text_search_words")}
            assert (
                "remove_diacritics 0"
                in store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'text_search'").fetchone()[0]
            )
            from pipeline.store.search import unpack_spans

            moved = {s: unpack_spans(b) for s, b in store.db.execute("SELECT source, spans FROM text_words")}
            assert moved == spans
            same_rowids = store.db.execute(
                "SELECT count(*) FROM texts t JOIN text_search s ON s.rowid = t.rowid AND s.source = t.source"
            ).fetchone()[0]
            assert same_rowids == 2
            assert [Path(h.source).name for h in search(store.db, "luân chuyển cán bộ")] == ["a.txt"]
            assert not search(store.db, "chuyển cán")
            assert "luân chuyển" in all_keywords(store.db)[str(tmp_path / "a.txt")]


@pytest.mark.parametrize("spans", [[], [(0, 3)], [(0, 3), (4, 9), (9, 10)], [(5, 70000), (70001, 4_000_000_000)]])
def test_word_spans_pack_and_unpack(spans):
    from pipeline.store.search import pack_spans, unpack_spans

    assert unpack_spans(pack_spans(spans)) == spans


@pytest.mark.parametrize(
    "words, query, holds",
    [
        (["quy hoạch", "cán bộ"], ["quy_hoạch", "cán_bộ"], True),
        (["quy hoạch", "cán bộ"], ["hoạch", "cán"], False),  # syllables in a row, not words
        (["Quy Hoạch", ",", "cán bộ"], ["quy_hoạch", "cán_bộ"], True),  # case; punctuation between
        (["cán", "cán", "bộ"], ["cán", "bộ"], True),  # a repeat before the match
        (["50-QĐ/TW"], ["50", "qđ", "tw"], True),  # parts of one word, as an index of words splits it
        (["cán bộ", "trẻ"], ["cán_bộ", "trẻ", "tuổi"], False),  # the text ends first
    ],
)
def test_a_hit_is_kept_only_when_whole_words_match(words, query, holds):
    from pipeline.store.search import _holds, _phrase_re

    text, spans = "", []
    for word in words:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word)))
        text += word
    assert _holds(text, spans, query, _phrase_re(query)) is holds
