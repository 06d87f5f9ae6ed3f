/* grain: one row per region × year × facility type × stated aggregate (from a table or from
   prose) where facility rows exist too: the two counts and capacities side by side (facility
   lists are rarely complete, so a stated aggregate above the facility sum is expected; the
   reverse deserves a look). */
with

summary as (select * from {{ ref('fct_waste_capacity_summary') }}),

facilities as (select * from summary where basis = 'facility_rows'),

stated as (select * from summary where basis <> 'facility_rows')

select
    stated.region_code,
    stated.year,
    stated.facility_type_code,
    stated.basis as stated_basis,
    facilities.facility_count as facility_rows_count,
    stated.facility_count as stated_count,
    facilities.capacity_t_per_day as facility_rows_capacity_t_per_day,
    stated.capacity_t_per_day as stated_capacity_t_per_day,
    stated.capacity_t_per_day - facilities.capacity_t_per_day as capacity_gap_t_per_day,
    facilities.source_files as facility_source_files,
    stated.source_files as stated_source_files
from stated
inner join facilities
    on stated.region_code = facilities.region_code
    and stated.year = facilities.year
    and stated.facility_type_code = facilities.facility_type_code
