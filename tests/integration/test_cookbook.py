"""Every SQL block of docs/cookbook.md runs against a built warehouse and returns rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.conftest import Workspace

pytestmark = pytest.mark.integration

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "cookbook.md"
QUERIES = re.findall(r"```sql\n(.*?)```", COOKBOOK.read_text(encoding="utf-8"), re.DOTALL)


def test_the_cookbook_has_queries() -> None:
    assert len(QUERIES) >= 6


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_cookbook_query_returns_rows(built: Workspace, query: str) -> None:
    assert built.query(query), "the query returned no rows"


def test_export_writes_parquet_per_mart(built: Workspace) -> None:
    result = built.envwh("export")
    assert result.returncode == 0, result.stderr
    exports = built.warehouse / "exports"
    names = {p.stem for p in exports.glob("*.parquet")}
    assert {"fct_air_quality", "dim_region", "fct_carbon_market_trading"} <= names
    assert "fct_air_quality" in (exports / "README.md").read_text(encoding="utf-8")
    rows = built.query(f"select count(*) from '{exports / 'fct_air_quality.parquet'}'")
    assert rows == built.query("select count(*) from marts.fct_air_quality")
