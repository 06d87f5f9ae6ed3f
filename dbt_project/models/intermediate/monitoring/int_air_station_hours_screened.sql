{# sync_all_columns: a warehouse built before a column change keeps its rows (only the daily
   facts read this table, and only for the days they recompute, which are rewritten here) #}
{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key='observation_date', on_schema_change='sync_all_columns') }}
/* grain: one row per landed line (station × hour × source file), wide: each pollutant in its
   canonical unit (µg/m³; CO mg/m³) with a qc flag, and which line wins a station-hour that two
   files (or two lines) hold: the one with the most pollutants measured, then the earlier file
   name, then the earlier line. A build rewrites the landed days and the day either side
   (constant runs and spikes across midnight), reading one more day either side.

   Speed (~15 M lines a national year): the windows sort only the narrow columns they need (no
   station names, units or hashes: fct_air_station_hourly joins the units), and one sort of the preferred
   lines by station × hour serves every window — constant runs, spikes and the O3 8-hour moving
   mean that fct_air_station_daily takes its MDA8 from. */
{%- set pollutants = air_pollutants() %}
{%- set run = var('qc_constant_run_hours') %}
with

landed as (

    select distinct observation_date
    from {{ ref('stg_air_quality__station_hourly') }}
    where {{ monitoring_touched_dates(ref('stg_air_quality__station_hourly')) }}

),

touched as (

    -- the days written: a landed day and the day either side, whose constant runs and spikes
    -- across midnight the landed hours can change (a run is at most N - 1 hours on either side)
    select distinct observation_date + cast(offset_days as integer) as observation_date
    from landed cross join range(-1, 2) as offsets(offset_days)

),

read_days as (

    -- the days read: the written days and one more either side, for their windows
    select distinct observation_date + cast(offset_days as integer) as observation_date
    from landed cross join range(-2, 3) as offsets(offset_days)

),

hours as (

    select
        station_code,
        observed_at,
        observation_date,
        {%- for p in pollutants %}
        {{ p }}_reported,
        {%- endfor %}
        layout_code,
        source_file,
        source_row_number,
        landing_batch
    from {{ ref('stg_air_quality__station_hourly') }}
    where observation_date in (select observation_date from read_days)

),

layout_factors as (

    select
        layout_code,
        {%- for p in pollutants %}
        max(case when pollutant_code = '{{ p }}' then factor_to_base end)
            / {{ 1000 if p == 'co' else 1 }} as {{ p }}_factor{{ "," if not loop.last }}
        {%- endfor %}
    from {{ ref('stg_air_quality__layout_units') }}
    group by layout_code

),

top_breakpoints as (

    select
        applies_from,
        applies_to,
        {%- for p in pollutants %}
        max(case when pollutant_code = '{{ p }}' then bp_hi end) as {{ p }}_top{{ "," if not loop.last }}
        {%- endfor %}
    from {{ ref('int_air_iaqi_segments') }}
    group by applies_from, applies_to

),

rules as (

    {{ air_monitoring_rules({
        'qc_spike_ratio': 'spike_ratio',
        'qc_spike_min_ug_m3': 'spike_min_ug_m3',
        'qc_spike_min_co_mg_m3': 'spike_min_co_mg_m3',
    }) }}

),

converted as (

    select
        hours.*,
        {%- for p in pollutants %}
        hours.{{ p }}_reported * layout_factors.{{ p }}_factor as {{ p }}_value,
        {%- endfor %}
        (
            {%- for p in pollutants %}
            cast(hours.{{ p }}_reported is not null as integer){{ " +" if not loop.last }}
            {%- endfor %}
        ) as pollutants_measured
    from hours
    join layout_factors using (layout_code)

),

ranked as (

    select
        * exclude (pollutants_measured),
        count(*) over station_hour as lines_for_station_hour,
        row_number() over (
            partition by station_code, observed_at
            order by pollutants_measured desc, source_file, source_row_number
        ) = 1 as is_preferred
    from converted
    window station_hour as (partition by station_code, observed_at)

),

windowed as (

    -- one sort of the preferred lines (one per station-hour) serves every window; other lines
    -- get none
    select
        *,
        {%- for p in pollutants %}
        -- a constant run: this hour lies in N or more consecutive lines of the same value — the
        -- equal lines just before it and just after it (up to N - 1 each way) add up to N - 1
        {{ p }}_value is not null and (
            case
                {%- for k in range(1, run) %}
                when {{ p }}_value is distinct from lag({{ p }}_value, {{ k }}) over by_hour then {{ k - 1 }}
                {%- endfor %}
                else {{ run - 1 }}
            end
            + case
                {%- for k in range(1, run) %}
                when {{ p }}_value is distinct from lead({{ p }}_value, {{ k }}) over by_hour then {{ k - 1 }}
                {%- endfor %}
                else {{ run - 1 }}
            end
        ) >= {{ run - 1 }} as {{ p }}_in_run,
        lag({{ p }}_value) over by_hour as {{ p }}_prev,
        lead({{ p }}_value) over by_hour as {{ p }}_next,
        {%- endfor %}
        -- the O3 8-hour moving mean ending this hour over the hours that count (not missing,
        -- not negative); from 07:00 on its hours are the same day's (the MDA8 windows)
        {{ exact_avg('case when o3_value >= 0 then o3_value end') }} over eight_hours
            as o3_8h_mean_ug_m3,
        count(case when o3_value >= 0 then o3_value end) over eight_hours as o3_8h_hours
    from ranked
    where is_preferred
    window
        by_hour as (partition by station_code order by observed_at),
        eight_hours as (partition by station_code order by observed_at
                        range between interval 7 hours preceding and current row)

    union all by name

    select * from ranked where not is_preferred

),

flagged as (

    select
        w.station_code,
        w.observed_at,
        w.observation_date,
        {%- for p in pollutants %}
        w.{{ p }}_reported,
        w.{{ p }}_value,
        case
            when w.{{ p }}_value is null then 'missing'
            when w.{{ p }}_value < 0 then 'negative'
            when w.{{ p }}_value > top_breakpoints.{{ p }}_top then 'above_top_breakpoint'
            when w.{{ p }}_in_run then 'constant_run'
            when w.{{ p }}_prev is not null and w.{{ p }}_next is not null
                 and w.{{ p }}_value > rules.spike_ratio * (w.{{ p }}_prev + w.{{ p }}_next) / 2
                 and w.{{ p }}_value - (w.{{ p }}_prev + w.{{ p }}_next) / 2
                     > {{ 'rules.spike_min_co_mg_m3' if p == 'co' else 'rules.spike_min_ug_m3' }}
                then 'spike'
            else 'valid'
        end as {{ p }}_qc_flag,
        {%- endfor %}
        w.o3_8h_mean_ug_m3,
        w.o3_8h_hours,
        w.lines_for_station_hour,
        w.is_preferred,
        w.layout_code,
        w.source_file,
        w.source_row_number,
        w.landing_batch
    from windowed as w
    cross join rules
    join top_breakpoints
        on w.observation_date between top_breakpoints.applies_from and top_breakpoints.applies_to
    where w.observation_date in (select observation_date from touched)

)

select * from flagged
