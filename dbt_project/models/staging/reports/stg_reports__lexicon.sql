with

source as (

    select * from {{ source('landing', 'reports__lexicon') }}

),

renamed as (

    select
        indicator_code,
        name_zh,
        name_en,
        subject,
        canonical_unit_code,
        higher_is_better,
        valid_min,
        valid_max,
        range_basis,
        aliases,
        lexicon_file

    from source

)

select * from renamed
