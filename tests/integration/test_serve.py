"""`envwh serve` driven by the real `psql` client against a small warehouse the test writes itself.

The server runs as `envwh serve --port 0` in a subprocess with ENVWH_WAREHOUSE_DIR pointing at
tmp; psql connects with PGPASSWORD. No full build is needed: a few seconds in all.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from orchestration.serving.server import WarehouseSession, open_read_only

ENVWH = Path(sys.executable).with_name("envwh")
PSQL = shutil.which("psql")
pytestmark = pytest.mark.skipif(PSQL is None, reason="psql is not installed (.ci/run installs it)")

ROWS = [
    ("450000", "广西壮族自治区", "1.50"),
    ("450100", "南宁市", "2.25"),
    ("520000", "贵州省", None),
]


def write_warehouse(path: Path, rows: list[tuple]) -> None:
    """A published-looking file: DuckDB 1.4 storage, one table in `marts`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config={"storage_compatibility_version": "v1.4.0"})
    try:
        con.execute("create schema marts")
        con.execute("create table marts.dim_region (region_code varchar, region_name varchar, "
                    "value_canonical decimal(10, 2))")  # fmt: skip
        con.executemany("insert into marts.dim_region values (?, ?, ?)", rows)
    finally:
        con.close()


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    password: str | None
    database: Path

    def psql(self, sql: str, password: str | None = None, user: str = "envwh",
             database: str = "envwh") -> subprocess.CompletedProcess:  # fmt: skip
        """psql -c SQL (unaligned, tuples only, never prompting for a password)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["PGPASSWORD"] = password if password is not None else (self.password or "")
        env["PGCONNECT_TIMEOUT"] = "5"
        dsn = f"host=127.0.0.1 port={self.port} user={user} dbname={database}"
        return subprocess.run([PSQL, dsn, "-X", "-w", "-A", "-t", "-F", "|", "-c", sql], env=env,
                              capture_output=True, text=True, timeout=30, check=False)  # fmt: skip


def start_server(warehouse: Path, log: Path, password: str | None) -> Server:
    env = {**os.environ, "ENVWH_WAREHOUSE_DIR": str(warehouse)}
    env.pop("ENVWH_SERVE_PASSWORD", None)
    if password:
        env["ENVWH_SERVE_PASSWORD"] = password
    process = subprocess.Popen([str(ENVWH), "serve", "--port", "0"], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=log.open("w"))  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if match := re.search(r"@127\.0\.0\.1:(\d+)/envwh", line):
                return Server(process, int(match.group(1)), password, warehouse / "envwh.duckdb")
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"envwh serve did not start: {log.read_text()}")


def stop(server: Server) -> None:
    server.process.terminate()
    server.process.wait(timeout=10)


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
    expected = ["|".join(v or "" for v in row) for row in sorted(ROWS)]
    assert result.stdout.splitlines() == expected
    count = server.psql("select count(*) from marts.dim_region where value_canonical is null")
    assert count.stdout.strip() == str(sum(1 for r in ROWS if r[2] is None))


@pytest.mark.parametrize(
    ("sql", "error"),
    [
        ("insert into marts.dim_region values ('1', 'x', 1)", "INSERT statements are refused"),
        ("create table marts.t as select 1 as a", "CREATE statements are refused"),
        ("drop table marts.dim_region", "DROP statements are refused"),
        ("attach '{tmp}/other.duckdb' as other", "ATTACH statements are refused"),
        ("copy marts.dim_region to '{tmp}/out.csv'", "COPY statements are refused"),
        ("install httpfs", "INSTALL statements are refused"),
        ("select * from read_csv('/etc/passwd')", "read_csv() reads files"),
        ("from '/etc/passwd'", "FROM '/etc/passwd' names a file"),
        ("select 1; select 2", "2 statements in one query are refused"),
    ],
)
def test_refused_statements_leave_the_file_unchanged(
    server: Server, tmp_path: Path, sql: str, error: str
) -> None:
    before = fingerprint(server.database)
    result = server.psql(sql.format(tmp=tmp_path))
    assert result.returncode != 0
    assert "ERROR:" in result.stderr and error in result.stderr, result.stderr
    assert result.stdout == ""
    assert fingerprint(server.database) == before
    assert list(tmp_path.iterdir()) == []  # neither out.csv nor other.duckdb was created
    assert server.psql("select count(*) from marts.dim_region").stdout.strip() == str(len(ROWS))


def test_wrong_or_missing_password_is_refused(server: Server) -> None:
    for password in ("wrong", ""):
        result = server.psql("select 1", password=password)
        assert result.returncode != 0 and result.stdout == ""
        assert "password authentication failed" in result.stderr or "no password" in result.stderr
    assert server.psql("select 41 + 1").stdout.strip() == "42"


def test_only_user_and_database_envwh_are_served(server: Server) -> None:
    result = server.psql("select 1", user="postgres")
    assert result.returncode != 0 and 'role "postgres" does not exist' in result.stderr
    result = server.psql("select 1", database="postgres")
    assert result.returncode != 0 and 'database "postgres" does not exist' in result.stderr


def test_loopback_without_a_password_needs_none(tmp_path: Path) -> None:
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS[:1])
    running = start_server(tmp_path / "warehouse", tmp_path / "serve.log", password=None)
    try:
        result = running.psql("select region_name from marts.dim_region", password="")
        assert (result.returncode, result.stdout.strip()) == (0, ROWS[0][1]), result.stderr
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


def test_a_new_build_renamed_into_place_is_seen_outside_a_transaction(tmp_path: Path) -> None:
    """The publisher replaces the file by rename; an open session reads the new one next."""
    published = tmp_path / "envwh.duckdb"
    write_warehouse(published, ROWS[:1])
    session, other = WarehouseSession(published), WarehouseSession(published)

    def count(s: WarehouseSession) -> int:
        return next(iter(s.execute_sql("select count(*) from marts.dim_region").rows()))[0]

    try:
        assert count(session) == count(other) == 1
        session.execute_sql("begin")
        write_warehouse(tmp_path / "next.duckdb", ROWS)
        os.replace(tmp_path / "next.duckdb", published)
        assert count(session) == 1  # a transaction keeps the build it started on
        assert count(other) == len(ROWS)
        session.execute_sql("commit")
        assert count(session) == len(ROWS)
    finally:
        session.close()
        other.close()


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_csv('/etc/passwd')",
        "from '/etc/passwd'",
        "copy marts.dim_region to '{tmp}/out.csv'",
        "attach '{tmp}/other.duckdb' as other",
        "insert into marts.dim_region values ('1', 'x', 1)",
        "create table marts.t (a int)",
        "set enable_external_access = true",
        "set lock_configuration = false",
        "load httpfs",
    ],
)
def test_the_connection_itself_refuses_what_the_guard_might_miss(tmp_path: Path, sql: str) -> None:
    """Second line of defence: the DuckDB each client gets cannot read files or write."""
    published = tmp_path / "envwh.duckdb"
    write_warehouse(published, ROWS)
    before = fingerprint(published)
    con = open_read_only(published)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql.format(tmp=tmp_path))
        assert con.execute("select count(*) from marts.dim_region").fetchone()[0] == len(ROWS)
    finally:
        con.close()
    assert fingerprint(published) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["envwh.duckdb"]


def test_serve_has_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from orchestration.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "examples:" in out and "envwh serve" in out
    assert "ENVWH_SERVE_PASSWORD" in out and "--port" in out
