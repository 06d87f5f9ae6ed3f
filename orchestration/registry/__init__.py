"""The table registry: one declarative YAML file per landing table, the one place where a fact
about a landing table is written. Everything else about the table is generated from it: the
landing DDL (orchestration.landing), the header maps of the CSV reader (parsing.headers), the
check that a parser's records carry exactly the declared columns, the dbt source
(`envwh registry generate` writes dbt_project/models/staging/_landing__sources.yml), the Great
Expectations range and unit expectations (quality.suites adds them to the hand-written suites)
and the parsers' unit and range check of each measure (orchestration.registry.measures). The
data dictionary documents the marts, whose units are in their own YAML (column names and
`meta: unit_column`).

Format of `orchestration/registry/landing/<table>.yml` (the file name is the table name)::

    name: waste__facilities          # landing.<name>; Dagster asset ["landing", name]
    subject: waste
    description: one row per …       # what one landed row is (dbt source description)
    grain: [facility_name, as_of_period_code]   # unique within one source file
    indicator_columns: false         # true: a header naming an indicator is a wide value column
    required: [facility_name, …]     # source fields a file must have a header for
    provenance: true                 # false: written whole from code, which declares its own
                                     # provenance columns (_source_file, … landed by SQL)
    fields:                          # source fields: what a header means, and its spellings
      capacity: [处理能力, 设计处理能力, capacity]   # matched ignoring width, case, script
    columns:                         # the landing columns, in order (provenance is added)
      - name: capacity_value
        type: double                 # a DuckDB type
        from: capacity               # the source field it is read from (one field → many columns)
        description: …
        nullable: false              # dbt not_null_columns test of the source table
        unique: true                 # dbt unique test (only where no grain says it)
        vocabulary: seeds/waste_facility_types.csv:facility_type_code  # dbt in_vocabulary_columns
        vocabulary_where: "subject = 'air'"   # optional filter of the vocabulary seed
        values: [exact, worse_than, range]     # a closed list (in_vocabulary_columns too), or
        values: {annual: [年度, 当年]}           # code → the spellings a source may use
        default: annual              # the code a parser uses when the source is silent
        range: {min: 0, max: 30, exclusive_min: false, basis: why}  # GX between
        measure:                     # a quantity whose unit is another column of the row
          unit_column: capacity_unit_code
          dimension: mass_rate       # allowed units: seeds/units.csv rows of this dimension
          # or, when the unit and range depend on a coded column of the row:
          per: indicator_code        # the coded column (also the seed's key column)
          catalogue: seeds/indicators.csv
          canonical_unit_column: canonical_unit_code   # or canonical_unit: t_per_day
          min_column: valid_min      # or min: 0
          max_column: valid_max      # or max: 100
          exclusive_min: false

A measure's allowed units are the units of its canonical unit's dimension; its range, stated in
the canonical unit, is converted into each allowed unit (seeds/units.csv factor_to_base), so
the landed value is checked as reported. Structure (not null, vocabulary, closed lists) is
checked by dbt; plausibility (ranges, units) by Great Expectations — each in one tool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from orchestration.paths import SEEDS_DIR
from orchestration.seeds import read_seed

REGISTRY_DIR = Path(__file__).resolve().parent
LANDING_DIR = REGISTRY_DIR / "landing"
PROVENANCE = {"_source_file": "varchar", "_sha256": "varchar", "_row_number": "integer",
              "_column": "varchar"}  # fmt: skip
_COLUMN_KEYS = {"name", "type", "from", "description", "nullable", "unique", "vocabulary",
                "vocabulary_where", "values", "default", "range", "measure"}  # fmt: skip
_MEASURE_KEYS = {"unit_column", "dimension", "per", "catalogue", "canonical_unit_column",
                 "canonical_unit", "min_column", "max_column", "min", "max", "exclusive_min",
                 "basis"}  # fmt: skip
_TABLE_KEYS = {"name", "subject", "description", "grain", "indicator_columns", "required",
               "fields", "columns", "provenance"}  # fmt: skip


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the CLI reads the registry


class RegistryError(ValueError):
    """A registry file that does not follow the format (named file and key)."""


@dataclass(frozen=True)
class Vocabulary:
    """A coded column's allowed codes: one column of a seed, optionally filtered."""

    seed: str  # file name in dbt_project/seeds, e.g. indicators.csv
    column: str
    where: str | None = None  # a SQL condition on the seed's columns, e.g. subject = 'air'

    @property
    def ref(self) -> str:
        return self.seed.removesuffix(".csv")


@dataclass(frozen=True)
class Measure:
    unit_column: str
    dimension: str | None = None
    per: str | None = None
    catalogue: str | None = None
    canonical_unit_column: str | None = None
    canonical_unit: str | None = None
    min_column: str | None = None
    max_column: str | None = None
    min: float | None = None
    max: float | None = None
    exclusive_min: bool = False
    basis: str | None = None


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    source_field: str | None = None
    nullable: bool = True
    unique: bool = False
    vocabulary: Vocabulary | None = None
    values: tuple[object, ...] | None = None
    spellings: dict[str, tuple[str, ...]] | None = None  # value → spellings, if declared
    default: str | None = None
    range: dict | None = None
    measure: Measure | None = None


@dataclass(frozen=True)
class LandingTable:
    name: str
    subject: str
    description: str
    columns: tuple[Column, ...]
    grain: tuple[str, ...] = ()
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    indicator_columns: bool = False
    provenance: bool = True  # false: a table written whole from code, not from raw/ files

    @property
    def column_types(self) -> dict[str, str]:
        """name → DuckDB type of the declared columns (without provenance)."""
        return {c.name: c.type for c in self.columns}

    @property
    def all_column_types(self) -> dict[str, str]:
        """The landed table's columns: declared ones, then provenance (if it has any)."""
        return {**self.column_types, **(PROVENANCE if self.provenance else {})}

    def ddl(self) -> str:
        columns = ", ".join(f'"{n}" {t}' for n, t in self.all_column_types.items())
        return f"create table if not exists landing.{self.name} ({columns})"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _vocabulary(path: Path, spec: dict) -> Vocabulary | None:
    text = spec.get("vocabulary")
    if text is None:
        return None
    seed, _, column = str(text).removeprefix("seeds/").partition(":")
    if not column or not (SEEDS_DIR / seed).exists():
        raise RegistryError(f"{path}: vocabulary {text!r} must be seeds/<file>.csv:<column>")
    rows = read_seed(seed)
    if not rows or column not in rows[0]:
        raise RegistryError(f"{path}: vocabulary {text!r}: no column {column!r} in {seed}")
    return Vocabulary(seed, column, spec.get("vocabulary_where"))


def _column(path: Path, spec: dict, fields: dict) -> Column:
    unknown = set(spec) - _COLUMN_KEYS
    if unknown or "name" not in spec or "type" not in spec:
        raise RegistryError(f"{path}: column {spec.get('name')!r} needs name and type; "
                            f"unknown keys {sorted(unknown)}")  # fmt: skip
    if spec.get("from") is not None and spec["from"] not in fields:
        raise RegistryError(f"{path}: column {spec['name']!r} is from unknown field "
                            f"{spec['from']!r}")  # fmt: skip
    measure = None
    if "measure" in spec:
        if set(spec["measure"]) - _MEASURE_KEYS:
            raise RegistryError(f"{path}: measure of {spec['name']!r}: unknown keys "
                                f"{sorted(set(spec['measure']) - _MEASURE_KEYS)}")  # fmt: skip
        measure_spec = dict(spec["measure"])
        if "catalogue" in measure_spec:
            measure_spec["catalogue"] = measure_spec["catalogue"].removeprefix("seeds/")
        measure = Measure(**measure_spec)
    values = spec.get("values")
    spellings = None
    if isinstance(values, dict):
        spellings = {str(code): tuple(words or ()) for code, words in values.items()}
    default = spec.get("default")
    if default is not None and values and default not in values:
        raise RegistryError(f"{path}: default {default!r} of {spec['name']!r} is not a value")
    return Column(
        name=spec["name"], type=spec["type"], description=" ".join(
            str(spec.get("description", "")).split()),
        source_field=spec.get("from"), nullable=spec.get("nullable", True),
        unique=spec.get("unique", False),
        vocabulary=_vocabulary(path, spec), values=tuple(values) if values else None,
        spellings=spellings, default=default,
        range=spec.get("range"), measure=measure,
    )  # fmt: skip


def read_table(path: Path) -> LandingTable:
    spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    unknown = set(spec) - _TABLE_KEYS
    if unknown:
        raise RegistryError(f"{path}: unknown keys {sorted(unknown)}")
    if spec.get("name") != path.stem:
        raise RegistryError(f"{path}: name {spec.get('name')!r} must equal the file name")
    fields = {f: tuple(v) for f, v in (spec.get("fields") or {}).items()}
    columns = tuple(_column(path, c, fields) for c in spec["columns"])
    names = [c.name for c in columns]
    provenance = bool(spec.get("provenance", True))
    if len(set(names)) != len(names) or (provenance and set(names) & set(PROVENANCE)):
        raise RegistryError(f"{path}: duplicated or provenance column names in {names}")
    for key in spec.get("grain", []):
        if key not in names:
            raise RegistryError(f"{path}: grain column {key!r} is not a column")
    for required in spec.get("required", []):
        if required not in fields:
            raise RegistryError(f"{path}: required field {required!r} is not a field")
    return LandingTable(
        name=spec["name"], subject=spec["subject"],
        description=" ".join(str(spec["description"]).split()), columns=columns,
        grain=tuple(spec.get("grain", [])), fields=fields,
        required=tuple(spec.get("required", [])),
        indicator_columns=bool(spec.get("indicator_columns", False)),
        provenance=provenance,
    )  # fmt: skip


@cache
def landing_tables(directory: Path = LANDING_DIR) -> dict[str, LandingTable]:
    """Every registered landing table by name, in file-name order."""
    return {t.name: t for t in map(read_table, sorted(directory.glob("*.yml")))}


def landing_table(name: str) -> LandingTable:
    try:
        return landing_tables()[name]
    except KeyError:
        raise RegistryError(
            f"no landing table {name!r} in orchestration/registry/landing/"
        ) from None
