"""The docs site: the bilingual dictionary page holds every mart model and column (with its
description and unit) and every indicator in both languages; the index links resolve to the
pages `build_docs` writes. dbt and Great Expectations are stubbed here (the integration test runs
the real `envwh docs`)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration import docs
from orchestration.dictionary import (
    BI_MODELS_YAML,
    MODELS_YAML,
    build,
    column_unit,
    load,
    render_html,
)
from orchestration.paths import Settings
from orchestration.publish import create_database
from orchestration.registry.catalogue import catalogue
from orchestration.seeds import read_seed

# Numeric columns that are not measures or are dimensionless; any other needs a unit suffix.
UNITLESS_NUMBERS = {"factor_to_base", "ratio_to_limit", "entities_covered"}


class Tables(HTMLParser):
    """Each table's rows as lists of cell texts, keyed by the id of the heading before it;
    every href, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self._heading = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"] or "")
        if tag == "h2":
            self._heading = attributes.get("id") or ""
        elif tag == "tr":
            self.tables.setdefault(self._heading, []).append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._heading][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(text: str) -> Tables:
    parser = Tables()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def page() -> Tables:
    return parse(render_html(load()))


def test_html_lists_every_mart_model_and_column_from_the_yaml(page: Tables) -> None:
    spec = yaml.safe_load(MODELS_YAML.read_text(encoding="utf-8"))
    assert len(spec["models"]) > 20
    for model in spec["models"]:
        header, *rows = page.tables[model["name"]]
        assert header[:3] == ["column / 列", "type / 类型", "unit / 单位"]
        assert [row[0] for row in rows] == [c["name"] for c in model["columns"]], model["name"]
        for row, column in zip(rows, model["columns"], strict=True):
            assert row[3] == " ".join(column["description"].split()) != "", column["name"]


def test_html_lists_every_indicator_in_both_languages(page: Tables) -> None:
    listed = {i.code: (i.name_zh, i.name_en) for i in catalogue().indicators.values()}
    _, *rows = page.tables["indicators"]
    assert {row[0]: (row[1], row[2]) for row in rows} == listed
    assert ("pm2_5", "PM2.5平均浓度", "PM2.5 mean concentration") in {tuple(r[:3]) for r in rows}


def test_units_follow_the_column_name_suffix(page: Tables) -> None:
    by_code = {unit.code: unit for unit in load().units}
    assert column_unit("capacity_t_per_day", by_code).code == "t_per_day"
    assert column_unit("covered_emissions_t_co2e_per_year", by_code).code == "t_co2e_per_year"
    assert column_unit("average_price_cny_per_t", by_code).code == "cny_per_t"
    assert column_unit("turnover_cny", by_code).code == "cny"
    assert column_unit("good_share_pct", by_code).code == "pct"
    assert column_unit("trading_days", by_code).code == "day"
    assert column_unit("region_code", by_code) is None
    cells = {row[0]: row[2] for row in page.tables["dim_waste_facility"][1:]}
    assert cells["capacity_t_per_day"] == "t/d 吨/日"
    assert cells["generating_capacity_mw"] == "MW 兆瓦"
    assert cells["facility_name"] == ""
    values = {row[0]: row[2] for row in page.tables["fct_air_quality"][1:]}
    assert values["value_canonical"] == "per row / 见 canonical_unit_code"
    assert {f"unit-{row['unit_code']}" for row in read_seed("units.csv")} <= page.ids


def test_a_per_row_unit_comes_from_the_column_meta_of_the_models_yaml() -> None:
    """`config: {meta: {unit_column: …}}` on a column is the only place its per-row unit is
    named: the same column name without it has none, and a meta naming no column fails."""
    units = read_seed("units.csv")

    def model(meta: dict) -> list[tuple[str, dict]]:
        columns = [{"name": "reading", "data_type": "double", **meta},
                   {"name": "reading_unit", "data_type": "varchar"}]  # fmt: skip
        return [("marts", {"models": [{"name": "fct_x", "columns": columns}]})]

    def reading(meta: dict) -> str | None:
        (built,) = build(model(meta), [], units, "test").models
        return built.columns[0].unit_column

    assert reading({"config": {"meta": {"unit_column": "reading_unit"}}}) == "reading_unit"
    assert reading({"meta": {"unit_column": "reading_unit"}}) == "reading_unit"
    assert reading({}) is None
    with pytest.raises(ValueError, match=r"fct_x\.reading: meta unit_column 'unit_of_reading'"):
        reading({"config": {"meta": {"unit_column": "unit_of_reading"}}})


def test_every_numeric_mart_measure_has_a_unit() -> None:
    missing = [
        f"{m.name}.{c.name}"
        for m in load().models
        for c in m.columns
        if c.data_type.startswith(("double", "decimal", "float", "numeric"))
        and not (c.unit or c.unit_column)
        and c.name not in UNITLESS_NUMBERS
    ]
    assert missing == [], (
        "name the unit in the column (…_t_per_day, …_pct), declare the column naming each "
        "row's unit (config: {meta: {unit_column: …}}) or list it here"
    )


def test_html_is_self_contained_and_links_inside_the_site(page: Tables) -> None:
    text = render_html(load())
    assert "<script" not in text and "<link" not in text and "src=" not in text
    assert page.hrefs and all(
        href == "index.html" or (href.startswith("#") and href[1:] in page.ids)
        for href in page.hrefs
    )


def test_index_links_resolve_to_the_pages_build_docs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_dbt_docs(database: Path, target: Path, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text("dbt", encoding="utf-8")

    def fake_data_docs(con, suites, root: Path, site_dir: Path) -> Path:
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / "index.html").write_text("gx", encoding="utf-8")
        return site_dir / "index.html"

    def fake_dashboard(con, out: Path) -> None:
        (out / "dashboard.html").write_text("dashboard", encoding="utf-8")

    monkeypatch.setattr(docs, "_dbt_docs", fake_dbt_docs)
    monkeypatch.setattr(docs, "_dashboard", fake_dashboard)
    monkeypatch.setattr(docs, "build_data_docs", fake_data_docs)
    paths = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse")
    paths.warehouse_dir.mkdir()
    create_database(paths.published_path)
    con = duckdb.connect(str(paths.published_path))
    con.execute(
        "create schema marts; create table marts.dim_indicator as select * from (values "
        "('-1', '-1', null, null, null, null, null, null, null), "
        "('k1', 'test_only', '仅测试指标', 'test-only indicator', 'air', 'pct', true, 0.0, 100.0))"
        " t(indicator_key, indicator_code, name_zh, name_en, subject, canonical_unit_code, "
        "higher_is_better, valid_min, valid_max)"
    )
    con.close()

    index = docs.build_docs(paths)

    hrefs = parse(index.read_text(encoding="utf-8")).hrefs
    assert sorted(hrefs) == sorted(part.href for part in docs.SITE_PARTS)
    assert all((paths.docs_dir / href).is_file() for href in hrefs)
    dictionary = parse((paths.docs_dir / docs.DICTIONARY_PAGE).read_text(encoding="utf-8"))
    # indicators come from the warehouse's dim_indicator (not the seed), without the -1 member
    assert [r[:3] for r in dictionary.tables["indicators"][1:]] == [
        ["test_only", "仅测试指标", "test-only indicator"]
    ]
    assert dictionary.tables["indicators"][1][6] == "0 … 100"
    assert "fct_air_quality" in dictionary.tables


def test_html_lists_the_bi_views_first_with_their_columns(page: Tables) -> None:
    spec = yaml.safe_load(BI_MODELS_YAML.read_text(encoding="utf-8"))
    models = load().models
    assert {m.schema for m in models[: len(spec["models"])]} == {"bi"}  # the entry point first
    for model in spec["models"]:
        _, *rows = page.tables[f"bi-{model['name']}"]
        assert [row[0] for row in rows] == [c["name"] for c in model["columns"]], model["name"]
    limits = {row[0]: row[2] for row in page.tables["bi-air_quality_annual_vs_limit"][1:]}
    assert limits["limit_value"] == "per row / 见 unit_code"
