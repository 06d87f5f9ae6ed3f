-- A cumulative volume or turnover since launch can only grow with its as-of date.
with cumulative as (
    select market_code, product_code, as_of_date, volume_t_co2e, turnover_cny,
        lag(volume_t_co2e) over w as previous_volume,
        lag(turnover_cny) over w as previous_turnover
    from {{ ref('mart_carbon_market_trading_preferred') }}
    where is_cumulative
    window w as (partition by market_code, product_code order by as_of_date)
)
select * from cumulative
where volume_t_co2e < previous_volume or turnover_cny < previous_turnover
