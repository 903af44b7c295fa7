"""The Datasette plugin of ``vanban serve``: a document row's ``graph`` cell links to the graph page.

Imported only by ``vanban serve`` (it needs Datasette).
"""

from __future__ import annotations

import sys
from urllib.parse import quote

from datasette import hookimpl
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


def register(mount: str) -> None:
    """Register the plugin once (Datasette runs in this process)."""
    _MOUNT["path"] = mount
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
