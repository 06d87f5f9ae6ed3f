"""`envwh export`: one Parquet file per mart table of the published warehouse under
warehouse/exports/, with a README of the star schema beside them, for tools that read Parquet.

Written into a temporary folder and swapped in whole, so a reader never sees half an export.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from orchestration.dictionary import render
from orchestration.paths import Settings


def export(paths: Settings) -> list[Path]:
    if not paths.published_path.exists():
        raise FileNotFoundError(f"no published warehouse at {paths.published_path}")
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=paths.warehouse_dir, prefix=".exports-"))
    con = duckdb.connect(str(paths.published_path), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' "
            "order by 1").fetchall()]  # fmt: skip
        for table in tables:
            target = staging / f"{table}.parquet"
            con.execute(f"copy (select * from marts.{table}) to '{target}' (format parquet)")
    finally:
        con.close()
    (staging / "README.md").write_text(
        "# envwh exports\n\nOne Parquet file per table of schema `marts` of "
        f"{paths.published_path.name}. Facts (`fct_*`) join dimensions (`dim_*`) on their "
        "`*_key` columns; `-1` keys are unknown members.\n\n" + render(),
        encoding="utf-8",
    )
    old = paths.exports_dir.with_name(".exports-old")
    shutil.rmtree(old, ignore_errors=True)
    if paths.exports_dir.exists():
        paths.exports_dir.rename(old)
    staging.rename(paths.exports_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(paths.exports_dir.glob("*.parquet"))
