/* grain: one row per landed line (station × hour × source file); values in the layout's unit */
with

source as (

    select * from {{ source('landing', 'air_quality__station_hourly') }}

),

renamed as (

    select
        ---------- natural keys
        station_code,
        observed_at,
        cast(observed_at as date) as observation_date,
        ---------- station attributes as published (null when the layout has none)
        station_name,
        city_text,
        longitude,
        latitude,
        ---------- measures, as reported (unit: the layout's, see stg_air_quality__layout_units)
        pm2_5_reported,
        pm10_reported,
        so2_reported,
        no2_reported,
        co_reported,
        o3_reported,
        ---------- provenance
        _layout as layout_code,
        _source_file as source_file,
        _sha256 as source_sha256,
        _row_number as source_row_number,
        _landing_batch as landing_batch

    from source

)

select * from renamed
