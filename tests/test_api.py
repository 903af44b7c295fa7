"""The notebook API (pipeline.api): DataFrames with the right columns and the bundled corpus's facts."""

from pathlib import Path

import pytest

from pipeline import api
from pipeline.api import Explorer, analyze_file, explore_paths, findings, open_store, show_findings
from pipeline.run.process import extract_paths
from pipeline.store.db import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
NEWS_TXT = CORPUS / "tin-hoi-nghi-quy-hoach.txt"
NEWS_HTML = CORPUS / "tin-dai-hoi-dang-bo.html"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """A store filled with the bundled corpus, as `vanban run corpus --db X` fills it."""
    db = tmp_path_factory.mktemp("api") / "vanban.db"
    with Store(db) as store:
        for record in extract_paths([CORPUS]):
            store.put(record)
    return db


@pytest.fixture(scope="module")
def explorer(store_path) -> Explorer:
    return open_store(store_path)


@pytest.mark.parametrize(
    "method, columns",
    [
        ("documents", api.DOCUMENT_COLUMNS),
        ("citations", api.CITATION_COLUMNS),
        ("relations", api.RELATION_COLUMNS),
        ("people", api.PEOPLE_COLUMNS),
        ("dates", api.DATE_COLUMNS),
        ("organizations", api.ORGANIZATION_COLUMNS),
    ],
)
def test_frames_have_their_columns_and_rows(explorer, method, columns):
    frame = getattr(explorer, method)()
    assert list(frame.columns) == columns
    assert len(frame) > 0
    assert "source" in columns and frame["source"].notna().all()


@pytest.mark.parametrize("method", ["documents", "citations", "relations", "people", "dates", "organizations"])
def test_frames_of_no_records_keep_their_columns(method):
    assert list(getattr(Explorer([]), method)().columns) == list(getattr(Explorer([{"id": "x"}]), method)().columns)
    assert getattr(Explorer([]), method)().empty


def test_documents_are_the_bundled_files(explorer):
    docs = explorer.documents()
    assert sorted(Path(s).name for s in docs.source) == sorted(p.name for p in CORPUS.iterdir())
    assert set(docs.kind) >= {"news", "directive"}
    assert (docs.citations > 0).all()
    own = docs[docs.source.str.endswith("huong-dan-16-HD-BTCTW.docx")].iloc[0]
    assert (own.kind, own.code, own.issued) == ("directive", "16-HD/BTCTW", "2022-02-15")


@pytest.mark.parametrize(
    "field, expected",
    [
        ("doc_type", "HD"),
        ("doc_type_name", "Hướng dẫn"),
        ("number", "16"),
        ("issuer_code", "BTCTW"),
        ("issuer", "Ban Tổ chức Trung ương"),
        ("date", "2022-02-15"),
    ],
)
def test_the_16_hd_btctw_citation_row(explorer, field, expected):
    rows = explorer.citations().query("code == '16-HD/BTCTW' and form == 'full'")
    cited_from = {Path(s).name for s in rows.source}
    assert "tin-hoi-nghi-quy-hoach.txt" in cited_from and "huong-dan-02-HD-DU.md" in cited_from
    news_row = rows[rows.source.str.endswith("tin-hoi-nghi-quy-hoach.txt")].iloc[0]
    assert news_row[field] == expected
    assert news_row.published == "2022-04-20"
    assert "16-HD/BTCTW" in news_row.text


def test_relations_carry_the_evidence_text_at_its_offsets(explorer):
    original = NEWS_TXT.read_text(encoding="utf-8")
    rows = explorer.relations()
    news = rows[rows.source.str.endswith(NEWS_TXT.name)]
    assert len(news) > 0
    for row in news.itertuples():
        assert row.evidence == original[row.start : row.end]
        assert row.to_code in row.evidence


@pytest.mark.parametrize(
    "from_code, kind, to_code",
    [
        ("16-HD/BTCTW", "implements", "50-QĐ/TW"),
        ("02-HD/ĐU", "based_on", "16-HD/BTCTW"),
    ],
)
def test_chain_relations_are_rows(explorer, from_code, kind, to_code):
    rows = explorer.relations().query("from_code == @from_code and type == @kind and to_code == @to_code")
    assert len(rows) >= 1
    assert rows.evidence.str.contains(to_code, regex=False).all()
    assert rows.rule.notna().all() and (rows.confidence > 0).all()


@pytest.mark.parametrize(
    "name, title, organization, source",
    [
        ("Võ Thị Mai", "Trưởng", "Ban Tổ chức Tỉnh ủy Đồng Tháp", NEWS_HTML.name),
        ("Nguyễn Thanh Bình", "Thứ trưởng", "Bộ Thông tin và Truyền thông", NEWS_TXT.name),
    ],
)
def test_people_rows_are_person_by_post_with_date_and_source(explorer, name, title, organization, source):
    rows = explorer.people().query("name == @name")
    assert len(rows) >= 2  # both have two posts in their text
    post = rows[(rows.title == title) & (rows.organization == organization)]
    assert len(post) == 1
    assert post.iloc[0].source.endswith(source)
    assert post.iloc[0].published == {NEWS_HTML.name: "2024-07-02", NEWS_TXT.name: "2022-04-20"}[source]


@pytest.mark.parametrize(
    "published, own, date",
    [
        ("2024-07-02", None, "2024-07-02"),  # news: its published date
        (None, {"code": "15-HD/TU", "issued": "2022-10-05"}, "2022-10-05"),  # a directive: its issued date
        ("2022-04-14", {"code": "02-HD/ĐU", "issued": "2022-04-10"}, "2022-04-14"),  # the text's own date first
        (None, None, None),  # no date at all: none made up
    ],
)
def test_people_date_is_when_the_post_was_said_to_be_held(published, own, date):
    person = {"name": "Võ Thị Mai", "mentions": [], "posts": [{"title": "Trưởng", "organization": "Ban"}]}
    record = {"id": "t", "source": "a.txt", "published": published, "self": own, "people": [person]}
    row = Explorer([record]).people().iloc[0]
    assert (row.date if date else None) == date
    assert list(Explorer([record]).people().columns).index("date") < list(api.PEOPLE_COLUMNS).index("published")


def test_people_date_of_the_bundled_directive_signers(explorer):
    rows = explorer.people()
    assert rows.date.notna().all()  # every text of the bundled corpus has a date of its own
    timeline = rows.sort_values("date").date.tolist()
    assert timeline == sorted(timeline) and timeline[0] >= "2022"


def test_a_person_without_posts_still_has_a_row():
    person = {"name": "Trần Văn An", "mentions": [{"start": 0, "end": 11}], "posts": []}
    rows = Explorer([{"id": "t", "source": "a.txt", "people": [person]}]).people()
    assert rows.name.tolist() == ["Trần Văn An"] and rows.title.isna().all()


@pytest.mark.parametrize(
    "text, kind, value, range_start, range_end",
    [
        ("ngày 15/02/2022", "date", "2022-02-15", None, None),
        ("2025 - 2030", "term", None, "2025", "2030"),
    ],
)
def test_dates_rows(explorer, text, kind, value, range_start, range_end):
    rows = explorer.dates().query("text == @text and source.str.endswith(@NEWS_TXT.name)", engine="python")
    assert len(rows) >= 1
    row = rows.iloc[0]
    assert row.kind == kind
    assert (row.value if value else None) == value
    assert (row.range_start if range_start else None) == range_start
    assert (row.range_end if range_end else None) == range_end


def test_store_and_paths_give_the_same_citations(explorer):
    in_memory = explore_paths(CORPUS)
    assert in_memory.failures == []
    key = ["source", "start"]
    assert in_memory.citations().sort_values(key).code.tolist() == explorer.citations().sort_values(key).code.tolist()


def test_graph_is_built_once_from_the_records(explorer):
    G = explorer.graph()
    assert G is explorer.graph()
    assert G.nodes["doc:16-HD/BTCTW"]["cited_by"] >= 3
    assert G.graph["texts"] == len(explorer.records)


def test_open_store_does_not_create_a_missing_store(tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(FileNotFoundError, match="vanban run"):
        open_store(missing)
    assert not missing.exists()


def test_explore_paths_keeps_failures(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    ex = explore_paths([tmp_path / "empty.txt", NEWS_TXT])
    assert len(ex.records) == 1 and [Path(f.source).name for f in ex.failures] == ["empty.txt"]


@pytest.fixture(scope="module")
def news_analysis():
    return analyze_file(NEWS_HTML)


def test_findings_table_has_every_label(news_analysis):
    table = findings(news_analysis.doc)
    assert set(table.label) == set(api.SPAN_COLORS)
    assert table.start.is_monotonic_increasing
    for row in table.itertuples():
        assert news_analysis.doc.text[row.start : row.end] == row.text
    assert "Võ Thị Mai" in table[table.label == "PERSON"].text.tolist()


def test_show_findings_renders_each_label_in_its_colour(news_analysis):
    html = show_findings(news_analysis.doc, jupyter=False)
    for label, colour in api.SPAN_COLORS.items():
        assert label in html and colour in html
    assert len(set(api.SPAN_COLORS.values())) == len(api.SPAN_COLORS)


def test_analyze_file_refuses_a_file_of_many_documents(tmp_path):
    dump = tmp_path / "two.jsonl"
    dump.write_text('{"text": "Quy định số 50-QĐ/TW"}\n{"text": "Hướng dẫn số 16-HD/BTCTW"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="2 documents"):
        analyze_file(dump)
