"""The extractor's constructions, one by one, on sentences in the publishers' style."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orchestration.cli import main
from orchestration.extraction.clause import Previous, ReadSoFar, clause_at
from orchestration.extraction.document import DocumentContext, resolve_province
from orchestration.extraction.evaluate import evaluate, overall
from orchestration.extraction.extractor import extract
from orchestration.extraction.facts import Fact
from orchestration.extraction.lexicon import lexicon
from orchestration.extraction.quantities import chinese_numeral
from orchestration.extraction.reading import Document
from orchestration.extraction.reports import extract_entry, report_entries
from orchestration.extraction.strategies import (
    STRATEGIES,
    first_candidate,
    forward,
    share_of_count,
)
from orchestration.manifest import ManifestEntry, read_manifest
from orchestration.parsing.text import fold
from orchestration.paths import PROJECT_ROOT, settings

GX = "450000"


def facts(text: str, **context) -> list[tuple]:
    context.setdefault("province", GX)
    context.setdefault("year", 2023)
    return [
        (f.indicator_code, f.kind, f.value, f.unit, f.comparator, f.period)
        for f in extract(text, **context).facts
    ]


def test_actual_rank_and_change_of_one_sentence() -> None:
    text = "城市环境空气质量优良天数比率为97.9%,全国第5名,同比提高2.8个百分点。"
    assert facts(text) == [
        ("good_days_ratio", "actual", 97.9, "pct", "=", "2023"),
        ("good_days_ratio", "rank", 5.0, "rank", "=", "2023"),
        ("good_days_ratio", "change", 2.8, "pp", "=", "2023"),
    ]


def test_a_fall_is_a_negative_change() -> None:
    assert facts("细颗粒物浓度同比下降18.3%。") == [("pm2_5", "change", -18.3, "pct", "=", "2023")]


def test_traditional_and_full_width_text_gives_a_target_with_its_year() -> None:
    text = "到2027年,全省細顆粒物平均濃度保持在２２微克/立方米以下;"
    assert facts(text, province="520000", year=None, is_plan=True) == [
        ("pm2_5", "target", 22.0, "ug_m3", "<=", "2027"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "comparator", "qualifier"),
    [
        ("生活垃圾无害化处理设施约67座", 67.0, "~", "approx"),
        ("生活垃圾无害化处理设施67座以上", 67.0, ">=", "at_least"),
        ("生活垃圾无害化处理设施67座以下", 67.0, "<=", "at_most"),
        ("生活垃圾无害化处理设施67座左右", 67.0, "~", "approx"),
        ("生活垃圾无害化处理设施超过67座", 67.0, ">=", "more_than"),
        ("生活垃圾无害化处理设施60余座", 60.0, ">=", "more_than"),
        ("生活垃圾无害化处理设施将近67座", 67.0, "~", "nearly"),
    ],
)
def test_qualifiers(text: str, value: float, comparator: str, qualifier: str) -> None:
    (fact,) = extract(text, province=GX, year=2023).facts
    assert (fact.value, fact.comparator, fact.qualifier) == (value, comparator, qualifier)


def test_multipliers_and_units_convert_to_the_canonical_unit() -> None:
    extraction = extract(
        "无害化处理能力3.53万吨/日,红树林面积突破1万公顷。", province=GX, year=2023
    )
    capacity, mangroves = extraction.facts
    assert (capacity.value, capacity.unit, capacity.value_canonical) == (
        3.53,
        "kt10_per_day",
        35300,
    )
    assert capacity.canonical_unit == "t_per_day"
    # 万公顷 is a unit of the registry (seeds/units.csv): kept as stated, converted to ha
    assert (mangroves.value, mangroves.unit, mangroves.comparator) == (1, "ha10k", ">=")
    assert (mangroves.value_canonical, mangroves.canonical_unit) == (10000, "ha")


def test_quote_and_offsets_point_into_the_original_text() -> None:
    text = "  (三)近岸海域優良水質面積比例９４．５％,全國排名第4。"
    fact = extract(text, province=GX, year=2023).facts[0]
    assert text[fact.char_start : fact.char_end] == fact.quote
    assert fact.quote == "近岸海域優良水質面積比例９４．５％"
    assert fact.value == 94.5


def test_values_listed_after_respectively_pair_with_their_names_in_order() -> None:
    text = "累计创建国家生态文明建设示范区、“两山”实践创新基地分别达到19个和6个。"
    assert facts(text) == [
        ("eco_civilization_demo_areas", "actual", 19.0, "count", "=", "2023"),
        ("two_mountains_bases", "actual", 6.0, "count", "=", "2023"),
    ]


def test_a_name_after_the_number_claims_it() -> None:
    text = "51家重点排放单位纳入2023年发电行业温室气体重点排放名录。"
    assert facts(text) == [("carbon_covered_entities", "actual", 51.0, "count", "=", "2023")]


def test_a_relative_target_keeps_its_baseline_year() -> None:
    (fact,) = extract("到2030年,单位地区生产总值二氧化碳排放比2005年下降65%以上。",
                      province="520000").facts  # fmt: skip
    assert (fact.indicator_code, fact.kind, fact.value, fact.comparator) == (
        "co2_intensity_reduction", "target", 65.0, ">=",
    )  # fmt: skip
    assert (fact.period, fact.baseline_year) == ("2030", "2005")


def test_a_goal_sentence_without_a_name_carries_the_previous_goal() -> None:
    text = "到2027年,畜禽粪污资源化利用率达到82%以上;到2035年,达到90%以上。"
    assert facts(text, province="520000", year=None) == [
        ("livestock_manure_utilization_rate", "target", 82.0, "pct", ">=", "2027"),
        ("livestock_manure_utilization_rate", "target", 90.0, "pct", ">=", "2035"),
    ]


def test_a_level_after_a_change_word_is_an_actual_with_its_own_year() -> None:
    text = "全区农村生活污水治理率从2022年的17.1%提高至26.9%。"
    assert facts(text) == [
        ("rural_sewage_treatment_rate", "actual", 17.1, "pct", "=", "2022"),
        ("rural_sewage_treatment_rate", "actual", 26.9, "pct", "=", "2023"),
    ]


def test_a_goal_in_a_status_report() -> None:
    text = "建设用地安全利用率达到99.49%,完成国家下达的95%以上的考核目标。"
    assert facts(text) == [
        ("construction_land_safe_use_rate", "actual", 99.49, "pct", "=", "2023"),
        ("construction_land_safe_use_rate", "target", 95.0, "pct", ">=", "2023"),
    ]


def test_goals_stated_in_words() -> None:
    text = "到2027年,无劣Ⅴ类水体断面;到2035年,“无废城市”建设实现全覆盖。"
    assert facts(text, province="520000", year=None, is_plan=True) == [
        ("water_sections_worse_than_v_ratio", "target", 0.0, "pct", "=", "2027"),
        ("zero_waste_city_share", "target", 100.0, "pct", "=", "2035"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "为贯彻落实《意见》(中发〔2023〕30号),现提出如下措施。",
        "——2024年3月26日在第十四届人民代表大会常务委员会第八次会议上",
        "(一)大气环境质量总体优良。第三轮督察。",
        "防城港核电厂5、6号机组“两评”获批。",
        "“1+3+15+1”工作安排。",
    ],
)
def test_document_numbers_dates_and_names_are_not_facts(text: str) -> None:
    assert extract(text, province=GX, year=2023).facts == []


def test_a_count_of_places_scoping_a_ranking_is_no_fact() -> None:
    text = "南宁市环境空气质量位列全国168个重点城市第16名。"
    assert [(f.indicator_code, f.kind, f.value, f.region_code) for f in extract(text).facts] == [
        ("composite_index", "rank", 16.0, "450100"),
    ]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("城市环境空气质量优良天数比率为97.9%,全国第5名。", "national"),
        ("南宁市环境空气质量位列全国168个重点城市第16名。", "national"),  # 全国 before the count
        ("生活垃圾无害化处理率达96.92%(排名全国第14位)。", "national"),
        ("四川水环境质量跃居全國第一。", "national"),  # in words, Traditional
        ("南宁市环境空气质量综合指数全区第2名。", "within_province"),
        ("南宁市环境空气质量综合指数省会城市第6名。", ""),  # a list the text does not name
        ("柳州市城市水质指数连续四年排名第1。", ""),
    ],
)
def test_a_rank_states_the_list_it_is_a_place_in(text: str, scope: str) -> None:
    ranks = [f for f in extract(text, province=GX, year=2023).facts if f.kind == "rank"]
    assert [f.rank_scope for f in ranks] == [scope]
    others = [f for f in extract(text, province=GX, year=2023).facts if f.kind != "rank"]
    assert all(f.rank_scope == "" for f in others)


def test_a_count_of_places_doing_what_an_indicator_names_counts_those_places() -> None:
    text = "3市开展秸秆综合利用试点;省级资金支持6个县(市、区)实施农村环境整治项目。"
    assert facts(text) == [
        ("crop_residue_pilot_cities", "actual", 3.0, "count", "=", "2023"),
        ("rural_environment_remediation_counties", "actual", 6.0, "count", "=", "2023"),
    ]


def test_places_counted_before_an_indicator_of_something_else_only_scope_it() -> None:
    assert facts("14个设区市细颗粒物平均浓度为24微克/立方米。") == [
        ("pm2_5", "actual", 24.0, "ug_m3", "=", "2023"),
    ]


def test_a_name_the_number_interrupts_claims_it() -> None:
    text = "自治区督察指出的56个问题中,已完成整改40个。"
    assert facts(text) == [
        ("inspection_problems_found", "actual", 56.0, "count", "=", "2023"),
        ("inspection_problems_rectified", "actual", 40.0, "count", "=", "2023"),
    ]


def test_a_share_of_the_annual_target_belongs_to_the_figure_before_it() -> None:
    text = "招商引资到位资金520亿元,占年度目标任务98.5%。"
    assert facts(text) == [
        ("green_industry_funds_in_place", "actual", 520.0, "cny100m", "=", "2023"),
        ("green_industry_funds_target_completion", "actual", 98.5, "pct", "=", "2023"),
    ]


def test_a_share_of_target_after_a_figure_without_such_an_indicator_is_unmapped() -> None:
    extraction = extract("出动检查人员3000人次,占年度目标任务98.5%。", province=GX, year=2023)
    assert [f.indicator_code for f in extraction.facts] == ["inspection_personnel_deployed"]
    assert [(u.value, u.unit) for u in extraction.unmapped] == [(98.5, "pct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words before the number finish a name said earlier in the sentence …
        ("12个EOD项目进入国家试点,计划投资350亿元。",
         [("eod_projects", 12.0, "count"), ("eod_project_investment", 350.0, "cny100m")]),
        # … or later in it
        ("安排专项资金2.3亿元支持一批农村环境整治项目。",
         [("rural_environment_remediation_funds", 2.3, "cny100m")]),
    ],
)  # fmt: skip
def test_a_name_split_around_the_number(text: str, expected: list[tuple]) -> None:
    assert [(code, value, unit) for code, _, value, unit, _, _ in facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("新能源汽车产量约占全国总量的五分之一。", 20.0, "="),
        ("新能源汽车产量占全国总量的三分之一左右。", 33.3333, "~"),
        ("新能源汽车产量占全国总量的百分之十五。", 15.0, "="),
    ],
)
def test_shares_written_in_words(text: str, value: float, comparator: str) -> None:
    (fact,) = extract(text, province=GX, year=2023).facts
    assert (fact.indicator_code, fact.value, fact.unit, fact.comparator) == (
        "nev_output_national_share", value, "pct", comparator,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("word", "number"),
    [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("百", 100), ("两", 2),
     ("百百", None), ("十十", None), ("", None)],
)  # fmt: skip
def test_chinese_numerals(word: str, number: int | None) -> None:
    assert chinese_numeral(word) == number


def test_two_indicators_sharing_one_value_share_the_place_named_before_them() -> None:
    text = "桂林市地表水水质达标率和集中式饮用水水源达标率均达到100%。"
    assert {(f.indicator_code, f.region_code) for f in extract(text, province=GX).facts} == {
        ("surface_water_compliance_rate", "450300"),
        ("drinking_water_source_compliance_rate", "450300"),
    }


def test_a_figure_after_years_listed_side_by_side_has_no_period() -> None:
    text = "两市分别于2020年、2023年签订生态补偿协议,自治区本级给予2000万元奖补资金。"
    assert facts(text) == [("eco_compensation_funds", "actual", 2000.0, "cny10k", "=", "")]
    assert facts("2023年,自治区本级给予2000万元奖补资金。")[0][-1] == "2023"


def test_numbers_no_indicator_claims_are_kept_as_unmapped() -> None:
    extraction = extract("共出动无名人员47617人次。", province=GX, year=2023)
    assert extraction.facts == []
    assert [(u.value, u.unit) for u in extraction.unmapped] == [(47617.0, "count")]


@pytest.mark.parametrize("name", ["广西", "廣西", "450000", "Guangxi", "广西壮族自治区"])
def test_provinces_resolve_by_any_name(name: str) -> None:
    assert resolve_province(name) == GX


def test_china_and_unknown_regions() -> None:
    assert resolve_province("全国") == "100000"
    with pytest.raises(ValueError, match="unknown region"):
        resolve_province("Atlantis")


def test_document_context_comes_from_the_text() -> None:
    text = "广西壮族自治区人民政府关于2023年度环境状况的报告\n优良天数比率为97.9%。"
    extraction = extract(text)
    assert (extraction.context.region_code, extraction.context.year) == (GX, 2023)
    assert not extraction.context.is_plan


def test_cli_prints_facts_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.txt"
    path.write_text("2024年,全區PM2.5平均濃度為25微克/立方米。", encoding="utf-8")
    assert main(["extract", str(path), "--province", "廣西", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["indicator_code"], row["value"], row["period"], row["region_code"]) == (
        "pm2_5", 25.0, "2024", GX,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("优良天数比率为97.9%".encode("gbk"), "byte 0 is not UTF-8"),
        ("优良天数比率为97.9%".encode("utf-16"), "is NUL, so this is a binary file (or UTF-16)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "byte 8 is NUL, so this is a binary file"),
        (b"", "the file is empty"),
        (b"\n \n", "the file is empty"),
    ],
    ids=["gbk", "utf16", "png", "empty", "blank"],
)
def test_cli_refuses_a_file_that_is_not_utf8_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err and "expected a UTF-8 text file" in err


def test_gold_files_score_at_or_above_the_recorded_floor() -> None:
    """The goal (95 % precision and recall) on the hand-labelled gold files; measured 100.0 % /
    96.9 % (docs/extraction.md lists what is still missed)."""
    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    scores = evaluate(PROJECT_ROOT / "tests" / "gold",
                      lambda stem: extract_entry(paths.raw_dir, entries[stem]).facts)  # fmt: skip
    total = overall(scores)
    assert total.gold >= 150
    assert total.precision >= 0.95, total
    assert total.recall >= 0.95, total


@pytest.mark.parametrize(("document_kind", "kind"),
                         [("policy", "target"), ("work_plan", "target"),
                          ("status_report", "actual"), ("bulletin", "actual")])  # fmt: skip
def test_the_manifest_document_kind_decides_whether_numbers_are_goals(
    tmp_path: Path, document_kind: str, kind: str
) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "x.txt").write_text("细颗粒物平均浓度24微克/立方米。", encoding="utf-8")
    entry = ManifestEntry(
        path="reports/x.txt", sha256="", subject="reports", table="reports__text",
        province="广西", region="", period="2025", publisher="", source_kind="government",
        document_kind=document_kind, title="", published="", source_url="", retrieved="",
        notes="",
    )  # fmt: skip
    (fact,) = extract_entry(tmp_path, entry).facts
    assert (fact.indicator_code, fact.kind, fact.period) == ("pm2_5", kind, "2025")


@pytest.mark.parametrize(("region", "region_code"), [("绵阳市", "510700"), ("", "510000")])
def test_the_manifest_region_makes_a_city_document_the_citys(
    tmp_path: Path, region: str, region_code: str
) -> None:
    """A city's bulletin registered with its region (`envwh manifest add --region`) states the
    city's figures even when its text never names the city; without it, the province's."""
    (tmp_path / "reports").mkdir()
    text = "全市细颗粒物平均浓度30微克/立方米。"
    (tmp_path / "reports" / "x.txt").write_text(text, encoding="utf-8")
    entry = ManifestEntry(
        path="reports/x.txt", sha256="", subject="reports", table="reports__text",
        province="四川", region=region, period="2024", publisher="", source_kind="government",
        document_kind="bulletin", title="", published="", source_url="", retrieved="", notes="",
    )  # fmt: skip
    (fact,) = extract_entry(tmp_path, entry).facts
    assert (fact.indicator_code, fact.value, fact.region_code) == ("pm2_5", 30.0, region_code)


def test_a_province_nobody_can_read_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "x.txt").write_text("细颗粒物平均浓度30微克/立方米。", encoding="utf-8")
    entry = ManifestEntry(
        path="reports/x.txt", sha256="", subject="reports", table="reports__text",
        province="四州", region="", period="2024", publisher="", source_kind="government",
        document_kind="bulletin", title="", published="", source_url="", retrieved="", notes="",
    )  # fmt: skip
    with pytest.raises(ValueError, match="unknown region '四州'"):
        extract_entry(tmp_path, entry)


def test_fact_rows_have_the_documented_columns() -> None:
    assert list(Fact.__dataclass_fields__) == [
        "indicator_code", "indicator_name_zh", "kind", "value", "unit", "value_canonical",
        "canonical_unit", "comparator", "period", "region_code", "baseline_year", "rank_scope",
        "qualifier", "quote", "char_start", "char_end", "is_departure_from_normal",
    ]  # fmt: skip


def test_a_strategy_is_a_pure_function_of_its_clause_and_the_memory_is_an_input() -> None:
    """The share of a count needs the fact read before it: given as an input (ReadSoFar), never
    kept by a strategy; asking twice gives the same answer."""
    text = "全市218个城市环境空气质量达标,占64.3%。"
    doc = Document(fold(text), DocumentContext(GX, 2023, False), lexicon())
    count, share = doc.mentions
    named, strategy = first_candidate(clause_at(doc, count, ReadSoFar()))
    assert (named.code, strategy) == ("air_quality_compliant_cities_count", forward)
    assert first_candidate(clause_at(doc, share, ReadSoFar())) == (None, None)
    before = Previous(count.end, "actual", named.code, 1, "")
    clause = clause_at(doc, share, ReadSoFar(previous=before))
    shared, strategy = first_candidate(clause)
    assert strategy is share_of_count and shared.code == doc.lex.shares[named.code]
    assert [s(clause) for s in STRATEGIES] == [s(clause) for s in STRATEGIES]
