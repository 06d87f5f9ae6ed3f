"""Server wiring for `envwh serve`: buenavista's PostgreSQL protocol in front of the published file.

What belongs here: the start-up rules (loopback unless a password is set), the client check (user
`envwh`, database `envwh`, md5 password from ENVWH_SERVE_PASSWORD), and one read-only DuckDB per
client connection. Which SQL may run is decided in orchestration.serving.guard.

Each connection gets its own in-memory DuckDB that ATTACHes the published file READ_ONLY (a
private instance, so DuckDB's per-path instance cache cannot pin an old build), detaches the
writable in-memory catalog, then disables external access and locks the configuration — so even
a statement the guard missed cannot read a file, load an extension or write. Before each
statement outside a transaction the file is stat'ed; when the publisher has renamed a new build
into place, the connection reopens and the client sees the new build. Nothing takes a write lock.

buenavista 0.5 targets DuckDB 1.x: its session fetches results with `fetch_record_batch()`, which
DuckDB 2.0 removed; WarehouseSession uses `to_arrow_reader()` instead.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import logging
import os
import socket
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
from buenavista import bv_dialects, rewrite
from buenavista.backends.duckdb import (
    DuckDBConnection,
    DuckDBQueryResult,
    DuckDBSession,
    to_bvtype,
)
from buenavista.core import Connection, QueryResult, Session
from buenavista.postgres import (
    NULL_BYTE,
    BuenaVistaHandler,
    BuenaVistaServer,
    BVBuffer,
    BVContext,
    ServerResponse,
)

from orchestration.serving.guard import Action, check

USER = "envwh"
DATABASE = "envwh"
PASSWORD_ENV = "ENVWH_SERVE_PASSWORD"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5433  # beside, not on, a real PostgreSQL's 5432

SERVER_VERSION = f"PostgreSQL 9.3 (envwh, DuckDB {duckdb.__version__}, read-only)"
# psql's catalog queries (\dt, \dn) in words DuckDB's pg_catalog understands.
_PSQL_REWRITES = (("OPERATOR(pg_catalog.~)", "~"), (" COLLATE pg_catalog.default", ""),
                  ("pg_catalog.pg_get_userbyid(", "("))  # fmt: skip
_SSL_REQUEST, _GSSENC_REQUEST, _CANCEL_REQUEST, _PROTOCOL_3 = 80877103, 80877104, 80877102, 196608


class ServeError(Exception):
    """The server will not start (no warehouse, open to the network without a password, …)."""


class StatementRefused(Exception):
    """The guard refused a client's statement; the message is sent to the client."""


class ClientRefused(Exception):
    """A connection is turned away (wrong user, database or password); ends the connection."""

    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@dataclass(frozen=True)
class ServeConfig:
    database: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    password: str | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{USER}@{host}:{self.port}/{DATABASE}"


def serve_config(database: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 password: str | None = None) -> ServeConfig:  # fmt: skip
    """Validated settings; the password defaults to $ENVWH_SERVE_PASSWORD (empty means none)."""
    password = (password if password is not None else os.environ.get(PASSWORD_ENV)) or None
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port} is not a TCP port (0–65535; 0 picks a free one)")
    if not is_loopback(host) and not password:
        raise ServeError(f"refusing to serve on {host!r} without a password: set {PASSWORD_ENV} "
                         f"or bind to {DEFAULT_HOST}")  # fmt: skip
    if not database.exists():
        raise ServeError(f"no published warehouse at {database}: run `envwh build` first")
    try:
        open_read_only(database).close()
    except duckdb.Error as exc:
        raise ServeError(f"cannot open {database} read-only: {exc}") from None
    return ServeConfig(database=database, host=host, port=port, password=password)


def is_loopback(host: str) -> bool:
    """True when every address `host` names is a loopback address (127.0.0.0/8, ::1)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


def open_read_only(database: Path) -> duckdb.DuckDBPyConnection:
    """A private DuckDB with `database` attached READ_ONLY as `envwh`; no file access; locked."""
    con = duckdb.connect(":memory:", config={
        "autoinstall_known_extensions": False, "autoload_known_extensions": False,
        "allow_community_extensions": False, "python_enable_replacements": False,
    })  # fmt: skip
    try:
        path = str(database).replace("'", "''")
        con.execute(f"ATTACH '{path}' AS {DATABASE} (READ_ONLY)")
        con.execute(f"USE {DATABASE}")
        con.execute("DETACH memory")  # no writable catalog left but the session's temp
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when the publisher renames a new build into place (None when missing)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class WarehouseSession(DuckDBSession):
    """One client connection: guard each statement, run it on its own read-only DuckDB."""

    def __init__(self, database: Path) -> None:
        Session.__init__(self)  # not DuckDBSession's: the DuckDB opens on the first statement
        self.database = database
        self.in_txn = False
        self.config_params: set[str] = set()
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple[int, int, int, int] | None = None

    def cursor(self) -> duckdb.DuckDBPyConnection:
        identity = file_identity(self.database)
        stale = identity is not None and identity != self._identity and not self.in_txn
        if self._cursor is None or stale:
            self.close()
            self._cursor, self._identity = open_read_only(self.database), identity
        return self._cursor

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    def rewrite_sql(self, sql: str) -> str:
        """buenavista's psql/DBeaver rewrites and psql's \\dt; SET is left to the guard."""
        if sql.lstrip()[:4].upper() == "SET ":
            return sql
        for postgres, duck in _PSQL_REWRITES:
            sql = sql.replace(postgres, duck)
        return super().rewrite_sql(sql)

    def execute_sql(self, sql: str, params=None) -> QueryResult:
        sql = self.rewrite_sql(sql)
        decision = check(sql)
        if decision.action is Action.REFUSE:
            raise StatementRefused(decision.reason)
        if decision.action is Action.ACKNOWLEDGE:
            return DuckDBQueryResult(status=decision.tag)
        if decision.kind == "transaction":
            return self._transaction(sql, decision.tag)
        if decision.kind == "set":
            self.cursor().execute(sql)
            return DuckDBQueryResult(status=decision.tag)
        relation = self.cursor().sql(sql, params=params or None)
        if relation is None:
            return DuckDBQueryResult(status=decision.tag)
        reader = relation.to_arrow_reader()  # was fetch_record_batch(), gone in DuckDB 2.0
        return DuckDBQueryResult(_as_text_where_untyped(reader))

    def _transaction(self, sql: str, tag: str) -> QueryResult:
        """BEGIN pins the build being read until COMMIT/ROLLBACK; both are no-ops when redundant."""
        if tag == "BEGIN" and not self.in_txn:
            self.cursor().execute(sql)
            self.in_txn = True
        elif tag != "BEGIN" and self.in_txn and self._cursor is not None:
            self.in_txn = False
            try:
                self._cursor.execute(sql)
            except duckdb.Error:  # a failed transaction: end it the way PostgreSQL does
                with contextlib.suppress(duckdb.Error):
                    self._cursor.execute("ROLLBACK")
        return DuckDBQueryResult(status=tag)


def _as_text_where_untyped(reader: pa.RecordBatchReader) -> pa.RecordBatchReader:
    """Columns buenavista has no PostgreSQL type for (NULL, ENUM, …) are sent as text."""
    fields = []
    for field in reader.schema:
        try:
            to_bvtype(field.type)
            fields.append(field)
        except Exception:
            fields.append(field.with_type(pa.string()))
    schema = pa.schema(fields)
    return reader if schema.equals(reader.schema) else reader.cast(schema)


class WarehouseConnection(DuckDBConnection):
    """Hands every client connection a fresh WarehouseSession over the published file."""

    def __init__(self, database: Path) -> None:
        Connection.__init__(self)
        self.database = database

    def new_session(self) -> Session:
        return WarehouseSession(self.database)


class PostgresToDuckDB(rewrite.Rewriter):
    """buenavista's PostgreSQL → DuckDB dialect rewriting, answering version() like PostgreSQL."""

    def rewrite(self, sql: str) -> str:
        answer = _POSTGRES_ANSWERS.get(" ".join(sql.strip().rstrip(";").lower().split()))
        return answer if answer is not None else super().rewrite(sql)


# What PostgreSQL drivers ask on connect (SQLAlchemy's psycopg2 dialect among them), answered.
_POSTGRES_ANSWERS = {
    "select version()": f"SELECT '{SERVER_VERSION}' AS version",
    "select pg_catalog.version()": f"SELECT '{SERVER_VERSION}' AS version",
    "show standard_conforming_strings": "SELECT 'on' AS standard_conforming_strings",
    "show transaction isolation level": "SELECT 'read committed' AS transaction_isolation",
    "show default_transaction_read_only": "SELECT 'on' AS default_transaction_read_only",
    "show server_version": "SELECT '9.3' AS server_version",
    "show client_encoding": "SELECT 'UTF8' AS client_encoding",
}

_SQLSTATES = [(StatementRefused, "42501"), (duckdb.ParserException, "42601"),
              (duckdb.CatalogException, "42P01"), (duckdb.BinderException, "42703"),
              (duckdb.Error, "XX000")]  # fmt: skip


class WarehouseHandler(BuenaVistaHandler):
    """buenavista's protocol handler with the envwh client checks and PostgreSQL-shaped errors."""

    server: WarehouseServer

    def handle_startup(self, conn: Connection) -> BVContext | None:
        length, code = self.r.read_uint32() - 4, self.r.read_uint32()
        if code in (_SSL_REQUEST, _GSSENC_REQUEST):
            self.wfile.write(b"N")  # no encryption; the client continues in plain text
            return self.handle_startup(conn)
        if code == _CANCEL_REQUEST:  # not supported: the query runs to its end
            self.r.read_bytes(length - 4)
            return None
        if code != _PROTOCOL_3:
            raise ClientRefused(f"unsupported protocol {code}", "08P01")
        fields = [
            x.decode("utf-8", "replace") for x in self.r.read_bytes(length - 4).split(NULL_BYTE)
        ]
        params = {k: v for k, v in zip(fields[::2], fields[1::2], strict=False) if k}
        user, database = params.get("user", ""), params.get("database") or params.get("user", "")
        if user != USER:
            raise ClientRefused(f'role "{user}" does not exist: connect as user {USER}', "28000")
        if database != DATABASE:
            raise ClientRefused(f'database "{database}" does not exist: connect to database '
                                f"{DATABASE}", "3D000")  # fmt: skip
        ctx = BVContext(conn.create_session(), self.server.rewriter, params)
        self.send_auth_request(ctx)
        return ctx

    def handle_md5_password(self, ctx: BVContext, payload: bytes) -> None:
        answer = payload.decode("utf-8", "replace").rstrip("\x00").encode()
        expected = ctx.get_hashed_password(self.server.auth).encode()
        if not hmac.compare_digest(answer, expected):
            raise ClientRefused(f'password authentication failed for user "{USER}"', "28P01")
        self.send_authentication_ok()
        self.handle_post_auth(ctx)

    def handle_query(self, ctx: BVContext, payload: bytes) -> None:
        """A simple-protocol query (buenavista's JSON "extension" calls are not offered)."""
        sql = payload.decode("utf-8").rstrip("\x00")
        try:
            result = ctx.execute_sql(sql)
        except Exception as exc:
            self.send_error(exc)
            self.send_ready_for_query(ctx)
            return
        if result.has_results():
            self.send_row_description(result)
            self.send_command_complete(f"SELECT {self.send_data_rows(result)}\x00")
        else:
            self.send_command_complete(f"{result.status() or ''}\x00")
        self.send_ready_for_query(ctx)

    def send_error(self, exception, ctx: BVContext | None = None) -> None:
        """An ErrorResponse with severity, SQLSTATE and message, as PostgreSQL drivers expect."""
        if isinstance(exception, ClientRefused):
            severity, sqlstate = "FATAL", exception.sqlstate
        else:
            severity = "ERROR"
            sqlstate = next((c for t, c in _SQLSTATES if isinstance(exception, t)), "XX000")
        message = str(exception).strip() or type(exception).__name__
        buf = BVBuffer()
        for field, value in (("S", severity), ("V", severity), ("C", sqlstate), ("M", message)):
            buf.write_byte(field.encode())
            buf.write_string(value)
        buf.write_byte(NULL_BYTE)
        out = buf.get_value()
        self.wfile.write(struct.pack("!ci", ServerResponse.ERROR_RESPONSE, len(out) + 4) + out)
        self.server.echo(f"✗ {self.client_address[0]}: {message.splitlines()[0]}")
        if ctx:
            ctx.mark_error()


class WarehouseServer(BuenaVistaServer):
    """A threaded PostgreSQL-protocol server over the published warehouse."""

    daemon_threads = True  # Ctrl-C does not wait for idle clients

    def __init__(self, config: ServeConfig, echo: Callable[[str], None]) -> None:
        if _is_ipv6(config.host):
            self.address_family = socket.AF_INET6
        rewriter = PostgresToDuckDB(bv_dialects.BVPostgres(), bv_dialects.BVDuckDB())
        auth = {USER: config.password} if config.password else None
        connection = WarehouseConnection(config.database)
        super().__init__((config.host, config.port), connection, rewriter=rewriter, auth=auth)
        self.RequestHandlerClass = WarehouseHandler
        self.echo = echo

    def verify_request(self, request, client_address) -> bool:
        """Any client may try: the bind address and the password decide (buenavista: loopback)."""
        return True


def _print(line: str) -> None:
    print(line, flush=True)


def serve(config: ServeConfig, echo: Callable[[str], None] = _print) -> None:
    """Serve until interrupted. Prints the connect string first (its port is the real one)."""
    logging.getLogger("buenavista").setLevel(logging.CRITICAL)  # errors are echoed one per line
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # "falling back to parsing as a Command"
    try:
        server = WarehouseServer(config, lambda line: print(line, file=sys.stderr, flush=True))
    except OSError as exc:
        raise ServeError(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from None
    port = server.server_address[1]
    bound = ServeConfig(config.database, config.host, port, config.password)
    echo(f"✓ serving {config.database} read-only at {bound.url}")
    if config.password:
        echo(f"  password required ({PASSWORD_ENV})")
    else:
        echo(f"  no password asked: loopback only (set {PASSWORD_ENV} to require one)")
    echo("  one SELECT at a time; refused: writes, DDL, ATTACH, COPY, INSTALL/LOAD, SET (except "
         "search_path), file-reading functions")  # fmt: skip
    echo("  Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        server.server_close()


def _is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False
