with

source as (

    select * from {{ source('landing', 'waste__regional_inventory') }}

),

renamed as (

    select
        region_code,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        facility_type_code,
        facility_count,
        capacity_value as capacity_reported,
        capacity_unit_code as capacity_unit_code_reported,
        capacity_qualifier,
        region_text,
        facility_type_text,
        quote,
        _source_file as source_file,
        _row_number as source_row_number

    from source

)

select * from renamed
