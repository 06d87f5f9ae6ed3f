"""Expectation suites as files: expectations/<schema>.<table>.json, one per landed table and mart
fact. Reading them needs no Great Expectations import, so the CLI can list them cheaply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from orchestration.paths import EXPECTATIONS_DIR


@dataclass(frozen=True)
class SuiteFile:
    name: str  # e.g. marts.fct_air_quality
    table: str  # the DuckDB table it validates
    spec: dict  # the suite as JSON (ExpectationSuite(**spec))

    @property
    def asset_key_path(self) -> list[str]:
        schema, table = self.table.split(".", 1)
        return [schema, table]

    @property
    def check_name(self) -> str:
        return "great_expectations"


def load_suites(directory: Path = EXPECTATIONS_DIR) -> list[SuiteFile]:
    suites = []
    for path in sorted(directory.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if spec.get("name") != path.stem:
            raise ValueError(f"{path}: suite name {spec.get('name')!r} must equal the file name")
        suites.append(SuiteFile(name=spec["name"], table=spec["meta"]["table"], spec=spec))
    return suites
