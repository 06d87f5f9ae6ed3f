"""The monitoring benchmark's code path (bench/monitoring_bench.py) once on a tiny SYNTHETIC
input — no timing asserted — with its baselines (hand-written SQL, pandas) giving the same
results as the marts, and the incremental path it measures: adding one day gives the same marts
as building everything from scratch."""

from __future__ import annotations

from pathlib import Path

import duckdb

from bench.monitoring_bench import run
from orchestration.monitoring_build import build_monitoring, source_files

COMPARED = {
    "fct_air_city_daily": "city_text, observation_date",
    "fct_air_city_annual": "city_text, year",
    "fct_air_station_daily": "station_code, observation_date",
    # qc flags too: a new day can change the flags of the day before (runs across midnight)
    "fct_air_station_hourly": "station_code, observed_at, pollutant_code, source_file",
}


def _rows(database: Path, table: str, order: str) -> list[tuple]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        columns = [
            f"round({name}, 6)" if kind == "DOUBLE" else name  # sums in another order
            for name, kind in con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
            if name != "landing_batch"
        ]
        return con.execute(
            f"select {', '.join(columns)} from marts.{table} order by {order}"
        ).fetchall()
    finally:
        con.close()


def test_benchmark_path_and_incremental_day(tmp_path: Path) -> None:
    figures = run(tmp_path, days=3, stations=5)
    assert figures.station_hours >= 3 * 24 * 5  # planted exact duplicates are quarantined
    assert set(figures.seconds) >= {"envwh land + marts", "envwh add one day", "hand-written SQL",
                                    "pandas"}  # fmt: skip
    # the baselines compute the same thing: no row differs from the envwh marts
    for baseline in ("handwritten", "pandas"):
        differences = figures.differences[baseline]
        assert set(differences) == {"flags", "station_daily", "city_daily", "city_annual"}
        assert not any(differences.values()), (baseline, differences)
    data = tmp_path / "synthetic_input"
    files = sorted(data.glob("SYNTHETIC_cnemc_*.csv.gz"))
    assert len(files) == 3 and "SYNTHETIC" in (data / "SYNTHETIC_README.txt").read_text()
    scratch = tmp_path / "scratch.duckdb"
    build_monitoring(source_files(files, data), scratch, tmp_path / "t2", full_refresh=True)
    incremental = tmp_path / "synthetic.duckdb"
    for table, order in COMPARED.items():
        built_by_day = _rows(incremental, table, order)
        assert built_by_day and built_by_day == _rows(scratch, table, order), table
    con = duckdb.connect(str(incremental), read_only=True)
    (days,) = con.execute(
        "select count(distinct observation_date) from marts.fct_air_city_daily"
    ).fetchone()
    assert days == 3
