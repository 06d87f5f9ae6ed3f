"""The `envwh` command: thin argument handling over build, publish, quality and query modules.

Exit codes: 0 success; 1 the build or validation failed (checks, bad raw/); 2 usage or input
error (bad file, bad query).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from orchestration.manifest import DOCUMENT_KINDS, SOURCE_KINDS
from orchestration.parsing.builders import landing_tables
from orchestration.paths import settings

EPILOG = """examples:
  envwh build                      land raw/, run dbt and the suites, publish warehouse/envwh.duckdb
  envwh build --full-refresh       rebuild from an empty file, re-landing every source file
  envwh sql "select * from marts.fct_air_quality limit 5"
  envwh rejected                   list quarantined rows with file, row, column, rule and message
  envwh validate                   run every expectation suite against the published warehouse
  envwh docs                       dbt docs, GX Data Docs, dictionary, dashboard (warehouse/docs/)
  envwh export                     one Parquet file per mart table in warehouse/exports/
  envwh registry generate          regenerate the dbt source of the landing tables and
                                   seeds/indicators.csv from the registry
  envwh serve                      serve the warehouse read-only to psql and BI tools on :5433
  psql "postgresql://envwh@127.0.0.1:5433/envwh" -c "select * from marts.dim_region limit 5"
  envwh manifest add raw/air_quality/new.csv --table air_quality__periodic --province 广西 \\
        --publisher 广西壮族自治区生态环境厅 --title "…" --url https://…
"""


def run() -> NoReturn:
    """The `envwh` command: `main` on the command line, then the process ends at once. Python's
    final garbage collection of what a build imported (Dagster, dbt, Great Expectations: millions
    of objects) takes ≈ 4 s after the last line is printed, and nothing is left for it to do:
    every command has closed its connections, waited for its subprocesses and removed its
    temporary files by the time `main` returns. mypy ends the same way."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return args.handler(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="envwh",
        description="envwh: environmental indicator warehouse (DuckDB, dbt, Dagster, GX).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help_text: str, examples: str, handler) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, epilog=f"examples:\n{examples}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip
        sub.set_defaults(handler=handler)
        return sub

    build = command(
        "build",
        "Build and publish warehouse/envwh.duckdb from raw/ (a no-op when nothing changed).",
        "  envwh build\n  envwh build --full-refresh\n"
        "  envwh build --timings timings.json\n"
        "  ENVWH_RAW_DIR=/data/raw ENVWH_WAREHOUSE_DIR=/data/wh envwh build",
        _build,
    )
    build.add_argument("--full-refresh", action="store_true",
                       help="start from an empty file and re-land every source file")  # fmt: skip
    build.add_argument("--timings", metavar="FILE", type=Path,
                       help="also write the seconds of every stage as JSON to FILE "
                            "(what `make bench` prints)")  # fmt: skip

    sql = command(
        "sql",
        "Run one read-only query against the published warehouse and print the result. "
        "With --format csv, a text cell a spreadsheet would run as a formula (starting with =, "
        "+, -, @, tab or carriage return; plain numbers such as -15.8 excepted) is prefixed "
        "with a single quote (OWASP CSV injection); the warehouse keeps the value as it is. "
        "Bad SQL prints a one-line error and exits 2.",
        '  envwh sql "select indicator_code, count(*) from marts.fct_air_quality group by 1"\n'
        '  envwh sql --format csv "select * from marts.dim_region" > regions.csv',
        _sql,
    )
    sql.add_argument("query", help="one SQL statement (the file is opened read-only)")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sql.add_argument("--max-rows", type=int, default=200, help="rows shown in table format")

    rejected = command(
        "rejected",
        "List rows quarantined by the last build (quality.rejected_rows).",
        "  envwh rejected\n  envwh rejected --table air_quality__periodic",
        _rejected,
    )
    rejected.add_argument("--table", help="only this landing table")

    command("validate", "Run every expectation suite (expectations/*.json) against the "
            "published warehouse; exit 1 when a critical expectation fails.",
            "  envwh validate", _validate)  # fmt: skip
    command("docs", "Build dbt docs, GX Data Docs, the bilingual data dictionary and a dashboard "
            "of the headline series into warehouse/docs/ (works offline: no CDN).",
            "  envwh docs && python3 -m http.server -d warehouse/docs", _docs)  # fmt: skip
    command("export", "Write one Parquet file per mart table (and a README of the star schema) "
            "to warehouse/exports/.", "  envwh export", _export)  # fmt: skip
    command("dictionary", "Regenerate docs/data_dictionary.md from the bi views' and marts' YAML "
            "and seeds.",
            "  envwh dictionary", _dictionary)  # fmt: skip
    registry = command(
        "registry",
        "The table registry (orchestration/registry/landing/<table>.yml) and the indicator "
        "catalogue (orchestration/registry/indicators/<subject>.yml). `generate` writes the dbt "
        "source file of the landing tables (dbt_project/models/staging/_landing__sources.yml) "
        "and the dbt seed of the catalogue (dbt_project/seeds/indicators.csv); `list` prints "
        "each table's columns.",
        "  envwh registry generate\n  envwh registry list",
        _registry,
    )
    registry.add_argument("action", choices=["generate", "list"])

    extract = command(
        "extract",
        "Print every quantitative fact of a UTF-8 text file (a report, a plan, a news item): "
        "indicator, kind (actual/target/change/rank), value and unit as stated, canonical "
        "value, comparator, period, region, the quote and its character offsets, and whether "
        "the value is a departure from the climate normal (a signed difference). Region and "
        "year come from the text unless --province/--region/--year say otherwise. With --evaluate, "
        "score the extractor against hand-labelled gold files instead (precision, recall, "
        "wrong_indicator: facts claiming another code than the gold's, or a code where the "
        "gold has none; unmapped: facts kept without a code where the gold has one).",
        "  envwh extract raw/reports/001_e8eb7f156b0340c6.txt\n"
        "  envwh extract news.txt --province 廣西 --year 2024 --format json\n"
        "  envwh extract bulletin.txt --province 四川 --region 成都市   a city's own bulletin\n"
        "  envwh extract news.txt --unmapped     numbers with a unit no indicator claimed\n"
        "  envwh extract --suggest               unclaimed names, most frequent first (lexicon)\n"
        "  envwh extract --evaluate tests/gold   precision and recall per document (the seed set)\n"
        "  envwh extract --evaluate tests/gold/unseen --half dev   the development half only",
        _extract,
    )
    extract.add_argument("file", nargs="?", help="a UTF-8 text file")
    extract.add_argument("--province", help="广西 / 廣西 / 450000 / Guangxi, or 全国 for China")
    extract.add_argument(
        "--region",
        help="a prefecture or county of --province the document "
        "speaks of (a city's own bulletin): its figures are then that region's",
    )
    extract.add_argument("--year", type=int, help="the report year (actuals without a year)")
    extract.add_argument("--format", choices=["csv", "json", "table"], default="csv")
    extract.add_argument("--unmapped", action="store_true",
                         help="list numbers with a unit no lexicon indicator claimed, and "
                              "those whose value their indicator refused (reason: a unit "
                              "that does not convert, a level beyond its range)")  # fmt: skip
    extract.add_argument("--evaluate", metavar="GOLD_DIR", type=Path,
                         help="gold CSVs named after documents of raw/reports/, or a folder "
                              "with dev/ and test/ halves")  # fmt: skip
    extract.add_argument("--half", choices=["dev", "test", "both"], default="dev",
                         help="with --evaluate on a split gold set: which half to score "
                              "(default dev; score the test half once, after tuning)")  # fmt: skip
    extract.add_argument("--suggest", action="store_true",
                         help="list the names most often stated with an unclaimed number "
                              "in raw/reports/ (lexicon candidates)")  # fmt: skip
    extract.add_argument("--top", type=int, default=30, help="how many names --suggest lists")
    extract.add_argument("--documents", metavar="STEMS",
                         help="with --suggest: only these documents of raw/reports/ "
                              "(comma-separated file-name prefixes, e.g. 006,009)")  # fmt: skip

    serve = command(
        "serve",
        "Serve the published warehouse read-only to psql and BI tools (Superset, Metabase, "
        "Grafana, JDBC): envwh starts a private PostgreSQL, loads every schema readers use "
        "(marts, reference, quality, meta, …) from warehouse/envwh.duckdb with types, keys "
        "and comments, and reloads when a new build is published. User envwh, database envwh; "
        "the role may only SELECT (writes, DDL, COPY to or from files, file functions and "
        "server settings are refused). A non-loopback --host needs ENVWH_SERVE_PASSWORD; on "
        "loopback without it, no password is asked. Limits: see the flags (each also read "
        "from the ENVWH_SERVE_* variable named). Needs PostgreSQL 15+ (apt-get install "
        "postgresql); as root it runs as the OS user postgres.",
        "  envwh serve\n"
        '  psql "postgresql://envwh@127.0.0.1:5433/envwh" -c "select * from marts.dim_region"\n'
        "  ENVWH_SERVE_PASSWORD=… envwh serve --host 0.0.0.0 --port 5433\n"
        "  envwh serve --memory 2GB --statement-timeout 30 --max-connections 50\n"
        "  envwh serve --max-sql-bytes 4MB",
        _serve,
    )
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; any other needs "
                            "ENVWH_SERVE_PASSWORD)")  # fmt: skip
    serve.add_argument("--port", type=int, default=5433,
                       help="TCP port (default 5433; 0 picks a free one)")  # fmt: skip
    serve.add_argument("--memory", metavar="SIZE",
                       help="memory budget of the whole server, e.g. 2GB (ENVWH_SERVE_MEMORY; "
                            "default a quarter of RAM; one query may use a quarter "
                            "of it)")  # fmt: skip
    serve.add_argument("--statement-timeout", type=int, metavar="SECONDS",
                       help="a statement running longer is cancelled with SQLSTATE 57014 "
                            "(ENVWH_SERVE_STATEMENT_TIMEOUT; default 60)")  # fmt: skip
    serve.add_argument("--max-connections", type=int, metavar="N",
                       help="client connections at once; one more gets SQLSTATE 53300 "
                            "(ENVWH_SERVE_MAX_CONNECTIONS; default 100)")  # fmt: skip
    serve.add_argument("--idle-timeout", type=int, metavar="SECONDS",
                       help="an idle client is disconnected with SQLSTATE 57P05 "
                            "(ENVWH_SERVE_IDLE_TIMEOUT; default 600; login must finish "
                            "in 10)")  # fmt: skip
    serve.add_argument("--max-sql-bytes", metavar="SIZE",
                       help="a Query or Parse message carrying more SQL than this (e.g. 4MB) is "
                            "refused, before any parser sees it, with SQLSTATE 54000 naming "
                            "both sizes; the connection goes on (ENVWH_SERVE_MAX_SQL_BYTES; "
                            "default 1MB)")  # fmt: skip

    manifest = command(
        "manifest",
        "Check raw/ against raw/manifest.csv, or add new raw files (one, many, or a glob) to it. "
        "`add` refuses a --table no landing table has (the error lists them) and a file whose "
        "bytes (sha256) are already listed under another name; every build refuses both too.",
        "  envwh manifest check\n  envwh manifest add raw/air_quality/x.csv --table "
        "air_quality__periodic --province 贵州 --publisher 贵州省生态环境厅 --document-kind "
        "bulletin --title … --url …\n"
        "  envwh manifest add 'raw/monitoring/cnemc_2024-*.csv' --table "
        "air_quality__station_hourly --document-kind bulletin --url …",
        _manifest,
    )
    manifest.add_argument("action", choices=["check", "add"])
    manifest.add_argument("path", nargs="*",
                          help="with add: the new files inside raw/ (paths or quoted globs; all "
                               "get the same fields; none is added unless all can be)")  # fmt: skip
    manifest.add_argument("--table", default="",
                          help="the landing table, spelled exactly: "
                               + ", ".join(landing_tables()))  # fmt: skip
    for option in ("province", "period", "publisher", "title", "published", "url", "notes"):
        manifest.add_argument(f"--{option}", default="")
    manifest.add_argument("--region", default="",
                          help="with a report text: the prefecture or county of --province the "
                               "document speaks of (a city's own bulletin: --province 四川 "
                               "--region 成都市); its figures are then that region's")  # fmt: skip
    manifest.add_argument("--source-kind", default="government",
                          choices=SOURCE_KINDS,
                          help="who published it; decides which of two disagreeing figures "
                               "is preferred (exchange > ministry/government > press)")  # fmt: skip
    manifest.add_argument("--document-kind", default="", choices=DOCUMENT_KINDS,
                          help="what the document is (seeds/document_kinds.csv); a policy or "
                               "work plan's numbers are read as targets")  # fmt: skip
    return parser


def _build(args: argparse.Namespace) -> int:
    from orchestration.build import build
    from orchestration.manifest import ManifestError
    from orchestration.publish import BuildLocked
    from orchestration.report import print_summary

    try:
        summary = build(full_refresh=args.full_refresh, echo=lambda line: print(line, flush=True))
    except ManifestError as exc:
        print(f"✗ raw/ does not match raw/manifest.csv; nothing was built or published:\n{exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    except BuildLocked as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 1
    print_summary(summary)
    if args.timings:
        args.timings.write_text(json.dumps(summary.stage_seconds, indent=1), encoding="utf-8")
    return 0 if summary.ok else 1


def _sql(args: argparse.Namespace) -> int:
    from orchestration.query import QueryError, run_query

    try:
        print(run_query(settings().published_path, args.query, args.format, args.max_rows))
    except QueryError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    return 0


def _rejected(args: argparse.Namespace) -> int:
    query = ("select table_name, source_file, row_number, column_name, value, rule, message "
             "from quality.rejected_rows")  # fmt: skip
    if args.table:
        query += f" where table_name = '{args.table.replace(chr(39), '')}'"
    query += " order by table_name, source_file, row_number"
    return _sql(argparse.Namespace(query=query, format="table", max_rows=10_000))


def _validate(args: argparse.Namespace) -> int:
    from orchestration.quality.validate import validate_database
    from orchestration.report import print_validation

    try:
        results = validate_database(settings().published_path)
    except FileNotFoundError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    print_validation(results)
    return 1 if any(r.blocking_failure for r in results) else 0


def _docs(args: argparse.Namespace) -> int:
    from orchestration.docs import build_docs

    index = build_docs(settings())
    print(f"✓ docs written: {index}")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from orchestration.extraction.reports import NotText, extract_file
    from orchestration.query import format_rows

    if args.evaluate:
        return _evaluate(args.evaluate, args.half)
    if args.suggest:
        return _suggest(args.top, args.format, args.documents)
    if not args.file:
        print("✗ give a FILE to extract, or --evaluate GOLD_DIR", file=sys.stderr)
        return 2
    try:
        extraction = extract_file(Path(args.file), args.province, args.year, args.region)
    except (OSError, NotText, ValueError) as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    rows = extraction.unmapped if args.unmapped else extraction.facts
    columns = list(rows[0].__dataclass_fields__) if rows else []
    print(format_rows(columns, [tuple(vars(r).values()) for r in rows], args.format, 10_000))
    return 0


def _evaluate(gold_dir: Path, half: str) -> int:
    from orchestration.extraction.evaluate import evaluate, gold_sets, overall
    from orchestration.extraction.reports import extract_entry, report_entries
    from orchestration.manifest import read_manifest
    from orchestration.query import format_rows

    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    sets = gold_sets(gold_dir, ["dev", "test"] if half == "both" else [half])
    unknown = sorted(p.stem for _, d in sets for p in d.glob("*.csv") if p.stem not in entries)
    if unknown:
        print(f"✗ gold files without a document in raw/reports/: {unknown}", file=sys.stderr)
        return 2
    columns = ["set", "document", "gold", "extracted", "found", "precision", "recall",
               "wrong_indicator", "unmapped"]  # fmt: skip
    rows, details = [], []
    for label, folder in sets:
        scores = evaluate(folder, lambda stem: extract_entry(paths.raw_dir, entries[stem]).facts)
        for s in [*scores, overall(scores, "overall")]:
            rows.append((label, s.document, s.gold, s.extracted, s.found, f"{s.precision:.1%}",
                         f"{s.recall:.1%}", f"{s.wrong_indicator_rate:.1%}",
                         f"{s.unmapped_rate:.1%}"))  # fmt: skip
        for s in scores:
            details += [f"  missed   {label} {s.document}: {k}" for k in s.missed]
            for key in s.spurious:
                wrong = ("  (wrong indicator)" if key in s.wrong
                         else "  (unmapped)" if key in s.unmapped_keys else "")  # fmt: skip
                details.append(f"  spurious {label} {s.document}: {key}{wrong}")
    print(format_rows(columns, rows))
    print("\n".join(details))
    return 0


def _suggest(top: int, output_format: str, documents: str | None) -> int:
    from orchestration.extraction.reports import extract_entry, report_entries
    from orchestration.extraction.suggest import suggest
    from orchestration.manifest import read_manifest
    from orchestration.query import format_rows

    paths = settings()
    entries = report_entries(read_manifest(paths.manifest_path))
    if documents:
        prefixes = tuple(p.strip() for p in documents.split(",") if p.strip())
        entries = [e for e in entries if Path(e.path).name.startswith(prefixes)]
    extractions = {e.path: extract_entry(paths.raw_dir, e) for e in entries}
    rows = suggest(extractions)[:top]
    columns = ["name", "documents", "mentions", "units", "example"]
    print(format_rows(columns, [tuple(vars(r).values()) for r in rows], output_format))
    return 0


def _export(args: argparse.Namespace) -> int:
    from orchestration.export import export

    try:
        files = export(settings())
    except FileNotFoundError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    print(f"✓ {len(files)} Parquet files in {settings().exports_dir}")
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from orchestration.dictionary import write

    print(f"✓ wrote {write()}")
    return 0


def _registry(args: argparse.Namespace) -> int:
    from orchestration.registry import landing_tables
    from orchestration.registry.generate import write_generated

    if args.action == "generate":
        for path, changed in write_generated().items():
            print(f"✓ {'wrote' if changed else 'unchanged:'} {path}")
        return 0
    for table in landing_tables().values():
        print(f"landing.{table.name}: {', '.join(table.column_types)}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from orchestration.serving.limits import LimitError, limits_from
    from orchestration.serving.server import ServeError, serve, serve_config

    try:
        limits = limits_from(args.memory, args.statement_timeout, args.max_connections,
                             args.idle_timeout, args.max_sql_bytes)  # fmt: skip
        serve(serve_config(settings().published_path, args.host, args.port, limits=limits))
    except LimitError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    except ServeError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    return 0


def _manifest(args: argparse.Namespace) -> int:
    from orchestration.manifest import ManifestError, add_entries, expand, read_manifest, verify

    paths = settings()
    try:
        if args.action == "add":
            if not (args.path and args.table and args.url and args.document_kind):
                print("✗ manifest add needs PATH, --table, --document-kind and --url",
                      file=sys.stderr)  # fmt: skip
                return 2
            for entry in add_entries(paths.raw_dir, expand(args.path), vars(args)):
                print(f"✓ added raw/{entry.path} (sha256 {entry.sha256})")
        verify(paths.raw_dir, read_manifest(paths.manifest_path), paths.hash_cache_path)
    except ManifestError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 1
    print(f"✓ raw/ matches {paths.manifest_path}")
    return 0


if __name__ == "__main__":
    run()
