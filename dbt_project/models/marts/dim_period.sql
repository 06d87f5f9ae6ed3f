/* One row per reporting period: every year, quarter, month, year-to-date span and day of
   the calendar (vars calendar_first_year..calendar_last_year in dbt_project.yml, which the
   parsers also enforce), plus any other month range or multi-year span (a carbon-market
   compliance period, an autumn-winter campaign 2019-10..2020-03 stated in a report, a year
   or month before the calendar that report prose quotes) that a source reports; and the -1
   member. */
{% set first_year = var('calendar_first_year') %}
{% set last_year = var('calendar_last_year') %}
with

years as (select range as year from range({{ first_year }}, {{ last_year }} + 1)),

months as (select range as month from range(1, 13)),

calendar as (

    select
        cast(year as varchar) as period_code, 'year' as period_type,
        make_date(year, 1, 1) as start_date, make_date(year, 12, 31) as end_date
    from years
    union all
    select
        year || '-Q' || q, 'quarter',
        make_date(year, 3 * q - 2, 1), last_day(make_date(year, 3 * q, 1))
    from years cross join (select range as q from range(1, 5))
    union all
    select
        year || '-' || lpad(month::varchar, 2, '0'), 'month',
        make_date(year, month, 1), last_day(make_date(year, month, 1))
    from years cross join months
    union all
    select
        year || '-01..' || year || '-' || lpad(month::varchar, 2, '0'), 'ytd',
        make_date(year, 1, 1), last_day(make_date(year, month, 1))
    from years cross join months
    where month between 2 and 11
    union all
    select
        strftime(day, '%Y-%m-%d'), 'day', cast(day as date), cast(day as date)
    from generate_series(
        make_date({{ first_year }}, 1, 1), make_date({{ last_year }}, 12, 31), interval 1 day
    ) as t (day)

),

observed as (

    select distinct
        period_code, period_type, period_start_date as start_date, period_end_date as end_date
    from (
        select period_code, period_type, period_start_date, period_end_date
        from {{ ref('int_air_quality_observations_unioned') }}
        union all
        select period_code, period_type, period_start_date, period_end_date
        from {{ ref('stg_carbon_market__figures') }}
        union all
        select period_code, period_type, period_start_date, period_end_date
        from {{ ref('stg_water__section_assessments') }}
        union all
        -- a period stated in report prose that the calendar lacks: a span of months across a
        -- new year (an autumn-winter campaign, October to March; orchestration.parsing.periods.
        -- months_across), or a year or month before the calendar (a city's bulletin quoting
        -- a figure of a year long past beside this year's)
        select
            period_code,
            case length(period_code) when 4 then 'year' when 7 then 'month' else 'range' end,
            make_date(cast(period_code[1:4] as integer),
                coalesce(try_cast(period_code[6:7] as integer), 1), 1),
            case length(period_code)
                when 4 then make_date(cast(period_code as integer), 12, 31)
                else last_day(make_date(cast(period_code[-7:-4] as integer),
                    cast(period_code[-2:] as integer), 1))
            end
        from {{ ref('stg_reports__facts') }}
        where regexp_full_match(period_code, '[0-9]{4}(-[0-9]{2}(\.\.[0-9]{4}-[0-9]{2})?)?')
    )
    where period_code not in (select period_code from calendar)

),

periods as (

    select * from calendar
    union all
    select * from observed

),

final as (

    select
        {{ surrogate_key(['period_code']) }} as period_key,
        period_code,
        period_type,
        start_date,
        end_date,
        year(start_date) as year,
        case when period_type in ('quarter', 'month', 'day') then quarter(start_date) end
            as quarter,
        case when period_type in ('month', 'day') then month(start_date) end as month,
        date_diff('month', start_date, end_date) + 1 as month_count,
        case period_type
            when 'year' then year(start_date) || '年'
            when 'quarter' then year(start_date) || '年第' || quarter(start_date) || '季度'
            when 'month' then year(start_date) || '年' || month(start_date) || '月'
            when 'day' then strftime(start_date, '%Y年%-m月%-d日')
            when 'multi_year' then year(start_date) || '-' || year(end_date) || '年度'
            else case when year(start_date) = year(end_date)
                then year(start_date) || '年' || month(start_date) || '-' || month(end_date) || '月'
                else strftime(start_date, '%Y年%-m月') || '-' || strftime(end_date, '%Y年%-m月')
            end
        end as label_zh

    from periods

)

select * from final
union all
select '-1', '-1', 'unknown', null, null, null, null, null, null, '未知'
