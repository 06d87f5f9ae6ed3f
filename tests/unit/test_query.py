"""`envwh sql`: CSV output a spreadsheet cannot execute, and one-line errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from orchestration.query import QueryError, format_rows, run_query

FORMULAS = ["=HYPERLINK(\"http://x\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "＝1+1"]  # fmt: skip


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "envwh.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table t (label varchar, value double, text_number varchar)")
    con.executemany("insert into t values (?, ?, ?)", [[f, -15.8, "-15.8"] for f in FORMULAS])
    con.close()
    return path


def test_csv_neutralises_formulas_and_keeps_negative_numbers(warehouse: Path) -> None:
    out = run_query(warehouse, "select * from t", fmt="csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))[1:]
    assert [r[0] for r in rows] == [f"'{f}" for f in FORMULAS]
    assert {(r[1], r[2]) for r in rows} == {("-15.8", "-15.8")}  # numbers stay numbers


def test_the_warehouse_keeps_the_value_intact(warehouse: Path) -> None:
    run_query(warehouse, "select * from t", fmt="csv")
    con = duckdb.connect(str(warehouse), read_only=True)
    assert [r[0] for r in con.execute("select label from t").fetchall()] == FORMULAS
    con.close()


def test_table_and_json_formats_show_the_value_as_stored() -> None:
    assert "=HYPERLINK" in format_rows(["a"], [("=HYPERLINK(1)",)], "json")
    assert "'=" not in format_rows(["a"], [("=HYPERLINK(1)",)], "table")


@pytest.mark.parametrize(
    "query",
    ["selec 1", "select * from no_such_table", "select 1 +", "select cast('x' as integer)"],
)
def test_bad_sql_is_one_line_error(warehouse: Path, query: str) -> None:
    with pytest.raises(QueryError) as error:
        run_query(warehouse, query)
    assert "\n" not in str(error.value) and str(error.value)


def test_sql_command_prints_one_line_and_exits_2(warehouse: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ENVWH_WAREHOUSE_DIR", str(warehouse.parent))
    assert main(["sql", "selec 1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("✗ ") and err.count("\n") == 1 and "Traceback" not in err
