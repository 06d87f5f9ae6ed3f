-- The long-form limits read GB 3838-2002 as published: NH3-N Ⅱ ≤ 0.5, DO Ⅰ ≥ 7.5 (the cell says
-- "7.5 (饱和率90%)"), TP in lakes Ⅲ ≤ 0.05 and in rivers Ⅲ ≤ 0.2, pH 6–9 in every class.
with expected as (
    select * from (values
        ('NH3-N', 2, null, 0.5), ('DO', 1, 7.5, null), ('TP_lake_reservoir', 3, null, 0.05),
        ('TP_river', 3, null, 0.2), ('pH', 4, 6.0, 9.0)
    ) as t (limits_param, class_ordinal, lower_limit, upper_limit)
)

select expected.*, limits.lower_limit as actual_lower, limits.upper_limit as actual_upper
from expected
left join {{ ref('int_water_class_limits') }} as limits using (limits_param, class_ordinal)
where limits.lower_limit is distinct from expected.lower_limit
   or limits.upper_limit is distinct from expected.upper_limit
