/* grain: one row per indicator × region × target year × source document (report prose) */
with

targets as (

    select * from {{ ref('int_report_facts_ranked') }}
    where fact_kind = 'target' and statement_order = 1

),

regions as (select region_key, region_code from {{ ref('dim_region') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

indicators as (select indicator_key, indicator_code from {{ ref('dim_indicator') }}),

units as (select unit_key, unit_code from {{ ref('dim_unit') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }}),

final as (

    select
        {{ surrogate_key(['targets.indicator_code', 'targets.region_code',
                          'targets.period_code', 'targets.source_file']) }}
            as indicator_target_key,
        ---------- dimensions
        coalesce(indicators.indicator_key, '-1') as indicator_key,
        coalesce(regions.region_key, '-1') as region_key,
        coalesce(periods.period_key, '-1') as target_period_key,
        coalesce(units.unit_key, '-1') as unit_reported_key,
        coalesce(documents.source_document_key, '-1') as source_document_key,
        ---------- natural codes, for readable SQL
        targets.indicator_code,
        targets.region_code,
        targets.period_year as target_year,
        ---------- measures
        targets.comparator,
        targets.value_reported as target_value_reported,
        targets.unit_code_reported,
        targets.value_canonical as target_value_canonical,
        targets.canonical_unit_code,
        cast(targets.baseline_year as integer) as baseline_year,
        case
            when targets.baseline_year is not null then 'change_from_baseline'
            else 'level'
        end as target_kind,
        targets.qualifier,
        cast(targets.statement_count as integer) as statement_count,
        targets.values_stated,
        ---------- provenance
        targets.quote,
        targets.char_start,
        targets.char_end,
        targets.source_file,
        targets.source_line_number

    from targets
    left join indicators on targets.indicator_code = indicators.indicator_code
    left join regions on targets.region_code = regions.region_code
    left join periods on targets.period_code = periods.period_code
    left join units on targets.unit_code_reported = units.unit_code
    left join documents on targets.source_file = documents.source_file

)

select * from final
