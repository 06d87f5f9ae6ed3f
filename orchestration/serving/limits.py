"""The limits `envwh serve` puts on clients, and the PostgreSQL settings that enforce them.

Pure: from a few user-facing numbers (memory budget, statement timeout, connection limit, idle and
login timeouts, SQL size) to `postgresql.conf` lines, per-role settings and a per-backend
address-space cap. Nothing here starts a process; orchestration.serving.cluster applies what is
computed here, and orchestration.serving.front enforces the SQL size.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

MB = 1024 * 1024
GB = 1024 * MB

DEFAULT_MEMORY_FRACTION = 0.25  # of physical RAM, when --memory is not given
DEFAULT_STATEMENT_TIMEOUT_S = 60
DEFAULT_MAX_CONNECTIONS = 100
DEFAULT_IDLE_TIMEOUT_S = 600
DEFAULT_LOGIN_TIMEOUT_S = 10
DEFAULT_MAX_SQL_BYTES = 1024 * 1024  # 1 MiB; the BI catalog queries tested are 6 KB at most
MIN_MAX_SQL_BYTES = 16 * 1024  # below this, drivers' own catalog queries would be refused
MAX_MAX_SQL_BYTES = 1024 * 1024 * 1024 - 1  # PostgreSQL's own cap on one message
MAX_STACK_DEPTH = "2MB"  # PostgreSQL's default: deep nesting fails with 54001, not a crash
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g|tb|t)?\s*$", re.I)
_UNITS = {"b": 1, "k": 1024, "kb": 1024, "m": MB, "mb": MB, "g": GB, "gb": GB,
          "t": 1024 * GB, "tb": 1024 * GB}  # fmt: skip


class LimitError(ValueError):
    """A limit given on the command line or in the environment makes no sense."""


def parse_size(text: str) -> int:
    """Bytes from '2GB', '512MB', '1.5g' or a plain number of bytes."""
    match = _SIZE.match(text)
    if not match:
        raise LimitError(f"{text!r} is not a size: write e.g. 2GB or 512MB")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])


def physical_memory() -> int:
    """Bytes of RAM on this machine."""
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


@dataclass(frozen=True)
class Limits:
    """What one client, and all of them together, may cost the server."""

    memory_bytes: int  # server-wide budget for PostgreSQL (shared buffers + every backend)
    statement_timeout_s: int = DEFAULT_STATEMENT_TIMEOUT_S
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    idle_timeout_s: int = DEFAULT_IDLE_TIMEOUT_S
    login_timeout_s: int = DEFAULT_LOGIN_TIMEOUT_S
    max_sql_bytes: int = DEFAULT_MAX_SQL_BYTES  # one Query or Parse message, checked by the front

    def __post_init__(self) -> None:
        if self.memory_bytes < 256 * MB:
            raise LimitError(f"--memory {self.memory_bytes // MB}MB is too small: give at least "
                             "256MB")  # fmt: skip
        if not 1 <= self.max_connections <= 10_000:
            raise LimitError(f"--max-connections {self.max_connections} must be 1–10000")
        for name, value in (("--statement-timeout", self.statement_timeout_s),
                            ("--idle-timeout", self.idle_timeout_s)):  # fmt: skip
            if value < 1:
                raise LimitError(f"{name} {value} must be at least 1 second")
        if not 1 <= self.login_timeout_s <= 600:
            raise LimitError(f"login timeout {self.login_timeout_s} must be 1–600 seconds")
        if not MIN_MAX_SQL_BYTES <= self.max_sql_bytes <= MAX_MAX_SQL_BYTES:
            raise LimitError(f"--max-sql-bytes {self.max_sql_bytes:,} must be between "
                             f"{MIN_MAX_SQL_BYTES:,} (16KB) and {MAX_MAX_SQL_BYTES:,} (1GB, "
                             "PostgreSQL's own limit)")  # fmt: skip

    @property
    def shared_buffers_bytes(self) -> int:
        return max(16 * MB, min(GB, self.memory_bytes // 8))

    @property
    def work_mem_bytes(self) -> int:
        """Per sort or hash step of one query."""
        return max(4 * MB, min(256 * MB, self.memory_bytes // 64))

    @property
    def backend_private_bytes(self) -> int:
        """What one backend may allocate for itself: a quarter of the budget."""
        return self.memory_bytes // 4

    @property
    def backend_address_space_bytes(self) -> int:
        """RLIMIT_AS of every PostgreSQL process: shared memory, code, and the private share.

        Beyond it an allocation fails and the query ends with 53200 out of memory."""
        return self.shared_buffers_bytes + 512 * MB + self.backend_private_bytes

    @property
    def temp_file_bytes(self) -> int:
        """Disk one backend may spill to (sorts and hashes too large for work_mem)."""
        return max(GB, self.memory_bytes)

    def server_settings(self) -> dict[str, str]:
        """postgresql.conf lines that hold for every connection (the server owner's too)."""
        return {
            # the role's own limit (max_connections) is met first: 3 slots stay for the server
            # itself, 2 for backends still exiting
            "max_connections": str(self.max_connections + 5),
            "superuser_reserved_connections": "3",
            "authentication_timeout": f"{self.login_timeout_s}s",
            "client_connection_check_interval": "1s",  # a gone client's query stops
            "shared_buffers": f"{self.shared_buffers_bytes // MB}MB",
            "max_stack_depth": MAX_STACK_DEPTH,
            "jit": "off",
        }

    def reader_settings(self) -> dict[str, str]:
        """Per-role settings of the login role (ALTER ROLE envwh SET ...)."""
        return {
            "default_transaction_read_only": "on",
            "statement_timeout": f"{self.statement_timeout_s}s",
            "idle_session_timeout": f"{self.idle_timeout_s}s",
            "idle_in_transaction_session_timeout": f"{self.idle_timeout_s}s",
            "work_mem": f"{self.work_mem_bytes // MB}MB",
            "temp_file_limit": f"{self.temp_file_bytes // 1024}kB",
        }

    def describe(self) -> str:
        return (f"memory {self.memory_bytes / GB:.1f} GiB (one query ≤ "
                f"{self.backend_private_bytes / GB:.1f} GiB), statement timeout "
                f"{self.statement_timeout_s} s, {self.max_connections} connections, idle "
                f"timeout {self.idle_timeout_s} s, login timeout "
                f"{self.login_timeout_s} s, SQL ≤ {self.max_sql_bytes:,} bytes")  # fmt: skip


def limits_from(memory: str | None = None, statement_timeout_s: int | None = None,
                max_connections: int | None = None,
                idle_timeout_s: int | None = None,
                max_sql_bytes: str | None = None) -> Limits:  # fmt: skip
    """Limits from flags, else the ENVWH_SERVE_* environment, else the defaults."""
    env = os.environ

    def number(value: int | None, name: str, default: int) -> int:
        if value is not None:
            return value
        text = env.get(name)
        if not text:
            return default
        if not text.strip().isdigit():
            raise LimitError(f"{name}={text!r} is not a whole number")
        return int(text)

    memory = memory or env.get("ENVWH_SERVE_MEMORY")
    memory_bytes = (parse_size(memory) if memory
                    else int(physical_memory() * DEFAULT_MEMORY_FRACTION))  # fmt: skip
    max_sql = max_sql_bytes or env.get("ENVWH_SERVE_MAX_SQL_BYTES")
    return Limits(
        memory_bytes=memory_bytes,
        statement_timeout_s=number(
            statement_timeout_s, "ENVWH_SERVE_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT_S
        ),
        max_connections=number(
            max_connections, "ENVWH_SERVE_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS
        ),
        idle_timeout_s=number(idle_timeout_s, "ENVWH_SERVE_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT_S),
        max_sql_bytes=parse_size(max_sql) if max_sql else DEFAULT_MAX_SQL_BYTES,
    )
