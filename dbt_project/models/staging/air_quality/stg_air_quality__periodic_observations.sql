with

source as (

    select * from {{ source('landing', 'air_quality__periodic') }}

),

renamed as (

    select
        ---------- natural keys
        region_code,
        area_scope_code,
        area_scope_text,
        area_unit_count,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        indicator_code,
        ---------- measures, as reported
        value as value_reported,
        value_text,
        unit_code as unit_code_reported,
        nullif(unit_text, '') as unit_text_reported,
        qualifier,
        yoy_change_value,
        yoy_change_unit_code,
        yoy_change_text,
        national_rank,
        ---------- context as written
        province_text,
        region_text,
        period_text,
        indicator_text,
        quote,
        ---------- provenance
        _source_file as source_file,
        _sha256 as source_sha256,
        _row_number as source_row_number,
        _column as source_column

    from source

)

select * from renamed
