"""The code location: builds Definitions from the asset modules; nothing else.

`dagster dev` finds it through [tool.dagster] in pyproject.toml.
"""

import dagster as dg

from orchestration.assets import air_quality
from orchestration.assets.checks import great_expectations_suites
from orchestration.assets.dbt import dbt_models
from orchestration.assets.landing import RAW_MANIFEST_SPEC, raw_manifest
from orchestration.assets.warehouse import published_warehouse
from orchestration.resources import build_resources
from orchestration.sensors import raw_files_sensor

ALL_ASSETS = [
    RAW_MANIFEST_SPEC,
    *air_quality.raw_specs,
    raw_manifest,
    *air_quality.assets,
    dbt_models,
    published_warehouse,
]
build_everything = dg.define_asset_job(
    "build_everything",
    selection=dg.AssetSelection.all() - dg.AssetSelection.keys(
        *[spec.key for spec in [RAW_MANIFEST_SPEC, *air_quality.raw_specs]]),
    description="Land every raw/ file, build the dbt project, validate, publish.",
)  # fmt: skip

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=[great_expectations_suites],
    jobs=[build_everything],
    sensors=[raw_files_sensor],
    resources=build_resources(),
)
