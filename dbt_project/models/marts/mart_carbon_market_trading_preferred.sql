/* grain: one row per market × product × period × basis × as-of date — each measure from its
   preferred source (exchange > ministry/government > press), for BI tools that must show one
   number. The figures not preferred stay in fct_carbon_market_figure. */
{{ config(materialized="view") }}
with

preferred as (

    select * from {{ ref('fct_carbon_market_figure') }}
    where is_preferred and basis in ('annual', 'cumulative') and product_code is not null

)

select
    market_code,
    product_code,
    period_code,
    is_cumulative,
    as_of_date,
    {{ indicator_measures('fct_carbon_market_trading', only=[
        'volume_t_co2e', 'turnover_cny', 'closing_price_cny_per_t', 'average_price_cny_per_t']) }},
    string_agg(distinct source_file, '; ' order by source_file) as source_files
from preferred
group by market_code, product_code, period_code, is_cumulative, as_of_date
