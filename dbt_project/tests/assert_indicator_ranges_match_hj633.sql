-- Each pollutant indicator's valid_max (seeds/indicators.csv) must equal the highest HJ 633-2012
-- IAQI breakpoint for that pollutant (24-hour tables; O3 uses its 1-hour table, whose 8-hour table
-- stops at 800), converted to the indicator's canonical unit.
with breakpoints as (
    select
        pollutant,
        max(concentration_breakpoint) filter (where averaging_zh like '24小时%') as top_24h,
        max(concentration_breakpoint) filter (where averaging_zh = '1小时平均') as top_1h
    from {{ ref('standards_hj633_2012_iaqi_breakpoints') }}
    group by pollutant
)

select indicators.indicator_code, indicators.valid_max, breakpoints.*
from {{ ref('indicators') }} as indicators
inner join breakpoints on indicators.standard_pollutant = breakpoints.pollutant
where indicators.valid_max is distinct from coalesce(breakpoints.top_24h, breakpoints.top_1h)
