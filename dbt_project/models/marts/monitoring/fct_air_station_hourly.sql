{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key='observation_date', on_schema_change='fail') }}
/* grain: one row per station × hour × pollutant × landed line (a station-hour two files hold
   appears twice, is_preferred marks the one the daily statistics use). Nothing is dropped: a
   missing or implausible value is a row with its qc_flag. */
with

hours as (

    select * from {{ ref('int_air_station_hours_screened') }}
    where {{ monitoring_touched_dates(ref('int_air_station_hours_screened')) }}

),

long as (
    {%- for p in air_pollutants() %}
    select
        station_code,
        observed_at,
        observation_date,
        '{{ p }}' as pollutant_code,
        {{ p }}_value as value_canonical,
        '{{ air_canonical_unit(p) }}' as canonical_unit_code,
        {{ p }}_reported as value_reported,
        {{ p }}_unit_reported as unit_code_reported,
        {{ p }}_qc_flag as qc_flag,
        is_preferred,
        lines_for_station_hour,
        layout_code,
        source_file,
        source_row_number,
        landing_batch
    from hours
    {{ "union all" if not loop.last }}
    {%- endfor %}

)

-- no surrogate key: ~95 M rows a national year; the grain columns are the key
select
    *,
    qc_flag not in ('missing', 'negative') as is_used_in_statistics
from long
