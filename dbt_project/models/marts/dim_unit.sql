/* One row per unit of the registry (seeds/units.csv), plus the -1 member. */
with

units as (select * from {{ ref('units') }}),

final as (

    select
        {{ surrogate_key(['unit_code']) }} as unit_key,
        unit_code,
        symbol,
        name_zh,
        name_en,
        dimension,
        factor_to_base,
        base_unit_code,
        aliases,
        note

    from units

)

select * from final
union all
select '-1', '-1', null, '未知', 'unknown', 'unknown', null, null, null, null
