with

source as (

    select * from {{ source('landing', 'carbon_market__figures') }}

),

renamed as (

    select
        ---------- natural keys
        market_code,
        product_code,
        period_code,
        period_type,
        period_start as period_start_date,
        period_end as period_end_date,
        as_of_date,
        basis,
        indicator_code,
        ---------- measures, as reported
        value as value_reported,
        value_text,
        unit_code as unit_code_reported,
        nullif(unit_text, '') as unit_text_reported,
        qualifier,
        ---------- context as written
        market_text,
        product_text,
        period_text,
        basis_text,
        indicator_text,
        quote,
        ---------- provenance
        _source_file as source_file,
        _sha256 as source_sha256,
        _row_number as source_row_number

    from source

)

select * from renamed
