{#- Fails on each value of the column that is not a code of the vocabulary (a seed column),
    optionally restricted to the vocabulary rows where `vocabulary_where` holds. Generated
    from the `vocabulary` of a column in orchestration/registry/landing/<table>.yml. -#}
{% test in_vocabulary(model, column_name, to, field, vocabulary_where=none) %}
select {{ column_name }} as unknown_code, count(*) as rows_with_it
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in (
      select {{ field }} from {{ to }}
      {% if vocabulary_where %} where {{ vocabulary_where }} {% endif %}
  )
group by 1
{% endtest %}
