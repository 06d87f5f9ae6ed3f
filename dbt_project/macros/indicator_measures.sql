{#- seeds/indicator_table_measures.csv is the one place that says which indicator fills which
    measure column of which mart. These macros read it (at run time, so the seed is built first:
    the ref below makes it a parent of every model that calls them) and write the SQL:
    indicator_measures pivots long indicator rows into measure columns, indicator_measure_names
    lists a mart's measure columns (for an unpivot or a column list). Row order is the seed's file
    order (DuckDB keeps insertion order), which is the order of the columns. A seed row added is
    a column added, with no SQL edited; the mart's YAML (contract) must then declare it. -#}

{#- The seed's rows: of one mart (or all) and, with prose_rows_only, only those whose exact prose
    statements become rows of the mart (basis stated_in_prose). -#}
{% macro indicator_measure_rows(mart=none, prose_rows_only=false) -%}
    {%- set seed = ref('indicator_table_measures') -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set conditions = ['true'] -%}
    {%- if mart is not none -%}{%- do conditions.append("mart = '" ~ mart ~ "'") -%}{%- endif -%}
    {%- if prose_rows_only -%}{%- do conditions.append('prose_rows') -%}{%- endif -%}
    {%- set rows = run_query(
        'select indicator_code, mart, measure from ' ~ seed ~ ' where ' ~ conditions | join(' and ')
    ).rows -%}
    {%- if rows | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "seeds/indicator_table_measures.csv has no row for mart " ~ mart
            ~ (" with prose_rows" if prose_rows_only else "")) }}
    {%- endif -%}
    {{ return(rows) }}
{%- endmacro %}

{#- A mart's measure column names in seed order, each once. -#}
{% macro indicator_measure_names(mart=none, prose_rows_only=false) -%}
    {%- set names = [] -%}
    {%- for row in indicator_measure_rows(mart, prose_rows_only) -%}
        {%- if row['measure'] not in names -%}{%- do names.append(row['measure']) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{#- One column per measure (use in a grouped select): the value of the rows whose indicator fills
    it, `max(value) filter (where indicator in (...)) as measure`. only: keep these measures. -#}
{% macro indicator_measures(mart=none, prose_rows_only=false, only=none,
                            value='value_canonical', indicator='indicator_code') -%}
    {%- set rows = indicator_measure_rows(mart, prose_rows_only) -%}
    {%- set measures = [] -%}
    {%- for row in rows -%}
        {%- if row['measure'] not in measures and (only is none or row['measure'] in only) -%}
            {%- do measures.append(row['measure']) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for name in only or [] if execute and name not in measures -%}
        {{ exceptions.raise_compiler_error(
            "indicator_measures: no measure " ~ name ~ " for mart " ~ mart
            ~ " in seeds/indicator_table_measures.csv") }}
    {%- endfor -%}
    {%- for measure in measures %}
        {%- set codes = [] -%}
        {%- for row in rows if row['measure'] == measure -%}
            {%- do codes.append("'" ~ row['indicator_code'] ~ "'") -%}
        {%- endfor %}
    max({{ value }}) filter (where {{ indicator }} in ({{ codes | join(', ') }})) as {{ measure }}
    {{- "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
