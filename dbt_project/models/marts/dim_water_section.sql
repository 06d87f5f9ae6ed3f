/* One row per monitoring section (river section, lake/reservoir, boundary or drinking-water
   source) with its water body, basin, region and control level, plus -1. */
with

sections as (

    select section_code, water_body, section_name, basin_text, region_code, section_attribute,
        section_type_code, control_level_code, period_start_date
    from {{ ref('stg_water__section_assessments') }}
    union all
    select section_code, water_body, section_name, basin_text, region_code, section_attribute,
        section_type_code, control_level_code, period_start_date
    from {{ ref('stg_water__measurements') }}

),

latest as (

    select * from sections
    qualify row_number() over (
        partition by section_code
        order by period_start_date desc, section_attribute, basin_text, control_level_code
    ) = 1

),

regions as (select region_key, region_code from {{ ref('dim_region') }})

select
    {{ surrogate_key(['latest.section_code']) }} as water_section_key,
    latest.section_code,
    latest.section_name,
    latest.water_body,
    latest.basin_text as basin,
    coalesce(regions.region_key, '-1') as region_key,
    latest.region_code,
    latest.control_level_code,
    latest.section_type_code,
    latest.section_attribute
from latest
left join regions on latest.region_code = regions.region_code
union all
select '-1', '-1', '未知', null, null, '-1', null, 'unspecified', null, null
