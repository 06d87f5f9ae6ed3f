/* grain: one row per region × period (as the assessments state them) — sections assessed, share
   Ⅰ–Ⅲ (优良比例), share 劣Ⅴ and share meeting target, comparable with the ratios reports state.
   A section known only as "worse than Ⅲ" counts as not good; its 劣Ⅴ status is unknown, so the
   劣Ⅴ share counts only sections known to be 劣Ⅴ. */
select
    {{ surrogate_key(['region_code', 'period_code']) }} as water_summary_key,
    region_code,
    period_code,
    count(*) as sections_assessed,
    round(100.0 * count(*) filter (where is_good_class_i_to_iii) / count(*), 1) as good_share_pct,
    round(100.0 * count(*) filter (where is_worse_than_v) / count(*), 1) as worse_than_v_share_pct,
    count(*) filter (where meets_target is not null) as sections_with_target,
    round(100.0 * count(*) filter (where meets_target)
        / nullif(count(*) filter (where meets_target is not null), 0), 1) as meets_target_share_pct
from {{ ref('fct_water_section_assessment') }}
group by region_code, period_code
