/* grain: one row per section × period × parameter × source document */
with

measurements as (select * from {{ ref('int_water_measurements_classified') }}),

sections as (select water_section_key, section_code from {{ ref('dim_water_section') }}),

parameters as (select water_parameter_key, parameter_code from {{ ref('dim_water_parameter') }}),

periods as (select period_key, period_code from {{ ref('dim_period') }})

select
    {{ surrogate_key(['measurements.section_code', 'measurements.period_code',
                      'measurements.parameter_code', 'measurements.source_file']) }}
        as water_measurement_key,
    coalesce(sections.water_section_key, '-1') as water_section_key,
    coalesce(parameters.water_parameter_key, '-1') as water_parameter_key,
    coalesce(periods.period_key, '-1') as period_key,
    measurements.section_code,
    measurements.period_code,
    measurements.parameter_code,
    measurements.value,
    measurements.unit_code,
    measurements.value_reported,
    measurements.unit_code_reported,
    measurements.qualifier,
    measurements.class_ordinal as single_factor_class_ordinal,
    measurements.source_file,
    measurements.source_row_number
from measurements
left join sections on measurements.section_code = sections.section_code
left join parameters on measurements.parameter_code = parameters.parameter_code
left join periods on measurements.period_code = periods.period_code
