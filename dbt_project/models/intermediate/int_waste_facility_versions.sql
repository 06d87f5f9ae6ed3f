/* One row per facility version (SCD type 2), rebuilt from raw editions at every build: a new
   version starts at the first edition whose status or capacity differs from the one before. */
with

editions as (select * from {{ ref('int_waste_facility_editions_converted') }}),

flagged as (

    select
        *,
        case
            when lag(status_code) over history is distinct from status_code
                or lag(capacity_t_per_day) over history is distinct from capacity_t_per_day
                then 1
            else 0
        end as starts_version

    from editions
    window history as (partition by facility_code order by edition_number)

),

numbered as (

    select
        *,
        sum(starts_version) over (partition by facility_code order by edition_number)
            as version_number

    from flagged

),

versions as (

    select
        facility_code,
        version_number,
        min(as_of_date) as valid_from,
        arg_min(facility_name, edition_number) as facility_name,
        arg_min(region_code, edition_number) as region_code,
        arg_min(facility_type_code, edition_number) as facility_type_code,
        arg_min(status_code, edition_number) as status_code,
        arg_min(capacity_t_per_day, edition_number) as capacity_t_per_day,
        max(generating_capacity_mw) as generating_capacity_mw,
        count(*) as editions,
        string_agg(source_file, '; ' order by edition_number) as source_files

    from numbered
    group by facility_code, version_number

)

select
    *,
    coalesce(
        lead(valid_from) over (partition by facility_code order by version_number) - 1,
        date '9999-12-31'
    ) as valid_to
from versions
