"""The code location: builds Definitions from the asset modules; nothing else.

`dagster dev` finds it through [tool.dagster] in pyproject.toml.
"""

import dagster as dg

from orchestration.assets.checks import great_expectations_suites
from orchestration.assets.dbt import dbt_models
from orchestration.assets.landed import LANDING_ASSETS, RAW_SPECS, land_raw
from orchestration.assets.warehouse import published_warehouse
from orchestration.resources import build_resources
from orchestration.sensors import raw_files_sensor

ALL_ASSETS = [*RAW_SPECS, *LANDING_ASSETS, dbt_models, published_warehouse]
RAW = dg.AssetSelection.keys(*[spec.key for spec in RAW_SPECS])
LANDING = dg.AssetSelection.assets(*LANDING_ASSETS)
build_everything = dg.define_asset_job(
    "build_everything",
    selection=dg.AssetSelection.all() - RAW,
    description="Land every raw/ file, build the dbt project, validate, publish.",
)  # fmt: skip
# `envwh build` lands raw/ in a run of its own while `dbt parse` runs (orchestration.build), then
# runs this: everything after landing, with every check — those of the landing tables included
transform_and_publish = dg.define_asset_job(
    "transform_and_publish",
    selection=dg.AssetSelection.all() - RAW - LANDING | dg.AssetSelection.all_asset_checks(),
    description="Build the dbt project on the landed tables, validate everything, publish.",
)  # fmt: skip

defs = dg.Definitions(
    assets=ALL_ASSETS,
    # one process per run: one DuckDB writer at a time (a file takes one writing process), and
    # Dagster, dbt and Great Expectations imported once instead of once per step
    executor=dg.in_process_executor,
    asset_checks=[great_expectations_suites],
    jobs=[build_everything, land_raw, transform_and_publish],
    sensors=[raw_files_sensor],
    resources=build_resources(),
)
