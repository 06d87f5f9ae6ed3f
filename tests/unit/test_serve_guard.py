"""The `envwh serve` statement guard as a pure function: what runs, what is acknowledged, what is
refused and why (no server, no database file)."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.serving.guard import (
    FILE_FUNCTIONS,
    SAFE_TABLE_FUNCTIONS,
    Action,
    check,
)


@pytest.mark.parametrize(
    "sql",
    [
        "select 1",
        "SELECT region_code, count(*) FROM marts.fct_air_quality GROUP BY 1 ORDER BY 2 DESC;",
        "from marts.dim_region limit 3",
        "with r as (select * from marts.dim_region) select * from r join marts.dim_period on true",
        "select * from envwh.marts.dim_region where region_code = $1",
        "select * from range(3) t(i) where i in (select unnest([1, 2]))",
        "select table_schema, table_name from information_schema.tables",
        "select * from duckdb_tables()",
        "select {'a': 1} as s",
        "-- a comment first\nselect 1",
        "show tables",
        "show all tables",
        "describe marts.dim_region",
        "summarize marts.dim_region",
        "explain select * from marts.dim_region",
        "pragma version",
        "pragma table_info('marts.dim_region')",
    ],
)
def test_read_only_queries_run(sql: str) -> None:
    decision = check(sql)
    assert (decision.action, decision.kind) == (Action.RUN, "query"), decision.reason


@pytest.mark.parametrize(
    ("sql", "word"),
    [
        ("insert into marts.dim_region values ('x')", "INSERT"),
        ("with x as (select 1) insert into t select * from x", "INSERT"),
        ("update marts.dim_region set region_code = 'x'", "UPDATE"),
        ("delete from marts.dim_region", "DELETE"),
        ("truncate marts.dim_region", "TRUNCATE"),
        ("merge into t using s on (t.a = s.a) when matched then delete", "MERGE"),
        ("create table t as select 1", "CREATE"),
        ("create temp table t (a int)", "CREATE"),
        ("create macro m(a) as a", "CREATE"),
        ("drop table marts.dim_region", "DROP"),
        ("alter table marts.dim_region add column x int", "ALTER"),
        ("comment on table marts.dim_region is 'x'", "COMMENT"),
        ("attach '/tmp/other.duckdb' as other", "ATTACH"),
        ("detach envwh", "DETACH"),
        ("copy marts.dim_region to '/tmp/out.csv'", "COPY"),
        ("copy (select 1) to stdout", "COPY"),
        ("export database '/tmp/x'", "EXPORT"),
        ("install httpfs", "INSTALL"),
        ("load httpfs", "LOAD"),
        ("checkpoint", "CHECKPOINT"),
        ("vacuum", "VACUUM"),
        ("call pragma_version()", "CALL"),
        ("prepare p as select 1", "PREPARE"),
        ("execute p", "EXECUTE"),
        ("pivot t on a", "PIVOT"),
    ],
)
def test_writes_ddl_and_side_doors_are_refused(sql: str, word: str) -> None:
    decision = check(sql)
    assert decision.refused
    assert decision.reason.startswith(f"{word} statements are refused"), decision.reason


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("select * from read_csv('/etc/passwd')", "read_csv()"),
        ("select * from READ_CSV_AUTO('/etc/passwd')", "read_csv_auto()"),
        ("from read_parquet('s3://bucket/x.parquet')", "read_parquet()"),
        ("from parquet_scan('x.parquet')", "parquet_scan()"),
        ("from read_json_auto('x.json')", "read_json_auto()"),
        ("from read_ndjson('x.json')", "read_ndjson()"),
        ("select content from read_text('/etc/passwd')", "read_text()"),
        ("select content from read_blob('/etc/passwd')", "read_blob()"),
        ("from glob('/home/*')", "glob()"),
        ("from sniff_csv('/etc/passwd')", "sniff_csv()"),
        ("from query('select * from read_csv(''/etc/passwd'')')", "query()"),
        # hidden in a CTE, a subquery, a join, EXPLAIN and DESCRIBE
        ("with f as (from read_csv('/etc/passwd')) select * from f", "read_csv()"),
        ("select (select count(*) from read_text('/etc/shadow'))", "read_text()"),
        ("select * from marts.dim_region join read_csv('x.csv') on true", "read_csv()"),
        ("explain analyze select * from read_csv('/etc/passwd')", "read_csv()"),
        ("describe select * from glob('*')", "glob()"),
        # a string or quoted name in FROM is a file to DuckDB
        ("from '/etc/passwd'", "FROM '/etc/passwd'"),
        ("select * from 'data.csv'", "FROM 'data.csv'"),
        ('select * from "/etc/passwd"', "FROM '/etc/passwd'"),
        ("select * from 'https://example.org/x.parquet'", "FROM 'https://example.org/x.parquet'"),
        ("describe '/etc/passwd'", "FROM '/etc/passwd'"),
        # table functions outside the allow-list, and functions with side effects
        ("from duckdb_secrets()", "duckdb_secrets()"),
        ("from duckdb_logs_parsed()", "duckdb_logs_parsed()"),
        ("select getenv('ENVWH_SERVE_PASSWORD')", "getenv()"),
        ("select nextval('s')", "nextval()"),
    ],
)
def test_file_reading_and_dynamic_sql_are_refused(sql: str, named: str) -> None:
    decision = check(sql)
    assert decision.refused
    assert named in decision.reason, decision.reason


@pytest.mark.parametrize(
    "sql", ["select 1; select 2", "select 1; insert into t values (1)", "begin; drop table t"]
)
def test_several_statements_are_refused(sql: str) -> None:
    decision = check(sql)
    assert decision.refused and decision.kind == "multiple statements"
    assert "send one statement at a time" in decision.reason


@pytest.mark.parametrize(
    ("sql", "tag"),
    [("begin", "BEGIN"), ("BEGIN TRANSACTION READ ONLY", "BEGIN"), ("start transaction", "BEGIN"),
     ("commit", "COMMIT"), ("end", "COMMIT"), ("rollback", "ROLLBACK"), ("abort", "ROLLBACK")],
)  # fmt: skip
def test_transactions_run_with_their_command_tag(sql: str, tag: str) -> None:
    assert check(sql) == check(sql.lower())
    decision = check(sql)
    assert (decision.action, decision.kind, decision.tag) == (Action.RUN, "transaction", tag)


def test_set_changes_only_search_path_and_acknowledges_client_parameters() -> None:
    assert check("set search_path = 'marts'").action is Action.RUN
    assert check("SET SESSION search_path TO marts").action is Action.RUN
    for sql in ("set application_name = 'superset'", "SET extra_float_digits = 3",
                "set DateStyle = 'ISO'", "set client_encoding to 'UTF8'"):  # fmt: skip
        decision = check(sql)
        assert (decision.action, decision.tag) == (Action.ACKNOWLEDGE, "SET"), sql
    for sql in ("set threads = 1", "set global search_path = 'x'", "pragma threads = 4",
                "set enable_external_access = true", "reset lock_configuration", "use marts",
                "set variable secret = 1", "pragma enable_profiling",
                "set memory_limit = '1GB'"):  # fmt: skip
        decision = check(sql)
        assert decision.refused, sql
        assert "search_path" in decision.reason or "PRAGMA" in decision.reason


def test_empty_and_broken_sql() -> None:
    assert check("").action is Action.ACKNOWLEDGE
    assert check(" ; ").action is Action.ACKNOWLEDGE
    broken = check("selec 1")
    assert broken.refused and "syntax error" in broken.reason.lower()


def test_every_file_reading_table_function_duckdb_ships_is_refused() -> None:
    """Derived from this DuckDB's own catalog, so a reader added by an upgrade is noticed."""
    con = duckdb.connect()
    names = {r[0] for r in con.sql("select distinct function_name from duckdb_functions() "
                                   "where function_type = 'table'").fetchall()}  # fmt: skip
    readers = {
        n for n in names if n.startswith(("read_", "parquet_")) or n in ("glob", "sniff_csv")
    }
    assert {"read_csv", "read_parquet", "read_json", "read_text", "glob"} <= readers
    for name in readers:
        assert check(f"select * from {name}('/etc/passwd')").refused, name
    assert not readers & SAFE_TABLE_FUNCTIONS
    assert names >= SAFE_TABLE_FUNCTIONS, "allow-list names a table function DuckDB lacks"
    assert readers <= FILE_FUNCTIONS, "name the new reader in FILE_FUNCTIONS"
