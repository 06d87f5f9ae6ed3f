"""The client libraries BI tools use, against `envwh serve` on a real build of the shipped raw/.

SQLAlchemy 2.x (and pandas) and 1.4 (Superset's, in its own hash-locked venv), psycopg 3 with
typed and binary parameters, psycopg2 named cursors, pgjdbc's DatabaseMetaData (Metabase, DBeaver),
psql's \\d commands, and the catalog queries Metabase and Grafana send on sync
(tests/clients/catalog_queries/). Each is compared with what the published DuckDB file holds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import psycopg2
import pytest
import sqlalchemy
from sqlalchemy import inspect

from orchestration.paths import PROJECT_ROOT
from orchestration.serving.load import PIPELINE_SCHEMAS
from tests.integration.conftest import Workspace
from tests.integration.test_serve import (
    Server,
    start_server,
    stop,
)
from tests.integration.test_serve import (
    pytestmark as serve_mark,
)

pytestmark = [pytest.mark.integration, serve_mark]
CLIENTS = PROJECT_ROOT / "tests" / "clients"
SA14_PYTHON = PROJECT_ROOT / ".venv-sqlalchemy14" / "bin" / "python"
JDBC_JAR = Path("/usr/share/java/postgresql.jar")


@pytest.fixture(scope="module")
def served(built: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("serve-clients") / "serve.log"
    running = start_server(built.warehouse, log, secrets.token_hex(8))
    yield running
    stop(running)


@pytest.fixture(scope="module")
def expected(built: Workspace) -> dict:
    """What the published DuckDB file holds for readers: relations, keys, comment counts."""
    con = duckdb.connect(str(built.published), read_only=True)
    skip = tuple(PIPELINE_SCHEMAS)
    try:
        tables = {f"{s}.{t}" for s, t in con.execute(
            "select schema_name, table_name from duckdb_tables() where schema_name not in "
            f"{skip}").fetchall()}  # fmt: skip
        views = {f"{s}.{v}" for s, v in con.execute(
            "select schema_name, view_name from duckdb_views() where not internal and "
            f"schema_name not in {skip}").fetchall()}  # fmt: skip
        keys = {f"{s}.{t}": list(c) for s, t, c in con.execute(
            "select schema_name, table_name, constraint_column_names from duckdb_constraints() "
            f"where constraint_type = 'PRIMARY KEY' and schema_name not in {skip}"
        ).fetchall()}  # fmt: skip
        column_comments = con.execute(
            "select count(*) from duckdb_columns() where comment is not null and schema_name "
            f"not in {skip}").fetchone()[0]  # fmt: skip
        regions = con.execute("select count(*) from marts.dim_region").fetchone()[0]
    finally:
        con.close()
    schemas = {name.split(".")[0] for name in tables | views}
    return {"tables": tables, "views": views, "keys": keys, "schemas": schemas,
            "column_comments": column_comments, "regions": regions}  # fmt: skip


def url(server: Server, driver: str) -> str:
    return f"postgresql+{driver}://{server.dsn}"


@pytest.mark.parametrize("driver", ["psycopg", "psycopg2"])
def test_sqlalchemy2_inspector_sees_every_relation_with_types_keys_and_comments(
    served: Server, expected: dict, driver: str
) -> None:
    engine = sqlalchemy.create_engine(url(served, driver))
    try:
        inspector = inspect(engine)
        assert expected["schemas"] <= set(inspector.get_schema_names())
        tables, views, comments = set(), set(), 0
        for schema in expected["schemas"]:
            tables |= {f"{schema}.{t}" for t in inspector.get_table_names(schema)}
            views |= {f"{schema}.{v}" for v in inspector.get_view_names(schema)}
        assert tables | views == expected["tables"] | expected["views"]
        assert views <= expected["views"] and views  # views stay views where PostgreSQL can
        for name, key in expected["keys"].items():
            schema, table = name.split(".")
            assert inspector.get_pk_constraint(table, schema)["constrained_columns"] == key
        for name in sorted(tables | views):
            schema, table = name.split(".")
            columns = inspector.get_columns(table, schema)
            assert all(not isinstance(c["type"], sqlalchemy.types.NullType) for c in columns)
            comments += sum(1 for c in columns if c.get("comment"))
            inspector.get_foreign_keys(table, schema)
        assert comments >= expected["column_comments"] > 0
        region = {c["name"]: c for c in inspector.get_columns("dim_region", "marts")}
        assert isinstance(region["region_code"]["type"], sqlalchemy.types.TEXT)
        assert region["region_code"]["comment"]
        assert inspector.get_table_comment("dim_region", "marts")["text"]
    finally:
        engine.dispose()


def test_pandas_read_sql_table(served: Server, expected: dict) -> None:
    engine = sqlalchemy.create_engine(url(served, "psycopg"))
    try:
        frame = pd.read_sql_table("dim_region", engine, schema="marts")
        periods = pd.read_sql_table("dim_period", engine, schema="marts")
    finally:
        engine.dispose()
    assert len(frame) == expected["regions"] and "region_code" in frame.columns
    dates = [c for c in periods.columns if c.endswith("_date")]
    assert dates and all(pd.api.types.is_datetime64_any_dtype(periods[c]) for c in dates)


def test_sqlalchemy14_inspector_as_superset_uses_it(served: Server, expected: dict) -> None:
    """Superset pins SQLAlchemy 1.4; installed by `make test` into .venv-sqlalchemy14/."""
    if not SA14_PYTHON.exists():
        pytest.skip("no .venv-sqlalchemy14: run `make sqlalchemy14-client` (make test does)")
    result = subprocess.run([str(SA14_PYTHON), str(CLIENTS / "sqlalchemy14_inspect.py"),
                             url(served, "psycopg2")], capture_output=True, text=True,
                            timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["version"].startswith("1.4.")
    assert set(report["tables"]) == expected["tables"] | expected["views"]
    types = {c["type"] for t in report["tables"].values() for c in t["columns"]}
    assert "NULL" not in types and {"TEXT", "DATE", "DOUBLE_PRECISION"} <= types, types
    for name, key in expected["keys"].items():
        assert report["tables"][name]["primary_key"] == key
    comments = sum(1 for t in report["tables"].values() for c in t["columns"] if c["comment"])
    assert comments >= expected["column_comments"]
    assert report["tables"]["marts.dim_region"]["comment"]
    assert report["first_region"]


def test_psycopg3_typed_and_binary_parameters(served: Server) -> None:
    with served.connect() as con:
        code = con.execute("select region_code from marts.dim_region where region_code <> '-1' "
                           "order by region_code limit 1").fetchone()[0]  # fmt: skip
        for binary in (False, True):
            cur = con.cursor(binary=binary)
            row = cur.execute(
                "select region_code, %s::int + 1, %s::double precision * 2, %s::date + 1, %s "
                "from marts.dim_region where region_code = %s",
                [41, 1.25, dt.date(2024, 2, 28), "文字", code], binary=binary,
            ).fetchone()  # fmt: skip
            assert row == (code, 42, 2.5, dt.date(2024, 2, 29), "文字")
            dated = cur.execute("select count(*) from marts.dim_period where start_date "
                                ">= %s", [dt.date(2015, 1, 1)], binary=binary
                                ).fetchone()  # fmt: skip
            assert dated[0] > 0
        for _ in range(7):  # psycopg prepares a statement run 5 times: server-side prepare
            assert con.execute("select %s::text", ["x"], prepare=True).fetchone() == ("x",)


def test_psycopg2_named_server_side_cursor(served: Server) -> None:
    con = psycopg2.connect(host="127.0.0.1", port=served.port, user="envwh", dbname="envwh",
                           password=served.password)  # fmt: skip
    try:
        with con.cursor(name="periods") as cur:
            cur.itersize = 50
            cur.execute("select period_key from marts.dim_period order by period_key")
            rows = list(cur)
        with con.cursor() as cur:
            cur.execute("select count(*) from marts.dim_period")
            assert len(rows) == cur.fetchone()[0] > 50
    finally:
        con.close()


@pytest.mark.skipif(not JDBC_JAR.exists() or not shutil.which("javac"),
                    reason="pgjdbc or a JDK missing (.ci/run installs them)")  # fmt: skip
def test_pgjdbc_database_metadata(served: Server, expected: dict, tmp_path: Path) -> None:
    subprocess.run(["javac", "-d", str(tmp_path), str(CLIENTS / "JdbcMetadata.java")],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    jdbc_url = f"jdbc:postgresql://127.0.0.1:{served.port}/envwh"
    result = subprocess.run(["java", "-cp", f"{JDBC_JAR}:{tmp_path}", "JdbcMetadata", jdbc_url,
                             "envwh", served.password, "marts", "dim_region"],
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    tables = {f"{f[1]}.{f[2]}" for f in lines if f[0] == "table"}
    assert tables == {n for n in expected["tables"] | expected["views"] if n.startswith("marts.")}
    columns = [f for f in lines if f[0] == "column"]
    assert columns and all(f[2] == "text" for f in columns if f[1] == "region_code")
    assert all(f[5] != "null" for f in columns if f[1] == "region_code")  # the comment
    assert [f[1] for f in lines if f[0] == "pk"] == expected["keys"]["marts.dim_region"]
    assert [f[1] for f in lines if f[0] == "rows"] == [str(expected["regions"])]
    assert next(f for f in lines if f[0] == "product")[1] == "PostgreSQL"


def test_psql_describe_commands(served: Server) -> None:
    described = served.psql("\\d marts.dim_region", plain=False)
    assert described.returncode == 0 and "region_code" in described.stdout, described.stderr
    assert "PRIMARY KEY" in described.stdout
    plus = served.psql("\\d+ marts.dim_region", plain=False)
    assert plus.returncode == 0 and "Description" in plus.stdout and "GB/T 2260" in plus.stdout
    listed = served.psql("\\l")
    assert listed.returncode == 0 and re.search(r"^envwh\|", listed.stdout, re.M)
    tables = served.psql("\\dt marts.*")
    assert tables.returncode == 0 and "dim_region" in tables.stdout
    schemas = served.psql("\\dn")
    assert schemas.returncode == 0 and "marts" in schemas.stdout
    copied = served.psql("\\copy (select region_code from marts.dim_region limit 1) to stdout")
    assert copied.returncode == 0 and copied.stdout.strip(), copied.stderr  # client-side COPY
    views = served.psql("\\dv marts.*")
    assert views.returncode == 0 and "view" in views.stdout


def catalog_queries(name: str) -> list[tuple[str, str]]:
    """(name, SQL) of each `-- name:` block of tests/clients/catalog_queries/<name>.sql."""
    text = (CLIENTS / "catalog_queries" / f"{name}.sql").read_text()
    blocks = re.split(r"^-- name: (.+)$", text, flags=re.M)[1:]
    return [(blocks[i].strip(), blocks[i + 1].strip()) for i in range(0, len(blocks), 2)]


@pytest.mark.parametrize(
    ("tool", "name", "sql"),
    [(tool, name, sql) for tool in ("metabase", "grafana") for name, sql in catalog_queries(tool)],
)
def test_bi_tool_catalog_queries(served: Server, tool: str, name: str, sql: str) -> None:
    with served.connect() as con:
        rows = con.execute(sql).fetchall()
    if tool == "grafana" or "(rows)" in name:
        assert rows, f"{tool} {name} returned no rows"
    if name.startswith("describe-fields-sql"):
        keys = {(r[4], r[0]) for r in rows if r[5]}
        assert ("dim_region", "region_key") in keys  # Metabase sees primary keys
        assert any(r[6] for r in rows)  # and column comments
    if name.startswith("getSchema"):
        assert ("region_code", "text") in rows
