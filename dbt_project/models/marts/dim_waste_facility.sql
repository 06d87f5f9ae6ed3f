/* One row per facility version (SCD type 2: valid_from, valid_to, is_current), rebuilt from the
   dated raw editions at every build; a status or capacity change starts a new version. */
with

versions as (select * from {{ ref('int_waste_facility_versions') }}),

types as (select facility_type_key, facility_type_code from {{ ref('dim_waste_facility_type') }}),

regions as (select region_key, region_code from {{ ref('dim_region') }})

select
    {{ surrogate_key(['versions.facility_code', 'versions.version_number']) }}
        as facility_version_key,
    versions.facility_code,
    versions.version_number,
    versions.facility_name,
    coalesce(types.facility_type_key, '-1') as facility_type_key,
    versions.facility_type_code,
    coalesce(regions.region_key, '-1') as region_key,
    versions.region_code,
    versions.status_code,
    versions.capacity_t_per_day,
    versions.generating_capacity_mw,
    versions.valid_from,
    versions.valid_to,
    versions.valid_to = date '9999-12-31' as is_current,
    versions.editions,
    versions.source_files
from versions
left join types on versions.facility_type_code = types.facility_type_code
left join regions on versions.region_code = regions.region_code
