/* grain: one row per section × period × source document */
with

assessments as (select * from {{ ref('stg_water__section_assessments') }}),

sections as (select water_section_key, section_code from {{ ref('dim_water_section') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }})

select
    {{ surrogate_key(['assessments.section_code', 'assessments.period_code',
                      'assessments.source_file']) }} as water_assessment_key,
    coalesce(sections.water_section_key, '-1') as water_section_key,
    coalesce(periods.period_key, '-1') as period_key,
    coalesce(documents.source_document_key, '-1') as source_document_key,
    assessments.section_code,
    assessments.region_code,
    assessments.period_code,
    ---------- measured class: ordinal 1–6 (6 = 劣Ⅴ) when exact, else the range it lies in
    assessments.class_ordinal,
    assessments.class_min as class_ordinal_min,
    assessments.class_max as class_ordinal_max,
    assessments.class_kind,
    assessments.class_label,
    assessments.target_class_ordinal,
    case
        when assessments.target_class_ordinal is null then null
        when assessments.class_max <= assessments.target_class_ordinal then true
        when assessments.class_min > assessments.target_class_ordinal then false
    end as meets_target,
    assessments.class_max <= 3 as is_good_class_i_to_iii,
    assessments.class_min = 6 as is_worse_than_v,
    assessments.main_pollutants_text,
    assessments.main_pollutant_codes,
    assessments.quote,
    assessments.source_file,
    assessments.source_row_number
from assessments
left join sections on assessments.section_code = sections.section_code
left join periods on assessments.period_code = periods.period_code
left join documents on assessments.source_file = documents.source_file
