"""Read-only queries against the published warehouse, formatted for a terminal or a pipe.

CSV output is meant for spreadsheets, so a text cell that a spreadsheet would run as a formula
(starting with =, +, -, @, a tab or a carriage return, or a full-width ＝ ＋ － ＠) is written
with a leading single quote, as OWASP's CSV-injection guidance says. A plain signed number
(`-15.8`, as a number or as text) is left as it is: a spreadsheet reads it as that number, and
nothing after it can run. The warehouse keeps every value as it was; table and JSON output show
it unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import duckdb

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


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
        relation = con.sql(query)
        if relation is None:
            return "ok"
        columns, rows = relation.columns, relation.fetchall()
    except duckdb.Error as exc:
        raise QueryError(one_line(str(exc))) from None
    finally:
        con.close()
    return format_rows(columns, rows, fmt, max_rows)


def one_line(message: str) -> str:
    """DuckDB's error on one line: its 'LINE 1: …' excerpt and the caret under it dropped."""
    lines = [line.strip() for line in message.splitlines()]
    kept = [line for line in lines if line and not line.startswith("LINE ") and set(line) != {"^"}]
    return " ".join(kept)


def csv_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with a single quote."""
    formula = isinstance(value, str) and value.startswith(FORMULA_START)
    return "'" + value if formula and not _PLAIN_NUMBER.fullmatch(value) else value


def format_rows(columns: list[str], rows: list[tuple], fmt: str = "table",
                max_rows: int = 200) -> str:  # fmt: skip
    """Rows as csv, json (a list of objects) or an aligned table."""
    if fmt == "csv":
        return "\n".join(_csv_line([csv_safe(v) for v in row]) for row in [columns, *rows])
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows],
                          ensure_ascii=False, default=str, indent=1)  # fmt: skip
    return format_table(columns, rows, max_rows)


def _csv_line(cells: list) -> str:
    """One CSV record; a cell holding a line break (\\r too, which the csv module leaves bare
    under a \\n terminator) is quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2]


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
