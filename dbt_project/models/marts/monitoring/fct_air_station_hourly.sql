{{ config(materialized='view') }}
/* grain: one row per station × hour × pollutant × landed line (a station-hour two files hold
   appears twice, is_preferred marks the one the daily statistics use). Nothing is dropped: a
   missing or implausible value is a row with its qc_flag.
   A view: the long form of int_air_station_hours_screened (a table, incremental by day), six
   rows per line. Materialising it would write ~95 M rows a national year that nothing downstream
   reads (the daily facts aggregate the wide table); a query for one pollutant reads one branch. */
with

hours as (select * from {{ ref('int_air_station_hours_screened') }}),

units as (select layout_code, pollutant_code, unit_code_reported
          from {{ ref('stg_air_quality__layout_units') }}),

long as (
    {%- for p in air_pollutants() %}
    select
        hours.station_code,
        hours.observed_at,
        hours.observation_date,
        '{{ p }}' as pollutant_code,
        hours.{{ p }}_value as value_canonical,
        '{{ air_canonical_unit(p) }}' as canonical_unit_code,
        hours.{{ p }}_reported as value_reported,
        units.unit_code_reported,
        hours.{{ p }}_qc_flag as qc_flag,
        hours.is_preferred,
        hours.lines_for_station_hour,
        hours.layout_code,
        hours.source_file,
        hours.source_row_number,
        hours.landing_batch
    from hours
    left join units on units.layout_code = hours.layout_code and units.pollutant_code = '{{ p }}'
    {{ "union all" if not loop.last }}
    {%- endfor %}

)

-- no surrogate key: ~95 M rows a national year; the grain columns are the key
select
    *,
    qc_flag not in ('missing', 'negative') as is_used_in_statistics
from long
