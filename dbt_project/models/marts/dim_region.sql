/* One row per GB/T 2260 code: every division in force, and every code that ended since 2005
   (valid_to, successor_region_code), plus the -1 member. */
with

regions as (select * from {{ ref('regions') }}),

with_history as (

    select
        {{ surrogate_key(['regions.region_code']) }} as region_key,
        regions.region_code,
        regions.name_zh,
        nullif(regions.short_name_zh, '') as short_name_zh,
        regions.name_en,
        regions.level,
        nullif(regions.parent_code, '') as parent_region_code,
        case
            when regions.level != 'country' then left(regions.region_code, 2) || '0000'
        end as province_code,
        regions.valid_from,
        regions.valid_to,
        nullif(regions.successor_region_code, '') as successor_region_code,
        regions.valid_to is null as is_current,
        regions.source

    from regions

),

unknown as (

    select
        '-1' as region_key,
        '-1' as region_code,
        '未知' as name_zh,
        cast(null as varchar) as short_name_zh,
        'unknown' as name_en,
        'unknown' as level,
        cast(null as varchar) as parent_region_code,
        cast(null as varchar) as province_code,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as varchar) as successor_region_code,
        false as is_current,
        cast(null as varchar) as source

)

select * from with_history
union all
select * from unknown
