/* One row per target of fct_indicator_target: the latest observation of the same indicator
   and region up to the target year (report prose or a published table), the gap and whether
   the target is met; targets with no observation are listed with status no_observation. */
with

targets as (select * from {{ ref('fct_indicator_target') }}),

indicators as (

    select indicator_code, name_zh, name_en, higher_is_better from {{ ref('dim_indicator') }}

),

observations as (

    select
        indicator_code, region_code, cast(left(period_code, 4) as integer) as observed_year,
        value_canonical, canonical_unit_code, source_file, 'report prose' as observed_in
    from {{ ref('fct_indicator_observation') }}
    where value_canonical is not null and period_code is not null
    union all
    select
        indicator_code, region_code, cast(period_code as integer), value_canonical,
        canonical_unit_code, source_file, 'published table'
    from {{ ref('fct_air_quality') }}
    where value_canonical is not null and regexp_matches(period_code, '^\d{4}$')

),

latest as (

    select
        targets.indicator_target_key,
        observations.*,
        row_number() over (
            partition by targets.indicator_target_key
            order by observations.observed_year desc, observations.observed_in,
                observations.source_file
        ) as recency

    from targets
    inner join observations
        on targets.indicator_code = observations.indicator_code
        and targets.region_code = observations.region_code
        and targets.canonical_unit_code = observations.canonical_unit_code
        and (targets.target_year is null or observations.observed_year <= targets.target_year)

),

compared as (

    select
        targets.indicator_target_key,
        targets.indicator_code,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        targets.region_code,
        targets.target_year,
        targets.target_kind,
        targets.comparator,
        targets.target_value_canonical,
        targets.canonical_unit_code,
        targets.baseline_year,
        latest.observed_year,
        latest.value_canonical as observed_value_canonical,
        latest.observed_in,
        latest.source_file as observed_source_file,
        latest.value_canonical - targets.target_value_canonical as gap_canonical,
        indicators.higher_is_better,
        targets.source_file as target_source_file,
        targets.quote as target_quote

    from targets
    left join latest
        on targets.indicator_target_key = latest.indicator_target_key and latest.recency = 1
    left join indicators on targets.indicator_code = indicators.indicator_code

),

final as (

    select
        *,
        case
            when target_kind = 'change_from_baseline' or observed_value_canonical is null
                then null
            when comparator = '>=' then observed_value_canonical >= target_value_canonical
            when comparator = '<=' then observed_value_canonical <= target_value_canonical
            when higher_is_better then observed_value_canonical >= target_value_canonical
            when not higher_is_better then observed_value_canonical <= target_value_canonical
        end as on_track,
        case
            when target_kind = 'change_from_baseline' then 'needs_baseline'
            when observed_value_canonical is null then 'no_observation'
            when comparator not in ('>=', '<=') and higher_is_better is null
                then 'no_direction'
            else 'compared'
        end as status

    from compared

)

select * from final
