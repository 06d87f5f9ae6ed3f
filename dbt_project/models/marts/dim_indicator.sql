/* One row per indicator: the indicator catalogue (the YAML files of orchestration/registry/indicators,
   written to seeds/indicators.csv by `envwh registry generate`), and the -1 member. */
with

indicators as (select * from {{ ref('indicators') }}),

final as (

    select
        {{ surrogate_key(['indicator_code']) }} as indicator_key,
        indicator_code,
        name_zh,
        name_en,
        subject,
        canonical_unit_code,
        higher_is_better,
        valid_min,
        valid_max,
        range_basis,
        nullif(standard_pollutant, '') as standard_pollutant,
        nullif(table_aliases, '') as table_aliases,
        nullif(prose_aliases, '') as prose_aliases,
        defined_in

    from indicators

)

select * from final
union all
select '-1', '-1', '未知', 'unknown', 'unknown', null, null, null, null, null, null, null, null,
    null
