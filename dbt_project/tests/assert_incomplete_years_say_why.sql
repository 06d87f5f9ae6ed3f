-- A city-year that misses the data-sufficiency rules says which rule, and only then.
select city_text, year, is_complete, incomplete_reason
from {{ ref('fct_air_city_annual') }}
where is_complete = (incomplete_reason is not null)
