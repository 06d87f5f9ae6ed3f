"""Expectation suites: the hand-written files expectations/<schema>.<table>.json (what the table
registry cannot say: row counts, formats, cross-column rules, warnings) plus the range and unit
expectations the registry generates for each landing table (orchestration.registry.generate).
Reading them needs no Great Expectations import, so the CLI can list them cheaply.
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
    """Every suite: each file with the registry's expectations of its table appended, and a
    generated suite for each registered table without a file."""
    from orchestration.registry.generate import registry_suites

    generated = registry_suites()
    specs = {}
    for path in sorted(directory.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if spec.get("name") != path.stem:
            raise ValueError(f"{path}: suite name {spec.get('name')!r} must equal the file name")
        extra = generated.pop(spec["name"], {"expectations": []})["expectations"]
        specs[spec["name"]] = {**spec, "expectations": [*spec["expectations"], *extra]}
    specs.update(generated)
    return [SuiteFile(name=n, table=s["meta"]["table"], spec=s) for n, s in sorted(specs.items())]
