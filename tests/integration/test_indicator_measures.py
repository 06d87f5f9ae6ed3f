"""Every indicator → measure pivot comes from seeds/indicator_table_measures.csv: a row added
to the seed is a column of the mart, with no SQL edited.

One `dbt build` of a tiny project in a temporary folder: the project's macros, the real seed
plus one added row per path, the real SQL of fct_carbon_market_trading (figures pivoted per
indicator) and of int_report_facts_for_table_marts (prose facts pivoted per measure), their
parents replaced by small seeds.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import DBT_PROJECT_DIR

SEED = DBT_PROJECT_DIR / "seeds" / "indicator_table_measures.csv"
# two rows no SQL knows about: a table-only measure of the trading mart, and a measure that
# prose fills for a mart of its own
ADDED = (
    "carbon_test_volume,fct_carbon_market_trading,,,test_volume_t_co2e,false,added by the test\n"
    "test_prose_count,fct_test_mart,,,test_count,true,added by the test\n"
)
FIGURES = (
    "market_code,product_code,period_code,basis,is_cumulative,as_of_date,source_file,"
    "carbon_market_key,carbon_product_key,period_key,source_document_key,indicator_code,"
    "value_canonical,is_preferred,source_kind\n"
    "cn_ets,cea,2023,annual,false,2023-12-31,a.pdf,m,p,y,d,carbon_traded_volume,212000000,true,exchange\n"
    "cn_ets,cea,2023,annual,false,2023-12-31,a.pdf,m,p,y,d,carbon_test_volume,42,true,exchange\n"
)  # fmt: skip
FACTS = (
    "fact_kind,statement_order,comparator,value_canonical,region_code,period_code,indicator_code,"
    "source_file,quote,char_start\n"
    "actual,1,=,7,450000,2023,test_prose_count,r.txt,七座,1\n"
    "actual,1,=,67,450000,2023,msw_harmless_facilities_count,r.txt,无害化处理设施67座,9\n"
)
MANIFEST = "source_file,source_kind\nr.txt,government\n"
PROJECT = """
name: envwh
version: "1.0"
config-version: 2
profile: measures
"""
PROFILE = """
measures:
  target: t
  outputs:
    t: {type: duckdb, path: "%s", threads: 1}
"""


def _seed_measures(mart: str | None, prose_rows_only: bool = False) -> list[str]:
    """The measure columns the seed (with the added rows) gives a mart (None: every mart)."""
    names: list[str] = []
    for row in csv.DictReader(io.StringIO(SEED.read_text(encoding="utf-8") + ADDED)):
        if mart not in (None, row["mart"]) or (prose_rows_only and row["prose_rows"] != "true"):
            continue
        if row["measure"] not in names:
            names.append(row["measure"])
    return names


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("measures")
    shutil.copytree(DBT_PROJECT_DIR / "macros", root / "macros")
    (root / "seeds").mkdir()
    seeds = {
        "indicator_table_measures": SEED.read_text(encoding="utf-8") + ADDED,
        "fct_carbon_market_figure": FIGURES,
        "int_report_facts_ranked": FACTS,
        "stg_raw__manifest": MANIFEST,
    }
    for name, text in seeds.items():
        (root / "seeds" / f"{name}.csv").write_text(text, encoding="utf-8")
    (root / "models").mkdir()
    for model in (
        "marts/fct_carbon_market_trading",
        "intermediate/int_report_facts_for_table_marts",
    ):
        source = DBT_PROJECT_DIR / "models" / f"{model}.sql"
        shutil.copyfile(source, root / "models" / source.name)
    (root / "dbt_project.yml").write_text(PROJECT, encoding="utf-8")
    (root / "profiles.yml").write_text(PROFILE % (root / "t.duckdb"), encoding="utf-8")
    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run(
        [dbt, "build", "--project-dir", str(root), "--profiles-dir", str(root)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-3000:]
    con = duckdb.connect(str(root / "t.duckdb"), read_only=True)
    yield con
    con.close()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"describe {table}").fetchall()]


def test_a_seed_row_is_a_column_of_the_trading_mart(built: duckdb.DuckDBPyConnection) -> None:
    columns = _columns(built, "fct_carbon_market_trading")
    measures = _seed_measures("fct_carbon_market_trading")
    assert "test_volume_t_co2e" in measures
    # every measure of the seed, in the seed's order, between the grain and the flags
    start = columns.index("as_of_date") + 1
    assert columns[start : start + len(measures)] == measures
    volume, test_volume = built.execute(
        "select volume_t_co2e, test_volume_t_co2e from fct_carbon_market_trading"
    ).fetchone()
    assert (volume, test_volume) == (212_000_000, 42)


def test_a_prose_seed_row_is_a_column_of_the_prose_facts(built: duckdb.DuckDBPyConnection) -> None:
    columns = _columns(built, "int_report_facts_for_table_marts")
    assert columns[columns.index("source_kind") + 1 : columns.index("quote")] == _seed_measures(
        None, prose_rows_only=True
    )
    rows = built.execute(
        "select mart, test_count, facility_count"
        " from int_report_facts_for_table_marts order by mart"
    ).fetchall()
    assert rows == [("fct_test_mart", 7, None), ("fct_waste_capacity_summary", None, 67)]


def test_table_only_measures_are_not_filled_from_prose(built: duckdb.DuckDBPyConnection) -> None:
    """prose_rows false: the prose facts carry no column for the trading measures."""
    columns = set(_columns(built, "int_report_facts_for_table_marts"))
    assert not columns & set(_seed_measures("fct_carbon_market_trading"))
