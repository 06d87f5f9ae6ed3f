"""The static dashboard of the docs site (warehouse/docs/dashboard.html): the headline series as
Vega-Lite charts built with Altair from the `bi` views, rendered by the vendored vega scripts
(docs_assets/vendor), so the page works offline.

Charts: the daily AQI calendar (only when the warehouse has marts.fct_air_city_daily; the page
says so otherwise), PM2.5 against the annual limit in force, water class shares of complete
section lists, and the carbon price by year. Queries live in `load`; chart building is pure.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd

from orchestration.offline import SITE_VENDOR, vendored

PAGE = "dashboard.html"
DAILY_TABLE = "fct_air_city_daily"  # schema marts; built by the monitoring pipeline when present
# the vega scripts of the versions Altair writes specs for (vendored: docs_assets/vendor.csv)
VEGA_SCRIPTS = tuple(
    f"https://cdn.jsdelivr.net/npm/{name}@{version}"
    for name, version in (("vega", alt.VEGA_VERSION), ("vega-lite", alt.VEGALITE_VERSION),
                          ("vega-embed", alt.VEGAEMBED_VERSION))
)  # fmt: skip
FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"


@dataclass(frozen=True)
class Panel:
    """One section of the page: a chart (a Vega-Lite spec) or, when its data is missing, a note."""

    key: str
    title: str
    caption: str
    spec: dict | None = None
    note: str | None = None


# ---------- charts (pure: data frames in, Vega-Lite specs out)


def aqi_calendar(daily: pd.DataFrame, categories: pd.DataFrame) -> dict:
    """A calendar of daily AQI (columns date, aqi, city) coloured by the HJ 633 categories
    (columns upper, hex, category_zh): weeks across, weekdays down."""
    scale = alt.Scale(domain=[float(u) + 1 for u in categories["upper"][:-1]],
                      range=list(categories["hex"]), type="threshold")  # fmt: skip
    chart = (
        alt.Chart(daily)
        .mark_rect()
        .encode(
            x=alt.X("week(date):O", title="week / 周"),
            y=alt.Y("day(date):O", title="weekday / 星期"),
            color=alt.Color("aqi:Q", scale=scale, title="AQI"),
            tooltip=["date:T", "city:N", "aqi:Q"],
        )
        .properties(width=700, height=140)
    )
    return _spec(chart)


def pm25_against_limit(values: pd.DataFrame, limits: pd.DataFrame) -> dict:
    """PM2.5 means (columns date, value, region, kind) as points, the grade II annual limit in
    force (columns start, end, limit) as steps."""
    points = (
        alt.Chart(values)
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("date:T", title="period end / 时段截止"),
            y=alt.Y("value:Q", title="PM2.5 µg/m³"),
            color=alt.Color("region:N", title="region / 地区"),
            shape=alt.Shape("kind:N", title="mean over / 统计时段"),
            tooltip=["region:N", "kind:N", "date:T", "value:Q"],
        )
    )
    if not values.empty:  # the limits in force over the years the values cover
        first, last = values["date"].min().year, values["date"].max().year
        limits = limits.assign(
            start=limits["start"].clip(lower=pd.Timestamp(first, 1, 1)),
            end=limits["end"].clip(upper=pd.Timestamp(last, 12, 31)),
        )
        limits = limits[limits["start"] < limits["end"]]  # fmt: skip
    rule = (
        alt.Chart(limits)
        .mark_rule(color="#c0392b", strokeDash=[6, 3])
        .encode(x="start:T", x2="end:T", y="limit:Q", tooltip=["standard:N", "limit:Q"])
    )
    return _spec((rule + points).properties(width=700, height=260))


def water_class_shares(classes: pd.DataFrame) -> dict:
    """Share of sections per class (columns list, class_label, class_ordinal, sections)."""
    chart = (
        alt.Chart(classes)
        .mark_bar()
        .encode(
            y=alt.Y("list:N", title=None),
            x=alt.X("sections:Q", stack="normalize", title="share of sections / 断面比例"),
            color=alt.Color(
                "class_label:N",
                title="class / 类别",
                sort=alt.SortField("class_ordinal"),
                scale=alt.Scale(scheme="redyellowblue", reverse=True),
            ),
            order=alt.Order("class_ordinal:Q"),
            tooltip=["list:N", "class_label:N", "sections:Q"],
        )
        .properties(width=700, height=40 * max(1, classes["list"].nunique()))
    )
    return _spec(chart)


def carbon_price(prices: pd.DataFrame) -> dict:
    """CEA price by year (columns year_start_date, measure, cny_per_t)."""
    chart = (
        alt.Chart(prices)
        .mark_line(point=True)
        .encode(
            x=alt.X("year_start_date:T", timeUnit="year", title="year / 年"),
            y=alt.Y("cny_per_t:Q", title="CNY per t / 元/吨"),
            color=alt.Color("measure:N", title="price / 价格"),
            tooltip=["year_start_date:T", "measure:N", "cny_per_t:Q"],
        )
        .properties(width=700, height=240)
    )
    return _spec(chart)


def _spec(chart: alt.TopLevelMixin) -> dict:
    return chart.configure(font=FONT).to_dict()


# ---------- reading the warehouse


def _frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def _daily_panel(con: duckdb.DuckDBPyConnection) -> Panel:
    title = "Daily AQI calendar / 每日空气质量指数日历"
    columns = dict(con.execute(
        "select column_name, data_type from information_schema.columns "
        f"where table_schema = 'marts' and table_name = '{DAILY_TABLE}'"
    ).fetchall())  # fmt: skip
    date_column = next((c for c, t in columns.items() if t == "DATE"), None)
    aqi = next((c for c in columns if c == "aqi" or c.startswith("aqi_")), None)
    if aqi is None or date_column is None:
        return Panel("aqi_calendar", title, "",
                     note=f"No daily AQI in this warehouse: marts.{DAILY_TABLE} (a DATE column "
                     "and an aqi column) is not built. The calendar appears once it is. "
                     "本仓库暂无每日AQI数据。")  # fmt: skip
    city = next((c for c in ("region_code", "city_code", "station_code") if c in columns), None)
    busiest = (
        con.execute(
            f"select {city} from marts.{DAILY_TABLE} where {aqi} is not null "
            f"group by 1 order by count(*) desc, 1 limit 1"
        ).fetchall()[0][0]
        if city
        else None
    )
    where = f"where {aqi} is not null" + (f" and {city} = '{busiest}'" if city else "")
    daily = _frame(
        con,
        f"select {date_column} as date, {aqi} as aqi, {city or repr('')} as city "
        f"from marts.{DAILY_TABLE} "
        f"{where} and year({date_column}) = (select max(year({date_column})) "
        f"from marts.{DAILY_TABLE} {where}) order by 1",
    )
    categories = _frame(
        con,
        "select coalesce(try_cast(split_part(aqi_range, '-', 2) as integer), 500) as upper, "
        "hex, category_zh from reference.standards_hj633_aqi_categories order by upper",
    )
    caption = (f"{busiest or 'all rows'}, {daily['date'].min():%Y}: colours are the HJ 633 AQI "
               "categories (优 … 严重污染).")  # fmt: skip
    return Panel("aqi_calendar", title, caption, spec=aqi_calendar(daily, categories))


def load(con: duckdb.DuckDBPyConnection) -> list[Panel]:
    """The dashboard's panels from a built warehouse (bi views, one reference seed)."""
    pm25 = _frame(con, """
        select period_end_date as date, value, region_name_en as region,
               case when period_type = 'year' then 'year' else 'year to date' end as kind
        from bi.air_quality
        where indicator_code = 'pm2_5' and is_headline_scope and period_type in ('year', 'ytd')
        union all
        select make_date(year, 12, 31), value, region_name_en, 'year (report text)'
        from bi.air_quality_annual_vs_limit
        where indicator_code = 'pm2_5' and grade = 'II' and basis = 'stated_in_prose'
        order by 1""")  # fmt: skip
    limits = _frame(con, """
        select make_date(greatest(first_assessment_year, 2016), 1, 1) as start,
               make_date(least(last_assessment_year, 2035), 12, 31) as "end",
               limit_value as "limit", standard_code as standard
        from intermediate.int_air_quality_limits_in_force
        where pollutant = 'PM2.5' and averaging = 'annual' and grade = 'II'
        order by 1""")  # fmt: skip
    classes = _frame(con, """
        select s.region_name_en || ' ' || s.period_code as list, a.class_label,
               min(a.class_ordinal) as class_ordinal, count(*) as sections
        from bi.water_quality_summary s
        join marts.fct_water_section_assessment a
          on a.region_code = s.region_code and a.period_code = s.period_code
         and a.source_file = s.source_file
        where s.list_kind = 'complete'
        group by all order by 1, 3""")  # fmt: skip
    prices = _frame(con, """
        unpivot (select year_start_date, closing_price_cny_per_t as "year-end close / 年末收盘",
                        average_price_cny_per_t as "average / 均价"
                 from bi.carbon_market_annual where product_code = 'CEA')
        on columns(* exclude (year_start_date)) into name measure value cny_per_t
        order by 1""")  # fmt: skip
    return [
        _daily_panel(con),
        Panel("pm25_limit", "PM2.5 against the annual limit / PM2.5 与年均限值",
              "Headline-scope means per region (year and year to date) and annual means stated "
              "in reports; dashed: the GB 3095 grade II annual limit in force (35 µg/m³ to 2025, "
              "30 from 2026). A year-to-date mean is not an annual mean.",
              spec=pm25_against_limit(pm25, limits)),
        Panel("water_classes", "Water class shares / 地表水水质类别比例",
              "Complete section lists only (bi.water_quality_summary list_kind = complete); "
              "a bulletin that names only failing sections gives no share.",
              spec=water_class_shares(classes)),
        Panel("carbon_price", "National carbon market price (CEA) / 全国碳市场价格",
              "bi.carbon_market_annual, each figure from its preferred source.",
              spec=carbon_price(prices)),
    ]  # fmt: skip


# ---------- the page


def render(panels: list[Panel], home: str = "index.html") -> str:
    """The page: vendored vega scripts (relative to the site root), one section per panel."""
    files = vendored()
    scripts = "\n".join(
        f'<script src="{(SITE_VENDOR / files[url]).as_posix()}"></script>' for url in VEGA_SCRIPTS
    )
    sections, embeds = [], []
    for panel in panels:
        note = html.escape(panel.note or "")
        body = (
            f'<div id="{panel.key}" class="chart"></div>'
            if panel.spec is not None
            else f'<p class="note" id="{panel.key}">{note}</p>'
        )
        caption = html.escape(panel.caption)
        sections.append(
            f'<section><h2>{html.escape(panel.title)}</h2>{body}<p class="caption">{caption}</p>'
            "</section>"
        )
        if panel.spec is not None:
            spec = json.dumps(panel.spec, ensure_ascii=False, default=str).replace("</", "<\\/")
            embeds.append(f'vegaEmbed("#{panel.key}", {spec}, {{renderer: "svg", '
                          'actions: false}).catch(e => console.error(e));')  # fmt: skip
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>envwh dashboard / 仪表板</title>
{scripts}
<style>body {{ font-family: {FONT}; max-width: 60em; margin: 2em auto; padding: 0 1em }}
.caption, .note {{ color: #555 }}
.note {{ border-left: 3px solid #ccc; padding-left: .6em }}</style>
</head><body>
<p><a href="{html.escape(home)}">← envwh documentation / 文档首页</a></p>
<h1>envwh — headline series / 主要指标</h1>
<p>From the <code>bi</code> views of the published warehouse (one row per grain, preferred
sources only). 数据来自已发布仓库的 bi 视图。</p>
{"".join(sections)}
<script>
{chr(10).join(embeds)}
</script>
</body></html>
"""


def write(con: duckdb.DuckDBPyConnection, site_dir: Path, home: str = "index.html") -> Path:
    """Write the dashboard page into site_dir (whose static/vendor holds the vega scripts)."""
    page = site_dir / PAGE
    page.write_text(render(load(con), home), encoding="utf-8")
    return page
