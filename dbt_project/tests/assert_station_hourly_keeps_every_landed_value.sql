-- Nothing is dropped between landing and the hourly fact: every landed station-hour line
-- gives exactly six rows (one per pollutant), and every fact row comes from a landed line.
with landed as (
    select _source_file as source_file, _row_number as source_row_number
    from {{ source('landing', 'air_quality__station_hourly') }}
),
facts as (
    select source_file, source_row_number, count(*) as pollutants
    from {{ ref('fct_air_station_hourly') }}
    group by all
)
select coalesce(landed.source_file, facts.source_file) as source_file,
       coalesce(landed.source_row_number, facts.source_row_number) as source_row_number,
       facts.pollutants
from landed
full outer join facts using (source_file, source_row_number)
where facts.pollutants is distinct from 6 or landed.source_file is null
