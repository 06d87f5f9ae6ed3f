/* grain: one row per indicator × region × period — a figure stated in report prose
   (marts.fct_indicator_observation), one per grain from the preferred document (source_preference,
   then the latest published, then the file name). Figures without a year, open-vocabulary
   figures (no indicator code, only the stated name) and figures of no single region (京津冀…)
   are left out: they stay in marts.fct_indicator_observation. */
with

observations as (

    select * from {{ ref('fct_indicator_observation') }}
    where period_code is not null and value_reported is not null
        and indicator_code is not null and region_code is not null

),

documents as (

    select documents.source_file, documents.source_kind, documents.published_date,
        documents.title, preference.preference_rank
    from {{ ref('dim_source_document') }} as documents
    left join {{ ref('source_preference') }} as preference
        on documents.source_kind = preference.source_kind

),

ranked as (

    select
        observations.*,
        documents.source_kind,
        documents.title,
        count(*) over grain as sources_stating,
        row_number() over (
            grain order by coalesce(documents.preference_rank, 99),
                documents.published_date desc nulls last, observations.source_file
        ) as preference_order
    from observations
    left join documents on observations.source_file = documents.source_file
    window grain as (
        partition by observations.indicator_code, observations.region_code,
            observations.period_code
    )

)

select
    ranked.indicator_code,
    indicators.name_zh as indicator_name_zh,
    indicators.name_en as indicator_name_en,
    indicators.subject,
    ranked.region_code,
    regions.name_zh as region_name_zh,
    regions.name_en as region_name_en,
    ranked.period_code,
    periods.start_date as period_start_date,
    periods.end_date as period_end_date,
    ranked.value_canonical as value,
    ranked.canonical_unit_code as unit_code,
    ranked.comparator,
    ranked.qualifier,
    ranked.change_value,
    ranked.change_unit_code,
    ranked.national_rank,
    cast(ranked.sources_stating as integer) as sources_stating,
    ranked.source_kind,
    ranked.title as source_title,
    ranked.source_file,
    ranked.quote
from ranked
left join {{ ref('dim_indicator') }} as indicators
    on ranked.indicator_code = indicators.indicator_code
left join {{ ref('dim_region') }} as regions on ranked.region_code = regions.region_code
left join {{ ref('dim_period') }} as periods on ranked.period_code = periods.period_code
where ranked.preference_order = 1
