/* grain: one row per region × year × facility type × basis (facility_rows or stated_aggregate)
   — facility rows: operating facilities of the region (prefecture, and rolled up to province)
   as last stated in that year; stated aggregates: counts and capacities a report states. */
with

snapshots as (select * from {{ ref('fct_waste_facility_snapshot') }}),

regions as (select region_code, parent_region_code, level from {{ ref('dim_region') }}),

inventory as (select * from {{ ref('stg_waste__regional_inventory') }}),

units as (select unit_code, factor_to_base, base_unit_code from {{ ref('units') }}),

latest_in_year as (

    select *
    from snapshots
    qualify row_number() over (
        partition by facility_code, year(as_of_date) order by as_of_date desc, source_file
    ) = 1

),

operating as (

    select latest_in_year.*, regions.parent_region_code as province_code
    from latest_in_year
    inner join regions on latest_in_year.region_code = regions.region_code
    where status_code = 'operating'

),

from_facilities as (

    select region_code, year(as_of_date) as year, facility_type_code,
        count(*) as facility_count, sum(capacity_t_per_day) as capacity_t_per_day,
        string_agg(source_file, '; ' order by source_file) as source_files
    from operating
    group by region_code, year(as_of_date), facility_type_code
    union all
    select province_code, year(as_of_date), facility_type_code,
        count(*), sum(capacity_t_per_day), string_agg(source_file, '; ' order by source_file)
    from operating
    group by province_code, year(as_of_date), facility_type_code

),

from_reports as (

    select
        inventory.region_code,
        year(inventory.period_start_date) as year,
        inventory.facility_type_code,
        inventory.facility_count,
        inventory.capacity_reported * units.factor_to_base as capacity_t_per_day,
        inventory.source_file as source_files

    from inventory
    left join units
        on inventory.capacity_unit_code_reported = units.unit_code
        and units.base_unit_code = 't_per_day'

),

unioned as (

    select *, 'facility_rows' as basis from from_facilities
    union all
    select *, 'stated_aggregate' as basis from from_reports

)

select
    {{ surrogate_key(['region_code', 'year', 'facility_type_code', 'basis', 'source_files']) }}
        as waste_capacity_summary_key,
    *
from unioned
