{#- Fails on each pair of rows with the same key whose validity intervals overlap (null valid_from
    = since ever, null valid_to = still valid; both ends inclusive): a key names one row at a time. -#}
{% test intervals_do_not_overlap(model, key_columns, valid_from='valid_from', valid_to='valid_to') %}
with

numbered as (

    select
        {{ key_columns | join(', ') }},
        coalesce({{ valid_from }}, date '0001-01-01') as interval_start,
        coalesce({{ valid_to }}, date '9999-12-31') as interval_end,
        row_number() over () as row_id
    from {{ model }}

)

select first.*, second.interval_start as other_start, second.interval_end as other_end
from numbered as first
inner join numbered as second
    on {% for column in key_columns %}first.{{ column }} = second.{{ column }} and {% endfor %}
    first.row_id < second.row_id
    and first.interval_start <= second.interval_end
    and second.interval_start <= first.interval_end
{% endtest %}
