/* grain: one row per market × compliance period × region × source document */
with

figures as (

    select * from {{ ref('fct_carbon_market_figure') }}
    where basis = 'compliance_period'

),

markets as (select market_code, region_code from {{ ref('dim_carbon_market') }}),

regions as (select region_key, region_code from {{ ref('dim_region') }}),

final as (

    select
        {{ surrogate_key(['figures.market_code', 'figures.period_code', 'markets.region_code',
                          'figures.source_file']) }} as carbon_compliance_key,
        any_value(figures.carbon_market_key) as carbon_market_key,
        any_value(figures.period_key) as compliance_period_key,
        coalesce(any_value(regions.region_key), '-1') as region_key,
        any_value(figures.source_document_key) as source_document_key,
        figures.market_code,
        figures.period_code as compliance_period_code,
        markets.region_code,
        max(figures.value_canonical) filter (where figures.indicator_code = 'carbon_covered_entities')
            as entities_covered,
        max(figures.value_canonical) filter (where figures.indicator_code = 'carbon_covered_emissions')
            as covered_emissions_t_co2e_per_year,
        max(figures.value_canonical)
            filter (where figures.indicator_code = 'carbon_allowances_to_surrender')
            as allowances_to_surrender_t_co2e,
        max(figures.value_canonical) filter (where figures.indicator_code = 'carbon_compliance_rate')
            as compliance_rate_pct,
        any_value(figures.source_kind) as source_kind,
        figures.source_file

    from figures
    left join markets on figures.market_code = markets.market_code
    left join regions on markets.region_code = regions.region_code
    group by figures.market_code, figures.period_code, markets.region_code, figures.source_file

)

select * from final
