"""The TCP front of `envwh serve`: PostgreSQL's wire protocol framed, oversized SQL refused.

What belongs here: everything between a client's TCP socket and PostgreSQL's Unix socket, and
nothing that understands SQL. The front accepts clients on `--host`/`--port`, reads the startup
packet (answering SSLRequest and GSSENCRequest with `N`, as PostgreSQL without TLS does;
forwarding a CancelRequest to PostgreSQL so psql's Ctrl-C and drivers' `cancel()` work), then
relays every message byte for byte in both directions, framing them (type byte + length) but
never parsing their bodies. Authentication, errors, limits and cancel are PostgreSQL's own; the
front only refuses, as pg_hba.conf would, a login as any user or database but `envwh` (the
server owner logs in through the Unix socket, never through the front).

One thing it adds: a Query ('Q') or Parse ('P') message, the only two that carry SQL text to
PostgreSQL's parser, larger than `--max-sql-bytes` is never passed on. Its body is read and
dropped in chunks (a 100 MB statement costs no memory), and a tiny statement that fails in the
parser (`envwh_sql_too_large_<token>_<size>`) is sent in its place, so PostgreSQL itself answers
in order, aborts the transaction and, after a Parse, skips to the next Sync, exactly as for any
statement that fails. The front rewrites that one error into `54000` with a sentence naming the
size and the limit. A client that has not sent its startup packet within the login timeout is
closed; until then it costs PostgreSQL nothing (no backend is started for it).

PgBouncer's `max_packet_size` was measured first (README): the client gets `FATAL 08P01 bad
packet header: '510010c8f673656c'` and loses its connection, hence this front.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import secrets
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.serving.cluster import DATABASE, READER
from orchestration.serving.limits import Limits

SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104
CANCEL_REQUEST = 80877102
MAX_STARTUP_PACKET = 10_000  # PostgreSQL's MAX_STARTUP_PACKET_LENGTH
SQL_MESSAGES = frozenset(b"QP")  # Query, Parse: the messages whose text PostgreSQL parses
CHUNK = 256 * 1024
INSPECTED_ERROR_BYTES = 64 * 1024  # a larger ErrorResponse is passed on unread
REFUSAL_PREFIX = "envwh_sql_too_large_"
_HEADER = struct.Struct("!cI")
_LENGTH = struct.Struct("!I")


def error_response(severity: str, sqlstate: str, message: str, hint: str = "") -> bytes:
    """A PostgreSQL ErrorResponse message ('E')."""
    fields = [("S", severity), ("V", severity), ("C", sqlstate), ("M", message)]
    if hint:
        fields.append(("H", hint))
    body = b"".join(code.encode() + value.encode() + b"\0" for code, value in fields) + b"\0"
    return b"E" + _LENGTH.pack(len(body) + 4) + body


def refusal_sentence(size: int, limit: int) -> str:
    return (f"statement of {size:,} bytes is over this server's limit of {limit:,} bytes "
            "(envwh serve --max-sql-bytes)")  # fmt: skip


REFUSAL_HINT = ("Split it into smaller statements or pass long value lists as parameters, or "
                "ask whoever runs envwh serve to raise --max-sql-bytes.")  # fmt: skip


@dataclass
class ClientStream:
    """Frames what a client sends after its startup packet; `feed` returns what PostgreSQL gets.

    An oversized Query or Parse is dropped as it arrives and replaced, once its last byte is
    read, by a statement that fails in PostgreSQL's parser with `marker` and the size in it."""

    max_sql_bytes: int
    marker: str
    refused: list[int] = field(default_factory=list)  # sizes refused so far (for the log)
    _carry: bytes = b""  # an incomplete header
    _forward: int = 0  # body bytes of the current message still to pass on
    _discard: int = 0  # body bytes of the current oversized message still to drop
    _substitute: bytes = b""  # sent when the discarded message ends
    _raw: bool = False  # a broken header was seen: pass everything on (PostgreSQL will refuse)

    def feed(self, data: bytes) -> bytes:
        if self._raw:
            return data
        if self._carry:
            data, self._carry = self._carry + data, b""
        out: list[bytes] = []
        i, n = 0, len(data)
        while i < n:
            if self._forward:
                take = min(self._forward, n - i)
                out.append(data[i : i + take])
                self._forward -= take
                i += take
                continue
            if self._discard:
                take = min(self._discard, n - i)
                self._discard -= take
                i += take
                if not self._discard:
                    out.append(self._substitute)
                continue
            if n - i < 5:
                self._carry = data[i:]
                break
            kind, length = _HEADER.unpack_from(data, i)
            if length < 4:
                self._raw = True
                out.append(data[i:])
                break
            size = length - 4 - (1 if kind == b"Q" else 0)  # a Query's text ends in a zero byte
            if kind[0] in SQL_MESSAGES and size > self.max_sql_bytes:
                self._refuse(kind, data[i + 5 : i + 5 + min(length - 4, n - i - 5)], size)
                self._discard = length - 4  # > 0: the stand-in goes out when it is all read
                i += 5
                continue
            out.append(data[i : i + 5])
            self._forward = length - 4
            i += 5
        return b"".join(out)

    def _refuse(self, kind: bytes, first_bytes: bytes, size: int) -> None:
        self.refused.append(size)
        text = f"{self.marker}_{size}".encode()
        if kind == b"Q":
            body = text + b"\0"
        else:  # Parse: keep the statement's name when it is in the bytes at hand
            name = first_bytes.split(b"\0", 1)[0] if b"\0" in first_bytes else b""
            body = name + b"\0" + text + b"\0" + struct.pack("!h", 0)
        self._substitute = kind + _LENGTH.pack(len(body) + 4) + body


@dataclass
class ServerStream:
    """Frames what PostgreSQL sends; `feed` returns what the client gets: the same bytes, except
    that the parser error provoked by a refused statement's stand-in becomes `54000`."""

    max_sql_bytes: int
    marker: str
    _carry: bytes = b""  # an incomplete header, or an incomplete ErrorResponse
    _skip: int = 0  # bytes of the current message still to pass on unread
    _raw: bool = False
    _pattern: re.Pattern[bytes] = field(init=False)

    def __post_init__(self) -> None:
        self._pattern = re.compile(re.escape(self.marker.encode()) + rb"_(\d+)")

    def feed(self, data: bytes) -> bytes:
        if self._raw:
            return data
        if self._carry:
            data, self._carry = self._carry + data, b""
        out: list[bytes] = []
        start, i, n = 0, 0, len(data)
        if self._skip:
            i = min(self._skip, n)
            self._skip -= i
        while i < n:
            if n - i < 5:
                self._carry = data[i:]
                break
            kind, length = _HEADER.unpack_from(data, i)
            if length < 4:
                self._raw = True
                i = n
                break
            end = i + 1 + length
            if kind == b"E" and length <= INSPECTED_ERROR_BYTES:
                if end > n:
                    self._carry = data[i:]
                    break
                if match := self._pattern.search(data, i + 5, end):
                    out.append(data[start:i])
                    out.append(self._rewrite(data[i + 5 : end], int(match.group(1))))
                    start = end
                i = end
                continue
            if end > n:
                self._skip = end - n
                i = n
                break
            i = end
        out.append(data[start:i])
        return b"".join(out)

    def _rewrite(self, body: bytes, size: int) -> bytes:
        fields = {f[:1]: f[1:] for f in body.split(b"\0") if f}
        severity = fields.get(b"S", b"ERROR").decode()
        return error_response(severity, "54000", refusal_sentence(size, self.max_sql_bytes),
                              REFUSAL_HINT)  # fmt: skip


@dataclass
class Front:
    """The TCP listener in front of PostgreSQL's Unix socket, running in its own thread."""

    host: str
    port: int
    upstream: Path  # PostgreSQL's Unix socket (…/.s.PGSQL.<port>)
    limits: Limits
    log: Callable[[str], None]
    ready: threading.Event = field(default_factory=threading.Event)  # build loaded
    marker: str = field(default_factory=lambda: REFUSAL_PREFIX + secrets.token_hex(6))
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task] = field(default_factory=set)

    def start(self) -> None:
        """Listen now (a port in use fails here); until `ready` is set clients are told
        `57P03 the database system is starting up`."""
        started = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            try:
                listening = asyncio.start_server(
                    self._accept, self.host, self.port, limit=CHUNK,
                    backlog=max(128, 2 * self.limits.max_connections))  # fmt: skip
                self._server = loop.run_until_complete(listening)
            except BaseException as exc:  # handed to the starting thread
                failure.append(exc)
                started.set()
                loop.close()
                return
            self._loop = loop
            started.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="envwh-serve-front", daemon=True)
        self._thread.start()
        started.wait()
        if failure:
            raise failure[0]

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop already ended
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(timeout=10)
            loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout=10)

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # --- one client ----------------------------------------------------------------------

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._tasks.add(task)
        try:
            await self._session(reader, writer)
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass  # the client went away or never logged in: nothing to tell anyone
        finally:
            self._tasks.discard(task)
            await close(writer)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async with asyncio.timeout(self.limits.login_timeout_s):
            packet = await self._startup_packet(reader, writer)
        if packet is None:
            return
        code = _LENGTH.unpack_from(packet, 4)[0]
        if code == CANCEL_REQUEST:
            await self._forward_cancel(packet)
            return
        if not self.ready.is_set():
            writer.write(error_response("FATAL", "57P03", "the database system is starting up"))
            return
        if refusal := refused_login(packet, writer.get_extra_info("peername")):
            writer.write(refusal)
            return
        try:
            up_reader, up_writer = await asyncio.open_unix_connection(str(self.upstream),
                                                                      limit=CHUNK)  # fmt: skip
        except OSError:
            writer.write(error_response("FATAL", "08006", "envwh serve cannot reach its "
                                        "PostgreSQL (it stopped; see the server's "
                                        "output)"))  # fmt: skip
            return
        try:
            up_writer.write(packet)
            client = ClientStream(self.limits.max_sql_bytes, self.marker)
            server = ServerStream(self.limits.max_sql_bytes, self.marker)
            peer = writer.get_extra_info("peername")
            tasks = [asyncio.create_task(self._pump(reader, up_writer, client.feed,
                                                    lambda: self._log_refused(client, peer))),
                     asyncio.create_task(self._pump(up_reader, writer, server.feed))]  # fmt: skip
            try:
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            await close(up_writer)  # PostgreSQL sees its client go, and stops its query

    async def _startup_packet(self, reader: asyncio.StreamReader,
                              writer: asyncio.StreamWriter) -> bytes | None:  # fmt: skip
        """The client's StartupMessage or CancelRequest, after any SSL/GSS request (answered N)."""
        while True:
            length = _LENGTH.unpack(await reader.readexactly(4))[0]
            if not 8 <= length <= MAX_STARTUP_PACKET:
                return None  # PostgreSQL closes too ("invalid length of startup packet")
            packet = _LENGTH.pack(length) + await reader.readexactly(length - 4)
            if _LENGTH.unpack_from(packet, 4)[0] in (SSL_REQUEST, GSSENC_REQUEST):
                writer.write(b"N")  # the cluster has neither TLS nor GSSAPI
                await writer.drain()
                continue
            return packet

    async def _forward_cancel(self, packet: bytes) -> None:
        """PostgreSQL matches the backend's pid and key; it answers nothing, then closes."""
        _, up_writer = await asyncio.open_unix_connection(str(self.upstream))
        up_writer.write(packet)
        await close(up_writer)

    @staticmethod
    async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    transform: Callable[[bytes], bytes],
                    after: Callable[[], None] | None = None) -> None:  # fmt: skip
        with contextlib.suppress(OSError):
            while data := await reader.read(CHUNK):
                out = transform(data)
                if after is not None:
                    after()
                if out:
                    writer.write(out)
                    await writer.drain()

    def _log_refused(self, client: ClientStream, peer: object) -> None:
        while client.refused:
            size = client.refused.pop(0)
            address = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer)
            self.log(f"✗ refused a statement of {size:,} bytes from {address}: over the limit "
                     f"of {self.limits.max_sql_bytes:,} bytes (--max-sql-bytes)")  # fmt: skip


def startup_parameters(packet: bytes) -> dict[str, str]:
    """The name/value pairs of a StartupMessage (after its length and protocol version)."""
    parts = packet[8:].split(b"\0")
    return {parts[i].decode(errors="replace"): parts[i + 1].decode(errors="replace")
            for i in range(0, len(parts) - 1, 2) if parts[i]}  # fmt: skip


def refused_login(packet: bytes, peer: object) -> bytes | None:
    """PostgreSQL's own refusal for any user or database but envwh's: the server owner may log
    in through the Unix socket, never through the front."""
    params = startup_parameters(packet)
    user = params.get("user", "")
    database = params.get("database") or user
    if user == READER and database == DATABASE:
        return None
    host = peer[0] if isinstance(peer, tuple) else "?"
    return error_response("FATAL", "28000", f'pg_hba.conf rejects connection for host "{host}", '
                                            f'user "{user}", database "{database}", no '
                                            "encryption")  # fmt: skip


async def close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, RuntimeError):
        writer.close()
        await writer.wait_closed()
