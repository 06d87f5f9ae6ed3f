"""`envwh docs`: one static site under warehouse/docs/ — dbt docs (models, lineage) and the
Great Expectations Data Docs of the published warehouse, behind a small index page.

Works on a copy of the published file, so readers of the warehouse are never blocked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from orchestration.paths import DBT_PROJECT_DIR, Settings
from orchestration.quality.suites import load_suites
from orchestration.quality.validate import build_data_docs

INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>envwh documentation</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>envwh — 环境指标数据仓库</h1>
<ul>
<li><a href="dbt/index.html">dbt docs</a>: models, columns, lineage (模型与血缘)</li>
<li><a href="gx/index.html">Data Docs</a>: expectation suites and latest results (数据质量)</li>
</ul>
</body></html>
"""


def build_docs(paths: Settings) -> Path:
    if not paths.published_path.exists():
        raise FileNotFoundError(f"no published warehouse at {paths.published_path}")
    out = paths.docs_dir
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.warehouse_dir, prefix=".docs-") as scratch:
        copy = Path(scratch) / "envwh.duckdb"
        shutil.copyfile(paths.published_path, copy)
        _dbt_docs(copy, Path(scratch) / "target", out / "dbt")
        con = duckdb.connect(str(copy), read_only=True)
        try:
            shutil.rmtree(out / "gx", ignore_errors=True)
            build_data_docs(con, load_suites(), Path(scratch) / "gx_project", out / "gx")
        finally:
            con.close()
    index = out / "index.html"
    index.write_text(INDEX, encoding="utf-8")
    return index


def _dbt_docs(database: Path, target: Path, out: Path) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [str(dbt), "docs", "generate", "--static", "--quiet",
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(target)],
        env={**os.environ, "ENVWH_DUCKDB_PATH": str(database)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"dbt docs generate failed:\n{completed.stdout}{completed.stderr}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target / "static_index.html", out / "index.html")
