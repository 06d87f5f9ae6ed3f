"""The code location: builds Definitions from the asset modules; nothing else.

`dagster dev` finds it through [tool.dagster] in pyproject.toml.
"""

import dagster as dg

from orchestration.assets import air_quality, carbon_market, monitoring, reports, waste, water
from orchestration.assets.checks import great_expectations_suites
from orchestration.assets.dbt import dbt_models
from orchestration.assets.landing import RAW_MANIFEST_SPEC, raw_manifest
from orchestration.assets.warehouse import published_warehouse
from orchestration.resources import build_resources
from orchestration.sensors import raw_files_sensor

SUBJECTS = [air_quality, carbon_market, waste, water, reports, monitoring]
RAW_SPECS = [RAW_MANIFEST_SPEC, *(spec for subject in SUBJECTS for spec in subject.raw_specs)]
ALL_ASSETS = [
    *RAW_SPECS,
    raw_manifest,
    *(asset for subject in SUBJECTS for asset in subject.assets),
    dbt_models,
    published_warehouse,
]
build_everything = dg.define_asset_job(
    "build_everything",
    selection=dg.AssetSelection.all() - dg.AssetSelection.keys(*[s.key for s in RAW_SPECS]),
    description="Land every raw/ file, build the dbt project, validate, publish.",
)  # fmt: skip

defs = dg.Definitions(
    assets=ALL_ASSETS,
    # one process per run: one DuckDB writer at a time (a file takes one writing process), and
    # Dagster, dbt and Great Expectations imported once instead of once per step
    executor=dg.in_process_executor,
    asset_checks=[great_expectations_suites],
    jobs=[build_everything],
    sensors=[raw_files_sensor],
    resources=build_resources(),
)
