/* grain: one row per market × product × as-of date — totals since the market opened, as stated
   up to that date, each measure from its preferred source
   (marts.mart_carbon_market_trading_preferred, cumulative rows only). Compare totals; never add
   them to each other or to bi.carbon_market_annual. */
select
    trading.market_code,
    markets.name_zh as market_name_zh,
    markets.name_en as market_name_en,
    trading.product_code,
    trading.as_of_date,
    trading.volume_t_co2e as cumulative_volume_t_co2e,
    trading.turnover_cny as cumulative_turnover_cny,
    trading.average_price_cny_per_t as cumulative_average_price_cny_per_t,
    trading.source_files
from {{ ref('mart_carbon_market_trading_preferred') }} as trading
left join {{ ref('dim_carbon_market') }} as markets on trading.market_code = markets.market_code
where trading.is_cumulative
