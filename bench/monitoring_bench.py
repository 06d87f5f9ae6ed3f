"""Monitoring benchmark on a SYNTHETIC national year (bench/synthetic_cnemc.py): prints figures
against the goals of issue 12; asserts nothing (speed goals are goals, not tests).

1. land + every monitoring mart (orchestration.monitoring_build, the code path of the real
   build) for all days but the last, into bench/results/monitoring/synthetic.duckdb — a
   warehouse of its own, never the published one; wall time and peak RSS (this process and
   its dbt child)
2. adding the last day: land one more file, incremental models recompute that day and its year
3. the same computation as one hand-written DuckDB script (bench/monitoring_handwritten.sql)
4. a plain pandas implementation of station daily → city daily → annual

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

from bench.synthetic_cnemc import generate
from orchestration.monitoring_build import build_monitoring, source_files

ROOT = Path(__file__).resolve().parents[1]
HANDWRITTEN = Path(__file__).with_name("monitoring_handwritten.sql")
MEMORY_LIMIT = "3GB"  # DuckDB spills beyond this: the 4 GiB peak-RSS goal leaves room for Python
GOALS = {"land + marts (s)": 180.0, "peak RSS (GiB)": 4.0, "envwh / hand-written SQL": 3.0,
         "pandas / envwh": 10.0, "add one day (s)": 15.0}  # fmt: skip


@dataclass
class Figures:
    days: int
    stations: int
    station_hours: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_gib: float = 0.0


def _peak_rss_gib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024**2  # ru_maxrss is KiB on Linux


def pandas_daily_annual(database: Path) -> int:
    """Station daily means (20-hour rule), O3 MDA8, city daily means, annual means and
    percentiles — plain pandas on the landed table. Returns the number of city-years."""

    con = duckdb.connect(str(database), read_only=True)
    hourly = con.execute(
        "select station_code, observed_at, city_text, pm2_5_reported as pm2_5, "
        "pm10_reported as pm10, so2_reported as so2, no2_reported as no2, co_reported as co, "
        "o3_reported as o3 from landing.air_quality__station_hourly"
    ).df()
    con.close()
    pollutants = ["pm2_5", "pm10", "so2", "no2", "co", "o3"]
    hourly = hourly.drop_duplicates(["station_code", "observed_at"])
    for p in pollutants:
        hourly.loc[hourly[p] < 0, p] = None
    hourly["date"] = hourly["observed_at"].dt.normalize()
    hourly = hourly.sort_values(["station_code", "observed_at"])
    grouped = hourly.groupby(["station_code", "date"])
    daily = grouped[pollutants].mean()
    counts = grouped[pollutants].count()
    for p in pollutants:
        daily.loc[counts[p] < 20, p] = None
    rolling = (
        hourly.set_index("observed_at")
        .groupby(["station_code", "date"])["o3"]
        .rolling("8h", min_periods=6)
        .mean()
    )
    daily["o3_mda8"] = rolling.groupby(level=[0, 1]).max()
    cities = hourly.groupby("station_code")["city_text"].last()
    daily = daily.join(cities, on="station_code")
    city_daily = daily.groupby(["city_text", "date"]).mean(numeric_only=True).reset_index()
    city_daily["year"] = city_daily["date"].dt.year
    annual = city_daily.groupby(["city_text", "year"]).agg(
        pm2_5_mean=("pm2_5", "mean"), pm2_5_p95=("pm2_5", lambda s: s.quantile(0.95)),
        pm10_mean=("pm10", "mean"), so2_mean=("so2", "mean"), no2_mean=("no2", "mean"),
        co_p95=("co", lambda s: s.quantile(0.95)), o3_p90=("o3_mda8", lambda s: s.quantile(0.9)),
    )  # fmt: skip
    return len(annual)


def run(out: Path, days: int = 366, stations: int | None = None, seed: int = 12) -> Figures:
    """Generate (once), build, add a day, run the baselines; return the figures."""
    data = out / "synthetic_input"
    files = generate(data, days=days, seed=seed, station_limit=stations)
    figures = Figures(days=days, stations=stations or 0)
    database = out / "synthetic.duckdb"
    for leftover in (database, out / "dbt_target"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    first = source_files(files[:-1], data)
    start = time.perf_counter()
    built = build_monitoring(first, database, out / "dbt_target", full_refresh=True,
                             memory_limit=MEMORY_LIMIT)  # fmt: skip
    figures.seconds["land + marts (s)"] = time.perf_counter() - start
    figures.seconds["  of which landing (s)"] = built.seconds["land"]
    figures.peak_rss_gib = _peak_rss_gib()
    start = time.perf_counter()
    build_monitoring(source_files(files, data), database, out / "dbt_target",
                     memory_limit=MEMORY_LIMIT)  # fmt: skip
    figures.seconds["add one day (s)"] = time.perf_counter() - start
    con = duckdb.connect(str(database))
    figures.station_hours = con.execute(
        "select count(*) from landing.air_quality__station_hourly"
    ).fetchone()[0]
    figures.stations = con.execute(
        "select count(distinct station_code) from landing.air_quality__station_hourly"
    ).fetchone()[0]
    start = time.perf_counter()
    con.execute(HANDWRITTEN.read_text(encoding="utf-8"))
    figures.seconds["hand-written SQL (s)"] = time.perf_counter() - start
    con.close()
    start = time.perf_counter()
    pandas_daily_annual(database)
    figures.seconds["pandas daily/annual (s)"] = time.perf_counter() - start
    return figures


def report(figures: Figures) -> None:
    s = figures.seconds
    ratios = {
        "envwh / hand-written SQL": s["land + marts (s)"] / max(s["hand-written SQL (s)"], 1e-9),
        "pandas / envwh": s["pandas daily/annual (s)"] / max(s["land + marts (s)"], 1e-9),
    }
    hours = figures.station_hours
    print(f"SYNTHETIC national data: {figures.days} days × {figures.stations} stations = "
          f"{hours:,} station-hours ({hours * 6:,} values)")  # fmt: skip
    for name, value in s.items():
        goal = GOALS.get(name)
        print(f"  {name:<28} {value:8.1f}" + (f"   goal ≤ {goal:g}" if goal else ""))
    print(f"  {'peak RSS (GiB)':<28} {figures.peak_rss_gib:8.2f}   goal ≤ 4")
    print(
        f"  {'envwh / hand-written SQL':<28} {ratios['envwh / hand-written SQL']:8.2f}   goal ≤ 3"
    )
    print(f"  {'pandas / envwh':<28} {ratios['pandas / envwh']:8.2f}   goal ≥ 10")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=366)
    parser.add_argument("--stations", type=int, default=None, help="first N stations only")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "monitoring")
    args = parser.parse_args()
    report(run(args.out, args.days, args.stations))


if __name__ == "__main__":
    main()
