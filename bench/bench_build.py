"""Build benchmark: cold build, no-op rebuild, and the same SQL in one plain DuckDB script.

Prints figures; asserts nothing (speed goals are goals, not tests). Run: `make bench`
(`BENCH_RUNS=1 make bench` for one run). tests/integration/test_bench.py runs this code path
once, without timing anything, so it cannot break unnoticed.

- cold build: `envwh build --full-refresh` into an emptied warehouse directory (bench/results/)
- no-op rebuild: `envwh build` again with nothing changed
- plain script: the same work without Dagster, dbt or Great Expectations — parse and land every
  raw file with the same parsers, load the seeds, and run dbt's compiled SQL of every model in
  dependency order in one DuckDB connection.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
ENVWH = Path(sys.executable).with_name("envwh")
GOALS = {"cold build": 25.0, "no-op rebuild": 1.0}


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def plain_script(workdir: Path, seeds_from: Path, raw: Path = ROOT / "raw") -> float:
    """Parse + land + seeds + every model's compiled SQL, in one process and one connection.
    The database is named as dbt's compiled SQL expects it: after the build's working file."""
    from orchestration.landing import land_everything
    from orchestration.publish import WORK_NAME

    manifest = json.loads((ROOT / "dbt_project/target/manifest.json").read_text())
    start = time.perf_counter()
    con = duckdb.connect(str(workdir / WORK_NAME))
    land_everything(con, raw)
    nodes = manifest["nodes"]
    con.execute("create schema if not exists reference")
    con.execute(f"attach '{seeds_from}' as seeded (read_only)")  # seeds with dbt's column types
    for node in nodes.values():
        if node["resource_type"] == "seed":
            name = node["name"]
            con.execute(f"create table reference.{name} as select * from seeded.reference.{name}")
    done = {key for key, node in nodes.items() if node["resource_type"] == "seed"}
    done |= set(manifest["sources"])  # landed above
    pending = {key: node for key, node in nodes.items() if node["resource_type"] == "model"}
    while pending:  # dependency order: a model runs once everything it selects from exists
        ready = [k for k, n in pending.items() if set(n["depends_on"]["nodes"]) <= done]
        if not ready:
            raise RuntimeError(f"cannot order models: {sorted(pending)}")
        for key in ready:
            node = pending.pop(key)
            kind = "view" if node["config"]["materialized"] == "view" else "table"
            con.execute(f"create schema if not exists {node['schema']}")
            con.execute(f"create or replace {kind} {node['schema']}.{node['name']} as "
                        f"{node['compiled_code']}")  # fmt: skip
            done.add(key)
    con.close()
    return time.perf_counter() - start


def measure(runs: int, warehouse: Path) -> dict[str, list[float]]:
    """Time `runs` cold builds, no-op rebuilds and plain scripts into `warehouse`."""
    figures: dict[str, list[float]] = {"cold build": [], "no-op rebuild": [], "plain script": []}
    env = {**os.environ, "ENVWH_WAREHOUSE_DIR": str(warehouse)}
    for _ in range(runs):
        shutil.rmtree(warehouse, ignore_errors=True)
        figures["cold build"].append(timed([str(ENVWH), "build", "--full-refresh"], env))
        figures["no-op rebuild"].append(timed([str(ENVWH), "build"], env))
        with tempfile.TemporaryDirectory() as plain:
            figures["plain script"].append(plain_script(Path(plain), warehouse / "envwh.duckdb"))
    return figures


def report(figures: dict[str, list[float]]) -> str:
    """The figures as printed: median, min and max of each, the goals and the overhead."""
    runs = len(figures["cold build"])
    lines = [f"envwh build benchmark ({runs} runs, {os.cpu_count()} cores), seconds (median):"]
    for name, values in figures.items():
        goal = f"   goal ≤ {GOALS[name]:.0f} s" if name in GOALS else ""
        lines.append(f"  {name:<14} {statistics.median(values):6.2f}   "
                     f"(min {min(values):.2f}, max {max(values):.2f}){goal}")  # fmt: skip
    cold, plain = (
        statistics.median(figures["cold build"]),
        statistics.median(figures["plain script"]),
    )
    lines.append(f"  overhead over the plain script: {cold - plain:.1f} s "
                 f"(cold build / plain script = {cold / plain:.1f}×)")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    # A fixed warehouse directory, emptied before each cold build: dbt's partial parse depends on
    # the database path, so a new path per run would time a re-parse users do not pay.
    figures = measure(
        int(os.environ.get("BENCH_RUNS", "3")), ROOT / "bench" / "results" / "warehouse"
    )
    print(report(figures))


if __name__ == "__main__":
    main()
