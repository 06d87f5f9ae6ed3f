"""Landing assets for carbon-market tables.

An asset belongs here if it copies one kind of carbon-market table from raw/ into DuckDB
`landing` with provenance. Parsing lives in orchestration.parsing.carbon_market.
"""

from orchestration.assets.landing import landing_asset, raw_files_spec

# each described in orchestration/registry/landing/<table>.yml
TABLES = ["carbon_market__figures"]

raw_specs = [raw_files_spec(t, f"raw/carbon_market files of layout {t}") for t in TABLES]
assets = [landing_asset(table) for table in TABLES]
