{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key='observation_date', on_schema_change='fail') }}
/* grain: one row per city × day. Each daily statistic is the mean of the city's valid
   non-background stations' values (HJ 663: a city's concentration is the arithmetic mean of its
   assessment stations; background stations (对照点) are excluded), valid when at least one
   station is; then IAQI, AQI, primary pollutant(s) and category (HJ 633, edition in force). */
{%- set stats = ['pm2_5_24h', 'pm10_24h', 'so2_24h', 'no2_24h', 'co_24h', 'o3_mda8', 'o3_1h_max'] %}
{%- set columns = {'pm2_5_24h': 'pm2_5_24h_ug_m3', 'pm10_24h': 'pm10_24h_ug_m3',
                   'so2_24h': 'so2_24h_ug_m3', 'no2_24h': 'no2_24h_ug_m3',
                   'co_24h': 'co_24h_mg_m3', 'o3_mda8': 'o3_mda8_ug_m3',
                   'o3_1h_max': 'o3_1h_max_ug_m3'} %}
with

stations as (

    select station_code, city_text, region_code, region_key
    from {{ ref('dim_monitoring_station') }}
    where not is_background and station_code <> '-1' and city_text is not null

),

station_days as (

    select daily.*, stations.city_text, stations.region_code, stations.region_key
    from {{ ref('fct_air_station_daily') }} as daily
    join stations using (station_code)
    where {{ monitoring_touched_dates(ref('fct_air_station_daily')) }}

),

city_stats as (

    select
        city_text,
        any_value(region_code) as region_code,
        any_value(region_key) as region_key,
        observation_date,
        count(distinct station_code) as stations_reporting,
        {%- for stat in stats %}
        {{ exact_avg(columns[stat]) }} filter (where {{ stat }}_is_valid) as {{ stat }},
        count(*) filter (where {{ stat }}_is_valid) as {{ stat }}_valid_stations,
        count(*) filter (where {{ stat }}_is_valid) > 0 as {{ stat }}_is_valid,
        {%- endfor %}
        max(landing_batch) as landing_batch
    from station_days
    group by city_text, observation_date

),

aqi as (

    {{ air_daily_aqi('city_stats', ['city_text']) }}

),

final as (

    select
        {{ surrogate_key(['city_stats.city_text', 'city_stats.observation_date']) }}
            as city_day_key,
        city_stats.city_text,
        city_stats.region_code,
        city_stats.region_key,
        city_stats.observation_date,
        city_stats.stations_reporting,
        {%- for stat in stats %}
        city_stats.{{ stat }} as {{ columns[stat] }},
        city_stats.{{ stat }}_valid_stations,
        city_stats.{{ stat }}_is_valid,
        {%- endfor %}
        {{ air_daily_aqi_columns('aqi') }}
        city_stats.landing_batch
    from city_stats
    left join aqi using (city_text, observation_date)

)

select * from final
