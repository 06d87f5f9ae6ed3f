"""Terminal output of builds and validations: what an engineer reads after `envwh build`."""

from __future__ import annotations

from orchestration.build import BuildSummary
from orchestration.quality.validate import ExpectationResult
from orchestration.query import format_table


def print_summary(summary: BuildSummary) -> None:
    if summary.up_to_date:
        return
    print()
    if summary.files:
        rows = [(table, f, read, landed, quarantined)
                for table, f, read, landed, quarantined in summary.files]  # fmt: skip
        total = [sum(r[i] for r in rows) for i in (2, 3, 4)]
        rows.append(("TOTAL", f"{len(rows)} files", *total))
        print(format_table(["table", "source file", "read", "landed", "quarantined"], rows, 10_000))
        if total[2]:
            print(f"{total[2]} records quarantined: list them with `envwh rejected`")
    print()
    check_rows = [
        (kind, passed, failed) for kind, (passed, failed) in sorted(summary.checks.items())
    ]
    print(format_table(["checks", "passed", "failed"], check_rows))
    print()
    stage_rows = [(name, f"{seconds:.1f}") for name, seconds in summary.stage_seconds.items()]
    stage_rows.append(("total", f"{sum(summary.stage_seconds.values()):.1f}"))
    print(format_table(["stage", "seconds"], stage_rows))
    print()
    for failure in summary.failures:
        print(f"✗ {failure}")
    if summary.published:
        print(f"✓ published {summary.warehouse}")
    else:
        print(f"✗ build failed: {summary.warehouse} was not changed (previous contents kept)")


def print_validation(results: list[ExpectationResult]) -> None:
    rows = [(r.suite_name, r.expectation_type.removeprefix("expect_"), r.column or "",
             r.severity, "pass" if r.success else "FAIL", r.unexpected_count or "")
            for r in results]  # fmt: skip
    print(format_table(["suite", "expectation", "column", "severity", "result", "unexpected"],
                       rows, 10_000))  # fmt: skip
    failed = [r for r in results if not r.success]
    critical = sum(r.blocking_failure for r in failed)
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed ({critical} critical)")
