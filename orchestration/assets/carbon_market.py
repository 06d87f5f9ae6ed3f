"""Landing assets for carbon-market tables.

An asset belongs here if it copies one kind of carbon-market table from raw/ into DuckDB
`landing` with provenance. Parsing lives in orchestration.parsing.carbon_market.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

TABLES = {
    "carbon_market__figures": (
        "One row per published national carbon-market figure: volume, turnover, prices, covered "
        "entities, compliance — annual, cumulative (with its as-of date) or per compliance period."
    ),
}

raw_specs = [raw_files_spec(t, f"raw/carbon_market files of layout {t}") for t in TABLES]
assets = [landing_asset(table, description) for table, description in TABLES.items()]
