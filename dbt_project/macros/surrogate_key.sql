{#- md5 of the natural key's parts; nulls become '-1' so a missing part still hashes the same way.
    (dbt_utils is not reachable offline; this is its generate_surrogate_key, kept small.) -#}
{% macro surrogate_key(columns) -%}
    md5(concat_ws('|', {% for column in columns -%}
        coalesce(cast({{ column }} as varchar), '-1'){{ ", " if not loop.last }}
    {%- endfor %}))
{%- endmacro %}
