/* Report facts with their order among the statements of the same grain and kind: a document
   may state one figure twice (a summary and a section), or split it (85段、13段).
   indicator_ref names the indicator of the grain: its code, or for an open-vocabulary fact (no
   code) its stated name, so two unclaimed names never share a grain. */
with

facts as (select * from {{ ref('stg_reports__facts') }}),

referenced as (

    select
        *,
        coalesce(indicator_code, 'name:' || indicator_name_zh) as indicator_ref,
        case when indicator_code is null then indicator_name_zh end as indicator_name_stated
    from facts

),

ranked as (

    select
        *,
        cast(left(period_code, 4) as integer) as period_year,
        row_number() over (
            partition by indicator_ref, region_code, period_code, source_file, fact_kind
            order by char_start
        ) as statement_order,
        count(*) over (
            partition by indicator_ref, region_code, period_code, source_file, fact_kind
        ) as statement_count,
        string_agg(
            cast(value_reported as varchar) || ' ' || unit_code_reported, '; '
            order by char_start
        ) over (
            partition by indicator_ref, region_code, period_code, source_file, fact_kind
        ) as values_stated

    from referenced

)

select * from ranked
