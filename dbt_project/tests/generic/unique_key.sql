{#- The columns identify a row: fails on each combination of them that occurs more than once and
    on each combination with a null in it — `unique` and `not_null` (or `unique_combination` and
    `not_null` on each grain column) in one test and one scan. On a column (`data_tests:
    [unique_key]`) or a model (`unique_key: {arguments: {columns: [...]}}`). -#}
{% test unique_key(model, column_name=none, columns=none) %}
{%- set key = columns if columns is not none else [column_name] -%}
{%- set has_null -%}
    ({% for column in key %}{{ column }} is null{% if not loop.last %} or {% endif %}{% endfor %})
{%- endset %}
select
    {% for column in key %}{{ column }}, {% endfor %}
    count(*) as occurrences,
    case when {{ has_null }} then 'null in the key' else 'repeated' end as failure
from {{ model }}
group by all
having count(*) > 1 or {{ has_null }}
{% endtest %}
