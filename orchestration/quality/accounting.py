"""Read = landed + quarantined, for every manifest entry, checked before a build is published.

A file's rows may not vanish: each entry of landing.raw__manifest must have its row in
quality.landing_files, whose counts must equal the rows of that file in its landing table and
in quality.rejected_rows. Report texts (`reports__text`) are accounted as `reports__facts`.
"""

from __future__ import annotations

import duckdb

from orchestration.parsing.builders import REPORTS_TABLE

ACCOUNTED_AS = {REPORTS_TABLE: "reports__facts"}  # manifest table → where its rows land


def accounting_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per manifest entry whose rows are not all accounted for (empty when all are)."""
    entries = con.execute('select path, "table" from landing.raw__manifest order by path')
    problems = []
    for path, table in entries.fetchall():
        landed_in = ACCOUNTED_AS.get(table, table)
        where = f"raw/{path} (table {table})"
        row = con.execute(
            "select records_read, records_landed, records_quarantined from "
            "quality.landing_files where table_name = ? and source_file = ?",
            [landed_in, path],
        ).fetchone()
        if row is None:
            problems.append(f"{where}: no accounting row in quality.landing_files: nothing of "
                            "this file was landed or quarantined")  # fmt: skip
            continue
        read, landed, quarantined = row
        (rows,) = con.execute(
            f"select count(*) from landing.{landed_in} where _source_file = ?", [path]
        ).fetchone()
        (rejected,) = con.execute(
            "select count(*) from quality.rejected_rows where table_name = ? and source_file = ?",
            [landed_in, path],
        ).fetchone()
        if (read, rows, rejected) != (landed + quarantined, landed, quarantined):
            problems.append(
                f"{where}: read {read}, landed {landed} ({rows} rows in landing.{landed_in}), "
                f"quarantined {quarantined} ({rejected} rows in quality.rejected_rows): "
                "read must equal landed + quarantined"
            )
    return problems
