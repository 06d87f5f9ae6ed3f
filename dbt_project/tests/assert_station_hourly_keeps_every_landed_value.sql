-- Nothing is dropped between landing and the hourly fact: every landed station-hour line
-- gives exactly six rows, one per pollutant, and every fact row comes from a landed line. (This
-- is also the fact's uniqueness: a line holds one station-hour, so its six distinct pollutants
-- make station × hour × pollutant × line unique; no second test scans the view for it.)
with landed as (
    select _source_file as source_file, _row_number as source_row_number
    from {{ source('landing', 'air_quality__station_hourly') }}
),
facts as (
    select source_file, source_row_number, count(*) as pollutant_rows,
        count(distinct pollutant_code) as pollutants
    from {{ ref('fct_air_station_hourly') }}
    group by all
)
select coalesce(landed.source_file, facts.source_file) as source_file,
       coalesce(landed.source_row_number, facts.source_row_number) as source_row_number,
       facts.pollutant_rows, facts.pollutants
from landed
full outer join facts using (source_file, source_row_number)
where facts.pollutant_rows is distinct from 6 or facts.pollutants is distinct from 6
   or landed.source_file is null
