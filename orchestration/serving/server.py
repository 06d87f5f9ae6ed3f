"""`envwh serve`: start PostgreSQL, load the published build, keep it current, enforce limits.

What belongs here: the start-up rules (loopback unless a password is set), the order of things
(front listening → cluster up → build loaded → front ready → address printed), and the loop that
runs while serving. Each second
it reloads a newly published build (the publisher renames a new file into place), and it keeps
the limits a client could otherwise evade with `SET`: a statement past its timeout is cancelled,
the login role's password and settings are restored if a client changed its own, and when all
backends together pass the memory budget the largest statement is cancelled.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg

from orchestration.serving.cluster import (
    DATABASE,
    READER,
    Cluster,
    ClusterError,
    apply_reader_role,
    free_port,
    reader_role_state,
)
from orchestration.serving.front import Front
from orchestration.serving.limits import LimitError, Limits, limits_from
from orchestration.serving.load import load

PASSWORD_ENV = "ENVWH_SERVE_PASSWORD"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5433  # beside, not on, a system PostgreSQL's 5432
TICK_S = 1.0
GRACE_S = 2  # a statement this long past the timeout is cancelled by the server itself
RETRY_S = 30  # a build that failed to load (or to swap in) is tried again after this


class ServeError(Exception):
    """The server will not start (no warehouse, open to the network without a password, …)."""


@dataclass(frozen=True)
class ServeConfig:
    database: Path
    limits: Limits
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    password: str | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{READER}@{host}:{self.port}/{DATABASE}"


def serve_config(database: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 password: str | None = None,
                 limits: Limits | None = None) -> ServeConfig:  # fmt: skip
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
        duckdb.connect(str(database), read_only=True).close()
    except duckdb.Error as exc:
        raise ServeError(f"cannot open {database} read-only: {exc}") from None
    try:
        limits = limits or limits_from()
    except LimitError as exc:
        raise ServeError(str(exc)) from None
    return ServeConfig(database, limits, host, port, password)


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


def file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when the publisher renames a new build into place (None when missing)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _print(line: str) -> None:
    print(line, flush=True)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(config: ServeConfig, echo: Callable[[str], None] = _print,
          log: Callable[[str], None] = _print) -> None:  # fmt: skip
    """Serve until interrupted. Prints the connect string once the build is loaded."""
    try:
        port = config.port or free_port(config.host)
    except OSError as exc:
        raise ServeError(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from None
    cluster = Cluster(port, config.limits, config.password)
    front = Front(config.host, port, cluster.socket_path, config.limits, log)
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        try:
            front.start()  # a port in use fails before PostgreSQL is started
        except OSError as exc:
            raise ServeError(f"cannot listen on {config.host}:{port}: "
                             f"{exc.strerror or exc}") from None  # fmt: skip
        try:
            cluster.start()
        except ClusterError as exc:
            raise ServeError(str(exc)) from None
        identity = file_identity(config.database)
        with cluster.admin() as admin:
            report = load(config.database, admin, cluster.work_dir)
        front.ready.set()
        bound = ServeConfig(config.database, config.limits, config.host, port, config.password)
        echo(f"✓ serving {config.database} read-only at {bound.url}")
        echo(f"  PostgreSQL {_server_version(cluster)}; loaded {report.summary()}")
        if config.password:
            echo(f"  password required ({PASSWORD_ENV})")
        else:
            echo(f"  no password asked: loopback only (set {PASSWORD_ENV} to require one)")
        echo(f"  limits: {config.limits.describe()}")
        echo("  a new build published to that file is loaded and swapped in; Ctrl-C stops")
        Watch(cluster, config, identity, log).run()
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        signal.signal(signal.SIGTERM, previous)
        front.stop()
        cluster.stop()


def _server_version(cluster: Cluster) -> str:
    with cluster.admin() as admin:
        return admin.execute("show server_version").fetchone()[0]


@dataclass
class Watch:
    """The serving loop: reload new builds, and enforce what a client could `SET` away."""

    cluster: Cluster
    config: ServeConfig
    identity: tuple | None
    log: Callable[[str], None]
    role_state: tuple = ()
    pending: tuple | None = field(default=None)
    retry_at: float = 0.0

    def run(self) -> None:
        with self.cluster.admin(autocommit=True) as admin:
            self.role_state = reader_role_state(admin)
            while True:
                time.sleep(TICK_S)
                if not self.cluster.running():
                    raise ServeError(f"PostgreSQL stopped:\n{self.cluster.log_tail()}")
                self.enforce(admin)
                self.reload_if_published()

    def reload_if_published(self) -> None:
        """Load a new build once its file identity has held still for one tick."""
        identity = file_identity(self.config.database)
        if identity is None or identity == self.identity:
            self.pending = None
            return
        if identity != self.pending:
            self.pending = identity
            return
        if time.monotonic() < self.retry_at:
            return
        try:
            with self.cluster.admin() as admin:
                report = load(self.config.database, admin, self.cluster.work_dir)
        except (duckdb.Error, psycopg.Error, OSError) as exc:
            self.retry_at = time.monotonic() + RETRY_S
            self.log(f"✗ new build not loaded, still serving the previous one (retry in "
                     f"{RETRY_S} s): {str(exc).strip()}")  # fmt: skip
            return
        self.log(f"✓ new build loaded and swapped in: {report.summary()}")
        self.identity, self.pending = identity, None

    def enforce(self, admin: psycopg.Connection) -> None:
        limits = self.config.limits
        for pid, seconds in admin.execute(
            "select pid, extract(epoch from now() - query_start)::int from pg_stat_activity "
            "where usename = %s and state = 'active' and now() - query_start > %s::interval",
            [READER, f"{limits.statement_timeout_s + GRACE_S} seconds"],
        ).fetchall():
            admin.execute("select pg_cancel_backend(%s)", [pid])
            self.log(f"✗ cancelled backend {pid}: running {seconds} s, past the statement "
                     f"timeout of {limits.statement_timeout_s} s")  # fmt: skip
        if reader_role_state(admin) != self.role_state:
            apply_reader_role(admin, self.config.password, limits)
            self.role_state = reader_role_state(admin)
            self.log(f"✗ a client changed role {READER}'s password or settings: restored")
        self.keep_memory_budget(admin)

    def keep_memory_budget(self, admin: psycopg.Connection) -> None:
        """Cancel the largest reader statement while the backends' private memory exceeds it."""
        sizes = {}
        for (pid,) in admin.execute("select pid from pg_stat_activity where usename = %s "
                                    "and state = 'active'", [READER]).fetchall():  # fmt: skip
            sizes[pid] = private_memory(pid)
        budget = self.config.limits.memory_bytes - self.config.limits.shared_buffers_bytes
        if sizes and sum(sizes.values()) > budget:
            pid = max(sizes, key=sizes.__getitem__)
            admin.execute("select pg_cancel_backend(%s)", [pid])
            self.log(f"✗ cancelled backend {pid}: readers use {sum(sizes.values()) >> 20} MiB, "
                     f"over the budget of {budget >> 20} MiB")  # fmt: skip


def private_memory(pid: int) -> int:
    """Anonymous resident memory of a process (bytes); 0 when it is gone."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
    return 0
