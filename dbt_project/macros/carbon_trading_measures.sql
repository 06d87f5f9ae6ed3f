{#- The trading measures of carbon-market figures, one column each (use in a grouped select). -#}
{% macro carbon_trading_measures() -%}
    {%- set measures = [
        ('carbon_traded_volume', 'volume_t_co2e'),
        ('carbon_turnover', 'turnover_cny'),
        ('carbon_closing_price', 'closing_price_cny_per_t'),
        ('carbon_average_price', 'average_price_cny_per_t'),
    ] -%}
    {%- for indicator, column in measures %}
    max(value_canonical) filter (where indicator_code = '{{ indicator }}') as {{ column }}
    {{- "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
