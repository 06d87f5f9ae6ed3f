"""Landing assets for water-section tables.

An asset belongs here if it copies one kind of water table from raw/ into DuckDB `landing` with
provenance. Parsing lives in orchestration.parsing.water; class determination belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

TABLES = {
    "water__section_assessments": (
        "One row per monitoring section and period: the class as published (exact, a bound such "
        "as 劣于Ⅲ类, or a range), the target class and the main pollutants."
    ),
    "water__measurements": (
        "One row per section × period × parameter: a concentration as a bulletin tables it "
        "(the layout of orchestration/registry/landing/water__measurements.yml)."
    ),
}

raw_specs = [raw_files_spec(t, f"raw/water_sections files of layout {t}") for t in TABLES]
assets = [landing_asset(table, description) for table, description in TABLES.items()]
