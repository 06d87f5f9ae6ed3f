/* grain: one row per layout × pollutant: the unit a layout publishes that pollutant in */
with

source as (

    select * from {{ source('landing', 'air_quality__station_hourly_layout_units') }}

),

units as (select unit_code, factor_to_base, base_unit_code from {{ ref('units') }}),

renamed as (

    select
        source.layout as layout_code,
        source.pollutant_code,
        source.unit_code as unit_code_reported,
        source.header as header_reported,
        units.factor_to_base,
        units.base_unit_code

    from source
    left join units on source.unit_code = units.unit_code

)

select * from renamed
