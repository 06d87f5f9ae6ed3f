with

source as (

    select * from {{ source('landing', 'reports__unmapped_quantities') }}

),

renamed as (

    select
        name as name_stated,
        value as value_reported,
        unit_code as unit_code_reported,
        reason as refused_reason,
        quote,
        char_start,
        char_end,
        _source_file as source_file,
        _row_number as source_line_number

    from source

)

select * from renamed
