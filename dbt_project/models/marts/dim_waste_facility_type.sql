/* One row per waste facility type of the taxonomy (seeds/waste_facility_types.csv), plus -1. */
select
    {{ surrogate_key(['facility_type_code']) }} as facility_type_key,
    facility_type_code,
    name_zh,
    name_en,
    cast(capacity_ceiling_t_per_day as double) as capacity_ceiling_t_per_day,
    ceiling_basis
from {{ ref('waste_facility_types') }}
union all
select '-1', '-1', '未知', 'unknown', null, null
