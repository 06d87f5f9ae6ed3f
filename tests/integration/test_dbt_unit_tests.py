"""dbt's unit tests (`unit_tests:` in the model YAML: a model's SQL on fixed fixture rows) pass.

`envwh build` leaves them out (they check code, not data, and would cost every build their
start-up), so this test is where they run: `dbt test --select test_type:unit` against a copy of
the shipped build, whose relations give the fixtures their column types.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from orchestration.paths import DBT_PROJECT_DIR, dbt_vars
from tests.integration.conftest import Workspace


def _declared_unit_tests() -> set[str]:
    names = set()
    for path in (DBT_PROJECT_DIR / "models").rglob("*.yml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {test["name"] for test in spec.get("unit_tests", [])}
    return names


def test_every_dbt_unit_test_passes(built: Workspace, tmp_path: Path) -> None:
    database = tmp_path / "unit.duckdb"
    shutil.copyfile(built.published, database)
    target = tmp_path / "target"  # not the project's: its manifest is the build's
    dbt = str(Path(sys.executable).with_name("dbt"))
    result = subprocess.run(
        [dbt, "test", "--select", "test_type:unit", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target),
         "--log-path", str(tmp_path / "logs"), *dbt_vars(database)],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    ran = {r["unique_id"].split(".")[-1]: r["status"] for r in results}
    assert set(ran) == _declared_unit_tests() and ran, ran
    assert set(ran.values()) == {"pass"}, ran


def test_the_build_leaves_unit_tests_to_the_test_suite(built: Workspace) -> None:
    """The published build ran no unit test (its dbt run_results has none)."""
    results = json.loads((DBT_PROJECT_DIR / "target" / "run_results.json").read_text())
    assert not [r for r in results["results"] if r["unique_id"].startswith("unit_test.")]
