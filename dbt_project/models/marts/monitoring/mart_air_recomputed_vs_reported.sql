/* grain: one row per region × year × indicator × published figure: an annual figure envwh
   recomputed from station-hours (fct_air_city_annual, cities mapped to a GB/T 2260 region)
   beside the same region × year × indicator as published (fct_air_quality: bulletins, press),
   with the difference and whether it is within the stated tolerance
   (seeds/air_recomputation_tolerances.csv). A recomputation from fewer stations than the
   publisher averages (Beijing: 12 of 35) is expected to differ by a few percent. */
with

annual as (

    select * from {{ ref('fct_air_city_annual') }} where region_code is not null

),

stations as (

    select city_text, year(observation_date) as year, max(stations_reporting) as stations_used
    from {{ ref('fct_air_city_daily') }}
    group by all

),

recomputed as (

    {%- set measures = [('pm2_5', 'pm2_5_annual_mean_ug_m3', 'ug_m3'),
                        ('pm10', 'pm10_annual_mean_ug_m3', 'ug_m3'),
                        ('so2', 'so2_annual_mean_ug_m3', 'ug_m3'),
                        ('no2', 'no2_annual_mean_ug_m3', 'ug_m3'),
                        ('good_days', 'good_days', 'day'),
                        ('good_days_ratio', 'good_days_pct', 'pct'),
                        ('heavy_pollution_days', 'heavy_pollution_days', 'day')] %}
    {%- for indicator, column, unit in measures %}
    select
        annual.region_code,
        annual.city_text,
        annual.year,
        '{{ indicator }}' as indicator_code,
        cast(annual.{{ column }} as double) as recomputed_value,
        '{{ unit }}' as canonical_unit_code,
        annual.is_complete as recomputed_is_complete,
        annual.incomplete_reason,
        annual.aqi_valid_days
    from annual
    {{ "union all" if not loop.last }}
    {%- endfor %}

),

published as (

    select
        region_code,
        try_cast(period_code as integer) as year,
        indicator_code,
        value_canonical as published_value,
        canonical_unit_code,
        area_scope_code,
        source_file,
        quote
    from {{ ref('fct_air_quality') }}
    where period_code similar to '[0-9]{4}'

),

tolerances as (select * from {{ ref('air_recomputation_tolerances') }}),

final as (

    select
        recomputed.region_code,
        recomputed.city_text,
        recomputed.year,
        recomputed.indicator_code,
        recomputed.canonical_unit_code,
        recomputed.recomputed_value,
        published.published_value,
        recomputed.recomputed_value - published.published_value as difference,
        round(100.0 * (recomputed.recomputed_value - published.published_value)
              / nullif(published.published_value, 0), 1) as difference_pct,
        tolerances.tolerance_kind,
        tolerances.tolerance,
        case tolerances.tolerance_kind
            when 'relative_pct' then abs(recomputed.recomputed_value - published.published_value)
                <= tolerances.tolerance / 100.0 * abs(published.published_value)
            else abs(recomputed.recomputed_value - published.published_value) <= tolerances.tolerance
        end as is_within_tolerance,
        stations.stations_used,
        recomputed.recomputed_is_complete,
        recomputed.incomplete_reason,
        recomputed.aqi_valid_days,
        published.area_scope_code as published_area_scope_code,
        published.source_file as published_source_file,
        published.quote as published_quote
    from recomputed
    join published
        on published.region_code = recomputed.region_code
        and published.year = recomputed.year
        and published.indicator_code = recomputed.indicator_code
    left join tolerances on tolerances.indicator_code = recomputed.indicator_code
    left join stations
        on stations.city_text = recomputed.city_text and stations.year = recomputed.year

)

select * from final
