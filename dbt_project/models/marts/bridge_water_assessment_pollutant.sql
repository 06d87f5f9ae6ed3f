/* One row per assessment × main pollutant: the list ("总磷、氨氮和五日生化需氧量") split into
   parameters, in the order the source names them. */
with

assessments as (

    select water_assessment_key, main_pollutant_codes
    from {{ ref('fct_water_section_assessment') }}
    where main_pollutant_codes is not null

),

split as (

    select
        water_assessment_key,
        unnest(string_split(main_pollutant_codes, ',')) as parameter_code,
        generate_subscripts(string_split(main_pollutant_codes, ','), 1) as pollutant_order
    from assessments

)

select
    split.water_assessment_key,
    coalesce(parameters.water_parameter_key, '-1') as water_parameter_key,
    split.parameter_code,
    split.pollutant_order
from split
left join {{ ref('dim_water_parameter') }} as parameters using (parameter_code)
