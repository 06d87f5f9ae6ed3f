"""The pure parts of `envwh serve`: limits → PostgreSQL settings, who may connect, type mapping."""

from __future__ import annotations

import pytest

from orchestration.serving.cluster import hba_lines
from orchestration.serving.limits import (
    DEFAULT_MAX_SQL_BYTES,
    GB,
    MB,
    LimitError,
    Limits,
    limits_from,
    parse_size,
)
from orchestration.serving.load import postgres_type, view_body
from orchestration.serving.server import ServeError, is_loopback, serve_config


@pytest.mark.parametrize(("text", "size"), [("2GB", 2 * GB), ("512mb", 512 * MB),
                                            ("1.5g", int(1.5 * GB)), ("1048576", MB)])  # fmt: skip
def test_sizes_are_read_with_their_unit(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "2 parsecs", "-1GB"])
def test_a_size_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(LimitError, match="is not a size"):
        parse_size(text)


def test_limits_become_postgres_settings() -> None:
    limits = Limits(memory_bytes=4 * GB, statement_timeout_s=30, max_connections=50,
                    idle_timeout_s=120)  # fmt: skip
    server, reader = limits.server_settings(), limits.reader_settings()
    assert server["shared_buffers"] == "512MB" and server["max_connections"] == "55"
    assert server["authentication_timeout"] == "10s"
    assert server["client_connection_check_interval"] == "1s"
    assert reader["statement_timeout"] == "30s" and reader["idle_session_timeout"] == "120s"
    assert reader["default_transaction_read_only"] == "on"
    assert limits.backend_private_bytes == GB  # one query: a quarter of the budget
    assert limits.backend_address_space_bytes == 512 * MB + 512 * MB + GB


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"memory_bytes": 100 * MB}, "too small"),
     ({"memory_bytes": GB, "max_connections": 0}, "--max-connections"),
     ({"memory_bytes": GB, "statement_timeout_s": 0}, "--statement-timeout"),
     ({"memory_bytes": GB, "idle_timeout_s": -5}, "--idle-timeout")],
)  # fmt: skip
def test_nonsense_limits_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(LimitError, match=message):
        Limits(**kwargs)


def test_limits_come_from_flags_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENVWH_SERVE_MEMORY", "2GB")
    monkeypatch.setenv("ENVWH_SERVE_STATEMENT_TIMEOUT", "15")
    limits = limits_from(max_connections=7)
    assert (limits.memory_bytes, limits.statement_timeout_s, limits.max_connections) == (
        2 * GB, 15, 7)  # fmt: skip
    assert limits_from(memory="1GB", statement_timeout_s=5).memory_bytes == GB
    monkeypatch.setenv("ENVWH_SERVE_IDLE_TIMEOUT", "soon")
    with pytest.raises(LimitError, match="ENVWH_SERVE_IDLE_TIMEOUT"):
        limits_from()


def test_clients_reach_postgres_only_through_its_socket_with_or_without_a_password() -> None:
    """The front relays clients over the cluster's private Unix socket; without a password it
    listens on loopback only (serve_config), so `trust` there is loopback trust."""
    open_lines, guarded = hba_lines(password=False), hba_lines(password=True)
    assert "local envwh envwh trust" in open_lines
    assert "local envwh envwh scram-sha-256" in guarded and not any("trust" in x for x in guarded)
    for lines in (open_lines, guarded):
        assert lines[0] == "local all envwh_admin scram-sha-256"  # the owner: socket only
        assert lines[-3:] == ["local all all reject", "host all all 0.0.0.0/0 reject",
                              "host all all ::/0 reject"]  # fmt: skip
        assert not any(x.startswith("host") and not x.endswith("reject") for x in lines)


def test_the_sql_size_limit_comes_from_the_flag_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ENVWH_SERVE_MAX_SQL_BYTES", raising=False)
    assert limits_from(memory="1GB").max_sql_bytes == DEFAULT_MAX_SQL_BYTES == MB
    monkeypatch.setenv("ENVWH_SERVE_MAX_SQL_BYTES", "4MB")
    assert limits_from(memory="1GB").max_sql_bytes == 4 * MB
    assert limits_from(memory="1GB", max_sql_bytes="65536").max_sql_bytes == 65536
    for nonsense in ("100", "2GB"):
        with pytest.raises(LimitError, match="--max-sql-bytes"):
            limits_from(memory="1GB", max_sql_bytes=nonsense)
    monkeypatch.setenv("ENVWH_SERVE_MAX_SQL_BYTES", "huge")
    with pytest.raises(LimitError, match="is not a size"):
        limits_from(memory="1GB")


@pytest.mark.parametrize(
    ("duckdb_type", "pg_type"),
    [("VARCHAR", "text"), ("DOUBLE", "double precision"), ("DECIMAL(18,3)", "numeric(18,3)"),
     ("DATE", "date"), ("TIMESTAMP", "timestamp"), ("BOOLEAN", "boolean"), ("BIGINT", "bigint"),
     ("INTEGER", "integer"), ("HUGEINT", "numeric(39,0)"), ("VARCHAR[]", "jsonb"),
     ("STRUCT(a INTEGER)", "jsonb"), ("BLOB", "bytea"), ("ENUM('a', 'b')", "text")],
)  # fmt: skip
def test_duckdb_types_map_to_postgres_types(duckdb_type: str, pg_type: str) -> None:
    assert postgres_type(duckdb_type)[0] == pg_type


def test_a_view_body_is_the_select_of_duckdbs_create_view() -> None:
    sql = "CREATE VIEW marts.v AS WITH x AS (SELECT 1 AS a) SELECT a FROM x;"
    assert view_body(sql) == "WITH x AS (SELECT 1 AS a) SELECT a FROM x"
    assert view_body("SELECT 1") is None


def test_loopback_is_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_serve_config_refuses_an_open_host_without_a_password(tmp_path,
                                                               monkeypatch) -> None:  # fmt: skip
    monkeypatch.delenv("ENVWH_SERVE_PASSWORD", raising=False)
    with pytest.raises(ServeError, match="without a password"):
        serve_config(tmp_path / "envwh.duckdb", host="0.0.0.0")
    with pytest.raises(ServeError, match="run `envwh build` first"):
        serve_config(tmp_path / "envwh.duckdb")
    with pytest.raises(ServeError, match="not a TCP port"):
        serve_config(tmp_path / "envwh.duckdb", port=70000)
