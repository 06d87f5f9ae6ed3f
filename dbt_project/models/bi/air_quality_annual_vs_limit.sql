/* grain: one row per region × year × indicator × grade (I, II) — each annual concentration of
   marts.mart_air_quality_annual_vs_limit against the GB 3095 limit in force that year, one per
   grain: a transcribed table beats the same figure read from report prose; then the region as a
   whole before a set of its cities, then the file name. Figures of
   no single region (京津冀及周边地区, 汾渭平原: region_code null) stay in the mart only: a
   region-keyed view cannot hold them apart. */
with

compared as (

    select * from {{ ref('mart_air_quality_annual_vs_limit') }}
    where region_code is not null

),

ranked as (

    select
        *,
        count(*) over grain as sources_stating,
        row_number() over (
            grain order by case basis when 'table' then 1 else 2 end,
                case coalesce(area_scope_code, 'whole_region')
                    when 'whole_region' then 1 when 'prefecture_cities' then 2 else 3 end,
                source_file
        ) as preference_order
    from compared
    window grain as (partition by region_code, year, indicator_code, grade)

)

select
    ranked.region_code,
    regions.name_zh as region_name_zh,
    regions.name_en as region_name_en,
    cast(ranked.year as integer) as year,
    make_date(cast(ranked.year as integer), 1, 1) as year_start_date,
    ranked.indicator_code,
    indicators.name_zh as indicator_name_zh,
    indicators.name_en as indicator_name_en,
    ranked.grade,
    ranked.value_canonical as value,
    ranked.canonical_unit_code as unit_code,
    ranked.comparator,
    ranked.limit_value,
    ranked.standard_code,
    ranked.exceeds_limit,
    ranked.ratio_to_limit,
    ranked.basis,
    ranked.area_scope_code,
    cast(ranked.sources_stating as integer) as sources_stating,
    ranked.source_file,
    ranked.quote
from ranked
left join {{ ref('dim_region') }} as regions on ranked.region_code = regions.region_code
left join {{ ref('dim_indicator') }} as indicators
    on ranked.indicator_code = indicators.indicator_code
where ranked.preference_order = 1
