"""`envwh docs`: one static site under warehouse/docs/ — dbt docs (models, lineage), the Great
Expectations Data Docs of the published warehouse and the bilingual data dictionary, behind an
index page that links them, and a static dashboard of the headline series. The site works
offline: nothing loads from a CDN (orchestration/offline.py).

Works on a copy of the published file, so readers of the warehouse are never blocked.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration import dashboard, dictionary, offline
from orchestration.paths import DBT_PROJECT_DIR, Settings, dbt_vars
from orchestration.quality.suites import load_suites
from orchestration.quality.validate import build_data_docs

INDEX_PAGE = "index.html"
DBT_DIR = "dbt"  # dbt docs: <site>/dbt/index.html
GX_DIR = "gx"  # Data Docs: <site>/gx/index.html
DICTIONARY_PAGE = "dictionary.html"


@dataclass(frozen=True)
class SitePart:
    href: str  # relative to the site root
    title: str
    description: str


SITE_PARTS = (
    SitePart(f"{DBT_DIR}/index.html", "dbt docs", "models, columns, lineage (模型与血缘)"),
    SitePart(f"{GX_DIR}/index.html", "Data Docs",
             "expectation suites and latest results (数据质量)"),
    SitePart(DICTIONARY_PAGE, "Data dictionary / 数据字典",
             "every bi view and mart column with unit and description, every indicator in 中文 "
             "and English"),
    SitePart(dashboard.PAGE, "Dashboard / 仪表板",
             "headline series: daily AQI calendar, PM2.5 against the limit, water class shares, "
             "carbon price"),
)  # fmt: skip


def index_html(parts: tuple[SitePart, ...] = SITE_PARTS) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(p.href)}">{html.escape(p.title)}</a>: '
        f"{html.escape(p.description)}</li>"
        for p in parts
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>envwh documentation</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>envwh — 环境指标数据仓库</h1>
<ul>
{items}
</ul>
</body></html>
"""


def build_docs(paths: Settings) -> Path:
    """Write the site into paths.docs_dir and return its index page."""
    if not paths.published_path.exists():
        raise FileNotFoundError(f"no published warehouse at {paths.published_path}")
    out = paths.docs_dir
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.warehouse_dir, prefix=".docs-") as scratch:
        copy = Path(scratch) / "envwh.duckdb"
        shutil.copyfile(paths.published_path, copy)
        _dbt_docs(copy, Path(scratch) / "target", out / DBT_DIR)
        con = duckdb.connect(str(copy), read_only=True)
        try:
            shutil.rmtree(out / GX_DIR, ignore_errors=True)
            build_data_docs(con, load_suites(), Path(scratch) / "gx_project", out / GX_DIR)
            indicators = dictionary.warehouse_indicator_rows(con)
            _dashboard(con, out)
        finally:
            con.close()
    page = dictionary.render_html(dictionary.load(indicators), home=INDEX_PAGE)
    (out / DICTIONARY_PAGE).write_text(page, encoding="utf-8")
    index = out / INDEX_PAGE
    index.write_text(index_html(), encoding="utf-8")
    offline.make_offline(out)  # every page's scripts and styles from the vendored copies
    return index


def _dashboard(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    dashboard.write(con, out, home=INDEX_PAGE)


def _dbt_docs(database: Path, target: Path, out: Path) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [str(dbt), "docs", "generate", "--static", "--quiet",
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(target), *dbt_vars(database)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"dbt docs generate failed:\n{completed.stdout}{completed.stderr}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target / "static_index.html", out / "index.html")
