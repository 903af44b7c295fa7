"""``vanban show SOURCE``: a stored document's text, its findings marked in the terminal.

The text printed is the decoded text the record's offsets index (kept compressed by the
store), so ``text[start:end]`` of any record can be checked by eye. ``--highlight``
colours every finding (codes, dates, people, posts, organizations); where findings
nest, the innermost one shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

from pipeline.cli.options import require_store

#: label -> terminal colour; the same labels as the spaCy span group and displaCy.
LABEL_STYLES = {
    "CODE": {"fg": "black", "bg": "yellow"},
    "DATE": {"fg": "black", "bg": "cyan"},
    "PERSON": {"fg": "black", "bg": "green"},
    "POST": {"fg": "black", "bg": "bright_yellow"},
    "ORG": {"fg": "black", "bg": "magenta"},
}


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    label: str


def findings_of(record: dict) -> list[Marked]:
    """Every span of a record (original offsets) with its label."""
    spans = [Marked(c["start"], c["end"], "CODE") for c in record.get("citations") or []]
    spans += [Marked(d["start"], d["end"], "DATE") for d in record.get("dates") or []]
    for person in record.get("people") or []:
        spans += [Marked(m["start"], m["end"], "PERSON") for m in person.get("mentions") or []]
        spans += [Marked(p["start"], p["end"], "POST") for p in person.get("posts") or [] if "start" in p]
    spans += [Marked(o["start"], o["end"], "ORG") for o in record.get("organizations") or []]
    return [s for s in spans if s.start is not None and s.end is not None and s.start < s.end]


def highlight(text: str, spans: list[Marked], style=click.style) -> str:
    """``text`` with each character styled by the innermost (shortest) finding covering it."""
    owner: list[str | None] = [None] * len(text)
    for span in sorted(spans, key=lambda s: s.end - s.start, reverse=True):  # shortest last: innermost wins
        for i in range(max(0, span.start), min(len(text), span.end)):
            owner[i] = span.label
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or owner[i] != owner[start]:
            chunk = text[start:i]
            label = owner[start]
            pieces.append(style(chunk, **LABEL_STYLES[label]) if label else chunk)
            start = i
    return "".join(pieces)


def legend(style=click.style) -> str:
    return "  ".join(style(f" {label} ", **s) for label, s in LABEL_STYLES.items())


def find_stored(db, wanted: str) -> tuple[dict, str | None]:
    """The record and text of the document whose source is ``wanted`` (or ends with it, or whose id starts with it)."""
    from pipeline.store.texts import get_text

    rows = db.execute("SELECT source, id, record FROM documents WHERE status = 'ok' ORDER BY source").fetchall()
    exact = [r for r in rows if r[0] == wanted]
    matches = exact or [
        r
        for r in rows
        if r[0].endswith("/" + wanted) or Path(r[0]).name == wanted or (len(wanted) >= 8 and r[1].startswith(wanted))
    ]
    matches = matches or [r for r in rows if Path(r[0]).name.startswith(wanted)]
    if not matches:
        raise click.ClickException(f"{wanted}: no such document in the store (vanban report lists them)")
    if len(matches) > 1:
        names = ", ".join(r[0] for r in matches[:5])
        raise click.ClickException(f"{wanted}: {len(matches)} documents match ({names}); give the full source")
    source, doc_id, record = matches[0]
    return json.loads(record), get_text(db, doc_id)


@click.command("show")
@click.argument("source")
@click.option("--db", type=click.Path(path_type=Path), default="vanban.db", show_default=True)
@click.option(
    "--highlight", "marked", is_flag=True, help="Colour the findings (codes, dates, people, posts, organizations)."
)
def show(source: str, db: Path, marked: bool) -> None:
    """Print a stored document's decoded text: the text its record's offsets index.

    SOURCE is the path as stored (vanban report lists them), its file name or the start of it,
    or an id prefix (8 characters or more).

    Example: vanban show tin-hoi-nghi-quy-hoach.txt --db out/vanban.db --highlight
    """
    from pipeline.store.db import Store

    require_store(db)
    with Store(db) as store:
        record, text = find_stored(store.db, source)
    if text is None:
        raise click.ClickException(
            f"{record['source']}: the store holds no text for it (stored by an older "
            "vanban; run vanban run on it into a new store)"
        )
    if marked:
        click.echo(legend(), color=True)
        click.echo(highlight(text, findings_of(record)), color=True)
    else:
        click.echo(text)
