"""Publishing the warehouse: build into a new file beside the published one, replace the
published file by an atomic rename only when the build passed, never touch it otherwise.

Readers of warehouse/envwh.duckdb keep the inode they opened, so a publish never blocks or
changes what an open reader sees. Every publish, from `envwh build` or a Dagster UI run, holds
the publish lock of the warehouse directory and stages its copy in a file of its own
(`.publish-<random>.duckdb`), so two runs publishing at once replace the file one after the other
and never overwrite each other's copy. A killed build leaves only `.build.duckdb` and its WAL (and
perhaps a staged copy), which the next build removes under the build lock, first thing, also when
it then finds nothing to rebuild.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb

from orchestration.paths import EXPECTATIONS_DIR, PROJECT_ROOT

STORAGE_COMPATIBILITY = "v1.4.0"  # readable by DuckDB 1.4+ clients (most BI drivers bundle 1.x)
WORK_NAME = ".build.duckdb"  # the file a build writes, beside the published one
PUBLISH_PREFIX = ".publish-"  # + random + .duckdb: the copy renamed over the published file
LOCK_NAME = ".build.lock"  # one `envwh build` at a time per warehouse directory
PUBLISH_LOCK_NAME = ".publish.lock"  # one publish at a time, whoever runs it
FINGERPRINT_GLOBS = (  # relative to the project root
    "orchestration/**/*.py", "orchestration/**/*.yml",
    "dbt_project/*.yml", "dbt_project/models/**/*", "dbt_project/seeds/*",
    "dbt_project/macros/**/*", "dbt_project/tests/**/*",
    "uv.lock",
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


class BuildLocked(Exception):
    """Another build is running against the same warehouse directory."""


@contextlib.contextmanager
def build_lock(warehouse_dir: Path) -> Iterator[None]:
    """One build at a time per warehouse directory (an advisory lock the OS frees on exit,
    also when the build is killed)."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    with open(warehouse_dir / LOCK_NAME, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is running in {warehouse_dir}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def publish_lock(warehouse_dir: Path) -> Iterator[None]:
    """Wait for any other publish into this directory to finish, then hold the lock (freed by
    the OS if the process dies)."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    with open(warehouse_dir / PUBLISH_LOCK_NAME, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(warehouse_dir: Path) -> list[Path]:
    """Delete the work file and staged copies a killed build left (call while holding the build
    lock; staged copies are removed under the publish lock, so none in use is touched)."""
    removed = []
    with publish_lock(warehouse_dir):
        staged = sorted(warehouse_dir.glob(f"{PUBLISH_PREFIX}*.duckdb*"))
        for path in [warehouse_dir / WORK_NAME, warehouse_dir / f"{WORK_NAME}.wal", *staged]:
            if path.exists():
                path.unlink()
                removed.append(path)
    return removed


def remove_stale_build_files(warehouse_dir: Path) -> list[Path]:
    """At the start of a build: delete what a killed build left, unless a build is running now
    (it holds the lock, and those files are its own). Runs before the up-to-date check, which
    would otherwise return first and keep them until a --full-refresh."""
    if not warehouse_dir.is_dir():
        return []
    try:
        with build_lock(warehouse_dir):
            return remove_leftovers(warehouse_dir)
    except BuildLocked:
        return []


def new_work_file(warehouse_dir: Path, published: Path, full_refresh: bool) -> Path:
    """The file this build writes: a copy of the published warehouse (so unchanged source files
    need not be landed again), or an empty one with --full-refresh or when nothing is published.
    Its name is fixed, so dbt's partial parsing stays valid from one build to the next."""
    remove_leftovers(warehouse_dir)
    work = warehouse_dir / WORK_NAME
    if published.exists() and not full_refresh:
        shutil.copyfile(published, work)
    else:
        create_database(work)
    return work


def publish(work: Path, published: Path) -> None:
    """Atomically replace `published` with a checkpointed copy of `work` (work stays usable),
    holding the publish lock and staging the copy in a file no other publish uses."""
    con = duckdb.connect(str(work))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    with publish_lock(published.parent):
        handle, name = tempfile.mkstemp(prefix=PUBLISH_PREFIX, suffix=".duckdb",
                                        dir=published.parent)  # fmt: skip
        os.close(handle)
        staged = Path(name)
        try:
            # mkstemp makes the file private; readers (BI tools, other users) keep their access
            os.chmod(staged, published.stat().st_mode & 0o777 if published.exists() else 0o644)
            shutil.copyfile(work, staged)
            with open(staged, "rb") as copy:
                os.fsync(copy.fileno())
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
    paths |= set(EXPECTATIONS_DIR.glob("*.json"))
    for path in sorted(p for p in paths if "__pycache__" not in p.parts):
        digest.update(
            path.name.encode()
            if not path.is_relative_to(PROJECT_ROOT)
            else str(path.relative_to(PROJECT_ROOT)).encode()
        )
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
