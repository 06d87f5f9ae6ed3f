"""A private PostgreSQL cluster for `envwh serve`: created, started and stopped by envwh.

What belongs here: finding the PostgreSQL binaries, `initdb` into a fresh directory, the server's
configuration (pg_hba.conf: who may connect and how; postgresql.conf: the limits computed in
orchestration.serving.limits), running `postgres` as an unprivileged OS user when envwh runs as
root (PostgreSQL refuses root), the login role's privileges, and stopping the server. What is
loaded into it lives in orchestration.serving.load.

The cluster holds nothing that is not in the published DuckDB file, so it is created fresh at
every start in a temporary directory and removed at stop. PostgreSQL listens on no TCP port, only
on a Unix socket in that private directory (mode 0700): the server owner (`envwh_admin`, a random
password kept in memory) connects there, and so does orchestration.serving.front, which relays
clients' TCP connections as `envwh`, a role with USAGE/SELECT and nothing else.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pwd
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from orchestration.serving.limits import Limits

READER = "envwh"  # the login role BI tools use
DATABASE = "envwh"
ADMIN = "envwh_admin"  # the server owner; Unix socket only
SERVER_OS_USER = "postgres"  # who runs postgres when envwh runs as root (Debian's package user)
PG_BIN_ENV = "ENVWH_PG_BIN"
_PR_SET_PDEATHSIG = 1
LARGE_OBJECT_WRITERS = (
    "lo_create(oid)", "lo_creat(integer)", "lo_from_bytea(oid, bytea)",
    "lo_put(oid, bigint, bytea)", "lowrite(integer, bytea)", "lo_truncate(integer, integer)",
    "lo_truncate64(integer, bigint)", "lo_unlink(oid)", "lo_open(oid, integer)",
)  # fmt: skip


OWNER_FILE = "envwh-serve.pid"  # the envwh process a cluster directory belongs to
DIR_PREFIX = "envwh-serve-"


class ClusterError(Exception):
    """PostgreSQL could not be found, initialised or started; the message says what to do."""


def postgres_bin() -> Path:
    """The directory holding initdb and postgres (ENVWH_PG_BIN, else the newest Debian one)."""
    if os.environ.get(PG_BIN_ENV):
        candidates = [Path(os.environ[PG_BIN_ENV])]
    else:
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        )
        on_path = shutil.which("initdb")
        candidates = [*reversed(versions), *([Path(on_path).parent] if on_path else [])]
    for directory in candidates:
        if (directory / "initdb").exists() and (directory / "postgres").exists():
            return directory
    raise ClusterError("PostgreSQL (15 or later) is not installed: `apt-get install "
                       f"postgresql`, or set {PG_BIN_ENV} to the directory with initdb and "
                       "postgres")  # fmt: skip


@dataclass(frozen=True)
class OsUser:
    uid: int
    gid: int
    name: str


def server_os_user() -> OsUser | None:
    """The unprivileged user postgres runs as when envwh runs as root; None otherwise."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVER_OS_USER)
    except KeyError:
        raise ClusterError(f"running as root, and PostgreSQL refuses root: create the user "
                           f"{SERVER_OS_USER!r} (`apt-get install postgresql` does) or run "
                           "envwh serve as an ordinary user") from None  # fmt: skip
    return OsUser(entry.pw_uid, entry.pw_gid, entry.pw_name)


def free_port(host: str) -> int:
    """A TCP port nobody listens on at `host` right now (for --port 0)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def hba_lines(password: bool) -> list[str]:
    """pg_hba.conf: everyone comes through the private Unix socket, the owner with its password,
    `envwh` (relayed by the front) with the password when one is set, else trusted: without a
    password the front listens on loopback only. Nothing else is accepted, TCP least of all."""
    return [f"local all {ADMIN} scram-sha-256",
            f"local {DATABASE} {READER} {'scram-sha-256' if password else 'trust'}",
            "local all all reject", "host all all 0.0.0.0/0 reject",
            "host all all ::/0 reject"]  # fmt: skip


def conf_value(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Cluster:
    """One running PostgreSQL server in a temporary directory; `stop()` removes it."""

    port: int  # names the Unix socket (.s.PGSQL.<port>); no TCP port is opened
    limits: Limits
    password: str | None
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix=DIR_PREFIX)))
    admin_password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    process: subprocess.Popen | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_path(self) -> Path:
        return self.root / f".s.PGSQL.{self.port}"

    @property
    def log_path(self) -> Path:
        return self.root / "postgres.log"

    @property
    def work_dir(self) -> Path:
        """Where the loader writes its CSV exports (the server never reads them)."""
        return self.root / "load"

    def start(self) -> None:
        """initdb, configure, start `postgres`, create the database and the login role."""
        (self.root / OWNER_FILE).write_text(str(os.getpid()))
        remove_stale_clusters(self.root.parent)
        try:
            self._initdb()
            self._configure()
            self._start_postgres()
            self._create_reader()
        except BaseException:
            self.stop()
            raise

    def admin(self, dbname: str = DATABASE, autocommit: bool = False) -> psycopg.Connection:
        """A connection as the server owner through the Unix socket."""
        return psycopg.connect(host=str(self.root), port=self.port, user=ADMIN, dbname=dbname,
                               password=self.admin_password, autocommit=autocommit,
                               connect_timeout=10)  # fmt: skip

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Fast shutdown (clients are disconnected), then the directory is removed."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # --- the steps -----------------------------------------------------------------------

    def _run_as_server(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        user = server_os_user()
        ids = {"user": user.uid, "group": user.gid, "extra_groups": []} if user else {}
        return subprocess.run(args, capture_output=True, text=True, check=False, **ids, **kwargs)

    def _initdb(self) -> None:
        self.work_dir.mkdir()
        user = server_os_user()
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.admin_password + "\n")
        if user:
            for path in (self.root, pwfile):
                os.chown(path, user.uid, user.gid)
        result = self._run_as_server([
            str(postgres_bin() / "initdb"), "-D", str(self.data_dir), "-U", ADMIN,
            f"--pwfile={pwfile}", "--auth-local=scram-sha-256", "--auth-host=reject",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        ])  # fmt: skip
        pwfile.unlink()
        if result.returncode != 0:
            raise ClusterError(f"initdb failed: {(result.stderr or result.stdout).strip()}")

    def _configure(self) -> None:
        settings = {
            "listen_addresses": "",  # the Unix socket only: clients come through the front
            "port": str(self.port),
            "unix_socket_directories": str(self.root),
            "unix_socket_permissions": "0700",
            "password_encryption": "scram-sha-256",
            # the cluster is rebuilt from the published file at every start: no crash safety
            "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
            "wal_level": "minimal", "max_wal_senders": "0",
            "log_min_messages": "warning", "log_connections": "off",
            **self.limits.server_settings(),
        }  # fmt: skip
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write("\n# envwh serve\n")
            for name, value in settings.items():
                conf.write(f"{name} = {conf_value(value)}\n")
        (self.data_dir / "pg_hba.conf").write_text(
            "\n".join(hba_lines(self.password is not None)) + "\n"
        )

    def _start_postgres(self) -> None:
        user = server_os_user()
        ids = {"user": user.uid, "group": user.gid, "extra_groups": []} if user else {}
        cap = self.limits.backend_address_space_bytes
        log = self.log_path.open("w")

        def limit_and_follow_parent() -> None:  # runs in the child, before exec
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            with contextlib.suppress(OSError, AttributeError):  # Linux: stop when envwh dies
                ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGINT)

        self.process = subprocess.Popen(
            [str(postgres_bin() / "postgres"), "-D", str(self.data_dir)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=limit_and_follow_parent, **ids,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ClusterError(f"postgres did not start:\n{self.log_tail()}")
            try:
                self.admin(dbname="postgres").close()
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise ClusterError(f"postgres did not answer within 60 s:\n{self.log_tail()}")

    def _create_reader(self) -> None:
        with self.admin(dbname="postgres", autocommit=True) as con:
            con.execute(sql.SQL("create database {} owner {} template template0 encoding 'UTF8' "
                                "locale 'C.UTF-8'").format(sql.Identifier(DATABASE),
                                                           sql.Identifier(ADMIN)))  # fmt: skip
            con.execute(sql.SQL("create role {} login nosuperuser nocreatedb nocreaterole "
                                "noinherit noreplication nobypassrls connection limit {}")
                        .format(sql.Identifier(READER),
                                sql.Literal(self.limits.max_connections)))  # fmt: skip
        with self.admin(autocommit=True) as con:
            apply_reader_role(con, self.password, self.limits)
            for statement in (
                "revoke all on database {db} from public",
                "grant connect on database {db} to {reader}",
                "revoke all on schema public from public",
            ):
                con.execute(sql.SQL(statement).format(db=sql.Identifier(DATABASE),
                                                      reader=sql.Identifier(READER)))  # fmt: skip
            # server files and lo_import/lo_export are superuser-only in PostgreSQL 15, but any
            # role may create and write large objects once it turns read-only off
            for function in LARGE_OBJECT_WRITERS:
                con.execute(sql.SQL("revoke execute on function {} from public").format(
                    sql.SQL(function)))  # fmt: skip
            con.execute("drop schema public")


def remove_stale_clusters(directory: Path) -> None:
    """Remove cluster directories whose envwh process is gone (killed before it could clean up;
    its PostgreSQL stopped with it)."""
    for root in directory.glob(f"{DIR_PREFIX}*"):
        try:
            owner = int((root / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue  # being created, or not ours
        if not Path(f"/proc/{owner}").exists():
            shutil.rmtree(root, ignore_errors=True)


def apply_reader_role(con: psycopg.Connection, password: str | None, limits: Limits) -> None:
    """The login role's password and settings; also re-applied when a client changed them."""
    reader = sql.Identifier(READER)
    if password:
        con.execute(sql.SQL("alter role {} password {}").format(reader, sql.Literal(password)))
    else:
        con.execute(sql.SQL("alter role {} password null").format(reader))
    con.execute(sql.SQL("alter role {} reset all").format(reader))
    for name, value in limits.reader_settings().items():
        con.execute(sql.SQL("alter role {} set {} = {}").format(
            reader, sql.Identifier(name), sql.Literal(value)))  # fmt: skip


def reader_role_state(con: psycopg.Connection) -> tuple:
    """What a client could change about its own role: its password and its settings."""
    row = con.execute(
        "select r.rolpassword, coalesce((select array_agg(s order by s) from pg_db_role_setting d,"
        " unnest(d.setconfig) s where d.setrole = r.oid), '{}') from pg_authid r "
        "where r.rolname = %s", [READER]).fetchone()  # fmt: skip
    return tuple(row) if row else ()
