{{ config(materialized='view') }}
/* grain: one row per city × day — fct_air_city_daily for BI tools: DATE typed, one column per
   pollutant (canonical units in the names), AQI, category and primary pollutant(s); only days
   with an AQI. */
select
    observation_date as date,
    city_text as city,
    region_code,
    aqi,
    aqi_category_zh as category_zh,
    aqi_category_en as category_en,
    aqi_level,
    primary_pollutants,
    pm2_5_24h_ug_m3,
    pm10_24h_ug_m3,
    so2_24h_ug_m3,
    no2_24h_ug_m3,
    co_24h_mg_m3,
    o3_mda8_ug_m3,
    o3_1h_max_ug_m3,
    is_aqi_complete,
    stations_reporting
from {{ ref('fct_air_city_daily') }}
where aqi is not null
