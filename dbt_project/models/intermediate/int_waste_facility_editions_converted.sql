/* One row per facility edition with its capacity in t/d (万吨/日 × 10,000; 吨/天 = t/d;
   万吨/年 ÷ 365, by the unit registry's factors) and its place in the facility's history. */
with

editions as (select * from {{ ref('stg_waste__facility_editions') }}),

units as (select unit_code, factor_to_base, base_unit_code from {{ ref('units') }}),

converted as (

    select
        editions.*,
        editions.capacity_reported * units.factor_to_base as capacity_t_per_day

    from editions
    left join units
        on editions.capacity_unit_code_reported = units.unit_code
        and units.base_unit_code = 't_per_day'

)

select
    *,
    row_number() over (partition by facility_code order by as_of_date, source_file) as edition_number
from converted
