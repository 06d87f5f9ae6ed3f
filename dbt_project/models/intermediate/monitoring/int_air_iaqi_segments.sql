/* grain: one row per HJ 633 edition × pollutant × averaging × breakpoint segment
   (IAQI_lo..IAQI_hi over BP_lo..BP_hi), both editions, with the dates each edition applies to.
   HJ 633-2012 applies to every date before 2026-03-01 (Beijing applied GB 3095-2012 / HJ 633-2012
   from 2013-01-01, among the first 74 cities), HJ 633-2026 from 2026-03-01 (standards_in_force). */
with

breakpoints as (

    select standard, iaqi, pollutant, averaging_zh, concentration_breakpoint, note
    from {{ ref('standards_hj633_2012_iaqi_breakpoints') }}
    union all
    select standard, iaqi, pollutant, averaging_zh, concentration_breakpoint, note
    from {{ ref('standards_hj633_2026_iaqi_breakpoints') }}

),

coded as (

    select
        standard as standard_code,
        case pollutant
            when 'PM2.5' then 'pm2_5' when 'PM10' then 'pm10' when 'SO2' then 'so2'
            when 'NO2' then 'no2' when 'CO' then 'co' when 'O3' then 'o3'
        end as pollutant_code,
        case
            when averaging_zh in ('24小时平均', '日平均') then '24h'
            when averaging_zh = '1小时平均' then '1h'
            when averaging_zh like '8小时%' then '8h'
        end as averaging_code,
        cast(iaqi as integer) as iaqi,
        cast(concentration_breakpoint as double) as concentration,
        -- a 1-hour table marked 仅用于实时报 (real-time report only) is not used for the daily AQI
        coalesce(note, '') not like '%实时报%' as used_for_daily
    from breakpoints

),

segments as (

    select
        standard_code,
        pollutant_code,
        averaging_code,
        used_for_daily,
        iaqi as iaqi_lo,
        lead(iaqi) over w as iaqi_hi,
        concentration as bp_lo,
        lead(concentration) over w as bp_hi
    from coded
    window w as (partition by standard_code, pollutant_code, averaging_code order by iaqi)

),

in_force as (

    select
        standard_code,
        -- the first edition applies to every earlier date (see the header comment)
        case when row_number() over (order by in_force_from) = 1 then date '1900-01-01'
             else cast(in_force_from as date) end as applies_from,
        coalesce(cast(in_force_to as date), date '9999-12-31') as applies_to
    from {{ ref('standards_in_force') }}
    where standard_code like 'HJ 633%'

)

select
    segments.standard_code,
    in_force.applies_from,
    in_force.applies_to,
    segments.pollutant_code,
    segments.averaging_code,
    segments.used_for_daily,
    segments.iaqi_lo,
    segments.iaqi_hi,
    segments.bp_lo,
    segments.bp_hi
from segments
join in_force using (standard_code)
where segments.bp_hi is not null and segments.bp_lo is not null
