with

source as (

    select * from {{ source('landing', 'reports__facts') }}

),

renamed as (

    select
        indicator_code,
        indicator_name_zh,
        kind as fact_kind,
        value as value_reported,
        unit_code as unit_code_reported,
        value_canonical,
        canonical_unit_code,
        comparator,
        period_code,
        region_code,
        baseline_year,
        rank_scope,
        qualifier,
        quote,
        char_start,
        char_end,
        is_departure_from_normal,
        _source_file as source_file,
        _row_number as source_line_number

    from source

)

select * from renamed
