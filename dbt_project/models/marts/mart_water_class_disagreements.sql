/* grain: one row per section × period where the class computed from concentrations (single
   factor, worst parameter wins) and the published class disagree. */
with

computed as (

    select section_code, period_code, max(single_factor_class_ordinal) as computed_class_ordinal,
        arg_max(parameter_code, single_factor_class_ordinal) as worst_parameter_code
    from {{ ref('fct_water_quality_measurement') }}
    where single_factor_class_ordinal is not null
    group by section_code, period_code

),

published as (select * from {{ ref('fct_water_section_assessment') }})

select
    published.section_code,
    published.period_code,
    published.class_label as published_class_label,
    published.class_ordinal_min as published_class_min,
    published.class_ordinal_max as published_class_max,
    computed.computed_class_ordinal,
    computed.worst_parameter_code,
    published.source_file
from published
inner join computed using (section_code, period_code)
where computed.computed_class_ordinal not between published.class_ordinal_min
    and published.class_ordinal_max
