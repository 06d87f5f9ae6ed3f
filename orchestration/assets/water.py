"""Landing assets for water-section tables.

An asset belongs here if it copies one kind of water table from raw/ into DuckDB `landing` with
provenance. Parsing lives in orchestration.parsing.water; class determination belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

# each described in orchestration/registry/landing/<table>.yml
TABLES = ["water__section_assessments", "water__measurements"]

raw_specs = [raw_files_spec(t, f"raw/water_sections files of layout {t}") for t in TABLES]
assets = [landing_asset(table) for table in TABLES]
