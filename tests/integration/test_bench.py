"""The benchmark's code path, run once without timing anything (bench/bench_build.py), so
`make bench` cannot break unnoticed: its plain script must build every model the build does."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import duckdb
import pytest

from orchestration.paths import DBT_PROJECT_DIR, PROJECT_ROOT
from tests.integration.conftest import ENVWH, Workspace

pytestmark = pytest.mark.integration


def _bench():
    path = PROJECT_ROOT / "bench" / "bench_build.py"
    spec = importlib.util.spec_from_file_location("bench_build", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_runs_end_to_end(built: Workspace, tmp_path: Path) -> None:
    bench = _bench()
    env = {**os.environ, "ENVWH_RAW_DIR": str(built.raw),
           "ENVWH_WAREHOUSE_DIR": str(built.warehouse)}  # fmt: skip
    noop = bench.timed([str(ENVWH), "build"], env)  # the no-op rebuild of the benchmark
    plain = bench.plain_script(tmp_path, built.published, raw=built.raw)
    con = duckdb.connect(str(tmp_path / ".build.duckdb"), read_only=True)
    try:
        plain_rows = con.execute("select count(*) from marts.fct_air_quality").fetchone()
        indicators = con.execute("select count(*) from marts.dim_indicator").fetchone()
    finally:
        con.close()
    assert plain_rows == built.query("select count(*) from marts.fct_air_quality")[0]
    assert indicators == built.query("select count(*) from marts.dim_indicator")[0]
    text = bench.report({"cold build": [noop], "no-op rebuild": [noop], "plain script": [plain]})
    for figure in ("cold build", "no-op rebuild", "plain script", "overhead over the plain"):
        assert figure in text
    # the phase table of the fixture's build (`envwh build --timings`) with dbt's own split
    timings = json.loads((built.warehouse.parent / "timings.json").read_text())
    target = DBT_PROJECT_DIR / "target"
    rows = bench.phases(timings, json.loads((target / "run_results.json").read_text()),
                        json.loads((target / "manifest.json").read_text()))  # fmt: skip
    table = bench.phase_table(rows, bench.load_average())
    for phase in ("landing (", "air_quality__station_hourly", "dbt build", "dbt start-up",
                  "busy: models", "Great Expectations", "publish", "total"):  # fmt: skip
        assert phase in table
    assert dict(rows)["total"] == sum(timings.values())
