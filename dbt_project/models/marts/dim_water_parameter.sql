/* One row per water-quality parameter (seeds/water_parameters.csv), plus -1. */
select
    {{ surrogate_key(['parameter_code']) }} as water_parameter_key,
    parameter_code,
    name_zh,
    name_en,
    unit_code,
    cast(in_class_evaluation as boolean) as in_class_evaluation,
    cast(plausible_max as double) as plausible_max
from {{ ref('water_parameters') }}
union all
select '-1', '-1', '未知', 'unknown', null, null, null
