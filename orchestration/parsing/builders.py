"""Every landing table's row builder, by table name (the manifest's `table` column), and the one
list of table names a manifest entry may give (`landing_tables`)."""

from orchestration.parsing import air_quality, carbon_market, waste, water

BUILDERS = {**air_quality.BUILDERS, **carbon_market.BUILDERS, **waste.BUILDERS, **water.BUILDERS}
REPORTS_TABLE = "reports__text"  # report texts, read by the extractor rather than a row builder


def landing_tables() -> tuple[str, ...]:
    """The table names `envwh manifest add` and every build accept: each row builder's table,
    then the report texts. The one place to switch when the table registry takes over."""
    return (*sorted(BUILDERS), REPORTS_TABLE)
