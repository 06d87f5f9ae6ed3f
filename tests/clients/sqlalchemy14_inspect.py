"""What Superset sees when envwh is added as a database: SQLAlchemy 1.4's inspector over psycopg2.

Run by tests/integration/test_serve_clients.py with .venv-sqlalchemy14/bin/python (SQLAlchemy 1.4
cannot live beside the project's 2.x). Argument: a SQLAlchemy URL. Prints JSON.
"""

import json
import sys

import sqlalchemy
from sqlalchemy import inspect

assert sqlalchemy.__version__.startswith("1.4."), sqlalchemy.__version__
engine = sqlalchemy.create_engine(sys.argv[1])
inspector = inspect(engine)
report = {
    "version": sqlalchemy.__version__,
    "schemas": inspector.get_schema_names(),
    "tables": {},
    "views": {},
}
for schema in report["schemas"]:
    if schema == "information_schema":
        continue
    report["views"][schema] = inspector.get_view_names(schema)
    for table in inspector.get_table_names(schema) + report["views"][schema]:
        report["tables"][f"{schema}.{table}"] = {
            "columns": [
                {"name": c["name"], "type": str(c["type"]), "comment": c.get("comment")}
                for c in inspector.get_columns(table, schema)
            ],
            "primary_key": inspector.get_pk_constraint(table, schema)["constrained_columns"],
            "comment": inspector.get_table_comment(table, schema)["text"],
        }
with engine.connect() as con:
    report["first_region"] = con.execute(
        sqlalchemy.text("select region_code from marts.dim_region order by region_code limit 1")
    ).scalar()
print(json.dumps(report, ensure_ascii=False))
