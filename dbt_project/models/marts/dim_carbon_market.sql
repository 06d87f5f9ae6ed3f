/* One row per carbon market (the national ETS; room for the regional pilots), plus -1. */
with

markets as (select * from {{ ref('carbon_markets') }}),

sectors as (

    select
        market_code,
        string_agg(sector_code || ' (' || joined_year || ')', ', ' order by joined_year, sector_code)
            as covered_sectors

    from {{ ref('carbon_market_sectors') }}
    group by market_code

),

final as (

    select
        {{ surrogate_key(['markets.market_code']) }} as carbon_market_key,
        markets.market_code,
        markets.name_zh,
        markets.name_en,
        markets.market_type,
        cast(markets.region_code as varchar) as region_code,
        cast(markets.launched_on as date) as launched_on,
        sectors.covered_sectors

    from markets
    left join sectors using (market_code)

)

select * from final
union all
select '-1', '-1', '未知', 'unknown', null, null, null, null
