"""Read = landed + quarantined for every manifest entry: a file with no accounting row, or whose
counts disagree with its rows, is named (and publishing refuses the build)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.landing import land_table, write_manifest
from orchestration.manifest import read_manifest
from orchestration.quality.accounting import accounting_problems
from tests.conftest import RAW

PERIODIC = "air_quality__periodic"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(tmp_path / "accounting.duckdb"))
    yield connection
    connection.close()


def _entries() -> list:
    return [e for e in read_manifest(RAW / "manifest.csv") if e.table == PERIODIC][:2]


def test_landed_files_are_accounted_for(con: duckdb.DuckDBPyConnection) -> None:
    entries = _entries()
    write_manifest(con, entries)
    land_table(con, RAW, entries, PERIODIC)
    assert accounting_problems(con) == []


def test_a_file_that_landed_nothing_is_named(con: duckdb.DuckDBPyConnection) -> None:
    entries = _entries()
    land_table(con, RAW, entries, PERIODIC)
    lost = entries[1].__class__(**{**vars(entries[1]), "table": "air_quality__nonexistent"})
    write_manifest(con, [entries[0], lost])
    assert accounting_problems(con) == [
        f"raw/{lost.path} (table air_quality__nonexistent): no accounting row in "
        "quality.landing_files: nothing of this file was landed or quarantined"
    ]


def test_counts_that_disagree_with_the_rows_are_named(con: duckdb.DuckDBPyConnection) -> None:
    entries = _entries()
    write_manifest(con, entries)
    land_table(con, RAW, entries, PERIODIC)
    con.execute(
        f"delete from landing.{PERIODIC} where _source_file = ? and _row_number = 2",
        [entries[0].path],
    )
    (problem,) = accounting_problems(con)
    assert problem.startswith(f"raw/{entries[0].path} (table {PERIODIC}): read ")
    assert "read must equal landed + quarantined" in problem
