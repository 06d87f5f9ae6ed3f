"""The statement guard: which SQL `envwh serve` runs, acknowledges or refuses.

Pure policy, no database file and no network: DuckDB's own parser (`extract_statements`, run on a
private in-memory connection) classifies the statement, and a query's whole syntax tree
(`json_serialize_sql`) is walked for table functions and table names that would reach outside
the warehouse (read_csv, glob, `FROM '/etc/passwd'`, …). A rule belongs here if it decides from
the SQL text alone; running the statement, and the second line of defence (a read-only attach
with external access disabled and the configuration locked), live in orchestration.serving.server.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import duckdb

# Table functions a BI user may call: generators and read-only catalog introspection. Every other
# table function is refused (default deny), so a function added by a later DuckDB is refused too.
SAFE_TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree",
    "pg_timezone_names", "icu_calendar_names",
    "duckdb_columns", "duckdb_constraints", "duckdb_databases", "duckdb_dependencies",
    "duckdb_functions", "duckdb_indexes", "duckdb_keywords", "duckdb_schemas", "duckdb_sequences",
    "duckdb_tables", "duckdb_types", "duckdb_views",
    "pragma_table_info", "pragma_show", "pragma_version", "pragma_platform",
    "pragma_database_size", "pragma_storage_info", "pragma_metadata_info", "pragma_collations",
})  # fmt: skip

# Functions that read files or list directories: named in the refusal so the client learns why.
# (Any table function not in SAFE_TABLE_FUNCTIONS is refused as well.)
FILE_FUNCTIONS = frozenset({
    "read_csv", "read_csv_auto", "read_single_csv_file", "sniff_csv",
    "read_parquet", "parquet_scan", "read_single_parquet_file", "parquet_metadata",
    "parquet_schema", "parquet_file_metadata", "parquet_full_metadata", "parquet_kv_metadata",
    "parquet_bloom_probe",
    "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto", "read_ndjson",
    "read_ndjson_auto", "read_ndjson_objects", "read_single_json_file",
    "read_text", "read_blob", "read_duckdb", "read_xlsx", "glob", "st_read", "iceberg_scan",
    "delta_scan",
})  # fmt: skip
# Functions that run SQL handed to them as a string, which the guard cannot see into.
DYNAMIC_SQL_FUNCTIONS = frozenset({"query", "query_table", "json_execute_serialized_sql"})
REFUSED_SCALAR_FUNCTIONS = FILE_FUNCTIONS | DYNAMIC_SQL_FUNCTIONS | {
    "getenv", "write_log", "setval", "nextval"}  # fmt: skip

# Read-only PRAGMAs (they only report); every other PRAGMA is refused.
READ_ONLY_PRAGMAS = frozenset({
    "version", "platform", "database_size", "database_list", "show_databases", "show_tables",
    "show_tables_expanded", "table_info", "show", "storage_info", "metadata_info", "collations",
    "user_agent", "functions",
})  # fmt: skip

# `SET` of a PostgreSQL client parameter that drivers send on connect and DuckDB does not have:
# acknowledged ("SET") and ignored, so BI drivers connect.
CLIENT_PARAMETERS = frozenset({
    "application_name", "client_encoding", "datestyle", "extra_float_digits", "intervalstyle",
    "client_min_messages", "statement_timeout", "lock_timeout",
    "idle_in_transaction_session_timeout", "standard_conforming_strings", "bytea_output",
})  # fmt: skip
# `SET` that only changes name resolution for this client connection: run.
SESSION_SETTINGS = frozenset({"search_path", "schema"})

# Characters no warehouse table name has but file paths, globs and URLs do: `FROM 'x.csv'` and
# `FROM "/etc/passwd"` parse as a table named like a file, which DuckDB would read.
_PATH_CHARACTERS = frozenset("/\\.*?~:[]{}")

_TRANSACTION_TAGS = {"begin": "BEGIN", "start": "BEGIN", "commit": "COMMIT", "end": "COMMIT",
                     "rollback": "ROLLBACK", "abort": "ROLLBACK"}  # fmt: skip
_SET = re.compile(r"\s*(set|reset)\s+(?:(session|local|global)\s+)?([a-z_][a-z0-9_]*)", re.I)
_PRAGMA = re.compile(r"\s*pragma\s+([a-z_][a-z0-9_]*)\s*(=)?", re.I)
_EXPLAIN = re.compile(r"\s*explain\s+(?:analy[sz]e\s+)?(.*)", re.I | re.S)
_FIRST_WORD = re.compile(r"\s*([a-z_]+)", re.I)

READ_ONLY_NOTE = (
    "envwh serve is read-only: it runs one SELECT (or EXPLAIN, SHOW, DESCRIBE, SUMMARIZE, "
    "a read-only PRAGMA) at a time against the warehouse's own tables"
)


class Action(StrEnum):
    RUN = "run"  # execute it
    ACKNOWLEDGE = "acknowledge"  # answer with `tag` and execute nothing
    REFUSE = "refuse"  # send `reason` to the client as an error


@dataclass(frozen=True)
class Decision:
    """What to do with one query string from a client."""

    action: Action
    kind: str  # query | transaction | set | client-parameter | empty | the refused statement
    reason: str = ""  # why it is refused (shown to the client)
    tag: str = ""  # PostgreSQL command tag for statements without rows (BEGIN, COMMIT, SET)

    @property
    def refused(self) -> bool:
        return self.action is Action.REFUSE


def check(sql: str) -> Decision:
    """Decide on a query string as a client sent it (after protocol-level rewriting)."""
    try:
        statements = _parse(sql)
    except duckdb.Error as exc:
        return _refuse("syntax error", str(exc).strip())
    except ValueError:  # a statement type this duckdb's Python enum does not know
        return _refuse("unknown", f"statement not recognised; {READ_ONLY_NOTE}")
    if not statements:
        return Decision(Action.ACKNOWLEDGE, "empty")
    if len(statements) > 1:
        return _refuse("multiple statements", f"{len(statements)} statements in one query are "
                       "refused: send one statement at a time")  # fmt: skip
    kind, text = statements[0]
    if kind == "SELECT":
        problem = _query_problem(sql)
        return _refuse("query", problem) if problem else Decision(Action.RUN, "query")
    if kind == "EXPLAIN":
        return _explain(text)
    if kind == "PRAGMA":
        return _pragma(text)
    if kind == "TRANSACTION":
        tag = _TRANSACTION_TAGS.get(_first_word(text).lower())
        if tag:
            return Decision(Action.RUN, "transaction", tag=tag)
    if kind == "SET":
        return _set(text)
    label = _first_word(text).upper()
    label = kind.replace("_", " ") if label in ("", "WITH") else label
    return _refuse(label.lower(), f"{label} statements are refused: {READ_ONLY_NOTE}")


# --- the rules for each statement kind -------------------------------------------------------


def _query_problem(sql: str) -> str | None:
    """Why this SELECT may not run (a table function, file path or function it names), or None."""
    tree = _serialize(sql)
    if tree.get("error"):
        return f"this query could not be checked, so it is refused: {tree.get('error_message')}"
    return next(_tree_problems(tree.get("statements", [])), None)


def _tree_problems(node: Any):
    """Every problem in a serialized syntax tree, outermost first (CTEs and subqueries included)."""
    if isinstance(node, list):
        for item in node:
            yield from _tree_problems(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "TABLE_FUNCTION":
        name = _function_name(node.get("function"))
        if name in FILE_FUNCTIONS:
            yield f"{name}() reads files and is refused; {READ_ONLY_NOTE}"
        elif name in DYNAMIC_SQL_FUNCTIONS:
            yield f"{name}() runs SQL given as a string and is refused; {READ_ONLY_NOTE}"
        elif name not in SAFE_TABLE_FUNCTIONS:
            allowed = ", ".join(sorted(SAFE_TABLE_FUNCTIONS))
            yield f"table function {name}() is refused ({allowed} are allowed); {READ_ONLY_NOTE}"
    elif node.get("type") == "BASE_TABLE":
        name = str(node.get("table_name", ""))
        if _PATH_CHARACTERS & set(name):
            yield (f"FROM '{name}' names a file, not a warehouse table, and is refused; "
                   f"{READ_ONLY_NOTE}")  # fmt: skip
    if node.get("class") == "FUNCTION":
        name = _function_name(node)
        if name in REFUSED_SCALAR_FUNCTIONS:
            yield f"{name}() is refused; {READ_ONLY_NOTE}"
    for value in node.values():
        if isinstance(value, dict | list):
            yield from _tree_problems(value)


def _explain(text: str) -> Decision:
    match = _EXPLAIN.match(text)
    inner = check(match.group(1)) if match else None
    if inner is None or inner.kind != "query":
        return _refuse("explain", f"EXPLAIN is only allowed of a SELECT; {READ_ONLY_NOTE}")
    if inner.refused:
        return _refuse("explain", inner.reason)
    return Decision(Action.RUN, "query")


def _pragma(text: str) -> Decision:
    match = _PRAGMA.match(text)
    if match and match.group(1).lower() in READ_ONLY_PRAGMAS and not match.group(2):
        return Decision(Action.RUN, "query")
    name = match.group(1) if match else "?"
    return _refuse("pragma", f"PRAGMA {name} is refused (only read-only PRAGMAs run: "
                   f"{', '.join(sorted(READ_ONLY_PRAGMAS))}); {READ_ONLY_NOTE}")  # fmt: skip


def _set(text: str) -> Decision:
    match = _SET.match(text)
    if match and (match.group(2) or "").lower() != "global":
        name = match.group(3).lower()
        if name in CLIENT_PARAMETERS:
            return Decision(Action.ACKNOWLEDGE, "client-parameter", tag="SET")
        if name in SESSION_SETTINGS:
            return Decision(Action.RUN, "set", tag="SET" if match.group(1).lower() == "set"
                            else "RESET")  # fmt: skip
    words = " ".join(text.split()[:2]).rstrip(";").split("=")[0].strip() or "SET"
    return _refuse("set", f"`{words}` is refused: no setting may change except `SET search_path` "
                   f"(this connection's name resolution); {READ_ONLY_NOTE}")  # fmt: skip


def _refuse(kind: str, reason: str) -> Decision:
    return Decision(Action.REFUSE, kind, reason=reason)


# --- DuckDB's parser, on a private in-memory connection ---------------------------------------

_parser_lock = threading.Lock()
_parser: duckdb.DuckDBPyConnection | None = None


def _parser_connection() -> duckdb.DuckDBPyConnection:
    global _parser
    if _parser is None:
        config = {"enable_external_access": False, "autoload_known_extensions": False}
        _parser = duckdb.connect(":memory:", config=config)
    return _parser


def _parse(sql: str) -> list[tuple[str, str]]:
    """(statement type name, statement text) for each statement DuckDB finds in `sql`."""
    with _parser_lock:
        return [(s.type.name, s.query) for s in _parser_connection().extract_statements(sql)]


def _serialize(sql: str) -> dict:
    with _parser_lock:
        row = _parser_connection().execute("select json_serialize_sql(?::varchar)", [sql])
        return json.loads(row.fetchone()[0])


def _function_name(node: Any) -> str:
    return str(node.get("function_name", "")).lower() if isinstance(node, dict) else ""


def _first_word(text: str) -> str:
    match = _FIRST_WORD.match(text)
    return match.group(1) if match else ""
