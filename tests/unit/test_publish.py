"""Files a killed build leaves behind (`.build.duckdb` and its WAL, a staged
`.publish-*.duckdb`) are removed at the start of the next build, also when that build finds
nothing to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.build import build
from orchestration.paths import Settings
from orchestration.publish import (
    LOCK_NAME,
    PUBLISH_LOCK_NAME,
    WORK_NAME,
    build_lock,
    create_database,
    fingerprint,
    record_build,
    remove_stale_build_files,
)
from tests.conftest import RAW

KILLED_WRITER = """
import os, signal, sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("create table landing_rows as select range as n from range(100000)")
os.kill(os.getpid(), signal.SIGKILL)  # killed mid-build: no checkpoint, the WAL stays
"""


def _killed_build_leftovers(warehouse: Path) -> set[str]:
    warehouse.mkdir(parents=True, exist_ok=True)
    work = warehouse / WORK_NAME
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(work)], check=False)
    return {p.name for p in warehouse.iterdir()}


def _published_up_to_date(settings: Settings) -> None:
    settings.warehouse_dir.mkdir(parents=True)
    create_database(settings.published_path)
    con = duckdb.connect(str(settings.published_path))
    record_build(con, fingerprint(settings.manifest_path), "earlier-run")
    con.close()


def test_an_up_to_date_build_removes_a_killed_builds_files(tmp_path: Path) -> None:
    settings = Settings(raw_dir=RAW, warehouse_dir=tmp_path / "warehouse")
    _published_up_to_date(settings)
    assert {WORK_NAME, f"{WORK_NAME}.wal"} <= _killed_build_leftovers(settings.warehouse_dir)
    lines: list[str] = []
    summary = build(echo=lines.append, paths=settings)
    assert summary.up_to_date
    left = {p.name for p in settings.warehouse_dir.iterdir()}
    assert left == {"envwh.duckdb", LOCK_NAME, PUBLISH_LOCK_NAME, settings.hash_cache_path.name}
    assert any(f"removed {WORK_NAME}" in line for line in lines)


def test_stale_files_of_a_running_build_are_left_alone(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse"
    _killed_build_leftovers(warehouse)
    with build_lock(warehouse):  # another build holds the lock: its files are not stale
        assert remove_stale_build_files(warehouse) == []
    assert (warehouse / WORK_NAME).exists()
    assert {p.name for p in remove_stale_build_files(warehouse)} >= {WORK_NAME}
    assert not (warehouse / WORK_NAME).exists()
