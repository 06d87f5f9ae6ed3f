"""Every asset that lands raw/ into DuckDB, and the raw/ files they start from: what a run can
materialize before dbt's manifest exists (nothing here imports the dbt assets), so `envwh build`
lands raw/ while `dbt parse` runs beside it."""

import dagster as dg

from orchestration.assets import air_quality, carbon_market, monitoring, reports, waste, water
from orchestration.assets.landing import RAW_MANIFEST_SPEC, raw_manifest
from orchestration.resources import build_resources

SUBJECTS = [air_quality, carbon_market, waste, water, reports, monitoring]
RAW_SPECS = [RAW_MANIFEST_SPEC, *(spec for subject in SUBJECTS for spec in subject.raw_specs)]
LANDING_ASSETS = [raw_manifest, *(asset for subject in SUBJECTS for asset in subject.assets)]

land_raw = dg.define_asset_job(
    "land_raw",
    # without checks: those of the landing tables run after dbt (transform_and_publish)
    selection=dg.AssetSelection.assets(*LANDING_ASSETS).without_checks(),
    description="Verify raw/ against its manifest and land every file, with provenance.",
)  # fmt: skip
# the landing assets alone, loadable before dbt's manifest exists (orchestration.build)
LANDING_DEFS = dg.Definitions(
    assets=[*RAW_SPECS, *LANDING_ASSETS], jobs=[land_raw],
    executor=dg.in_process_executor, resources=build_resources(),
)  # fmt: skip
