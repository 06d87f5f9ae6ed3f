"""Landing assets for air-quality tables.

An asset belongs here if it copies one kind of air-quality table from raw/ into DuckDB `landing`
with provenance. Parsing lives in orchestration.parsing.air_quality; cleaning belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

# each described in orchestration/registry/landing/<table>.yml
TABLES = ["air_quality__periodic", "air_quality__city_rankings"]

raw_specs = [raw_files_spec(t, f"raw/air_quality files of layout {t}") for t in TABLES]
assets = [landing_asset(table) for table in TABLES]
