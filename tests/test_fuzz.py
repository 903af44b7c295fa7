"""Property-based fuzzing: process_document and every find_* on generated text never raise, never hang,
and every span they give is in range (with ``original[start:end] == text`` where a text is given).

The "short" profile (25 examples each, derandomized) runs in make test; the long one is
``pytest --hypothesis-profile=long tests/test_fuzz.py -s`` (2,000 examples each). Both print
the examples run and the longest single call.
"""

import dataclasses
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.citations import find_citations
from extractors.dates import find_dates, find_published
from extractors.names import find_name_mentions
from extractors.organizations import find_organizations
from extractors.people import find_people, find_post_spans
from extractors.relations import find_relations
from pipeline.models import RawDocument

FRAGMENTS = [
    "Chỉ thị số 35-CT/TW",
    "ngày 14/6/2024",
    "ngày 14 tháng 6 năm 2024",
    "Quyết định số 99-QĐ/TW",
    "của Bộ Chính trị",
    "Ban Tổ chức Trung ương",
    "đồng chí Nguyễn Phú Trọng",
    "Tổng Bí thư",
    "Căn cứ",
    "thay thế",
    "bãi bỏ",
    "sửa đổi, bổ sung",
    "nhiệm kỳ 2020 - 2025",
    "Số:",
    "Hà Nội,",
    "Phó Bí thư Tỉnh ủy",
    "Bộ TT&TT",
    "Nghị quyết số 18-NQ/TW",
    "K/T TRƯỞNG BAN",
    "Nơi nhận:",
    "\n",
    "\n\n",
    " ",
    ".",
    ",",
    "-",
    "/",
    "(",
    ")",
    "\t",
    "**",
    "# ",
    "1-",
    "ngày 1 và ",
    "số ",
]
PATHOLOGICAL = st.sampled_from(["1-", "ngày 1 và ", "A ", "Bộ ", "số 1/", "((", "-", "Đ"]).flatmap(
    lambda unit: st.integers(1, 400).map(lambda n: unit * n)
)
ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included: a str may hold them
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), st.text(ANY_CHARACTER, max_size=4), PATHOLOGICAL)
TEXTS = st.lists(PIECE, max_size=40).map("".join)

LONGEST = {"calls": 0, "seconds": 0.0, "wall": 0.0, "where": "", "input": ""}
SAVED = Path(tempfile.gettempdir()) / "vanban-fuzz-longest.txt"  # the input of the longest call, to replay it


def _timed(name, function, *args):
    started, wall = time.process_time(), time.perf_counter()
    result = function(*args)
    elapsed = time.process_time() - started  # CPU time: the machine may be shared
    LONGEST["calls"] += 1
    if elapsed > LONGEST["seconds"]:
        text = args[0].text if isinstance(args[0], RawDocument) else args[0]
        LONGEST.update(
            seconds=elapsed, wall=time.perf_counter() - wall, where=name, input=f"{len(text)} chars: {text[:60]!r}"
        )
        SAVED.write_text(text, encoding="utf-8", errors="surrogatepass")
    return result


@pytest.fixture(scope="module", autouse=True)
def report_longest():
    from pipeline.run.process import process_document

    # loading spaCy and underthesea's models (on their first use) is not a call to time
    process_document(RawDocument(id="w", source="w", format="txt", text="Chỉ thị số 35-CT/TW ngày 14/6/2024."))
    yield
    print(
        f"\nfuzz: {LONGEST['calls']} calls, longest {LONGEST['seconds']:.3f} s of CPU ({LONGEST['wall']:.3f} s wall)"
        f" in {LONGEST['where']} on {LONGEST['input']} (saved in {SAVED})"
    )


def _check_spans(value, text: str, path: str = "") -> None:
    """Every object with start/end in ``value`` lies inside ``text``; with a ``text`` field, it is that slice."""
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= len(text), (path, start, end, len(text))
            if isinstance(value.get("text"), str):
                assert text[start:end] == value["text"], (path, value["text"], text[start:end])
        for key, item in value.items():
            _check_spans(item, text, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        if len(value) == 2 and all(isinstance(x, int) for x in value):  # a (start, end) mention
            assert 0 <= value[0] <= value[1] <= len(text), (path, value)
            return
        for i, item in enumerate(value):
            _check_spans(item, text, f"{path}[{i}]")


@given(TEXTS)
def test_find_functions_never_raise_and_keep_spans_in_range(text):
    dates = _timed("find_dates", find_dates, text)
    citations = _timed("find_citations", find_citations, text, dates)
    results = [
        dates,
        citations,
        _timed("find_published", find_published, text),
        _timed("find_name_mentions", find_name_mentions, text),
        _timed("find_organizations", find_organizations, text),
        _timed("find_people", find_people, text),
        _timed("find_post_spans", find_post_spans, text),
        _timed("find_relations", find_relations, text, citations),
    ]
    for result in results:
        _check_spans(result, text)


@given(TEXTS, st.sampled_from(["txt", "md", "html", "jsonl"]))
def test_process_document_never_raises_and_spans_slice_the_original(text, fmt):
    from pipeline.run.process import process_document

    raw = RawDocument(id="fuzz", source="fuzz.txt", format=fmt, text=text, markdown=fmt == "md")
    record = _timed("process_document", process_document, raw)
    _check_spans(record, raw.text)
