"""Landing assets for waste-facility tables.

An asset belongs here if it copies one kind of waste table from raw/ into DuckDB `landing` with
provenance. Parsing lives in orchestration.parsing.waste; versioning (SCD2) belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

# each described in orchestration/registry/landing/<table>.yml
TABLES = ["waste__facilities", "waste__regional_inventory"]

raw_specs = [raw_files_spec(t, f"raw/waste_facilities files of layout {t}") for t in TABLES]
assets = [landing_asset(table) for table in TABLES]
