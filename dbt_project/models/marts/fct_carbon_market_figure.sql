/* grain: one row per market × product × period × basis × as-of date × indicator × source document */
with

figures as (select * from {{ ref('int_carbon_market_figures_ranked') }}),

markets as (select carbon_market_key, market_code from {{ ref('dim_carbon_market') }}),

products as (select carbon_product_key, product_code from {{ ref('dim_carbon_product') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }}),

indicators as (select indicator_key, indicator_code from {{ ref('dim_indicator') }}),

documents as (select source_document_key, source_file from {{ ref('dim_source_document') }}),

final as (

    select
        {{ surrogate_key(['figures.market_code', 'figures.product_code', 'figures.period_code',
                          'figures.basis', 'figures.as_of_date', 'figures.indicator_code',
                          'figures.source_file']) }} as carbon_market_figure_key,
        ---------- dimensions
        coalesce(markets.carbon_market_key, '-1') as carbon_market_key,
        coalesce(products.carbon_product_key, '-1') as carbon_product_key,
        coalesce(periods.period_key, '-1') as period_key,
        coalesce(indicators.indicator_key, '-1') as indicator_key,
        coalesce(documents.source_document_key, '-1') as source_document_key,
        ---------- natural codes
        figures.market_code,
        figures.product_code,
        figures.period_code,
        figures.basis,
        figures.basis = 'cumulative' as is_cumulative,
        figures.as_of_date,
        figures.indicator_code,
        ---------- measures
        figures.value_reported,
        figures.unit_code_reported,
        figures.value_canonical,
        figures.canonical_unit_code,
        figures.qualifier,
        ---------- which source to believe
        figures.source_kind,
        figures.preference_rank,
        figures.is_preferred,
        figures.sources_stating,
        ---------- provenance
        figures.quote,
        figures.source_file,
        figures.source_row_number

    from figures
    left join markets on figures.market_code = markets.market_code
    left join products on figures.product_code = products.product_code
    left join periods on figures.period_code = periods.period_code
    left join indicators on figures.indicator_code = indicators.indicator_code
    left join documents on figures.source_file = documents.source_file

)

select * from final
