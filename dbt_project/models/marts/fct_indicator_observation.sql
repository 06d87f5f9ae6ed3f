/* grain: one row per indicator × region × period × source document (report prose); the
   indicator is a code, or the stated name of an open-vocabulary figure (indicator_code null) */
with

facts as (select * from {{ ref('int_report_facts_ranked') }} where statement_order = 1),

grain as (

    select distinct indicator_ref, indicator_code, indicator_name_stated, region_code, period_code,
        source_file
    from facts
    where fact_kind in ('actual', 'change', 'rank')

),

actuals as (select * from facts where fact_kind = 'actual'),

changes as (select * from facts where fact_kind = 'change'),

ranks as (select * from facts where fact_kind = 'rank'),

regions as (select region_key, region_code from {{ ref('dim_region') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

indicators as (select indicator_key, indicator_code from {{ ref('dim_indicator') }}),

units as (select unit_key, unit_code from {{ ref('dim_unit') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }}),

joined as (

    select
        grain.*,
        actuals.value_reported,
        actuals.unit_code_reported,
        actuals.value_canonical,
        actuals.canonical_unit_code,
        actuals.qualifier,
        actuals.comparator,
        actuals.is_departure_from_normal,
        actuals.statement_count,
        actuals.values_stated,
        changes.value_reported as change_value,
        changes.unit_code_reported as change_unit_code,
        changes.baseline_year as change_baseline_year,
        ranks.value_reported as rank_stated,
        ranks.rank_scope,
        coalesce(actuals.quote, changes.quote, ranks.quote) as quote,
        coalesce(actuals.char_start, changes.char_start, ranks.char_start) as char_start,
        coalesce(actuals.char_end, changes.char_end, ranks.char_end) as char_end,
        coalesce(actuals.source_line_number, changes.source_line_number,
                 ranks.source_line_number) as source_line_number

    from grain
    left join actuals
        on grain.indicator_ref = actuals.indicator_ref
        and grain.region_code is not distinct from actuals.region_code
        and grain.period_code is not distinct from actuals.period_code
        and grain.source_file = actuals.source_file
    left join changes
        on grain.indicator_ref = changes.indicator_ref
        and grain.region_code is not distinct from changes.region_code
        and grain.period_code is not distinct from changes.period_code
        and grain.source_file = changes.source_file
    left join ranks
        on grain.indicator_ref = ranks.indicator_ref
        and grain.region_code is not distinct from ranks.region_code
        and grain.period_code is not distinct from ranks.period_code
        and grain.source_file = ranks.source_file

),

final as (

    select
        {{ surrogate_key(['joined.indicator_ref', 'joined.region_code', 'joined.period_code',
                          'joined.source_file']) }} as indicator_observation_key,
        ---------- dimensions
        coalesce(indicators.indicator_key, '-1') as indicator_key,
        coalesce(regions.region_key, '-1') as region_key,
        coalesce(periods.period_key, '-1') as period_key,
        coalesce(units.unit_key, '-1') as unit_reported_key,
        coalesce(documents.source_document_key, '-1') as source_document_key,
        ---------- natural codes, for readable SQL
        joined.indicator_code,
        joined.indicator_name_stated,
        joined.region_code,
        joined.period_code,
        ---------- measures
        joined.value_reported,
        joined.unit_code_reported,
        joined.value_canonical,
        joined.canonical_unit_code,
        joined.qualifier,
        joined.comparator,
        -- a signed difference from the climate normal, not a level (null: no actual stated)
        joined.is_departure_from_normal,
        joined.change_value,
        joined.change_unit_code,
        cast(joined.change_baseline_year as integer) as change_baseline_year,
        cast(joined.rank_stated as integer) as rank_stated,
        -- the extractor reads the list a rank is a place in (landing.reports__facts.rank_scope)
        case
            when joined.rank_scope = 'national' then cast(joined.rank_stated as integer)
        end as national_rank,
        cast(coalesce(joined.statement_count, 0) as integer) as statement_count,
        joined.values_stated,
        ---------- provenance
        joined.quote,
        joined.char_start,
        joined.char_end,
        joined.source_file,
        joined.source_line_number

    from joined
    left join indicators on joined.indicator_code = indicators.indicator_code
    left join regions on joined.region_code = regions.region_code
    left join periods on joined.period_code = periods.period_code
    left join units on joined.unit_code_reported = units.unit_code
    left join documents on joined.source_file = documents.source_file

)

select * from final
