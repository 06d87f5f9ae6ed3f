/* One row per GB 3838-2002 parameter limit × class (1–5): the bounds a value must meet for the
   class. '<=' parameters: value ≤ upper; '>=' (dissolved oxygen): value ≥ lower; pH: 6 ≤ value ≤ 9.
   A value exactly on a limit meets it (belongs to the better class). */
with

limits as (select * from {{ ref('standards_gb3838_2002_class_limits') }}),

unpivoted as (

    select param, comparison, 1 as class_ordinal, class_i as limit_text from limits
    union all select param, comparison, 2, class_ii from limits
    union all select param, comparison, 3, class_iii from limits
    union all select param, comparison, 4, class_iv from limits
    union all select param, comparison, 5, class_v from limits

)

select
    param as limits_param,
    comparison,
    class_ordinal,
    case
        when comparison = 'range' then cast(split_part(limit_text, '~', 1) as double)
        when comparison = '>=' then cast(regexp_extract(limit_text, '^[0-9.]+') as double)
    end as lower_limit,
    case
        when comparison = 'range' then cast(split_part(limit_text, '~', 2) as double)
        when comparison = '<=' then cast(regexp_extract(limit_text, '^[0-9.]+') as double)
    end as upper_limit,
    limit_text
from unpivoted
