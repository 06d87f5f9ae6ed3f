"""Every region of China with its history: the generated seed, name resolution in the period a
source reports, ambiguity reported with candidates, and the table parsers and extractor using it.
"""

import importlib.util
import re
from pathlib import Path

import duckdb
import jinja2
import pytest

from orchestration import region_seed
from orchestration.extraction.document import find_regions
from orchestration.parsing.air_quality import rankings_builder
from orchestration.parsing.reference import regions
from orchestration.parsing.tables import FileContext, parse_table
from orchestration.paths import DBT_PROJECT_DIR
from tests.conftest import write_csv


def codes(text: str, when: int | None = None, province: str = "") -> list[str]:
    return [r.code for r in regions().lookup(text, when, province).candidates]


def test_regenerating_the_seeds_from_the_pinned_package_gives_the_committed_files() -> None:
    assert region_seed.main(["--check"]) == 0


def test_stem_and_short_names() -> None:
    assert region_seed.short_name("广西壮族自治区") == "广西"
    assert region_seed.short_name("黔西南布依族苗族自治州") == "黔西南"
    assert region_seed.short_name("六盘水市") == "六盘水"  # 水 is a nationality, not stripped here
    assert region_seed.short_name("和县") == ""  # one character is never a name


@pytest.mark.parametrize("text", ["苏州", "蘇州", "苏州市", "蘇州市", "苏州地区"])
def test_short_traditional_and_suffixless_names(text: str) -> None:
    assert codes(text) == ["320500"]


def test_rename_keeps_the_code_and_the_former_name_resolves_in_its_years() -> None:
    assert codes("襄樊", 2009) == codes("襄樊市", 2009) == ["420600"]
    assert codes("襄阳市", 2015) == ["420600"]
    assert codes("襄樊市", 2015) == []  # not a name in 2015
    assert regions().by_code["420600"].valid_to is None


def test_merge_ends_the_code_and_names_the_successor() -> None:
    laiwu = regions().by_code["371200"]
    assert (laiwu.valid_to, laiwu.successor_code) == (2018, "370116")
    assert codes("莱芜市", 2017) == ["371200"]
    assert codes("莱芜区", 2019) == ["370116"]
    found = regions().lookup("莱芜市", 2020)
    assert found.candidates == () and "371200" in found.note  # never silently its successor


def test_split_prefecture_and_county_level_city_of_the_same_name() -> None:
    assert codes("巢湖市", 2008) == ["341400"]  # the prefecture, abolished 2011
    assert codes("巢湖市", 2015) == ["340181"]  # the county-level city under 合肥
    assert sorted(codes("巢湖市", 2011)) == ["340181", "341400"]  # both in the year of change


def test_same_county_name_in_two_provinces_needs_the_province() -> None:
    assert sorted(codes("朝阳区")) == ["110105", "220104"]
    assert codes("朝阳区", province="110000") == ["110105"]
    assert sorted(codes("通州区")) == ["110112", "320612"]
    assert codes("通州区", province="320000") == ["320612"]
    assert sorted(codes("鼓楼区", province="320000")) == ["320106", "320302"]  # still two
    assert codes("南京市鼓楼区") == ["320106"]  # the prefecture names it


def test_a_bare_name_means_the_higher_division() -> None:
    assert codes("朝阳", province="210000") == ["211300"]  # 朝阳市, not its 朝阳县
    assert codes("朝阳县") == ["211321"]
    assert codes("吉林") == ["220000"]
    assert sorted(codes("海南")) == ["150303", "460000", "632500"]
    assert codes("海南", province="630000") == ["632500"]


def test_a_province_named_by_a_document_is_the_province() -> None:
    # 河北 is also Tianjin's 河北区 and 海南 Inner Mongolia's 海南区: a document's province
    # (the manifest, --province) can only be a province or the country
    assert regions().province_code("河北") == "130000"
    assert regions().province_code("海南") == "460000"
    assert regions().province_code("全国") == "100000"
    assert regions().province_code("石家庄") == ""


def test_codes_and_unknown_names() -> None:
    assert codes("450100") == ["450100"]
    assert codes("Atlantis") == []


def test_ambiguous_and_unknown_cities_are_quarantined_with_candidates(tmp_path: Path) -> None:
    header = ["省份", "时段", "排名依据", "排名", "城市"]
    path = write_csv(tmp_path / "r.csv", [
        header,
        ["", "2023年", "综合指数", "", "鼓楼区"],
        ["", "2023年", "综合指数", "", "莱芜市"],
        ["北京", "2023年", "综合指数", "", "朝阳区"],
    ])  # fmt: skip
    builder = rankings_builder(FileContext("江苏"))
    parsed = parse_table(path, path.name, "air_quality__city_rankings", builder)
    ambiguous, unknown = parsed.rejections
    assert (ambiguous.rule, ambiguous.value) == ("ambiguous_region", "鼓楼区")
    assert "320106" in ambiguous.message and "320302" in ambiguous.message
    assert unknown.rule == "unknown_region" and "371200" in unknown.message
    assert [r["region_code"] for r in parsed.records] == ["110105"]


# Real prefecture-level divisions of 山东 (GB/T 2260): 17 until 莱芜 joined 济南 (2018), 16 after.
SHANDONG_2017 = ["济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海",
                 "日照", "莱芜", "临沂", "德州", "聊城", "滨州", "菏泽"]  # fmt: skip


SHANDONG_2020 = [c for c in SHANDONG_2017 if c != "莱芜"]


@pytest.mark.parametrize(("year", "cities"), [(2017, SHANDONG_2017), (2020, SHANDONG_2020)])
def test_a_city_table_of_another_province_lands_with_every_city_mapped(
    tmp_path: Path, year: int, cities: list[str]
) -> None:
    """The parser's path end to end on a rankings table of 山东's cities (names only: the rank
    cells are empty, so no figure is invented), with the province from the manifest."""
    rows = [["时段", "排名依据", "排名", "城市"]]
    rows += [[f"{year}年", "综合指数", "", f"{c}市"] for c in cities]
    path = write_csv(tmp_path / "sd.csv", rows)
    parsed = parse_table(path, path.name, "air_quality__city_rankings",
                         rankings_builder(FileContext("山东")))  # fmt: skip
    assert parsed.rejections == []
    landed = {r["region_code"] for r in parsed.records}
    assert len(landed) == len(cities)
    assert all(regions().by_code[c].level == "prefecture" and c[:2] == "37" for c in landed)
    assert ("371200" in landed) == (year == 2017)


def test_the_extractor_finds_names_in_prose_in_the_documents_year() -> None:
    text = "2017年莱芜市空气质量优良天数比例为70%，南京市鼓楼区和城区。"
    found = {text[s:e]: code for s, e, code in find_regions(text, 2017, "370000")}
    assert found["莱芜市"] == "371200"
    assert "城区" not in found  # a two-character county name is an ordinary word in prose
    text = "朝阳区PM2.5浓度"
    assert find_regions(text, 2023, "") == [(0, 3, "")]  # ambiguous: no code guessed
    assert find_regions(text, 2023, "110000") == [(0, 3, "110105")]


def _overlap_test_sql(table: str) -> str:
    source = (DBT_PROJECT_DIR / "tests" / "generic" / "intervals_do_not_overlap.sql").read_text()
    body = re.search(r"%}\n(.*){% endtest %}", source, re.S).group(1)
    return jinja2.Template(body).render(model=table, key_columns=["region_code"],
                                        valid_from="valid_from", valid_to="valid_to")  # fmt: skip


def test_the_interval_test_fails_on_overlapping_intervals_of_one_code() -> None:
    con = duckdb.connect()
    con.execute("create table good (region_code varchar, valid_from date, valid_to date)")
    con.execute("insert into good values ('371200', '1992-01-01', '2018-12-31'), "
                "('371200', '2019-01-01', null), ('370116', '2018-01-01', null)")  # fmt: skip
    assert con.execute(_overlap_test_sql("good")).fetchall() == []
    con.execute("create table bad as select * from good")
    con.execute("insert into bad values ('371200', '2018-01-01', '2018-12-31')")
    assert len(con.execute(_overlap_test_sql("bad")).fetchall()) == 1  # the one overlapping pair


def test_the_region_benchmark_runs_once_small() -> None:
    """Smoke: the benchmark's code path (bench/bench_regions.py) cannot rot."""
    path = DBT_PROJECT_DIR.parent / "bench" / "bench_regions.py"
    spec = importlib.util.spec_from_file_location("bench_regions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.run(lookups=300, text_repeat=1)
    assert set(figures) == {"index load s", "uncached lookups/s", "cached lookups/s",
                            "prose chars/s"}  # fmt: skip
    assert all(value > 0 for value in figures.values())
