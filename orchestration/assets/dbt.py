"""The dbt project as Dagster assets: seeds, staging, intermediate and marts, built by one
`dbt build` (models and their tests; dbt tests become asset checks).

Model and seed keys are [schema, name] (e.g. ["marts", "fct_air_quality"]), the table they make;
sources keep dbt-dagster's default [source, table], which the landing assets share.
"""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.resources import WarehousePaths, dbt_project


class EnvwhTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project,
            dagster_dbt_translator=EnvwhTranslator())  # fmt: skip
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, paths: WarehousePaths,
               config: DbtBuildConfig):  # fmt: skip
    """Every dbt seed and model, built once per run with its data tests, into the run's file.

    dbt's unit tests are left out: they check the SQL of a model on fixed fixture rows, not the
    data, so they cannot change from one build to the next; they run in the test suite
    (tests/integration/test_dbt_unit_tests.py), as dbt's documentation recommends, instead of
    costing every build their start-up and gating the models after them."""
    args = ["build", "--full-refresh"] if config.full_refresh else ["build"]
    args += ["--exclude-resource-type", "unit_test", *paths.dbt_vars()]
    # One target folder for every run: partial parsing stays warm and no per-run folders pile up.
    yield from dbt.cli(args, context=context, target_path=dbt_project.target_path).stream()
