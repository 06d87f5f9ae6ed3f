"""The data dictionary, built once from the marts' YAML and the seeds so it cannot drift from the
models, rendered two ways: docs/data_dictionary.md (checked in; a test fails when it is stale)
and the bilingual dictionary page of the `envwh docs` site.

It lists every column of the `bi` views (the entry point for BI tools) and of the marts with its
type, description and unit, every indicator with its Chinese
and English name and canonical unit, and the unit registry. A column's unit comes from its name
(`capacity_t_per_day` → t_per_day: the longest `_<unit_code>` suffix from the units seed), or,
for a value whose unit varies by row (`value_canonical`), from the column that names it, which
the column's YAML declares: `config: {meta: {unit_column: canonical_unit_code}}`.
Building is pure (`build`); reading files and the warehouse is in `load` and its helpers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import yaml

from orchestration.paths import DBT_PROJECT_DIR, PROJECT_ROOT
from orchestration.registry.catalogue import catalogue
from orchestration.seeds import read_seed

DICTIONARY = PROJECT_ROOT / "docs" / "data_dictionary.md"
MODELS_YAML = DBT_PROJECT_DIR / "models" / "marts" / "_marts__models.yml"
BI_MODELS_YAML = DBT_PROJECT_DIR / "models" / "bi" / "_bi__models.yml"
# subject folders under marts/ keep their own YAML (e.g. monitoring/_monitoring__models.yml)
SUBJECT_MODELS_YAML = "*/_*__models.yml"

# Column-name suffixes that spell a unit differently from its unit_code.
SUFFIX_ALIASES = {"days": "day", "hours": "hour"}
INDICATOR_FIELDS = ("indicator_code", "name_zh", "name_en", "subject", "canonical_unit_code",
                    "higher_is_better", "valid_min", "valid_max")  # fmt: skip


@dataclass(frozen=True)
class Unit:
    code: str
    symbol: str
    name_zh: str
    name_en: str
    dimension: str
    factor_to_base: str
    base_unit_code: str

    @property
    def label(self) -> str:
        return self.symbol or self.name_zh


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str
    unit: Unit | None = None  # the unit the column name states
    unit_column: str | None = None  # or the column that names each row's unit


@dataclass(frozen=True)
class Model:
    name: str
    description: str
    columns: tuple[Column, ...]
    schema: str = "marts"

    @property
    def anchor(self) -> str:
        """The HTML id of the model's section (marts keep their bare name)."""
        return self.name if self.schema == "marts" else f"{self.schema}-{self.name}"


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    subject: str
    canonical_unit_code: str
    higher_is_better: str
    valid_min: str
    valid_max: str


@dataclass(frozen=True)
class Dictionary:
    models: tuple[Model, ...]
    indicators: tuple[Indicator, ...]
    units: tuple[Unit, ...]
    indicators_from: str  # where the indicator list was read


# ---------- building (pure)


def column_unit(name: str, units: dict[str, Unit]) -> Unit | None:
    """The unit a column name ends in: the longest `_<unit_code>` suffix (or alias) that is a
    registered unit, e.g. `covered_emissions_t_co2e_per_year` → t_co2e_per_year."""
    parts = name.split("_")
    for start in range(1, len(parts)):
        suffix = "_".join(parts[start:])
        code = SUFFIX_ALIASES.get(suffix, suffix)
        if code in units:
            return units[code]
    return None


def build(
    specs: list[tuple[str, dict[str, Any]]],
    indicator_rows: list[dict[str, str]],
    unit_rows: list[dict[str, str]],
    indicators_from: str,
) -> Dictionary:
    """The dictionary from each schema's parsed models YAML, indicator rows and the units seed's
    rows."""
    units = tuple(
        Unit(r["unit_code"], r["symbol"], r["name_zh"], r["name_en"], r["dimension"],
             r["factor_to_base"], r["base_unit_code"])
        for r in unit_rows
    )  # fmt: skip
    by_code = {unit.code: unit for unit in units}
    models = []
    for schema, spec in specs:
        for model in spec["models"]:
            columns = tuple(_column(column, model, by_code) for column in model["columns"])
            models.append(
                Model(model["name"], _flat(model.get("description", "")), columns, schema)
            )
    indicators = tuple(Indicator(*(row[f] for f in INDICATOR_FIELDS)) for row in indicator_rows)
    return Dictionary(tuple(models), indicators, units, indicators_from)


def _column(column: dict[str, Any], model: dict[str, Any], units: dict[str, Unit]) -> Column:
    meta = {**column.get("meta", {}), **column.get("config", {}).get("meta", {})}
    unit_column = meta.get("unit_column")
    if unit_column is not None and unit_column not in {c["name"] for c in model["columns"]}:
        raise ValueError(
            f"{model['name']}.{column['name']}: meta unit_column {unit_column!r} is not a "
            "column of the model"
        )
    return Column(
        name=column["name"],
        data_type=column.get("data_type", ""),
        description=_flat(column.get("description", "")),
        unit=column_unit(column["name"], units),
        unit_column=unit_column,
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------- reading (I/O)


def warehouse_indicator_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, str]] | None:
    """The indicators of a built warehouse (marts.dim_indicator, without the unknown member),
    as seed-like text rows; None when the warehouse has no dim_indicator."""
    try:
        cursor = con.execute(
            f"select {', '.join(INDICATOR_FIELDS)} from marts.dim_indicator "
            "where indicator_key <> '-1' order by indicator_code"
        )
    except duckdb.CatalogException:
        return None
    return [dict(zip(INDICATOR_FIELDS, map(_text, row), strict=True)) for row in cursor.fetchall()]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float | Decimal) and float(value).is_integer():
        return str(int(value))  # 500.0 → '500', as the seed spells it
    return str(value)


def marts_spec() -> dict[str, Any]:
    """The marts YAML with the models of every subject folder's YAML appended."""
    spec = yaml.safe_load(MODELS_YAML.read_text(encoding="utf-8"))
    for path in sorted(MODELS_YAML.parent.glob(SUBJECT_MODELS_YAML)):
        spec["models"] += yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    return spec


def load(indicator_rows: list[dict[str, str]] | None = None) -> Dictionary:
    """The dictionary of the project's models; indicators from the given rows (a warehouse's),
    else from the indicator catalogue."""
    # the schemas the dictionary documents, in order: the bi views first (where a dashboard
    # starts), then the marts
    specs = [("bi", yaml.safe_load(BI_MODELS_YAML.read_text(encoding="utf-8"))),
             ("marts", marts_spec())]  # fmt: skip
    if indicator_rows is None:
        return build(specs, catalogue().seed_rows(), read_seed("units.csv"),
                     "the indicator catalogue (orchestration/registry/indicators/)")  # fmt: skip
    return build(specs, indicator_rows, read_seed("units.csv"), "marts.dim_indicator")


# ---------- markdown (docs/data_dictionary.md)

INDICATOR_HEADER = ("code", "名称", "name", "subject", "canonical unit", "higher is better",
                    "valid range")  # fmt: skip
UNIT_HEADER = ("code", "symbol", "名称", "name", "dimension", "× to base")


def render_markdown(dictionary: Dictionary) -> str:
    lines = [
        "# Data dictionary / 数据字典",
        "",
        "Generated by `envwh dictionary` from `dbt_project/models/bi/_bi__models.yml`,",
        "`dbt_project/models/marts/_marts__models.yml` and the seeds; do not edit by hand.",
        "Start from schema `bi` (views: one row per stated grain, preferred sources only, DATE",
        "columns — what a dashboard should read); schema `marts` holds every fact and dimension.",
        "从 `bi` 模式开始：每个粒度一行、仅首选来源、日期列；`marts` 模式包含全部事实表与维度表。",
        "",
    ]
    for model in dictionary.models:
        lines += [f"## {model.schema}.{model.name}", "", model.description, ""]
        rows = [
            (f"`{c.name}`", c.data_type, _md_unit(c), c.description.replace("|", "\\|"))
            for c in model.columns
        ]
        lines += [*_md_table(("column", "type", "unit", "description"), rows), ""]
    indicators = [
        (f"`{i.code}`", i.name_zh, i.name_en, i.subject, f"`{i.canonical_unit_code}`",
         i.higher_is_better, _range(i))
        for i in dictionary.indicators
    ]  # fmt: skip
    units = [
        (f"`{u.code}`", u.symbol, u.name_zh, u.name_en, u.dimension,
         f"{u.factor_to_base} `{u.base_unit_code}`")
        for u in dictionary.units
    ]  # fmt: skip
    lines += ["## Indicators / 指标", "", *_md_table(INDICATOR_HEADER, indicators), ""]
    lines += ["## Units / 单位", "", *_md_table(UNIT_HEADER, units)]
    return "\n".join(lines).rstrip() + "\n"


def _md_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _md_unit(column: Column) -> str:
    if column.unit:
        return f"{column.unit.label} (`{column.unit.code}`)"
    return f"per row: `{column.unit_column}`" if column.unit_column else ""


def _range(indicator: Indicator) -> str:
    return f"{indicator.valid_min or '−∞'} … {indicator.valid_max or '∞'}"


def render() -> str:
    """docs/data_dictionary.md as it should be (indicators from the seed)."""
    return render_markdown(load())


def write(path: Path = DICTIONARY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path


# ---------- HTML (the dictionary page of the docs site)

STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2em auto;
       max-width: 72em; padding: 0 1em; line-height: 1.45; color: #222 }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top }
th { background: #f3f3f3 } code { background: #f6f6f6; padding: 0 0.2em }
nav ul { columns: 3 } .muted { color: #666 }
"""
COLUMN_HEADER_HTML = ("column / 列", "type / 类型", "unit / 单位", "description / 说明")
INDICATOR_HEADER_HTML = ("code / 代码", "名称 (中文)", "name (English)", "subject / 领域",
                         "canonical unit / 标准单位", "higher is better / 越高越好",
                         "valid range / 合理范围")  # fmt: skip
UNIT_HEADER_HTML = ("code / 代码", "symbol / 符号", "名称 (中文)", "name (English)",
                    "dimension / 量纲", "× to base / 换算")  # fmt: skip


def render_html(dictionary: Dictionary, home: str = "index.html") -> str:
    """The dictionary as one static HTML page (no scripts, no external resources)."""
    out = [
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
        "<title>envwh data dictionary / 数据字典</title>",
        f"<style>{STYLE}</style></head><body>",
        f'<p><a href="{_e(home)}">← envwh documentation / 文档首页</a></p>',
        "<h1>Data dictionary / 数据字典</h1>",
        "<p>Start from schema <code>bi</code>: views with one row per stated grain, preferred "
        "sources only and DATE columns — what a dashboard should read "
        "(从 <code>bi</code> 模式开始). Schema <code>marts</code> holds every fact and "
        "dimension. Each table with its columns, "
        "types, units and descriptions; every indicator in Chinese and English; the unit "
        "registry. Generated by <code>envwh docs</code> from "
        "<code>dbt_project/models/bi/_bi__models.yml</code>, "
        "<code>dbt_project/models/marts/_marts__models.yml</code>, "
        f"the units seed and <code>{_e(dictionary.indicators_from)}</code>.</p>",
        "<nav><h2>Tables / 表</h2><ul>",
        *(
            f'<li><a href="#{_e(m.anchor)}">{_e(m.schema)}.{_e(m.name)}</a></li>'
            for m in dictionary.models
        ),
        '</ul><p><a href="#indicators">Indicators / 指标</a> · '
        '<a href="#units">Units / 单位</a></p></nav>',
    ]
    for model in dictionary.models:
        rows = [
            (f"<code>{_e(c.name)}</code>", _e(c.data_type), _html_unit(c), _inline(c.description))
            for c in model.columns
        ]
        out += [
            f'<h2 id="{_e(model.anchor)}">{_e(model.schema)}.{_e(model.name)}</h2>',
            f"<p>{_inline(model.description)}</p>",
            _html_table(COLUMN_HEADER_HTML, rows),
        ]
    indicators = [
        (f"<code>{_e(i.code)}</code>", f'<span lang="zh">{_e(i.name_zh)}</span>', _e(i.name_en),
         _e(i.subject), _unit_link(i.canonical_unit_code, i.canonical_unit_code),
         _e(i.higher_is_better), _e(_range(i)))
        for i in dictionary.indicators
    ]  # fmt: skip
    units = [
        (f"<code>{_e(u.code)}</code>", _e(u.symbol), f'<span lang="zh">{_e(u.name_zh)}</span>',
         _e(u.name_en), _e(u.dimension),
         f"{_e(u.factor_to_base)} <code>{_e(u.base_unit_code)}</code>")
        for u in dictionary.units
    ]  # fmt: skip
    out += [
        '<h2 id="indicators">Indicators / 指标</h2>',
        _html_table(INDICATOR_HEADER_HTML, indicators),
        '<h2 id="units">Units / 单位</h2>',
        _html_table(UNIT_HEADER_HTML, units, [f"unit-{u.code}" for u in dictionary.units]),
        "</body></html>",
    ]
    return "\n".join(out) + "\n"


def _html_table(
    header: tuple[str, ...], rows: list[tuple[str, ...]], row_ids: list[str] | None = None
) -> str:
    """A table of cells that are already HTML."""
    lines = ["<table>", "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>"]
    for n, row in enumerate(rows):
        row_id = f' id="{_e(row_ids[n])}"' if row_ids else ""
        lines.append(f"<tr{row_id}>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    return "\n".join([*lines, "</table>"])


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(text: str) -> str:
    """Escaped text with `code` spans."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


def _unit_link(code: str, text: str, title: str = "") -> str:
    title_attr = f' title="{_e(title)}"' if title else ""
    return f'<a href="#unit-{_e(code)}"{title_attr}>{_e(text)}</a>'


def _html_unit(column: Column) -> str:
    if column.unit:
        u = column.unit
        link = _unit_link(u.code, u.label, u.name_en)
        return f'{link} <span class="muted" lang="zh">{_e(u.name_zh)}</span>'
    if column.unit_column:
        return f'<span class="muted">per row / 见</span> <code>{_e(column.unit_column)}</code>'
    return ""
