-- HJ 633: AQI is the largest IAQI; its category's range holds it; a primary pollutant is named
-- exactly when AQI > 50. Checked on station days and city days.
{% for model in ['fct_air_station_daily', 'fct_air_city_daily'] %}
select '{{ model }}' as model, observation_date, aqi, aqi_category_zh, primary_pollutants
from {{ ref(model) }} as d
left join {{ ref('int_air_aqi_categories') }} as c on c.aqi_level = d.aqi_level
where aqi is distinct from greatest(pm2_5_iaqi, pm10_iaqi, so2_iaqi, no2_iaqi, co_iaqi,
                                    o3_8h_iaqi, o3_1h_iaqi)
   or (aqi is not null and not aqi between c.aqi_min and c.aqi_max)
   or coalesce(aqi > 50, false) is distinct from (primary_pollutants is not null)
{{ "union all" if not loop.last }}
{% endfor %}
