"""The docs site's dashboard opened in a real headless browser (Debian's chromium, installed by
.ci/run when missing), offline: every chart renders as SVG, the console stays silent, and a
screenshot is taken. The AQI calendar is drawn from marts.fct_air_city_daily (Beijing's real
daily AQI in the shipped build); without that table the page says so instead (a copy of the
warehouse without it, for this test only)."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from orchestration import dashboard, offline
from tests.integration.conftest import Workspace

pytestmark = pytest.mark.integration

CHARTS = ("pm25_limit", "water_classes", "carbon_price")


class Rendered(HTMLParser):
    """Which element ids hold a rendered Vega SVG (svg.marks)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.with_svg: set[str] = set()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("div", "p", "section"):
            self.stack.append(attributes.get("id") or "")
            self.ids.add(attributes.get("id") or "")
        if tag == "svg" and "marks" in (attributes.get("class") or ""):
            self.with_svg.update(i for i in self.stack if i)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("div", "p", "section") and self.stack:
            self.stack.pop()


def _chromium(page: Path, tmp_path: Path, *mode: str) -> subprocess.CompletedProcess:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is missing: .ci/run installs it (apt-get install chromium)"
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
         "--virtual-time-budget=15000", "--enable-logging=stderr", "--v=0",
         "--window-size=1200,1700", *mode, page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def _open(site: Path, tmp_path: Path) -> tuple[Rendered, list[str]]:
    result = _chromium(site / dashboard.PAGE, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Rendered()
    dom.feed(result.stdout)
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return dom, console


def _site(database: Path, site: Path) -> Path:
    site.mkdir()
    con = duckdb.connect(str(database), read_only=True)
    try:
        dashboard.write(con, site)
    finally:
        con.close()
    offline.make_offline(site)
    return site


def test_dashboard_renders_offline_in_a_headless_browser(built: Workspace, tmp_path: Path) -> None:
    site = _site(built.published, tmp_path / "site")
    assert offline.remote_resources((site / dashboard.PAGE).read_text(encoding="utf-8")) == []

    dom, console = _open(site, tmp_path)

    assert {"aqi_calendar", *CHARTS} <= dom.with_svg, dom.with_svg  # Beijing's daily AQI
    assert console == []  # no script error, no version warning
    shot = tmp_path / "dashboard.png"
    result = _chromium(site / dashboard.PAGE, tmp_path, f"--screenshot={shot}")
    assert result.returncode == 0 and shot.stat().st_size > 20_000


def test_without_daily_aqi_the_page_says_so(built: Workspace, tmp_path: Path) -> None:
    copy = tmp_path / "without_daily.duckdb"
    shutil.copy(built.published, copy)
    con = duckdb.connect(str(copy))
    try:  # a warehouse built before the monitoring marts existed
        con.execute("drop view if exists marts.mart_air_city_daily_bi")
        con.execute("drop table marts.fct_air_city_daily")
    finally:
        con.close()
    site = _site(copy, tmp_path / "site")

    dom, console = _open(site, tmp_path)

    assert set(CHARTS) <= dom.with_svg, dom.with_svg
    assert "aqi_calendar" in dom.ids and "aqi_calendar" not in dom.with_svg  # the note
    assert console == []
