/* grain: one row per market × product × year — the year's own trading (annual rows only, never
   a total since launch), each measure from its preferred source
   (marts.mart_carbon_market_trading_preferred). Cumulative totals are in
   bi.carbon_market_cumulative: adding the two double-counts. */
select
    trading.market_code,
    markets.name_zh as market_name_zh,
    markets.name_en as market_name_en,
    trading.product_code,
    cast(trading.period_code as integer) as year,
    make_date(cast(trading.period_code as integer), 1, 1) as year_start_date,
    trading.volume_t_co2e,
    trading.turnover_cny,
    trading.closing_price_cny_per_t,
    trading.average_price_cny_per_t,
    trading.source_files
from {{ ref('mart_carbon_market_trading_preferred') }} as trading
left join {{ ref('dim_carbon_market') }} as markets on trading.market_code = markets.market_code
where not trading.is_cumulative
