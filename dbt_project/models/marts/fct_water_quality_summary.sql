/* grain: one row per region × period × source document (one list of sections) — sections listed,
   the network they belong to where the source states its size, what kind of list the source is
   (seeds/water_section_lists.csv: complete, or an exceedance list naming only failing sections)
   and, for a complete list only, share Ⅰ–Ⅲ (优良比例), share 劣Ⅴ and share meeting target,
   comparable with the ratios reports state. A partial list never produces a share: the shares are
   null and share_null_reason says why. A section known only as "worse than Ⅲ" counts as not good;
   its 劣Ⅴ status is unknown, so the 劣Ⅴ share counts only sections known to be 劣Ⅴ. */
with

assessments as (select * from {{ ref('fct_water_section_assessment') }}),

lists as (select * from {{ ref('water_section_lists') }}),

counted as (

    select
        region_code,
        period_code,
        source_file,
        count(*) as sections_listed,
        count(*) filter (where is_good_class_i_to_iii) as sections_good,
        count(*) filter (where is_worse_than_v) as sections_worse_than_v,
        count(*) filter (where meets_target is not null) as sections_with_target,
        count(*) filter (where meets_target) as sections_meeting_target
    from assessments
    group by region_code, period_code, source_file

),

described as (

    select
        counted.*,
        lists.list_kind,
        case
            when lists.network_region_code = counted.region_code
                then lists.network_section_count
        end as network_section_count,
        case
            when lists.list_kind is null
                then 'no list_kind declared for this file in seeds/water_section_lists.csv'
            when lists.list_kind <> 'complete'
                then lists.list_kind || ' list: the source names only some sections of its network ('
                    || counted.sections_listed || ' of '
                    || coalesce(cast(lists.network_section_count as varchar), 'an unstated number')
                    || '); a share of them is not a share of the network'
            when lists.network_region_code = counted.region_code
                and lists.network_section_count <> counted.sections_listed
                then 'complete list, but ' || counted.sections_listed || ' sections listed of a '
                    || lists.network_section_count || '-section network'
        end as share_null_reason

    from counted
    left join lists on counted.source_file = lists.source_file

)

select
    {{ surrogate_key(['region_code', 'period_code', 'source_file']) }} as water_summary_key,
    region_code,
    period_code,
    source_file,
    list_kind,
    sections_listed,
    network_section_count,
    round(100.0 * sections_listed / network_section_count, 1) as network_coverage_pct,
    case when share_null_reason is null
        then round(100.0 * sections_good / sections_listed, 1) end as good_share_pct,
    case when share_null_reason is null
        then round(100.0 * sections_worse_than_v / sections_listed, 1) end as worse_than_v_share_pct,
    sections_with_target,
    case when share_null_reason is null
        then round(100.0 * sections_meeting_target / nullif(sections_with_target, 0), 1)
    end as meets_target_share_pct,
    share_null_reason
from described
