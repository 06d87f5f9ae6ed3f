"""`envwh serve`: the published warehouse over the PostgreSQL wire protocol, read-only.

Two concepts, one module each: `guard` decides which SQL a client may run (pure policy over
DuckDB's own parser, unit-tested on its own); `server` is the wiring (buenavista's protocol
handler, password check, a read-only DuckDB per client connection, reopened when a new build is
published). Nothing here writes the published file.
"""
