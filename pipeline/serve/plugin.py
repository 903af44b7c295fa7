"""The Datasette plugin of ``vanban serve``: a document row's ``graph`` cell links to the graph page;
a page not found (404, and any other 4xx) is one line in the server's log, not a traceback.

Imported only by ``vanban serve`` (it needs Datasette).
"""

from __future__ import annotations

import sys
from urllib.parse import quote

from datasette import Response, hookimpl
from datasette.plugins import pm
from markupsafe import Markup, escape

PLUGIN_NAME = "vanban_links"
_MOUNT = {"path": "graph"}


def _graph_link(value: str) -> str:
    href = f"/{_MOUNT['path']}/graph.html?q={quote(str(value), safe='')}"
    return f'<a href="{_e(href)}" title="{_e(value)} on the citation graph">graph ↗</a>'


@hookimpl
def render_cell(value, column, table, database, datasette):
    """In document_index, the graph column opens graph.html searching for the document's code or title;
    in documents, the record is shown readable (see :func:`record_html`), not as raw JSON."""
    if table == "document_index" and column == "graph" and value:
        return Markup(_graph_link(value))
    if table == "documents" and column == "record" and value:
        return Markup(record_html(value, f"/{database}/relation_index"))
    return None


_SHOWN = 30  # items of a list shown on the page (the JSON link has them all)


def _e(value) -> str:
    """``value`` escaped for HTML, as a plain string (a Markup would escape what it is joined to)."""
    return str(escape(value))


def record_html(value: str, relations_url: str) -> str:
    """A stored record as HTML: what the text is (own code, type, issuer, date, subject), counts of its
    facts and, folded, its relations with their evidence and offsets, its citations (each with a link to
    the graph page) and people; every value escaped."""
    import json

    try:
        record = json.loads(value)
    except ValueError:
        return str(_e(value[:300]))
    own = record.get("self") or {}
    head = [record.get("kind") or "text"]
    head += [str(own[k]) for k in ("code", "doc_type_name", "issuer", "issued") if own.get(k)]
    counts = {name: len(record.get(name) or []) for name in ("citations", "relations", "people", "organizations")}
    parts = [
        "<div class='vanban-record'><p><b>" + _e(" · ".join(head)) + "</b>",
        f" — {_e(record.get('title') or '')}" if record.get("title") else "",
        " " + _graph_link(own["code"]) if own.get("code") else "",
        "<br>" + _e(", ".join(f"{n} {name}" for name, n in counts.items())),
        f"<br>subject: {_e(own['subject'])}" if own.get("subject") else "",
        "</p>",
    ]
    relations = record.get("relations") or []
    if relations:
        items = []
        for rel in relations[:_SHOWN]:
            ev = rel.get("evidence") or {}
            items.append(
                f"<li>{_e(rel.get('source') or '?')} <i>{_e(rel.get('type') or '')}</i> "
                f"{_e(rel.get('target') or '?')} ({float(rel.get('confidence') or 0):.2f}) "
                f"{_graph_link(rel.get('target') or '')}<br><q>{_e(ev.get('text') or '')}</q> "
                f"<small>[{_e(str(ev.get('start')))}:{_e(str(ev.get('end')))}] {_e(ev.get('rule') or '')}</small></li>"
            )
        more = f"<li>… {len(relations) - _SHOWN} more</li>" if len(relations) > _SHOWN else ""
        parts.append(
            f"<details><summary>relations ({len(relations)}), with their evidence "
            f"(<a href='{_e(relations_url)}?source={quote(str(record.get('source') or ''), safe='')}'>"
            f"in relation_index</a>)</summary><ul>{''.join(items)}{more}</ul></details>"
        )
    citations = [c for c in record.get("citations") or [] if c.get("code") or c.get("name")]
    if citations:
        items = [
            f"<li>{_e(c.get('code') or c.get('name'))} {_graph_link(c.get('code') or c.get('name'))} "
            f"<small>“{_e(' '.join(str(c.get('text') or '').split()))}” [{c.get('start')}:{c.get('end')}]</small></li>"
            for c in citations[:_SHOWN]
        ]
        more = f"<li>… {len(citations) - _SHOWN} more</li>" if len(citations) > _SHOWN else ""
        parts.append(
            f"<details><summary>citations ({len(citations)})</summary><ul>{''.join(items)}{more}</ul></details>"
        )
    people = record.get("people") or []
    if people:
        items = [
            f"<li>{_e(p.get('name') or '')}"
            + _e(
                "".join(
                    f"; {q.get('title') or ''} {q.get('organization') or ''}".rstrip() for q in p.get("posts") or []
                )
            )
            + "</li>"
            for p in people[:_SHOWN]
        ]
        parts.append(f"<details><summary>people ({len(people)})</summary><ul>{''.join(items)}</ul></details>")
    parts.append("</div>")
    return "".join(parts)


@hookimpl
def prepare_connection(conn):
    """The SQL functions of the canned queries (codes and names compared as `vanban query` does)."""
    from pipeline.serve.datasette import add_sql_functions

    add_sql_functions(conn)


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """A 4xx (a table or row that is not there, a bad parameter): one line on stderr and Datasette's
    own error page; anything else is left to Datasette (a 500 keeps its traceback)."""
    from datasette.utils.asgi import Base400

    if not isinstance(exception, Base400):
        return None

    async def respond():
        status = exception.status
        message = str(exception.args[0]) if exception.args else type(exception).__name__
        print(f"vanban serve: {status} {request.path}: {message}", file=sys.stderr)
        info = {"ok": False, "error": message, "status": status, "title": None}
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        page = await template.render_async(
            dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=lambda: [])
        )
        return Response.html(page, status=status)

    return respond


def register(mount: str) -> None:
    """Register the plugin once (Datasette runs in this process)."""
    _MOUNT["path"] = mount
    # Datasette's own exception handler runs too (every handler is called) and prints a rich
    # traceback with locals for any error, a 404 included; without rich it prints a plain
    # traceback for real errors (500) only, and handle_exception above logs the 4xx in one line.
    import datasette.handle_exception as default_handler

    default_handler.rich = None
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
