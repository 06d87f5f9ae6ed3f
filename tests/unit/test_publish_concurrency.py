"""Publishing from two runs at once (an `envwh build` and a Dagster UI run): each publish holds
the publish lock and stages its own copy, so the published file is always one whole build."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import duckdb

from orchestration.publish import create_database, publish, publish_lock, remove_leftovers

ROUNDS = 5


def _work_file(path: Path, label: str, rows: int) -> Path:
    create_database(path)
    con = duckdb.connect(str(path))
    con.execute("create table t as select ? as label, range as i from range(?)", [label, rows])
    con.close()
    return path


def _publish_many(work: str, published: str, start: multiprocessing.synchronize.Barrier) -> None:
    start.wait()
    for _ in range(ROUNDS):
        publish(Path(work), Path(published))


def test_two_runs_publishing_at_once_never_mix_their_files(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    published = warehouse / "envwh.duckdb"
    # the CLI's working file and a UI run's, different sizes so a torn copy would show
    cli = _work_file(warehouse / ".build.duckdb", "cli", 200_000)
    ui = _work_file(warehouse / "dagster_dev.duckdb", "ui", 50_000)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    runs = [context.Process(target=_publish_many, args=(str(w), str(published), start))
            for w in (cli, ui)]  # fmt: skip
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
        assert run.exitcode == 0
    con = duckdb.connect(str(published), read_only=True)
    label, count = con.execute("select any_value(label), count(*) from t").fetchone()
    con.close()
    assert (label, count) in {("cli", 200_000), ("ui", 50_000)}
    assert not list(warehouse.glob(".publish-*"))  # every staged copy was renamed or removed
    assert published.stat().st_mode & 0o777 == 0o644  # as readable as a file copied in place


def test_leftover_staged_copies_are_removed_but_not_while_a_publish_holds_the_lock(
    tmp_path: Path,
) -> None:
    (tmp_path / ".publish-abc.duckdb").write_bytes(b"killed mid-copy")
    (tmp_path / ".build.duckdb").write_bytes(b"killed build")
    with publish_lock(tmp_path):
        context = multiprocessing.get_context("spawn")
        cleaner = context.Process(target=remove_leftovers, args=(tmp_path,))
        cleaner.start()
        cleaner.join(2)
        assert cleaner.is_alive()  # waits for the publish in progress
        assert (tmp_path / ".publish-abc.duckdb").exists()
    cleaner.join(30)
    assert cleaner.exitcode == 0
    assert not (tmp_path / ".publish-abc.duckdb").exists()
    assert not (tmp_path / ".build.duckdb").exists()
