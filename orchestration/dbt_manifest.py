"""Keeping dbt's manifest current before Dagster loads the dbt assets (which read it at import).

`dbt parse` runs only when a dbt file changed since the last parse (≈ 8 s saved per build), and
in a subprocess, so the caller can do other work meanwhile (`envwh build` imports Dagster).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


def ensure_manifest(database_path: Path, meanwhile: Callable[[], object] = lambda: None) -> bool:
    """Run `dbt parse` if the manifest is missing or stale, calling `meanwhile()` while it runs
    (or at once when it need not run); return whether it ran."""
    digest = _inputs_digest()
    if is_current(digest):
        meanwhile()
        return False
    dbt = Path(sys.executable).with_name("dbt")
    process = subprocess.Popen(
        [str(dbt), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), *dbt_vars(database_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        meanwhile()
    finally:
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"dbt parse failed:\n{stdout}\n{stderr}")
    STAMP.write_text(digest)
    return True
