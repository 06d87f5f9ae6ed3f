"""Row builders for the air-quality tables: periodic indicators and city rankings.

A builder turns one source row into landing records, or into RowRejected with the rule broken.
Resolution uses the seeds (indicators, regions, area scopes, units), so a new spelling is a
seed edit, not a code change.
"""

from __future__ import annotations

from orchestration.parsing.errors import RowRejected
from orchestration.parsing.fields import (
    Outcome,
    period_fields,
    region_in_province,
    resolve_period,
    resolve_region,
)
from orchestration.parsing.measures import measure, stated_unit
from orchestration.parsing.numbers import NotANumber, parse_change
from orchestration.parsing.reference import area_scopes, indicators
from orchestration.parsing.tables import Cell, FileContext, RowBuilder, SourceRow, column_name
from orchestration.parsing.units import UnknownUnit, registry
from orchestration.registry.measures import measure_case


def _change(row: SourceRow) -> dict:
    text = row.text("yoy_change")
    if not text:
        return {"yoy_change_text": None, "yoy_change_value": None, "yoy_change_unit_code": None}
    try:
        change = parse_change(text)
        unit_code = registry().resolve(change.unit_text).code
    except (NotANumber, UnknownUnit):
        raise RowRejected(
            column_name(row, "yoy_change"),
            text,
            "bad_change",
            "expected e.g. 提高1.4个百分点, 下降18.3%, 持平",
        ) from None
    return {
        "yoy_change_text": text,
        "yoy_change_value": change.value,
        "yoy_change_unit_code": unit_code,
    }


def _rank(row: SourceRow, column: str) -> int | None:
    text = row.text(column)
    if not text:
        return None
    digits = text.removeprefix("第").removesuffix("名").removesuffix("位")
    if not digits.isdigit() or int(digits) < 1:
        raise RowRejected(
            column_name(row, column), text, "bad_rank", "a rank is a whole number from 1"
        )
    return int(digits)


def periodic_builder(context: FileContext) -> RowBuilder:
    """Landing records of air_quality__periodic: one per indicator value (long or wide)."""

    def build(row: SourceRow) -> Outcome:
        candidates = _candidates(row)
        try:
            shared = _periodic_shared(row, context)
        except RowRejected as rejected:
            for column, _, _ in candidates:
                yield column, rejected
            return
        for column, indicator_text, cell in candidates:
            try:
                yield column, shared | _observation(row, indicator_text, cell)
            except RowRejected as rejected:
                yield column, rejected

    return RowBuilder(build)


def _candidates(row: SourceRow) -> list[tuple[str, str, Cell | None]]:
    """(column, indicator text, value cell) per record: the wide cells, or the long row."""
    if row.indicator_cells:
        return [(c.header.header, c.header.indicator.code, c) for c in row.indicator_cells]
    return [(column_name(row, "value"), row.text("indicator"), row.cells.get("value"))]


def _periodic_shared(row: SourceRow, context: FileContext) -> dict:
    province_text = row.text("province") or context.province
    region_column = "region" if row.text("region") else "province"
    region_text = row.text("region") or province_text
    period = resolve_period(row)
    region = resolve_region(row, region_column, region_text, period.start, province_text)
    region_in_province(row, region_column, region)
    scope_text = row.text("area_scope") or "全区"
    scope = area_scopes().resolve(scope_text)
    if scope is None:
        raise RowRejected(
            column_name(row, "area_scope"),
            scope_text,
            "unknown_area_scope",
            "no rule in seeds/area_scopes.csv matches this scope",
        )
    return {
        "province_text": province_text, "region_text": region_text,
        "region_code": region.code, "area_scope_text": scope_text,
        "area_scope_code": scope.code, "area_unit_count": scope.unit_count,
        "period_text": row.text("period"), **period_fields(period),
        **_change(row), "national_rank": _rank(row, "national_rank"),
        "quote": row.text("quote") or None,
    }  # fmt: skip


def _observation(row: SourceRow, indicator_text: str, cell: Cell | None) -> dict:
    column = cell.header.header if cell else "value"
    indicator = indicators().resolve(indicator_text)
    if indicator is None:
        raise RowRejected(
            column_name(row, "indicator"),
            indicator_text,
            "unknown_indicator",
            "no indicator of the catalogue (orchestration/registry/indicators: code, name_zh or "
            "table_aliases)",
        )
    wide = cell is not None and cell.header.indicator is not None
    case = measure_case("air_quality__periodic", "value", indicator.code)
    if case is None:  # named where it was: the wide column's header, or the indicator cell
        raise RowRejected(
            column if wide else column_name(row, "indicator"),
            indicator_text,
            "unknown_indicator",
            f"{indicator.code} is not an air indicator of seeds/indicators.csv (subject air)",
        )
    measured = measure(column, cell.text if cell else "", case, stated_unit(row, cell),
                       indicator.code)  # fmt: skip
    return {
        "indicator_text": cell.header.header if wide else indicator_text,
        "indicator_code": indicator.code,
        **measured.fields(),
    }


_BEST_FIRST = ("由好到差", "由好向差", "由低到高", "从好到差", "从低到高")
_WORST_FIRST = ("由差到好", "由差向好", "由高到低", "从差到好", "从高到低")


def rankings_builder(context: FileContext) -> RowBuilder:
    """Landing records of air_quality__city_rankings: one per ranked city."""

    def build(row: SourceRow) -> Outcome:
        column = column_name(row, "rank")
        try:
            yield column, _ranking(row, context)
        except RowRejected as rejected:
            yield column, rejected

    return RowBuilder(build)


def _ranking(row: SourceRow, context: FileContext) -> dict:
    basis = row.text("ranking_basis") or "综合指数"
    indicator = indicators().find_in(basis)
    if indicator is None:
        raise RowRejected(
            column_name(row, "ranking_basis"),
            basis,
            "unknown_indicator",
            "no indicator of the catalogue (orchestration/registry/indicators) named in the "
            "ranking basis",
        )
    order = (
        "best_first"
        if any(w in basis for w in _BEST_FIRST)
        else "worst_first"
        if any(w in basis for w in _WORST_FIRST)
        else "best_first"
    )
    province_text = row.text("province") or context.province
    period = resolve_period(row)
    city = resolve_region(row, "city", row.text("city"), period.start, province_text)
    region_in_province(row, "city", city)
    rank = _rank(row, "rank")
    return {
        "province_text": province_text,
        "period_text": row.text("period"), **period_fields(period),
        "ranking_basis_text": basis, "ranking_indicator_code": indicator.code,
        "ranking_order": order, "ties_possible": "并列" in basis, "rank": rank,
        "city_text": row.text("city"), "region_code": city.code,
        "note": row.text("note") or None,
    }  # fmt: skip


BUILDERS = {
    "air_quality__periodic": periodic_builder,
    "air_quality__city_rankings": rankings_builder,
}
