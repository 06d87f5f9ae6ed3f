-- A station-hour held by two lines (two files, or twice in one) has exactly one winner.
select station_code, observed_at, pollutant_code, count(*) filter (where is_preferred) as winners
from {{ ref('fct_air_station_hourly') }}
group by all
having count(*) filter (where is_preferred) <> 1
