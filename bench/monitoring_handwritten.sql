-- The monitoring marts' computation as one hand-written DuckDB script (benchmark baseline):
-- runs on a warehouse whose landing.air_quality__station_hourly is filled and whose
-- intermediate.int_air_iaqi_segments view exists. Same rules as the dbt models (preferred line
-- per station-hour, canonical units, 20-hour days, MDA8 over 17 windows with >= 6 hours and
-- >= 14 windows, city = mean of non-background stations, IAQI/AQI, annual means, percentiles and
-- day counts), without QC windows' flag names, surrogate keys, contracts or tests.
create schema if not exists handwritten;

create or replace table handwritten.hourly as
with ranked as (
    select h.*,
        (pm2_5_reported is not null)::int + (pm10_reported is not null)::int
        + (so2_reported is not null)::int + (no2_reported is not null)::int
        + (co_reported is not null)::int + (o3_reported is not null)::int as measured
    from landing.air_quality__station_hourly as h
)
select
    station_code, observed_at, cast(observed_at as date) as d, hour(observed_at) as hr,
    case when pm2_5_reported >= 0 then pm2_5_reported end as pm2_5,
    case when pm10_reported >= 0 then pm10_reported end as pm10,
    case when so2_reported >= 0 then so2_reported end as so2,
    case when no2_reported >= 0 then no2_reported end as no2,
    case when co_reported >= 0 then co_reported * case _layout when 'uci_beijing_multisite' then 0.001 else 1 end end as co,
    case when o3_reported >= 0 then o3_reported end as o3
from ranked
qualify row_number() over (partition by station_code, observed_at
                           order by measured desc, _source_file, _row_number) = 1;

create or replace table handwritten.hourly_long as
unpivot handwritten.hourly on pm2_5, pm10, so2, no2, co, o3 into name pollutant value v;

create or replace table handwritten.station_daily as
with w as (
    select station_code, d, hr,
        avg(o3) over win as o3_8h, count(o3) over win as n8
    from handwritten.hourly
    window win as (partition by station_code, d order by hr range between 7 preceding and current row)
),
m as (
    select station_code, d, max(o3_8h) filter (where n8 >= 6) as o3_mda8,
           count(*) filter (where n8 >= 6) as windows
    from w where hr >= 7 group by all
)
select h.station_code, h.d,
    avg(pm2_5) as pm2_5_24h, count(pm2_5) >= 20 as pm2_5_24h_is_valid,
    avg(pm10) as pm10_24h, count(pm10) >= 20 as pm10_24h_is_valid,
    avg(so2) as so2_24h, count(so2) >= 20 as so2_24h_is_valid,
    avg(no2) as no2_24h, count(no2) >= 20 as no2_24h_is_valid,
    avg(co) as co_24h, count(co) >= 20 as co_24h_is_valid,
    max(o3) as o3_1h_max, count(o3) >= 20 as o3_1h_max_is_valid,
    any_value(m.o3_mda8) as o3_mda8, coalesce(any_value(m.windows), 0) >= 14 as o3_mda8_is_valid
from handwritten.hourly as h left join m using (station_code, d)
group by h.station_code, h.d;

create or replace table handwritten.city_daily as
with stations as (
    select station_code, arg_max(city_text, observed_at) filter (where city_text is not null) as city,
           bool_or(station_name like '%对照点%') as background
    from landing.air_quality__station_hourly group by 1
),
c as (
    select s.city, d.d,
        avg(pm2_5_24h) filter (where pm2_5_24h_is_valid) as pm2_5_24h,
        avg(pm10_24h) filter (where pm10_24h_is_valid) as pm10_24h,
        avg(so2_24h) filter (where so2_24h_is_valid) as so2_24h,
        avg(no2_24h) filter (where no2_24h_is_valid) as no2_24h,
        avg(co_24h) filter (where co_24h_is_valid) as co_24h,
        avg(o3_mda8) filter (where o3_mda8_is_valid) as o3_mda8,
        avg(o3_1h_max) filter (where o3_1h_max_is_valid) as o3_1h_max
    from handwritten.station_daily as d join stations as s using (station_code)
    where not coalesce(s.background, false) and s.city is not null
    group by all
),
long as (
    unpivot c on pm2_5_24h, pm10_24h, so2_24h, no2_24h, co_24h, o3_mda8, o3_1h_max
    into name stat value conc
),
scored as (
    select long.city, long.d, long.stat,
        case when conc > max(bp_hi) over (partition by long.city, long.d, long.stat) then 500
             else ceil((iaqi_hi - iaqi_lo) / (bp_hi - bp_lo) * (round_even(conc, case when stat = 'co_24h' then 1 else 0 end) - bp_lo) + iaqi_lo) end as iaqi
    from long
    join intermediate.int_air_iaqi_segments as s
        on s.pollutant_code = split_part(long.stat, '_2', 1).replace('_mda8', '').replace('_1h_max', '')
        and s.averaging_code = case when stat = 'o3_mda8' then '8h' when stat = 'o3_1h_max' then '1h' else '24h' end
        and long.d between s.applies_from and s.applies_to
        and s.used_for_daily
        and (round_even(conc, case when stat = 'co_24h' then 1 else 0 end) between bp_lo and bp_hi or (iaqi_hi = 500 and conc > bp_hi))
    qualify row_number() over (partition by long.city, long.d, long.stat order by iaqi_lo) = 1
)
select c.*, a.aqi, a.pollutants
from c left join (
    select city, d, max(iaqi) as aqi, count(*) as pollutants from scored group by all
) as a using (city, d);

create or replace table handwritten.city_annual as
select city, year(d) as year,
    avg(pm2_5_24h) as pm2_5_mean, count(pm2_5_24h) as pm2_5_days,
    quantile_cont(pm2_5_24h, 0.95) as pm2_5_p95,
    avg(pm10_24h) as pm10_mean, quantile_cont(pm10_24h, 0.95) as pm10_p95,
    avg(so2_24h) as so2_mean, quantile_cont(so2_24h, 0.98) as so2_p98,
    avg(no2_24h) as no2_mean, quantile_cont(no2_24h, 0.98) as no2_p98,
    quantile_cont(co_24h, 0.95) as co_p95, quantile_cont(o3_mda8, 0.90) as o3_p90,
    count(*) filter (where aqi <= 100) as good_days,
    count(*) filter (where aqi > 200) as heavy_days,
    count(*) filter (where round_even(pm2_5_24h, 0) > 75) as pm2_5_exceedance_days
from handwritten.city_daily
group by all;
