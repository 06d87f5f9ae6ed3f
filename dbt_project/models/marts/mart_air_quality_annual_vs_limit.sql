/* grain: one row per annual pollutant observation × grade (I, II) of the limit in force that year.
   Years up to 2025 are judged by GB 3095-2012, 2026–2030 by GB 3095-2026's transitional limits,
   later years by its final limits. Only annual means with an annual limit are compared. */
with

observations as (

    select * from {{ ref('fct_air_quality') }}
    where record_kind = 'periodic_table' and value_canonical is not null

),

periods as (select period_key, period_type, year from {{ ref('dim_period') }}),

indicators as (select indicator_code, standard_pollutant from {{ ref('dim_indicator') }}),

units as (select unit_code, aliases from {{ ref('units') }}),

limits as (

    select limits.*, units.unit_code as limit_unit_code
    from {{ ref('int_air_quality_limits_in_force') }} as limits
    inner join units on list_contains(string_split(units.aliases, '|'), limits.limit_unit)
    where limits.averaging = 'annual'

),

final as (

    select
        observations.air_quality_key,
        limits.grade,
        observations.region_code,
        observations.area_scope_code,
        periods.year,
        observations.indicator_code,
        observations.value_canonical,
        observations.canonical_unit_code,
        limits.standard_code,
        limits.limit_value,
        observations.value_canonical > limits.limit_value as exceeds_limit,
        round(observations.value_canonical / limits.limit_value, 3) as ratio_to_limit,
        observations.source_file

    from observations
    inner join periods on observations.period_key = periods.period_key
    inner join indicators on observations.indicator_code = indicators.indicator_code
    inner join limits
        on indicators.standard_pollutant = limits.pollutant
        and periods.year between limits.first_assessment_year and limits.last_assessment_year
        and observations.canonical_unit_code = limits.limit_unit_code
    where periods.period_type = 'year'

)

select * from final
