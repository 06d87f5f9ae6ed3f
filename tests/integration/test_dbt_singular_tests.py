"""Every singular dbt test of the project (dbt_project/tests/*.sql) passes on the shipped build and
fails once one bad row is written into a copy of it.

The generic tests are proven in test_dbt_generic_tests.py on a tiny project; a singular test
reads the real marts, so it is proven on the real build: one `dbt compile` of the singular tests
against a copy of the published warehouse, then each test's compiled SQL runs on that copy (no
row) and on a copy where `BAD_ROWS` broke exactly what the test guards (at least one row). A new
singular test without its bad row fails here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import DBT_PROJECT_DIR
from tests.integration.conftest import Workspace, run_dbt

DATABASE = "singular.duckdb"  # every copy has this name: the compiled SQL names its catalog

# singular test -> statements that each break, in its own copy of the build, what it guards
BAD_ROWS: dict[str, list[str]] = {
    "assert_carbon_cumulative_totals_never_decrease": [
        # the newest cumulative volume falls below the one before
        "update marts.fct_carbon_market_figure set value_canonical = 1 "
        "where indicator_code = 'carbon_traded_volume' and is_cumulative "
        "and as_of_date = (select max(as_of_date) from marts.fct_carbon_market_figure "
        "where indicator_code = 'carbon_traded_volume' and is_cumulative)",
    ],
    "assert_carbon_turnover_over_volume_is_average_price": [
        "update marts.fct_carbon_market_figure set value_canonical = value_canonical * 2 "
        "where indicator_code = 'carbon_turnover'",
    ],
    "assert_daily_aqi_is_the_largest_iaqi": [
        "update marts.fct_air_station_daily set aqi = aqi + 1 where aqi is not null",
    ],
    "assert_incomplete_years_say_why": [
        "update marts.fct_air_city_annual set is_complete = not is_complete",
    ],
    "assert_indicator_ranges_match_hj633": [
        "update reference.indicators set valid_max = valid_max + 1 "
        "where standard_pollutant is not null",
    ],
    "assert_marts_have_rows": ["delete from marts.dim_carbon_sector"],
    "assert_one_preferred_line_per_station_hour": [
        "update intermediate.int_air_station_hours_screened set is_preferred = false "
        "where source_row_number = 2",
    ],
    "assert_standards_in_force_by_year": [
        "update reference.standards_gb3095_2026_limits set transitional_grade_ii = 31 "
        "where pollutant = 'PM2.5' and averaging_zh = '年平均'",
    ],
    "assert_station_hourly_keeps_every_landed_value": [
        # a landed line lost, and a line written twice (its six pollutants twice: not unique)
        "delete from intermediate.int_air_station_hours_screened where source_row_number = 2",
        "insert into intermediate.int_air_station_hours_screened "
        "select * from intermediate.int_air_station_hours_screened where source_row_number = 2",
    ],
    "assert_water_class_limits_parse_the_standard": [
        "update reference.standards_gb3838_2002_class_limits set class_II = '0.6' "
        "where param = 'NH3-N'",
    ],
}


def _singular_tests() -> list[str]:
    return sorted(path.stem for path in (DBT_PROJECT_DIR / "tests").glob("*.sql"))


@pytest.fixture(scope="module")
def compiled(built: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each singular test's SQL, compiled against a copy of the build named `DATABASE`."""
    root = tmp_path_factory.mktemp("singular")
    database = root / DATABASE
    shutil.copyfile(built.published, database)
    target = run_dbt("compile", "--select", "test_type:singular", database=database, root=root)
    files = (target / "compiled").rglob("*.sql")
    return {path.stem: path.read_text(encoding="utf-8") for path in files}


def _failing_rows(built: Workspace, tmp_path: Path, sql: str, bad_row: str | None) -> int:
    tmp_path.mkdir()
    database = tmp_path / DATABASE
    shutil.copyfile(built.published, database)
    con = duckdb.connect(str(database))
    try:
        if bad_row:
            con.execute(bad_row)
        return len(con.execute(sql).fetchall())
    finally:
        con.close()


def test_every_singular_test_has_a_bad_row() -> None:
    assert _singular_tests() == sorted(BAD_ROWS)


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_singular_test_passes_on_the_build(
    name: str, built: Workspace, compiled: dict[str, str], tmp_path: Path
) -> None:
    assert _failing_rows(built, tmp_path / "good", compiled[name], None) == 0


CASES = [(name, bad) for name, bads in sorted(BAD_ROWS.items()) for bad in bads]


@pytest.mark.parametrize(("name", "bad_row"), CASES)
def test_singular_test_fails_on_a_bad_row(
    name: str, bad_row: str, built: Workspace, compiled: dict[str, str], tmp_path: Path
) -> None:
    assert _failing_rows(built, tmp_path / "bad", compiled[name], bad_row) > 0
