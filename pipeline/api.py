"""The notebook API: records, the citation graph and pandas DataFrames in three lines.

>>> from pipeline.api import open_store              # doctest: +SKIP
>>> ex = open_store("out/vanban.db")                 # doctest: +SKIP
>>> ex.citations().code.value_counts().head()        # doctest: +SKIP

``open_store`` reads a store filled by ``vanban run``; ``explore_paths`` runs the
pipeline on files in memory, without a store; ``analyze_file`` keeps the spaCy
``Doc`` of one file, for displaCy (``show_findings``). Every table has one row per
fact, a ``source`` column naming the text it was found in, and the text's
``published`` date. Dates are ISO strings as in the record (``YYYY-MM-DD``, or
``YYYY-MM`` / ``YYYY`` when the text gives no more); offsets index the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.models import Failure

#: displaCy colours for the span labels of ``doc.spans["vanban"]``, one per label.
SPAN_COLORS = {
    "CODE": "#f4a261",  # orange: document codes and citations
    "DATE": "#8ecae6",  # light blue: dates, periods, terms
    "PERSON": "#b5e48c",  # green: people
    "POST": "#e9c46a",  # yellow: posts and titles
    "ORG": "#cdb4db",  # lilac: organizations
}

DOCUMENT_COLUMNS = [
    "source",
    "id",
    "format",
    "kind",
    "title",
    "published",
    "code",
    "issuer",
    "issued",
    "signer",
    "citations",
    "relations",
    "people",
    "warnings",
    "effective",
]
CITATION_COLUMNS = [
    "source",
    "published",
    "code",
    "form",
    "doc_type",
    "doc_type_name",
    "number",
    "issuer_code",
    "issuer",
    "date",
    "subject",
    "name",
    "text",
    "start",
    "end",
]
RELATION_COLUMNS = [
    "source",
    "published",
    "from_code",
    "type",
    "to_code",
    "confidence",
    "rule",
    "evidence",
    "start",
    "end",
]
PEOPLE_COLUMNS = [
    "name",
    "title",
    "organization",
    "post_text",
    "date",
    "published",
    "source",
    "mentions",
    "since",
    "until",
    "former",
    "when",
]
DATE_COLUMNS = ["source", "published", "text", "kind", "value", "range_start", "range_end", "start", "end"]
ORGANIZATION_COLUMNS = ["source", "published", "name", "text", "start", "end"]
SEARCH_COLUMNS = ["source", "id", "title", "snippet", "start", "end", "codes", "score"]
STATUS_COLUMNS = [
    *("node", "label", "code", "doc_type", "issuer", "date", "status", "since", "as_of", "reason"),
    *("decided_by", "decided_on", "evidence"),
]
ROLLOUT_COLUMNS = [
    *("node", "label", "level", "issuer", "province", "former_province", "date", "lag_days", "depth", "type"),
    *("confidence", "path", "evidence", "text_id"),
]
LEVEL_COLUMNS = ["level", "count", "dated", "first", "median_lag_days", "last"]


@dataclass
class Explorer:
    """Records of a store or of files, with the graph and DataFrames built from them.

    Parameters
    ----------
    records : OUTPUT.md record dicts.
    failures : documents that could not be read or processed.

    Examples
    --------
    >>> ex = Explorer([{"id": "t1", "source": "a.txt", "published": "2022-04-20",
    ...                 "citations": [{"code": "50-QĐ/TW", "form": "full", "text": "Quy định số 50-QĐ/TW",
    ...                                "start": 0, "end": 20}]}])
    >>> ex.citations()[["source", "code", "published"]].values.tolist()
    [['a.txt', '50-QĐ/TW', '2022-04-20']]
    """

    records: list[dict]
    failures: list[Failure] = field(default_factory=list)
    _graph: object = field(default=None, init=False, repr=False)
    db_path: Path | None = field(default=None, repr=False)  # the store it came from (for search)

    def __repr__(self) -> str:
        return f"Explorer({len(self.records)} records, {len(self.failures)} failures)"

    def graph(self):
        """The citation graph (``networkx.MultiDiGraph``, see ``graph.schema``), built once.

        Examples
        --------
        >>> G = Explorer([{"id": "t1", "source": "a.txt", "citations": [{"code": "16-HD/BTCTW"}]}]).graph()
        >>> "doc:16-HD/BTCTW" in G
        True
        """
        if self._graph is None:
            from graph.build import build_graph

            self._graph = build_graph(self.records)
        return self._graph

    def documents(self) -> pd.DataFrame:
        """One row per text: where it came from, what it is, its own code and how many facts it holds.

        ``code``, ``issuer``, ``issued`` and ``signer`` come from a directive's own header
        (``self`` in the record) and are empty for news.

        Examples
        --------
        >>> Explorer([{"id": "t1", "source": "a.txt", "kind": "news"}]).documents()[["source", "kind"]].values.tolist()
        [['a.txt', 'news']]
        """
        rows = []
        for r in self.records:
            own = r.get("self") or {}
            signer = own.get("signer") or {}
            rows.append(
                {
                    "source": r.get("source"),
                    "id": r.get("id"),
                    "format": r.get("format"),
                    "kind": r.get("kind"),
                    "title": r.get("title"),
                    "published": r.get("published"),
                    "code": own.get("code"),
                    "issuer": own.get("issuer"),
                    "issued": own.get("issued"),
                    "signer": signer.get("name"),
                    "citations": len(r.get("citations") or []),
                    "relations": len(r.get("relations") or []),
                    "people": len(r.get("people") or []),
                    "warnings": len(r.get("warnings") or []),
                    "effective": (own.get("effective") or {}).get("value"),
                }
            )
        return _frame(rows, DOCUMENT_COLUMNS)

    def citations(self) -> pd.DataFrame:
        """One row per citation: the cited code and its parts, with the citing text and its date.

        Examples
        --------
        >>> ex = Explorer([{"id": "t1", "source": "a.txt", "citations": [{"code": "16-HD/BTCTW", "date": "2022-02-15"}]}])
        >>> ex.citations().loc[0, "date"]
        '2022-02-15'
        """
        rows = [
            {**_context(r), **{k: c.get(k) for k in CITATION_COLUMNS[2:]}}
            for r in self.records
            for c in r.get("citations") or []
        ]
        return _frame(rows, CITATION_COLUMNS)

    def relations(self) -> pd.DataFrame:
        """One row per typed relation, with its rule, confidence and the evidence text from the record.

        Examples
        --------
        >>> rel = {"source": "02-HD/ĐU", "type": "based_on", "target": "16-HD/BTCTW", "confidence": 0.9,
        ...        "evidence": {"start": 5, "end": 40, "rule": "can_cu", "text": "Căn cứ Hướng dẫn số 16-HD/BTCTW"}}
        >>> row = Explorer([{"id": "t1", "source": "a.md", "relations": [rel]}]).relations().iloc[0]
        >>> row.from_code, row.type, row.to_code, row.evidence
        ('02-HD/ĐU', 'based_on', '16-HD/BTCTW', 'Căn cứ Hướng dẫn số 16-HD/BTCTW')
        """
        rows = []
        for r in self.records:
            for rel in r.get("relations") or []:
                evidence = rel.get("evidence") or {}
                rows.append(
                    {
                        **_context(r),
                        "from_code": rel.get("source"),
                        "type": rel.get("type"),
                        "to_code": rel.get("target"),
                        "confidence": rel.get("confidence"),
                        "rule": evidence.get("rule"),
                        "evidence": evidence.get("text"),
                        "start": evidence.get("start"),
                        "end": evidence.get("end"),
                    }
                )
        return _frame(rows, RELATION_COLUMNS)

    def people(self) -> pd.DataFrame:
        """One row per person and post (a person with no post gets one row with empty post),
        with the text's date and source: who held which post when.

        ``date`` is when the post was said to be held: the text's published date, or for a
        directive without one its own issued date (``self.issued``). ``since`` / ``until`` /
        ``former`` are when the post was held where the text says ("2010", "2016-04"); ``when``
        is ``since`` where given, else ``date``: sort on it for a timeline.

        Examples
        --------
        >>> person = {"name": "Võ Thị Mai", "mentions": [{"start": 0, "end": 10}],
        ...           "posts": [{"title": "Trưởng", "organization": "Ban Tổ chức Tỉnh ủy Đồng Tháp"}]}
        >>> row = Explorer([{"id": "t1", "source": "b.html", "published": "2024-07-02",
        ...                  "people": [person]}]).people().iloc[0]
        >>> row["name"], row.title, row.organization, row.date
        ('Võ Thị Mai', 'Trưởng', 'Ban Tổ chức Tỉnh ủy Đồng Tháp', '2024-07-02')
        """
        rows = []
        for r in self.records:
            when = r.get("published") or (r.get("self") or {}).get("issued")
            for person in r.get("people") or []:
                mentions = len(person.get("mentions") or [])
                for post in person.get("posts") or [{}]:
                    rows.append(
                        {
                            "name": person.get("name"),
                            "title": post.get("title"),
                            "organization": post.get("organization"),
                            "post_text": post.get("text"),
                            "date": when,
                            "published": r.get("published"),
                            "source": r.get("source"),
                            "mentions": mentions,
                            "since": post.get("since"),
                            "until": post.get("until"),
                            "former": bool(post.get("former")),
                            "when": post.get("since") or when,
                        }
                    )
        return _frame(rows, PEOPLE_COLUMNS)

    def dates(self) -> pd.DataFrame:
        """One row per date, month, year, period or term; a period's bounds in ``range_start``/``range_end``.

        Examples
        --------
        >>> d = {"text": "nhiệm kỳ 2025 - 2030", "kind": "term", "range": ["2025", "2030"], "start": 0, "end": 20}
        >>> Explorer([{"id": "t1", "source": "a.txt", "dates": [d]}]).dates()[["kind", "range_start"]].values.tolist()
        [['term', '2025']]
        """
        rows = []
        for r in self.records:
            for d in r.get("dates") or []:
                bounds = d.get("range") or [None, None]
                rows.append(
                    {
                        **_context(r),
                        "text": d.get("text"),
                        "kind": d.get("kind"),
                        "value": d.get("value"),
                        "range_start": bounds[0],
                        "range_end": bounds[-1],
                        "start": d.get("start"),
                        "end": d.get("end"),
                    }
                )
        return _frame(rows, DATE_COLUMNS)

    def organizations(self) -> pd.DataFrame:
        """One row per organization mention: the resolved name and the text as written."""
        rows = [
            {**_context(r), **{k: o.get(k) for k in ORGANIZATION_COLUMNS[2:]}}
            for r in self.records
            for o in r.get("organizations") or []
        ]
        return _frame(rows, ORGANIZATION_COLUMNS)

    def status(self, as_of: str | None = None) -> pd.DataFrame:
        """One row per document node: its status as of ``as_of`` (default today), since when, why,
        and the first document and sentence that decide it (:mod:`graph.status`).

        Examples
        --------
        >>> rel = {"source": "2-QĐ/TW", "type": "replaces", "target": "1-QĐ/TW", "confidence": 0.9,
        ...        "evidence": {"start": 0, "end": 9, "text": "Quy định này thay thế Quy định 1-QĐ/TW"}}
        >>> ex = Explorer([{"id": "t", "source": "a.txt", "published": "2024-05-01", "relations": [rel],
        ...                 "citations": [{"code": "1-QĐ/TW"}, {"code": "2-QĐ/TW"}]}])
        >>> ex.status("2025-01-01").set_index("code").status.to_dict()
        {'1-QĐ/TW': 'replaced', '2-QĐ/TW': 'unknown'}
        """
        from graph.status import all_statuses

        G = self.graph()
        rows = []
        for node, found in all_statuses(G, as_of).items():
            data = G.nodes[node]
            first = found.decided_by[0] if found.decided_by else None
            rows.append(
                {
                    **{k: data.get(k) for k in ("code", "doc_type", "issuer", "date")},
                    **{k: getattr(found, k) for k in ("node", "label", "status", "since", "as_of", "reason")},
                    "decided_by": first.label if first else None,
                    "decided_on": first.date if first else None,
                    "evidence": first.evidence if first else None,
                }
            )
        return _frame(rows, STATUS_COLUMNS)

    def _node(self, code: str) -> str:
        from graph.queries import find_documents

        nodes = find_documents(self.graph(), code)
        if len(nodes) > 1:
            raise ValueError(f"{code} stands for {len(nodes)} documents: give one of {nodes}")
        return nodes[0]

    def rollout(self, code: str, with_basis: bool = False, min_confidence: float = 0.0) -> pd.DataFrame:
        """One row per document acting on ``code`` down the chain (:mod:`graph.rollout`): level,
        issuer, province, date, lag in days, depth, path and evidence."""
        from graph.rollout import rollout_rows

        rows = rollout_rows(self.graph(), self._node(code), with_basis, min_confidence)
        return _frame([{**asdict(r), "path": " -> ".join(r.path)} for r in rows], ROLLOUT_COLUMNS)

    def rollout_levels(self, code: str, with_basis: bool = False) -> pd.DataFrame:
        """Per level of the cascade: count, first, median lag in days, last."""
        from graph.rollout import rollout_rows, summary

        rows = rollout_rows(self.graph(), self._node(code), with_basis)
        return _frame([asdict(s) for s in summary(rows)], LEVEL_COLUMNS)

    def coverage(self, codes: Iterable[str] | None = None, n: int = 5, with_basis: bool = False) -> pd.DataFrame:
        """Province × directive grid: how many documents of each of today's 34 provincial units act
        on each directive (``codes``, or the ``n`` party documents with the most implementers)."""
        from extractors.places import today_provinces
        from graph.rollout import most_implemented, province_coverage, rollout_rows

        G = self.graph()
        nodes = [self._node(c) for c in codes] if codes is not None else most_implemented(G, n, with_basis=with_basis)
        grid = {}
        for node in nodes:
            covered = province_coverage(rollout_rows(G, node, with_basis)).covered
            grid[G.nodes[node].get("label") or node] = {p: len(covered.get(p, [])) for p in today_provinces()}
        return pd.DataFrame(grid, index=pd.Index(today_provinces(), name="province"), dtype="int64")

    def search(self, query: str, limit: int = 20) -> pd.DataFrame:
        """The store's texts whose words contain ``query``'s words in a row, best first (``vanban search``).

        Columns: source, id, title, snippet, start, end (the hit in the original text),
        codes (cited near the hit), score (bm25, smaller is better). Only for ``open_store``.
        """
        from pipeline.store import search as full_text
        from pipeline.store.db import Store

        db = self.db_path
        if db is None:
            raise ValueError("search needs a store: use open_store(path)")
        with Store(db) as store:
            hits = full_text.search(store.db, query, limit=limit)
        return _frame([vars(h) for h in hits], SEARCH_COLUMNS)


def open_store(path: str | Path) -> Explorer:
    """An ``Explorer`` over every record of a store filled by ``vanban run``.

    Raises
    ------
    FileNotFoundError : no store at ``path`` (a store is never created here).

    Examples
    --------
    >>> ex = open_store("out/vanban.db")  # doctest: +SKIP
    >>> ex.documents().head()             # doctest: +SKIP
    """
    from pipeline.store.db import Store

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no vanban store at {path} (fill one with: vanban run PATH --db {path})")
    with Store(path) as store:
        return Explorer(list(store.records()), store.failures(), db_path=path)


def explore_paths(paths: str | Path | Iterable[str | Path], workers: int = 1) -> Explorer:
    """Run the pipeline on files and directories in memory (no store) and explore the records.

    Examples
    --------
    >>> ex = explore_paths("corpus")        # doctest: +SKIP
    >>> ex.relations()[["from_code", "type", "to_code"]]  # doctest: +SKIP
    """
    from pipeline.run.process import extract_paths

    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict[str, Any]] = []
    failures: list[Failure] = []
    for item in extract_paths(paths, workers=workers):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            records.append(item)
    return Explorer(records, failures)


def analyze_file(path: str | Path):
    """The full analysis of one file (``pipeline.run.process.Analysis``): its record and its spaCy ``Doc``.

    ``analysis.doc.text`` is the normalized text and ``analysis.doc.spans["vanban"]``
    its findings (CODE, DATE, PERSON, POST, ORG). A JSON Lines file holds many
    documents: use ``explore_paths`` for it.

    Raises
    ------
    pipeline.models.IngestError : the file cannot be read.
    ValueError : the file holds more or fewer than one document.

    Examples
    --------
    >>> analysis = analyze_file("corpus/tin-hoi-nghi-quy-hoach.txt")  # doctest: +SKIP
    >>> show_findings(analysis.doc)                                     # doctest: +SKIP
    """
    from pipeline.ingest import read_file
    from pipeline.models import RawDocument
    from pipeline.run.process import analyze

    items = list(read_file(Path(path)))
    raws = [item for item in items if isinstance(item, RawDocument)]
    if len(raws) != 1 or len(items) != 1:
        raise ValueError(f"{path}: holds {len(raws)} documents, not one (use explore_paths for it)")
    return analyze(raws[0])


def findings(doc) -> pd.DataFrame:
    """The labelled spans of a ``Doc`` (label, text, start, end; offsets into ``doc.text``), in text order."""
    from pipeline.nlp import SPAN_KEY

    spans = doc.spans.get(SPAN_KEY, [])
    rows = [{"label": s.label_, "text": s.text, "start": s.start_char, "end": s.end_char} for s in spans]
    frame = _frame(rows, ["label", "text", "start", "end"])
    return frame.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def show_findings(doc, jupyter: bool | None = None) -> str | None:
    """Render a ``Doc`` with its findings highlighted by displaCy, one colour per label.

    In a notebook the markup is displayed and None returned; elsewhere (or with
    ``jupyter=False``) the HTML is returned.
    """
    from spacy import displacy

    from pipeline.nlp import SPAN_KEY

    options = {"spans_key": SPAN_KEY, "colors": SPAN_COLORS}
    return displacy.render(doc, style="span", options=options, jupyter=jupyter)


def _context(record: dict) -> dict:
    return {"source": record.get("source"), "published": record.get("published")}


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with these columns in this order, also when there are no rows."""
    return pd.DataFrame(rows, columns=columns)
