/* One row per carbon-market figure, converted to the indicator's canonical unit and ranked
   among the sources that state the same figure (market × product × period × basis × as-of ×
   indicator): exchange before ministry/government before press, then the earlier file name.
   is_preferred marks the figure a BI view should show; the others stay for comparison. */
with

figures as (select * from {{ ref('stg_carbon_market__figures') }}),

manifest as (select source_file, source_kind from {{ ref('stg_raw__manifest') }}),

preference as (select * from {{ ref('source_preference') }}),

indicators as (select indicator_code, canonical_unit_code from {{ ref('indicators') }}),

units as (select unit_code, dimension, factor_to_base from {{ ref('units') }}),

converted as (

    select
        figures.*,
        manifest.source_kind,
        preference.preference_rank,
        indicators.canonical_unit_code,
        {{ convert_units('figures.value_reported', 'reported', 'canonical') }} as value_canonical

    from figures
    inner join indicators on figures.indicator_code = indicators.indicator_code
    inner join units as canonical on indicators.canonical_unit_code = canonical.unit_code
    left join units as reported on figures.unit_code_reported = reported.unit_code
    left join manifest on figures.source_file = manifest.source_file
    left join preference on manifest.source_kind = preference.source_kind

),

ranked as (

    select
        *,
        row_number() over (
            partition by market_code, product_code, period_code, basis, as_of_date, indicator_code
            order by preference_rank nulls last, source_file
        ) = 1 as is_preferred,
        count(*) over (
            partition by market_code, product_code, period_code, basis, as_of_date, indicator_code
        ) as sources_stating

    from converted

)

select * from ranked
