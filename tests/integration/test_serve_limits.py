"""`envwh serve` under faults and load: each limit answers with a SQLSTATE and a sentence, and
the server still answers afterwards. Loopback only, bounded in count and time.

One server per module, started with small limits so the tests are quick: statement timeout 6 s,
10 connections for the role, idle timeout 4 s, memory 1 GB, and the default SQL size limit
(1 MiB); a second server checks that limit is configurable.
"""

from __future__ import annotations

import importlib.util
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import psycopg
import pytest

from orchestration.serving.limits import DEFAULT_MAX_SQL_BYTES
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


LIMIT = DEFAULT_MAX_SQL_BYTES


def sized(size: int, params: bool = False) -> str:
    """`select length('xx…')` (+ a parameter), exactly `size` bytes of SQL."""
    head, tail = "select length('", "') + %s" if params else "')"
    return head + "x" * (size - len(head) - len(tail)) + tail


def assert_refused_for_size(error: BaseException, size: int, limit: int = LIMIT) -> None:
    assert isinstance(error, psycopg.errors.ProgramLimitExceeded), error
    assert error.sqlstate == "54000"
    assert first_line(error) == (f"statement of {size:,} bytes is over this server's limit of "
                                 f"{limit:,} bytes (envwh serve --max-sql-bytes)")  # fmt: skip


PARSE_OVERHEAD = 8  # psycopg's Parse: the unnamed statement's zero byte, the text's, 1 type


def test_a_statement_just_over_the_size_limit_is_refused_and_the_connection_goes_on(
    server: Server,
) -> None:
    with server.connect() as con:
        with pytest.raises(psycopg.Error) as simple:
            con.execute(sized(LIMIT + 1))  # simple protocol: one Query message
        assert_refused_for_size(simple.value, LIMIT + 1)
        assert con.execute("select 41 + 1").fetchone() == (42,)
        with pytest.raises(psycopg.Error) as extended:  # Parse, Bind, Describe, Execute, Sync
            con.execute(sized(LIMIT + 1 - PARSE_OVERHEAD, params=True), [1])
        assert_refused_for_size(extended.value, LIMIT + 1)
        assert con.execute("select %s::int + 1", [41]).fetchone() == (42,)
    assert "refused a statement of 1,048,577 bytes" in server.read_output(timeout=0.5)


def test_a_statement_at_the_size_limit_runs(server: Server) -> None:
    with server.connect() as con:
        simple = sized(LIMIT)
        assert con.execute(simple).fetchone() == (simple.count("x"),)
        extended = sized(LIMIT - PARSE_OVERHEAD, params=True)
        assert con.execute(extended, [1]).fetchone() == (extended.count("x") + 1,)


def test_a_refused_statement_fails_its_transaction_like_any_other_error(server: Server) -> None:
    with server.connect(autocommit=False) as con:
        con.execute("select 1")
        with pytest.raises(psycopg.errors.ProgramLimitExceeded):
            con.execute(sized(LIMIT + 1))
        assert con.info.transaction_status == psycopg.pq.TransactionStatus.INERROR
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            con.execute("select 1")
        con.rollback()
        assert con.execute("select 1").fetchone() == (1,)


def test_psql_gets_the_refusal_and_runs_the_next_statement(server: Server, tmp_path: Path) -> None:
    """psql sends each statement of a file with its `;`: LIMIT + 1 bytes, then LIMIT."""
    script = tmp_path / "big.sql"
    script.write_text(f"{sized(LIMIT)};\n{sized(LIMIT - 1)};\nselect 'after' as next;\n")
    result = subprocess.run([PSQL, f"host=127.0.0.1 port={server.port} user=envwh dbname=envwh",
                             "-X", "-A", "-t", "-f", str(script)], capture_output=True,
                            text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert ("ERROR:  statement of 1,048,577 bytes is over this server's limit of 1,048,576 bytes "
            "(envwh serve --max-sql-bytes)\nHINT:  Split it") in result.stderr  # fmt: skip
    assert result.stdout.split() == [str(sized(LIMIT - 1).count("x")), "after"]


def read_message(sock: socket.socket) -> tuple[bytes, bytes]:
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            assert chunk, "the server closed the connection"
            data += chunk
        return data

    kind, length = struct.unpack("!cI", exactly(5))
    return kind, exactly(length - 4)


def message(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("!I", len(body) + 4) + body


def extended_query(sql: bytes) -> bytes:
    """Parse, Bind, Execute, Sync of one unnamed statement without parameters."""
    return (message(b"P", b"\0" + sql + b"\0" + struct.pack("!h", 0))
            + message(b"B", b"\0\0" + struct.pack("!hhh", 0, 0, 0))
            + message(b"E", b"\0" + struct.pack("!i", 0)) + message(b"S", b""))  # fmt: skip


def test_a_pipeline_gets_its_answers_in_order_and_the_refused_part_skips_to_sync(
    server: Server,
) -> None:
    """Three requests sent at once: the refusal comes second, after the first one's rows; the
    Bind and Execute after the refused Parse are skipped until Sync, as PostgreSQL does."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        startup = struct.pack("!i", 196608) + b"user\0envwh\0database\0envwh\0\0"
        sock.sendall(struct.pack("!i", len(startup) + 4) + startup)
        while read_message(sock)[0] != b"Z":
            pass
        big = ("select '" + "x" * LIMIT + "'").encode()
        sock.sendall(extended_query(b"select 'first'") + extended_query(big)
                     + message(b"Q", b"select 'third'\0"))  # fmt: skip
        seen = []
        while len([kind for kind, _ in seen if kind == b"Z"]) < 3:
            seen.append(read_message(sock))
    kinds = b"".join(kind for kind, _ in seen)
    assert kinds == b"12DCZ" + b"EZ" + b"TDCZ", kinds
    assert b"first" in seen[2][1] and b"third" in seen[-3][1]
    fields = {f[:1]: f[1:] for f in seen[5][1].split(b"\0") if f}
    assert fields[b"C"] == b"54000" and b"over this server's limit" in fields[b"M"]


def peak_rss_bytes(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1)) * 1024


def test_a_50_mb_statement_costs_the_server_no_memory(server: Server) -> None:
    """The front reads and drops an oversized statement in chunks: its process's peak RSS
    (reset first through /proc/PID/clear_refs) does not grow by the statement's size."""
    pid = server.process.pid
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    before = peak_rss_bytes(pid)
    statement = sized(50 * 1024 * 1024)
    with server.connect() as con:
        with pytest.raises(psycopg.Error) as caught:
            con.execute(statement)
        assert_refused_for_size(caught.value, len(statement))
        assert con.execute("select 1").fetchone() == (1,)
    grown = peak_rss_bytes(pid) - before
    assert grown < 16 * 1024 * 1024, f"peak RSS grew by {grown / 2**20:.1f} MiB"


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


def test_psql_ctrl_c_cancels_through_the_front(server: Server) -> None:
    """psql's SIGINT handler sends a CancelRequest on a new connection: the front forwards it."""
    client = subprocess.Popen([PSQL, f"host=127.0.0.1 port={server.port} user=envwh "
                               "dbname=envwh", "-X", "-c", "select pg_sleep(60)"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)  # fmt: skip
    time.sleep(1.5)
    started = time.monotonic()
    client.send_signal(signal.SIGINT)
    _, stderr = client.communicate(timeout=TIMEOUT_S + 10)
    assert "canceling statement due to user request" in stderr, stderr
    assert time.monotonic() - started < TIMEOUT_S - 2  # the cancel, not the timeout


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


def test_300_silent_tcp_connections_delay_no_login_and_are_closed(server: Server) -> None:
    """Silent sockets cost PostgreSQL nothing: the front holds them (no backend is started for
    a client before its startup packet) and closes each after the login timeout (10 s)."""
    sockets = []
    try:
        for _ in range(300):
            sockets.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        opened = time.monotonic()
        assert_answers(server)
        assert time.monotonic() - opened < 5
        sockets[-1].settimeout(30)
        assert sockets[-1].recv(1) == b""  # closed by the front, without a word
        assert 8 < time.monotonic() - opened < 20
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


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    """ENVWH_SERVE_MAX_SQL_BYTES (the flag --max-sql-bytes does the same): at 12 MB a 10.9 MB
    IN list reaches PostgreSQL, whose memory cap answers it, and 12 MB + 1 byte is refused."""
    write_warehouse(tmp_path / "warehouse" / "envwh.duckdb", ROWS)
    running = start_server(tmp_path / "warehouse", tmp_path / "serve.log", None, "--memory",
                           "1GB", env={"ENVWH_SERVE_MAX_SQL_BYTES": "12MB"})  # fmt: skip
    try:
        assert "SQL ≤ 12,582,912 bytes" in running.read_output(timeout=1)
        values = ",".join(f"'{i:07d}'" for i in range(1_090_000))
        in_list = f"select count(*) from marts.dim_region where region_code in ({values})"
        assert len(in_list) > 10_900_000
        with running.connect() as con:
            try:
                assert con.execute(in_list).fetchone() == (0,)
            except psycopg.Error as exc:  # PostgreSQL's memory cap: a SQLSTATE, never a crash
                assert exc.sqlstate in ("53200", "57014"), exc
            with pytest.raises(psycopg.Error) as caught:
                con.execute(sized(12 * 1024 * 1024 + 1))
            assert_refused_for_size(caught.value, 12 * 1024 * 1024 + 1, 12 * 1024 * 1024)
            assert con.execute(sized(LIMIT + 1)).fetchone() == (sized(LIMIT + 1).count("x"),)
    finally:
        stop(running)
