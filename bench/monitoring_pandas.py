"""The monitoring computation in plain pandas: the benchmark's baseline for "envwh ≥ 10× faster
than a plain pandas implementation" (bench/monitoring_bench.py).

Same input as envwh (the CNEMC real-time CSV files), same rules, same results (the benchmark
compares them with the marts): exact copies of a line kept once; the line with the most
pollutants wins a station-hour (then the earlier file); QC flags per hour (missing, negative,
above the top HJ 633 breakpoint, constant run of ≥ 8 equal consecutive lines, spike); station
daily means (≥ 20 valid hours), O3 1-hour max and MDA8 (8-hour means ending 07–23 h with ≥ 6
hours, ≥ 14 of them); IAQI/AQI/category/primary pollutants per station-day and city-day (HJ 633,
edition by date); city = mean of valid non-background stations; annual means with the
data-sufficiency rules, percentiles, good days, days per category, exceedance days, compliance.
Means sum exact integer micro-units, as envwh sums DECIMAL(18, 6), so a mean on a rounding edge
rounds the same way. The standards tables (HJ 633 segments, AQI categories, GB 3095 limits in
force) are read from the warehouse the benchmark built: standards, not computation.

Idiomatic pandas: read_csv per file, drop_duplicates, sort + groupby().shift() for neighbours,
cumsum run ids for constant runs, groupby().rolling("8h") for the O3 8-hour means, groupby().agg
for days and years, vectorised numpy for IAQI. No envwh code is used.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

POLLUTANTS = ["pm2_5", "pm10", "so2", "no2", "co", "o3"]
STATS = [("pm2_5", "pm2_5_24h", "24h"), ("pm10", "pm10_24h", "24h"), ("so2", "so2_24h", "24h"),
         ("no2", "no2_24h", "24h"), ("co", "co_24h", "24h"), ("o3", "o3_mda8", "8h"),
         ("o3", "o3_1h_max", "1h")]  # fmt: skip
FORMATS = ["%Y-%m-%dT%H%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
MICRO = 1_000_000  # means sum integer micro-units (envwh: DECIMAL(18, 6))
RUN, SPIKE_RATIO, SPIKE_MIN, SPIKE_MIN_CO = 8, 4.0, 150.0, 1.5
MIN_HOURS, MIN_8H_HOURS, MIN_WINDOWS = 20, 6, 14
MIN_YEAR_DAYS, MIN_MONTH_DAYS, MIN_FEB_DAYS = 324, 27, 25


def read_lines(files: list[Path]) -> pd.DataFrame:
    frames = []
    for path in files:
        frame = pd.read_csv(path, usecols=["timepoint", "stationcode", "area", "positionname",
                                           *POLLUTANTS], dtype={"timepoint": str,
                                           "stationcode": str, "area": str, "positionname": str},
                            na_values=["—", "-", "NA"])  # fmt: skip
        frame["filename"] = str(path)
        frames.append(frame)
    lines = pd.concat(frames, ignore_index=True).drop_duplicates()
    stamp = pd.to_datetime(lines["timepoint"], format=FORMATS[0], errors="coerce")
    for fmt in FORMATS[1:]:
        stamp = stamp.fillna(pd.to_datetime(lines["timepoint"], format=fmt, errors="coerce"))
    return lines.assign(t=stamp).rename(columns={"stationcode": "station_code"})


def _exact_mean(values: pd.Series, keys: list[pd.Series]) -> pd.Series:
    micro = (values * MICRO).round().astype("Int64")
    grouped = micro.groupby(keys)
    return grouped.sum(min_count=1).astype("float64") / MICRO / grouped.count()


def screen(lines: pd.DataFrame, tops: pd.DataFrame) -> pd.DataFrame:
    """Preferred line per station-hour with each pollutant's qc flag and the O3 8-hour means."""
    measured = lines[POLLUTANTS].notna().sum(axis=1)
    hours = (
        lines.assign(measured=measured)
        .sort_values(
            ["station_code", "t", "measured", "filename"], ascending=[True, True, False, True]
        )
        .drop_duplicates(["station_code", "t"])
        .reset_index(drop=True)
    )
    hours["d"] = hours["t"].dt.normalize()
    top = pd.DataFrame(index=hours.index, columns=POLLUTANTS, dtype="float64")
    for edition in tops.itertuples():
        in_force = hours["d"].between(pd.Timestamp(edition.applies_from),
                                      pd.Timestamp(edition.applies_to))  # fmt: skip
        for p in POLLUTANTS:
            top.loc[in_force, p] = getattr(edition, p)
    by_station = hours.groupby("station_code", sort=False)
    for p in POLLUTANTS:
        v = hours[p]
        neighbours = (by_station[p].shift(1) + by_station[p].shift(-1)) / 2
        run_id = (v != by_station[p].shift(1)).cumsum()  # a new run at every change (or NaN)
        run_length = v.groupby(run_id).transform("size")
        spike_min = SPIKE_MIN_CO if p == "co" else SPIKE_MIN
        hours[f"{p}_flag"] = np.select(
            [v.isna(), v < 0, v > top[p], v.notna() & (run_length >= RUN),
             (v > SPIKE_RATIO * neighbours) & (v - neighbours > spike_min)],
            ["missing", "negative", "above_top_breakpoint", "constant_run", "spike"],
            default="valid",
        )  # fmt: skip
        hours[p] = v.where(v >= 0)  # what counts for statistics: not missing, not negative
    o3_micro = (hours["o3"] * MICRO).round()
    rolling = hours.assign(o3_micro=o3_micro).groupby("station_code").rolling("8h", on="t")
    # groupby sorts stations as `hours` is sorted: the results come back in the rows' order
    count = rolling["o3"].count().to_numpy()
    hours["o3_8h_n"] = count
    hours["o3_8h"] = rolling["o3_micro"].sum().to_numpy() / MICRO / count
    return hours


def station_daily(hours: pd.DataFrame) -> pd.DataFrame:
    keys = [hours["station_code"], hours["d"]]
    grouped = hours.groupby(["station_code", "d"])
    daily = grouped.size().to_frame("hours_reported")
    for p in POLLUTANTS[:5]:
        daily[f"{p}_24h"] = _exact_mean(hours[p], keys)
        daily[f"{p}_24h_ok"] = grouped[p].count() >= MIN_HOURS
    daily["o3_1h_max"] = grouped["o3"].max()
    daily["o3_1h_max_ok"] = grouped["o3"].count() >= MIN_HOURS
    windows = hours[(hours["t"].dt.hour >= 7) & (hours["o3_8h_n"] >= MIN_8H_HOURS)]
    mda8 = windows.groupby(["station_code", "d"])["o3_8h"].agg(["max", "size"])
    daily["o3_mda8"] = mda8["max"]
    daily["o3_mda8_ok"] = mda8["size"].reindex(daily.index).fillna(0) >= MIN_WINDOWS
    return daily


def daily_aqi(days: pd.DataFrame, segments: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """IAQI per statistic, AQI, category, primary pollutants (HJ 633) of one row per key × day."""
    dates = days.index.get_level_values("d")
    iaqi = pd.DataFrame(index=days.index)
    for pollutant, stat, averaging in STATS:
        conc = days[stat].where(days[f"{stat}_ok"]).round(1 if pollutant == "co" else 0).to_numpy()
        value = np.full(len(days), np.nan)
        table = segments[(segments.pollutant_code == pollutant)
                         & (segments.averaging_code == averaging)]  # fmt: skip
        for (start, end), edition in table.groupby(["applies_from", "applies_to"]):
            in_force = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
            top = edition.bp_hi.max()
            for seg in edition.sort_values("iaqi_lo").itertuples():
                inside = in_force & np.isnan(value) & (conc >= seg.bp_lo) & (conc <= seg.bp_hi)
                value[inside] = np.ceil((seg.iaqi_hi - seg.iaqi_lo) / (seg.bp_hi - seg.bp_lo)
                                        * (conc[inside] - seg.bp_lo) + seg.iaqi_lo)  # fmt: skip
            if edition.iaqi_hi.max() == 500:
                value[in_force & (conc > top)] = 500
        iaqi[stat] = value
    out = pd.DataFrame(index=days.index)
    out["aqi"] = iaqi.max(axis=1)
    has = iaqi.notna()
    out["pollutants"] = has[[s for _, s, _ in STATS[:5]]].sum(axis=1) + (
        has["o3_mda8"] | has["o3_1h_max"]
    )
    out["aqi_complete"] = out["pollutants"] == 6
    primary = pd.Series("", index=days.index)
    for pollutant in sorted(POLLUTANTS):
        stats = [s for p, s, _ in STATS if p == pollutant]
        top = iaqi[stats].eq(out["aqi"], axis=0).any(axis=1)
        primary = primary.where(~top, primary + "," + pollutant)
    out["primary_pollutants"] = primary.str.lstrip(",").where(out["aqi"] > 50)
    bounds = categories.sort_values("aqi_min")
    level = np.searchsorted(bounds.aqi_min.to_numpy(), out["aqi"].to_numpy(), side="right")
    out["aqi_level"] = pd.Series(level, index=days.index, dtype="Int64").where(out["aqi"].notna())
    return out


def city_daily(hours: pd.DataFrame, lines: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    latest = lines.dropna(subset=["area"]).sort_values("t").groupby("station_code").last()
    background = latest["positionname"].str.contains("对照点", na=False)
    cities = latest.loc[~background, "area"]
    days = daily.join(cities.rename("city"), on="station_code", how="inner").reset_index()
    keys = [days["city"], days["d"]]
    grouped = days.groupby(["city", "d"])
    city = grouped["station_code"].nunique().to_frame("stations_reporting")
    for _, stat, _ in STATS:
        city[stat] = _exact_mean(days[stat].where(days[f"{stat}_ok"]), keys)
        city[f"{stat}_ok"] = grouped[f"{stat}_ok"].any()
    return city


def city_annual(city: pd.DataFrame, aqi: pd.DataFrame, limits: pd.DataFrame) -> pd.DataFrame:
    days = city.join(aqi).reset_index()
    days["year"], days["month"] = days["d"].dt.year, days["d"].dt.month
    keys = [days["city"], days["year"]]
    grouped = days.groupby(["city", "year"])
    annual = grouped.size().to_frame("days_reported")
    year_limits = limits.set_index("year").reindex(annual.index.get_level_values("year"))
    year_limits.index = annual.index
    percentile = {"pm2_5_24h": 0.95, "pm10_24h": 0.95, "so2_24h": 0.98, "no2_24h": 0.98,
                  "co_24h": 0.95, "o3_mda8": 0.90}  # fmt: skip
    limit_of = {"pm2_5_24h": "PM2.5/24h", "pm10_24h": "PM10/24h", "so2_24h": "SO2/24h",
                "no2_24h": "NO2/24h", "co_24h": "CO/24h", "o3_mda8": "O3/max_daily_8h"}  # fmt: skip
    complete = pd.Series(True, index=annual.index)
    for stat, q in percentile.items():
        p = stat.rsplit("_", 1)[0] if stat != "o3_mda8" else "o3"
        valid = days[stat].where(days[f"{stat}_ok"])
        annual[f"{p}_days"] = valid.groupby(keys).count()
        annual[f"{p}_p{round(q * 100)}"] = valid.groupby(keys).quantile(q)
        rounded = valid.round(1 if p == "co" else 0)
        limit = days["year"].map(limits.set_index("year")[limit_of[stat]])
        annual[f"{p}_exceed"] = (rounded > limit).groupby(keys).sum()
        if p in ("pm2_5", "pm10", "so2", "no2"):
            annual[f"{p}_mean"] = _exact_mean(valid, keys)
            months = valid.groupby([days["city"], days["year"], days["month"]]).count()
            minimum = np.where(months.index.get_level_values("month") == 2, MIN_FEB_DAYS,
                               MIN_MONTH_DAYS)  # fmt: skip
            months_ok = (months >= minimum).groupby(level=[0, 1]).agg(["all", "size"])
            ok = (
                (annual[f"{p}_days"] >= MIN_YEAR_DAYS)
                & months_ok["all"]
                & (months_ok["size"] == 12)
            )
            annual[f"{p}_meets"] = (
                annual[f"{p}_mean"].round(0)
                <= year_limits[limit_of[stat].split("/")[0] + "/annual"]
            ).where(ok)
            complete &= ok
    complete_aqi = days["aqi_complete"].fillna(False).astype(bool)
    annual["aqi_days"] = complete_aqi.groupby(keys).sum()
    annual["good_days"] = (complete_aqi & (days["aqi"] <= 100)).groupby(keys).sum()
    for level in range(1, 7):
        annual[f"level_{level}_days"] = (
            (complete_aqi & (days["aqi_level"] == level)).groupby(keys).sum()
        )
    annual["heavy_days"] = annual["level_5_days"] + annual["level_6_days"]
    annual["good_days_pct"] = (100 * annual["good_days"] / annual["aqi_days"]).round(1)
    annual["is_complete"] = complete
    annual["co_meets"] = annual["co_p95"].round(1) <= year_limits["CO/24h"]
    annual["o3_meets"] = annual["o3_p90"].round(0) <= year_limits["O3/max_daily_8h"]
    return annual


def reference(database: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The standards tables of the warehouse: breakpoint tops, segments, categories, limits."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        segments = con.execute(
            "select * from intermediate.int_air_iaqi_segments where used_for_daily"
        ).df()
        tops = con.execute(
            "pivot (select applies_from, applies_to, pollutant_code, bp_hi "
            "from intermediate.int_air_iaqi_segments) on pollutant_code using max(bp_hi)"
        ).df()
        categories = con.execute("select * from intermediate.int_air_aqi_categories").df()
        limits = con.execute("""
            pivot (
                select y.year, l.pollutant || '/' || l.averaging as what, l.limit_value
                from range(2000, 2101) as y(year)
                join intermediate.int_air_quality_limits_in_force as l
                    on l.grade = 'II' and (y.year between l.first_assessment_year
                                           and l.last_assessment_year
                        or (l.standard_code = 'GB 3095-2012' and y.year < l.first_assessment_year))
            ) on what using any_value(limit_value) group by year
        """).df()
    finally:
        con.close()
    return tops, segments, categories, limits


def run(files: list[Path], database: Path, seconds: dict[str, float] | None = None
        ) -> dict[str, pd.DataFrame]:  # fmt: skip
    """Station-hours → station days → city days → city years; every table, for comparison.
    `seconds` receives the time spent reading the files and computing."""
    seconds = {} if seconds is None else seconds
    start = time.perf_counter()
    tops, segments, categories, limits = reference(database)
    lines = read_lines(files)
    seconds["read"] = time.perf_counter() - start
    hours = screen(lines, tops)
    station = station_daily(hours)
    city = city_daily(hours, lines, station)
    city_aqi = daily_aqi(city, segments, categories)
    tables = {
        "hours": hours,
        "station_daily": station.join(daily_aqi(station, segments, categories)),
        "city_daily": city.join(city_aqi),
        "city_annual": city_annual(city, city_aqi, limits),
    }
    seconds["compute"] = time.perf_counter() - start - seconds["read"]
    return tables


def to_duckdb(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """The results as schema `pandas`, named like the hand-written script's tables (for
    bench/monitoring_crosscheck.sql)."""
    flags = ["station_code", "t", *(f"{p}_flag" for p in POLLUTANTS)]
    frames = {"hourly": tables["hours"][flags],
              "station_daily": tables["station_daily"].reset_index(),
              "city_daily": tables["city_daily"].reset_index(),
              "city_annual": tables["city_annual"].reset_index()}  # fmt: skip
    con.execute("create schema if not exists pandas")
    for name, frame in frames.items():
        con.register("_frame", frame)
        cast = " replace (cast(d as date) as d)" if "d" in frame.columns else ""
        con.execute(f"create or replace table pandas.{name} as select *{cast} from _frame")
        con.unregister("_frame")
    con.execute("""
        create or replace table pandas.daily_aqi as
        select 'station' as kind, station_code as k, d, cast(aqi as integer) as aqi,
               primary_pollutants, aqi_level, aqi_complete from pandas.station_daily
        union all
        select 'city', city, d, cast(aqi as integer), primary_pollutants, aqi_level, aqi_complete
        from pandas.city_daily
    """)
