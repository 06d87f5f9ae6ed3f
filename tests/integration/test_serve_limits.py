"""`envwh serve` under faults and load: each limit answers with a SQLSTATE and a sentence, and
the server still answers afterwards. Loopback only, bounded in count and time.

One server per module, started with small limits so the tests are quick: statement timeout 6 s,
10 connections for the role, idle timeout 4 s, memory 1 GB.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import psycopg
import pytest

from tests.integration.test_serve import (
    PSQL,
    ROWS,
    Server,
    pytestmark,  # noqa: F401  (skipped where PostgreSQL is not installed)
    start_server,
    stop,
    write_warehouse,
)

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S, CONNECTIONS, IDLE_S = 6, 10, 4


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("serve-limits")
    write_warehouse(root / "warehouse" / "envwh.duckdb", ROWS)
    running = start_server(root / "warehouse", root / "serve.log", None,
                           "--statement-timeout", str(TIMEOUT_S), "--max-connections",
                           str(CONNECTIONS), "--idle-timeout", str(IDLE_S),
                           "--memory", "1GB")  # fmt: skip
    yield running
    stop(running)


def refused(server: Server, sql: str, **kwargs) -> psycopg.Error:
    """Run `sql`, expect an error; check the server still answers; return the error."""
    with server.connect(**kwargs) as con, pytest.raises(psycopg.Error) as caught:
        con.execute(sql)
    assert_answers(server)
    return caught.value


def assert_answers(server: Server) -> None:
    with server.connect() as con:
        assert con.execute("select count(*) from marts.dim_region").fetchone() == (len(ROWS),)


def first_line(error: BaseException) -> str:
    return str(error).splitlines()[0]


def test_8000_nested_subqueries_are_refused_by_the_parser(server: Server) -> None:
    sql = "select " + "(select " * 8000 + "1" + ")" * 8000  # 144 KB
    error = refused(server, sql)
    assert error.sqlstate in ("42601", "54001"), error  # parser stack, or stack depth
    assert first_line(error)


def test_deep_nesting_stops_at_the_stack_depth_limit(server: Server) -> None:
    error = refused(server, "select " + "(select " * 3000 + "1" + ")" * 3000)
    assert error.sqlstate in ("54001", "53200"), error  # stack depth / out of memory
    assert "stack depth" in first_line(error) or "out of memory" in first_line(error)
    nested = "select " + "(" * 100_000 + "1" + ")" * 100_000
    assert refused(server, nested).sqlstate in ("42601", "54001")


def test_a_10_9_mb_in_list_is_answered_without_harm(server: Server) -> None:
    values = ",".join(f"'{i:07d}'" for i in range(1_090_000))
    sql = f"select count(*) from marts.dim_region where region_code in ({values})"
    assert len(sql) > 10_900_000
    with server.connect() as con:
        try:
            assert con.execute(sql).fetchone() == (0,)
        except psycopg.Error as exc:  # within the memory cap or not: a SQLSTATE, never a crash
            assert exc.sqlstate in ("53200", "54000", "57014"), exc
    assert_answers(server)


def test_the_statement_timeout_cancels_a_long_query(server: Server) -> None:
    started = time.monotonic()
    error = refused(server, "select pg_sleep(60)")
    assert error.sqlstate == "57014" and "statement timeout" in first_line(error)
    assert time.monotonic() - started < TIMEOUT_S + 10


def test_a_client_cannot_set_the_timeout_away(server: Server) -> None:
    """statement_timeout is a user setting in PostgreSQL; the server cancels past it anyway."""
    started = time.monotonic()
    with server.connect() as con, pytest.raises(psycopg.Error) as caught:
        con.execute("set statement_timeout = 0")
        con.execute("select pg_sleep(60)")
    assert caught.value.sqlstate == "57014"
    assert time.monotonic() - started < TIMEOUT_S + 15
    assert "past the statement timeout" in server.read_output(timeout=0.5)


def test_cancel_is_honoured(server: Server) -> None:
    with server.connect() as con:
        timer = threading.Timer(1.0, con.cancel_safe)
        timer.start()
        started = time.monotonic()
        with pytest.raises(psycopg.Error) as caught:
            con.execute("select pg_sleep(60)")
        timer.join()
        assert caught.value.sqlstate == "57014" and "user request" in first_line(caught.value)
        assert time.monotonic() - started < TIMEOUT_S - 1  # the cancel, not the timeout
        assert con.execute("select 1").fetchone() == (1,)  # the connection goes on


def test_a_query_stops_when_its_client_goes_away(server: Server) -> None:
    marker = "client_gone_marker"
    client = subprocess.Popen([PSQL, f"host=127.0.0.1 port={server.port} user=envwh "
                               "dbname=envwh", "-X", "-c",
                               f"select count(*) /* {marker} */ "
                               "from (select generate_series(1, 1e11)) s"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    def running() -> int:
        with server.connect() as con:
            return con.execute("select count(*) from pg_stat_activity where state = 'active' "
                               "and query like %s", [f"%/* {marker} */%"]
                               ).fetchone()[0]  # fmt: skip

    deadline = time.monotonic() + 5
    while running() == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running() == 1
    client.kill()
    client.wait()
    killed = time.monotonic()
    while running() and time.monotonic() - killed < 4:
        time.sleep(0.2)
    assert running() == 0
    assert time.monotonic() - killed < TIMEOUT_S - 2  # the disconnect check, not the timeout


def test_the_connection_limit_answers_53300(server: Server) -> None:
    held = [server.connect() for _ in range(CONNECTIONS)]
    try:
        with pytest.raises(psycopg.OperationalError) as caught:
            server.connect()
        assert 'too many connections for role "envwh"' in str(caught.value)
    finally:
        for con in held:
            con.close()
    assert_answers(server)


def test_an_idle_session_is_closed(server: Server) -> None:
    with server.connect() as con:
        time.sleep(IDLE_S + 1.5)
        with pytest.raises(psycopg.OperationalError) as caught:
            con.execute("select 1")
        assert "idle-session timeout" in str(caught.value) or con.closed
    assert_answers(server)


def test_300_idle_tcp_connections_do_not_lock_clients_out(server: Server) -> None:
    """Silent sockets hold a slot only until the login timeout (10 s); extra ones are refused."""
    sockets = []
    try:
        for _ in range(300):
            sockets.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        started = time.monotonic()
        last_error = ""
        while time.monotonic() - started < 20:
            try:
                assert_answers(server)
                break
            except psycopg.OperationalError as exc:
                last_error = first_line(exc)
                assert "too many clients" in last_error or "timeout" in last_error, exc
                time.sleep(0.5)
        else:
            pytest.fail(f"no login within 20 s of 300 idle sockets: {last_error}")
    finally:
        for sock in sockets:
            sock.close()
    assert_answers(server)


def test_concurrent_clients_smoke_of_the_benchmark(server: Server, tmp_path: Path) -> None:
    """bench/bench_serve.py's code, with 8 clients and 2,000 synthetic rows (it runs 200, 3M)."""
    spec = importlib.util.spec_from_file_location("bench_serve", ROOT / "bench/bench_serve.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    bench.write_synthetic_warehouse(tmp_path / "envwh.duckdb", 2000)
    con = duckdb.connect(str(tmp_path / "envwh.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from marts.fct_synthetic_hourly").fetchone() == (2000,)
    finally:
        con.close()
    assert bench.load_seconds(["loaded 2 tables, 2,000 rows in 0.4 s\n"]) == 0.4
    query = "select region_name from marts.dim_region where region_code <> %s::text"
    latencies, errors = bench.concurrent_clients(server.port, 8, query)
    assert errors == [] and len(latencies) == 8
    assert bench.percentile(latencies, 0.95) >= bench.percentile(latencies, 0.5) > 0
