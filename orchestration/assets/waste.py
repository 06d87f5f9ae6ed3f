"""Landing assets for waste-facility tables.

An asset belongs here if it copies one kind of waste table from raw/ into DuckDB `landing` with
provenance. Parsing lives in orchestration.parsing.waste; versioning (SCD2) belongs in dbt.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

TABLES = {
    "waste__facilities": (
        "One row per dated edition of a facility: its type, capacity (as reported), status and "
        "generating capacity as one source stated them at one date."
    ),
    "waste__regional_inventory": (
        "One row per facility count and/or capacity that a report states for a region, period "
        "and facility type."
    ),
}

raw_specs = [raw_files_spec(t, f"raw/waste_facilities files of layout {t}") for t in TABLES]
assets = [landing_asset(table, description) for table, description in TABLES.items()]
