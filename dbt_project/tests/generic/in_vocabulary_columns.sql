{#- Fails with one row per column and unknown code (and how many rows hold it): every coded
    column of a table against its vocabulary in one test, instead of one `in_vocabulary` or
    `accepted_values` test (a dbt node each) per column. `columns` maps a column to either a seed
    column ({to: "ref('seed')", field: code, vocabulary_where: "subject = 'air'"}, the
    vocabulary optionally restricted to the rows where vocabulary_where holds) or a fixed list
    ({values: [a, b]}). Generated from the `vocabulary` and `values` of the columns in
    orchestration/registry/landing/<table>.yml. -#}
{% test in_vocabulary_columns(model, columns) %}
{% for column, vocabulary in columns.items() %}
select
    '{{ column }}' as column_name,
    cast({{ adapter.quote(column) }} as varchar) as unknown_code,
    count(*) as rows_with_it
from {{ model }}
where {{ adapter.quote(column) }} is not null
  and {{ adapter.quote(column) }} not in (
      {%- if vocabulary.get('values') is not none %}
      {% for value in vocabulary['values'] %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor %}
      {%- else %}
      select {{ vocabulary['field'] }} from {{ vocabulary['to'] }}
      {% if vocabulary.get('vocabulary_where') %} where {{ vocabulary['vocabulary_where'] }} {% endif %}
      {%- endif %}
  )
group by all
{% if not loop.last %}union all{% endif %}
{% endfor %}
{% endtest %}
