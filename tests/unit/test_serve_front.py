"""The framing of `envwh serve`'s front (orchestration.serving.front), without sockets: what
PostgreSQL gets from a client's bytes and what a client gets from PostgreSQL's, however the
bytes are cut into reads. Against a running server: tests/integration/test_serve_limits.py."""

from __future__ import annotations

import struct

import pytest

from orchestration.serving.front import ClientStream, ServerStream, error_response, refused_login

LIMIT = 16 * 1024
MARKER = "envwh_sql_too_large_0123456789ab"


def message(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("!I", len(body) + 4) + body


def query(sql: bytes) -> bytes:
    return message(b"Q", sql + b"\0")


def parse(name: bytes, sql: bytes) -> bytes:
    return message(b"P", name + b"\0" + sql + b"\0" + struct.pack("!hi", 1, 23))


def fields(error: bytes) -> dict[str, str]:
    assert error[:1] == b"E"
    assert struct.unpack("!I", error[1:5])[0] == len(error) - 1
    return {f[:1].decode(): f[1:].decode() for f in error[5:].split(b"\0") if f}


def fed(stream: ClientStream | ServerStream, data: bytes, cut: int) -> bytes:
    """`data` fed in reads of `cut` bytes (0: in one read)."""
    pieces = [data[i : i + cut] for i in range(0, len(data), cut)] if cut else [data]
    return b"".join(stream.feed(piece) for piece in pieces)


CUTS = [0, 1, 3, 5, 7, 4096]


@pytest.mark.parametrize("cut", CUTS)
def test_ordinary_messages_pass_byte_for_byte(cut: int) -> None:
    bind_with_a_large_value = message(b"B", b"\0\0" + b"v" * (3 * LIMIT))  # data, not SQL
    execute, sync, terminate = message(b"E", b"\0" + bytes(4)), message(b"S", b""), b"X\0\0\0\4"
    data = (query(b"select 1") + parse(b"s1", b"select $1") + bind_with_a_large_value
            + execute + sync + terminate)  # fmt: skip
    stream = ClientStream(LIMIT, MARKER)
    assert fed(stream, data, cut) == data
    assert stream.refused == []


@pytest.mark.parametrize("cut", CUTS)
def test_a_query_at_the_limit_passes_and_one_byte_more_is_replaced(cut: int) -> None:
    at_limit, over = query(b"x" * LIMIT), query(b"y" * (LIMIT + 1))
    after = query(b"select 2")
    stream = ClientStream(LIMIT, MARKER)
    out = fed(stream, at_limit + over + after, cut)
    assert out == at_limit + query(f"{MARKER}_{LIMIT + 1}".encode()) + after
    assert b"y" not in out and stream.refused == [LIMIT + 1]


@pytest.mark.parametrize("cut", CUTS)
def test_an_oversized_parse_keeps_its_statement_name(cut: int) -> None:
    big = parse(b"stmt_7", b"select " + b"9" * LIMIT)
    size = len(big) - 5
    stream = ClientStream(LIMIT, MARKER)
    out = fed(stream, big + message(b"S", b""), cut)
    expected_name = b"stmt_7" if cut in (0, 4096) else b""  # the name only when read at once
    stand_in = message(b"P", expected_name + b"\0" + f"{MARKER}_{size}".encode() + b"\0\0\0")
    assert out == stand_in + message(b"S", b"")
    assert stream.refused == [size]


def test_a_broken_length_is_passed_on_for_postgres_to_refuse() -> None:
    stream = ClientStream(LIMIT, MARKER)
    broken = b"Q" + struct.pack("!I", 2) + b"junk"
    assert stream.feed(broken) == broken and stream.feed(b"more") == b"more"


@pytest.mark.parametrize("cut", CUTS)
def test_server_messages_pass_untouched_except_the_stand_ins_error(cut: int) -> None:
    syntax_error = error_response("ERROR", "42601", f'syntax error at or near "{MARKER}_20000"')
    other_error = error_response("ERROR", "42601", 'syntax error at or near "selec"')
    rows = b"".join(message(b"D", struct.pack("!hi", 1, 3) + b"abc") for _ in range(50))
    ready = message(b"Z", b"I")
    stream = ServerStream(LIMIT, MARKER)
    out = fed(stream, rows + ready + syntax_error + ready + other_error + ready, cut)
    assert out.startswith(rows + ready) and out.endswith(ready + other_error + ready)
    error = fields(out[len(rows + ready) : -len(ready + other_error + ready)])
    assert error == {
        "S": "ERROR", "V": "ERROR", "C": "54000",
        "M": "statement of 20,000 bytes is over this server's limit of 16,384 bytes "
             "(envwh serve --max-sql-bytes)",
        "H": "Split it into smaller statements or pass long value lists as parameters, or ask "
             "whoever runs envwh serve to raise --max-sql-bytes.",
    }  # fmt: skip


def test_a_marker_from_another_front_is_not_rewritten() -> None:
    foreign = error_response("ERROR", "42601", 'syntax error at or near "envwh_sql_too_large_x_9"')
    assert ServerStream(LIMIT, MARKER).feed(foreign) == foreign


def startup(**params: str) -> bytes:
    body = (
        struct.pack("!i", 196608)
        + b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in params.items())
        + b"\0"
    )
    return struct.pack("!i", len(body) + 4) + body


@pytest.mark.parametrize(
    ("params", "refused_as"),
    [({"user": "envwh", "database": "envwh"}, None),
     ({"user": "envwh", "application_name": "psql"}, None),  # the database defaults to the user
     ({"user": "envwh_admin", "database": "envwh"}, ("envwh_admin", "envwh")),
     ({"user": "postgres"}, ("postgres", "postgres")),
     ({"user": "envwh", "database": "template1"}, ("envwh", "template1"))],
)  # fmt: skip
def test_only_envwh_may_log_in_through_the_front(params: dict, refused_as: tuple | None) -> None:
    refusal = refused_login(startup(**params), ("192.0.2.7", 5555))
    if refused_as is None:
        assert refusal is None
    else:
        user, database = refused_as
        assert fields(refusal) == {
            "S": "FATAL", "V": "FATAL", "C": "28000",
            "M": f'pg_hba.conf rejects connection for host "192.0.2.7", user "{user}", '
                 f'database "{database}", no encryption',
        }  # fmt: skip
