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

measures as (select * from {{ ref('indicator_table_measures') }} where prose_rows),

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
        -- one column per measure that prose can fill (seeds/indicator_table_measures.csv)
        {{ indicator_measures(prose_rows_only=true, value='facts.value_canonical',
                              indicator='facts.indicator_code') }},
        string_agg(facts.quote, ' | ' order by facts.char_start) as quote

    from facts
    inner join measures on facts.indicator_code = measures.indicator_code
    left join documents on facts.source_file = documents.source_file
    group by all

)

select * from pivoted
