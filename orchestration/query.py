"""Read-only queries against the published warehouse, formatted for a terminal or a pipe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb


class QueryError(Exception):
    """The query could not run (no warehouse, more than one statement, SQL error)."""


def run_query(database: Path, query: str, fmt: str = "table", max_rows: int = 200) -> str:
    if not database.exists():
        raise QueryError(f"no published warehouse at {database}: run `envwh build` first")
    con = duckdb.connect(str(database), read_only=True)
    try:
        statements = con.extract_statements(query)
        if len(statements) != 1:
            raise QueryError(f"expected one SQL statement, got {len(statements)}")
        try:
            relation = con.sql(query)
            if relation is None:
                return "ok"
            columns, rows = relation.columns, relation.fetchall()
        except duckdb.Error as exc:
            raise QueryError(str(exc).strip()) from None
    finally:
        con.close()
    return format_rows(columns, rows, fmt, max_rows)


def format_rows(columns: list[str], rows: list[tuple], fmt: str = "table",
                max_rows: int = 200) -> str:  # fmt: skip
    """Rows as csv, json (a list of objects) or an aligned table."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows],
                          ensure_ascii=False, default=str, indent=1)  # fmt: skip
    return format_table(columns, rows, max_rows)


def format_table(columns: list[str], rows: list[tuple], max_rows: int = 200) -> str:
    """A plain aligned table (wide Chinese characters count double) with a row count."""
    shown = rows[:max_rows]
    cells = [[_cell(v) for v in row] for row in shown]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" │ ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True))]
    lines.append("─┼─".join("─" * w for w in widths))
    lines += [" │ ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in cells]
    more = f" (showing {len(shown)})" if len(rows) > len(shown) else ""
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{more})")
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "NULL"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
