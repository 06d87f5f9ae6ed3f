"""Loading the published DuckDB warehouse into the serving PostgreSQL, and swapping builds.

What belongs here: which schemas readers get (every schema of the file except the pipeline's
own `landing`, `staging`, `intermediate` and `main`), the DuckDB → PostgreSQL type map, tables
with NOT NULL, primary keys and the comments dbt wrote, views as views (kept as loaded tables
when PostgreSQL cannot read DuckDB's SQL), and the fast path: DuckDB `COPY … TO` CSV, then
PostgreSQL `COPY … FROM STDIN` through psycopg — no row loops.

A build is loaded into `envwh_next_<schema>` schemas in one transaction that, at its end, drops
the old schemas and renames the new ones into place: a reader sees the old build or the new one,
never a mixture, and a failed load leaves the old build served.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg
from psycopg import errors, sql

from orchestration.serving.cluster import READER

PIPELINE_SCHEMAS = frozenset({"landing", "staging", "intermediate", "main"})
NEXT_PREFIX = "envwh_next_"
SWAP_LOCK_TIMEOUT = "5s"  # waiting for readers' open transactions before a swap is retried
SWAP_ATTEMPTS = 6
_COPY_CHUNK = 1 << 20
_DECIMAL = re.compile(r"^DECIMAL\((\d+),\s*(\d+)\)$")
# DuckDB type → PostgreSQL type (what DuckDB writes for it in CSV, PostgreSQL reads as is)
_TYPES: dict[str, str] = {
    "BOOLEAN": "boolean", "TINYINT": "smallint", "SMALLINT": "smallint", "UTINYINT": "smallint",
    "INTEGER": "integer", "USMALLINT": "integer", "BIGINT": "bigint", "UINTEGER": "bigint",
    "UBIGINT": "numeric(20,0)", "HUGEINT": "numeric(39,0)", "UHUGEINT": "numeric(39,0)",
    "FLOAT": "real", "DOUBLE": "double precision", "VARCHAR": "text", "DATE": "date",
    "TIME": "time", "TIMESTAMP": "timestamp", "TIMESTAMP_S": "timestamp",
    "TIMESTAMP_MS": "timestamp", "TIMESTAMP_NS": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz", "INTERVAL": "interval", "UUID": "uuid",
    "JSON": "jsonb", "BLOB": "bytea",
}  # fmt: skip


def postgres_type(duckdb_type: str) -> tuple[str, str]:
    """(PostgreSQL type, DuckDB expression template for the CSV export) of one DuckDB type.

    Lists, structs and maps become jsonb (their JSON text); any other type text."""
    if duckdb_type in _TYPES:
        pg = _TYPES[duckdb_type]
        if pg == "bytea":
            return pg, "'\\x' || hex({})"
        return pg, "{}"
    if match := _DECIMAL.match(duckdb_type):
        return f"numeric({match.group(1)},{match.group(2)})", "{}"
    if duckdb_type.endswith("]") or duckdb_type.startswith(("STRUCT", "MAP", "UNION")):
        return "jsonb", "to_json({})"
    return "text", "cast({} as varchar)"


@dataclass
class Column:
    name: str
    duckdb_type: str
    nullable: bool
    comment: str | None

    @property
    def postgres_type(self) -> str:
        return postgres_type(self.duckdb_type)[0]

    def export_expression(self) -> str:
        quoted = '"' + self.name.replace('"', '""') + '"'
        return postgres_type(self.duckdb_type)[1].format(quoted)


@dataclass
class Relation:
    """A table or view readers get, as the published file describes it."""

    schema: str
    name: str
    columns: list[Column]
    comment: str | None = None
    primary_key: list[str] = field(default_factory=list)
    view_sql: str | None = None  # DuckDB's CREATE VIEW statement, for views

    @property
    def is_view(self) -> bool:
        return self.view_sql is not None

    def create_table(self, schema: str) -> sql.Composed:
        columns = [
            sql.SQL("{} {}{}").format(sql.Identifier(c.name), sql.SQL(c.postgres_type),
                                      sql.SQL("" if c.nullable else " not null"))
            for c in self.columns
        ]  # fmt: skip
        return sql.SQL("create table {}.{} ({})").format(
            sql.Identifier(schema), sql.Identifier(self.name), sql.SQL(", ").join(columns)
        )

    def export_query(self) -> str:
        exprs = ", ".join(c.export_expression() for c in self.columns)
        return f'select {exprs} from "{self.schema}"."{self.name}"'


@dataclass(frozen=True)
class Catalog:
    schemas: dict[str, str | None]  # name → comment
    relations: list[Relation]


def read_catalog(con: duckdb.DuckDBPyConnection) -> Catalog:
    """Every schema, table and view readers get, with columns, keys and comments."""
    skip = sorted(PIPELINE_SCHEMAS)
    where = "database_name = current_database() and schema_name not in ({})".format(
        ", ".join("?" for _ in skip)
    )
    schemas = dict(con.execute(f"select schema_name, comment from duckdb_schemas() where {where}"
                               " and not internal order by 1", skip).fetchall())  # fmt: skip
    columns: dict[tuple[str, str], list[Column]] = {}
    for schema, table, name, data_type, nullable, comment in con.execute(
        f"select schema_name, table_name, column_name, data_type, is_nullable, comment "
        f"from duckdb_columns() where {where} order by schema_name, table_name, column_index",
        skip,
    ).fetchall():
        columns.setdefault((schema, table), []).append(Column(name, data_type, nullable, comment))
    keys = {(s, t): list(names) for s, t, names in con.execute(
        f"select schema_name, table_name, constraint_column_names from duckdb_constraints() "
        f"where {where} and constraint_type = 'PRIMARY KEY'", skip).fetchall()}  # fmt: skip
    relations = [
        Relation(s, t, columns.get((s, t), []), c, keys.get((s, t), []))
        for s, t, c in con.execute(f"select schema_name, table_name, comment from duckdb_tables()"
                                   f" where {where} order by 1, 2", skip).fetchall()
    ]  # fmt: skip
    relations += [
        Relation(s, v, columns.get((s, v), []), c, view_sql=text)
        for s, v, c, text in con.execute(
            f"select schema_name, view_name, comment, sql from duckdb_views() where {where} "
            "and not internal order by 1, 2", skip).fetchall()
    ]  # fmt: skip
    return Catalog(schemas, relations)


def view_body(view_sql: str) -> str | None:
    """The SELECT of DuckDB's `CREATE VIEW s.v AS SELECT …;` (None if it is not of that form)."""
    match = re.match(r"^\s*create\s+(?:or\s+replace\s+)?view\s+.+?\s+as\s+(.*?);?\s*$", view_sql,
                     re.I | re.S)  # fmt: skip
    return match.group(1) if match else None


@dataclass
class LoadReport:
    tables: int = 0
    views: int = 0
    views_as_tables: list[str] = field(default_factory=list)
    rows: int = 0
    comments: int = 0
    primary_keys: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        kept = (f" ({len(self.views_as_tables)} views loaded as tables: "
                f"{', '.join(self.views_as_tables)})" if self.views_as_tables else "")  # fmt: skip
        return (f"{self.tables} tables, {self.views} views{kept}, {self.rows:,} rows, "
                f"{self.primary_keys} primary keys, {self.comments} comments in "
                f"{self.seconds:.1f} s")  # fmt: skip


def load(published: Path, admin: psycopg.Connection, work_dir: Path) -> LoadReport:
    """Load `published` into the server and swap it in; the old build stays on any failure."""
    started = time.monotonic()
    report = LoadReport()
    source = duckdb.connect(str(published), read_only=True)  # the inode is pinned until close
    try:
        catalog = read_catalog(source)
        with admin.transaction():
            _drop_leftovers(admin)
            for schema, comment in catalog.schemas.items():
                target = sql.Identifier(NEXT_PREFIX + schema)
                admin.execute(sql.SQL("create schema {}").format(target))
                if comment:
                    admin.execute(sql.SQL("comment on schema {} is {}").format(
                        target, sql.Literal(comment)))  # fmt: skip
            for relation in catalog.relations:
                report.rows += _load_relation(source, admin, relation, work_dir)
                report.comments += _comment(admin, relation, NEXT_PREFIX + relation.schema)
                if relation.primary_key:
                    admin.execute(sql.SQL("alter table {}.{} add primary key ({})").format(
                        sql.Identifier(NEXT_PREFIX + relation.schema),
                        sql.Identifier(relation.name),
                        sql.SQL(", ").join(map(sql.Identifier, relation.primary_key))))  # fmt: skip
                    report.primary_keys += 1
                report.tables += not relation.is_view
            _swap(admin, catalog, report)
    finally:
        source.close()
    admin.execute("analyze")
    admin.commit()
    report.seconds = time.monotonic() - started
    return report


def _drop_leftovers(admin: psycopg.Connection) -> None:
    names = admin.execute("select nspname from pg_namespace where nspname like %s",
                          [NEXT_PREFIX + "%"]).fetchall()  # fmt: skip
    for (name,) in names:
        admin.execute(sql.SQL("drop schema {} cascade").format(sql.Identifier(name)))


def _load_relation(source: duckdb.DuckDBPyConnection, admin: psycopg.Connection,
                   relation: Relation, work_dir: Path) -> int:  # fmt: skip
    """CREATE TABLE in the next schema and COPY its rows: DuckDB writes CSV, PostgreSQL reads it."""
    schema = NEXT_PREFIX + relation.schema
    admin.execute(relation.create_table(schema))
    csv = work_dir / "relation.csv"
    path = str(csv).replace("'", "''")
    source.execute(f"copy ({relation.export_query()}) to '{path}' (format csv, header false)")
    copy_sql = sql.SQL("copy {}.{} from stdin (format csv)").format(
        sql.Identifier(schema), sql.Identifier(relation.name)
    )
    with admin.cursor() as cur, cur.copy(copy_sql) as copy, csv.open("rb") as handle:
        while chunk := handle.read(_COPY_CHUNK):
            copy.write(chunk)
    rows = admin.execute(sql.SQL("select count(*) from {}.{}").format(
        sql.Identifier(schema), sql.Identifier(relation.name))).fetchone()[0]  # fmt: skip
    csv.unlink()
    return rows


def _comment(admin: psycopg.Connection, relation: Relation, schema: str) -> int:
    kind = sql.SQL("view" if relation.is_view and _is_view(admin, schema, relation.name)
                   else "table")  # fmt: skip
    target = sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(relation.name))
    count = 0
    if relation.comment:
        admin.execute(
            sql.SQL("comment on {} {} is {}").format(kind, target, sql.Literal(relation.comment))
        )
        count += 1
    for column in relation.columns:
        if column.comment:
            admin.execute(sql.SQL("comment on column {}.{} is {}").format(
                target, sql.Identifier(column.name), sql.Literal(column.comment)))  # fmt: skip
            count += 1
    return count


def _is_view(admin: psycopg.Connection, schema: str, name: str) -> bool:
    row = admin.execute("select c.relkind from pg_class c join pg_namespace n on n.oid = "
                        "c.relnamespace where n.nspname = %s and c.relname = %s",
                        [schema, name]).fetchone()  # fmt: skip
    return bool(row) and row[0] == "v"


def _swap(admin: psycopg.Connection, catalog: Catalog, report: LoadReport) -> None:
    """Drop the old schemas, rename the new into place, grant, recreate views: one transaction."""
    admin.execute(f"set local lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
    for attempt in range(SWAP_ATTEMPTS):
        try:
            with admin.transaction():  # a savepoint: a lock timeout retries only the swap
                _swap_once(admin, catalog, report)
            return
        except errors.LockNotAvailable:
            if attempt == SWAP_ATTEMPTS - 1:
                raise
            time.sleep(1)


def _swap_once(admin: psycopg.Connection, catalog: Catalog, report: LoadReport) -> None:
    report.views, report.views_as_tables = 0, []
    existing = {name for (name,) in admin.execute("select nspname from pg_namespace").fetchall()}
    reader = sql.Identifier(READER)
    for schema in catalog.schemas:
        if schema in existing:
            admin.execute(sql.SQL("drop schema {} cascade").format(sql.Identifier(schema)))
        admin.execute(sql.SQL("alter schema {} rename to {}").format(
            sql.Identifier(NEXT_PREFIX + schema), sql.Identifier(schema)))  # fmt: skip
        admin.execute(
            sql.SQL("grant usage on schema {} to {}").format(sql.Identifier(schema), reader)
        )
    for relation in catalog.relations:
        if relation.is_view:
            _as_view(admin, relation, report)
    for schema in catalog.schemas:
        # REFERENCES too: information_schema.table_constraints shows a key only to a role with a
        # privilege other than SELECT (Metabase reads keys there); the role owns no table that
        # could reference one, so it grants nothing else
        admin.execute(sql.SQL("grant select, references on all tables in schema {} to {}").format(
            sql.Identifier(schema), reader))  # fmt: skip


def _as_view(admin: psycopg.Connection, relation: Relation, report: LoadReport) -> None:
    """Replace the loaded rows of a DuckDB view by the view itself, if PostgreSQL reads its SQL."""
    body = view_body(relation.view_sql or "")
    target = sql.SQL("{}.{}").format(sql.Identifier(relation.schema), sql.Identifier(relation.name))
    try:
        if body is None:
            raise errors.SyntaxError("not a CREATE VIEW … AS statement")
        with admin.transaction():
            admin.execute(sql.SQL("drop table {}").format(target))
            admin.execute(sql.SQL("create view {} as {}").format(target, sql.SQL(body)))
            _comment(admin, relation, relation.schema)
        report.views += 1
    except psycopg.Error:
        report.views_as_tables.append(f"{relation.schema}.{relation.name}")
