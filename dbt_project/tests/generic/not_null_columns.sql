{#- Fails with one row per listed column that holds a null (and how many rows do): one test per
    table instead of one per column. Generated from `nullable: false` in the table registry
    (orchestration/registry/landing/<table>.yml). -#}
{% test not_null_columns(model, columns) %}
{% for column in columns %}
select '{{ column }}' as column_name, count(*) as null_rows
from {{ model }}
where {{ adapter.quote(column) }} is null
having count(*) > 0
{% if not loop.last %}union all{% endif %}
{% endfor %}
{% endtest %}
