"""dbt's unit tests (`unit_tests:` in the model YAML: a model's SQL on fixed fixture rows) pass.

`envwh build` leaves them out (they check code, not data, and would cost every build their
start-up), so this test is where they run: `dbt test --select test_type:unit` against a copy of
the shipped build, whose relations give the fixtures their column types.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from orchestration.paths import DBT_PROJECT_DIR
from tests.integration.conftest import Workspace, run_dbt


def _declared_unit_tests() -> set[str]:
    names = set()
    for path in (DBT_PROJECT_DIR / "models").rglob("*.yml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {test["name"] for test in spec.get("unit_tests", [])}
    return names


def test_every_dbt_unit_test_passes(built: Workspace, tmp_path: Path) -> None:
    database = tmp_path / "unit.duckdb"
    shutil.copyfile(built.published, database)
    target = run_dbt("test", "--select", "test_type:unit", database=database, root=tmp_path)
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    ran = {r["unique_id"].split(".")[-1]: r["status"] for r in results}
    assert set(ran) == _declared_unit_tests() and ran, ran
    assert set(ran.values()) == {"pass"}, ran


def test_the_build_leaves_unit_tests_to_the_test_suite(built: Workspace) -> None:
    """The published build ran no unit test (its dbt run_results has none)."""
    results = json.loads((DBT_PROJECT_DIR / "target" / "run_results.json").read_text())
    assert not [r for r in results["results"] if r["unique_id"].startswith("unit_test.")]
