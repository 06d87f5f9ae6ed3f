"""What readers can rely on: a killed build changes nothing, an open reader is never blocked and
keeps its view, and the same raw/ always builds the same contents."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import register, write_csv
from tests.integration.conftest import ENVWH, Workspace, new_workspace

pytestmark = pytest.mark.integration

CONTENT_SCHEMAS = ("landing", "reference", "staging", "intermediate", "marts")


def contents(database: Path) -> dict[str, str]:
    """What a reader sees, per relation (run ids and timestamps of quality/meta aside): a table's
    row count and the sum of its rows' hashes (equal for the same rows in any order), a view's
    definition (its rows follow from the tables'; computing them again took 40 s a call)."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        tables = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            f"where table_schema in {CONTENT_SCHEMAS} and table_type = 'BASE TABLE' order by 1"
        ).fetchall()  # fmt: skip
        row_hashes = "select count(*) || ':' || coalesce(sum(hash(t)::hugeint), 0) from {} as t"
        seen = {name: con.execute(row_hashes.format(name)).fetchone()[0] for (name,) in tables}
        views = con.execute(
            "select schema_name || '.' || view_name, sql from duckdb_views() "
            f"where not internal and schema_name in {CONTENT_SCHEMAS}"
        ).fetchall()  # fmt: skip
        return seen | {name: sql for name, sql in views}
    finally:
        con.close()


def copy_published(built: Workspace, tmp_path: Path) -> Workspace:
    workspace = new_workspace(tmp_path)
    workspace.warehouse.mkdir(parents=True)
    (workspace.warehouse / "envwh.duckdb").write_bytes(built.published.read_bytes())
    return workspace


def test_killed_builds_leave_the_published_warehouse_as_it_was(
    built: Workspace, tmp_path: Path
) -> None:
    workspace = copy_published(built, tmp_path)
    before = contents(workspace.published)
    env = {**os.environ, "ENVWH_RAW_DIR": str(workspace.raw),
           "ENVWH_WAREHOUSE_DIR": str(workspace.warehouse)}  # fmt: skip
    env.pop("ENVWH_DUCKDB_PATH", None)
    moments = random.Random(20261123).sample([x / 2 for x in range(1, 70)], 10)
    for moment in moments:  # SIGKILL at 10 moments spread over a build (0.5–35 s)
        build = subprocess.Popen([str(ENVWH), "build", "--full-refresh"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)  # fmt: skip
        time.sleep(moment)
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        assert contents(workspace.published) == before, f"changed by a kill at {moment} s"
    # what a warehouse directory keeps between builds: the file, the two locks, the hash cache
    kept = {"envwh.duckdb", ".build.lock", ".publish.lock", ".sha256_cache.json"}
    result = workspace.envwh("build")  # nothing changed: up to date, and it removes what was left
    assert result.returncode == 0 and "up to date" in result.stdout, result.stdout[-2000:]
    assert {p.name for p in workspace.warehouse.iterdir()} - kept == set()
    result = workspace.envwh("build", "--full-refresh")
    assert result.returncode == 0, result.stdout[-2000:]
    assert contents(workspace.published) == before
    assert {p.name for p in workspace.warehouse.iterdir()} - kept == set()


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("select count(*) from marts.fct_air_quality").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


def test_an_open_reader_is_not_blocked_and_keeps_its_view(built: Workspace, tmp_path: Path) -> None:
    workspace = copy_published(built, tmp_path)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(workspace.published)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        before = int(reader.stdout.readline())
        write_csv(workspace.raw / "air_quality" / "test_new_month.csv", [
            ["省份", "统计范围", "时段", "指标", "数值", "单位"],
            ["广西", "14个设区市", "2025年2月", "PM2.5平均浓度", "29", "微克/立方米"],
        ])  # fmt: skip
        register(workspace.raw, "air_quality/test_new_month.csv", "air_quality__periodic")
        result = workspace.envwh("build")
        assert result.returncode == 0, result.stdout[-2000:]
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert int(reader.stdout.readline()) == before  # the open reader keeps its snapshot
    finally:
        reader.kill()
        reader.wait()
    assert workspace.query("select count(*) from marts.fct_air_quality") == [(before + 1,)]


def test_three_builds_give_identical_contents(built: Workspace, tmp_path: Path) -> None:
    first = contents(built.published)
    workspace = new_workspace(tmp_path)
    for _ in range(2):
        result = workspace.envwh("build", "--full-refresh")
        assert result.returncode == 0, result.stdout[-2000:]
        again = contents(workspace.published)
        assert again == first, {
            t: (first.get(t), again.get(t))
            for t in first.keys() | again.keys()
            if first.get(t) != again.get(t)
        }
