/* grain: one row per market × product × year with an annual total and cumulative totals at the
   end of that year and the year before: lists where the annual figure and the difference of
   the cumulative figures disagree (they need not agree exactly: sources round, and cumulative
   totals may count trades that annual reports assign elsewhere). */
with

preferred as (select * from {{ ref('mart_carbon_market_trading_preferred') }}),

annual as (

    select market_code, product_code, cast(period_code as integer) as year,
        volume_t_co2e, turnover_cny
    from preferred
    where not is_cumulative and period_code ~ '^[0-9]{4}$'

),

year_end as (

    select market_code, product_code, year(as_of_date) as year, volume_t_co2e, turnover_cny
    from preferred
    where is_cumulative and month(as_of_date) = 12 and day(as_of_date) >= 29

),

compared as (

    select
        annual.market_code,
        annual.product_code,
        annual.year,
        annual.volume_t_co2e as annual_volume_t_co2e,
        this_end.volume_t_co2e - previous_end.volume_t_co2e as cumulative_difference_volume_t_co2e,
        annual.turnover_cny as annual_turnover_cny,
        this_end.turnover_cny - previous_end.turnover_cny as cumulative_difference_turnover_cny

    from annual
    inner join year_end as this_end
        on annual.market_code = this_end.market_code
        and annual.product_code = this_end.product_code and annual.year = this_end.year
    inner join year_end as previous_end
        on annual.market_code = previous_end.market_code
        and annual.product_code = previous_end.product_code
        and annual.year = previous_end.year + 1

)

select
    *,
    round(100 * (cumulative_difference_volume_t_co2e - annual_volume_t_co2e)
        / annual_volume_t_co2e, 2) as volume_gap_pct,
    round(100 * (cumulative_difference_turnover_cny - annual_turnover_cny)
        / annual_turnover_cny, 2) as turnover_gap_pct
from compared
