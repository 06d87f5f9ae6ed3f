/* One row per air-quality record of any table: periodic values and city ranks in one shape. */
with

periodic as (select * from {{ ref('stg_air_quality__periodic_observations') }}),

rankings as (select * from {{ ref('stg_air_quality__city_rankings') }}),

periodic_records as (

    select
        'periodic_table' as record_kind,
        region_code,
        area_scope_code,
        area_scope_text,
        area_unit_count,
        period_code,
        period_type,
        period_start_date,
        period_end_date,
        indicator_code,
        value_reported,
        unit_code_reported,
        unit_text_reported,
        qualifier,
        yoy_change_value,
        yoy_change_unit_code,
        national_rank as rank,
        case when national_rank is not null then 'national' end as rank_scope,
        cast(null as varchar) as ranking_order,
        quote,
        source_file,
        source_row_number,
        source_column

    from periodic

),

ranking_records as (

    select
        'city_ranking' as record_kind,
        region_code,
        'city' as area_scope_code,
        city_text as area_scope_text,
        1 as area_unit_count,
        period_code,
        period_type,
        period_start_date,
        period_end_date,
        indicator_code,
        cast(null as double) as value_reported,
        cast(null as varchar) as unit_code_reported,
        cast(null as varchar) as unit_text_reported,
        cast(null as varchar) as qualifier,
        cast(null as double) as yoy_change_value,
        cast(null as varchar) as yoy_change_unit_code,
        rank,
        'within_province' as rank_scope,
        ranking_order,
        ranking_basis_text as quote,
        source_file,
        source_row_number,
        source_column

    from rankings

)

select * from periodic_records
union all
select * from ranking_records
