/* grain: one row per monitoring station (CNEMC code), plus the -1 unknown member.
   Name, city and lon/lat come from the newest line of a layout that carries them (the national
   CNEMC release is the station list); a station only seen in a layout without them (UCI Beijing)
   takes its Chinese name from seeds/monitoring_station_aliases.csv. The city is mapped to a
   GB/T 2260 region in force the way orchestration.parsing.regions reads names: a province or
   prefecture by name, short name, the short form of an autonomous prefecture (红河州) or a
   curated alias (seeds/regions.csv, region_aliases.csv: 吐鲁番地区 for 吐鲁番市); else the one
   county-level division of that full name (石河子市, a city directly under its region).
   Unmapped cities keep region_code null, is_region_mapped false and a reason
   (seeds/monitoring_cities_without_region.csv, else a generic one) — never guessed. */
with

hours as (select * from {{ ref('stg_air_quality__station_hourly') }}),

aliases as (select station_code, name_zh from {{ ref('monitoring_station_aliases') }}),

regions as (select region_code, region_key from {{ ref('dim_region') }}),

without_region as (select city_text, reason from {{ ref('monitoring_cities_without_region') }}),

region_names as (

    -- the spellings of a division in force: its name, short name (苏州) and curated aliases
    select region_code, name_zh as spelling from {{ ref('regions') }}
    where level in ('province', 'prefecture') and valid_to is null
    union
    select region_code, short_name_zh from {{ ref('regions') }}
    where level in ('province', 'prefecture') and valid_to is null and short_name_zh is not null
    union
    select region_code, short_name_zh || '州' from {{ ref('regions') }}
    where level = 'prefecture' and valid_to is null and name_zh like '%自治州'
        and short_name_zh is not null
    union
    select aliases.region_code, aliases.alias from {{ ref('region_aliases') }} as aliases
    join {{ ref('regions') }} as regions using (region_code)
    where regions.level in ('province', 'prefecture') and regions.valid_to is null

),

county_names as (

    -- a full name only one county-level division in force has (石河子市, 五家渠市)
    select name_zh as spelling, min(region_code) as region_code
    from {{ ref('regions') }}
    where level = 'county' and valid_to is null
    group by name_zh
    having count(*) = 1

),

stations as (

    select
        station_code,
        arg_max(station_name, observed_at) filter (where station_name is not null) as station_name,
        arg_max(city_text, observed_at) filter (where city_text is not null) as city_text,
        arg_max(longitude, observed_at) filter (where longitude is not null) as longitude,
        arg_max(latitude, observed_at) filter (where latitude is not null) as latitude,
        bool_or(city_text is not null) as is_in_station_list,
        min(observed_at) as first_hour_seen,
        max(observed_at) as last_hour_seen,
        count(distinct source_file) as source_files
    from hours
    group by station_code

),

mapped as (

    select
        stations.station_code,
        coalesce(stations.station_name, aliases.name_zh) as station_name,
        stations.city_text,
        coalesce(min(region_names.region_code), min(county_names.region_code)) as region_code
    from stations
    left join aliases using (station_code)
    left join region_names on region_names.spelling = stations.city_text
    left join county_names on county_names.spelling = stations.city_text
    group by all

),

final as (

    select
        {{ surrogate_key(['stations.station_code']) }} as station_key,
        stations.station_code,
        mapped.station_name,
        stations.city_text,
        mapped.region_code,
        coalesce(regions.region_key, '-1') as region_key,
        mapped.region_code is not null as is_region_mapped,
        case
            when mapped.region_code is not null then null
            when stations.city_text is null then 'no city: the station is only in a layout '
                || 'without the station list'
            else coalesce(without_region.reason, 'no GB/T 2260 division in force has this name, '
                || 'short name or alias (seeds/regions.csv, region_aliases.csv)')
        end as region_unmapped_reason,
        stations.longitude as longitude_deg,
        stations.latitude as latitude_deg,
        coalesce(mapped.station_name like '%对照点%', false) as is_background,
        stations.is_in_station_list,
        stations.first_hour_seen,
        stations.last_hour_seen,
        stations.source_files
    from stations
    join mapped using (station_code)
    left join regions on regions.region_code = mapped.region_code
    left join without_region on without_region.city_text = stations.city_text

),

unknown as (

    select
        '-1' as station_key, '-1' as station_code, '未知' as station_name,
        cast(null as varchar) as city_text, cast(null as varchar) as region_code,
        '-1' as region_key, false as is_region_mapped,
        'the unknown member' as region_unmapped_reason, cast(null as double) as longitude_deg,
        cast(null as double) as latitude_deg, false as is_background,
        false as is_in_station_list, cast(null as timestamp) as first_hour_seen,
        cast(null as timestamp) as last_hour_seen, cast(0 as bigint) as source_files

)

select * from final
union all
select * from unknown
