/* grain: one row per region × year × facility type × basis × source files. Bases: facility_rows
   (operating facilities of the region — prefecture, and rolled up to province — as last stated
   in that year), stated_aggregate (a transcribed report table) and stated_in_prose (the same
   kind of figure read from report text). completeness says what a row can stand for: a stated
   total, a facility list that covers every stated figure of the region and of its sub-regions
   (count and capacity at least as large), one below such a figure (a partial sum), or one
   nothing stated can check. is_preferred marks at most one row per region × year × type: the
   facility rows unless they are below a stated figure, else the table aggregate, else the prose
   one (the authority's total counts facilities envwh's list lacks; a transcribed table was
   checked by a person, an extracted sentence was not). A partial sum is never preferred, so a
   province whose only figure is a partial sum has no preferred row. */
with

snapshots as (select * from {{ ref('fct_waste_facility_snapshot') }}),

regions as (select region_code, parent_region_code, level from {{ ref('dim_region') }}),

inventory as (select * from {{ ref('stg_waste__regional_inventory') }}),

prose as (select * from {{ ref('int_report_facts_for_table_marts') }}),

units as (select unit_code, dimension, factor_to_base from {{ ref('units') }}),

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
        {{ convert_units('inventory.capacity_reported', 'reported', 'canonical') }}
            as capacity_t_per_day,
        inventory.source_file as source_files

    from inventory
    left join units as reported on inventory.capacity_unit_code_reported = reported.unit_code
    left join units as canonical on canonical.unit_code = 't_per_day'

),

from_prose as (

    select
        region_code,
        cast(period_code as bigint) as year,
        facility_type_code,
        cast(facility_count as bigint) as facility_count,
        capacity_t_per_day,
        source_file as source_files,
        quote

    from prose
    where mart = 'fct_waste_capacity_summary' and regexp_full_match(period_code, '\d{4}')

),

unioned as (

    select *, null as quote, 'facility_rows' as basis from from_facilities
    union all
    select *, null as quote, 'stated_aggregate' as basis from from_reports
    union all
    select *, 'stated_in_prose' as basis from from_prose

),

-- the largest figure stated for each region × year × type (a table or a sentence)
stated as (

    select region_code, year, facility_type_code,
        max(facility_count) as stated_count, max(capacity_t_per_day) as stated_capacity
    from unioned
    where basis <> 'facility_rows'
    group by region_code, year, facility_type_code

),

-- a region's total is at least the sum of its sub-regions' stated totals
floors as (

    select region_code, year, facility_type_code,
        max(stated_count) as floor_count, max(stated_capacity) as floor_capacity
    from (
        select * from stated
        union all
        select regions.parent_region_code, stated.year, stated.facility_type_code,
            sum(stated.stated_count), sum(stated.stated_capacity)
        from stated
        inner join regions on stated.region_code = regions.region_code
        group by regions.parent_region_code, stated.year, stated.facility_type_code
    )
    group by region_code, year, facility_type_code

),

covered as (

    select
        unioned.*,
        case
            when unioned.basis <> 'facility_rows' then 'stated_total'
            when floors.floor_count is null and floors.floor_capacity is null
                then 'facility_list_unverified'
            when coalesce(unioned.facility_count >= floors.floor_count, true)
                and coalesce(unioned.capacity_t_per_day >= floors.floor_capacity, true)
                then 'facility_list_covers_stated_total'
            else 'facility_list_below_stated_total'
        end as completeness

    from unioned
    left join floors
        on unioned.region_code = floors.region_code
        and unioned.year = floors.year
        and unioned.facility_type_code = floors.facility_type_code

),

-- a stated total beats a partial sum; facility rows win only when they cover every stated
-- figure (of the region and of its sub-regions) or nothing is stated to compare them with
ranked as (

    select
        *,
        completeness <> 'facility_list_below_stated_total'
        and row_number() over (
            partition by region_code, year, facility_type_code
            order by
                case
                    when completeness in ('facility_list_covers_stated_total',
                                          'facility_list_unverified') then 1
                    when basis = 'stated_aggregate' then 2
                    when basis = 'stated_in_prose' then 3
                    else 4
                end,
                source_files
        ) = 1 as is_preferred

    from covered

)

select
    {{ surrogate_key(['region_code', 'year', 'facility_type_code', 'basis', 'source_files']) }}
        as waste_capacity_summary_key,
    region_code,
    year,
    facility_type_code,
    facility_count,
    capacity_t_per_day,
    basis,
    completeness,
    is_preferred,
    source_files,
    quote
from ranked
