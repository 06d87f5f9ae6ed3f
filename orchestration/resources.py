"""Dagster resources: the working DuckDB file, dbt, and the settings they share.

The working file is what one run writes: `envwh build` points ENVWH_DUCKDB_PATH at a fresh file
beside the published warehouse; under `dagster dev` it defaults to warehouse/dagster_dev.duckdb.
Readers only ever see warehouse/envwh.duckdb, replaced by the `warehouse/envwh` asset.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

import duckdb
from dagster_dbt import DbtCliResource, DbtProject
from dagster_duckdb import DuckDBResource
from packaging.version import Version

from orchestration.paths import DBT_PROJECT_DIR, settings

DEV_DATABASE_NAME = "dagster_dev.duckdb"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()  # `dagster dev` parses the project; `envwh build` parses it first


def working_database() -> Path:
    """The DuckDB file this process's runs write (set ENVWH_DUCKDB_PATH to choose it)."""
    path = os.environ.get("ENVWH_DUCKDB_PATH")
    if path:
        return Path(path)
    default = settings().warehouse_dir / DEV_DATABASE_NAME
    os.environ["ENVWH_DUCKDB_PATH"] = str(default)  # dbt's profile reads the same variable
    return default


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


def build_resources() -> dict:
    return {
        "duckdb": WarehouseResource(database=str(working_database())),
        "dbt": DbtResource(
            project_dir=dbt_project,
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=str(Path(sys.executable).with_name("dbt")),  # the venv's dbt
        ),
    }
