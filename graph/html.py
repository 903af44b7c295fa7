"""The interactive HTML view of the citation graph (owned by the HTML-page work)."""
