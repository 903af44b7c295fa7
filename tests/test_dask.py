"""--dask: the same records as a local run on a two-worker LocalCluster, partitions retried after a worker dies."""

import json
import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed", reason="needs the extra: pip install 'vanban[dask]'")

from click.testing import CliRunner  # noqa: E402

from pipeline.cli.commands import cli  # noqa: E402
from pipeline.models import Failure  # noqa: E402
from pipeline.run.dask_run import plan_partitions, process_partition, read_partition, run_partitions  # noqa: E402
from pipeline.run.process import extract_paths, iter_documents  # noqa: E402
from pipeline.store.db import Store  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture
def dump(tmp_path):
    """A JSON Lines dump of the bundled texts, with a blank line and a bad line among them."""
    path = tmp_path / "dump.jsonl"
    texts = [p for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))]
    rows = [
        json.dumps({"id": f"{copy}-{p.name}", "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
        for copy in range(2)
        for p in texts
    ]
    rows[1:1] = ["", "{not json"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _local(paths):
    """A local run's items, records as JSON gives them (as `vanban extract` prints them)."""
    return [
        json.loads(json.dumps(item, ensure_ascii=False))
        if isinstance(item, dict)
        else ("failure", item.source, item.reason)
        for item in extract_paths(paths)
    ]


def _distributed(paths, **kwargs):
    out = []
    for item in run_partitions(paths, **kwargs):
        if isinstance(item, Failure):
            out.append(("failure", item.source, item.reason))
        elif isinstance(item, dict):
            out.append(item)
    return out


def _records(items):
    return [i for i in items if isinstance(i, dict)]


def test_shards_read_the_same_documents_as_the_whole_file(dump):
    parts = plan_partitions([dump], docs=2)
    assert len(parts) > 3 and all(p.is_shard for p in parts)
    sharded = [item for part in parts for item in read_partition(part)]
    assert sharded == list(iter_documents([dump]))


@pytest.mark.parametrize("docs_per_partition", [1, 3])
def test_the_same_records_as_a_local_run(client, dump, docs_per_partition):
    paths = [CORPUS, dump]
    local = _local(paths)
    distributed = _distributed(paths, client=client, docs_per_partition=docs_per_partition)
    assert len(_records(local)) >= 10
    assert _records(distributed) == _records(local)
    assert sorted(i for i in distributed if isinstance(i, tuple)) == sorted(i for i in local if isinstance(i, tuple))


def test_parquet_parts(client, tmp_path):
    out = tmp_path / "parts"
    records = _distributed([CORPUS], client=client, out_dir=out, part_format="parquet", docs_per_partition=2)
    assert records == _records(_local([CORPUS]))
    assert len(list(out.glob("part-*.parquet"))) == 3


def test_a_killed_workers_partition_is_run_again(client, tmp_path):
    marker = tmp_path / "died-once"

    def dies_once(part, *args):
        if part.index == 1 and not marker.exists():
            marker.write_text("x")
            os._exit(1)  # the worker process dies in the middle of the partition
        return process_partition(part, *args)

    records = _distributed([CORPUS], client=client, docs_per_partition=2, work=dies_once)
    assert marker.exists()
    assert records == _records(_local([CORPUS]))


def test_run_dask_twice_stores_each_text_once(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus", ignore=shutil.ignore_patterns("*.html", "*.pdf", "*.docx"))
    db = tmp_path / "v.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["run", str(tmp_path / "corpus"), "--db", str(db), "--dask"], catch_exceptions=False)
    second = runner.invoke(cli, ["run", "--dask", str(tmp_path / "corpus"), "--db", str(db)], catch_exceptions=False)
    assert first.exit_code == 0 and "new: 3" in first.stdout, first.output
    assert second.exit_code == 0 and "unchanged: 3" in second.stdout, second.output
    with Store(db) as store:
        assert store.count() == 3
        assert store.db.execute("SELECT count(*) FROM text_words").fetchone()[0] == 3


@pytest.mark.shared
def test_a_bench_sample_gives_the_same_records(client, shared_dir, tmp_path):
    sample = tmp_path / "sample.jsonl"
    with (shared_dir / "corpus" / "bench" / "tai_lieu_noi_bo-3000.jsonl").open("rb") as src:
        sample.write_bytes(b"".join(line for _, line in zip(range(12), src)))
    assert _distributed([sample], client=client, docs_per_partition=5) == _records(_local([sample]))


def test_run_dask_signs_the_same_stories_as_a_local_run(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus", ignore=shutil.ignore_patterns("*.html", "*.pdf", "*.docx"))
    runner = CliRunner()
    signatures = {}
    for name, extra in (("local", []), ("dask", ["--dask"])):
        db = tmp_path / f"{name}.db"
        result = runner.invoke(cli, ["run", str(tmp_path / "corpus"), "--db", str(db), *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "stories: 3 texts" in result.stdout, result.output
        with Store(db) as store:
            signatures[name] = dict(store.db.execute("SELECT text_id, signature FROM stories"))
    assert len(signatures["dask"]) == 3 and signatures["dask"] == signatures["local"]
