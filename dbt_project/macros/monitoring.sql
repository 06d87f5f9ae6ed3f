{# Helpers of the monitoring marts (station-hour → day → year). #}

{% macro air_pollutants() %}{{ return(['pm2_5', 'pm10', 'so2', 'no2', 'co', 'o3']) }}{% endmacro %}

{% macro air_canonical_unit(pollutant) %}{{ return('mg_m3' if pollutant == 'co' else 'ug_m3') }}{% endmacro %}

{#
  Incremental models of the monitoring chain recompute whole days: the dates of `upstream` rows
  landed after the newest `landing_batch` already in this model (a re-landed or new file). A first
  build, or `envwh build --full-refresh`, computes everything; a removed file needs a full
  refresh (its days are not revisited).
#}
{% macro monitoring_touched_dates(upstream, date_column='observation_date') %}
    {%- if is_incremental() -%}
        {{ date_column }} in (
            select distinct observation_date
            from {{ upstream }}
            where landing_batch > (select coalesce(max(landing_batch), 0)
                               from {{ this }})
        )
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}

{#
  Daily IAQI / AQI (HJ 633) for a relation with one row per <keys> × day and the daily
  statistics as columns: <p>_24h (pm2_5, pm10, so2, no2, co), o3_mda8, o3_1h_max, each with
  <stat>_is_valid. Concentrations are rounded (GB/T 8170, half to even: µg/m³ to integers, CO
  to 0.1 mg/m³) before the breakpoints of the edition in force that day; IAQI is rounded up
  (as aqi-hub and the C# AQIHelper cited in the seeds do). Above the top breakpoint IAQI is 500
  (flagged), except O3 8-h above 800 µg/m³: no IAQI, the 1-hour one reports it (HJ 633 表1
  note 3). A 1-hour table marked 仅用于实时报 is not used for a daily AQI.
#}
{% macro air_daily_aqi(relation, keys) %}
{%- set stats = [('pm2_5', 'pm2_5_24h', '24h'), ('pm10', 'pm10_24h', '24h'),
                 ('so2', 'so2_24h', '24h'), ('no2', 'no2_24h', '24h'), ('co', 'co_24h', '24h'),
                 ('o3', 'o3_mda8', '8h'), ('o3', 'o3_1h_max', '1h')] %}
    with

    stats_long as (
        {%- for pollutant, stat, averaging in stats %}
        select
            {{ keys | join(', ') }},
            observation_date,
            '{{ pollutant }}' as pollutant_code,
            '{{ stat }}' as stat_code,
            '{{ averaging }}' as averaging_code,
            round_even({{ stat }}, {{ 1 if pollutant == 'co' else 0 }}) as concentration
        from {{ relation }}
        where {{ stat }}_is_valid
        {{ "union all" if not loop.last }}
        {%- endfor %}
    ),

    scored as (
        select
            stats_long.*,
            segments.standard_code,
            max(segments.bp_hi) over (partition by stats_long.pollutant_code, stats_long.averaging_code, segments.standard_code) as top,
            ceil((segments.iaqi_hi - segments.iaqi_lo) / (segments.bp_hi - segments.bp_lo)
                 * (stats_long.concentration - segments.bp_lo) + segments.iaqi_lo) as iaqi,
            segments.used_for_daily
        from stats_long
        join {{ ref('int_air_iaqi_segments') }} as segments
            on segments.pollutant_code = stats_long.pollutant_code
            and segments.averaging_code = stats_long.averaging_code
            and stats_long.observation_date between segments.applies_from and segments.applies_to
            and (stats_long.concentration between segments.bp_lo and segments.bp_hi
                 or (segments.iaqi_hi = 500 and stats_long.concentration > segments.bp_hi))
        qualify row_number() over (
            partition by {{ keys | join(', ') }}, stats_long.observation_date, stats_long.stat_code
            order by segments.iaqi_lo) = 1
    ),

    capped as (
        select
            *,
            concentration > top as is_beyond_scale,
            case when concentration > top then 500 else iaqi end as iaqi_capped
        from scored
        where used_for_daily
    ),

    per_day as (
        select
            {{ keys | join(', ') }},
            observation_date,
            any_value(standard_code) as aqi_standard_code,
            {%- for pollutant, stat, averaging in stats %}
            cast(max(case when stat_code = '{{ stat }}' then iaqi_capped end) as integer) as {{ stat }}_iaqi,
            {%- endfor %}
            max(iaqi_capped) as aqi,
            bool_or(is_beyond_scale) as aqi_beyond_scale,
            count(distinct pollutant_code) as pollutants_with_iaqi
        from capped
        group by {{ keys | join(', ') }}, observation_date
    ),

    with_primary as (
        select
            per_day.*,
            -- HJ 633: when AQI > 50, the pollutant(s) with the largest IAQI (O3 once)
            case when aqi > 50 then array_to_string(list_sort(list_distinct(list_filter([
                {%- for pollutant, stat, averaging in stats %}
                case when {{ stat }}_iaqi = aqi then '{{ pollutant }}' end{{ "," if not loop.last }}
                {%- endfor %}
            ], lambda x: x is not null))), ',') end as primary_pollutants,
            categories.aqi_level,
            categories.category_zh as aqi_category_zh,
            categories.category_en as aqi_category_en
        from per_day
        left join {{ ref('int_air_aqi_categories') }} as categories
            on per_day.aqi between categories.aqi_min and categories.aqi_max
    )

    select * from with_primary
{% endmacro %}


{# The AQI columns a daily fact takes from air_daily_aqi's relation `aqi`, named as the station
   and city daily facts publish them (IAQI per pollutant, AQI, category, primary pollutants). #}
{% macro air_daily_aqi_columns(aqi='aqi') %}
        {%- for p in ['pm2_5', 'pm10', 'so2', 'no2', 'co'] %}
        {{ aqi }}.{{ p }}_24h_iaqi as {{ p }}_iaqi,
        {%- endfor %}
        {{ aqi }}.o3_mda8_iaqi as o3_8h_iaqi,
        {{ aqi }}.o3_1h_max_iaqi as o3_1h_iaqi,
        cast({{ aqi }}.aqi as integer) as aqi,
        {{ aqi }}.aqi_level,
        {{ aqi }}.aqi_category_zh,
        {{ aqi }}.aqi_category_en,
        {{ aqi }}.primary_pollutants,
        coalesce({{ aqi }}.pollutants_with_iaqi, 0) as pollutants_with_iaqi,
        coalesce({{ aqi }}.pollutants_with_iaqi, 0) = 6 as is_aqi_complete,
        coalesce({{ aqi }}.aqi_beyond_scale, false) as aqi_beyond_scale,
        {{ aqi }}.aqi_standard_code,
{%- endmacro %}


{# A mean whose result does not depend on the order DuckDB's threads add the values in: the sum
   is exact in DECIMAL (6 decimals: hourly values are published to 3 at most), so every rebuild
   of the same hours gives the same bits (a DOUBLE sum differs in its last bits from run to run). #}
{% macro exact_avg(expression) %}avg(cast({{ expression }} as decimal(18, 6))){% endmacro %}


{# One row of the screening and validity rules of seeds/air_monitoring_rules.csv, a column per
   rule: `rules` maps a rule_code to the column name the model uses. #}
{% macro air_monitoring_rules(rules) %}
    select
        {%- for code, column in rules.items() %}
        max(case when rule_code = '{{ code }}' then value end) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ ref('air_monitoring_rules') }}
{%- endmacro %}
