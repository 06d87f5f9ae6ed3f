/* grain: one row per region × period — the section list of marts.fct_water_quality_summary
   that speaks for the region and period: a complete list before an exceedance list, then the
   longer list, then the file name. Coverage (list kind, sections listed, network size) comes
   with every row; the shares are null for a partial list, and share_null_reason says why. */
with

summaries as (select * from {{ ref('fct_water_quality_summary') }}),

ranked as (

    select
        *,
        count(*) over grain as lists_available,
        row_number() over (
            grain order by case list_kind when 'complete' then 1 else 2 end,
                sections_listed desc, source_file
        ) as preference_order
    from summaries
    window grain as (partition by region_code, period_code)

)

select
    ranked.region_code,
    regions.name_zh as region_name_zh,
    regions.name_en as region_name_en,
    ranked.period_code,
    periods.period_type,
    periods.start_date as period_start_date,
    periods.end_date as period_end_date,
    ranked.list_kind,
    cast(ranked.sections_listed as integer) as sections_listed,
    ranked.network_section_count,
    ranked.network_coverage_pct,
    ranked.good_share_pct,
    ranked.worse_than_v_share_pct,
    cast(ranked.sections_with_target as integer) as sections_with_target,
    ranked.meets_target_share_pct,
    ranked.share_null_reason,
    cast(ranked.lists_available as integer) as lists_available,
    ranked.source_file
from ranked
left join {{ ref('dim_region') }} as regions on ranked.region_code = regions.region_code
left join {{ ref('dim_period') }} as periods on ranked.period_code = periods.period_code
where ranked.preference_order = 1
