/* grain: one row per region × area scope × period × indicator — the periodic air-quality values
   of marts.fct_air_quality, one per grain from the preferred source (source_preference: exchange >
   ministry/government > press; then the latest published, then the file name). The area scope is
   part of the grain: Guizhou states good-day ratios for its 9 central cities and its 88 counties
   in one bulletin, so filter on area_scope_code or is_headline_scope before aggregating. */
with

facts as (

    select * from {{ ref('fct_air_quality') }}
    where record_kind = 'periodic_table' and value_canonical is not null

),

documents as (

    select documents.source_file, documents.source_kind, documents.published_date,
        preference.preference_rank
    from {{ ref('dim_source_document') }} as documents
    left join {{ ref('source_preference') }} as preference
        on documents.source_kind = preference.source_kind

),

-- which scope speaks for a region when several are stated (the region as a whole first)
scope_order as (

    select * from (values
        ('whole_region', 1), ('prefecture_cities', 2), ('central_city', 3), ('county_cities', 4),
        ('city', 5)
    ) as t (area_scope_code, headline_order)

),

ranked as (

    select
        facts.*,
        documents.source_kind,
        count(*) over grain as sources_stating,
        row_number() over (
            grain order by coalesce(documents.preference_rank, 99),
                documents.published_date desc nulls last, facts.source_file
        ) as source_order

    from facts
    left join documents on facts.source_file = documents.source_file
    window grain as (
        partition by facts.region_code, facts.area_scope_code, facts.period_code,
            facts.indicator_code
    )

),

preferred as (

    select
        ranked.*,
        row_number() over (
            partition by ranked.region_code, ranked.period_code, ranked.indicator_code
            order by coalesce(scope_order.headline_order, 99)
        ) = 1 as is_headline_scope
    from ranked
    left join scope_order on ranked.area_scope_code = scope_order.area_scope_code
    where ranked.source_order = 1

)

select
    preferred.region_code,
    regions.name_zh as region_name_zh,
    regions.name_en as region_name_en,
    regions.level as region_level,
    preferred.area_scope_code,
    scopes.name_en as area_scope_name_en,
    preferred.area_scope_text,
    preferred.area_unit_count,
    preferred.is_headline_scope,
    preferred.period_code,
    periods.period_type,
    periods.start_date as period_start_date,
    periods.end_date as period_end_date,
    preferred.indicator_code,
    indicators.name_zh as indicator_name_zh,
    indicators.name_en as indicator_name_en,
    preferred.value_canonical as value,
    preferred.canonical_unit_code as unit_code,
    preferred.qualifier,
    preferred.yoy_change_value,
    preferred.yoy_change_unit_code,
    case when preferred.rank_scope = 'national' then preferred.rank end as national_rank,
    cast(preferred.sources_stating as integer) as sources_stating,
    preferred.source_kind,
    preferred.source_file,
    preferred.quote
from preferred
left join {{ ref('dim_region') }} as regions on preferred.region_code = regions.region_code
left join {{ ref('dim_area_scope') }} as scopes on preferred.area_scope_code = scopes.area_scope_code
left join {{ ref('dim_period') }} as periods on preferred.period_code = periods.period_code
left join {{ ref('dim_indicator') }} as indicators
    on preferred.indicator_code = indicators.indicator_code
