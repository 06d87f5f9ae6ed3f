"""Classes of wording found on the spent gold sets (seed, unseen … unseen6) in the eleventh
generalising round — subjects the extractor barely read (climate and weather, physical
measures): each test states the general class, in sentences written for the test (other places
and numbers than the gold texts), and fails without its rule, spelling or unit."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts


def _facts(text: str, province: str, year: int) -> list[tuple[str, str, float, str, str, str]]:
    return [(f.indicator_code or "~" + f.indicator_name_zh, f.kind, f.value, f.unit, f.period,
             f.region_code) for f in extract(text, province=province, year=year).facts]  # fmt: skip


def test_a_weather_measure_named_by_its_head_is_a_clear_name() -> None:
    """'全省平均气温16.2℃', '平均降水量1432.5毫米', '年日照时数1598.7小时': a name ending in a
    weather measure (气温, 降水量, 日照时数 …) right before its number names it as clearly as
    'X为N'; 毫米 is a unit (millimetres of water), and 日照 in 日照时数 is no 日照市."""
    text = "2021年,全省平均气温16.2℃,平均降水量1432.5毫米,年日照时数1598.7小时。"
    assert _facts(text, "420000", 2021) == [
        ("~气温", "actual", 16.2, "deg_c", "2021", "420000"),
        ("~降水量", "actual", 1432.5, "mm", "2021", "420000"),
        ("~年日照时数", "actual", 1598.7, "hour", "2021", "420000"),
    ]


def test_a_great_geographic_region_has_no_code() -> None:
    """'华北地区平均气温…', '西南地区平均降水量…': the great regions of China a climate bulletin
    speaks of are regions of several provinces — their figures have no region, never the
    document's (the country's)."""
    text = "2020年,华北地区平均降水量612.4毫米;西南地区平均气温15.8℃。"
    assert [(name, region) for name, *_, region in _facts(text, "100000", 2020)] == [
        ("~华北地区平均降水量", ""),
        ("~西南地区平均气温", ""),
    ]


def test_a_span_of_months_in_a_yearly_document_is_the_figures_period() -> None:
    """'2020年6月中旬至7月下旬,…', '6月1日至8月31日,…': in a document of a whole year, a span of
    months named in the sentence before a figure is its period, widened to whole months; a
    figure of a sentence naming no months keeps the year."""
    text = (
        "2020年6月中旬至7月下旬,全省平均降水量587.3毫米。"
        "6月1日至8月31日,全省平均气温26.4℃。全年全省平均气温18.1℃。"
    )
    assert [(name, period) for name, _, _, _, period, _ in _facts(text, "360000", 2020)] == [
        ("~降水量", "2020-06..2020-07"),
        ("~气温", "2020-06..2020-08"),
        ("~气温", "2020"),
    ]
    assert named_facts("2020年,全省平均气温18.1℃。", province="360000", year=2020) == [
        ("~气温", "actual", 18.1)
    ]


def test_a_departure_from_the_climate_normal_is_a_signed_figure_of_its_own() -> None:
    """'…平均降水量1287.4毫米,比常年偏少9%', '平均气温较常年同期偏低0.4℃': a departure from the
    climate normal is no change against last year but a figure (an actual) signed by its
    direction — after an open figure, named after it; said with its own name, named so. A change
    after a departure is the figure's, not the departure's: it borrows no name."""
    text = (
        "2019年,全省平均降水量1287.4毫米,比常年偏少9%。"
        "全省冬季平均气温较常年同期偏低0.4℃。"
        "全省平均日照时数1802.6小时,较常年偏多42.5小时,较上年减少3.1小时。"
    )
    assert named_facts(text, province="440000", year=2019) == [
        ("~降水量", "actual", 1287.4),
        ("~降水量比常年偏少", "actual", -9.0),
        ("~冬季平均气温较常年同期偏低", "actual", -0.4),
        ("~日照时数", "actual", 1802.6),
        ("~日照时数较常年偏多", "actual", 42.5),
    ]


def test_dust_fall_is_measured_in_tonnes_per_square_kilometre_and_month() -> None:
    """'降尘量平均为3.96吨/(平方公里·月)', '…降尘量4.21吨/平方公里·月': dust fall is a deposition
    rate (a unit of the registry, t/(km²·30d)), never a mass in tonnes; 降尘量 heads a clear
    name, and the change after it is its change."""
    text = (
        "2021年,全市降尘量平均为3.96吨/(平方公里·月),同比下降11.2%。城区降尘量4.21吨/平方公里·月。"
    )
    facts = _facts(text, "370000", 2021)
    assert [(name, kind, value, unit) for name, kind, value, unit, _, _ in facts] == [
        ("~降尘量", "actual", 3.96, "t_per_km2_month"),
        ("~降尘量", "change", -11.2, "pct"),
        ("~城区降尘量", "actual", 4.21, "t_per_km2_month"),
    ]


def test_the_duration_of_a_weather_or_pollution_process_is_a_clear_name() -> None:
    """'高温过程持续时间47天', '重污染过程持续时间72小时': a name ending in 持续时间 right before
    a number of days or hours names it (open vocabulary), of the region the sentence speaks of
    — none for a great region — and of the months it names."""
    heat = "2022年6月中旬至8月下旬,华南地区出现区域性高温过程,高温过程持续时间47天。"
    assert _facts(heat, "100000", 2022) == [
        ("~高温过程持续时间", "actual", 47.0, "day", "2022-06..2022-08", "")
    ]
    smog = "2022年,全省最长一次重污染过程持续时间72小时。"
    assert named_facts(smog, province="130000", year=2022) == [
        ("~最长一次重污染过程持续时间", "actual", 72.0)
    ]


def test_days_closed_by_their_grade_are_that_grades_days() -> None:
    """'8天“优”,20天“良”,2天“轻度污染”' (a newspaper's order: the count, then the grade): a count of
    days closed by an air-quality grade alone is that grade's days, as '优8天' is — open
    vocabulary named grade + 天数."""
    text = "5月份,全市8天“优”,20天“良”,2天“轻度污染”,1天“中度污染”。"
    assert named_facts(text, province="220100", year=2020) == [
        ("~优天数", "actual", 8.0),
        ("~良天数", "actual", 20.0),
        ("~轻度污染天数", "actual", 2.0),
        ("~中度污染天数", "actual", 1.0),
    ]


def test_a_gloss_in_parentheses_inside_a_name_does_not_break_it() -> None:
    """'区域声环境质量昼间(白天6点至22点)平均等效声级为53.8分贝': a gloss in parentheses (the hours
    of the day, a definition) inside a name leaves the name whole — the catalogue's regional day
    level; the night's level named alone ('夜间(22点至次日6点)平均等效声级') stays unclaimed, as it
    is without the gloss (it could be the roads' or the zones')."""
    text = (
        "2021年,全市区域声环境质量昼间(白天6点至22点)平均等效声级为53.8分贝,"
        "夜间(22点至次日6点)平均等效声级为45.2分贝。"
    )
    assert named_facts(text, province="510000", year=2021) == [
        ("noise_regional_day_leq", "actual", 53.8)
    ]


def test_days_counted_with_ge_are_days() -> None:
    """'全年共有41个污染日', '出现6个“良”': days named after a count with 个 (a kind of day, or a
    grade closing its clause) are a count of days, named so; a grade that goes on into another
    word ('10个优秀案例') counts no days."""
    text = "2019年,全市共有41个污染日。全年全市出现6个“良”。"
    assert _facts(text, "420100", 2019) == [
        ("~污染日", "actual", 41.0, "day", "2019", "420100"),
        ("~良天数", "actual", 6.0, "day", "2019", "420100"),
    ]
    assert named_facts("2019年,全市评选出10个优秀案例。", province="420100", year=2019) == []
    # a difference said with 多/少 is no count of days (nor a change this rule could sign)
    more = "3月份,全市9天“优”,同比多了2个“优”。"
    assert named_facts(more, province="420100", year=2019) == [("~优天数", "actual", 9.0)]


def test_a_quarter_opening_a_paragraph_of_a_monthly_release_is_its_months() -> None:
    """'综合第一季度看,…' in the March release: the paragraph's figures are of the quarter's three
    months (named by the quarter's code, 2020-Q1), not of March alone."""
    text = "3月份,全市优良天数为24天。\n综合第一季度看,全市优良天数为71天。"
    facts = extract(text, province="230100", year=2020, period_code="2020-03").facts
    assert [(f.indicator_code, f.value, f.period) for f in facts] == [
        ("good_days", 24.0, "2020-03"),
        ("good_days", 71.0, "2020-Q1"),
    ]


def test_a_measure_said_after_an_indicators_name_is_that_things_measure() -> None:
    """'…集中式饮用水水源地供水总量为8231.5万吨,达标水量8190.3万吨': words ending in a measure head
    after an indicator's name (here the sources' count or rate), in a unit the indicator cannot
    take, are a measure of what the name names — open vocabulary named by both, never the
    indicator; 水量 heads a clear name."""
    text = "2020年,全省地级城市集中式饮用水水源地供水总量为8231.5万吨,达标水量8190.3万吨。"
    assert named_facts(text, province="430000", year=2020) == [
        ("~地级城市集中式饮用水水源地供水总量", "actual", 8231.5),  # the words of its scope kept
        ("~达标水量", "actual", 8190.3),
    ]


def test_a_span_of_years_opened_by_its_first_year_gives_no_period() -> None:
    """'从2018年起,我省用3年时间完成了…,1260家企业完成了…': the figures of a span of years opened
    by its first year are said of the whole span — not of 2018, nor of the report year; a
    sentence naming its own year keeps it."""
    text = (
        "从2018年起,我省用3年时间完成了重点行业企业用地调查,1260家企业完成了用地信息采集。"
        "2021年,全省受污染耕地安全利用率达到93.5%。"
    )
    assert [(name, period) for name, _, _, _, period, _ in _facts(text, "450000", 2021)] == [
        ("~企业完成了用地信息采集", ""),
        ("polluted_farmland_safe_use_rate", "2021"),
    ]


def test_weather_events_counted_in_a_list_and_their_changes() -> None:
    """'共发生3次区域性大雾天气和5次局地性冰雹天气,区域性大雾天气同比增加1次': each event of a
    list after a verb of occurrence is counted under its own name (not '…和'), and an event
    named before a change of its count of times names that change."""
    text = "2022年,全省共发生3次区域性大雾天气和5次局地性冰雹天气,区域性大雾天气同比增加1次。"
    assert named_facts(text, province="520000", year=2022) == [
        ("~区域性大雾天气次数", "actual", 3.0),
        ("~局地性冰雹天气次数", "actual", 5.0),
        ("~区域性大雾天气次数", "change", 1.0),
    ]


def test_an_extreme_said_alone_names_nothing() -> None:
    """'…日最高气温超过40℃,最高为43.8℃(衢州)': an extreme said alone does not say whose or of what
    — the number lands under no name, never as the region's figure named '最高'."""
    text = "2022年8月,全省共有41个县(市、区)日最高气温超过40℃,最高为43.8℃(衢州)。"
    assert named_facts(text, province="330000", year=2022) == []


def test_wind_speed_is_a_speed_and_a_departure_may_be_said_in_tenths() -> None:
    """'年平均风速2.3米/秒' is a speed (m/s, a unit of the registry), never 2.3 metres; '较常年偏少
    三成' is a departure of 30 %, signed by its direction."""
    text = "2021年,全省年平均风速2.3米/秒。全省平均降水量612.8毫米,较常年偏少三成。"
    assert _facts(text, "150000", 2021) == [
        ("~年平均风速", "actual", 2.3, "m_per_s", "2021", "150000"),
        ("~降水量", "actual", 612.8, "mm", "2021", "150000"),
        ("~降水量较常年偏少", "actual", -30.0, "pct", "2021", "150000"),
    ]


def test_the_days_the_air_met_the_standard_are_its_good_days() -> None:
    """'全年空气达标天数为287天' (an older bulletin's words, 质量 left out): the good days."""
    text = "2014年,全市全年空气达标天数为287天。"
    assert named_facts(text, province="320500", year=2014) == [("good_days", "actual", 287.0)]


def test_days_named_before_their_count_past_a_scope_word_or_a_conjunction() -> None:
    """'14个地级城市累计受沙尘天气影响531天', '但全年重度及以上污染天仍有4天': a name right before
    a count of days spells its indicator with 天数 (or 数 after 天) once the scope word (累计) or
    the conjunction (但) that opens it is left out."""
    text = "2022年,全省14个地级城市累计受沙尘天气影响531天。但全年重度及以上污染天仍有4天。"
    assert named_facts(text, province="620000", year=2022) == [
        ("sand_dust_days", "actual", 531.0),
        ("heavy_pollution_days", "actual", 4.0),
    ]


def test_the_place_of_an_extreme_named_with_its_province_holds_its_own_figure() -> None:
    """'年降水量最多的地方是湖南桃源(1893.4毫米)': the place of the highest figure, named by its
    province and its short name, holds its figure in parentheses — the county's (a short
    county name found only after its province), never the country's; a place the region
    reference does not know (a station) leaves its figure unmapped."""
    text = (
        "2023年,全国年降水量最多的地方是湖南桃源(1893.4毫米);"
        "年降水量最少的地方是内蒙古额济纳旗拐子湖(12.5毫米)。"
    )
    assert _facts(text, "100000", 2023) == [("~年降水量", "actual", 1893.4, "mm", "2023", "430725")]


def test_a_count_of_places_affected_is_how_many_places_were_affected() -> None:
    """'…出现区域性暴雨过程,有126个县(市、区)受影响': a count of places said to be affected (or
    struck: 受灾) is an open-vocabulary count of them, as '7市同比下降' is."""
    text = "2021年7月,全省出现区域性暴雨过程,有126个县(市、区)受影响。"
    assert named_facts(text, province="410000", year=2021) == [
        ("~县(市、区)受影响", "actual", 126.0)
    ]


def test_a_group_of_places_named_by_their_rank_has_no_region() -> None:
    """'前5位城市产生的危险废物总量为63.7万吨': the places at the top of a ranking are a group
    without a code — their figure lands under its name with no region, never the country's."""
    text = "2016年,前5位城市产生的危险废物总量为63.7万吨。"
    assert _facts(text, "100000", 2016) == [
        ("~前5位城市产生的危险废物总量", "actual", 63.7, "kt10", "2016", "")
    ]


def test_a_share_of_its_whole_right_after_an_open_amount_is_that_amounts_share() -> None:
    """'…产生量为84.2万吨,占全省工业固体废物产生总量的12.6%': a share said of its whole right after
    an open-vocabulary amount is that amount's share of the whole (A占B比例), of the same
    region as the amount."""
    text = "2020年,全省赤泥产生量为84.2万吨,占全省工业固体废物产生总量的12.6%。"
    assert _facts(text, "520000", 2020) == [
        ("~赤泥产生量", "actual", 84.2, "kt10", "2020", "520000"),
        ("~赤泥产生量占全省工业固体废物产生总量比例", "actual", 12.6, "pct", "2020", "520000"),
    ]


def test_days_closed_by_a_grade_the_catalogue_counts_take_its_code() -> None:
    """'只有2个“严重污染”': days closed by a grade whose days the catalogue counts (严重污染天数)
    are that indicator's, as '严重污染3天' is."""
    text = "第一季度,全市出现6个“优”,只有2个“严重污染”。"
    assert named_facts(text, province="230100", year=2015) == [
        ("~优天数", "actual", 6.0),
        ("severe_pollution_days", "actual", 2.0),
    ]


def test_months_named_by_their_numbers_and_groups_of_enterprises() -> None:
    """'1-6月,全市PM2.5平均浓度为21微克/立方米' in a yearly bulletin: the first half's figure
    (2022-01..2022-06), as '1月至6月' is; '排名前3位的区县…', '前5位企业的…': a group at the top
    of a ranking (of districts, of enterprises) has no region — never the city's figure."""
    text = (
        "2022年,全市空气质量优良天数比例为98.4%。1-6月,全市PM2.5平均浓度为21微克/立方米。"
        "排名前3位的区县优良天数比例均为100%。"
    )
    assert [
        (name, period, region) for name, _, _, _, period, region in _facts(text, "350100", 2022)
    ] == [
        ("good_days_ratio", "2022", "350100"),
        ("pm2_5", "2022-01..2022-06", "350100"),
        ("~排名前3位的区县优良天数比例", "2022", ""),
    ]


def test_stations_of_an_atmospheric_network_counted_are_monitored_things() -> None:
    """'全省23个酸雨监测点', '18个降尘监测点': a count right before the stations of a network
    measuring the atmosphere (acid rain, dust fall) counts them (open vocabulary), as '65个国控点'
    does."""
    text = "2022年,全省共设23个酸雨监测点和18个降尘监测点。"
    assert named_facts(text, province="620000", year=2022) == [
        ("~酸雨监测点", "actual", 23.0),
        ("~降尘监测点", "actual", 18.0),
    ]


def test_a_years_temperature_departure_is_the_catalogues_signed_and_of_its_place() -> None:
    """'全省年平均气温17.9℃,较常年偏低0.3℃', '全省平均气温较常年偏低0.2℃': the departure of the
    whole year's mean temperature is the catalogue's `mean_air_temperature_anomaly`, signed
    (−0.3); a departure of a city's figure is the city's ('南京市平均气温16.2℃,较常年偏高0.5℃');
    a season's departure, or one against the same time of year (同期), stays open."""
    text = (
        "2021年,全省年平均气温17.9℃,较常年偏低0.3℃。全省平均气温较常年偏低0.2℃。"
        "南京市平均气温16.2℃,较常年偏高0.5℃。冬季全省平均气温4.1℃,较常年同期偏高0.9℃。"
    )
    assert [(n, v, r) for n, _, v, _, _, r in _facts(text, "320000", 2021)] == [
        ("~年平均气温", 17.9, "320000"),
        ("mean_air_temperature_anomaly", -0.3, "320000"),
        ("mean_air_temperature_anomaly", -0.2, "320000"),
        ("~平均气温", 16.2, "320100"),
        ("mean_air_temperature_anomaly", 0.5, "320100"),
        ("~冬季全省平均气温", 4.1, "320000"),
        ("~冬季全省平均气温较常年同期偏高", 0.9, "320000"),
    ]
