"""Landing assets for air-quality tables.

An asset belongs here if it copies one kind of air-quality table from raw/ into DuckDB `landing`
with provenance. Parsing lives in orchestration.parsing.air_quality; cleaning belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

TABLES = {
    "air_quality__periodic": (
        "One row per air indicator value of a publisher's periodic table (long tables with a "
        "unit column, or wide tables with units in the headers)."
    ),
    "air_quality__city_rankings": "One row per city of a published within-province ranking.",
}

raw_specs = [raw_files_spec(t, f"raw/air_quality files of layout {t}") for t in TABLES]
assets = [landing_asset(table, description) for table, description in TABLES.items()]
