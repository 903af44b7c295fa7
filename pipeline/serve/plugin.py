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


@hookimpl
def render_cell(value, column, table):
    """In document_index, the graph column opens graph.html searching for the document's code or title."""
    if table != "document_index" or column != "graph" or not value:
        return None
    href = f"/{_MOUNT['path']}/graph.html?q={quote(str(value), safe='')}"
    return Markup(f'<a href="{escape(href)}" title="{escape(value)} on the citation graph">graph ↗</a>')


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
