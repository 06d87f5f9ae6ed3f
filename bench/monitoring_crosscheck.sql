-- Rows where a baseline ({schema}: handwritten or pandas) differs from the envwh marts it
-- recomputes, per table (0 everywhere = the same computation). Means within 1e-6.
select 'flags' as what, count(*) from (
  select station_code, observed_at, pm2_5_qc_flag, pm10_qc_flag, so2_qc_flag, no2_qc_flag, co_qc_flag, o3_qc_flag from intermediate.int_air_station_hours_screened where is_preferred
  except all
  select station_code, t, pm2_5_flag, pm10_flag, so2_flag, no2_flag, co_flag, o3_flag from {schema}.hourly)
union all
select 'station_daily', count(*) from marts.fct_air_station_daily as e
  full join {schema}.station_daily as h on h.station_code = e.station_code and h.d = e.observation_date
  left join {schema}.daily_aqi as a on a.kind = 'station' and a.k = e.station_code and a.d = e.observation_date
  where h.d is null or e.observation_date is null
     or abs(coalesce(e.pm2_5_24h_ug_m3, -1) - coalesce(h.pm2_5_24h, -1)) > 1e-6 or e.pm2_5_24h_is_valid <> h.pm2_5_24h_ok
     or abs(coalesce(e.co_24h_mg_m3, -1) - coalesce(h.co_24h, -1)) > 1e-6 or e.co_24h_is_valid <> h.co_24h_ok
     or abs(coalesce(e.o3_mda8_ug_m3, -1) - coalesce(h.o3_mda8, -1)) > 1e-6 or e.o3_mda8_is_valid <> h.o3_mda8_ok
     or e.aqi is distinct from a.aqi or e.primary_pollutants is distinct from a.primary_pollutants
     or e.aqi_level is distinct from a.aqi_level or e.is_aqi_complete <> coalesce(a.aqi_complete, false)
union all
select 'city_daily', count(*) from marts.fct_air_city_daily as e
  full join {schema}.city_daily as h on h.city = e.city_text and h.d = e.observation_date
  left join {schema}.daily_aqi as a on a.kind = 'city' and a.k = e.city_text and a.d = e.observation_date
  where h.d is null or e.observation_date is null or e.stations_reporting <> h.stations_reporting
     or abs(coalesce(e.pm10_24h_ug_m3, -1) - coalesce(h.pm10_24h, -1)) > 1e-6
     or abs(coalesce(e.o3_mda8_ug_m3, -1) - coalesce(h.o3_mda8, -1)) > 1e-6
     or e.aqi is distinct from a.aqi or e.primary_pollutants is distinct from a.primary_pollutants
union all
select 'city_annual', count(*) from marts.fct_air_city_annual as e
  full join {schema}.city_annual as h on h.city = e.city_text and h.year = e.year
  where h.year is null or e.year is null
     or abs(coalesce(e.pm2_5_annual_mean_ug_m3, -1) - coalesce(h.pm2_5_mean, -1)) > 1e-6
     or abs(coalesce(e.o3_mda8_p90_ug_m3, -1) - coalesce(h.o3_p90, -1)) > 1e-6
     or abs(coalesce(e.co_24h_p95_mg_m3, -1) - coalesce(h.co_p95, -1)) > 1e-6
     or e.good_days <> h.good_days or e.aqi_valid_days <> h.aqi_days or e.heavy_pollution_days <> h.heavy_days
     or e.pm10_exceedance_days <> h.pm10_exceed or e.o3_exceedance_days <> h.o3_exceed
     or e.is_complete <> h.is_complete or e.co_p95_meets_24h_limit is distinct from h.co_meets
     or e.pm2_5_meets_annual_limit is distinct from h.pm2_5_meets
