"""Numbers as Chinese publishers write them: full-width digits, thousands separators,
万/亿 multipliers and qualifiers (约, 以上, 余, 将近 …) → a value and a qualifier code.

Every minus sign (-, U+2212 −, full-width －, small ﹣) reads the same in a value and in a
change. Refused, each with its own rule: a space inside a number (`28 5` is not 285: a space is
not a thousands separator), and scientific notation (`1e2`, `1.79E+08`: publishers print figures
in full; a spreadsheet writes large numbers this way and drops digits).
The qualifier words live in maps/qualifiers.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from orchestration.parsing.text import clean_cell
from orchestration.paths import MAPS_DIR

MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_EXPONENT = re.compile(r"^[eE][+-]?\d")
_SPACE_IN_NUMBER = re.compile(r"[\d.,]\s+[\d.,]")
_MINUS_SIGNS = str.maketrans({"\u2212": "-"})  # NFKC already folds full-width － and small ﹣


@dataclass(frozen=True)
class Quantity:
    """A parsed number: value (multiplier applied), qualifier code or None, rest as unit text."""

    value: float
    qualifier: str | None
    unit_text: str


class NotANumber(ValueError):
    """The text holds no number we can read; `rule` names why, for the quarantine."""

    rule = "value_not_numeric"


class SpaceInNumber(NotANumber):
    rule = "space_in_number"


class ScientificNotation(NotANumber):
    rule = "scientific_notation"


def _normalised(text: str) -> str:
    """The cell cleaned (NFKC, one minus sign) with its spaces removed, once no space sits inside
    a number."""
    cleaned = clean_cell(text).translate(_MINUS_SIGNS)
    if _SPACE_IN_NUMBER.search(cleaned):
        raise SpaceInNumber(
            f"a space inside the number in {text!r}: a space is not a thousands separator "
            "(expected e.g. 28.5 or 2,850)"
        )
    return cleaned.replace(" ", "")


@cache
def _qualifier_map() -> tuple[list[tuple[str, str]], list[tuple[str, str]], frozenset[str]]:
    spec = yaml.safe_load((MAPS_DIR / "qualifiers.yml").read_text(encoding="utf-8"))
    by_len = sorted(spec["qualifiers"], key=lambda q: -len(q["word"]))
    before = [(q["word"], q["code"]) for q in by_len if q["position"] == "before"]
    after = [(q["word"], q["code"]) for q in by_len if q["position"] == "after"]
    return before, after, frozenset(p.lower() for p in spec["placeholders"])


def is_placeholder(text: str | None) -> bool:
    """True for an empty cell or a placeholder such as '—', '/', '未监测'."""
    return clean_cell(text).lower() in _qualifier_map()[2]


def parse_quantity(text: str) -> Quantity:
    """Read '约3.53万吨/日' as Quantity(35300.0, 'approx', '吨/日').

    A multiplier glued to the number (3.53万) is applied; one that belongs to a registered unit
    (万吨/日) is left in the unit text for the unit registry to resolve.
    """
    before, after, _ = _qualifier_map()
    rest = _normalised(text)
    qualifier = None
    for word, code in before:
        if rest.startswith(word):
            qualifier, rest = code, rest[len(word) :]
            break
    match = _NUMBER.match(rest)
    if not match:
        raise NotANumber(f"no number in {text!r}")
    value = float(match.group().replace(",", ""))
    rest = rest[match.end() :]
    if _EXPONENT.match(rest):
        raise ScientificNotation(
            f"{text!r} is scientific notation, not a figure as published (a spreadsheet writes "
            "large numbers as 1.79E+08 and drops digits): write the number in full"
        )
    for word, code in after:
        if rest.startswith(word):
            qualifier, rest = qualifier or code, rest[len(word) :]
            break
    for word, factor in MULTIPLIERS.items():
        if rest.startswith(word) and not _is_unit_prefix(rest):
            value, rest = value * factor, rest[len(word) :]
            break
    for word, code in after:
        if rest.endswith(word):
            qualifier, rest = qualifier or code, rest[: -len(word)]
            break
    return Quantity(value=value, qualifier=qualifier, unit_text=rest)


def _is_unit_prefix(rest: str) -> bool:
    """万吨, 亿元, 万亩 … are units of their own (see the unit registry), not multipliers."""
    from orchestration.parsing.units import registry

    return registry().knows(rest)


def parse_number(text: str) -> Quantity:
    """Like parse_quantity, but the cell must hold nothing after the number but a qualifier
    or a multiplier."""
    quantity = parse_quantity(text)
    if quantity.unit_text:
        raise NotANumber(f"unexpected text {quantity.unit_text!r} after the number in {text!r}")
    return quantity


_DIRECTIONS = {
    "上升": 1, "提高": 1, "增加": 1, "增长": 1, "上涨": 1, "升高": 1,
    "下降": -1, "降低": -1, "减少": -1, "下滑": -1, "改善": -1,
}  # fmt: skip


def parse_change(text: str) -> Quantity:
    """'提高1.4个百分点' → +1.4 '个百分点'; '下降18.3%' → -18.3 '%'; '持平' → 0.
    A leading 同比/环比 is ignored; the unit text is returned for the registry to resolve."""
    rest = _normalised(text).removeprefix("同比").removeprefix("环比")
    if rest == "持平":
        return Quantity(0.0, None, "")
    for word, sign in _DIRECTIONS.items():
        if rest.startswith(word):
            quantity = parse_quantity(rest[len(word) :])
            return Quantity(sign * quantity.value, quantity.qualifier, quantity.unit_text)
    quantity = parse_quantity(rest)  # already signed: '+1.4个百分点', '-5.0%'
    return quantity
