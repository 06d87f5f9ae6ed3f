{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key='year', on_schema_change='fail') }}
/* grain: one row per city × calendar year (HJ 663-2013 annual evaluation of the city's daily
   values in fct_air_city_daily). Annual means of PM2.5, PM10, SO2, NO2 need ≥ 324 valid days in
   the year and ≥ 27 in every month (February ≥ 25) (GB 3095 表4); percentiles of the daily values
   (SO2, NO2 98th; PM10, PM2.5, CO 95th; O3 MDA8 90th — seeds/standards_hj663_2013_annual_evaluation)
   by HJ 663's rule k = 1 + (n − 1)·p, linear between the neighbours (= DuckDB quantile_cont);
   days per AQI category over days with a complete AQI; exceedance days against the 24-hour
   (O3: MDA8) grade II limit; compliance against the grade II limits in force that year
   (GB 3095-2012 up to 2025 — also applied to 2013–2015, before its national date, as Beijing and
   the first 74 cities did from 2013-01-01 — and the 2026 transitional limits after). */
{%- set annual_mean = ['pm2_5', 'pm10', 'so2', 'no2'] %}
{%- set percentile = {'pm2_5': ('pm2_5_24h', 0.95, 'PM2.5', '24h', 'ug_m3'),
                      'pm10': ('pm10_24h', 0.95, 'PM10', '24h', 'ug_m3'),
                      'so2': ('so2_24h', 0.98, 'SO2', '24h', 'ug_m3'),
                      'no2': ('no2_24h', 0.98, 'NO2', '24h', 'ug_m3'),
                      'co': ('co_24h', 0.95, 'CO', '24h', 'mg_m3'),
                      'o3': ('o3_mda8', 0.90, 'O3', 'max_daily_8h', 'ug_m3')} %}
with

days as (

    select
        *,
        year(observation_date) as year,
        month(observation_date) as month,
        {%- for p, (stat, q, name, averaging, unit) in percentile.items() %}
        {{ stat }}_{{ unit }} as {{ p }}_day{{ "," if not loop.last }}
        {%- endfor %}
    from {{ ref('fct_air_city_daily') }}
    {%- if is_incremental() %}
    where year(observation_date) in (
        select distinct year(observation_date)
        from {{ ref('fct_air_city_daily') }}
        where landing_batch > (select coalesce(max(landing_batch), 0) from {{ this }})
    )
    {%- endif %}

),

rules as (

    {{ air_monitoring_rules({
        'annual_min_valid_days': 'min_year_days',
        'monthly_min_valid_days': 'min_month_days',
        'february_min_valid_days': 'min_feb_days',
    }) }}

),

limits as (

    -- grade II limits by year; a year before GB 3095-2012's national date takes GB 3095-2012
    select
        years.year,
        limits.pollutant,
        limits.averaging,
        limits.limit_value,
        limits.standard_code,
        years.year < limits.first_assessment_year as is_applied_early
    from (select distinct year from days) as years
    join {{ ref('int_air_quality_limits_in_force') }} as limits
        on limits.grade = 'II'
        and (years.year between limits.first_assessment_year and limits.last_assessment_year
             or (limits.standard_code = 'GB 3095-2012' and years.year < limits.first_assessment_year))

),

months as (

    select
        city_text,
        year,
        month,
        {%- for p in annual_mean %}
        count(*) filter (where {{ percentile[p][0] }}_is_valid) as {{ p }}_valid_days{{ "," if not loop.last }}
        {%- endfor %}
    from days
    group by city_text, year, month

),

month_gaps as (

    -- every month of the year, also those with no row at all
    select
        all_months.city_text,
        all_months.year,
        {%- for p in annual_mean %}
        string_agg(
            case when coalesce(months.{{ p }}_valid_days, 0)
                      < case when all_months.month = 2 then rules.min_feb_days else rules.min_month_days end
                 then lpad(cast(all_months.month as varchar), 2, '0') || ' (' || coalesce(months.{{ p }}_valid_days, 0) || ')'
            end, ', ' order by all_months.month) as {{ p }}_short_months{{ "," if not loop.last }}
        {%- endfor %}
    from (
        select distinct city_text, year, unnest(range(1, 13)) as month from days
    ) as all_months
    cross join rules
    left join months using (city_text, year, month)
    group by all_months.city_text, all_months.year

),

annual as (

    select
        days.city_text,
        any_value(days.region_code) as region_code,
        any_value(days.region_key) as region_key,
        days.year,
        count(*) as days_reported,
        {%- for p, (stat, q, name, averaging, unit) in percentile.items() %}
        count(*) filter (where {{ stat }}_is_valid) as {{ p }}_valid_days,
        {%- if p in annual_mean %}
        {{ exact_avg(p ~ "_day") }} filter (where {{ stat }}_is_valid) as {{ p }}_annual_mean_{{ unit }},
        {%- endif %}
        quantile_cont({{ p }}_day, {{ q }}) filter (where {{ stat }}_is_valid)
            as {{ p }}_{{ stat.split('_')[-1] if p == 'o3' else '24h' }}_p{{ (q * 100) | int }}_{{ unit }},
        count(*) filter (
            where {{ stat }}_is_valid
            and round_even({{ p }}_day, {{ 1 if p == 'co' else 0 }}) > (
                select limit_value from limits
                where limits.year = days.year and limits.pollutant = '{{ name }}'
                  and limits.averaging = '{{ averaging }}')
        ) as {{ p }}_exceedance_days,
        {%- endfor %}
        count(*) filter (where is_aqi_complete) as aqi_valid_days,
        count(*) filter (where is_aqi_complete and aqi <= 100) as good_days,
        {%- for level in range(1, 7) %}
        count(*) filter (where is_aqi_complete and aqi_level = {{ level }}) as aqi_level_{{ level }}_days,
        {%- endfor %}
        max(landing_batch) as landing_batch
    from days
    group by days.city_text, days.year

),

final as (

    select
        {{ surrogate_key(['annual.city_text', 'annual.year']) }} as city_year_key,
        annual.city_text,
        annual.region_code,
        annual.region_key,
        annual.year,
        annual.days_reported,
        {%- for p, (stat, q, name, averaging, unit) in percentile.items() %}
        annual.{{ p }}_valid_days,
        {%- if p in annual_mean %}
        annual.{{ p }}_valid_days >= rules.min_year_days
            and month_gaps.{{ p }}_short_months is null as {{ p }}_is_complete,
        annual.{{ p }}_annual_mean_{{ unit }},
        {%- endif %}
        annual.{{ p }}_{{ stat.split('_')[-1] if p == 'o3' else '24h' }}_p{{ (q * 100) | int }}_{{ unit }},
        annual.{{ p }}_exceedance_days,
        {%- endfor %}
        annual.aqi_valid_days,
        annual.good_days,
        round(100.0 * annual.good_days / nullif(annual.aqi_valid_days, 0), 1) as good_days_pct,
        {%- for level in range(1, 7) %}
        annual.aqi_level_{{ level }}_days,
        {%- endfor %}
        annual.aqi_level_5_days + annual.aqi_level_6_days as heavy_pollution_days,
        {%- for p in annual_mean %}
        annual.{{ p }}_valid_days >= rules.min_year_days
            and month_gaps.{{ p }}_short_months is null{{ " and" if not loop.last }}
        {%- endfor %} as is_complete,
        nullif(concat_ws('; ',
            {%- for p in annual_mean %}
            case when annual.{{ p }}_valid_days < rules.min_year_days
                 then '{{ p }}: ' || annual.{{ p }}_valid_days || ' valid days < ' || cast(rules.min_year_days as integer) end,
            case when month_gaps.{{ p }}_short_months is not null
                 then '{{ p }}: months short of valid days: ' || month_gaps.{{ p }}_short_months end{{ "," if not loop.last }}
            {%- endfor %}
        ), '') as incomplete_reason,
        {%- for p in annual_mean %}
        case when annual.{{ p }}_valid_days >= rules.min_year_days and month_gaps.{{ p }}_short_months is null
             then round_even(annual.{{ p }}_annual_mean_ug_m3, 0) <= (
                select limit_value from limits where limits.year = annual.year
                  and limits.pollutant = '{{ percentile[p][2] }}' and limits.averaging = 'annual')
        end as {{ p }}_meets_annual_limit,
        {%- endfor %}
        round_even(annual.co_24h_p95_mg_m3, 1) <= (
            select limit_value from limits where limits.year = annual.year
              and limits.pollutant = 'CO' and limits.averaging = '24h') as co_p95_meets_24h_limit,
        round_even(annual.o3_mda8_p90_ug_m3, 0) <= (
            select limit_value from limits where limits.year = annual.year
              and limits.pollutant = 'O3' and limits.averaging = 'max_daily_8h') as o3_p90_meets_mda8_limit,
        (select any_value(standard_code) from limits where limits.year = annual.year) as limit_standard_code,
        (select bool_or(is_applied_early) from limits where limits.year = annual.year) as limit_applied_before_national_date,
        annual.landing_batch
    from annual
    cross join rules
    left join month_gaps using (city_text, year)

)

select * from final
