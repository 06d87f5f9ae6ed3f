"""`envwh serve`: the published warehouse served read-only by a real PostgreSQL.

One concept per module: `limits` (what clients may cost, as PostgreSQL settings; pure),
`cluster` (a private PostgreSQL created, configured, started and stopped by envwh, listening on
a Unix socket only), `front` (the TCP listener: PostgreSQL's protocol relayed byte for byte,
oversized SQL refused), `load` (DuckDB → PostgreSQL: types, keys, comments, COPY, atomic swap of
builds) and `server` (the start-up rules and the serving loop). Nothing here writes the
published file.
"""
