"""The report documents of raw/ (manifest table `reports__text`) and extraction from files.

Reads the manifest's word on a document (its province, or the city it speaks of; report year;
whether its kind states targets: seeds/document_kinds.csv) so the extractor does not have to
guess it; a file outside raw/ gets what the caller says, and the text's own word for the rest.
"""

from __future__ import annotations

from pathlib import Path

from orchestration.extraction.document import resolve_province
from orchestration.extraction.extractor import Extraction, extract
from orchestration.manifest import ManifestEntry, region_code
from orchestration.parsing.builders import REPORTS_TABLE
from orchestration.parsing.periods import BadPeriod, parse_period
from orchestration.parsing.reference import document_kinds


class NotText(ValueError):
    """The file is not UTF-8 text: another encoding, binary, or empty."""


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise NotText(f"{path}: the file is empty; expected a UTF-8 text file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotText(
            f"{path}: byte {nul} is NUL, so this is a binary file (or UTF-16); "
            "expected a UTF-8 text file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotText(
            f"{path}: byte {exc.start} is not UTF-8 ({data[exc.start : exc.start + 4]!r}); "
            "expected a UTF-8 text file (convert it with `iconv -f GB18030 -t UTF-8`)"
        ) from None


def report_entries(entries: list[ManifestEntry]) -> list[ManifestEntry]:
    return [e for e in entries if e.table == REPORTS_TABLE]


def extract_entry(raw_dir: Path, entry: ManifestEntry) -> Extraction:
    """Extract one shipped document with the manifest's region (its `region`, else its
    province), period and document kind;
    a period the manifest states but nobody can read is an error naming the entry (BadPeriod),
    never a silent fallback to the text's own year."""
    year, period_code = None, None
    if entry.period:
        try:
            period = parse_period(entry.period)
        except BadPeriod as exc:
            raise BadPeriod(f"raw/manifest.csv, raw/{entry.path}: period: {exc}") from None
        year = period.end.year  # an autumn-winter span 2019年10月-2020年3月 reports in 2020
        period_code = None if period.period_type == "year" else period.code
    region = resolve_province(entry.province) if entry.province else None  # names a bad one
    if entry.region:  # a city's own document (the manifest check refuses a name it cannot read)
        region = region_code(entry.province, entry.region, year) or region
    return extract(
        read_text(entry.file(raw_dir)),
        province=region,
        year=year,
        is_plan=document_kinds().get(entry.document_kind),  # None: read it from the title
        period_code=period_code,
    )


def extract_file(path: Path, province: str | None = None, year: int | None = None,
                 region: str | None = None) -> Extraction:  # fmt: skip
    """Extract any UTF-8 text file; province is a name or GB/T 2260 code, region a prefecture or
    county of it that the document speaks of (a city's own bulletin)."""
    code = resolve_province(province) if province else None
    if region:
        code = region_code(province or "", region, year)
        if not code:
            within = province or "the --province given"
            raise ValueError(f"unknown region {region!r}: expected a prefecture or county of "
                             f"{within} (dbt_project/seeds/regions.csv)")  # fmt: skip
    return extract(read_text(path), province=code, year=year)
