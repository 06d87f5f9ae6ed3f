{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key='observation_date', on_schema_change='fail') }}
/* grain: one row per station × day. 24-hour means of the hours that count (every qc flag but
   missing and negative: a constant run, a spike or a value above the top HJ 633 breakpoint is
   flagged in fct_air_station_hourly, not removed — Beijing's real hourly PM2.5 exceeds 500
   µg/m³ on hundreds of hours), valid when
   ≥ 20 hours (GB 3095 表4); O3 1-hour maximum; O3 daily maximum 8-hour mean (MDA8) over the 17
   windows ending 07:00–23:00, a window valid with ≥ 6 hours, MDA8 valid with ≥ 14 windows;
   IAQI, AQI, primary pollutant(s) and category (HJ 633, edition in force that day). */
{%- set daily = ['pm2_5', 'pm10', 'so2', 'no2', 'co'] %}
with

rules as (

    {{ air_monitoring_rules({
        'daily_min_valid_hours': 'min_hours',
        'o3_8h_min_valid_hours': 'min_8h_hours',
        'o3_mda8_min_valid_windows': 'min_windows',
    }) }}

),

hours as (

    select
        station_code,
        observation_date,
        hour(observed_at) as hour_of_day,
        {%- for p in air_pollutants() %}
        case when {{ p }}_qc_flag not in ('missing', 'negative')
             then {{ p }}_value end as {{ p }},
        {%- endfor %}
        o3_8h_mean_ug_m3,
        o3_8h_hours,
        landing_batch
    from {{ ref('int_air_station_hours_screened') }}
    where is_preferred and {{ monitoring_touched_dates(ref('int_air_station_hours_screened')) }}

),

daily as (

    select
        hours.station_code,
        hours.observation_date,
        count(*) as hours_reported,
        {%- for p in daily %}
        {{ exact_avg(p) }} as {{ p }}_24h,
        count({{ p }}) as {{ p }}_valid_hours,
        count({{ p }}) >= any_value(rules.min_hours) as {{ p }}_24h_is_valid,
        {%- endfor %}
        max(o3) as o3_1h_max,
        count(o3) as o3_valid_hours,
        count(o3) >= any_value(rules.min_hours) as o3_1h_max_is_valid,
        -- MDA8: the largest of the 8-hour means ending 07:00–23:00 (int_air_station_hours_screened)
        max(o3_8h_mean_ug_m3) filter (
            where hour_of_day >= 7 and o3_8h_hours >= rules.min_8h_hours) as o3_mda8,
        count(*) filter (
            where hour_of_day >= 7 and o3_8h_hours >= rules.min_8h_hours) as o3_valid_8h_windows,
        max(hours.landing_batch) as landing_batch
    from hours
    cross join rules
    group by hours.station_code, hours.observation_date

),

stats as (

    select
        daily.*,
        daily.o3_valid_8h_windows >= rules.min_windows as o3_mda8_is_valid
    from daily
    cross join rules

),

aqi as (

    {{ air_daily_aqi('stats', ['station_code']) }}

),

final as (

    select
        {{ surrogate_key(['stats.station_code', 'stats.observation_date']) }} as station_day_key,
        stats.station_code,
        stats.observation_date,
        stats.hours_reported,
        {%- for p in daily %}
        stats.{{ p }}_24h as {{ p }}_24h_{{ air_canonical_unit(p) }},
        stats.{{ p }}_valid_hours,
        stats.{{ p }}_24h_is_valid,
        {%- endfor %}
        stats.o3_1h_max as o3_1h_max_ug_m3,
        stats.o3_valid_hours,
        stats.o3_1h_max_is_valid,
        stats.o3_mda8 as o3_mda8_ug_m3,
        stats.o3_valid_8h_windows,
        stats.o3_mda8_is_valid,
        {{ air_daily_aqi_columns('aqi') }}
        stats.landing_batch
    from stats
    left join aqi using (station_code, observation_date)

)

select * from final
