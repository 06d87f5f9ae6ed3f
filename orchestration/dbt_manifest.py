"""Keeping dbt's manifest current before Dagster loads the dbt assets (which read it at import).

`dbt parse` runs only when a dbt file changed since the last parse (≈ 8 s saved per build), and
in a subprocess, so the caller can do other work meanwhile (`envwh build` imports Dagster and
lands raw/ on the other core).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from types import TracebackType

from orchestration.paths import DBT_PROJECT_DIR, dbt_vars

MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"
STAMP = DBT_PROJECT_DIR / "target" / ".envwh_parse_inputs"
INPUT_GLOBS = ("*.yml", "models/**/*", "seeds/*", "macros/**/*", "tests/**/*")


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for pattern in INPUT_GLOBS:
        for path in sorted(p for p in DBT_PROJECT_DIR.glob(pattern) if p.is_file()):
            digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(digest: str, manifest: Path = MANIFEST, stamp: Path = STAMP) -> bool:
    """Whether the manifest was parsed from these inputs and is whole: `dbt build` rewrites it,
    and a build killed meanwhile leaves it cut short under a stamp that still matches."""
    if not (stamp.exists() and stamp.read_text() == digest):
        return False
    try:
        json.loads(manifest.read_bytes())
    except (OSError, ValueError):
        return False
    return True


class ManifestParse:
    """`dbt parse` in a subprocess, started on entering when the manifest is missing or stale;
    `wait()` returns once the manifest is current (whether dbt had to run). Leaving the block
    with an exception kills a parse still running."""

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.digest = _inputs_digest()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> ManifestParse:
        if not is_current(self.digest):
            dbt = Path(sys.executable).with_name("dbt")
            self.process = subprocess.Popen(
                [str(dbt), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
                 "--profiles-dir", str(DBT_PROJECT_DIR), *dbt_vars(self.database_path)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
        return self

    def wait(self) -> bool:
        if self.process is None:
            return False
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            raise RuntimeError(f"dbt parse failed:\n{stdout}\n{stderr}")
        STAMP.write_text(self.digest)
        return True

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:  # fmt: skip
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def ensure_manifest(database_path: Path) -> bool:
    """Run `dbt parse` if the manifest is missing or stale; return whether it ran."""
    with ManifestParse(database_path) as parse:
        return parse.wait()
