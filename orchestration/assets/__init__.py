"""Dagster wiring only: one module per subject, plus dbt, checks and publishing. Parsing lives in
orchestration.parsing, warehouse writes in orchestration.landing and orchestration.publish."""
