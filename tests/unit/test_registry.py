"""The table registry: what it generates, and that every generated check can fail."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.landing import RecordKeysError, land_table, write_file
from orchestration.manifest import read_manifest
from orchestration.parsing.tables import ParsedFile
from orchestration.quality.suites import SuiteFile
from orchestration.quality.validate import run_suites
from orchestration.registry import RegistryError, landing_tables, read_table
from orchestration.registry.generate import SOURCES_PATH, dbt_sources, registry_suites

RAW = Path(__file__).resolve().parents[2] / "raw"


def test_the_dbt_source_file_is_generated_from_the_registry() -> None:
    """_landing__sources.yml is `envwh registry generate`'s output: edit the registry instead."""
    assert SOURCES_PATH.read_text(encoding="utf-8") == dbt_sources()


def test_landed_tables_have_exactly_the_registered_columns() -> None:
    con = duckdb.connect()
    entries = read_manifest(RAW / "manifest.csv")
    for table in {e.table for e in entries} & set(landing_tables()):
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
        write_file(con, parsed)
    parsed.records = [{k: v for k, v in record.items() if k != "capacity_valeu"}]
    with pytest.raises(RecordKeysError, match="missing"):  # a forgotten key fails too
        write_file(con, parsed)


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


# ---------- every generated expectation fails on a bad row and passes on a good one


def _condition_values(condition: dict | None) -> dict:
    if condition is None:
        return {}
    if condition["type"] == "and":
        return {k: v for c in condition["conditions"] for k, v in _condition_values(c).items()}
    return {condition["column"]["name"]: condition["parameter"]}


def _rows(expectation: dict) -> tuple[dict, dict]:
    """(a row this expectation accepts, a row it rejects)."""
    kwargs = expectation["kwargs"]
    base = _condition_values(kwargs.get("row_condition"))
    column = kwargs["column"]
    if expectation["type"] == "expect_column_values_to_be_in_set":
        return {**base, column: kwargs["value_set"][0]}, {**base, column: "not_a_code"}
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    good = (low + 1e-9 if kwargs.get("strict_min") else low) if low is not None else high
    bad = high * 1.5 + 1 if high is not None else (low if kwargs.get("strict_min") else low - 1)
    return {**base, column: good}, {**base, column: bad}


def _validate(table: str, rows: list[dict], suite: dict) -> list:
    con = duckdb.connect()
    con.execute("create schema landing")
    con.execute(landing_tables()[table].ddl())
    for row in rows:
        names = ", ".join(f'"{c}"' for c in row)
        con.execute(f"insert into landing.{table} ({names}) values "
                    f"({', '.join('?' for _ in row)})", list(row.values()))  # fmt: skip
    return run_suites(con, [SuiteFile(suite["name"], suite["meta"]["table"], suite)])


@pytest.mark.parametrize("suite_name", sorted(registry_suites()))
def test_each_generated_expectation_fails_on_a_bad_row(suite_name: str) -> None:
    """One row per expectation that it accepts: the suite passes. Add one row per expectation
    that it rejects: every expectation of the suite fails."""
    suite = registry_suites()[suite_name]
    table = suite_name.removeprefix("landing.")
    pairs = [_rows(e) for e in suite["expectations"]]
    assert pairs
    passed = _validate(table, [good for good, _ in pairs], suite)
    assert len(passed) == len(pairs) and all(r.success for r in passed), [
        r for r in passed if not r.success
    ]
    failed = _validate(table, [row for pair in pairs for row in pair], suite)
    assert len(failed) == len(pairs) and not any(r.success for r in failed), [
        r for r in failed if r.success
    ]
