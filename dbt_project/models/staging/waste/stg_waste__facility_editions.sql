with

source as (

    select * from {{ source('landing', 'waste__facilities') }}

),

renamed as (

    select
        ---------- natural keys
        {{ surrogate_key(['province_text', 'facility_name']) }} as facility_code,
        facility_name,
        region_code,
        facility_type_code,
        as_of_date,
        as_of_period_code,
        ---------- state as reported
        status_code,
        capacity_value as capacity_reported,
        capacity_unit_code as capacity_unit_code_reported,
        capacity_qualifier,
        generating_capacity_mw,
        ---------- context as written
        province_text,
        city_text,
        facility_type_text,
        status_text,
        capacity_text,
        as_of_text,
        note,
        quote,
        ---------- provenance
        _source_file as source_file,
        _row_number as source_row_number

    from source

)

select * from renamed
