"""envwh: environmental indicator warehouse (Dagster assets, parsers, the `envwh` CLI)."""
