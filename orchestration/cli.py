"""The `envwh` command: thin argument handling over build, publish, quality and query modules.

Exit codes: 0 success; 1 the build or validation failed (checks, bad raw/); 2 usage or input
error (bad file, bad query).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orchestration.manifest import DOCUMENT_KINDS, SOURCE_KINDS
from orchestration.paths import settings

EPILOG = """examples:
  envwh build                      land raw/, run dbt and the suites, publish warehouse/envwh.duckdb
  envwh build --full-refresh       rebuild from an empty file, re-landing every source file
  envwh sql "select * from marts.fct_air_quality limit 5"
  envwh rejected                   list quarantined rows with file, row, column, rule and message
  envwh validate                   run every expectation suite against the published warehouse
  envwh docs                       dbt docs, GX Data Docs, bilingual dictionary (warehouse/docs/)
  envwh export                     one Parquet file per mart table in warehouse/exports/
  envwh serve                      serve the warehouse read-only to psql and BI tools on :5433
  psql "postgresql://envwh@127.0.0.1:5433/envwh" -c "select * from marts.dim_region limit 5"
  envwh manifest add raw/air_quality/new.csv --table air_quality__periodic --province 广西 \\
        --publisher 广西壮族自治区生态环境厅 --title "…" --url https://…
"""


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
        "  ENVWH_RAW_DIR=/data/raw ENVWH_WAREHOUSE_DIR=/data/wh envwh build",
        _build,
    )
    build.add_argument("--full-refresh", action="store_true",
                       help="start from an empty file and re-land every source file")  # fmt: skip

    sql = command(
        "sql",
        "Run one read-only query against the published warehouse and print the result.",
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
    command("docs", "Build dbt docs, GX Data Docs and the bilingual data dictionary into "
            "warehouse/docs/.",
            "  envwh docs && python3 -m http.server -d warehouse/docs", _docs)  # fmt: skip
    command("export", "Write one Parquet file per mart table (and a README of the star schema) "
            "to warehouse/exports/.", "  envwh export", _export)  # fmt: skip
    command("dictionary", "Regenerate docs/data_dictionary.md from the marts' YAML and seeds.",
            "  envwh dictionary", _dictionary)  # fmt: skip

    extract = command(
        "extract",
        "Print every quantitative fact of a UTF-8 text file (a report, a plan, a news item): "
        "indicator, kind (actual/target/change/rank), value and unit as stated, canonical "
        "value, comparator, period, region, the quote and its character offsets. Region and "
        "year come from the text unless --province/--year say otherwise. With --evaluate, "
        "score the extractor against hand-labelled gold files instead.",
        "  envwh extract raw/reports/001_e8eb7f156b0340c6.txt\n"
        "  envwh extract news.txt --province 廣西 --year 2024 --format json\n"
        "  envwh extract news.txt --unmapped     numbers with a unit no indicator claimed\n"
        "  envwh extract --evaluate tests/gold   precision and recall per document",
        _extract,
    )
    extract.add_argument("file", nargs="?", help="a UTF-8 text file")
    extract.add_argument("--province", help="广西 / 廣西 / 450000 / Guangxi, or 全国 for China")
    extract.add_argument("--year", type=int, help="the report year (actuals without a year)")
    extract.add_argument("--format", choices=["csv", "json", "table"], default="csv")
    extract.add_argument("--unmapped", action="store_true",
                         help="list numbers with a unit no lexicon indicator claimed")  # fmt: skip
    extract.add_argument("--evaluate", metavar="GOLD_DIR", type=Path,
                         help="gold CSVs named after documents of raw/reports/")  # fmt: skip

    serve = command(
        "serve",
        "Serve the published warehouse read-only over the PostgreSQL wire protocol (psql, "
        "Superset, Metabase): user envwh, database envwh; writes, DDL, ATTACH, COPY, "
        "INSTALL/LOAD, SET (except search_path), file-reading functions and several statements "
        "at once are refused. "
        "A non-loopback --host needs ENVWH_SERVE_PASSWORD; on loopback without it, no password "
        "is asked.",
        "  envwh serve\n"
        '  psql "postgresql://envwh@127.0.0.1:5433/envwh" -c "select * from marts.dim_region"\n'
        "  ENVWH_SERVE_PASSWORD=… envwh serve --host 0.0.0.0 --port 5433",
        _serve,
    )
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; any other needs "
                            "ENVWH_SERVE_PASSWORD)")  # fmt: skip
    serve.add_argument("--port", type=int, default=5433,
                       help="TCP port (default 5433; 0 picks a free one)")  # fmt: skip

    manifest = command(
        "manifest",
        "Check raw/ against raw/manifest.csv, or add new raw files (one, many, or a glob) to it.",
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
    for option in ("table", "province", "period", "publisher", "title", "published", "url",
                   "notes"):  # fmt: skip
        manifest.add_argument(f"--{option}", default="")
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
        return _evaluate(args.evaluate)
    if not args.file:
        print("✗ give a FILE to extract, or --evaluate GOLD_DIR", file=sys.stderr)
        return 2
    try:
        extraction = extract_file(Path(args.file), args.province, args.year)
    except (OSError, NotText, ValueError) as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    rows = extraction.unmapped if args.unmapped else extraction.facts
    columns = list(rows[0].__dataclass_fields__) if rows else []
    print(format_rows(columns, [tuple(vars(r).values()) for r in rows], args.format, 10_000))
    return 0


def _evaluate(gold_dir: Path) -> int:
    from orchestration.extraction.evaluate import evaluate, overall
    from orchestration.extraction.reports import extract_entry, report_entries
    from orchestration.manifest import read_manifest
    from orchestration.query import format_rows

    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    unknown = sorted(p.stem for p in gold_dir.glob("*.csv") if p.stem not in entries)
    if unknown:
        print(f"✗ gold files without a document in raw/reports/: {unknown}", file=sys.stderr)
        return 2
    scores = evaluate(gold_dir, lambda stem: extract_entry(paths.raw_dir, entries[stem]).facts)
    rows = [(s.document, s.gold, s.extracted, s.found, f"{s.precision:.1%}", f"{s.recall:.1%}")
            for s in [*scores, overall(scores)]]  # fmt: skip
    print(format_rows(["document", "gold", "extracted", "found", "precision", "recall"], rows))
    for s in scores:
        for key in s.missed:
            print(f"  missed   {s.document}: {key}")
        for key in s.spurious:
            print(f"  spurious {s.document}: {key}")
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


def _serve(args: argparse.Namespace) -> int:
    from orchestration.serving.server import ServeError, serve, serve_config

    try:
        serve(serve_config(settings().published_path, args.host, args.port))
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
    sys.exit(main())
