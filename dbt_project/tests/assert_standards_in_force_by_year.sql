-- The edition in force is chosen by assessment year (shared/README.md): PM2.5 annual grade II is
-- 35 µg/m³ under GB 3095-2012 for 2025, 30 under GB 3095-2026's transitional limits for 2026–2030,
-- 25 under its final limits from 2031. Each year must resolve to exactly one edition.
with expected as (
    select * from (values (2025, 35.0), (2026, 30.0), (2030, 30.0), (2031, 25.0)) as t (year, limit_value)
),

resolved as (
    select expected.year, expected.limit_value as expected_limit, limits.limit_value, limits.standard_code
    from expected
    left join {{ ref('int_air_quality_limits_in_force') }} as limits
        on limits.pollutant = 'PM2.5' and limits.averaging = 'annual' and limits.grade = 'II'
        and expected.year between limits.first_assessment_year and limits.last_assessment_year
)

select * from resolved
where limit_value is distinct from expected_limit
   or year in (select year from resolved group by year having count(*) > 1)
