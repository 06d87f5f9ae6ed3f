"""The table registry: what it generates, and that every generated check can fail."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.landing import (
    RecordKeysError,
    drop_if_redeclared,
    ensure_tables,
    land_table,
    write_files,
)
from orchestration.manifest import read_manifest
from orchestration.parsing.builders import BUILDERS
from orchestration.parsing.tables import ParsedFile
from orchestration.quality.suites import SuiteFile, load_suites
from orchestration.quality.validate import needed_columns, run_suites
from orchestration.registry import Column, RegistryError, landing_tables, read_table
from orchestration.registry.generate import SOURCES_PATH, dbt_sources, registry_suites
from orchestration.registry.measures import measure_cases, seed_rows

RAW = Path(__file__).resolve().parents[2] / "raw"


def test_the_dbt_source_file_is_generated_from_the_registry() -> None:
    """_landing__sources.yml is `envwh registry generate`'s output: edit the registry instead."""
    assert SOURCES_PATH.read_text(encoding="utf-8") == dbt_sources()


def test_landed_tables_have_exactly_the_registered_columns() -> None:
    con = duckdb.connect()
    entries = read_manifest(RAW / "manifest.csv")
    for table in {e.table for e in entries} & set(BUILDERS):  # parsed row by row
        land_table(con, RAW, entries, table)
        landed = [r[0] for r in con.execute(f"describe landing.{table}").fetchall()]
        assert landed == list(landing_tables()[table].all_column_types)


def test_a_misspelled_record_key_fails_instead_of_landing_null() -> None:
    con = duckdb.connect()
    record = {c: None for c in landing_tables()["waste__facilities"].column_types}
    record["capacity_valeu"] = record.pop("capacity_value")
    parsed = ParsedFile("waste/x.csv", "0" * 64, "waste__facilities", "utf-8", records=[record])
    with pytest.raises(RecordKeysError, match=r"unexpected \['capacity_valeu'\].*"
                       r"missing \['capacity_value'\]"):  # fmt: skip
        write_files(con, [parsed])
    parsed.records = [{k: v for k, v in record.items() if k != "capacity_valeu"}]
    with pytest.raises(RecordKeysError, match="missing"):  # a forgotten key fails too
        write_files(con, [parsed])


def test_the_files_of_one_write_land_together_or_not_at_all() -> None:
    """One transaction per table: a value that cannot be stored in the second file of a write
    leaves the first file's earlier rows as they were, and lands neither file's new rows."""
    con = duckdb.connect()
    table = "waste__facilities"
    blank = {c: None for c in landing_tables()[table].column_types}

    def parsed(name: str, capacity: object) -> ParsedFile:
        record = {**blank, "capacity_value": capacity, "_source_file": name, "_row_number": 2}
        return ParsedFile(name, "0" * 64, table, "utf-8", records=[record])

    write_files(con, [parsed("waste/a.csv", 1.0)])
    with pytest.raises(duckdb.ConversionException):
        write_files(con, [parsed("waste/a.csv", "2.0"), parsed("waste/b.csv", "一千")])
    assert con.execute(f"select _source_file, capacity_value from landing.{table}").fetchall() \
        == [("waste/a.csv", 1.0)]  # fmt: skip
    assert con.execute("select source_file from quality.landing_files").fetchall() \
        == [("waste/a.csv",)]  # fmt: skip
    write_files(con, [parsed("waste/a.csv", 2.0), parsed("waste/b.csv", 3.0)])
    assert sorted(con.execute(f"select _source_file, capacity_value from landing.{table}")
                  .fetchall()) == [("waste/a.csv", 2.0), ("waste/b.csv", 3.0)]  # fmt: skip


def test_a_registry_file_that_breaks_the_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x__y.yml"
    path.write_text("name: x__y\nsubject: x\ndescription: d\nfields: {a: [甲]}\ncolumns:\n"
                    "  - {name: a_text, type: varchar, from: b}\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(RegistryError, match="unknown field 'b'"):
        read_table(path)
    path.write_text("name: x__y\nsubject: x\ndescription: d\ncolumns:\n"
                    "  - {name: a, type: varchar, vocabulary: seeds/units.csv:nope}\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(RegistryError, match="no column 'nope'"):
        read_table(path)


def test_a_closed_list_may_carry_its_spellings_and_default(tmp_path: Path) -> None:
    basis = landing_tables()["carbon_market__figures"].column("basis")
    assert basis.values == ("annual", "cumulative", "compliance_period", "forecast")
    assert basis.spellings and "累计" in basis.spellings["cumulative"]
    assert basis.default == "annual"
    path = tmp_path / "x__y.yml"
    path.write_text("name: x__y\nsubject: x\ndescription: d\ncolumns:\n"
                    "  - {name: a, type: varchar, values: {p: [甲]}, default: q}\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(RegistryError, match="default 'q'"):
        read_table(path)


# ---------- every generated expectation fails on a bad row and passes on a good one


def _range_rows(expectation: dict) -> tuple[dict, dict]:
    """(a row a registry `range` expectation accepts, a row it rejects)."""
    kwargs = expectation["kwargs"]
    column, low, high = kwargs["column"], kwargs.get("min_value"), kwargs.get("max_value")
    good = (low + 1 if kwargs.get("strict_min") else low) if low is not None else high
    bad = high * 1.5 + 1 if high is not None else (low if kwargs.get("strict_min") else low - 1)
    return {column: good}, {column: bad}


def _in_unit(value: float, canonical: str, unit: str) -> float:
    units = {u["unit_code"]: float(u["factor_to_base"]) for u in seed_rows("units.csv")}
    return value * units[canonical] / units[unit]


def _measure_rows(table: str, column: Column) -> tuple[list[dict], list[dict]]:
    """Rows a measure's expectations accept (each case at its bounds, in every allowed unit)
    and rows they reject: a unit of another dimension, a value over the maximum stated in
    another unit than the canonical one (the conversion is checked too), one under the minimum.
    """
    measure = column.measure
    assert measure is not None
    good, bad = [], []
    for case in measure_cases(landing_tables()[table], column):
        key = {measure.per: case.code} if measure.per else {}
        low = case.low if case.low is not None else 0.0
        inside = low + 1e-6 if measure.exclusive_min else low
        for unit in case.units:
            good.append({**key, measure.unit_column: unit, column.name: _in_unit(inside,
                         case.canonical, unit)})  # fmt: skip
            if case.high is not None:
                good.append({**key, measure.unit_column: unit,
                             column.name: _in_unit(case.high, case.canonical, unit)})  # fmt: skip
        bad.append({**key, measure.unit_column: "not_a_unit", column.name: inside})
        other = next((u for u in case.units if u != case.canonical), case.canonical)
        if case.high is not None:
            over = _in_unit(case.high * 1.01 + 1, case.canonical, other)
            bad.append({**key, measure.unit_column: other, column.name: over})
        under = low if measure.exclusive_min else low - 1
        bad.append({**key, measure.unit_column: case.canonical, column.name: under})
    return good, bad


def _validate(table: str, rows: list[dict], suite: dict) -> list:
    con = duckdb.connect()
    con.execute("create schema landing")
    con.execute(landing_tables()[table].ddl())
    for row in rows:
        names = ", ".join(f'"{c}"' for c in row)
        con.execute(f"insert into landing.{table} ({names}) values "
                    f"({', '.join('?' for _ in row)})", list(row.values()))  # fmt: skip
    return run_suites(con, [SuiteFile(suite["name"], suite["meta"]["table"], suite)])


@pytest.mark.parametrize(
    "suite_name", sorted(n for n in registry_suites() if n.startswith("landing."))
)
def test_each_generated_expectation_fails_on_a_bad_row(suite_name: str) -> None:
    """Rows every expectation accepts: the suite passes. Add rows each expectation rejects:
    every expectation of the suite fails."""
    suite = registry_suites()[suite_name]
    table = suite_name.removeprefix("landing.")
    good, bad = [], []
    for expectation in suite["expectations"]:
        if expectation["type"] == "expect_column_values_to_be_between":
            accepted, rejected = _range_rows(expectation)
            good.append(accepted)
            bad.append(rejected)
    for column in (c for c in landing_tables()[table].columns if c.measure):
        accepted_rows, rejected_rows = _measure_rows(table, column)
        good += accepted_rows
        bad += rejected_rows
    passed = _validate(table, good, suite)
    assert len(passed) == len(suite["expectations"])
    assert all(r.success for r in passed), [r for r in passed if not r.success]
    failed = _validate(table, good + bad, suite)
    assert not any(r.success for r in failed), [r for r in failed if r.success]


def test_a_value_in_another_unit_is_checked_after_conversion() -> None:
    """0.4 mg/m³ of PM2.5 is 400 µg/m³ (≤ 500: plausible); 0.6 mg/m³ is 600 µg/m³ (not)."""
    suite = registry_suites()["landing.air_quality__periodic"]
    row = {"indicator_code": "pm2_5", "unit_code": "mg_m3"}
    ok = _validate("air_quality__periodic", [{**row, "value": 0.4}], suite)
    assert all(r.success for r in ok)
    over = _validate("air_quality__periodic", [{**row, "value": 0.6}], suite)
    assert [r.notes.split(",")[0] for r in over if not r.success] == ["value"]


def test_a_landing_table_of_an_older_shape_is_dropped_with_its_accounting() -> None:
    con = duckdb.connect()
    ensure_tables(con, "reports__unmapped_quantities")
    con.execute("drop table landing.reports__unmapped_quantities")  # an older envwh's shape:
    con.execute("create table landing.reports__unmapped_quantities (value double, quote varchar)")
    con.execute(
        "insert into quality.landing_files values "
        "('reports__unmapped_quantities', 'reports/a.txt', 'x', 'utf-8', 1, 1, 0)"
    )
    ensure_tables(con, "reports__unmapped_quantities")
    landed = [r[0] for r in con.execute("describe landing.reports__unmapped_quantities").fetchall()]
    assert landed == list(landing_tables()["reports__unmapped_quantities"].all_column_types)
    assert con.execute("select count(*) from quality.landing_files").fetchone() == (0,)
    ensure_tables(con, "reports__unmapped_quantities")  # the current shape is left alone
    assert not drop_if_redeclared(con, "reports__unmapped_quantities")


def test_a_suite_reads_only_the_columns_its_expectations_name() -> None:
    """The station-hour suite reads 2 columns of 420,000 rows; a structured row condition adds
    the columns it compares; a condition written as a pandas query or a derived measure column
    (value__canonical) needs the whole table, with the derived columns."""
    columns = ["station_code", "longitude", "latitude", "value", "unit", "basis"]

    def suite(*expectations: dict) -> SuiteFile:
        spec = {"name": "landing.t", "meta": {"table": "landing.t"}, "expectations": expectations}
        return SuiteFile("landing.t", "landing.t", spec)

    between = {"type": "expect_column_values_to_be_between",
               "kwargs": {"column": "longitude", "min_value": 73, "max_value": 136}}  # fmt: skip
    pair = {"type": "expect_column_pair_values_a_to_be_greater_than_b",
            "kwargs": {"column_A": "latitude", "column_B": "value", "or_equal": True}}  # fmt: skip
    assert needed_columns(suite(between, pair), columns) == ["longitude", "latitude", "value"]
    condition = {"type": "comparison", "column": {"name": "basis"}, "operator": "==",
                 "parameter": "cumulative"}  # fmt: skip
    conditional = {**between, "kwargs": {**between["kwargs"], "row_condition": condition}}
    assert needed_columns(suite(between, conditional), columns) == ["longitude", "basis"]
    either = {"type": "or", "conditions": [condition, {**condition, "column": {"name": "unit"}}]}
    nested = {**between, "kwargs": {**between["kwargs"], "row_condition": either}}
    assert needed_columns(suite(nested), columns) == ["longitude", "unit", "basis"]
    for written in (
        'basis=="cumulative"',
        {"type": "pass_through", "pass_through_filter": 'basis=="cumulative"'},
    ):
        query = {**between, "kwargs": {**between["kwargs"], "row_condition": written}}
        assert needed_columns(suite(between, query), columns) is None
    derived = {**between, "kwargs": {**between["kwargs"], "column": "value__canonical"}}
    assert needed_columns(suite(derived), columns) is None
    hourly = load_suites()
    station = next(s for s in hourly if s.table == "landing.air_quality__station_hourly")
    assert needed_columns(station, [*columns, "pm2_5_ug_m3"]) == ["longitude", "latitude"]
