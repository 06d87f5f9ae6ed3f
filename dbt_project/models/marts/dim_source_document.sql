/* One row per archived source file in raw/ (a table or text of one publication), plus -1. */
with

manifest as (select * from {{ ref('stg_raw__manifest') }}),

regions as (select * from {{ ref('regions') }}),

document_kinds as (select * from {{ ref('document_kinds') }}),

final as (

    select
        {{ surrogate_key(['manifest.source_file']) }} as source_document_key,
        manifest.source_file,
        manifest.source_sha256,
        manifest.subject,
        manifest.landing_table,
        manifest.title,
        manifest.publisher,
        manifest.source_kind,
        manifest.document_kind,
        document_kinds.name_en as document_kind_name_en,
        document_kinds.states_targets,
        manifest.province_text,
        regions.region_code as province_code,
        manifest.period_text,
        manifest.published_date,
        manifest.source_url,
        manifest.retrieved_date,
        manifest.notes

    from manifest
    left join document_kinds on manifest.document_kind = document_kinds.document_kind
    left join regions
        on manifest.province_text = regions.name_zh
        or list_contains(string_split(regions.aliases, '|'), manifest.province_text)

)

select * from final
union all
select '-1', null, null, null, null, '未知', null, null, null, null, null, null, null, null, null,
    null, null, null
