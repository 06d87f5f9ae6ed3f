"""Every landing table's row builder, by table name (the manifest's `table` column)."""

from orchestration.parsing import air_quality, carbon_market, waste, water

BUILDERS = {**air_quality.BUILDERS, **carbon_market.BUILDERS, **waste.BUILDERS, **water.BUILDERS}
