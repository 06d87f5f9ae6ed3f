"""The bi schema (the views BI tools start from) and the checks that keep marts from misleading:
one row per stated grain, no empty mart — each check proven by feeding it a bad warehouse."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import DBT_PROJECT_DIR
from tests.integration.conftest import Workspace

pytestmark = pytest.mark.integration

DBT = Path(sys.executable).with_name("dbt")
BI_VIEWS = {
    "air_quality", "air_quality_annual_vs_limit", "water_quality_summary", "waste_capacity",
    "carbon_market_annual", "carbon_market_cumulative", "report_observations",
}  # fmt: skip


def test_bi_views_one_row_per_grain_with_dates(built: Workspace) -> None:
    views = {
        v for (v,) in built.query("select view_name from duckdb_views() where schema_name = 'bi'")
    }
    assert views == BI_VIEWS
    # no naive-SUM traps: annual and cumulative carbon rows live apart, one row per year
    years = built.query("select year, count(*) from bi.carbon_market_annual group by year")
    assert years and all(n == 1 for _, n in years)
    assert built.query(
        "select count(*) from bi.carbon_market_cumulative where as_of_date is null"
    ) == [(0,)]  # fmt: skip
    # the annual PM2.5 Guangxi's 2023 report states, against GB 3095-2012's 35 µg/m³
    assert built.query(
        "select value, unit_code, limit_value, exceeds_limit, basis, year_start_date::varchar "
        "from bi.air_quality_annual_vs_limit where region_code = '450000' and year = 2023 "
        "and indicator_code = 'pm2_5' and grade = 'II'"
    ) == [(26.4, "ug_m3", 35.0, False, "stated_in_prose", "2023-01-01")]  # fmt: skip
    # two scopes for one region × period × indicator: both kept, exactly one is the headline
    scopes = built.query(
        "select count(*), count(*) filter (where is_headline_scope) from bi.air_quality "
        "where region_code = '520000' and period_code = '2019-02' "
        "and indicator_code = 'good_days_ratio'"
    )  # fmt: skip
    assert scopes == [(2, 1)]
    # Guangxi 2019 lists only failing sections: coverage stated, no share
    assert built.query(
        "select list_kind, sections_listed, network_section_count, good_share_pct "
        "from bi.water_quality_summary where period_code = '2019-01..2019-02'"
    ) == [("exceedance", 7, 97, None)]  # fmt: skip
    # a partial facility sum never appears as the capacity to show
    assert built.query(
        "select count(*) from bi.waste_capacity where completeness like '%below%'"
    ) == [(0,)]  # fmt: skip
    types = built.query(
        "select data_type from information_schema.columns where table_schema = 'bi' "
        "and (column_name like '%_date')"
    )  # fmt: skip
    assert types and {t for (t,) in types} == {"DATE"}


def _dbt_test(database: Path, select: str, target: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ENVWH_DUCKDB_PATH": str(database)}
    return subprocess.run(
        [str(DBT), "test", "--select", select, "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def test_empty_mart_and_duplicated_bi_grain_fail_the_checks(
    built: Workspace, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.duckdb"
    shutil.copy(built.published, broken)
    con = duckdb.connect(str(broken))
    try:
        con.execute("delete from marts.mart_air_quality_annual_vs_limit")
        con.execute("create table main.annual_copy as select * from bi.carbon_market_annual")
        con.execute(
            "create or replace view bi.carbon_market_annual as select * from main.annual_copy "
            "union all (select * from main.annual_copy order by year limit 1)"
        )  # a second row for one market × product × year
    finally:
        con.close()
    result = _dbt_test(
        broken,
        "assert_marts_have_rows test_name:unique_key,carbon_market_annual",
        tmp_path / "target",
    )
    out = result.stdout
    assert result.returncode != 0, out[-3000:]
    failed = re.findall(r"FAIL \d+ (\S+)", out)
    assert "assert_marts_have_rows" in failed, out[-3000:]
    assert any(name.startswith("unique_key_carbon_market_annual") for name in failed), out[-3000:]
