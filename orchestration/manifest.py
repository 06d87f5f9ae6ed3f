"""raw/manifest.csv: one entry per immutable source file, verified before anything is read.

A build refuses to start when a file's bytes differ from its recorded sha256, when a file under
raw/ has no entry, when an entry's file is missing, when an entry points outside raw/ or names a
table no landing asset reads (its rows would vanish), when two entries hold the same bytes (the
same sha256: its rows would land twice), and when the manifest itself is not UTF-8 CSV with one
cell per column. `envwh manifest add` refuses the same.

Hourly monitoring data comes as thousands of files: `verify` can keep a cache of (size, mtime,
sha256) per file and re-hashes a file only when its size or modification time changed, and
`add_entries` registers many files (a glob) at once.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.parsing.builders import REPORTS_TABLE, landing_tables
from orchestration.parsing.periods import BadPeriod, parse_period
from orchestration.parsing.reference import document_kinds, regions
from orchestration.registry import landing_table
from orchestration.seeds import read_seed

# the manifest's columns: those of landing.raw__manifest (orchestration/registry/landing/)
COLUMNS = tuple(landing_table("raw__manifest").column_types)
# columns a manifest may lack (it was written before them): read as their registry default
DEFAULTS = {c.name: c.default for c in landing_table("raw__manifest").columns
            if c.default is not None}  # fmt: skip
# who published a file (seeds/source_preference.csv) and what kind of document it is
# (seeds/document_kinds.csv: status report, bulletin, policy, work plan, …)
SOURCE_KINDS = tuple(row["source_kind"] for row in read_seed("source_preference.csv"))
DOCUMENT_KINDS = tuple(document_kinds())
IGNORED = {"manifest.csv", "README.md", ".gitkeep"}


class ManifestError(Exception):
    """The manifest and raw/ disagree; the message lists every problem, one per line."""


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    subject: str
    table: str
    province: str
    region: str
    period: str
    publisher: str
    source_kind: str
    document_kind: str
    title: str
    published: str
    source_url: str
    retrieved: str
    notes: str

    def file(self, raw_dir: Path) -> Path:
        return raw_dir / self.path

    @property
    def retrieved_date(self) -> date | None:
        """When the file was retrieved (ISO date), None when the manifest does not say."""
        try:
            return date.fromisoformat(self.retrieved)
        except ValueError:
            return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(manifest_path: Path) -> list[ManifestEntry]:
    """The manifest's entries (UTF-8, with or without the BOM Excel adds); ManifestError names
    the line of a manifest that cannot be read or whose rows do not fit its header."""
    if not manifest_path.exists():
        raise ManifestError(f"{manifest_path}: manifest not found")
    data = manifest_path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ManifestError(
            f"{manifest_path} line {line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the "
            "manifest as UTF-8 (Excel: CSV UTF-8)"
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or []) and c not in DEFAULTS]
    if missing:
        raise ManifestError(f"{manifest_path}: missing columns {', '.join(missing)}")
    entries = []
    for row in reader:
        if None in row or None in row.values():
            cells = len(reader.fieldnames or []) + len(row.get(None) or [])
            cells -= sum(1 for v in row.values() if v is None)
            raise ManifestError(
                f"{manifest_path} line {reader.line_num}: {cells} cells where the header has "
                f"{len(reader.fieldnames or [])} (quote a value that holds a comma)"
            )
        entries.append(ManifestEntry(**{c: (row.get(c, DEFAULTS.get(c)) or "").strip()
                                        for c in COLUMNS}))  # fmt: skip
    return entries


class HashCache:
    """sha256 per file, trusted while the file's size and mtime (ns) are those it was hashed at.

    A file whose size or mtime changed is hashed in full again; the cache is a JSON file outside
    raw/ (warehouse/.sha256_cache.json), so deleting it only costs one full verification."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list] = {}
        self.hashed = 0
        if path is not None and path.exists():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                self.entries = {}

    def sha256(self, file: Path) -> str:
        stat = file.stat()
        key = str(file.resolve())
        cached = self.entries.get(key)
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            return cached[2]
        self.hashed += 1
        digest = sha256_of(file)
        self.entries[key] = [stat.st_size, stat.st_mtime_ns, digest]
        return digest

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.entries), encoding="utf-8")
        os.replace(temporary, self.path)


def verify(raw_dir: Path, entries: list[ManifestEntry], cache_path: Path | None = None) -> None:
    """Raise ManifestError listing every mismatch between raw/ and the manifest. With a cache
    path, a file whose size and mtime are unchanged since it was last hashed is not re-read."""
    cache = HashCache(cache_path)
    problems: list[str] = []
    root = raw_dir.resolve()
    listed: set[Path] = set()
    by_sha256: dict[str, str] = {}
    for number, entry in enumerate(entries, start=2):
        where = f"raw/manifest.csv line {number} ({entry.path or 'no path'})"
        target = (raw_dir / entry.path).resolve()
        if not entry.path or Path(entry.path).is_absolute() or not target.is_relative_to(root):
            problems.append(f"{where}: path is outside raw/")
            continue
        if target in listed:
            problems.append(f"{where}: listed twice")
        elif entry.sha256 in by_sha256:
            problems.append(f"{by_sha256[entry.sha256]} and line {number} ({entry.path}): "
                            + _same_bytes(entry.sha256))  # fmt: skip
        listed.add(target)
        if entry.sha256:
            by_sha256.setdefault(entry.sha256, where)
        for column in ("sha256", "subject", "table", "source_url"):
            if not getattr(entry, column):
                problems.append(f"{where}: {column} is empty")
        problems += (_kind_problems(where, entry) + _table_problems(where, entry.table)
                     + _period_problems(where, entry) + _region_problems(where, entry))  # fmt: skip
        if not target.is_file():
            problems.append(f"{where}: file is missing")
        elif entry.sha256 and (actual := cache.sha256(target)) != entry.sha256:
            problems.append(
                f"raw/{entry.path}: sha256 is {actual}, manifest says {entry.sha256}"
                " (raw files are immutable: add a new file for a new edition)"
            )
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.name not in IGNORED and path not in listed:
            problems.append(f"raw/{path.relative_to(root)}: not in raw/manifest.csv")
    cache.save()
    if problems:
        raise ManifestError("\n".join(problems))


def _kind_problems(where: str, entry: ManifestEntry) -> list[str]:
    return [
        f"{where}: {column} {value!r} is not one of {', '.join(allowed)}"
        for column, value, allowed in (
            ("source_kind", entry.source_kind, SOURCE_KINDS),
            ("document_kind", entry.document_kind, DOCUMENT_KINDS),
        )
        if value not in allowed
    ]


def _period_problems(where: str, entry: ManifestEntry) -> list[str]:
    """A report text's period is what its facts are of: it must be readable (the period of a
    table file is free text: the table's rows carry their own)."""
    if entry.table != REPORTS_TABLE or not entry.period:
        return []
    try:
        parse_period(entry.period)
    except BadPeriod as exc:
        return [f"{where}: period: {exc}"]
    return []


REGION_LEVELS = ("prefecture", "county")  # what the `region` column may name


def region_code(province: str, region: str = "", year: int | None = None) -> str:
    """The GB/T 2260 code of the region a file speaks of where its rows are silent: `region` (a
    prefecture or county of `province`, named as in force in `year`) when given, else the
    province's (or China's); '' when it does not resolve (the manifest check refuses that)."""
    province_code = regions().province_code(province) if province else ""
    if not region:
        return province_code
    found = regions().resolve(region, year, province_code)
    inside = found is not None and found.province_code == province_code
    return found.code if inside and found.level in REGION_LEVELS else ""


def _region_problems(where: str, entry: ManifestEntry) -> list[str]:
    """A `region` narrows the province to one of its prefectures or counties: a city's own
    bulletin, whose figures are the city's, not the province's."""
    if not entry.region:
        return []
    province = regions().province_code(entry.province) if entry.province else ""
    if not province or regions().by_code[province].level != "province":
        return [f"{where}: region {entry.region!r} needs the province it lies in "
                f"(province is {entry.province!r})"]  # fmt: skip
    year = _year_of(entry)
    if region_code(entry.province, entry.region, year):
        return []
    lookup = regions().lookup(entry.region, year, province)
    found = ", ".join(r.label() for r in lookup.candidates) or lookup.note or "no such name"
    return [f"{where}: region {entry.region!r} is not one prefecture or county of "
            f"{entry.province} in {year or 'the current edition'} ({found}); expected a name "
            "as in dbt_project/seeds/regions.csv, e.g. 成都市 or 成都"]  # fmt: skip


def _year_of(entry: ManifestEntry) -> int | None:
    """The year a file reports in, from its period when that reads (a table file's period is
    free text)."""
    try:
        return parse_period(entry.period).end.year if entry.period else None
    except BadPeriod:
        return None


def _table_problems(where: str, table: str) -> list[str]:
    """An entry's table must be one a landing asset reads, spelled exactly: any other name would
    be listed and archived but land nothing."""
    known = landing_tables()
    if not table or table in known:
        return []
    near = [t for t in known if t == table.strip().lower()]
    hint = f"; did you mean {near[0]!r}?" if near else ""
    return [f"{where}: table {table!r} is not a landing table{hint} (one of {', '.join(known)})"]


def _same_bytes(sha256: str) -> str:
    return (
        f"same sha256 {sha256[:12]}…: the same file under two names would land its rows twice; "
        "list it once (remove the copy from raw/)"
    )


def expand(patterns: list[str]) -> list[Path]:
    """Paths and glob patterns (quoted so the shell left them alone) → files, sorted, once each."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        magic = glob.has_magic(pattern)
        matches = sorted(glob.glob(pattern, recursive=True)) if magic else [pattern]
        if not matches:
            raise ManifestError(f"{pattern}: no file matches")
        found.update((Path(m), None) for m in matches)
    return list(found)


def add_entries(raw_dir: Path, paths: list[Path], fields: dict[str, str]) -> list[ManifestEntry]:
    """Append many files to raw/manifest.csv at once, all with the same fields; nothing is
    written unless every file can be added (inside raw/, not listed yet, bytes not listed under
    another name, table and kinds valid)."""
    root = raw_dir.resolve()
    manifest_path = raw_dir / "manifest.csv"
    existing = read_manifest(manifest_path)
    listed = {e.path for e in existing}
    by_sha256 = {e.sha256: e.path for e in existing}
    entries, problems = [], []
    for path in paths:
        target = path.resolve()
        if not target.is_relative_to(root) or not target.is_file():
            problems.append(f"{path}: must be an existing file inside {raw_dir}")
            continue
        relative = str(target.relative_to(root))
        if relative in listed:
            problems.append(f"raw/{relative} is already in the manifest")
            continue
        listed.add(relative)
        digest = sha256_of(target)
        if digest in by_sha256:
            problems.append(f"raw/{relative} has the same sha256 as raw/{by_sha256[digest]}, "
                            f"already listed: {_same_bytes(digest)}")  # fmt: skip
            continue
        by_sha256[digest] = relative
        entry = _new_entry(relative, digest, fields, date.today().isoformat())
        where = f"raw/{relative}"
        problems += (_kind_problems(where, entry) + _table_problems(where, entry.table)
                     + _period_problems(where, entry) + _region_problems(where, entry))  # fmt: skip
        entries.append(entry)
    if problems:
        raise ManifestError("\n".join(problems))
    with open(manifest_path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([getattr(entry, c) for c in COLUMNS] for entry in entries)
    return entries


def add_entry(raw_dir: Path, path: Path, fields: dict[str, str]) -> ManifestEntry:
    """Append one file to raw/manifest.csv with its sha256 (the file must already be in raw/)."""
    return add_entries(raw_dir, [path], fields)[0]


def _new_entry(relative: str, sha256: str, fields: dict[str, str], today: str) -> ManifestEntry:
    return ManifestEntry(
        path=relative, sha256=sha256, subject=relative.split("/")[0],
        table=fields.get("table", ""), province=fields.get("province", ""),
        region=fields.get("region", ""), period=fields.get("period", ""),
        publisher=fields.get("publisher", ""),
        source_kind=fields.get("source_kind", ""),
        document_kind=fields.get("document_kind", ""),
        title=fields.get("title", ""), published=fields.get("published", ""),
        source_url=fields.get("url", ""), retrieved=today,
        notes=fields.get("notes", ""),
    )  # fmt: skip
