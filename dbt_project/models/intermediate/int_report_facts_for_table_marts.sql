/* Prose facts that a table mart also holds (seeds/indicator_table_measures.csv), pivoted to one
   row per mart × region × period × facility type or market × source document. Only exact
   statements qualify (comparator '='): "约3.5万吨/日" or "60家以上" stays in
   fct_indicator_observation, which keeps its qualifier. */
with

facts as (

    select * from {{ ref('int_report_facts_ranked') }}
    where fact_kind = 'actual'
        and statement_order = 1
        and comparator = '='
        and value_canonical is not null
        and region_code is not null
        and period_code is not null

),

measures as (select * from {{ ref('indicator_table_measures') }}),

documents as (select source_file, source_kind from {{ ref('stg_raw__manifest') }}),

pivoted as (

    select
        measures.mart,
        facts.region_code,
        facts.period_code,
        measures.facility_type_code,
        measures.market_code,
        facts.source_file,
        any_value(documents.source_kind) as source_kind,
        max(facts.value_canonical) filter (where measures.measure = 'facility_count')
            as facility_count,
        max(facts.value_canonical) filter (where measures.measure = 'capacity_t_per_day')
            as capacity_t_per_day,
        max(facts.value_canonical) filter (where measures.measure = 'entities_covered')
            as entities_covered,
        max(facts.value_canonical) filter (where measures.measure = 'compliance_rate_pct')
            as compliance_rate_pct,
        string_agg(facts.quote, ' | ' order by facts.char_start) as quote

    from facts
    inner join measures on facts.indicator_code = measures.indicator_code
    left join documents on facts.source_file = documents.source_file
    group by all

)

select * from pivoted
