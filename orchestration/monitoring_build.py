"""Building only the monitoring chain (landing → station-hour → day → year) into a DuckDB file
of its own, outside `envwh build`: for synthetic national data and the benchmark in bench/,
which must never reach the published warehouse.

It runs the same code as the full build: orchestration.monitoring_landing for the files, then
dbt on the monitoring models and their references (seeds, dim_region). Incremental models
recompute only the days whose files are new, so a second call with one more file is the
"add one day" path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.manifest import sha256_of
from orchestration.monitoring_landing import LandingResult, SourceFile, land_station_hourly
from orchestration.paths import DBT_PROJECT_DIR

# every monitoring mart but the comparison with published figures (which needs the bulletins)
MARTS = ("dim_monitoring_station", "fct_air_station_hourly", "fct_air_station_daily",
         "fct_air_city_daily", "fct_air_city_annual", "mart_air_city_daily_bi")  # fmt: skip


@dataclass
class MonitoringBuild:
    landing: LandingResult
    seconds: dict[str, float] = field(default_factory=dict)


def source_files(paths: list[Path], root: Path) -> list[SourceFile]:
    return [SourceFile(p, str(p.relative_to(root)), sha256_of(p)) for p in paths]


def build_monitoring(
    files: list[SourceFile],
    database: Path,
    target_dir: Path,
    full_refresh: bool = False,
    run_tests: bool = False,
    memory_limit: str = "80%",
) -> MonitoringBuild:
    """Land `files` into `database` and build the monitoring marts there with dbt; DuckDB spills
    to disk beyond `memory_limit` (landing and dbt alike)."""
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    con = duckdb.connect(str(database), config={"memory_limit": memory_limit})
    try:
        landing = land_station_hourly(con, files)
    finally:
        con.close()
    seconds["land"] = time.perf_counter() - start
    start = time.perf_counter()
    selection = " ".join(f"+{m}" for m in MARTS)
    dbt = Path(sys.executable).with_name("dbt")
    command = [
        str(dbt), "build", "--quiet", "--select", selection, "--indirect-selection", "cautious",
        "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
        "--target-path", str(target_dir), "--log-path", str(target_dir / "logs"),
    ]  # fmt: skip
    if not run_tests:
        command += ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
    if full_refresh:
        command.append("--full-refresh")
    env = {**os.environ, "ENVWH_DUCKDB_PATH": str(database),
           "ENVWH_DUCKDB_MEMORY_LIMIT": memory_limit}  # fmt: skip
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"dbt failed:\n{completed.stdout[-4000:]}\n{completed.stderr[-2000:]}")
    seconds["dbt"] = time.perf_counter() - start
    return MonitoringBuild(landing=landing, seconds=seconds)
