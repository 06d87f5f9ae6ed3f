"""Row builder for carbon-market tables: one figure (volume, turnover, price, covered entities,
compliance rate …) per row, annual or cumulative, with its market and product.

Markets and products resolve through seeds/carbon_markets.csv and carbon_products.csv (a row
that names no market takes the market of its source's region, or is quarantined); a cumulative
figure must say up to which date (截至日期).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from orchestration.parsing.errors import RowRejected
from orchestration.parsing.fields import Outcome, period_fields, resolve_period
from orchestration.parsing.measures import measure, stated_unit
from orchestration.parsing.reference import (
    AliasIndex,
    alias_index,
    indicators,
    read_seed,
    regions,
)
from orchestration.parsing.tables import FileContext, RowBuilder, SourceRow, column_name
from orchestration.parsing.text import match_key
from orchestration.registry import landing_table
from orchestration.registry.measures import measure_case

TABLE = "carbon_market__figures"


@cache
def _bases() -> dict[str, str]:
    """Spelling → basis code, from the registry (orchestration/registry/landing/)."""
    spellings = landing_table(TABLE).column("basis").spellings or {}
    return {match_key(word): code for code, words in spellings.items() for word in (code, *words)}


@cache
def _seed_index(name: str, code_column: str) -> AliasIndex:
    rows = read_seed(name)
    return alias_index(rows, code_column, [code_column, "name_zh", "name_en"])


def _default(column: str) -> str | None:
    """The code the registry gives a column when the source is silent."""
    return landing_table(TABLE).column(column).default


@cache
def _markets_by_region() -> dict[str, list[str]]:
    """Region code → the markets of seeds/carbon_markets.csv whose region it is."""
    markets: dict[str, list[str]] = {}
    for row in read_seed("carbon_markets.csv"):
        markets.setdefault(row["region_code"], []).append(row["market_code"])
    return markets


def _market(row: SourceRow, context: FileContext) -> str:
    """The market the row names, else the market of the region the source covers (its manifest
    province: 全国 → 100000 → cn_ets, by the market's region_code in seeds/carbon_markets.csv).
    A row that names none, from a source whose region is not that of exactly one market, is
    quarantined: no market is assumed."""
    market = _resolve(row, "market", "carbon_markets.csv", "market_code", "unknown_market")
    if market is not None:
        return market
    scope = regions().resolve(context.province) if context.province else None
    candidates = _markets_by_region().get(scope.code, []) if scope else []
    if len(candidates) == 1:
        return candidates[0]
    if scope is None:
        covers = f"covers {context.province or 'no region'} (manifest province)"
    else:
        count = f"{len(candidates) or 'no'} market{'' if len(candidates) == 1 else 's'}"
        covers = f"covers {context.province} ({scope.code}), the region of {count}"
    raise RowRejected(
        column_name(row, "market"),
        row.text("market"),
        "missing_market",
        f"the row names no market and its source {covers} in seeds/carbon_markets.csv: "
        "name the market (市场), e.g. 全国碳市场",
    )


def _resolve(row: SourceRow, column: str, seed: str, code_column: str, rule: str) -> str | None:
    text = row.text(column)
    if not text:
        return None
    code = _seed_index(seed, code_column).get(text)
    if code is None:
        raise RowRejected(column_name(row, column), text, rule, f"{text!r} is not in seeds/{seed}")
    return code


def _as_of(row: SourceRow, basis: str) -> date | None:
    text = row.text("as_of")
    if not text:
        if basis == "cumulative":
            raise RowRejected(
                column_name(row, "as_of"),
                "",
                "missing_as_of",
                "a cumulative figure needs the date it runs to (截至日期)",
            )
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowRejected(
            column_name(row, "as_of"), text, "bad_date", "expected an ISO date such as 2024-12-31"
        ) from None


def _figure(row: SourceRow, context: FileContext) -> dict:
    basis_text = row.text("basis")
    basis = _bases().get(match_key(basis_text)) if basis_text else _default("basis")
    if basis is None:
        spellings = landing_table(TABLE).column("basis").spellings or {}
        raise RowRejected(
            column_name(row, "basis"),
            basis_text,
            "unknown_basis",
            "expected one of "
            + "; ".join(f"{code} ({', '.join(words)})" for code, words in spellings.items()),
        )
    market = _market(row, context)
    product = _resolve(row, "product", "carbon_products.csv", "product_code", "unknown_product")
    indicator_text = row.text("indicator")
    indicator = indicators().resolve(indicator_text)
    case = measure_case(TABLE, "value", indicator.code) if indicator else None
    if indicator is None or case is None:
        raise RowRejected(
            column_name(row, "indicator"),
            indicator_text,
            "unknown_indicator",
            "not a carbon indicator of the catalogue (orchestration/registry/indicators: code, "
            "name_zh or table_aliases)",
        )
    period = resolve_period(row)
    value_cell = row.cells.get("value")
    return {
        "market_text": row.text("market"), "market_code": market,
        "product_text": row.text("product") or None, "product_code": product,
        "period_text": row.text("period"), **period_fields(period),
        "as_of_date": _as_of(row, basis),
        "basis_text": basis_text or None, "basis": basis,
        "indicator_text": indicator_text, "indicator_code": indicator.code,
        **measure(column_name(row, "value"), value_cell.text if value_cell else "", case,
                  stated_unit(row, value_cell), indicator.code).fields(),
        "quote": row.text("quote") or None,
        "province_text": context.province,
    }  # fmt: skip


def figures_builder(context: FileContext) -> RowBuilder:
    """Landing records of carbon_market__figures: one per published figure."""

    def build(row: SourceRow) -> Outcome:
        try:
            yield column_name(row, "value"), _figure(row, context)
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


BUILDERS = {"carbon_market__figures": figures_builder}
