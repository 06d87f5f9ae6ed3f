"""Whether a number can be a figure of an indicator: the dimension of its unit against the
indicator's, and the unit a yearly indicator's amount is read in.

What belongs here: unit and dimension rules every strategy applies before it names an indicator
(a percentage-point change only for a share; a yearly amount stated without '/年'; a number
without a unit only right after a share or an index).
"""

from __future__ import annotations

from orchestration.extraction.cues import cues
from orchestration.extraction.quantities import Mention
from orchestration.parsing.units import registry
from orchestration.registry.catalogue import Indicator

# what may stand between a share or an index and a number without a unit ('比例为0')
UNITLESS_GLUE = cues().grammar.unitless_glue
UNITLESS_INDICATOR_UNITS = ("pct", "index")


def dimension(unit_code: str) -> str:
    return registry().get(unit_code).dimension


def annual(unit_code: str | None, indicator: Indicator) -> str | None:
    """'年覆盖温室气体排放量约45亿吨二氧化碳': a quantity of a yearly indicator stated without
    '/年' is a yearly rate when the registry has that rate (亿吨二氧化碳 → 亿吨二氧化碳/年)."""
    if unit_code is None or not registry().is_yearly(indicator.unit_code):
        return unit_code
    return registry().per_year(unit_code) or unit_code


def compatible(indicator: Indicator, mention: Mention, kind: str) -> bool:
    """The number's unit has the dimension of the indicator's (a number without a unit, and a
    rank, fit any)."""
    if mention.unit_code is None or kind == "rank":
        return True
    unit_dimension = dimension(mention.unit_code)
    if registry().is_yearly(indicator.unit_code) and unit_dimension == "mass":
        return True  # a yearly amount stated without '/年' ('年固碳量3.49亿吨')
    indicator_dimension = dimension(indicator.unit_code)
    if kind == "change":  # 个百分点 changes a share, never a count ('断面…提升1.3个百分点')
        if unit_dimension == "ratio_change":
            return indicator_dimension == "ratio"
        return unit_dimension in (indicator_dimension, "ratio")
    if unit_dimension == "ratio" and indicator_dimension != "ratio":
        return False
    return unit_dimension == indicator_dimension or (
        unit_dimension == "ratio_change" and indicator_dimension == "ratio"
    )


def unitless_ok(indicator: Indicator, glue: str) -> bool:
    """A number without a unit stated right after a share or an index ('劣Ⅴ类水体比例为0')."""
    return glue in UNITLESS_GLUE and indicator.unit_code in UNITLESS_INDICATOR_UNITS
