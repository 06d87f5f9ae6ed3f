"""Data quality: expectation suites (files in expectations/) run with Great Expectations, and the
tables that hold their results. No Dagster imports here; orchestration.assets.checks wires them.
"""
