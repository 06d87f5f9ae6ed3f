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

from orchestration.paths import PROJECT_ROOT

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
