"""The graph page at volume: labels drawn, overlapping label boxes, time to open, in headless Chromium.

For synthetic stores of 300 and 3,000 texts (the generator of tests/test_graph_html.py) and,
with ``--db``, a real store, the script writes the overview and the focus of the most cited
document, opens each in headless Chromium as it opens and after a search for that document
(what Datasette's "graph ↗" link does: the page zooms to it), and prints one line per page:
layout, nodes shown and drawn (a grouped overview draws one node per type), labels drawn,
pairs of label boxes that overlap (counted here from the boxes the page reports), open time.

Usage::

    .venv/bin/python benchmarks/bench_graph_page.py [--texts 300 3000] [--db STORE] [--out DIR]

A benchmark, not a test: it prints figures and asserts nothing. PNG screenshots are left in --out.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph.build import build_graph  # noqa: E402
from graph.html import write_html  # noqa: E402
from tests.browser import CHROMIUM_FLAGS  # noqa: E402
from tests.test_graph_html import synthetic_records  # noqa: E402

STATE_RE = re.compile(r'<pre id="page-state"[^>]*>(.*?)</pre>', re.S)


def overlapping(boxes: list[list]) -> int:
    """Pairs of boxes ``[id, x, y, w, h]`` that overlap."""
    count = 0
    for i, (_a, ax, ay, aw, ah) in enumerate(boxes):
        for _b, bx, by, bw, bh in boxes[i + 1 :]:
            count += ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah
    return count


def open_page(chromium: str, page: Path, profile: Path, query: str | None, png: Path | None) -> dict:
    url = page.resolve().as_uri() + ("?" + urllib.parse.urlencode({"q": query}) if query else "")
    base = [chromium, *CHROMIUM_FLAGS, "--window-size=1400,900", f"--user-data-dir={profile}"]
    out = subprocess.run([*base, "--dump-dom", url], capture_output=True, text=True, timeout=180).stdout
    if png:
        subprocess.run([*base, f"--screenshot={png}", url], capture_output=True, timeout=180)
    match = STATE_RE.search(out)
    return json.loads(html.unescape(match.group(1))) if match else {}


def most_cited(G) -> str:
    node = max((n for n, d in G.nodes(data=True) if d.get("kind") == "document"), key=lambda n: G.nodes[n]["cited_by"])
    return G.nodes[node]["label"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, nargs="*", default=[300, 3000])
    parser.add_argument("--db", type=Path, help="a store to draw as well (vanban run ... --db FILE)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="vanban-page-bench-")))
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("headless Chromium not found: apt-get install chromium")
    graphs = [(f"synthetic-{n}", build_graph(synthetic_records(n))) for n in args.texts]
    if args.db:
        from pipeline.cli.graph import load_graph

        graphs.append((args.db.stem, load_graph(args.db)))
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{'page':44} {'layout':8} {'shown':>6} {'drawn':>6} {'labels':>6} {'overlap':>7} {'open ms':>8}")
    for name, G in graphs:
        hub = most_cited(G)
        for kind, focus in (("overview", None), ("focus", hub)):
            page = write_html(G, args.out / f"{name}-{kind}.html", focus=focus)
            for query in (None, hub):
                label = f"{name} {kind}" + (f" ?q={hub}" if query else "")
                png = args.out / (re.sub(r"\W+", "-", label) + ".png")
                state = open_page(chromium, page, args.out / "profile", query, png)
                if not state:
                    print(f"{label:44} the page did not finish")
                    continue
                print(
                    f"{label:44} {state['layout']:8} {len(state['shown_nodes']):6d} {state['drawn_nodes']:6d} "
                    f"{state['labels_drawn']:6d} {overlapping(state['label_boxes']):7d} {state['open_ms']:8d}"
                )
    print(f"pages and screenshots: {args.out}")


if __name__ == "__main__":
    main()
