"""The ``vanban`` command: a thin shell over the library.

Exit status: 0 when every document was read and processed, 1 when at least one
failed (each failure is one line on stderr naming the file and the reason) or when
nothing at all was found to read, 2 for usage errors and a store that cannot be
opened or stays busy, 130 when interrupted with Ctrl-C, 143 when stopped with
SIGTERM and 129 with SIGHUP (each after a one-line summary of what was done). Files that
vanban does not read, met while walking a folder, are listed as skipped (one
line each) and do not change the exit status.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import click

from pipeline.cli.lazy_group import LazyGroup
from pipeline.cli.serve import serve as serve_command
from pipeline.cli.show import show as show_command
from pipeline.cli.stories import stories as stories_command
from pipeline.models import Failure, Ignored, RunSummary
from pipeline.store.tables import export as export_group

BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _workers_option(f):
    return click.option(
        "--workers",
        "-w",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Process documents in a pool of N processes (output order stays the same).",
    )(f)


def _parse_memory(_ctx, _param, value: str | None) -> float | None:
    from pipeline.run.memory import parse_size_mb

    if value is None:
        return None
    try:
        return parse_size_mb(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def _memory_option(f):
    return click.option(
        "--max-memory",
        "max_memory",
        metavar="SIZE",
        callback=_parse_memory,
        help="Memory cap of each worker (2G, 1500M; 0: none); a document past it fails alone. "
        "Default: half the machine's memory shared among the workers (VANBAN_MAX_MEMORY_MB).",
    )(f)


def _limits(max_memory: float | None):
    """The limits of the environment, with --max-memory when given."""
    from dataclasses import replace

    from pipeline.models import Limits

    limits = Limits.from_env()
    return limits if max_memory is None else replace(limits, max_memory_mb=max_memory)


def _nothing_found(paths: tuple[Path, ...]) -> NoReturn:
    """Nothing at all was read: one line per input named, exit 1."""
    from pipeline.models import one_line, source_name

    for path in paths:
        shown = source_name(path) + ("/" if path.is_dir() and not str(path).endswith("/") else "")
        click.echo(f"vanban: error: no documents found in {one_line(shown)}", err=True)
    sys.exit(1)


def _paths_argument(f):
    # required, but checked by _dask_target: a bare `--dask PATH` takes the path as its value
    return click.argument("paths", nargs=-1, required=False, type=click.Path(path_type=Path))(f)


def _dask_options(f):
    f = click.option(
        "--parts-format",
        type=click.Choice(["jsonl", "parquet"]),
        default="jsonl",
        show_default=True,
        help="With --dask: the format of the partitioned results.",
    )(f)
    f = click.option(
        "--parts",
        type=click.Path(path_type=Path, file_okay=False),
        help="With --dask: keep the partitioned results in this folder (default: a temporary one).",
    )(f)
    return click.option(
        "--dask",
        "dask_address",
        is_flag=False,
        flag_value="local",
        default=None,
        metavar="[ADDRESS]",
        help="Run on a Dask cluster (tcp://host:8786), or on a local one "
        "when no address is given (needs vanban[dask]).",
    )(f)


def _dask_target(address: str | None, paths: tuple[Path, ...]) -> tuple[str | None, tuple[Path, ...]]:
    """`--dask corpus/` reads as a path after a bare --dask, not as an address."""
    if address and address != "local" and "://" not in address and Path(address).exists():
        address, paths = "local", (Path(address), *paths)
    if not paths:
        raise click.UsageError("Missing argument 'PATHS...'.")
    return address, paths


def _dask_items(paths, address, parts, parts_format, tokens, known_ids=(), max_memory: float | None = None):
    """Records, Failures and Skipped counts (ints) from Dask, in input order."""
    from pipeline.run.dask_run import run_partitions

    try:
        yield from run_partitions(
            paths,
            address=address,
            out_dir=parts,
            tokens=tokens,
            part_format=parts_format,
            known_ids=known_ids,
            max_memory_mb=max_memory,
        )
    except ImportError as err:
        raise click.ClickException(str(err)) from err


INTERRUPTED = 130  # the shell's convention for a command stopped by SIGINT (143 for SIGTERM, 129 for SIGHUP)


def _stoppable(command):
    """Run ``command`` with SIGTERM and SIGHUP stopping it as Ctrl-C does (pipeline/run/stopping.py)."""
    import functools

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from pipeline.run.stopping import stop_on_signals

        with stop_on_signals():
            return command(*args, **kwargs)

    return wrapper


def _report_failure(failure: Failure) -> None:
    click.echo(f"vanban: error: {failure.line()}", err=True)


def _report_ignored(item: Ignored) -> None:
    click.echo(f"vanban: skipped: {item.line()}", err=True)


def _store_error(db: Path, err: Exception) -> NoReturn:
    """One line for a store that cannot be used (busy past the timeout, not a database, read-only), exit 2."""
    from pipeline.models import one_line
    from pipeline.store.db import is_busy

    if is_busy(err):
        reason = "busy: another process kept it locked past the wait (another 'vanban run'?); try again later"
    else:
        reason = f"cannot be used ({type(err).__name__}: {err})"
    click.echo(f"vanban: error: store {one_line(str(db))}: {reason}", err=True)
    sys.exit(2)


def _progress(iterable, enabled: bool, desc: str, total: int | None = None):
    """A progress bar on stderr; with ``total`` it shows the count to go and an ETA."""
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, unit="doc", file=sys.stderr, leave=False, total=total)


# Commands that import networkx and the graph: loaded when run, not for `vanban --help`.
LAZY_COMMANDS = {
    "query": ("pipeline.cli.graph:query", "Ask the citation graph: what a document is, what implements it, ..."),
    "graph": ("pipeline.cli.graph:graph", "Export the citation graph for Gephi, Neo4j, notebooks or a browser."),
    "search": (
        "pipeline.cli.search:search",
        "Texts whose words contain QUERY's words in a row: snippet and nearby codes.",
    ),
}


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban")
def cli() -> None:
    """vanban: codes, citations, dates, people and a citation graph from Vietnamese party documents."""


@cli.command()
@_paths_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the JSON Lines here instead of stdout (a directory for --format csv|parquet).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the records; csv, parquet: one table per kind of fact (as vanban export tables).",
)
@click.option("--with-text", is_flag=True, help="Add the decoded text the offsets index (field 'text').")
@_workers_option
@click.option("--tokens", is_flag=True, help="Add each text's words (underthesea's segmentation) under \"tokens\".")
@_memory_option
@_dask_options
@_stoppable
def extract(
    paths: tuple[Path, ...],
    output: Path | None,
    fmt: str,
    with_text: bool,
    workers: int,
    tokens: bool,
    max_memory: float | None,
    dask_address: str | None,
    parts: Path | None,
    parts_format: str,
) -> None:
    """Print one JSON record per document (JSON Lines; fields in the README's "What comes out: the record").

    Example: vanban extract corpus/ -o out/corpus.jsonl
    """
    from pipeline.models import one_line
    from pipeline.run.process import extract_all
    from pipeline.run.stopping import deferred, rest_of, stopped

    dask_address, paths = _dask_target(dask_address, paths)
    if fmt != "jsonl":
        from pipeline.store.tables import write_tables

        if output is None:
            raise click.UsageError(f"--format {fmt} writes one file per table: give a directory with -o")
    failed = written = skipped = 0
    records: list[dict] = []
    try:
        if output and fmt == "jsonl":
            output.parent.mkdir(parents=True, exist_ok=True)
        # a line at a time: every finished record is on disk whatever stops us, SIGKILL included
        stream = output.open("w", encoding="utf-8", buffering=1) if output and fmt == "jsonl" else sys.stdout
    except OSError as err:
        click.echo(f"vanban: error: cannot write {one_line(str(output))} ({err.strerror or err})", err=True)
        sys.exit(2)
    limits = _limits(max_memory)
    try:
        items = (
            _dask_items(paths, dask_address, parts, parts_format, tokens, max_memory=max_memory)
            if dask_address
            else extract_all(paths, workers=workers, tokens=tokens, limits=limits)
        )

        def take(item) -> None:
            nonlocal failed, skipped, written
            if isinstance(item, int):  # documents Dask skipped (none for extract)
                return
            if isinstance(item, Failure):
                failed += 1
                _report_failure(item)
            elif isinstance(item, Ignored):
                skipped += 1
                _report_ignored(item)
            else:
                text = item.pop("text", None)
                if with_text:
                    item["text"] = text
                if fmt != "jsonl":
                    records.append(item)
                    return
                line = json.dumps(item, ensure_ascii=False) + "\n"
                with deferred():  # written and counted, or neither
                    stream.write(line)
                    written += 1

        pending, taken = None, 0  # the item in hand when a stop comes, and how many were taken before it
        for item in items:
            pending, taken = item, written + failed + skipped + len(records)
            take(item)
            pending = None
    except KeyboardInterrupt as err:  # Ctrl-C, SIGTERM, SIGHUP: what is finished is written
        stop = stopped(err)
        if pending is not None and written + failed + skipped + len(records) == taken:
            take(pending)  # stopped while writing it: it is finished, so it is written
        for item in rest_of(items, stop):
            take(item)
        stream.flush()
        click.echo(
            f"vanban: interrupted ({stop.name}): {written} records written, {failed} failed, {skipped} skipped",
            err=True,
        )
        sys.exit(stop.status)
    except BrokenPipeError:  # `vanban extract ... | head`: the reader has gone, which is no error
        sys.stderr.close()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if fmt != "jsonl" and output is not None:  # checked above: a table format always has a directory
        from pipeline.api import Explorer
        from pipeline.store.tables import format_written

        texts = {r["source"]: r.pop("text") for r in records if "text" in r} if with_text else None
        click.echo(format_written(write_tables(Explorer(records), output, fmt, texts)), err=True)
    if not (written or failed or records):
        _nothing_found(paths)
    sys.exit(1 if failed else 0)


@cli.command()
@_paths_argument
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default="vanban.db",
    show_default=True,
    help="SQLite store to add the documents to.",
)
@_workers_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option(
    "--prune",
    is_flag=True,
    help="Remove from the store the documents under PATHS that no longer exist (deleted files, lines).",
)
@click.option(
    "--index/--no-index",
    default=True,
    show_default=True,
    help="Segment the texts into words for `vanban search` and the keywords.",
)
@_memory_option
@_dask_options
@_stoppable
def run(
    paths: tuple[Path, ...],
    db: Path,
    workers: int,
    progress: bool | None,
    prune: bool,
    index: bool,
    max_memory: float | None,
    dask_address: str | None,
    parts: Path | None,
    parts_format: str,
) -> None:
    """Process documents into a store, skipping content already stored; print a summary.

    Example: vanban run corpus/ --db out/vanban.db --prune
    """
    import sqlite3

    from pipeline.models import source_name
    from pipeline.run.process import iter_documents, process_with_origins
    from pipeline.run.stopping import Stopped, rest_of, stopped
    from pipeline.store.db import Store

    dask_address, paths = _dask_target(dask_address, paths)
    if dask_address and prune:
        raise click.UsageError("--prune does not go with --dask (run --prune without --dask)")
    if not any(path.exists() for path in paths):  # nothing to read: say so, and create no store
        for path in paths:
            _report_failure(Failure(source=str(path), reason="no such file or directory"))
        sys.exit(1)
    summary = RunSummary()
    show = sys.stderr.isatty() if progress is None else progress
    seen: set[str] = set()
    story_line = ""
    limits = _limits(max_memory)
    stop: Stopped | None = None
    try:
        store = Store(db)
    except sqlite3.Error as err:
        _store_error(db, err)
    try:
        with store:
            from pipeline.run.stories import group_stories, signed

            items: Iterable[tuple[str | None, object]]
            if dask_address:
                dask_items = _dask_items(
                    paths, dask_address, parts, parts_format, index, store.stored_keys(), max_memory=max_memory
                )
                items = ((None, item) for item in signed(dask_items, store.db))
            else:
                items = process_with_origins(
                    signed(iter_documents(paths, is_stored=store.is_stored, limits=limits), store.db),
                    workers=workers,
                    limits=limits,
                    tokens=index,
                )
            total = None
            if show and not dask_address:  # Dask's items are batches: no per-document total
                from pipeline.run.total import expected_documents

                total = expected_documents(paths)
            pending = None  # the item in hand when a stop comes
            try:
                for origin, item in _progress(items, show, "vanban run", total):
                    if isinstance(item, int):  # documents Dask skipped as already stored
                        summary.seen += item
                        summary.unchanged += item
                        continue
                    pending = (origin, item)
                    _store_item(store, summary, origin, item, seen)
                    pending = None
            except KeyboardInterrupt as err:  # Ctrl-C, SIGTERM, SIGHUP: what is stored stays
                stop = stopped(err)
                if (
                    pending is not None
                    and isinstance(pending[1], dict)
                    and not store.is_stored(pending[1]["source"], pending[1]["id"])
                ):
                    _store_item(store, summary, *pending, seen)  # stopped while storing it (rolled back)
                for origin, item in rest_of(items, stop):  # and what is finished is stored too
                    if not isinstance(item, int):
                        _store_item(store, summary, origin, item, seen)
            try:
                if summary.new or summary.replaced:
                    from pipeline.store.search import refresh_keywords

                    refresh_keywords(store.db)
                if prune and stop is None:
                    summary.pruned = len(store.prune([source_name(p) for p in paths], seen))
                story_line = group_stories(store.db).line()
            except KeyboardInterrupt as err:  # stopped after the documents: they are stored
                stop = stop or stopped(err)
    except sqlite3.Error as err:
        click.echo(format_summary(summary, db))
        _store_error(db, err)
    summary.interrupted = stop is not None
    click.echo(format_summary(summary, db))
    if story_line:
        click.echo(story_line)
    if stop is not None:
        click.echo(f"vanban: interrupted ({stop.name}): the documents above are stored; run again to go on", err=True)
        sys.exit(stop.status)
    if not summary.seen:
        _nothing_found(paths)
    sys.exit(1 if summary.failed else 0)


def _store_item(store, summary: RunSummary, origin: str | None, item, seen: set[str]) -> None:
    """Count one item of a run and write it to the store."""
    from pipeline.models import Skipped
    from pipeline.run.stopping import deferred

    if isinstance(item, Ignored):
        summary.skipped += 1
        _report_ignored(item)
        return
    if isinstance(item, Skipped):
        summary.unchanged += 1
        seen.add(item.source)
    elif isinstance(item, Failure):
        store.put_failure(item)
        summary.failed += 1
        summary.failures.append(item)
        seen.add(item.source)
        _report_failure(item)
    else:
        with deferred():  # stored and counted, or neither
            outcome = store.put(item, origin=origin)
            summary.new += outcome == "new"
            summary.replaced += outcome == "replaced"
            summary.add_facts(item)
            seen.add(item["source"])
            summary.seen += 1
        return
    summary.seen += 1


def format_summary(summary: RunSummary, db: Path) -> str:
    facts = ", ".join(f"{n} {k}" for k, n in summary.facts.items()) or "none (nothing new processed)"
    lines = [
        f"documents seen: {summary.seen}  new: {summary.new}  replaced: {summary.replaced}  "
        f"unchanged: {summary.unchanged}  failed: {summary.failed}  skipped: {summary.skipped}",
        f"facts found in processed documents: {facts}",
        f"store: {db}",
    ]
    if summary.pruned:
        lines.insert(1, f"pruned: {summary.pruned} document(s) whose source no longer exists")
    return "\n".join(lines)


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, exists=True), default="vanban.db", show_default=True)
@click.option(
    "-n",
    "top",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="How many documents, codes and rows per table.",
)
def report(db: Path, top: int) -> None:
    """A readable summary of what a store holds: documents, most-cited codes, relations, people.

    Example: vanban report --db out/vanban.db
    """
    import sqlite3

    from pipeline.store.db import Store
    from pipeline.store.search import all_keywords

    try:
        with Store(db) as store:
            records = list(store.records())
            failures = store.failures()
            keywords = all_keywords(store.db)
    except sqlite3.Error as err:
        _store_error(db, err)
    click.echo(format_findings(records, failures, top, keywords))


def format_findings(
    records: list[dict], failures: list[Failure], top: int = 10, keywords: dict[str, list[str]] | None = None
) -> str:
    kinds = Counter(r["kind"] for r in records)
    lines = [
        f"{len(records)} documents ({', '.join(f'{n} {k}' for k, n in kinds.most_common())})"
        + (f", {len(failures)} failed" if failures else "")
    ]
    for r in records[:top]:
        ident = r.get("self") or {}
        label = ident.get("code") or r.get("title") or ""
        lines.append(f"  {Path(r['source']).name:<40} {r['kind']:<9} {r.get('published') or '-':<10}  {label[:60]}")
        if keywords and keywords.get(r["source"]):
            lines.append(f"  {'':<40} keywords: {', '.join(keywords[r['source']][:6])}")
    if len(records) > top:
        lines.append(f"  ... {len(records) - top} more (-n {len(records)} lists them all)")
    cited = Counter(c["code"] for r in records for c in r["citations"] if c.get("code"))
    if cited:
        lines.append("\nmost cited documents (mentions across all texts):")
        lines += [f"  {n:3d}  {code}" for code, n in cited.most_common(top)]
    lines += _relation_lines(records, cited, top * 3)
    lines += _people_lines(records, top * 2)
    for failure in failures:
        lines.append(f"failed: {failure.line()}")
    return "\n".join(lines)


def _relation_lines(records: list[dict], cited: Counter, limit: int) -> list[str]:
    """Relations by importance: how many texts give them, how cited their target is, how sure."""
    texts: dict[tuple, set[str]] = {}
    confidence: dict[tuple, float] = {}
    for r in records:
        for rel in r.get("relations") or []:
            key = (rel["source"], rel["type"], rel["target"])
            texts.setdefault(key, set()).add(r["source"])
            confidence[key] = max(confidence.get(key, 0.0), float(rel.get("confidence") or 0.0))
    if not texts:
        return []
    ranked = sorted(texts, key=lambda k: (-len(texts[k]), -cited.get(k[2], 0), -confidence[k], k))
    lines = ["\nrelations between documents (most texts first, then the most cited targets, then the surest):"]
    lines += [
        f"  {s} --{t}--> {o}   ({len(texts[(s, t, o)])} texts, confidence {confidence[(s, t, o)]:.2f})"
        for s, t, o in ranked[:limit]
    ]
    if len(ranked) > limit:
        lines.append(f"  ... {len(ranked) - limit} more (vanban query doc CODE gives a document's relations)")
    return lines


def _people_lines(records: list[dict], limit: int) -> list[str]:
    """People by how much the texts say of them (texts naming them, then posts), each post once."""
    texts: dict[str, set[str]] = {}
    posts: dict[str, dict[str, str]] = {}
    for r in records:
        for p in r.get("people") or []:
            texts.setdefault(p["name"], set()).add(r["source"])
            for x in p.get("posts") or []:
                post = f"{x.get('title') or ''} {x.get('organization') or ''}".strip()
                posts.setdefault(p["name"], {}).setdefault(" ".join(post.lower().split()), post)
    if not texts:
        return []
    ranked = sorted(texts, key=lambda n: (-len(texts[n]), -len(posts.get(n, {})), n))
    lines = ["\npeople and posts (most mentioned first: texts naming them):"]
    lines += [
        f"  {name} ({len(texts[name])} texts): {'; '.join(posts.get(name, {}).values()) or '-'}"
        for name in ranked[:limit]
    ]
    return lines


def _parse_floors(_ctx, _param, values: tuple[str, ...]) -> dict[str, float]:
    from pipeline.evaluate.scores import parse_floor

    try:
        return dict(parse_floor(v) for v in values)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@cli.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    required=True,
    help="Directory of texts with gold X.json files beside them.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--misses", is_flag=True, help="List what was missed or extra, per file and category.")
@click.option(
    "--min-f1",
    "floors",
    multiple=True,
    metavar="CATEGORY=F1",
    callback=_parse_floors,
    help="Exit 1 when CATEGORY's F1 is below this floor (repeatable): --min-f1 codes=0.9.",
)
@click.option(
    "--split",
    type=click.Choice(["tune", "held"]),
    default=None,
    help="Score only one half of the set: tune = even positions in name order, held = odd (dev3-held).",
)
@_workers_option
def eval_command(
    gold_dir: Path, as_json: bool, misses: bool, floors: dict[str, float], split: str | None, workers: int
) -> None:
    """Score the pipeline against gold annotations (precision / recall / F1 per category, GOLD.md).

    With --min-f1 it gates a corpus: exit 1, with one line per category below its floor.

    Example: vanban eval --gold ../shared/corpus/dev --misses --min-f1 codes=0.9 --min-f1 relations=0.7
    """
    from pipeline.evaluate.scores import below_floors, evaluate, format_report

    result = evaluate(gold_dir, workers=workers, split=split)
    if as_json:
        payload = result.as_dict()
        if not misses:
            payload.pop("misses")
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result, show_misses=misses))
    failing = below_floors(result, floors)
    for line in failing:
        click.echo(f"vanban: below floor: {line}", err=True)
    sys.exit(1 if failing else 0)


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path, exists=True))
@click.option("-n", "--limit", type=int, default=200, show_default=True, help="Documents to use (0 = all).")
@click.option(
    "--whole-process/--in-process-only",
    default=True,
    show_default=True,
    help="Also time each command as a whole process (start-up included) with its peak memory.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--progress/--no-progress", default=None, help="Progress on stderr (default: when stderr is a terminal).")
def bench(path: Path | None, limit: int, whole_process: bool, as_json: bool, progress: bool | None) -> None:
    """Throughput of extract, extract --tokens and run ÷ underthesea's tokenizer alone; peak memory.

    A ratio above 1 means vanban is faster than the tokenizer alone on the same lines.
    Default corpus: the first 200 documents of ../shared/corpus/bench/ when present,
    else the bundled corpus/ (and the output says so).

    Example: vanban bench -n 200
    """
    from pipeline.evaluate.bench import bench_steps, format_bench, run_bench

    show = sys.stderr.isatty() if progress is None else progress
    if show:
        from tqdm import tqdm

        steps = tqdm(total=len(bench_steps(whole_process)), unit="step", file=sys.stderr, leave=False)

        def on_step(name: str) -> None:
            if steps.desc:  # the step before is done
                steps.update()
            steps.set_description(f"vanban bench: {name}")

        try:
            result = run_bench(path, limit, whole_process=whole_process, on_step=on_step)
        finally:
            steps.close()
    else:
        result = run_bench(path, limit, whole_process=whole_process)
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else format_bench(result))


cli.add_command(export_group)
cli.add_command(show_command)
cli.add_command(serve_command)
cli.add_command(stories_command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
