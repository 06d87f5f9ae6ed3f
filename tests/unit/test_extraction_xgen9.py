"""Classes of wording found on the spent gold sets (unseen2–unseen5) in the ninth generalising
round: each test states the general class, in sentences written for the test (other places and
numbers than the gold texts), and fails without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts


def test_a_drinking_water_source_said_short_is_counted() -> None:
    """饮用水源地 is the common short spelling of 饮用水水源地: a count of them is the count of
    drinking-water sources, as the long spelling's is."""
    assert named_facts("2021年,全省21个饮用水源地水质保持稳定。", province="430000", year=2021) == [
        ("drinking_water_sources_count", "actual", 21.0)
    ]
    assert named_facts("2021年,衡阳市共有9座集中式饮用水源地。", province="430000", year=2021) == [
        ("drinking_water_sources_count", "actual", 9.0)
    ]


def test_the_seats_of_the_divisions_governments_are_the_cities_measured() -> None:
    """'N个地(州、市)人民政府(行署)所在城市' (Xinjiang's, Tibet's wording for its prefectures'
    seats) counts the cities a network measures: known words, so the figure after them is the
    region's."""
    text = "2024年,全区12个地(州、市)人民政府(行署)所在城市环境空气质量优良天数比例为88.1%。"
    assert named_facts(text, province="540000", year=2024) == [("good_days_ratio", "actual", 88.1)]


def test_a_name_of_two_fused_halves_shares_its_numbers_out() -> None:
    """'昼夜间达标率分别为A和B': the day's rate and the night's, as '昼、夜间达标率' would say; a
    class of zones before it still keeps its own name (open vocabulary)."""
    text = (
        "2024年,全省城市功能区声环境昼夜间达标率分别为93.6%和85.2%。"
        "其中2类功能区昼夜间达标率分别为96.0%和90.1%。"
    )
    facts = named_facts(text, province="410000", year=2024)
    assert facts[:2] == [
        ("noise_function_zone_day_compliance_rate", "actual", 93.6),
        ("noise_function_zone_night_compliance_rate", "actual", 85.2),
    ]
    assert [(name[0], value) for name, _, value in facts[2:]] == [("~", 96.0), ("~", 90.1)]
    # the halves may stand inside the name, each half completing it to a catalogue spelling
    levels = "2022年,全市区域声环境昼夜间平均等效声级分别为54.1分贝和45.3分贝。"
    assert named_facts(levels, province="320100", year=2022) == [
        ("noise_regional_day_leq", "actual", 54.1),
        ("noise_regional_night_leq", "actual", 45.3),
    ]


def test_a_rate_monitored_by_hand_is_the_networks_rate() -> None:
    """The noise function zones' network was monitored by hand: '功能区手工监测昼间达标率' is
    the catalogue's day rate, not a part of it."""
    text = "2020年,全国城市声环境功能区手工监测昼间达标率为94.6%,夜间达标率为80.1%。"
    assert named_facts(text, province="100000", year=2020) == [
        ("noise_function_zone_day_compliance_rate", "actual", 94.6),
        ("noise_function_zone_night_compliance_rate", "actual", 80.1),
    ]


def test_the_change_of_the_place_that_changed_most_is_a_signed_change() -> None:
    """'…下降幅度最大的城市是X,为N%': a change of X in the direction named; its indicator is the
    one named in the sentence, or else the one the paragraph ranked its places by."""
    named = "2020年5月,PM2.5浓度同比下降幅度最大的城市是潍坊市,为21.4%。"
    facts = extract(named, province="370000", year=2020).facts
    assert [(f.indicator_code, f.kind, f.value, f.region_code) for f in facts] == [
        ("pm2_5", "change", -21.4, "370700")
    ]
    ranked = (
        "2020年5月,细颗粒物浓度最好的城市是烟台市,为18μg/m3;最差的城市是聊城市,为41μg/m3。"
        "5市同比下降,下降幅度最大的城市是潍坊市,为21.4%;4市同比上升,上升幅度最大的城市是临沂市,"
        "为12.5%。"
    )
    facts = extract(ranked, province="370000", year=2020).facts
    assert [
        (f.indicator_code, f.kind, f.value, f.region_code) for f in facts if f.kind == "change"
    ] == [
        ("pm2_5", "change", -21.4, "370700"),
        ("pm2_5", "change", 12.5, "371300"),
    ]
    # a paragraph that ranked no places lends its indicator to no such change
    unranked = "2020年5月,全省PM2.5浓度为33μg/m3。5市同比下降,下降幅度最大的城市是潍坊市,为21.4%。"
    facts = extract(unranked, province="370000", year=2020).facts
    assert [f.value for f in facts if f.indicator_code == "pm2_5"] == [33.0]


def test_places_of_the_highest_figures_each_with_its_own_figure() -> None:
    """'X较大的省份为A N1和B N2': each place right before its own figure is the place of that
    figure — a catalogue indicator's, or, after a name ending in a measure head that no entry
    claims, an open-vocabulary fact under that name."""
    text = (
        "2015年,优良天数较多的城市为拉萨360天和海口355天。"
        "2015年,废催化剂产生量较大的省份为江苏45.2万吨和浙江31.7万吨。"
    )
    facts = extract(text, province="100000", year=2015).facts
    assert [
        (f.indicator_code or f"~{f.indicator_name_zh}", f.value, f.region_code) for f in facts
    ] == [
        ("good_days", 360.0, "540100"),
        ("good_days", 355.0, "460100"),
        ("~废催化剂产生量", 45.2, "320000"),
        ("~废催化剂产生量", 31.7, "330000"),
    ]


def test_places_closed_by_their_exact_count_share_the_numbers_out() -> None:
    """'A、B、C等3个市X分别…': when 等 closes exactly the places named (its count, and the numbers
    分别 shares out), each number is its place's; with more places counted than named, whose
    number is which is not said, and none is claimed."""
    exact = "2016年,与2015年相比,渭南、咸阳、西安等3个市优良天数分别减少90天、88天、59天。"
    facts = extract(exact, province="610000", year=2016).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("good_days", -90.0, "610500"),
        ("good_days", -88.0, "610400"),
        ("good_days", -59.0, "610100"),
    ]
    more = "2016年,与2015年相比,渭南、咸阳、西安等4个市优良天数分别减少90天、88天、59天、3天。"
    assert [f for f in extract(more, province="610000", year=2016).facts if f.value < 0] == []
    # a place the region reference reads as no one region (河北: also 天津's 河北区) lends none
    unsure = "2016年,与2015年相比,山东、河北等2个省优良天数分别减少20天、18天。"
    assert [f for f in extract(unsure, province="100000", year=2016).facts if f.value < 0] == []


def test_each_item_of_a_list_after_a_figure_is_its_own_places() -> None:
    """'A市X为30天、B市29天、C市28天': the place opening each later item is that item's place,
    never the place of the first figure (they were all given to A)."""
    text = "2024年10月,南宁市优良天数为30天、柳州市29天、桂林市28天。"
    facts = extract(text, province="450000", year=2024).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("good_days", 30.0, "450100"),
        ("good_days", 29.0, "450200"),
        ("good_days", 28.0, "450300"),
    ]


def test_a_name_opening_with_the_built_up_area_keeps_it_whole() -> None:
    """建成区 (the built-up area) is no 建成 + 区: a figure named by it keeps the whole name."""
    text = "2022年,全省建成区绿化覆盖率达到43.5%。"
    assert named_facts(text, province="440000", year=2022) == [
        ("~建成区绿化覆盖率", "actual", 43.5)
    ]


def test_the_groundwater_class_v_share_is_not_the_class_i_to_iv_share() -> None:
    """地下水质量Ⅴ类水比例 (the plans' indicator) is the share of class V, the complement of the
    Ⅰ~Ⅳ share (it was a spelling of the latter); a Ⅰ~Ⅳ share of points is the latter."""
    text = "2023年,全省地下水质量Ⅴ类水比例为12.1%,Ⅰ~Ⅳ类水质点位比例为87.9%。"
    assert named_facts(text, province="410000", year=2023) == [
        ("groundwater_class_v_ratio", "actual", 12.1),
        ("groundwater_class_i_iv_ratio", "actual", 87.9),
    ]


def test_points_said_once_at_the_end_of_a_list_are_each_numbers_unit() -> None:
    """'分别上升1.1个和2.4个百分点': 个百分点 said once, its head 个 on each number — every number
    of the list is in percentage points (a count has no decimals), so each is its rate's change."""
    text = (
        "2022年,全市功能区声环境昼间、夜间达标率分别为95.2%和81.3%,同比分别上升1.1个和2.4个百分点。"
    )
    assert named_facts(text, province="320100", year=2022) == [
        ("noise_function_zone_day_compliance_rate", "actual", 95.2),
        ("noise_function_zone_day_compliance_rate", "change", 1.1),
        ("noise_function_zone_night_compliance_rate", "actual", 81.3),
        ("noise_function_zone_night_compliance_rate", "change", 2.4),
    ]


def test_changes_shared_out_in_a_sentence_that_names_nothing_are_the_last_figures() -> None:
    """'X为A,Y为B。与上年相比,分别升高a和b': the changes after 分别, in a sentence naming nothing,
    are those of the figures stated last in the paragraph, in order; with fewer such figures
    than changes, none."""
    text = (
        "2020年,全国城市声环境功能区昼间达标率为94.6%,夜间达标率为80.1%,总体稳定。"
        "与2019年相比,分别升高0.3个和1.2个百分点。"
    )
    assert named_facts(text, province="100000", year=2020)[2:] == [
        ("noise_function_zone_day_compliance_rate", "change", 0.3),
        ("noise_function_zone_night_compliance_rate", "change", 1.2),
    ]
    fewer = (
        "2020年,全国城市声环境功能区夜间达标率为80.1%。与2019年相比,分别升高0.3个和1.2个百分点。"
    )
    assert [kind for _, kind, _ in named_facts(fewer, province="100000", year=2020)] == ["actual"]


def test_an_open_figures_list_gives_each_item_its_name_and_place() -> None:
    """'A市X为3天、B市2天': after an open-vocabulary figure, a number right after a place opening
    the next item is X again, of that place."""
    text = "2024年10月,南宁市污染日数为3天、柳州市2天、桂林市1天。"
    facts = extract(text, province="450000", year=2024).facts
    assert [(f.indicator_name_zh, f.value, f.region_code) for f in facts] == [
        ("污染日数", 3.0, "450100"),
        ("污染日数", 2.0, "450200"),
        ("污染日数", 1.0, "450300"),
    ]


def test_a_place_said_to_be_highest_before_the_number_is_its_place() -> None:
    """'…,其中,桂林市最高,为97.8%': a place opening its clause, said to be the highest or the
    lowest right before the number, is the figure's place (it was the document region's)."""
    text = "2023年,全区14个地级城市环境空气质量优良天数比例为92.1%,其中,桂林市最高,为97.8%。"
    facts = extract(text, province="450000", year=2023).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("good_days_ratio", 92.1, "450000"),
        ("good_days_ratio", 97.8, "450300"),
    ]
    # the figure's name may stand between the place and its superlative
    named = "2021年,全市6个区县中,永川区优良天数最多,为342天。"
    assert [f.region_code for f in extract(named, province="500000", year=2021).facts] == ["500118"]


def test_a_figure_of_a_clause_opening_with_listed_places_is_none_of_the_regions() -> None:
    """'…比例为88.6%,淮南、亳州两市低于80%': a clause opening with a list of places after the
    indicator's states their figure (here a bound), never the document region's."""
    text = "2024年9月,全省16个地级市平均空气质量优良天数比例为88.6%,淮南、亳州两市低于80%。"
    facts = extract(text, province="340000", year=2024).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("good_days_ratio", 88.6, "340000")
    ]


def test_a_topic_word_yields_to_the_longer_name_running_past_it() -> None:
    """'环境空气质量优良率': the composite index's topic spelling 环境空气质量 (for rankings) yields
    to the longer name beginning inside it, 空气质量优良率 (the good-days share)."""
    text = "2022年,昆明市主城区环境空气质量优良率为98.6%。"
    assert named_facts(text, province="530100", year=2022) == [("good_days_ratio", "actual", 98.6)]
