/* One row per traded product (CEA allowances, CCER offsets), plus -1. */
with

products as (select * from {{ ref('carbon_products') }}),

final as (

    select
        {{ surrogate_key(['product_code']) }} as carbon_product_key,
        product_code,
        name_zh,
        name_en,
        unit_code,
        note

    from products

)

select * from final
union all
select '-1', '-1', '未知', 'unknown', null, null
