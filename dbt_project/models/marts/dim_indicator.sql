/* One row per indicator: the catalogue of seeds/indicators.csv, the indicators only report
   prose uses (the YAML files of orchestration/extraction/lexicon), and the -1 member. */
with

indicators as (select * from {{ ref('indicators') }}),

lexicon as (select * from {{ ref('stg_reports__lexicon') }}),

catalogue as (

    select
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
        aliases,
        'seeds/indicators.csv' as defined_in

    from indicators

),

prose_only as (

    select
        indicator_code,
        name_zh,
        name_en,
        subject,
        canonical_unit_code,
        higher_is_better,
        valid_min,
        valid_max,
        range_basis,
        null as standard_pollutant,
        aliases,
        'orchestration/extraction/lexicon/' || lexicon_file as defined_in

    from lexicon
    where indicator_code not in (select indicator_code from indicators)

),

final as (

    select
        {{ surrogate_key(['indicator_code']) }} as indicator_key,
        *
    from (select * from catalogue union all select * from prose_only)

)

select * from final
union all
select '-1', '-1', '未知', 'unknown', 'unknown', null, null, null, null, null, null, null, null
