/* One row per GB/T 2260 division (country, province, prefecture, county), plus the -1 member. */
with

regions as (select * from {{ ref('regions') }}),

with_province as (

    select
        {{ surrogate_key(['regions.region_code']) }} as region_key,
        regions.region_code,
        regions.name_zh,
        regions.name_en,
        regions.level,
        nullif(regions.parent_code, '') as parent_region_code,
        case
            when regions.level = 'province' then regions.region_code
            when regions.level = 'prefecture' then regions.parent_code
            when regions.level = 'county' then parent.parent_code
        end as province_code

    from regions
    left join regions as parent on regions.parent_code = parent.region_code

),

unknown as (

    select
        '-1' as region_key,
        '-1' as region_code,
        '未知' as name_zh,
        'unknown' as name_en,
        'unknown' as level,
        cast(null as varchar) as parent_region_code,
        cast(null as varchar) as province_code

)

select * from with_province
union all
select * from unknown
