/* grain: one row per region × year × facility type × basis × source files. Bases: facility_rows
   (operating facilities of the region — prefecture, and rolled up to province — as last stated
   in that year), stated_aggregate (a transcribed report table) and stated_in_prose (the same
   kind of figure read from report text). is_preferred marks one row per region × year × type:
   the facility rows when they cover every stated figure (count and capacity at least as large)
   or nothing is stated, else the table aggregate, else the prose one (the authority's total
   counts facilities envwh's list lacks; a transcribed table was checked by a person, an
   extracted sentence was not). */
with

snapshots as (select * from {{ ref('fct_waste_facility_snapshot') }}),

regions as (select region_code, parent_region_code, level from {{ ref('dim_region') }}),

inventory as (select * from {{ ref('stg_waste__regional_inventory') }}),

prose as (select * from {{ ref('int_report_facts_for_table_marts') }}),

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

covered as (

    select
        *,
        max(facility_count) filter (where basis <> 'facility_rows')
            over cell as stated_count_max,
        max(capacity_t_per_day) filter (where basis <> 'facility_rows')
            over cell as stated_capacity_max

    from unioned
    window cell as (partition by region_code, year, facility_type_code)

),

ranked as (

    select
        *,
        row_number() over (
            partition by region_code, year, facility_type_code
            order by
                case
                    when basis = 'facility_rows'
                        and coalesce(facility_count >= stated_count_max, true)
                        and coalesce(capacity_t_per_day >= stated_capacity_max, true) then 1
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
    is_preferred,
    source_files,
    quote
from ranked
