/* grain: one row per HJ 633 AQI category (six levels), with its AQI range as numbers */
with

categories as (select * from {{ ref('standards_hj633_aqi_categories') }}),

parsed as (

    select
        row_number() over (order by
            cast(regexp_extract(aqi_range, '\d+') as integer)) as aqi_level,
        case when aqi_range like '>%' then cast(substr(aqi_range, 2) as integer) + 1
             else cast(split_part(aqi_range, '-', 1) as integer) end as aqi_min,
        case when aqi_range like '>%' then 2147483647
             else cast(split_part(aqi_range, '-', 2) as integer) end as aqi_max,
        level_zh,
        category_zh,
        case category_zh
            when '优' then 'excellent' when '良' then 'good'
            when '轻度污染' then 'lightly polluted' when '中度污染' then 'moderately polluted'
            when '重度污染' then 'heavily polluted' when '严重污染' then 'severely polluted'
        end as category_en,
        color_zh,
        hex
    from categories

)

select * from parsed
