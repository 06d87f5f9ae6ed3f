-- The monitoring computation as one hand-written DuckDB script: the benchmark's baseline for
-- "envwh ≤ 3× a hand-written script doing the same computation" (bench/monitoring_bench.py).
--
-- Same input: the CNEMC real-time CSV files ({files} is replaced by their list). Same rules as
-- the envwh models, same results (the benchmark compares them): exact copies of a line kept
-- once; the line with the most pollutants wins a station-hour (then the earlier file); QC flags
-- per hour (missing, negative, above the top HJ 633 breakpoint, constant run of ≥ 8 equal
-- hours, spike > 4× the neighbours' mean and > 150 µg/m³ / 1.5 mg/m³); station daily means
-- (≥ 20 valid hours), O3 1-hour max and MDA8 (17 windows ending 07–23 h, ≥ 6 hours, ≥ 14
-- windows); IAQI/AQI/category/primary pollutants per station-day and per city-day (HJ 633,
-- edition by date); city = mean of valid non-background stations; annual means with the
-- data-sufficiency rules, percentiles, good days, days per category, exceedance days and
-- compliance (GB 3095 grade II in force).
-- Reference tables (HJ 633 breakpoint segments, GB 3095 limits by year) are read from the
-- warehouse the benchmark built (intermediate.int_air_iaqi_segments,
-- intermediate.int_air_quality_limits_in_force): standards, not computation.
-- Not done here (envwh does it): line provenance and quarantine accounting, other layouts and
-- units, region mapping of cities, surrogate keys, contracts, tests, incremental bookkeeping.
create schema if not exists handwritten;

-- ---- read ----
create or replace table handwritten.lines as
select distinct
    filename,
    stationcode as station_code,
    positionname as station_name,
    area as city,
    try_strptime(timepoint, ['%Y-%m-%dT%H%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S']) as t,
    try_cast(nullif(pm2_5, '—') as double) as pm2_5,
    try_cast(nullif(pm10, '—') as double) as pm10,
    try_cast(nullif(so2, '—') as double) as so2,
    try_cast(nullif(no2, '—') as double) as no2,
    try_cast(nullif(co, '—') as double) as co,
    try_cast(nullif(o3, '—') as double) as o3
from read_csv({files}, all_varchar = true, filename = true);

-- ---- compute ----
create or replace table handwritten.hourly as
with preferred as (
    select * exclude (filename, station_name, city), cast(t as date) as d, hour(t) as hr
    from handwritten.lines
    qualify row_number() over (
        partition by station_code, t
        order by (pm2_5 is not null)::int + (pm10 is not null)::int + (so2 is not null)::int
               + (no2 is not null)::int + (co is not null)::int + (o3 is not null)::int desc,
                 filename) = 1
),
neighbours as (
    select *,
        -- a run of 8 equal values ends here
        count(pm2_5) over r8 = 8 and min(pm2_5) over r8 = max(pm2_5) over r8 as pm2_5_run_end,
        count(pm10) over r8 = 8 and min(pm10) over r8 = max(pm10) over r8 as pm10_run_end,
        count(so2) over r8 = 8 and min(so2) over r8 = max(so2) over r8 as so2_run_end,
        count(no2) over r8 = 8 and min(no2) over r8 = max(no2) over r8 as no2_run_end,
        count(co) over r8 = 8 and min(co) over r8 = max(co) over r8 as co_run_end,
        count(o3) over r8 = 8 and min(o3) over r8 = max(o3) over r8 as o3_run_end,
        (lag(pm2_5) over w + lead(pm2_5) over w) / 2 as pm2_5_nb,
        (lag(pm10) over w + lead(pm10) over w) / 2 as pm10_nb,
        (lag(so2) over w + lead(so2) over w) / 2 as so2_nb,
        (lag(no2) over w + lead(no2) over w) / 2 as no2_nb,
        (lag(co) over w + lead(co) over w) / 2 as co_nb,
        (lag(o3) over w + lead(o3) over w) / 2 as o3_nb,
        avg(case when o3 >= 0 then o3 end::decimal(18, 6)) over h8 as o3_8h,
        count(case when o3 >= 0 then o3 end) over h8 as o3_8h_n
    from preferred
    window w as (partition by station_code order by t),
        r8 as (partition by station_code order by t rows between 7 preceding and current row),
        h8 as (partition by station_code order by t range between interval 7 hours preceding and current row)
),
runs as (
    select *,
        bool_or(pm2_5_run_end) over f8 as pm2_5_in_run, bool_or(pm10_run_end) over f8 as pm10_in_run,
        bool_or(so2_run_end) over f8 as so2_in_run, bool_or(no2_run_end) over f8 as no2_in_run,
        bool_or(co_run_end) over f8 as co_in_run, bool_or(o3_run_end) over f8 as o3_in_run
    from neighbours
    window f8 as (partition by station_code order by t rows between current row and 7 following)
),
tops as (
    select applies_from, applies_to,
        max(bp_hi) filter (where pollutant_code = 'pm2_5') as pm2_5, max(bp_hi) filter (where pollutant_code = 'pm10') as pm10,
        max(bp_hi) filter (where pollutant_code = 'so2') as so2, max(bp_hi) filter (where pollutant_code = 'no2') as no2,
        max(bp_hi) filter (where pollutant_code = 'co') as co, max(bp_hi) filter (where pollutant_code = 'o3') as o3
    from intermediate.int_air_iaqi_segments group by all
)
select r.station_code, r.t, r.d, r.hr,
    r.pm2_5, case when r.pm2_5 is null then 'missing' when r.pm2_5 < 0 then 'negative' when r.pm2_5 > tops.pm2_5 then 'above_top_breakpoint'
        when r.pm2_5_in_run then 'constant_run' when r.pm2_5 > 4 * r.pm2_5_nb and r.pm2_5 - r.pm2_5_nb > 150 then 'spike' else 'valid' end as pm2_5_flag,
    r.pm10, case when r.pm10 is null then 'missing' when r.pm10 < 0 then 'negative' when r.pm10 > tops.pm10 then 'above_top_breakpoint'
        when r.pm10_in_run then 'constant_run' when r.pm10 > 4 * r.pm10_nb and r.pm10 - r.pm10_nb > 150 then 'spike' else 'valid' end as pm10_flag,
    r.so2, case when r.so2 is null then 'missing' when r.so2 < 0 then 'negative' when r.so2 > tops.so2 then 'above_top_breakpoint'
        when r.so2_in_run then 'constant_run' when r.so2 > 4 * r.so2_nb and r.so2 - r.so2_nb > 150 then 'spike' else 'valid' end as so2_flag,
    r.no2, case when r.no2 is null then 'missing' when r.no2 < 0 then 'negative' when r.no2 > tops.no2 then 'above_top_breakpoint'
        when r.no2_in_run then 'constant_run' when r.no2 > 4 * r.no2_nb and r.no2 - r.no2_nb > 150 then 'spike' else 'valid' end as no2_flag,
    r.co, case when r.co is null then 'missing' when r.co < 0 then 'negative' when r.co > tops.co then 'above_top_breakpoint'
        when r.co_in_run then 'constant_run' when r.co > 4 * r.co_nb and r.co - r.co_nb > 1.5 then 'spike' else 'valid' end as co_flag,
    r.o3, case when r.o3 is null then 'missing' when r.o3 < 0 then 'negative' when r.o3 > tops.o3 then 'above_top_breakpoint'
        when r.o3_in_run then 'constant_run' when r.o3 > 4 * r.o3_nb and r.o3 - r.o3_nb > 150 then 'spike' else 'valid' end as o3_flag,
    r.o3_8h, r.o3_8h_n
from runs as r join tops on r.d between tops.applies_from and tops.applies_to;

-- IAQI of one daily statistic (HJ 633 segments of the edition in force; beyond the top: 500)
create or replace temp table segments as
select *, max(bp_hi) over (partition by standard_code, pollutant_code, averaging_code) as top
from intermediate.int_air_iaqi_segments where used_for_daily;

create or replace table handwritten.station_daily as
select station_code, d,
    count(*) as hours_reported,
    avg(pm2_5::decimal(18, 6)) filter (where pm2_5 >= 0) as pm2_5_24h, count(pm2_5) filter (where pm2_5 >= 0) >= 20 as pm2_5_24h_ok,
    avg(pm10::decimal(18, 6)) filter (where pm10 >= 0) as pm10_24h, count(pm10) filter (where pm10 >= 0) >= 20 as pm10_24h_ok,
    avg(so2::decimal(18, 6)) filter (where so2 >= 0) as so2_24h, count(so2) filter (where so2 >= 0) >= 20 as so2_24h_ok,
    avg(no2::decimal(18, 6)) filter (where no2 >= 0) as no2_24h, count(no2) filter (where no2 >= 0) >= 20 as no2_24h_ok,
    avg(co::decimal(18, 6)) filter (where co >= 0) as co_24h, count(co) filter (where co >= 0) >= 20 as co_24h_ok,
    max(o3) filter (where o3 >= 0) as o3_1h_max, count(o3) filter (where o3 >= 0) >= 20 as o3_1h_max_ok,
    max(o3_8h) filter (where hr >= 7 and o3_8h_n >= 6) as o3_mda8,
    count(*) filter (where hr >= 7 and o3_8h_n >= 6) >= 14 as o3_mda8_ok
from handwritten.hourly group by all;

create or replace table handwritten.city_daily as
with stations as (
    select station_code, arg_max(city, t) filter (where city is not null) as city,
        coalesce(arg_max(station_name, t) filter (where station_name is not null) like '%对照点%', false) as background
    from handwritten.lines group by 1
)
select s.city, d.d, count(distinct d.station_code) as stations_reporting,
    avg(pm2_5_24h::decimal(18, 6)) filter (where pm2_5_24h_ok) as pm2_5_24h, bool_or(pm2_5_24h_ok) as pm2_5_24h_ok,
    avg(pm10_24h::decimal(18, 6)) filter (where pm10_24h_ok) as pm10_24h, bool_or(pm10_24h_ok) as pm10_24h_ok,
    avg(so2_24h::decimal(18, 6)) filter (where so2_24h_ok) as so2_24h, bool_or(so2_24h_ok) as so2_24h_ok,
    avg(no2_24h::decimal(18, 6)) filter (where no2_24h_ok) as no2_24h, bool_or(no2_24h_ok) as no2_24h_ok,
    avg(co_24h::decimal(18, 6)) filter (where co_24h_ok) as co_24h, bool_or(co_24h_ok) as co_24h_ok,
    avg(o3_mda8::decimal(18, 6)) filter (where o3_mda8_ok) as o3_mda8, bool_or(o3_mda8_ok) as o3_mda8_ok,
    avg(o3_1h_max::decimal(18, 6)) filter (where o3_1h_max_ok) as o3_1h_max, bool_or(o3_1h_max_ok) as o3_1h_max_ok
from handwritten.station_daily as d join stations as s using (station_code)
where not s.background and s.city is not null
group by all;

-- IAQI / AQI / category / primary pollutants of station-days and city-days in one pass
create or replace table handwritten.daily_aqi as
with days as (
    select 'station' as kind, station_code as k, * exclude (station_code, hours_reported) from handwritten.station_daily
    union all by name
    select 'city' as kind, city as k, * exclude (city, stations_reporting) from handwritten.city_daily
),
long as (
    unpivot days on
        (pm2_5_24h, pm2_5_24h_ok) as pm2_5_24h, (pm10_24h, pm10_24h_ok) as pm10_24h,
        (so2_24h, so2_24h_ok) as so2_24h, (no2_24h, no2_24h_ok) as no2_24h, (co_24h, co_24h_ok) as co_24h,
        (o3_mda8, o3_mda8_ok) as o3_mda8, (o3_1h_max, o3_1h_max_ok) as o3_1h_max
    into name stat value conc, ok
),
scored as (
    select l.kind, l.k, l.d, l.stat, s.pollutant_code, s.standard_code, l.c > s.top as beyond,
        case when l.c > s.top then 500 else ceil((s.iaqi_hi - s.iaqi_lo) / (s.bp_hi - s.bp_lo) * (l.c - s.bp_lo) + s.iaqi_lo) end as iaqi
    from (select *, round_even(conc, case when stat = 'co_24h' then 1 else 0 end) as c from long where ok) as l
    join segments as s
        on s.pollutant_code = split_part(l.stat, '_', 1) || case when l.stat like 'pm2_5%' then '_5' else '' end
        and s.averaging_code = case l.stat when 'o3_mda8' then '8h' when 'o3_1h_max' then '1h' else '24h' end
        and l.d between s.applies_from and s.applies_to
        and (l.c between s.bp_lo and s.bp_hi or (s.iaqi_hi = 500 and l.c > s.bp_hi))
    qualify row_number() over (partition by l.kind, l.k, l.d, l.stat order by s.iaqi_lo) = 1
),
per_day as (
    select kind, k, d, max(iaqi) as aqi, bool_or(beyond) as beyond, count(distinct pollutant_code) as pollutants,
        any_value(standard_code) as standard_code,
        list(distinct pollutant_code order by pollutant_code) filter (where iaqi = day_max) as top_pollutants
    from (select *, max(iaqi) over (partition by kind, k, d) as day_max from scored)
    group by all
)
select p.kind, p.k, p.d, cast(p.aqi as integer) as aqi, p.beyond, p.pollutants, p.pollutants = 6 as aqi_complete,
    p.standard_code, case when p.aqi > 50 then array_to_string(p.top_pollutants, ',') end as primary_pollutants,
    c.aqi_level, c.category_zh
from per_day as p left join intermediate.int_air_aqi_categories as c on p.aqi between c.aqi_min and c.aqi_max;

create or replace table handwritten.city_annual as
with days as (
    select c.*, a.aqi, a.aqi_level, coalesce(a.aqi_complete, false) as aqi_complete,
        year(c.d) as year, month(c.d) as month
    from handwritten.city_daily as c
    left join handwritten.daily_aqi as a on a.kind = 'city' and a.k = c.city and a.d = c.d
),
limits as (
    pivot (
        select y.year, l.pollutant || '/' || l.averaging as what, l.limit_value
        from (select distinct year from days) as y
        join intermediate.int_air_quality_limits_in_force as l
            on l.grade = 'II' and (y.year between l.first_assessment_year and l.last_assessment_year
                or (l.standard_code = 'GB 3095-2012' and y.year < l.first_assessment_year))
    ) on what in ('PM2.5/24h', 'PM10/24h', 'SO2/24h', 'NO2/24h', 'CO/24h', 'O3/max_daily_8h',
                  'PM2.5/annual', 'PM10/annual', 'SO2/annual', 'NO2/annual')
    using any_value(limit_value) group by year
),
months as (
    select city, year,
        bool_and(pm2_5_n >= case when month = 2 then 25 else 27 end) and count(*) = 12 as pm2_5_months_ok,
        bool_and(pm10_n >= case when month = 2 then 25 else 27 end) and count(*) = 12 as pm10_months_ok,
        bool_and(so2_n >= case when month = 2 then 25 else 27 end) and count(*) = 12 as so2_months_ok,
        bool_and(no2_n >= case when month = 2 then 25 else 27 end) and count(*) = 12 as no2_months_ok
    from (select city, year, month, count(*) filter (where pm2_5_24h_ok) as pm2_5_n,
                 count(*) filter (where pm10_24h_ok) as pm10_n, count(*) filter (where so2_24h_ok) as so2_n,
                 count(*) filter (where no2_24h_ok) as no2_n
          from days group by all)
    group by all
),
annual as (
    select days.city, days.year, count(*) as days_reported,
        count(*) filter (where pm2_5_24h_ok) as pm2_5_days, avg(pm2_5_24h::decimal(18, 6)) filter (where pm2_5_24h_ok) as pm2_5_mean,
        quantile_cont(pm2_5_24h, 0.95) filter (where pm2_5_24h_ok) as pm2_5_p95,
        count(*) filter (where pm2_5_24h_ok and round_even(pm2_5_24h, 0) > l."PM2.5/24h") as pm2_5_exceed,
        count(*) filter (where pm10_24h_ok) as pm10_days, avg(pm10_24h::decimal(18, 6)) filter (where pm10_24h_ok) as pm10_mean,
        quantile_cont(pm10_24h, 0.95) filter (where pm10_24h_ok) as pm10_p95,
        count(*) filter (where pm10_24h_ok and round_even(pm10_24h, 0) > l."PM10/24h") as pm10_exceed,
        count(*) filter (where so2_24h_ok) as so2_days, avg(so2_24h::decimal(18, 6)) filter (where so2_24h_ok) as so2_mean,
        quantile_cont(so2_24h, 0.98) filter (where so2_24h_ok) as so2_p98,
        count(*) filter (where so2_24h_ok and round_even(so2_24h, 0) > l."SO2/24h") as so2_exceed,
        count(*) filter (where no2_24h_ok) as no2_days, avg(no2_24h::decimal(18, 6)) filter (where no2_24h_ok) as no2_mean,
        quantile_cont(no2_24h, 0.98) filter (where no2_24h_ok) as no2_p98,
        count(*) filter (where no2_24h_ok and round_even(no2_24h, 0) > l."NO2/24h") as no2_exceed,
        count(*) filter (where co_24h_ok) as co_days, quantile_cont(co_24h, 0.95) filter (where co_24h_ok) as co_p95,
        count(*) filter (where co_24h_ok and round_even(co_24h, 1) > l."CO/24h") as co_exceed,
        count(*) filter (where o3_mda8_ok) as o3_days, quantile_cont(o3_mda8, 0.90) filter (where o3_mda8_ok) as o3_p90,
        count(*) filter (where o3_mda8_ok and round_even(o3_mda8, 0) > l."O3/max_daily_8h") as o3_exceed,
        count(*) filter (where aqi_complete) as aqi_days,
        count(*) filter (where aqi_complete and aqi <= 100) as good_days,
        count(*) filter (where aqi_complete and aqi_level = 1) as level_1_days,
        count(*) filter (where aqi_complete and aqi_level = 2) as level_2_days,
        count(*) filter (where aqi_complete and aqi_level = 3) as level_3_days,
        count(*) filter (where aqi_complete and aqi_level = 4) as level_4_days,
        count(*) filter (where aqi_complete and aqi_level = 5) as level_5_days,
        count(*) filter (where aqi_complete and aqi_level = 6) as level_6_days,
        any_value(l."PM2.5/annual") as pm2_5_limit, any_value(l."PM10/annual") as pm10_limit,
        any_value(l."SO2/annual") as so2_limit, any_value(l."NO2/annual") as no2_limit,
        any_value(l."CO/24h") as co_limit, any_value(l."O3/max_daily_8h") as o3_limit
    from days join limits as l using (year)
    group by all
)
select a.city, a.year, a.days_reported,
    a.pm2_5_days, a.pm2_5_mean, a.pm2_5_p95, a.pm2_5_exceed,
    a.pm10_days, a.pm10_mean, a.pm10_p95, a.pm10_exceed,
    a.so2_days, a.so2_mean, a.so2_p98, a.so2_exceed,
    a.no2_days, a.no2_mean, a.no2_p98, a.no2_exceed,
    a.co_days, a.co_p95, a.co_exceed, a.o3_days, a.o3_p90, a.o3_exceed,
    a.aqi_days, a.good_days, round(100.0 * a.good_days / nullif(a.aqi_days, 0), 1) as good_days_pct,
    a.level_1_days, a.level_2_days, a.level_3_days, a.level_4_days, a.level_5_days, a.level_6_days,
    a.level_5_days + a.level_6_days as heavy_days,
    a.pm2_5_days >= 324 and m.pm2_5_months_ok and a.pm10_days >= 324 and m.pm10_months_ok
        and a.so2_days >= 324 and m.so2_months_ok and a.no2_days >= 324 and m.no2_months_ok as is_complete,
    case when a.pm2_5_days >= 324 and m.pm2_5_months_ok then round_even(a.pm2_5_mean, 0) <= a.pm2_5_limit end as pm2_5_meets,
    case when a.pm10_days >= 324 and m.pm10_months_ok then round_even(a.pm10_mean, 0) <= a.pm10_limit end as pm10_meets,
    case when a.so2_days >= 324 and m.so2_months_ok then round_even(a.so2_mean, 0) <= a.so2_limit end as so2_meets,
    case when a.no2_days >= 324 and m.no2_months_ok then round_even(a.no2_mean, 0) <= a.no2_limit end as no2_meets,
    round_even(a.co_p95, 1) <= a.co_limit as co_meets, round_even(a.o3_p90, 0) <= a.o3_limit as o3_meets
from annual as a join months as m using (city, year);
