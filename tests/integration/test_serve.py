"""`envwh serve` against a small warehouse the test writes itself: loading, security, reloads.

The server runs as `envwh serve --port 0` in a subprocess (a real PostgreSQL started by envwh)
with ENVWH_WAREHOUSE_DIR pointing at tmp; psql and psycopg connect over loopback. One server per
module; no full build is needed. Limits and faults: tests/integration/test_serve_limits.py; BI
client libraries against a real build: tests/integration/test_serve_clients.py.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg
import pytest

ENVWH = Path(sys.executable).with_name("envwh")
PSQL = shutil.which("psql")
HAVE_POSTGRES = any(Path("/usr/lib/postgresql").glob("*/bin/postgres")) or shutil.which("initdb")
pytestmark = pytest.mark.skipif(
    PSQL is None or not HAVE_POSTGRES,
    reason="PostgreSQL and psql are not installed (.ci/run installs them)",
)

ROWS = [
    ("450000", "广西壮族自治区", "1.50", 22.8, "2024-01-01", True),
    ("450100", "南宁市", "2.25", None, "2024-02-29", False),
    ("520000", "贵州省", None, 26.6, None, None),
]


def write_warehouse(path: Path, rows: list[tuple]) -> None:
    """A published-looking file: DuckDB 1.4 storage, marts with a key, comments and a view,
    and a `landing` schema readers must not get."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config={"storage_compatibility_version": "v1.4.0"})
    try:
        con.execute("create schema marts")
        con.execute("create schema landing")
        con.execute("create table marts.dim_region (region_code varchar primary key, "
                    "region_name varchar not null, value_canonical decimal(10, 2), "
                    "pm2_5_ug_m3 double, as_of_date date, is_capital boolean, "
                    "loaded_at timestamp default timestamp '2026-01-02 03:04:05', "
                    "tags varchar[] default ['a', 'b'])")  # fmt: skip
        con.execute("comment on table marts.dim_region is 'One row per region (行政区划).'")
        con.execute("comment on column marts.dim_region.pm2_5_ug_m3 is 'PM2.5 in µg/m³.'")
        con.executemany("insert into marts.dim_region (region_code, region_name, "
                        "value_canonical, pm2_5_ug_m3, as_of_date, is_capital) "
                        "values (?, ?, ?, ?, ?, ?)", rows)  # fmt: skip
        con.execute("create view marts.v_region_names as "
                    "select region_code, region_name from marts.dim_region")  # fmt: skip
        con.execute("create table landing.raw_rows as select 1 as a")
    finally:
        con.close()


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    password: str | None
    warehouse: Path
    log: Path
    output: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    @property
    def database(self) -> Path:
        return self.warehouse / "envwh.duckdb"

    def psql(self, *commands: str, password: str | None = None, user: str = "envwh",
             database: str = "envwh",
             plain: bool = True) -> subprocess.CompletedProcess:  # fmt: skip
        """psql -c … (never prompting for a password; `plain`: unaligned, tuples only)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["PGPASSWORD"] = password if password is not None else (self.password or "")
        env["PGCONNECT_TIMEOUT"] = "5"
        dsn = f"host=127.0.0.1 port={self.port} user={user} dbname={database}"
        args = [a for c in commands for a in ("-c", c)]
        style = ["-A", "-t", "-F", "|"] if plain else []
        return subprocess.run([PSQL, dsn, "-X", "-w", *style, *args], env=env,
                              capture_output=True, text=True, timeout=60, check=False)  # fmt: skip

    def connect(self, **kwargs) -> psycopg.Connection:
        kwargs.setdefault("password", self.password)
        kwargs.setdefault("autocommit", True)
        return psycopg.connect(host="127.0.0.1", port=self.port, user="envwh", dbname="envwh",
                               connect_timeout=10, **kwargs)  # fmt: skip

    @property
    def dsn(self) -> str:
        secret = f":{self.password}" if self.password else ""
        return f"envwh{secret}@127.0.0.1:{self.port}/envwh"

    def read_output(self, timeout: float = 0.0) -> str:
        """Everything the server printed so far (after waiting `timeout` seconds)."""
        time.sleep(timeout)
        return "".join(self.output)


def start_server(warehouse: Path, log: Path, password: str | None, *args: str,
                 env: dict[str, str] | None = None) -> Server:  # fmt: skip
    """`envwh serve --port 0 ARGS` with only the ENVWH_SERVE_* variables given in `env`."""
    environment = {**os.environ, "ENVWH_WAREHOUSE_DIR": str(warehouse)}
    env = {**{k: v for k, v in environment.items() if not k.startswith("ENVWH_SERVE_")},
           **(env or {})}  # fmt: skip
    if password:
        env["ENVWH_SERVE_PASSWORD"] = password
    process = subprocess.Popen([str(ENVWH), "serve", "--port", "0", *args], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    deadline = time.monotonic() + 120
    lines: list[str] = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            lines.append(line)
            if match := re.search(r"@127\.0\.0\.1:(\d+)/envwh", line):
                return Server(process, int(match.group(1)), password, warehouse, log, lines)
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"envwh serve did not start: {''.join(lines)}{process.stdout.read()}")


def stop(server: Server) -> None:
    server.process.terminate()
    server.process.wait(timeout=60)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("serve")
    write_warehouse(root / "warehouse" / "envwh.duckdb", ROWS)
    running = start_server(root / "warehouse", root / "serve.log", secrets.token_hex(8))
    yield running
    stop(running)


def test_select_returns_the_rows_in_the_file(server: Server) -> None:
    result = server.psql("select region_code, region_name, value_canonical "
                         "from marts.dim_region order by region_code")  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = ["|".join(v or "" for v in row[:3]) for row in sorted(ROWS)]
    assert result.stdout.splitlines() == expected
    count = server.psql("select count(*) from marts.dim_region where value_canonical is null")
    assert count.stdout.strip() == str(sum(1 for r in ROWS if r[2] is None))


def test_types_keys_comments_and_views_are_loaded_faithfully(server: Server) -> None:
    with server.connect() as con:
        types = dict(con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'dim_region'").fetchall())  # fmt: skip
        assert types == {
            "region_code": "text", "region_name": "text", "value_canonical": "numeric",
            "pm2_5_ug_m3": "double precision", "as_of_date": "date", "is_capital": "boolean",
            "loaded_at": "timestamp without time zone", "tags": "jsonb",
        }  # fmt: skip
        row = con.execute("select value_canonical, pm2_5_ug_m3, as_of_date, is_capital, tags "
                          "from marts.dim_region where region_code = '450100'"
                          ).fetchone()  # fmt: skip
        assert (str(row[0]), row[1], row[2].isoformat(), row[3], row[4]) == (
            "2.25", None, "2024-02-29", False, ["a", "b"])  # fmt: skip
        assert con.execute("select obj_description('marts.dim_region'::regclass), "
                           "col_description('marts.dim_region'::regclass, 4)").fetchone() == (
            "One row per region (行政区划).", "PM2.5 in µg/m³.")  # fmt: skip
        key = con.execute("select a.attname from pg_index i join pg_attribute a on "
                          "a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
                          "where i.indrelid = 'marts.dim_region'::regclass "
                          "and i.indisprimary").fetchall()  # fmt: skip
        assert key == [("region_code",)]
        nullable = con.execute(
            "select is_nullable from information_schema.columns where "
            "table_name = 'dim_region' and column_name = 'region_name'"
        )
        assert nullable.fetchone() == ("NO",)
        assert con.execute("select table_type from information_schema.tables where "
                           "table_name = 'v_region_names'").fetchone() == ("VIEW",)  # fmt: skip
        schemas = {s for (s,) in con.execute("select schema_name from information_schema.schemata "
                                             "where schema_name not like 'pg_%'")}  # fmt: skip
        assert schemas == {"marts", "information_schema"}  # not landing, not public


# The refusals of the former statement guard, ported: each is refused by PostgreSQL's privileges
# or its read-only transaction, with a SQLSTATE a client can act on.
REFUSED = [
    ("insert into marts.dim_region (region_code, region_name) values ('1', 'x')", "25006"),
    ("update marts.dim_region set region_name = 'x'", "25006"),
    ("delete from marts.dim_region", "25006"),
    ("truncate marts.dim_region", "25006"),
    ("create table marts.t as select 1 as a", "25006"),
    ("create temp table t (a int)", "25006"),
    ("drop table marts.dim_region", "25006"),
    ("alter table marts.dim_region add column x int", "25006"),
    ("create function marts.f() returns int language sql as 'select 1'", "25006"),
    ("comment on table marts.dim_region is 'x'", "25006"),
    ("grant select on marts.dim_region to public", "25006"),
    ("copy marts.dim_region to '{tmp}/out.csv'", "42501"),
    ("copy marts.dim_region from '/etc/passwd'", "42501"),
    ("copy (select 1) to program 'touch {tmp}/pwned'", "42501"),
    ("select pg_read_file('/etc/passwd')", "42501"),
    ("select pg_read_binary_file('/etc/passwd')", "42501"),
    ("select pg_ls_dir('.')", "42501"),
    ("select pg_stat_file('/etc/passwd')", "42501"),
    ("select lo_import('/etc/passwd')", "42501"),
    ("select lo_export(1, '{tmp}/out')", "42501"),
    ("select current_setting('data_directory')", "42501"),
    ("select current_setting('config_file')", "42501"),
    ("select current_setting('hba_file')", "42501"),
    ("set session authorization envwh_admin", "42501"),
    ("set role envwh_admin", "42501"),
    ("alter system set work_mem = '1GB'", "42501"),
    ("set temp_file_limit = -1", "42501"),
    ("set shared_buffers = '1GB'", "55P02"),
    ("set log_statement = 'all'", "42501"),
    ("load 'auto_explain'", "42501"),
    ("create extension dblink", "25006"),
    (
        "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'envwh_admin'",
        "42501",
    ),
    ("select pg_reload_conf()", "42501"),
    ("checkpoint", "42501"),
    ("reindex table marts.dim_region", "42501"),
    ("select * from nosuch.table_x", "42P01"),
    ("select * from pg_authid", "42501"),
    ("select * from pg_shadow", "42501"),
    ("select pg_read_file('postgresql.conf', 0, 100)", "42501"),
    ("select pg_ls_logdir()", "42501"),
    ("select pg_ls_waldir()", "42501"),
    ("select pg_ls_tmpdir()", "42501"),
    ("select set_config('data_directory', '/tmp', false)", "55P02"),
    ("select set_config('log_directory', '/tmp', false)", "55P02"),
    ("alter database envwh set work_mem = '1GB'", "25006"),
    ("alter role envwh superuser", "25006"),
    ("create role other login", "25006"),
    ("create schema mine", "25006"),
    ("create view marts.v2 as select 1 as a", "25006"),
    ("create index on marts.dim_region (region_name)", "25006"),
    ("begin; lock table marts.dim_region in access exclusive mode", "42501"),
    ("cluster marts.dim_region", "42501"),
    ("security label on table marts.dim_region is 'x'", "25006"),
    ("select dblink_connect('host=example.org')", "42883"),
    ("select * from pg_hba_file_rules", "42501"),
    ("select pg_rotate_logfile()", "42501"),
    ("select pg_cancel_backend(pid) from pg_stat_activity where usename = 'envwh_admin'", "42501"),
    ("select pg_stat_reset()", "42501"),
    ("select lo_get(1)", "42704"),
]


@pytest.mark.parametrize(("sql", "sqlstate"), REFUSED)
def test_refused_statements_leave_everything_unchanged(
    server: Server, tmp_path: Path, sql: str, sqlstate: str
) -> None:
    before = fingerprint(server.database)
    with server.connect() as con:
        with pytest.raises(psycopg.Error) as refused:
            con.execute(sql.format(tmp=tmp_path))
        assert refused.value.sqlstate == sqlstate, refused.value
        assert len(str(refused.value).splitlines()[0]) > 10  # a sentence, not a code
        con.execute("rollback")  # for the statement that opened a transaction block
        assert con.execute("select count(*) from marts.dim_region").fetchone() == (len(ROWS),)
    assert fingerprint(server.database) == before
    assert list(tmp_path.iterdir()) == []  # no out.csv, no pwned


def test_session_settings_drivers_send_are_accepted(server: Server) -> None:
    with server.connect() as con:
        for statement in ("set time zone 'Asia/Shanghai'", "set application_name = 'superset'",
                          "set session characteristics as transaction isolation level "
                          "repeatable read", "set search_path = marts", "set extra_float_digits "
                          "= 3", "set datestyle = 'ISO, MDY'"):  # fmt: skip
            con.execute(statement)
        assert con.execute("show timezone").fetchone() == ("Asia/Shanghai",)
        assert con.execute("select count(*) from dim_region").fetchone() == (len(ROWS),)


def test_turning_read_only_off_does_not_open_a_write(server: Server) -> None:
    """A client may SET its own transaction mode; it still owns nothing and may create nothing."""
    with server.connect() as con:
        con.execute("set default_transaction_read_only = off")
        for sql, sqlstate in [
            ("create table marts.t (a int)", "42501"),
            ("create table t (a int)", "3F000"),  # no schema to create it in: public is gone
            ("create temp table t (a int)", "42501"),
            ("insert into marts.dim_region (region_code, region_name) values ('1', 'x')", "42501"),
            ("create schema mine", "42501"),
            ("select lo_create(0)", "42501"),
        ]:
            with pytest.raises(psycopg.Error) as refused:
                con.execute(sql)
            assert refused.value.sqlstate == sqlstate, (sql, refused.value)


def test_a_client_changing_its_own_role_is_undone(server: Server) -> None:
    """PostgreSQL lets a role change its own password and defaults; the server restores them."""
    with server.connect() as con:
        con.execute("set default_transaction_read_only = off")
        con.execute("alter role envwh set statement_timeout = 0")
        con.execute("alter role envwh password 'taken-over'")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            with server.connect() as con:
                setting = con.execute("show statement_timeout").fetchone()[0]
            if setting != "0":
                break
        except psycopg.OperationalError:
            pass
    with server.connect() as con:  # the original password works again
        assert con.execute("show statement_timeout").fetchone()[0] != "0"
    with pytest.raises(psycopg.OperationalError):
        server.connect(password="taken-over")
    assert "restored" in server.read_output(timeout=1)


def test_wrong_or_missing_password_is_refused_with_a_sentence(server: Server) -> None:
    for password in ("wrong", ""):
        result = server.psql("select 1", password=password)
        assert result.returncode != 0 and result.stdout == ""
        assert ("password authentication failed" in result.stderr
                or "no password supplied" in result.stderr), result.stderr  # fmt: skip
    with pytest.raises(psycopg.OperationalError) as refused:
        server.connect(password="wrong")
    assert 'password authentication failed for user "envwh"' in str(refused.value)
    assert server.psql("select 41 + 1").stdout.strip() == "42"


def raw_login_with_empty_password(port: int) -> dict[str, str]:
    """Speak the protocol by hand: start up, answer the password request with an empty
    message, and return the fields of the server's ErrorResponse (C: SQLSTATE, M: message)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        body = struct.pack("!i", 196608) + b"user\0envwh\0database\0envwh\0\0"
        sock.sendall(struct.pack("!i", len(body) + 4) + body)
        kind, length = struct.unpack("!ci", sock.recv(5))
        assert kind == b"R"  # an authentication request
        sock.recv(length - 4)
        sock.sendall(b"p" + struct.pack("!i", 4))  # a password message with nothing in it
        kind, length = struct.unpack("!ci", sock.recv(5))
        payload = b""
        while len(payload) < length - 4:
            payload += sock.recv(length - 4 - len(payload))
    assert kind == b"E"
    fields = [f for f in payload.split(b"\0") if f]
    return {f[:1].decode(): f[1:].decode() for f in fields}


def test_an_empty_password_message_gets_a_sqlstate_and_a_sentence(server: Server) -> None:
    error = raw_login_with_empty_password(server.port)
    assert error["S"] == "FATAL" and error["C"] in ("08P01", "28P01"), error
    assert len(error["M"].split()) >= 3, error
    assert server.psql("select 41 + 1").stdout.strip() == "42"


def test_only_user_and_database_envwh_are_served(server: Server) -> None:
    for user, database in (("postgres", "envwh"), ("envwh_admin", "envwh"),
                           ("envwh", "postgres"), ("envwh", "template1")):  # fmt: skip
        result = server.psql("select 1", user=user, database=database)
        assert result.returncode != 0 and "rejects connection" in result.stderr, result.stderr


def test_no_paths_or_settings_leak(server: Server) -> None:
    """pg_settings, current_setting and pg_stat_activity show the login role no paths."""
    with server.connect() as con:
        values = [str(v) for row in con.execute("select * from pg_settings") for v in row]
        values += [str(v) for row in con.execute("select * from pg_stat_activity") for v in row]
        values.append(con.execute("select version()").fetchone()[0])
    text = "\n".join(values)
    secrets_seen = [
        p for p in (str(server.warehouse), "/tmp/envwh-serve", str(Path.cwd()), "envwh.duckdb")
        if p in text
    ]  # fmt: skip
    assert secrets_seen == []
    assert re.search(r"^PostgreSQL 1[5-9]", values[-1])


def test_postgres_listens_on_no_tcp_port_only_the_front_does(server: Server) -> None:
    """Every client comes through the front (and its SQL size limit): PostgreSQL itself has
    only its Unix socket in the cluster's private directory."""
    with server.connect() as con:
        assert con.execute("show listen_addresses").fetchone() == ("",)
        assert con.execute("select client_addr from pg_stat_activity "
                           "where pid = pg_backend_pid()").fetchone() == (None,)  # fmt: skip


def test_loopback_without_a_password_needs_none(tmp_path: Path) -> None:
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS[:1])
    running = start_server(tmp_path / "warehouse", tmp_path / "serve.log", None)
    try:
        result = running.psql("select region_name from marts.dim_region", password="")
        assert (result.returncode, result.stdout.strip()) == (0, ROWS[0][1]), result.stderr
        assert running.psql("select current_user").stdout.strip() == "envwh"
    finally:
        stop(running)


def test_non_loopback_host_without_password_refuses_to_start(tmp_path: Path) -> None:
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS)
    env = {**os.environ, "ENVWH_WAREHOUSE_DIR": str(tmp_path / "warehouse")}
    env.pop("ENVWH_SERVE_PASSWORD", None)
    result = subprocess.run([str(ENVWH), "serve", "--host", "0.0.0.0", "--port", "0"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "without a password" in result.stderr and "ENVWH_SERVE_PASSWORD" in result.stderr


def test_a_port_in_use_is_refused_before_postgres_starts(tmp_path: Path) -> None:
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS[:1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENVWH_SERVE_")}
    env["ENVWH_WAREHOUSE_DIR"] = str(tmp_path / "warehouse")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run([str(ENVWH), "serve", "--port", str(port)], env=env,
                                capture_output=True, text=True, timeout=60,
                                check=False)  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "address already in use" in result.stderr.lower()
    assert time.monotonic() - started < 10  # no PostgreSQL was started, nothing waited for


def test_a_new_build_is_swapped_in_and_an_open_transaction_keeps_its_view(server: Server) -> None:
    """The publisher renames a new file into place; the server loads it and swaps atomically."""
    reader = server.connect(autocommit=False)
    try:
        reader.execute("begin isolation level repeatable read")
        assert reader.execute("select count(*) from marts.dim_region").fetchone() == (len(ROWS),)
        next_build = server.warehouse / "next.duckdb"
        write_warehouse(next_build, [*ROWS, ("530000", "云南省", "3.00", 20.0, None, None)])
        os.replace(next_build, server.database)
        time.sleep(3)  # the swap waits for this transaction (lock timeout), then retries
        assert reader.execute("select count(*) from marts.dim_region").fetchone() == (len(ROWS),)
        reader.rollback()
    finally:
        reader.close()
    deadline = time.monotonic() + 60
    count = None
    while time.monotonic() < deadline:
        with server.connect() as con:
            count = con.execute("select count(*) from marts.dim_region").fetchone()[0]
        if count == len(ROWS) + 1:
            break
        time.sleep(0.5)
    assert count == len(ROWS) + 1
    assert "new build loaded" in server.read_output(timeout=1)
    with server.connect() as con:  # the view was rebuilt over the new table
        assert con.execute("select count(*) from marts.v_region_names").fetchone() == (4,)


def test_serve_has_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from orchestration.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "examples:" in out and "envwh serve" in out
    for flag in ("ENVWH_SERVE_PASSWORD", "--port", "--memory", "--statement-timeout",
                 "--max-connections", "--idle-timeout", "--max-sql-bytes",
                 "ENVWH_SERVE_MAX_SQL_BYTES", "54000", "PostgreSQL"):  # fmt: skip
        assert flag in out


def test_postgres_stops_when_envwh_serve_is_killed(tmp_path: Path) -> None:
    """Even after SIGKILL (no clean-up code runs) the PostgreSQL it started does not linger."""
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS[:1])
    running = start_server(tmp_path / "warehouse", tmp_path / "serve.log", None)
    with running.connect() as con:  # read the backend's parent while the backend is alive
        backend = con.execute("select pg_backend_pid()").fetchone()[0]
        status = Path(f"/proc/{backend}/status").read_text()
    postmaster = int(re.search(r"^PPid:\s+(\d+)", status, re.M).group(1))
    assert "postgres" in Path(f"/proc/{postmaster}/cmdline").read_text()
    running.process.kill()
    running.process.wait(timeout=10)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{postmaster}").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not Path(f"/proc/{postmaster}").exists()
    left = [p for p in Path(tempfile.gettempdir()).glob("envwh-serve-*")
            if (p / "envwh-serve.pid").exists()
            and (p / "envwh-serve.pid").read_text() == str(running.process.pid)]  # fmt: skip
    assert len(left) == 1  # SIGKILL left its directory; the next start removes it
    again = start_server(tmp_path / "warehouse", tmp_path / "serve.log", None)
    stop(again)
    assert not left[0].exists()
