with

source as (

    select * from {{ source('landing', 'water__section_assessments') }}

),

renamed as (

    select
        ---------- natural keys
        {{ surrogate_key(['region_code', 'water_body', 'section_name']) }} as section_code,
        region_code,
        water_body,
        section_name,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        ---------- the section
        basin_text,
        section_attribute,
        section_type_code,
        control_level_code,
        ---------- the class as published
        class_ordinal,
        class_min,
        class_max,
        class_kind,
        class_label,
        class_text,
        target_class_ordinal,
        target_class_text,
        main_pollutants_text,
        main_pollutant_codes,
        quote,
        ---------- provenance
        _source_file as source_file,
        _row_number as source_row_number

    from source

)

select * from renamed
