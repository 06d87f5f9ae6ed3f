with

source as (

    select * from {{ source('landing', 'air_quality__city_rankings') }}

),

renamed as (

    select
        ---------- natural keys
        region_code,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        ranking_indicator_code as indicator_code,
        ---------- the ranking
        rank,
        ranking_order,
        ties_possible,
        ---------- context as written
        province_text,
        city_text,
        period_text,
        ranking_basis_text,
        note,
        ---------- provenance
        _source_file as source_file,
        _sha256 as source_sha256,
        _row_number as source_row_number,
        _column as source_column

    from source

)

select * from renamed
