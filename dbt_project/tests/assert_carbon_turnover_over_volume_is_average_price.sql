-- turnover / volume must equal the stated average price within 1 % wherever one source (or the
-- preferred sources) state all three for the same period and basis. 1 % covers the rounding of
-- figures stated to three significant digits (2.12亿吨, 144.44亿元 → 68.13 vs 68.15 元/吨).
select *, turnover_cny / volume_t_co2e as implied_price_cny_per_t
from {{ ref('mart_carbon_market_trading_preferred') }}
where volume_t_co2e > 0 and turnover_cny is not null and average_price_cny_per_t is not null
  and abs(turnover_cny / volume_t_co2e - average_price_cny_per_t) > 0.01 * average_price_cny_per_t
