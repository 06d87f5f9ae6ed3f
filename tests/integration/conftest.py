"""Builds through the real `envwh` command, in a subprocess, against temporary directories."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import DBT_PROJECT_DIR, PROJECT_ROOT, dbt_vars

ENVWH = Path(sys.executable).with_name("envwh")


@dataclass
class Workspace:
    raw: Path
    warehouse: Path

    @property
    def published(self) -> Path:
        return self.warehouse / "envwh.duckdb"

    def envwh(self, *args: str, extra_env: dict | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "ENVWH_RAW_DIR": str(self.raw),
               "ENVWH_WAREHOUSE_DIR": str(self.warehouse), **(extra_env or {})}  # fmt: skip
        env.pop("ENVWH_DUCKDB_PATH", None)
        return subprocess.run([str(ENVWH), *args], env=env, capture_output=True, text=True,
                              timeout=600, check=False)  # fmt: skip

    def query(self, sql: str) -> list[tuple]:
        con = duckdb.connect(str(self.published), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def digest(self) -> str:
        return hashlib.sha256(self.published.read_bytes()).hexdigest()


def new_workspace(root: Path) -> Workspace:
    raw = root / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    return Workspace(raw=raw, warehouse=root / "warehouse")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """One full build of the shipped raw/, shared by the read-only assertions."""
    workspace = new_workspace(tmp_path_factory.mktemp("built"))
    result = workspace.envwh("build", "--timings", str(workspace.warehouse.parent / "timings.json"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return workspace


def run_dbt(*args: str, database: Path, root: Path) -> Path:
    """`dbt <args>` on the project against `database` (a copy of a build), with its target and
    logs under `root` (not the project's target/: its manifest is the build's); returns the
    target folder, after asserting dbt succeeded."""
    target = root / "target"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), *args,
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(target), "--log-path", str(root / "logs"), *dbt_vars(database)],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return target
