"""Every landing table's row builder, by table name (the manifest's `table` column), and the one
list of table names a manifest entry may give (`landing_tables`)."""

from orchestration.parsing import air_quality, carbon_market, waste, water

BUILDERS = {**air_quality.BUILDERS, **carbon_market.BUILDERS, **waste.BUILDERS, **water.BUILDERS}
REPORTS_TABLE = "reports__text"  # report texts, read by the extractor rather than a row builder
# station × hour files, read by DuckDB through a declarative layouts map (monitoring_layouts.py)
STATION_HOURLY_TABLE = "air_quality__station_hourly"


def landing_tables() -> tuple[str, ...]:
    """The table names `envwh manifest add` and every build accept: each row builder's table,
    the station × hour monitoring files, then the report texts."""
    return (*sorted({*BUILDERS, STATION_HOURLY_TABLE}), REPORTS_TABLE)
