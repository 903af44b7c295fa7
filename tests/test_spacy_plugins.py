"""vanban's components and tokenizer as spaCy plugins, used from fresh processes.

Each script runs in its own interpreter, in a directory outside the checkout, and never
imports vanban itself: spaCy must find the factories and the tokenizer through the
installed package's entry points (``spacy_factories``, ``spacy_tokenizers``).
"""

import json
import subprocess
import sys
import textwrap

import pytest

TEXT = (
    "Căn cứ Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị, Ban Tổ chức Trung ương "
    "hướng dẫn. Đồng chí Nguyễn Thanh Bình, Thứ trưởng Bộ Nội vụ, dự hội nghị."
)


def _run(script: str, cwd) -> dict:
    """Run ``script`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], cwd=cwd, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    print(done.stdout)  # kept in the test log: what the fresh process saw
    return json.loads(done.stdout.strip().splitlines()[-1])


COMPONENT_CASES = [  # (factory, config, span group, label, a span it must find)
    ("vanban_citations", {}, "vanban", "CODE", "Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị"),
    ("vanban_citations", {"span_key": "sc"}, "sc", "CODE", "Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị"),
    ("vanban_dates", {}, "vanban", "DATE", "ngày 27/12/2021"),
    ("vanban_people", {}, "vanban", "PERSON", "Nguyễn Thanh Bình"),
    ("vanban_organizations", {}, "vanban", "ORG", "Bộ Chính trị"),
]

ADD_PIPE = """
    import json, sys
    import spacy
    before = sorted(m for m in sys.modules if m.split(".")[0] == "pipeline")
    out = {"imported_before": before, "cases": []}
    for name, config, key, _label, _span in CASES:
        nlp = spacy.blank("xx")
        nlp.add_pipe(name, config=config)
        doc = nlp(TEXT)
        spans = doc.spans[key] if key in doc.spans else []
        out["cases"].append({"pipe_names": nlp.pipe_names, "spans": [[s.label_, s.text] for s in spans]})
    # a component alone runs the steps it rests on: the cited document's date comes from the dates step
    nlp = spacy.blank("xx")
    nlp.add_pipe("vanban_citations")
    doc = nlp("Thực hiện Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương.")
    c = doc._.facts.citations[0]
    out["alone"] = {"code": c.code, "date": c.date, "dates": len(doc._.facts.dates)}
    try:
        spacy.blank("xx").add_pipe("vanban_citations", config={"spam": 1})
        out["unknown_option"] = "accepted"
    except Exception as err:
        out["unknown_option"] = type(err).__name__ + ": " + str(err)[:300]
    print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """One fresh interpreter that never imported vanban adds each component through spaCy alone."""
    script = f"CASES = {COMPONENT_CASES!r}\nTEXT = {TEXT!r}\n" + textwrap.dedent(ADD_PIPE)
    return _run(script, tmp_path_factory.mktemp("spacy"))


def test_vanban_is_not_imported_before_spacy_asks(fresh):
    assert fresh["imported_before"] == []


@pytest.mark.parametrize("index", range(len(COMPONENT_CASES)))
def test_add_pipe_in_a_fresh_process(fresh, index):
    name, _config, _key, label, expected = COMPONENT_CASES[index]
    out = fresh["cases"][index]
    assert out["pipe_names"] == [name]
    assert [label, expected] in out["spans"]
    assert {lab for lab, _ in out["spans"]} <= {label, "POST"}  # a component labels only its own kind


def test_a_component_alone_runs_what_it_rests_on(fresh):
    """vanban_citations alone still reads the cited document's date (the dates step runs first)."""
    assert fresh["alone"] == {"code": "16-HD/BTCTW", "date": "2022-02-15", "dates": 1}


def test_unknown_option_is_refused(fresh):
    assert fresh["unknown_option"] != "accepted" and "spam" in fresh["unknown_option"]


def test_saved_pipeline_loads_with_spacy_load_in_a_fresh_process(tmp_path):
    saved = tmp_path / "vanban_pipeline"
    built = _run(
        f"""
        import json, spacy
        nlp = spacy.blank("vi", config={{"nlp": {{"tokenizer": {{"@tokenizers": "vanban.underthesea_tokenizer.v1"}}}}}})
        for name in ["vanban_dates", "vanban_identity", "vanban_citations", "vanban_people",
                     "vanban_organizations", "vanban_relations"]:
            nlp.add_pipe(name)
        nlp.to_disk({str(saved)!r})
        print(json.dumps({{"saved": nlp.pipe_names}}))
    """,
        tmp_path,
    )
    assert "vanban.underthesea_tokenizer.v1" in (saved / "config.cfg").read_text(encoding="utf-8")
    loaded = _run(
        f"""
        import json, sys, spacy
        nlp = spacy.load({str(saved)!r})
        doc = nlp({TEXT!r})
        print(json.dumps({{"pipe_names": nlp.pipe_names, "tokenizer": type(nlp.tokenizer).__name__,
                           "tokens": [t.text for t in doc][:6],
                           "labels": sorted({{s.label_ for s in doc.spans["vanban"]}}),
                           "citations": [c.code for c in doc._.facts.citations],
                           "posts": [p.title for person in doc._.facts.people for p in person.posts]}},
                         ensure_ascii=False))
    """,
        tmp_path,
    )
    assert loaded["pipe_names"] == built["saved"]
    assert loaded["tokenizer"] == "UndertheseaTokenizer"
    assert "Căn cứ" in loaded["tokens"]  # underthesea's words: two syllables, one token
    assert loaded["labels"] == ["CODE", "DATE", "ORG", "PERSON", "POST"]
    assert loaded["citations"] == ["50-QĐ/TW"]
    assert "Thứ trưởng" in loaded["posts"]
