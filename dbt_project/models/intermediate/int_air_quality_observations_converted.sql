/* One row per air-quality record, its value converted to the indicator's canonical unit with
   the unit registry (seeds/units.csv): value × factor_to_base(reported) / factor_to_base(canonical). */
with

records as (select * from {{ ref('int_air_quality_observations_unioned') }}),

indicators as (select * from {{ ref('indicators') }}),

units as (select * from {{ ref('units') }}),

converted as (

    select
        records.*,
        indicators.canonical_unit_code,
        {{ convert_units('records.value_reported', 'reported', 'canonical') }} as value_canonical

    from records
    inner join indicators on records.indicator_code = indicators.indicator_code
    inner join units as canonical on indicators.canonical_unit_code = canonical.unit_code
    left join units as reported on records.unit_code_reported = reported.unit_code

)

select * from converted
