/* One row per kind of area a figure covers (all prefecture cities, county cities, one city…). */
with

scopes as (select * from {{ ref('area_scopes') }}),

final as (

    select
        {{ surrogate_key(['area_scope_code']) }} as area_scope_key,
        area_scope_code,
        name_zh,
        name_en,
        note

    from scopes

)

select * from final
union all
select '-1', '-1', '未知', 'unknown', null
