/* grain: one row per annual pollutant concentration × grade (I, II) of the limit in force that
   year. Every annual concentration envwh holds enters, with its basis: `table` (an annual row of
   fct_air_quality) or `stated_in_prose` (an actual value of fct_indicator_observation whose period
   is a year). Years up to 2025 are judged by GB 3095-2012, 2026–2030 by GB 3095-2026's
   transitional limits, later years by its final limits. Only annual means with an annual limit
   are compared; limits and values share a unit code (ug_m3). */
with

table_rows as (

    select
        air_quality_key as observation_key,
        'table' as basis,
        region_code,
        area_scope_code,
        period_key,
        indicator_code,
        value_canonical,
        canonical_unit_code,
        '=' as comparator,
        qualifier,
        source_file,
        quote
    from {{ ref('fct_air_quality') }}
    where record_kind = 'periodic_table' and value_canonical is not null

),

prose_rows as (

    select
        indicator_observation_key,
        'stated_in_prose',
        region_code,
        null,
        period_key,
        indicator_code,
        value_canonical,
        canonical_unit_code,
        comparator,
        qualifier,
        source_file,
        quote
    from {{ ref('fct_indicator_observation') }}
    where value_canonical is not null

),

observations as (select * from table_rows union all select * from prose_rows),

periods as (select period_key, period_type, year from {{ ref('dim_period') }}),

indicators as (select indicator_code, standard_pollutant from {{ ref('dim_indicator') }}),

limits as (

    select * from {{ ref('int_air_quality_limits_in_force') }}
    where averaging = 'annual'

),

final as (

    select
        observations.observation_key,
        observations.basis,
        limits.grade,
        observations.region_code,
        observations.area_scope_code,
        periods.year,
        observations.indicator_code,
        observations.value_canonical,
        observations.canonical_unit_code,
        observations.comparator,
        observations.qualifier,
        limits.standard_code,
        limits.limit_value,
        -- a bound ('<=' 以下, '>=' 以上) decides only when the limit lies on the right side of it
        case
            when observations.comparator in ('=', '~')
                then observations.value_canonical > limits.limit_value
            when observations.comparator = '>=' and observations.value_canonical > limits.limit_value
                then true
            when observations.comparator = '<=' and observations.value_canonical <= limits.limit_value
                then false
        end as exceeds_limit,
        round(observations.value_canonical / limits.limit_value, 3) as ratio_to_limit,
        observations.source_file,
        observations.quote

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
