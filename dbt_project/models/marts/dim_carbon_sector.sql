/* One row per market × covered sector, with the year the sector joined (power 2021; steel,
   cement and aluminium 2025). */
select
    {{ surrogate_key(['market_code', 'sector_code']) }} as carbon_sector_key,
    market_code,
    sector_code,
    name_zh,
    name_en,
    cast(joined_year as integer) as joined_year,
    source
from {{ ref('carbon_market_sectors') }}
