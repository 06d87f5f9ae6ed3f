/* One row per archived source file in raw/ (a table or text of one publication), plus -1. */
with

manifest as (select * from {{ ref('stg_raw__manifest') }}),

/* a manifest names its province as 广西, 广西壮族自治区 or 全国 */
province_names as (

    select region_code, name_zh as name from {{ ref('regions') }}
    where level in ('country', 'province')
    union
    select region_code, short_name_zh from {{ ref('regions') }}
    where level = 'province' and short_name_zh != ''
    union
    select region_code, alias from {{ ref('region_aliases') }}
    where region_code like '__0000'

),

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
        province_names.region_code as province_code,
        manifest.region_text,
        manifest.period_text,
        manifest.published_date,
        manifest.source_url,
        manifest.retrieved_date,
        manifest.notes

    from manifest
    left join document_kinds on manifest.document_kind = document_kinds.document_kind
    left join province_names on manifest.province_text = province_names.name

)

select * from final
union all
select '-1', null, null, null, null, '未知', null, null, null, null, null, null, null, null, null,
    null, null, null, null
