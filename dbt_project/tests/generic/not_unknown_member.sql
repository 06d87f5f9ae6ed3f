{#- A fact's foreign key may fall back to a dimension's unknown member ('-1'), so a
    `relationships` test could never fail. This one can: it fails on every row pointing to the
    unknown member, except the rows `allowed_where` describes (where the member is legitimate,
    e.g. a ranking row has no unit), and fails when more than `max_allowed` rows are allowed.
    Both allowances are stated in the model's YAML, next to the column. -#}
{% test not_unknown_member(model, column_name, unknown='-1', allowed_where=none, max_allowed=none) %}
with

unknown as (

    select
        {% if allowed_where %} coalesce(({{ allowed_where }}), false) {% else %} false {% endif %}
            as is_allowed
    from {{ model }}
    where {{ column_name }} = '{{ unknown }}'

)

select 'points to the unknown member' as failure, count(*) as rows_failing
from unknown
where not is_allowed
having count(*) > 0
{% if max_allowed is not none %}
union all
select 'more unknown members than max_allowed ({{ max_allowed }})', count(*)
from unknown
where is_allowed
having count(*) > {{ max_allowed }}
{% endif %}
{% endtest %}
