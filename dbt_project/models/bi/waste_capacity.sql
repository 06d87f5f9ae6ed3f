/* grain: one row per region × year × facility type — the preferred row of
   marts.fct_waste_capacity_summary (a stated total beats a partial facility sum; facility rows
   only when they cover every stated figure or nothing is stated). A region × year × type whose
   only figure is a partial facility sum has no row here (see fct_waste_capacity_summary). */
select
    summary.region_code,
    regions.name_zh as region_name_zh,
    regions.name_en as region_name_en,
    regions.level as region_level,
    cast(summary.year as integer) as year,
    make_date(cast(summary.year as integer), 1, 1) as year_start_date,
    summary.facility_type_code,
    types.name_zh as facility_type_name_zh,
    types.name_en as facility_type_name_en,
    cast(summary.facility_count as integer) as facility_count,
    summary.capacity_t_per_day,
    summary.basis,
    summary.completeness,
    summary.source_files,
    summary.quote
from {{ ref('fct_waste_capacity_summary') }} as summary
left join {{ ref('dim_region') }} as regions on summary.region_code = regions.region_code
left join {{ ref('dim_waste_facility_type') }} as types
    on summary.facility_type_code = types.facility_type_code
where summary.is_preferred
