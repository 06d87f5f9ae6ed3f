/* grain: one row per region × area scope × period × indicator × source document */
with

records as (select * from {{ ref('int_air_quality_observations_converted') }}),

regions as (select region_key, region_code from {{ ref('dim_region') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

indicators as (select indicator_key, indicator_code from {{ ref('dim_indicator') }}),

units as (select unit_key, unit_code from {{ ref('dim_unit') }}),

scopes as (select area_scope_key, area_scope_code from {{ ref('dim_area_scope') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }}),

final as (

    select
        {{ surrogate_key(['records.region_code', 'records.area_scope_code',
                          'records.area_scope_text', 'records.period_code',
                          'records.indicator_code', 'records.source_file']) }}
            as air_quality_key,
        ---------- dimensions
        coalesce(regions.region_key, '-1') as region_key,
        coalesce(scopes.area_scope_key, '-1') as area_scope_key,
        coalesce(periods.period_key, '-1') as period_key,
        coalesce(indicators.indicator_key, '-1') as indicator_key,
        coalesce(units.unit_key, '-1') as unit_reported_key,
        coalesce(documents.source_document_key, '-1') as source_document_key,
        ---------- natural codes, for readable SQL
        records.region_code,
        records.area_scope_code,
        records.period_code,
        records.indicator_code,
        records.record_kind,
        records.area_scope_text,
        records.area_unit_count,
        ---------- measures
        records.value_reported,
        records.unit_code_reported,
        records.value_canonical,
        records.canonical_unit_code,
        records.qualifier,
        records.yoy_change_value,
        records.yoy_change_unit_code,
        records.rank,
        records.rank_scope,
        records.ranking_order,
        ---------- provenance
        records.quote,
        records.source_file,
        records.source_row_number,
        records.source_column

    from records
    left join regions on records.region_code = regions.region_code
    left join periods on records.period_code = periods.period_code
    left join indicators on records.indicator_code = indicators.indicator_code
    left join units on records.unit_code_reported = units.unit_code
    left join scopes on records.area_scope_code = scopes.area_scope_code
    left join documents on records.source_file = documents.source_file

)

select * from final
