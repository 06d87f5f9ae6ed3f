"""Facts from report prose: indicator mentions, numbers with units, targets, with provenance.

Pure functions only; Dagster wiring lives in orchestration.assets.reports, the command in
orchestration.cli (`envwh extract`).
"""
