/* One row per pollutant × averaging time × grade × standard edition, with the assessment years
   it governs: GB 3095-2012 up to 2025, GB 3095-2026 transitional limits 2026–2030, final from 2031. */
with

limits_2012 as (select * from {{ ref('standards_gb3095_2012_limits') }}),

limits_2026 as (select * from {{ ref('standards_gb3095_2026_limits') }}),

in_force as (select * from {{ ref('standards_in_force') }}),

averaging_codes as (

    select * from (values
        ('年平均', 'annual'), ('日平均', '24h'), ('24小时平均', '24h'), ('1小时平均', '1h'),
        ('日最大8小时平均', 'max_daily_8h'), ('季平均', 'quarterly')
    ) as t (averaging_zh, averaging)

),

unpivoted as (

    select 'GB 3095-2012' as standard_code, pollutant, averaging, 'I' as grade,
        grade_i as limit_value, unit_code
    from limits_2012
    union all
    select 'GB 3095-2012', pollutant, averaging, 'II', grade_ii, unit_code from limits_2012
    union all
    select 'GB 3095-2026 transitional', pollutant, codes.averaging, 'I', transitional_grade_i, unit_code
    from limits_2026 inner join averaging_codes as codes using (averaging_zh)
    union all
    select 'GB 3095-2026 transitional', pollutant, codes.averaging, 'II', transitional_grade_ii, unit_code
    from limits_2026 inner join averaging_codes as codes using (averaging_zh)
    union all
    select 'GB 3095-2026 final', pollutant, codes.averaging, 'I', final_grade_i, unit_code
    from limits_2026 inner join averaging_codes as codes using (averaging_zh)
    union all
    select 'GB 3095-2026 final', pollutant, codes.averaging, 'II', final_grade_ii, unit_code
    from limits_2026 inner join averaging_codes as codes using (averaging_zh)

)

select
    unpivoted.standard_code,
    unpivoted.pollutant,
    unpivoted.averaging,
    unpivoted.grade,
    cast(unpivoted.limit_value as double) as limit_value,
    unpivoted.unit_code as limit_unit_code,
    in_force.first_assessment_year,
    coalesce(in_force.last_assessment_year, 9999) as last_assessment_year
from unpivoted
inner join in_force on unpivoted.standard_code = in_force.standard_code
