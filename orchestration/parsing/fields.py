"""Field-level resolution shared by every subject's row builders: regions and periods (a
measured value goes through orchestration.parsing.measures).

Each function raises RowRejected naming the column, the value and the rule it broke.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from orchestration.parsing.errors import RowRejected
from orchestration.parsing.periods import BadPeriod, Period, parse_period
from orchestration.parsing.reference import regions
from orchestration.parsing.regions import Region
from orchestration.parsing.tables import SourceRow, column_name

Outcome = Iterator[tuple[str, dict | RowRejected]]


def resolve_region(row: SourceRow, column: str, text: str, on: dt.date | None = None,
                   province_text: str = "") -> Region:  # fmt: skip
    """The region `text` names in the year of `on` (the row's period start), within the row's
    or file's province; an unknown name is `unknown_region`, one with several candidates
    `ambiguous_region` (the candidates are in the message)."""
    province = regions().province_code(province_text) if province_text else ""
    found = regions().lookup(text, on, province)
    when = f" in {on.year}" if on else ""
    if found.ambiguous:
        names = "; ".join(r.label() for r in found.candidates)
        where = f" of {province_text}" if province else ""
        raise RowRejected(
            column_name(row, column), text, "ambiguous_region",
            f"region {text!r}{where}{when} could be any of: {names} — name the province "
            "(manifest province or a province column) or write the full name",
        )  # fmt: skip
    if found.region is None:
        raise RowRejected(
            column_name(row, column), text, "unknown_region",
            f"region {text!r} is not a division in force{when} in seeds/regions.csv "
            f"(name, former name or region_aliases.csv){'; ' + found.note if found.note else ''}",
        )  # fmt: skip
    return found.region


def region_in_province(row: SourceRow, region_column: str, region: Region) -> None:
    """Raise region_conflict when the row also names a province (column `province`) that does
    not contain its region (省份 广西 with 城市 贵阳). A province that does not resolve is left to
    the region's own check; the walk up uses only Region.parent_code."""
    province_text = row.text("province")
    if region_column == "province" or not province_text:
        return
    province = regions().resolve(province_text)
    if province is None:
        return
    ancestors, code = set(), region.code
    while code and code not in ancestors:
        ancestors.add(code)
        parent = regions().by_code.get(code)
        code = parent.parent_code if parent else ""
    if province.code not in ancestors:
        region_text = row.text(region_column)
        raise RowRejected(
            column_name(row, region_column),
            f"{province_text} / {region_text}",
            "region_conflict",
            f"{column_name(row, region_column)} {region_text!r} ({region.code}) is not in "
            f"{column_name(row, 'province')} {province_text!r} ({province.code})",
        )


def resolve_period(row: SourceRow, column: str = "period") -> Period:
    text = row.text(column)
    try:
        return parse_period(text)
    except BadPeriod as exc:
        raise RowRejected(column_name(row, column), text, "bad_period", str(exc)) from None


def period_fields(period: Period) -> dict:
    return {
        "period_code": period.code,
        "period_type": period.period_type,
        "period_start": period.start,
        "period_end": period.end,
    }
