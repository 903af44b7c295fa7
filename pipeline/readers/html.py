"""HTML: main text and metadata through trafilatura, so site furniture never reaches extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.models import IngestError


@dataclass(frozen=True)
class HtmlContent:
    text: str
    title: str | None
    published: str | None
    site: str | None


# <meta charset="windows-1258"> or <meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (its <meta> tag), if any."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(markup: str) -> HtmlContent:
    """Extract the article body (no menus, "Tin khác", comments) and its title, date and site."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its "discarding data" notes are not errors
    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,  # True would drop text seen in earlier documents of the same process
    )
    if not text or not text.strip():
        raise IngestError("no main text found in the HTML page")
    meta = trafilatura.extract_metadata(markup)
    title = published = site = None
    if meta is not None:
        title = meta.title or None
        published = meta.date or None
        site = meta.sitename or meta.hostname or None
    return HtmlContent(text=text, title=title, published=published, site=site)
