/* grain: one row per facility × as-of date (one dated edition of one source) */
with

editions as (select * from {{ ref('int_waste_facility_editions_converted') }}),

versions as (

    select facility_version_key, facility_code, valid_from, valid_to
    from {{ ref('dim_waste_facility') }}

),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }})

select
    {{ surrogate_key(['editions.facility_code', 'editions.as_of_date', 'editions.source_file']) }}
        as facility_snapshot_key,
    coalesce(versions.facility_version_key, '-1') as facility_version_key,
    coalesce(documents.source_document_key, '-1') as source_document_key,
    editions.facility_code,
    editions.facility_name,
    editions.region_code,
    editions.facility_type_code,
    editions.as_of_date,
    editions.as_of_period_code,
    editions.status_code,
    editions.capacity_t_per_day,
    editions.capacity_reported,
    editions.capacity_unit_code_reported,
    editions.capacity_qualifier,
    editions.generating_capacity_mw,
    editions.status_text,
    editions.note,
    editions.quote,
    editions.source_file,
    editions.source_row_number
from editions
left join versions
    on editions.facility_code = versions.facility_code
    and editions.as_of_date between versions.valid_from and versions.valid_to
left join documents on editions.source_file = documents.source_file
