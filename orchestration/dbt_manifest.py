"""Keeping dbt's manifest current before Dagster loads the dbt assets (which read it at import).

`dbt parse` runs only when a dbt file changed since the last parse (≈ 8 s saved per build).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
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


def ensure_manifest(database_path: Path) -> bool:
    """Run `dbt parse` if the manifest is missing or stale; return whether it ran."""
    digest = _inputs_digest()
    if MANIFEST.exists() and STAMP.exists() and STAMP.read_text() == digest:
        return False
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [str(dbt), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), *dbt_vars(database_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"dbt parse failed:\n{completed.stdout}\n{completed.stderr}")
    STAMP.write_text(digest)
    return True
