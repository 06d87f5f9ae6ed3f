/* grain: one row per market × product × period × basis (annual or cumulative) × as-of date × source document */
with

figures as (

    select * from {{ ref('fct_carbon_market_figure') }}
    where basis in ('annual', 'cumulative') and product_code is not null

),

final as (

    select
        {{ surrogate_key(['market_code', 'product_code', 'period_code', 'basis', 'as_of_date',
                          'source_file']) }} as carbon_market_trading_key,
        any_value(carbon_market_key) as carbon_market_key,
        any_value(carbon_product_key) as carbon_product_key,
        any_value(period_key) as period_key,
        any_value(source_document_key) as source_document_key,
        market_code,
        product_code,
        period_code,
        is_cumulative,
        as_of_date,
        -- one column per measure of seeds/indicator_table_measures.csv
        {{ indicator_measures('fct_carbon_market_trading') }},
        bool_and(is_preferred) as all_figures_preferred,
        any_value(source_kind) as source_kind,
        source_file

    from figures
    group by market_code, product_code, period_code, basis, is_cumulative, as_of_date, source_file

)

select * from final
