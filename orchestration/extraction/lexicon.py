"""The indicator lexicon: indicator codes and the spellings prose uses for them.

Read from lexicon/*.yml (one file per subject). A code that is also in the dbt seed
seeds/indicators.csv takes its names, canonical unit, subject and direction from the seed, so
the table parsers, dim_indicator and the extractor agree; a code that only prose uses carries
them in its YAML entry. Aliases are folded (orchestration.extraction.normalize) before use, so
Traditional and full-width spellings need no entries of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from orchestration.parsing.reference import read_seed
from orchestration.parsing.text import match_key
from orchestration.parsing.units import registry

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


@dataclass(frozen=True)
class LexiconIndicator:
    code: str
    name_zh: str
    name_en: str
    subject: str
    unit_code: str
    higher_is_better: bool | None
    in_seed: bool
    aliases: tuple[str, ...]
    lexicon_file: str
    target_share_of: str | None = None  # '占年度目标任务106%' after a figure of this code
    is_reduction: bool = False  # the indicator is a fall ('下降0.8%' is its value, not a change)
    share_of: str | None = None  # '218个城市…达标,占64.3%': the share that a count of this code is
    # the same figure over a province's own network of sections ('省考断面…优Ⅲ比例')
    provincial_variant: str | None = None

    @property
    def valid_range(self) -> tuple[float, float | None, str]:
        """(lowest, highest or None, why) for the values of an indicator that only prose uses
        (a seed indicator has its range in seeds/indicators.csv)."""
        if self.target_share_of:
            return 0.0, 300.0, "a share of an annual target: may pass 100 %, not 300 %"
        if self.unit_code == "pct":
            return 0.0, 100.0, "a share: 0–100 %"
        return 0.0, None, "never negative"

    def as_row(self) -> dict[str, object]:
        """The landing.reports__lexicon row of an indicator that only prose uses."""
        valid_min, valid_max, range_basis = self.valid_range
        return {
            "indicator_code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
            "subject": self.subject, "canonical_unit_code": self.unit_code,
            "higher_is_better": self.higher_is_better, "valid_min": valid_min,
            "valid_max": valid_max, "range_basis": range_basis,
            "aliases": "|".join(self.aliases), "lexicon_file": self.lexicon_file,
        }  # fmt: skip


class LexiconError(ValueError):
    """A lexicon file that contradicts itself, the seed or the unit registry."""


def _bool_or_none(value: object) -> bool | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() == "true"


class Lexicon:
    """Indicators by code, and folded alias → code."""

    def __init__(self, indicators: dict[str, LexiconIndicator], aliases: dict[str, str]) -> None:
        self.indicators = indicators
        self.aliases = aliases
        self.alias_lengths = sorted({len(a) for a in aliases}, reverse=True)
        # figure's code → the code of that figure as a share of its annual target
        self.target_shares = {
            i.target_share_of: code for code, i in indicators.items() if i.target_share_of
        }
        # a count's code → the code of its share ('…达标,占64.3%'; '分别占全国的22.1%')
        self.shares = {i.share_of: code for code, i in indicators.items() if i.share_of}

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> Lexicon:
        seed = {row["indicator_code"]: row for row in read_seed("indicators.csv")}
        indicators: dict[str, LexiconIndicator] = {}
        aliases: dict[str, str] = {}
        units = registry()
        for path in sorted(directory.glob("*.yml")):
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            for entry in spec["indicators"]:
                code = entry["code"]
                where = f"{path.name}: {code}"
                if code in indicators:
                    raise LexiconError(f"{where} is defined twice")
                named = tuple(str(a) for a in entry.get("aliases", []))
                row = seed.get(code)
                if row is not None:
                    extra = {"name_zh", "name_en", "unit", "higher_is_better"} & set(entry)
                    if extra:
                        raise LexiconError(
                            f"{where} is in seeds/indicators.csv: {sorted(extra)} belong there"
                        )
                    indicator = LexiconIndicator(
                        code, row["name_zh"], row["name_en"], row["subject"],
                        row["canonical_unit_code"], _bool_or_none(row["higher_is_better"]), True,
                        named, path.name, is_reduction=bool(entry.get("reduction")),
                    )  # fmt: skip
                else:
                    missing = {"name_zh", "name_en", "unit"} - set(entry)
                    if missing:
                        raise LexiconError(f"{where} needs {sorted(missing)}")
                    indicator = LexiconIndicator(
                        code, entry["name_zh"], entry["name_en"], spec["subject"], entry["unit"],
                        _bool_or_none(entry.get("higher_is_better")), False, named, path.name,
                        entry.get("target_share_of"), bool(entry.get("reduction")),
                        entry.get("share_of"), entry.get("provincial_variant"),
                    )  # fmt: skip
                try:
                    units.get(indicator.unit_code)
                except KeyError:
                    raise LexiconError(
                        f"{where}: unit {indicator.unit_code!r} is not in seeds/units.csv"
                    ) from None
                indicators[code] = indicator
                # name_is_alias: false — a code that prose never claims by its name (the
                # statistic is claimed by a seed code: CATALOGUE.yml's o3_8h_p90 → o3)
                spelled = [indicator.name_zh] if entry.get("name_is_alias", True) else []
                for alias in [*spelled, *named]:
                    key = match_key(alias)
                    if aliases.setdefault(key, code) != code:
                        raise LexiconError(f"{where}: alias {alias!r} already names {aliases[key]}")
        for code, indicator in indicators.items():
            if indicator.provincial_variant and indicator.provincial_variant not in indicators:
                raise LexiconError(
                    f"{indicator.lexicon_file}: {code}: provincial_variant "
                    f"{indicator.provincial_variant!r} is no indicator"
                )
            if indicator.share_of and indicator.share_of not in indicators:
                raise LexiconError(
                    f"{indicator.lexicon_file}: {code}: share_of {indicator.share_of!r} is no "
                    "indicator"
                )
            if indicator.target_share_of and indicator.target_share_of not in indicators:
                raise LexiconError(
                    f"{indicator.lexicon_file}: {code}: target_share_of "
                    f"{indicator.target_share_of!r} is no indicator"
                )
        return cls(indicators, aliases)

    def match_at(self, text: str, start: int) -> tuple[int, str] | None:
        """The longest alias starting at text[start]: (end, code), or None."""
        matches = self.matches_at(text, start)
        return matches[0] if matches else None

    def matches_at(self, text: str, start: int) -> list[tuple[int, str]]:
        """Every alias starting at text[start], longest first: [(end, code), …]."""
        found = []
        for length in self.alias_lengths:
            code = self.aliases.get(text[start : start + length])
            if code is not None:
                found.append((start + length, code))
        return found


@cache
def lexicon() -> Lexicon:
    """The project's lexicon, read once per process."""
    return Lexicon.load()
