"""Publishing the warehouse: build into a new file beside the published one, replace the
published file by an atomic rename only when the build passed, never touch it otherwise.

Readers of warehouse/envwh.duckdb keep the inode they opened, so a publish never blocks or
changes what an open reader sees; a killed build leaves only a `.build-<pid>-…` file, which the
next build removes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from pathlib import Path

import duckdb

from orchestration.paths import PROJECT_ROOT

STORAGE_COMPATIBILITY = "v1.4.0"  # readable by DuckDB 1.4+ clients (most BI drivers bundle 1.x)
WORK_PREFIX = ".build-"
PUBLISH_PREFIX = ".publish-"
FINGERPRINT_GLOBS = (  # relative to the project root
    "orchestration/**/*.py", "orchestration/**/*.yml",
    "dbt_project/*.yml", "dbt_project/models/**/*", "dbt_project/seeds/*",
    "dbt_project/macros/**/*", "dbt_project/tests/**/*",
    "expectations/*.json", "uv.lock",
)  # fmt: skip


def create_database(path: Path) -> None:
    """An empty DuckDB file that DuckDB 1.4+ clients can open (later writes keep the format)."""
    duckdb.connect(
        str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY}
    ).close()


def storage_version(con: duckdb.DuckDBPyConnection) -> str:
    """The storage version the open database is written in, e.g. 'v1.4.0+'."""
    row = con.execute(
        "select tags['storage_version'] from duckdb_databases() "
        "where database_name = current_database()"
    ).fetchone()
    return row[0] if row else ""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(warehouse_dir: Path) -> list[Path]:
    """Delete work and publish files of builds whose process is gone (killed builds)."""
    removed = []
    for path in warehouse_dir.glob(".*"):
        if not path.name.startswith((WORK_PREFIX, PUBLISH_PREFIX)):
            continue
        pid = path.name.split("-")[1]
        if pid.isdigit() and _pid_alive(int(pid)) and int(pid) != os.getpid():
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def new_work_file(warehouse_dir: Path, published: Path, full_refresh: bool) -> Path:
    """A fresh file for this build: a copy of the published warehouse (so unchanged source files
    need not be landed again), or an empty one with --full-refresh or when nothing is published."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(warehouse_dir)
    work = warehouse_dir / f"{WORK_PREFIX}{os.getpid()}-{time.time_ns()}.duckdb"
    if published.exists() and not full_refresh:
        shutil.copyfile(published, work)
    else:
        create_database(work)
    return work


def publish(work: Path, published: Path) -> None:
    """Atomically replace `published` with a checkpointed copy of `work` (work stays usable)."""
    con = duckdb.connect(str(work))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    staged = published.with_name(f"{PUBLISH_PREFIX}{os.getpid()}-{time.time_ns()}.duckdb")
    try:
        shutil.copyfile(work, staged)
        with open(staged, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(staged, published)
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
    directory = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def discard(work: Path) -> None:
    for path in (work, work.with_name(work.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def fingerprint(manifest_path: Path) -> str:
    """What a build depends on: the manifest (whose sha256 column pins every raw file) and the
    project's code, models, seeds and suites. Equal fingerprints mean a rebuild would be a no-op."""
    digest = hashlib.sha256(manifest_path.read_bytes())
    paths = {p for pattern in FINGERPRINT_GLOBS for p in PROJECT_ROOT.glob(pattern) if p.is_file()}
    for path in sorted(p for p in paths if "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def published_fingerprint(published: Path) -> str | None:
    """The fingerprint recorded in the published warehouse, if any."""
    if not published.exists():
        return None
    try:
        con = duckdb.connect(str(published), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(
            "select fingerprint from meta.build_info order by built_at desc limit 1"
        ).fetchone()
    except duckdb.CatalogException:
        return None
    finally:
        con.close()
    return row[0] if row else None


def record_build(con: duckdb.DuckDBPyConnection, build_fingerprint: str, run_id: str) -> None:
    con.execute("create schema if not exists meta")
    con.execute(
        "create or replace table meta.build_info "
        "(fingerprint varchar, run_id varchar, built_at timestamp, envwh_version varchar)"
    )
    from importlib.metadata import version

    con.execute(
        "insert into meta.build_info values (?, ?, now()::timestamp, ?)",
        [build_fingerprint, run_id, version("envwh")],
    )
