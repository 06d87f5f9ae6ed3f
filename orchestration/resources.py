"""Dagster resources: the paths of a run (`WarehousePaths`), its working DuckDB file, and dbt.

The working file is what one run writes. Under `dagster dev` the paths default to the project's
raw/ and warehouse/, and the working file to warehouse/dagster_dev.duckdb (ENVWH_RAW_DIR,
ENVWH_WAREHOUSE_DIR and ENVWH_DUCKDB_PATH, when set, are read as Dagster `EnvVar`s when a run
starts); `envwh build` passes its own through `execute_in_process(resources=build_resources(…))`
— nothing depends on the environment at import time. Readers only ever see
warehouse/envwh.duckdb, replaced by the `warehouse/envwh` asset.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource, DbtProject
from dagster_duckdb import DuckDBResource
from packaging.version import Version

from orchestration.paths import DBT_PROJECT_DIR, PROJECT_ROOT, Settings, dbt_vars

DEV_DATABASE_NAME = "dagster_dev.duckdb"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()  # `dagster dev` parses the project; `envwh build` parses it first


class WarehousePaths(dg.ConfigurableResource):
    """Where one run reads raw/ from, which warehouse directory it publishes into, and the
    working DuckDB file it writes."""

    raw_dir: str
    warehouse_dir: str
    database: str

    @property
    def settings(self) -> Settings:
        return Settings(raw_dir=Path(self.raw_dir).resolve(),
                        warehouse_dir=Path(self.warehouse_dir).resolve())  # fmt: skip

    @property
    def database_path(self) -> Path:
        return Path(self.database)

    def dbt_vars(self) -> list[str]:
        """The `--vars` that point dbt's profile at the working file (dbt_project/profiles.yml)."""
        return dbt_vars(self.database_path)


def _env_or(name: str, default: Path) -> str | dg.EnvVar:
    """The Dagster EnvVar `name` when it is set (read when a run starts), else `default`."""
    return dg.EnvVar(name) if name in os.environ else str(default)


def default_paths() -> WarehousePaths:
    """The paths of runs started from the Dagster UI (and of anything not given its own)."""
    warehouse = PROJECT_ROOT / "warehouse"
    return WarehousePaths(
        raw_dir=_env_or("ENVWH_RAW_DIR", PROJECT_ROOT / "raw"),
        warehouse_dir=_env_or("ENVWH_WAREHOUSE_DIR", warehouse),
        database=_env_or("ENVWH_DUCKDB_PATH", warehouse / DEV_DATABASE_NAME),
    )


class WarehouseResource(DuckDBResource):
    """DuckDBResource that always closes its connection, and opens the file with the same
    (empty) configuration as every other connection of the process: DuckDB refuses a second
    connection to one file with a different configuration."""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = duckdb.connect(self.database, config=self.connection_config)
        try:
            yield con
        finally:
            con.close()


class DbtResource(DbtCliResource):
    """DbtCliResource without two start-up costs we do not use (≈ 6 s a run on 2 cores): the
    `dbt --version` subprocess (the installed dbt-core is the executable's version) and the
    in-process adapter handle (only needed for dagster-dbt's column and row-count metadata)."""

    @cached_property
    def _cli_version(self) -> Version:
        return Version(version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def build_resources(paths: WarehousePaths | None = None) -> dict:
    """Every resource of a run, all pointing at the same paths."""
    paths = paths or default_paths()
    return {
        "paths": paths,
        "duckdb": WarehouseResource(database=paths.database),
        "dbt": DbtResource(
            project_dir=dbt_project,
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=str(Path(sys.executable).with_name("dbt")),  # the venv's dbt
        ),
    }
