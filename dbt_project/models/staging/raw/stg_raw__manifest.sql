with

source as (

    select * from {{ source('landing', 'raw__manifest') }}

),

renamed as (

    select
        path as source_file,
        sha256 as source_sha256,
        subject,
        "table" as landing_table,
        province as province_text,
        nullif(region, '') as region_text,
        period as period_text,
        publisher,
        source_kind,
        document_kind,
        title,
        try_cast(published as date) as published_date,
        source_url,
        try_cast(retrieved as date) as retrieved_date,
        notes

    from source

)

select * from renamed
