with

source as (

    select * from {{ source('landing', 'water__measurements') }}

),

renamed as (

    select
        {{ surrogate_key(['region_code', 'water_body', 'section_name']) }} as section_code,
        region_code,
        water_body,
        section_name,
        basin_text,
        section_attribute,
        section_type_code,
        control_level_code,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        parameter_code,
        value as value_reported,
        unit_code as unit_code_reported,
        qualifier,
        value_text,
        parameter_text,
        _source_file as source_file,
        _row_number as source_row_number

    from source

)

select * from renamed
