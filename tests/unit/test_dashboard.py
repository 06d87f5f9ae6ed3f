"""The dashboard's AQI panel follows the warehouse: a note while marts.fct_air_city_daily is
absent, a calendar coloured by the HJ 633 categories once it exists (synthetic rows, test only)."""

from __future__ import annotations

import csv

import duckdb

from orchestration import dashboard
from orchestration.paths import SEEDS_DIR


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create schema marts; create schema reference")
    with open(SEEDS_DIR / "standards_hj633_aqi_categories.csv", encoding="utf-8") as handle:
        rows = [(r["aqi_range"], r["hex"], r["category_zh"]) for r in csv.DictReader(handle)]
    con.execute("create table reference.standards_hj633_aqi_categories "
                "(aqi_range varchar, hex varchar, category_zh varchar)")  # fmt: skip
    con.executemany("insert into reference.standards_hj633_aqi_categories values (?, ?, ?)", rows)
    return con


def test_without_daily_aqi_the_panel_is_a_note() -> None:
    panel = dashboard._daily_panel(_warehouse())
    assert panel.spec is None and "fct_air_city_daily" in (panel.note or "")


def test_daily_aqi_becomes_a_calendar_of_the_busiest_city() -> None:
    con = _warehouse()
    con.execute(
        "create table marts.fct_air_city_daily as select * from (values "
        "('450100', date '2024-01-01', 45), ('450100', date '2024-01-02', 160), "
        "('450200', date '2024-01-01', 80)) t(region_code, observation_date, aqi)"
    )
    panel = dashboard._daily_panel(con)
    assert panel.spec is not None and panel.caption.startswith("450100, 2024")
    data = next(iter(panel.spec["datasets"].values()))
    assert [row["aqi"] for row in data] == [45, 160]
    scale = panel.spec["encoding"]["color"]["scale"]
    assert scale["domain"] == [51, 101, 151, 201, 301]  # HJ 633 category bounds
    assert scale["range"][0] == "#00E400"  # 优: green
