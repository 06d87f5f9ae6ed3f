"""The Dagster code location loads and its lineage joins: raw → landing → dbt → checks → publish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

PROBE = """
import json
from orchestration.definitions import defs
graph = defs.resolve_asset_graph()
up = {k.to_user_string(): sorted(p.to_user_string() for p in graph.get(k).parent_keys)
      for k in graph.get_all_asset_keys()}
checks = {}
for key in graph.asset_check_keys:
    checks[f"{key.asset_key.to_user_string()}:{key.name}"] = graph.get_check_spec(key).blocking
jobs = {}
for job in defs.resolve_all_job_defs():
    layer = job.asset_layer
    jobs[job.name] = {
        "assets": sorted(k.to_user_string() for k in layer.selected_asset_keys),
        "checks": sorted(f"{k.asset_key.to_user_string()}:{k.name}"
                         for k in layer.asset_graph.asset_check_keys),
    }
sensors = [s.name for s in defs.sensors]
print(json.dumps({"up": up, "checks": checks, "jobs": jobs, "sensors": sensors}))
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:
    import json

    from orchestration.dbt_manifest import ensure_manifest

    database = tmp_path_factory.mktemp("defs") / "dagster_dev.duckdb"
    ensure_manifest(database)
    env = {**os.environ, "ENVWH_DUCKDB_PATH": str(database)}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_lineage_joins_from_raw_file_to_published_warehouse(graph: dict) -> None:
    up = graph["up"]
    assert up["landing/air_quality__periodic"] == ["landing/raw__manifest",
                                                   "raw/air_quality__periodic"]  # fmt: skip
    assert "landing/air_quality__periodic" in up["staging/stg_air_quality__periodic_observations"]
    assert "intermediate/int_air_quality_observations_converted" in up["marts/fct_air_quality"]
    assert "marts/fct_air_quality" in up["warehouse/envwh"]


def test_checks_and_schedule(graph: dict) -> None:
    checks = graph["checks"]
    assert checks["marts/fct_air_quality:great_expectations"] is True  # blocks publishing
    assert "landing/air_quality__periodic:great_expectations" in checks
    assert any(name.startswith("marts/fct_air_quality:not_unknown_member") for name in checks)
    assert "build_everything" in graph["jobs"] and graph["sensors"] == ["raw_files_sensor"]


def test_envwh_build_runs_landing_then_the_rest_with_every_check(graph: dict) -> None:
    """`envwh build` runs land_raw (beside dbt parse), then transform_and_publish: together they
    are build_everything — every asset once, and every check in the second run."""
    names = ("build_everything", "land_raw", "transform_and_publish")
    everything, land, rest = (graph["jobs"][name] for name in names)
    assert land["assets"] == [k for k in everything["assets"] if k.startswith("landing/")]
    assert sorted(land["assets"] + rest["assets"]) == everything["assets"]
    assert land["checks"] == []
    assert rest["checks"] == everything["checks"] == sorted(graph["checks"])
    assert "landing/air_quality__periodic:great_expectations" in rest["checks"]
