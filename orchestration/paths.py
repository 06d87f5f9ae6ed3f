"""Where things live: the project tree and the settings that move it.

A path belongs here if more than one module needs it. `ENVWH_RAW_DIR` and `ENVWH_WAREHOUSE_DIR`
let tests and users build from another raw/ into another warehouse/ without touching the project;
`ENVWH_EXPECTATIONS_DIR` points the checks at another set of suites.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = Path(os.environ.get("ENVWH_EXPECTATIONS_DIR", PROJECT_ROOT / "expectations"))
MAPS_DIR = Path(__file__).resolve().parent / "parsing" / "maps"
PUBLISHED_NAME = "envwh.duckdb"


@dataclass(frozen=True)
class Settings:
    """The directories one build reads from and publishes into."""

    raw_dir: Path
    warehouse_dir: Path

    @property
    def manifest_path(self) -> Path:
        return self.raw_dir / "manifest.csv"

    @property
    def published_path(self) -> Path:
        return self.warehouse_dir / PUBLISHED_NAME

    @property
    def hash_cache_path(self) -> Path:
        """(size, mtime, sha256) per raw file, so an unchanged file is not re-hashed."""
        return self.warehouse_dir / ".sha256_cache.json"

    @property
    def docs_dir(self) -> Path:
        return self.warehouse_dir / "docs"

    @property
    def exports_dir(self) -> Path:
        return self.warehouse_dir / "exports"


def dbt_vars(database: Path) -> list[str]:
    """The dbt arguments that point its profile (dbt_project/profiles.yml) at a DuckDB file."""
    return ["--vars", json.dumps({"duckdb_path": str(database)})]


def settings() -> Settings:
    """Settings from the environment, defaulting to the project's own raw/ and warehouse/."""
    return Settings(
        raw_dir=Path(os.environ.get("ENVWH_RAW_DIR", PROJECT_ROOT / "raw")).resolve(),
        warehouse_dir=Path(
            os.environ.get("ENVWH_WAREHOUSE_DIR", PROJECT_ROOT / "warehouse")
        ).resolve(),
    )
