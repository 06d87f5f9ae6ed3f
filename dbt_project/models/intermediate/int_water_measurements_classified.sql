/* One row per measurement with its single-factor class: the best class (1–5) whose GB 3838 limit
   the value meets, 6 (劣Ⅴ) when it meets none. Total phosphorus uses the lake/reservoir limits
   for lake_reservoir sections and the river limits otherwise; parameters outside the class
   evaluation (water temperature, total nitrogen, faecal coliform) get no class. */
with

measurements as (select * from {{ ref('stg_water__measurements') }}),

parameters as (select * from {{ ref('water_parameters') }}),

limits as (select * from {{ ref('int_water_class_limits') }}),

units as (select unit_code, dimension, factor_to_base from {{ ref('units') }}),

converted as (

    select
        measurements.*,
        parameters.unit_code as unit_code,
        parameters.in_class_evaluation,
        case
            when parameters.limits_param = 'TP' and measurements.section_type_code = 'lake_reservoir'
                then 'TP_lake_reservoir'
            when parameters.limits_param = 'TP' then 'TP_river'
            else nullif(parameters.limits_param, '')
        end as limits_param,
        {{ convert_units('measurements.value_reported', 'reported', 'canonical') }} as value

    from measurements
    inner join parameters on measurements.parameter_code = parameters.parameter_code
    inner join units as canonical on parameters.unit_code = canonical.unit_code
    left join units as reported on measurements.unit_code_reported = reported.unit_code

),

met as (

    select
        converted.section_code,
        converted.period_code,
        converted.parameter_code,
        min(limits.class_ordinal) as best_class_met

    from converted
    inner join limits
        on converted.limits_param = limits.limits_param
        and (limits.lower_limit is null or converted.value >= limits.lower_limit)
        and (limits.upper_limit is null or converted.value <= limits.upper_limit)
    group by all

)

select
    converted.*,
    case when converted.in_class_evaluation then coalesce(met.best_class_met, 6) end
        as class_ordinal
from converted
left join met using (section_code, period_code, parameter_code)
