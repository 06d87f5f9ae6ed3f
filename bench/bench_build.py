"""Build benchmark: cold build, no-op rebuild, and the same SQL in one plain DuckDB script.

Prints figures; asserts nothing (speed goals are goals, not tests). Run: `make bench`
(`BENCH_RUNS=1 make bench` for one run). tests/integration/test_bench.py runs this code path
once, without timing anything, so it cannot break unnoticed.

- cold build: `envwh build --full-refresh` as on a fresh clone: an emptied warehouse directory
  (bench/results/) and no dbt_project/target/ (so dbt parses the project)
- no-op rebuild: `envwh build` again with nothing changed
- plain script: the same work without Dagster, dbt or Great Expectations — parse and land every
  raw file with the same parsers, load the seeds, and run dbt's compiled SQL of every model in
  dependency order in one DuckDB connection.

After the figures it prints the phases of the last cold build (`envwh build --timings`), with
dbt's own split from dbt_project/target/run_results.json: seconds of dbt start-up and parsing,
and the busy seconds of its nodes by kind — the Beijing monitoring models and their tests
apart — which add up over dbt's threads. The load average is printed too, and CPU seconds beside
wall seconds: on a shared machine the CPU figures move much less.
"""

from __future__ import annotations

import json
import os
import resource
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
DBT_TARGET = ROOT / "dbt_project" / "target"
LANDING_STEPS = ("landing__", "report_facts")  # Dagster step keys of the landing assets
STAGE_NAMES = {  # Dagster step key or build stage (orchestration/build.py) -> phase printed
    "dbt_models": "dbt build (one invocation: seeds, models, tests)",
    "great_expectations_suites": "Great Expectations suites (asset checks)",
    "warehouse__envwh": "publish (checks, accounting, copy, rename)",
}


def timed(command: list[str], env: dict, cpu: list[float] | None = None) -> float:
    """Wall seconds of `command`; its CPU seconds (user + sys of all its processes, which the
    other users of a shared machine change far less) are appended to `cpu` when given."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def _is_monitoring(node: dict, nodes: dict) -> bool:
    """A node of the Beijing monitoring models: a model under models/**/monitoring*, or a test
    of one."""
    if node["resource_type"] == "model":
        return "monitoring" in node["original_file_path"]
    tested = [node["attached_node"]] if node.get("attached_node") else node["depends_on"]["nodes"]
    return any(nodes.get(key, {}).get("resource_type") == "model"
               and "monitoring" in nodes[key]["original_file_path"] for key in tested)  # fmt: skip


def dbt_split(step_seconds: float, run_results: dict, manifest: dict) -> list[tuple[str, float]]:
    """dbt's share of its Dagster step: start-up and parse (the step's seconds before and after
    dbt's own elapsed time), and the busy seconds of its nodes by kind (summed over threads)."""
    nodes = {**manifest["nodes"], **manifest.get("unit_tests", {})}
    busy: dict[str, float] = {}
    for result in run_results["results"]:
        node = nodes.get(result["unique_id"], {"resource_type": result["unique_id"].split(".")[0]})
        kind = node["resource_type"].replace("_", " ")
        if kind in ("model", "test") and _is_monitoring(node, nodes):
            kind = f"monitoring {kind}"
        busy[kind] = busy.get(kind, 0.0) + result["execution_time"]
    rows = [("  dbt start-up, parse, event streaming", step_seconds - run_results["elapsed_time"]),
            ("  dbt running nodes (elapsed)", run_results["elapsed_time"])]  # fmt: skip
    order = ["seed", "model", "monitoring model", "test", "monitoring test", "unit test"]
    rows += [(f"    busy: {kind}s", busy[kind]) for kind in sorted(busy, key=order.index)]
    return rows


def phases(timings: dict[str, float], run_results: dict | None = None,
           manifest: dict | None = None) -> list[tuple[str, float]]:  # fmt: skip
    """The stages of one build (`envwh build --timings`) as printed: landing steps summed (each
    below), dbt split into start-up and its nodes (from its run_results.json and manifest)."""
    landing = {k: v for k, v in timings.items() if k.startswith(LANDING_STEPS)}
    rows: list[tuple[str, float]] = []
    for name, seconds in timings.items():
        if name in landing:
            if name == next(iter(landing)):
                rows.append((f"landing ({len(landing)} assets)", sum(landing.values())))
                rows += [(f"  {step.removeprefix('landing__')}", landing[step])
                         for step in sorted(landing, key=landing.get, reverse=True)]  # fmt: skip
            continue
        rows.append((STAGE_NAMES.get(name, name), seconds))
        if name == "dbt_models" and run_results and manifest:
            rows += dbt_split(seconds, run_results, manifest)
    rows.append(("total", sum(timings.values())))
    return rows


def phase_table(rows: list[tuple[str, float]], load: str) -> str:
    lines = [f"phases of the last cold build, seconds (load average {load}):"]
    lines += [f"  {name:<52} {seconds:6.1f}" for name, seconds in rows]
    return "\n".join(lines)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


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


def measure(runs: int, warehouse: Path) -> tuple[dict[str, list[float]], list[tuple[str, float]]]:
    """Time `runs` cold builds, no-op rebuilds and plain scripts into `warehouse`; and the
    phases of the last cold build."""
    figures: dict[str, list[float]] = {"cold build": [], "no-op rebuild": [], "plain script": [],
                                       "cold build CPU": [], "plain script CPU": []}  # fmt: skip
    env = {**os.environ, "ENVWH_WAREHOUSE_DIR": str(warehouse)}
    timings = warehouse.parent / "timings.json"
    for _ in range(runs):
        shutil.rmtree(warehouse, ignore_errors=True)
        shutil.rmtree(DBT_TARGET, ignore_errors=True)  # a fresh clone has no dbt target/
        figures["cold build"].append(
            timed([str(ENVWH), "build", "--full-refresh", "--timings", str(timings)], env,
                  figures["cold build CPU"])
        )  # fmt: skip
        rows = phases(json.loads(timings.read_text()),
                      json.loads((DBT_TARGET / "run_results.json").read_text()),
                      json.loads((DBT_TARGET / "manifest.json").read_text()))  # fmt: skip
        figures["no-op rebuild"].append(timed([str(ENVWH), "build"], env))
        with tempfile.TemporaryDirectory() as plain:
            cpu = time.process_time()
            figures["plain script"].append(plain_script(Path(plain), warehouse / "envwh.duckdb"))
            figures["plain script CPU"].append(time.process_time() - cpu)
    return figures, rows


def report(figures: dict[str, list[float]]) -> str:
    """The figures as printed: median, min and max of each, the goals and the overhead."""
    runs = len(figures["cold build"])
    lines = [f"envwh build benchmark ({runs} runs, {os.cpu_count()} cores), seconds (median):"]
    for name, values in figures.items():
        goal = f"   goal ≤ {GOALS[name]:.0f} s" if name in GOALS else ""
        lines.append(f"  {name:<16} {statistics.median(values):6.2f}   "
                     f"(min {min(values):.2f}, max {max(values):.2f}){goal}")  # fmt: skip
    cold, plain = (
        statistics.median(figures["cold build"]),
        statistics.median(figures["plain script"]),
    )
    lines.append(f"  overhead over the plain script: {cold - plain:.1f} s "
                 f"(cold build / plain script = {cold / plain:.1f}×)")  # fmt: skip
    if figures.get("cold build CPU") and figures.get("plain script CPU"):
        cpu = statistics.median(figures["cold build CPU"])
        plain_cpu = statistics.median(figures["plain script CPU"])
        lines.append(f"  CPU overhead over the plain script: {cpu - plain_cpu:.1f} s "
                     "(CPU = user + sys of every process and thread)")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    # A fixed warehouse directory, emptied before each cold build: dbt's partial parse depends on
    # the database path, so a new path per run would time a re-parse users do not pay.
    print(f"load average before: {load_average()}")
    figures, rows = measure(
        int(os.environ.get("BENCH_RUNS", "3")), ROOT / "bench" / "results" / "warehouse"
    )
    print(report(figures))
    print(phase_table(rows, load_average()))


if __name__ == "__main__":
    main()
