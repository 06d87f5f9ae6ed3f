/* grain: one row per market × compliance period × region × source document. Basis market_table:
   the market's own figures (carbon_market tables); stated_in_prose: a province's share that a
   report states in its text (e.g. Guangxi's 51 key emitters in the 2023 power-sector list). */
with

figures as (

    select * from {{ ref('fct_carbon_market_figure') }}
    where basis = 'compliance_period'

),

prose as (

    select * from {{ ref('int_report_facts_for_table_marts') }}
    where mart = 'fct_carbon_compliance'

),

markets as (select carbon_market_key, market_code, region_code from {{ ref('dim_carbon_market') }}),

regions as (select region_key, region_code from {{ ref('dim_region') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }}),

from_tables as (

    select
        figures.market_code,
        figures.period_code as compliance_period_code,
        markets.region_code,
        figures.source_file,
        any_value(figures.carbon_market_key) as carbon_market_key,
        any_value(figures.period_key) as compliance_period_key,
        any_value(figures.source_document_key) as source_document_key,
        -- one column per measure of seeds/indicator_table_measures.csv
        {{ indicator_measures('fct_carbon_compliance', value='figures.value_canonical',
                              indicator='figures.indicator_code') }},
        any_value(figures.source_kind) as source_kind,
        'market_table' as basis,
        cast(null as varchar) as quote

    from figures
    left join markets on figures.market_code = markets.market_code
    group by figures.market_code, figures.period_code, markets.region_code, figures.source_file

),

from_prose as (

    select
        prose.market_code,
        prose.period_code as compliance_period_code,
        prose.region_code,
        prose.source_file,
        coalesce(markets.carbon_market_key, '-1') as carbon_market_key,
        coalesce(periods.period_key, '-1') as compliance_period_key,
        coalesce(documents.source_document_key, '-1') as source_document_key,
        -- the measures prose can state (the others are null: the union is by name)
        {%- for measure in indicator_measure_names('fct_carbon_compliance', prose_rows_only=true) %}
        prose.{{ measure }},
        {%- endfor %}
        prose.source_kind,
        'stated_in_prose' as basis,
        prose.quote

    from prose
    left join markets on prose.market_code = markets.market_code
    left join periods on prose.period_code = periods.period_code
    left join documents on prose.source_file = documents.source_file

),

unioned as (select * from from_tables union all by name select * from from_prose),

final as (

    select
        {{ surrogate_key(['unioned.market_code', 'unioned.compliance_period_code',
                          'unioned.region_code', 'unioned.source_file']) }}
            as carbon_compliance_key,
        unioned.carbon_market_key,
        unioned.compliance_period_key,
        coalesce(regions.region_key, '-1') as region_key,
        unioned.source_document_key,
        unioned.market_code,
        unioned.compliance_period_code,
        unioned.region_code,
        unioned.entities_covered,
        unioned.covered_emissions_t_co2e_per_year,
        unioned.allowances_to_surrender_t_co2e,
        unioned.compliance_rate_pct,
        unioned.basis,
        unioned.source_kind,
        unioned.source_file,
        unioned.quote

    from unioned
    left join regions on unioned.region_code = regions.region_code

)

select * from final
