/* One row per figure a report states in prose that a published table also holds (same
   indicator, region and year), with both values and whether they agree. Tables: air quality
   (fct_air_quality), waste aggregates (fct_waste_capacity_summary) and carbon compliance
   (fct_carbon_compliance), matched through seeds/indicator_table_measures.csv; the rows those
   marts took from prose themselves (basis stated_in_prose) are not compared with themselves. */
with

prose as (

    select
        indicator_code, region_code, period_code, value_canonical, canonical_unit_code,
        source_file, quote
    from {{ ref('fct_indicator_observation') }}
    where value_canonical is not null

),

measures as (select * from {{ ref('indicator_table_measures') }} where prose_rows),

waste as (

    select
        measures.indicator_code, summary.region_code, cast(summary.year as varchar) as period_code,
        case measures.measure
            {%- for measure in indicator_measure_names('fct_waste_capacity_summary') %}
            when '{{ measure }}' then cast(summary.{{ measure }} as double)
            {%- endfor %}
        end as value_canonical,
        'fct_waste_capacity_summary (' || summary.basis || ')' as table_model,
        summary.source_files as table_source
    from {{ ref('fct_waste_capacity_summary') }} as summary
    inner join measures
        on measures.mart = 'fct_waste_capacity_summary'
        and summary.facility_type_code = measures.facility_type_code
    where summary.basis <> 'stated_in_prose'

),

carbon as (

    select
        measures.indicator_code, compliance.region_code,
        compliance.compliance_period_code as period_code,
        case measures.measure
            {%- for measure in indicator_measure_names('fct_carbon_compliance') %}
            when '{{ measure }}' then compliance.{{ measure }}
            {%- endfor %}
        end as value_canonical,
        'fct_carbon_compliance' as table_model, compliance.source_file as table_source
    from {{ ref('fct_carbon_compliance') }} as compliance
    inner join measures
        on measures.mart = 'fct_carbon_compliance'
        and compliance.market_code = measures.market_code
    where compliance.basis = 'market_table'

),

air as (

    select
        indicator_code, region_code, period_code, value_canonical,
        'fct_air_quality' as table_model, source_file as table_source
    from {{ ref('fct_air_quality') }}
    where value_canonical is not null

),

tables as (select * from waste union all select * from carbon union all select * from air),

final as (

    select
        prose.indicator_code,
        prose.region_code,
        prose.period_code,
        prose.canonical_unit_code,
        prose.value_canonical as prose_value_canonical,
        tables.value_canonical as table_value_canonical,
        abs(prose.value_canonical - tables.value_canonical)
            <= 1e-6 * greatest(abs(prose.value_canonical), 1) as agrees,
        prose.source_file as prose_source_file,
        prose.quote as prose_quote,
        tables.table_model,
        tables.table_source

    from prose
    inner join tables
        on prose.indicator_code = tables.indicator_code
        and prose.region_code = tables.region_code
        and prose.period_code = tables.period_code

)

select * from final
