"""The indicator catalogue: one entry per indicator, the one place an indicator is written, and
its one reader.

Read from orchestration/registry/indicators/<subject>.yml. The table parsers
(parsing.reference.indicators), the extractor (extraction.lexicon), the Great Expectations range
and unit expectations (registry.generate) and the data dictionary read it through `catalogue()`;
dbt reads dbt_project/seeds/indicators.csv, which `envwh registry generate` writes from it
(orchestration.registry.generate; a test fails when it is stale). Spellings are matched by their
folded key (parsing.text.match_key), so Traditional, full-width and differently spaced or dashed
spellings need no entries of their own.

Format of one file (every key of an entry is checked; an unknown key is refused)::

    subject: air                   # the subject of every entry of the file
    indicators:
      - code: pm2_5                # stable code (dim_indicator.indicator_code)
        name_zh: PM2.5平均浓度
        name_en: PM2.5 mean concentration
        unit: ug_m3                # canonical unit: a unit_code of seeds/units.csv
        higher_is_better: false    # true, false, or null when neither is better
        range: {min: 0, max: 500, basis: "HJ 633-2012 表1: …"}   # in the canonical unit;
                                   # min or max null = no bound; basis: the standard, or why
        standard_pollutant: PM2.5  # optional: pollutant code of the GB 3095 / HJ 633 seeds
        table_aliases: [PM2.5浓度, …]   # table headers and row labels; with any, code and
                                   # name_zh are accepted too; without, tables never name it
        prose_aliases: [细颗粒物, …]    # how report prose names it (name_zh too, unless
                                   # name_is_alias: false); longer spellings win over shorter ones
        name_is_alias: false       # optional: prose never claims the code by its name
        reduction: true            # optional: the indicator is a fall ('下降0.8%' is its value)
        target_share_of: <code>    # optional: this is <code>'s share of its annual target
        share_of: <code>           # optional: this is the share a count of <code> is
        provincial_variant: <code> # optional: the same figure over a province's own network
        subset_variants: {major_rivers: <code>}  # optional: the same figure said of a part of
                                   # the network (a subset of extraction/maps/cues.yml `subsets`)
        parts: {优: <code>}         # optional: a part of this figure named in a word right after
                                   # it ('优良天数比例为88.1%,其中优为40.2%')

The two spelling lists differ on purpose: table spellings are matched whole (or as the longest
spelling inside a header), prose spellings inside running text, where a short table spelling
(优良率, 空气质量) would claim numbers that are not the indicator's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from orchestration.parsing.text import match_key
from orchestration.paths import PROJECT_ROOT

CATALOGUE_DIR = Path(__file__).resolve().parent / "indicators"
_REQUIRED = {"code", "name_zh", "name_en", "unit", "higher_is_better", "range"}
_OPTIONAL = {"standard_pollutant", "table_aliases", "prose_aliases", "name_is_alias",
             "reduction", "target_share_of", "share_of", "provincial_variant",
             "subset_variants", "parts"}  # fmt: skip
_REFERENCES = ("target_share_of", "share_of", "provincial_variant")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SEED_COLUMNS = ("indicator_code", "name_zh", "name_en", "subject", "canonical_unit_code",
                "higher_is_better", "valid_min", "valid_max", "range_basis",
                "standard_pollutant", "table_aliases", "prose_aliases", "defined_in")  # fmt: skip


class CatalogueError(ValueError):
    """A catalogue file that does not follow the format or contradicts itself (names the file,
    the code and the key)."""


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    subject: str
    canonical_unit_code: str
    higher_is_better: bool | None
    valid_min: float | None
    valid_max: float | None
    range_basis: str
    defined_in: str  # the catalogue file, relative to the repository
    standard_pollutant: str | None = None
    table_aliases: tuple[str, ...] = ()
    prose_aliases: tuple[str, ...] = ()
    name_is_alias: bool = True
    is_reduction: bool = False  # the indicator is a fall: '下降0.8%' is its value, not a change
    target_share_of: str | None = None  # '占年度目标任务106%' after a figure of this code
    share_of: str | None = None  # '218个城市…达标,占64.3%': the share a count of this code is
    provincial_variant: str | None = None  # the same figure over a province's own sections
    # subset (maps/cues.yml `subsets`) → the same figure said of that part of the network
    subset_variants: tuple[tuple[str, str], ...] = ()
    parts: tuple[tuple[str, str], ...] = ()  # word → the code of that part ('其中优为40.2%')

    def variant(self, subset: str) -> str | None:
        """The indicator a figure becomes when said of a subset ('主要河流…'), if any."""
        if subset == "provincial_network" and self.provincial_variant:
            return self.provincial_variant
        return dict(self.subset_variants).get(subset)

    @property
    def unit_code(self) -> str:
        """The canonical unit (the extractor's name for it)."""
        return self.canonical_unit_code

    @property
    def table_spellings(self) -> tuple[str, ...]:
        """What a table header or row label may say; none when the entry has no table_aliases
        (an indicator only prose states is not read from tables, not even by its name)."""
        return (self.code, self.name_zh, *self.table_aliases) if self.table_aliases else ()

    @property
    def prose_spellings(self) -> tuple[str, ...]:
        return ((self.name_zh,) if self.name_is_alias else ()) + self.prose_aliases

    def seed_row(self) -> dict[str, str]:
        """The row of dbt_project/seeds/indicators.csv."""

        def number(value: float | None) -> str:
            return "" if value is None else f"{value:g}"

        return {
            "indicator_code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
            "subject": self.subject, "canonical_unit_code": self.canonical_unit_code,
            "higher_is_better": "" if self.higher_is_better is None
            else str(self.higher_is_better).lower(),
            "valid_min": number(self.valid_min), "valid_max": number(self.valid_max),
            "range_basis": self.range_basis, "standard_pollutant": self.standard_pollutant or "",
            "table_aliases": "|".join(self.table_aliases),
            "prose_aliases": "|".join(self.prose_aliases), "defined_in": self.defined_in,
        }  # fmt: skip


def _spellings(where: str, entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise CatalogueError(f"{where}: {key} must be a list of spellings, not {value!r}")
    return tuple(str(v) for v in value)


def _bound(where: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CatalogueError(f"{where}: range bound {value!r} is not a number or null")
    return float(value)


def _entry(entry: dict, subject: str, defined_in: str) -> Indicator:
    code = entry.get("code")
    where = f"{defined_in}: {code}"
    missing, unknown = _REQUIRED - set(entry), set(entry) - _REQUIRED - _OPTIONAL
    if missing or unknown:
        raise CatalogueError(
            f"{where}: " + "; ".join(
                ([f"missing {sorted(missing)}"] if missing else [])
                + ([f"unknown keys {sorted(unknown)}"] if unknown else []))
        )  # fmt: skip
    rng = entry["range"]
    if not isinstance(rng, dict) or set(rng) != {"min", "max", "basis"} or not rng["basis"]:
        raise CatalogueError(f"{where}: range must be {{min, max, basis}} with a basis: {rng!r}")
    low, high = _bound(where, rng["min"]), _bound(where, rng["max"])
    if low is not None and high is not None and low > high:
        raise CatalogueError(f"{where}: range min {low:g} is above max {high:g}")
    better = entry["higher_is_better"]
    if better not in (True, False, None):
        raise CatalogueError(f"{where}: higher_is_better must be true, false or null")
    return Indicator(
        code=str(code), name_zh=str(entry["name_zh"]), name_en=str(entry["name_en"]),
        subject=subject, canonical_unit_code=str(entry["unit"]), higher_is_better=better,
        valid_min=low, valid_max=high, range_basis=str(rng["basis"]), defined_in=defined_in,
        standard_pollutant=entry.get("standard_pollutant"),
        table_aliases=_spellings(where, entry, "table_aliases"),
        prose_aliases=_spellings(where, entry, "prose_aliases"),
        name_is_alias=bool(entry.get("name_is_alias", True)),
        is_reduction=bool(entry.get("reduction", False)),
        target_share_of=entry.get("target_share_of"), share_of=entry.get("share_of"),
        provincial_variant=entry.get("provincial_variant"),
        subset_variants=_variants(where, entry),
        parts=_variants(where, entry, "parts"),
    )  # fmt: skip


def _variants(where: str, entry: dict, key: str = "subset_variants") -> tuple[tuple[str, str], ...]:
    value = entry.get(key, {})
    if not isinstance(value, dict):
        raise CatalogueError(f"{where}: {key} must map a name to a code: {value!r}")
    return tuple((str(k), str(v)) for k, v in value.items())


def _index(indicators: dict[str, Indicator], spellings: str) -> dict[str, str]:
    """Folded spelling → code over one kind of spellings; a spelling of two codes is refused."""
    index: dict[str, str] = {}
    for code, indicator in indicators.items():
        for spelling in filter(None, getattr(indicator, spellings)):
            key = match_key(spelling)
            if index.setdefault(key, code) != code:
                raise CatalogueError(
                    f"{indicator.defined_in}: {code}: {spellings.removesuffix('_spellings')} "
                    f"spelling {spelling!r} already names {index[key]}"
                )
    return index


class Catalogue:
    """Indicators by code, and the folded table and prose spellings → code."""

    def __init__(self, indicators: dict[str, Indicator]) -> None:
        self.indicators = indicators
        self.table_index = _index(indicators, "table_spellings")
        self.prose_index = _index(indicators, "prose_spellings")

    @classmethod
    def load(cls, directory: Path = CATALOGUE_DIR) -> Catalogue:
        from orchestration.parsing.units import registry

        units = registry()
        indicators: dict[str, Indicator] = {}
        for path in sorted(directory.glob("*.yml")):
            spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
            inside = path.is_relative_to(PROJECT_ROOT)
            defined_in = str(path.relative_to(PROJECT_ROOT)) if inside else path.name
            if set(spec) != {"subject", "indicators"}:
                raise CatalogueError(f"{defined_in}: a file holds subject and indicators only")
            for entry in spec["indicators"]:
                indicator = _entry(entry, spec["subject"], defined_in)
                where = f"{defined_in}: {indicator.code}"
                if indicator.code in indicators:
                    first = indicators[indicator.code].defined_in
                    raise CatalogueError(f"{where} is defined twice (also in {first})")
                try:
                    units.get(indicator.canonical_unit_code)
                except KeyError:
                    raise CatalogueError(
                        f"{where}: unit {indicator.canonical_unit_code!r} is not in seeds/units.csv"
                    ) from None
                indicators[indicator.code] = indicator
        for code, indicator in indicators.items():
            for key in _REFERENCES:
                target = getattr(indicator, key)
                if target and target not in indicators:
                    raise CatalogueError(
                        f"{indicator.defined_in}: {code}: {key} {target!r} is no indicator"
                    )
            for key in ("subset_variants", "parts"):
                for subset, target in getattr(indicator, key):
                    if target not in indicators:
                        raise CatalogueError(f"{indicator.defined_in}: {code}: {key} "
                                             f"{subset}: {target!r} is no indicator")  # fmt: skip
        return cls(indicators)

    def seed_rows(self) -> list[dict[str, str]]:
        return [indicator.seed_row() for indicator in self.indicators.values()]


@cache
def catalogue() -> Catalogue:
    """The project's indicator catalogue, read once per process."""
    return Catalogue.load()
