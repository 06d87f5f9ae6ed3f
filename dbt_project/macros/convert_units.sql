{#- A value in the reported unit, expressed in the canonical unit: value × factor_to_base(reported)
    / factor_to_base(canonical), both rows of ref('units'); null when the dimensions differ
    (the parsers already quarantine such records). -#}
{% macro convert_units(value, reported, canonical) -%}
    case
        when {{ reported }}.dimension = {{ canonical }}.dimension
            then {{ value }} * {{ reported }}.factor_to_base / {{ canonical }}.factor_to_base
    end
{%- endmacro %}
