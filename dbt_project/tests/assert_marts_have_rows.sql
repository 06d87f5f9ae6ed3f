-- Every mart that the shipped raw/ feeds must have rows: an empty mart fails the build (a join
-- that silently matches nothing, a renamed code, a filter on a value that no longer occurs).
-- The declared minimum row count of each mart is here; marts without shipped input are listed
-- with 0 (water measurements: no shipped monthly concentrations yet). A new mart is added here.
{%- set min_rows = {
    'dim_region': 1, 'dim_period': 1, 'dim_indicator': 1, 'dim_unit': 1, 'dim_area_scope': 1,
    'dim_source_document': 1, 'fct_air_quality': 1, 'mart_air_quality_annual_vs_limit': 1,
    'dim_carbon_market': 1, 'dim_carbon_sector': 1, 'dim_carbon_product': 1,
    'fct_carbon_market_figure': 1, 'fct_carbon_market_trading': 1, 'fct_carbon_compliance': 1,
    'mart_carbon_market_trading_preferred': 1, 'mart_carbon_annual_vs_cumulative': 1,
    'dim_waste_facility_type': 1, 'dim_waste_facility': 1, 'fct_waste_facility_snapshot': 1,
    'fct_waste_capacity_summary': 1, 'mart_waste_capacity_disagreements': 1,
    'dim_water_section': 1, 'dim_water_parameter': 1, 'fct_water_section_assessment': 1,
    'bridge_water_assessment_pollutant': 1, 'fct_water_quality_measurement': 0,
    'fct_water_quality_summary': 1, 'mart_water_class_disagreements': 0,
    'fct_indicator_observation': 1, 'fct_indicator_target': 1, 'mart_target_progress': 1,
    'mart_indicator_prose_vs_table': 1,
} %}
{%- for model, minimum in min_rows.items() if minimum > 0 %}
select '{{ model }}' as mart, count(*) as row_count, {{ minimum }} as min_rows
from {{ ref(model) }}
having count(*) < {{ minimum }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
