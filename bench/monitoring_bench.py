"""Monitoring benchmark on a SYNTHETIC national year (bench/synthetic_cnemc.py): prints figures
against the goals of issue 12; asserts nothing (speed goals are goals, not tests).

Every contestant starts from the same CSV files and computes the same thing — hourly QC flags,
station daily means, O3 MDA8, validity, IAQI/AQI per station-day and city-day, city means,
annual statistics — and the results are compared (bench/monitoring_crosscheck.sql: rows that
differ from the envwh marts, per table; 0 = the same computation):

1. envwh: landing (provenance, quarantine accounting) + every monitoring mart with dbt
   (orchestration.monitoring_build, the code path of the real build) for all days but the last,
   into bench/results/monitoring/synthetic.duckdb — a warehouse of its own, never the published
   one; wall time and peak RSS (this process and its dbt child, dbt's ~9 s start-up included)
2. adding the last day: land one more file, incremental models recompute that day and its year
3. one hand-written DuckDB script (bench/monitoring_handwritten.sql) on all the files: read,
   then compute; no provenance, accounting, keys, contracts, tests or incremental bookkeeping
4. plain pandas (bench/monitoring_pandas.py) on all the files: read, then compute

envwh's figure covers all days but the last (step 2 adds it); the baselines compute every day:
the ratios lean by one day in envwh's favour (0.3 % on a year). CPU seconds (user + system of
this process and its children) are printed too: on a shared machine they vary less than wall.

    python bench/monitoring_bench.py [--days 366] [--stations N] [--out bench/results/monitoring]

`run()` is the code path; tests/unit/test_monitoring_bench.py runs it once on a tiny input.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from bench import monitoring_pandas
from bench.synthetic_cnemc import generate
from orchestration.monitoring_build import build_monitoring, source_files

ROOT = Path(__file__).resolve().parents[1]
HANDWRITTEN = Path(__file__).with_name("monitoring_handwritten.sql")
MEMORY_LIMIT = "3GB"  # DuckDB spills beyond this: the 4 GiB peak-RSS goal leaves room for Python
CROSSCHECK = Path(__file__).with_name("monitoring_crosscheck.sql")
GOALS = {"envwh land + marts": 180.0, "envwh add one day": 15.0}  # seconds; ratios in report()


@dataclass
class Figures:
    days: int
    stations: int
    station_hours: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_gib: float = 0.0
    differences: dict[str, dict[str, int]] = field(default_factory=dict)


def _peak_rss_gib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024**2  # ru_maxrss is KiB on Linux


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def handwritten(database: Path, files: list[Path], seconds: dict[str, float]) -> None:
    """Run bench/monitoring_handwritten.sql on `files` (schema `handwritten` of `database`)."""
    script = HANDWRITTEN.read_text(encoding="utf-8").replace(
        "{files}", "[" + ", ".join(f"'{p}'" for p in files) + "]"
    )
    read, compute = script.split("-- ---- compute ----")
    con = duckdb.connect(str(database), config={"memory_limit": MEMORY_LIMIT})
    try:
        for part, sql in (("read", read), ("compute", compute)):
            start = time.perf_counter()
            con.execute(sql)
            seconds[part] = time.perf_counter() - start
    finally:
        con.close()


def crosscheck(database: Path, schema: str) -> dict[str, int]:
    """Rows of each table where the baseline in `schema` differs from the envwh marts."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        sql = CROSSCHECK.read_text(encoding="utf-8").replace("{schema}", schema)
        return dict(con.execute(sql).fetchall())
    finally:
        con.close()


def run(out: Path, days: int = 366, stations: int | None = None, seed: int = 12) -> Figures:
    """Generate (once), build, add a day, run the baselines, compare; return the figures."""
    data = out / "synthetic_input"
    files = generate(data, days=days, seed=seed, station_limit=stations)
    figures = Figures(days=days, stations=stations or 0)
    database = out / "synthetic.duckdb"
    for leftover in (database, out / "dbt_target"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    s, cpu = figures.seconds, figures.cpu_seconds
    first = source_files(files[:-1], data)
    start, cpu_start = time.perf_counter(), _cpu()
    built = build_monitoring(first, database, out / "dbt_target", full_refresh=True,
                             memory_limit=MEMORY_LIMIT)  # fmt: skip
    s["envwh land + marts"] = time.perf_counter() - start
    cpu["envwh land + marts"] = _cpu() - cpu_start
    s["  landing"], s["  dbt (marts)"] = built.seconds["land"], built.seconds["dbt"]
    figures.peak_rss_gib = _peak_rss_gib()
    start, cpu_start = time.perf_counter(), _cpu()
    build_monitoring(source_files(files, data), database, out / "dbt_target",
                     memory_limit=MEMORY_LIMIT)  # fmt: skip
    s["envwh add one day"] = time.perf_counter() - start
    cpu["envwh add one day"] = _cpu() - cpu_start
    con = duckdb.connect(str(database), read_only=True)
    figures.station_hours, figures.stations = con.execute(
        "select count(*), count(distinct station_code) from landing.air_quality__station_hourly"
    ).fetchone()
    con.close()
    parts: dict[str, float] = {}
    start, cpu_start = time.perf_counter(), _cpu()
    handwritten(database, files, parts)
    s["hand-written SQL"] = time.perf_counter() - start
    cpu["hand-written SQL"] = _cpu() - cpu_start
    s["  read (SQL)"], s["  compute (SQL)"] = parts["read"], parts["compute"]
    parts = {}
    start, cpu_start = time.perf_counter(), _cpu()
    tables = monitoring_pandas.run(files, database, parts)
    s["pandas"] = time.perf_counter() - start
    cpu["pandas"] = _cpu() - cpu_start
    s["  read (pandas)"], s["  compute (pandas)"] = parts["read"], parts["compute"]
    con = duckdb.connect(str(database))
    try:
        monitoring_pandas.to_duckdb(con, tables)
    finally:
        con.close()
    del tables
    figures.differences = {name: crosscheck(database, name) for name in ("handwritten", "pandas")}
    return figures


def report(figures: Figures) -> None:
    s, cpu = figures.seconds, figures.cpu_seconds
    envwh = s["envwh land + marts"]
    ratios = {
        "envwh / hand-written SQL": (envwh / s["hand-written SQL"], "≤ 3"),
        "  marts only: dbt / compute": (s["  dbt (marts)"] / s["  compute (SQL)"], ""),
        "  in CPU seconds": (cpu["envwh land + marts"] / cpu["hand-written SQL"], ""),
        "pandas / envwh": (s["pandas"] / envwh, "≥ 10"),
        "  pandas / envwh in CPU seconds": (cpu["pandas"] / cpu["envwh land + marts"], ""),
    }
    hours = figures.station_hours
    print(f"SYNTHETIC national data: {figures.days} days × {figures.stations} stations = "
          f"{hours:,} station-hours ({hours * 6:,} values)")  # fmt: skip
    for name, value in s.items():
        goal = GOALS.get(name)
        extra = f"   cpu {cpu[name]:7.1f}" if name in cpu else ""
        print(f"  {name:<30} {value:8.1f} s" + (f"   goal ≤ {goal:g}" if goal else "") + extra)
    print(f"  {'peak RSS (GiB)':<30} {figures.peak_rss_gib:8.2f}     goal ≤ 4")
    for name, (value, goal) in ratios.items():
        print(f"  {name:<30} {value:8.2f}" + (f"     goal {goal}" if goal else ""))
    for name, differences in figures.differences.items():
        print(f"  rows differing from envwh, {name}: {differences}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=366)
    parser.add_argument("--stations", type=int, default=None, help="first N stations only")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "monitoring")
    args = parser.parse_args()
    report(run(args.out, args.days, args.stations))


if __name__ == "__main__":
    main()
