"""Extraction rules written on the eighth blind set's development half (tests/gold/unseen8/dev:
096, 099, 100, 102, 104, 107), before its test half was measured; each test uses other places
and numbers than the gold documents and fails without its rule."""

from __future__ import annotations

from orchestration.extraction.extractor import extract


def test_a_quarterly_release_names_its_quarter_by_the_quarters_code() -> None:
    """Written on the eighth set's development half (107): a quarter a release's paragraph names
    ('2020年第四季度,…') is its figures' period under the quarter's own code, as the manifest's
    period is parsed (2020-Q4), not as its months."""
    text = "2020年第四季度,全省功能区噪声监测点位中的143个开展了监测。"
    facts = extract(text, "430000", 2020, period_code="2020-Q4").facts
    assert [(f.value, f.period) for f in facts] == [(143.0, "2020-Q4")]


def test_a_table_written_one_cell_per_line_gives_each_place_its_figure() -> None:
    """Written on the eighth set's development half (099): a heading of the places' column, the
    figure's name and its unit in parentheses, then each place on its line and its bare number
    on the next: the indicator the name spells, in the heading's unit, for each place in the
    release's period; a name no spelling claims keeps its words; a place the reference does not
    know ('某某新区') states nothing but does not end the table."""
    table = ("表2 自动站连续监测结果\n城市\n\nγ辐射空气吸收剂量率\n\n(纳戈瑞/小时)\n\n"
             "兰州市\n\n91.2\n\n某某新区\n\n77.0\n\n"
             "天水市\n\n85.4\n\n白银市\n\n88.0\n")  # fmt: skip
    facts = extract(table, "620000", 2024, period_code="2024-01..2024-06").facts
    assert [(f.indicator_code, f.value, f.unit, f.region_code, f.period) for f in facts] == [
        ("ambient_gamma_dose_rate", 91.2, "ngy_per_h", "620100", "2024-01..2024-06"),
        ("ambient_gamma_dose_rate", 85.4, "ngy_per_h", "620500", "2024-01..2024-06"),
        ("ambient_gamma_dose_rate", 88.0, "ngy_per_h", "620400", "2024-01..2024-06"),
    ]
    opened = table.replace("γ辐射空气吸收剂量率", "累积剂量的空气吸收剂量率")
    facts = extract(opened, "620000", 2024, period_code="2024-01..2024-06").facts
    assert {(f.indicator_code, f.indicator_name_zh) for f in facts} == {
        ("", "累积剂量的空气吸收剂量率")
    }
    assert not extract(table.replace("城市\n", ""), "620000", 2024).facts


def test_a_bare_rate_after_a_count_said_of_a_time_of_day_is_that_times_rate() -> None:
    """Written on the eighth set's development half (107): '…昼间达标118点次,达标率为90.8%;夜间
    达标97点次,达标率为74.6%' — the bare 达标率 completes with the time of day said in the clause
    before (昼间达标率, 夜间达标率)."""
    text = "2021年,各类功能区昼间达标118点次,达标率为90.8%;夜间达标97点次,达标率为74.6%。"
    facts = [f for f in extract(text, "430000", 2021).facts if f.unit == "pct"]
    assert [(f.indicator_code, f.value) for f in facts] == [
        ("noise_function_zone_day_compliance_rate", 90.8),
        ("noise_function_zone_night_compliance_rate", 74.6),
    ]


def test_a_sections_heading_names_the_months_of_its_paragraphs() -> None:
    """Written on the eighth set's development half (100): a monthly release in two sections,
    '一、2023年9月…' and '二、2023年1-9月…': the figures of a paragraph naming no year of its own
    are of its section's months; a paragraph that names its year keeps it."""
    text = ("一、2023年9月全省水环境质量状况\n(一)全省国考断面水质优良比例为91.2%。\n"
            "二、2023年1-9月全省水环境质量状况\n(一)全省国考断面水质优良比例为89.6%。\n"
            "2023年9月,全省省考断面水质优良比例为92.0%。")  # fmt: skip
    facts = extract(text, "620000", 2023, period_code="2023-09").facts
    assert [(f.value, f.period) for f in facts] == [
        (91.2, "2023-09"), (89.6, "2023-01..2023-09"), (92.0, "2023-09")
    ]  # fmt: skip


def test_an_autonomous_regions_own_sections_are_its_network_not_the_nations() -> None:
    """Written on the eighth set's development half (100): 区考 (and 区控) name an autonomous
    region's own assessed sections, as 省考 a province's: their good share is no figure of the
    national network."""
    text = ("(二)全区区考河流断面[共150个断面有数据]水质状况总体为优。"
            "Ⅰ~Ⅲ类优良水质断面142个,比例为97.3%。")  # fmt: skip
    codes = {f.indicator_code for f in extract(text, "640000", 2023).facts}
    assert not codes & {"water_sections_good_count", "water_sections_good_ratio"}


def test_sections_of_several_levels_or_of_a_labelled_basin_are_no_networks_figure() -> None:
    """Written on the eighth set's development half (096): '省控以上' sections are the national and
    the province's together, neither network's own; a paragraph labelled by a basin or by lakes
    ('资水流域:', '湖库:') counts that part's sections in all its sentences."""
    text = "2021年,全市18个省控以上考核断面水质优良率为94.4%。"
    codes = {f.indicator_code for f in extract(text, "430900", 2021).facts}
    assert not codes & {"provincial_sections_good_ratio", "water_sections_good_ratio"}
    text = "资水流域:水质总体为优。9个监测断面中,9个断面水质为Ⅱ类。\n湖库:4个监测断面水质均为Ⅲ类。"
    codes = {f.indicator_code for f in extract(text, "430900", 2021).facts}
    assert "water_sections_count" not in codes
    text = "2021年,全市9个监测断面水质均为Ⅱ类。"
    assert ("water_sections_count", "actual", 9.0) in [
        (f.indicator_code, f.kind, f.value) for f in extract(text, "430900", 2021).facts
    ]


def test_a_bound_that_says_which_places_are_counted_is_no_figure() -> None:
    """Written on the eighth set's development half (102): '生活垃圾无害化处理率大于85%的城市数达
    204个', '…明显提高(上升幅度超过25个百分点)的城市有…' — the bound says which cities are counted;
    it is no rate of the country, nor its change; the rate itself still is."""
    text = ("2008年,全国生活垃圾无害化处理率大于85%的城市数达204个;生活垃圾无害化处理率明显提高"
            "(上升幅度超过25个百分点)的城市有5个。全国生活垃圾无害化处理率为66.8%。")  # fmt: skip
    facts = [(f.indicator_code, f.kind, f.value) for f in extract(text, "100000", 2008).facts]
    assert ("msw_harmless_treatment_rate", "actual", 66.8) in facts
    assert not [f for f in facts if f[2] in (85.0, 25.0)]


def test_the_rates_of_one_noise_zone_class_are_that_classs_by_day_and_night() -> None:
    """Written on the eighth set's development half (107): '2类区昼夜各监测40点次,昼/夜间点次达标
    率分别为92.5%、80.0%' — 昼/夜间 is 昼夜间, the day's and the night's; a zone class named before
    in the statement makes them that class's rates, never all the zones'."""
    text = ("2021年第二季度,2类区昼夜各监测40点次,昼/夜间点次达标率分别为92.5%、80.0%;"
            "3类区昼夜各监测12点次,昼/夜间点次达标率分别为100%、91.7%。")  # fmt: skip
    facts = [f for f in extract(text, "430000", 2021).facts if f.unit == "pct"]
    assert [(f.indicator_code, f.indicator_name_zh, f.value) for f in facts] == [
        ("", "2类区昼间点次达标率", 92.5),
        ("", "2类区夜间点次达标率", 80.0),
        ("", "3类区昼间点次达标率", 100.0),
        ("", "3类区夜间点次达标率", 91.7),
    ]
    assert facts[0].quote.endswith("昼/夜间点次达标率分别为92.5%")


def test_a_count_said_of_day_and_night_each_is_two_figures() -> None:
    """Written on the eighth set's development half (107): '2类区昼夜各监测40点次', '其中昼间、夜间
    各监测96次' — the day's count and the night's, each an open-vocabulary figure named by its
    half; a count said once (共监测192点次) stays one."""
    text = "2021年,全市共监测192点次,其中昼间、夜间各监测96次。2类区昼夜各监测40点次。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "430100", 2021).facts]
    assert facts == [("监测点次", 192.0), ("昼间监测次", 96.0), ("夜间监测次", 96.0),
                     ("2类区昼间监测点次", 40.0), ("2类区夜间监测点次", 40.0)]  # fmt: skip


def test_a_change_said_with_its_base_year_or_done_keeps_its_figure_and_year() -> None:
    """Written on the eighth set's development half (096): '综合指数为4.12,与2020年相比下降了0.31'
    — a unitless change after a base year and a done direction (下降了) is the index's change;
    '从2015年的262天提升到2021年的330天,增加了68天' — a change after a figure's from-to is the
    later year's."""
    text = "2021年,市城区环境空气质量综合指数为4.12,与2020年相比下降了0.31。"
    facts = [(f.indicator_code, f.kind, f.value) for f in extract(text, "430100", 2021).facts]
    assert facts == [("composite_index", "actual", 4.12), ("composite_index", "change", -0.31)]
    text = "2023年公报:空气质量优良天数从2015年的262天提升到2021年的330天,增加了68天。"
    changes = [(f.value, f.period) for f in extract(text, "430100", 2023).facts
               if f.kind == "change"]  # fmt: skip
    assert changes == [(68.0, "2021")]


def test_a_count_of_point_times_after_a_verb_of_monitoring_names_itself() -> None:
    """Written on the eighth set's development half (107): '全市功能区共监测96点次', '昼间达标88
    点次' — how often points were monitored or met the standard, named by what was done and the
    counter (cues times_counters, times_verbs)."""
    text = "2021年,全市功能区共监测96点次。昼间达标88点次,达标率为91.7%。"
    read = extract(text, "430100", 2021)
    assert [(f.indicator_name_zh, f.value) for f in read.facts if f.unit == "count"] == [
        ("功能区共监测点次", 96.0), ("昼间达标点次", 88.0)
    ]  # fmt: skip


def test_a_water_class_is_read_without_the_quality_it_restates() -> None:
    """Written on the eighth set's development half (100): 'Ⅳ类轻度污染水质断面(点位)3个,比例为
    4.3%' is of 'Ⅳ类水质断面' (the quality restates the class), the quote keeping the words; a
    class of points said without 地下水 is no groundwater figure; a region's own network said in
    the paragraph's first sentence keeps the national codes from its shares."""
    text = ("(一)全省国考地表水断面(点位)[共70个断面(点位)有数据]水质状况总体为优。Ⅰ~Ⅲ类优良水质"
            "断面(点位)66个,比例为94.3%;Ⅳ类轻度污染水质断面(点位)3个,比例为4.3%;劣Ⅴ类重度污染"
            "水质点位1个,比例为1.4%。\n(二)全省省考湖库点位[共12个点位有数据]水质状况总体为良好。"
            "Ⅳ类轻度污染水质点位3个,比例为25.0%。")  # fmt: skip
    facts = extract(text, "620000", 2023, period_code="2023-09").facts
    coded = [(f.indicator_code, f.value) for f in facts if f.indicator_code]
    assert coded == [
        ("water_sections_count", 70.0),
        ("water_sections_good_count", 66.0), ("water_sections_good_ratio", 94.3),
        ("water_sections_class_iv_ratio", 4.3), ("water_sections_worse_than_v_ratio", 1.4),
    ]  # fmt: skip
    counted = next(f for f in facts if (f.value, f.unit) == (3.0, "count"))
    assert counted.quote.startswith("Ⅳ类轻度污染水质断面")


def test_a_clearly_named_figure_of_a_part_or_another_network_keeps_it_in_its_name() -> None:
    """Written on the eighth set's development half (096, 100): the sections of a labelled basin
    ('资水流域:…。9个监测断面中') and of a region's own network said in the paragraph's first
    sentence ('(二)全区区考河流断面…。Ⅰ~Ⅲ类优良水质断面142个') land as open-vocabulary counts
    named with the part or the network, never the national codes; 省考核要求 names no network."""
    text = "资水流域:水质总体为优。9个监测断面中,9个断面水质为Ⅱ类。"
    facts = [(f.indicator_code, f.indicator_name_zh, f.value)
             for f in extract(text, "430900", 2021).facts]  # fmt: skip
    assert ("", "资水流域监测断面", 9.0) in facts
    text = ("(二)全区区考河流断面[共150个断面有数据]水质状况总体为优。"
            "Ⅰ~Ⅲ类优良水质断面142个,比例为97.3%。")  # fmt: skip
    facts = [(f.indicator_code, f.indicator_name_zh, f.value)
             for f in extract(text, "640000", 2023).facts]  # fmt: skip
    assert ("", "区考i-iii类水质断面", 142.0) in facts
    assert ("", "区考i-iii类水质断面占比", 97.3) in facts  # its share, named after it
    text = "2021年,全市18个省控以上考核断面水质全部达到国家、省考核要求,水质优良率为94.4%。"
    names = [f.indicator_name_zh for f in extract(text, "430900", 2021).facts]
    assert "省控以上水质优良率" in names


def test_a_total_in_brackets_after_a_name_of_a_count_is_that_count() -> None:
    """Written on the eighth set's development half (100): '(一)全省国考地表水断面(点位)[共84个断面
    (点位)有数据]…' — the bracketed total is the count the name before it names; a section's
    number '(一)' qualifies nothing."""
    text = ("(一)全省国考地表水断面(点位)[共84个断面(点位)有数据]水质状况总体为优。Ⅰ~Ⅲ类优良水质"
            "断面(点位)80个,比例为95.2%。")  # fmt: skip
    facts = [(f.indicator_code, f.value) for f in extract(text, "620000", 2023).facts]
    assert facts == [("water_sections_count", 84.0), ("water_sections_good_count", 80.0),
                     ("water_sections_good_ratio", 95.2)]  # fmt: skip


def test_a_pollutant_in_latin_letters_may_be_part_of_a_name() -> None:
    """Written before the eighth measurement, on the spent seventh set (094): 'PM2.5达标天数351天'
    names its figure — the pollutant's digits are no number; a stray Latin letter still is no
    name."""
    text = "2021年,宁波市区PM2.5达标天数351天。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "330200", 2021).facts]
    assert facts == [("市区pm2.5达标天数", 351.0)]


def test_a_pilot_markets_secondary_trades_are_no_national_market_figures() -> None:
    """Written before the eighth measurement, on the spent sixth set (080): '湖北二级市场累计成交
    2.91亿吨,成交额69.03亿元' — a market's primary or secondary trades (一级市场, 二级市场) are a
    pilot's, never the national market's turnover; 成交 heads a clear name."""
    text = "截至2017年12月31日,广东二级市场累计成交3.12亿吨,成交额72.56亿元。"
    facts = [(f.indicator_code, f.value) for f in extract(text, "440000", 2017).facts]
    assert facts == [("", 3.12), ("", 72.56)]


def test_counts_a_whole_opens_with_bao_kuo_are_its_parts() -> None:
    """Written after the eighth set's measurement (101): '省排名断面包括150个地表水考核断面和12个
    入海河流国考断面' — each count is a part of the whole named before 包括, no count of the
    national network's sections; the parts keep the names they are said with."""
    text = "2021年,省排名断面包括150个地表水考核断面和12个入海河流国考断面。"
    facts = [(f.indicator_code, f.value) for f in extract(text, "440000", 2021).facts]
    assert facts == [("", 150.0), ("", 12.0)]
    text = "2021年,全省150个地表水考核断面水质优良比例为89.3%。"
    assert ("water_sections_count", 150.0) in [
        (f.indicator_code, f.value) for f in extract(text, "440000", 2021).facts
    ]


def test_a_quarter_written_with_a_digit_is_a_time_not_a_qualifier() -> None:
    """Written after the eighth set's measurement (106): '2016年2季度…全市各类功能区昼间达标率为
    80.2%,夜间为70.1%' — 2季度 is the time of the figure, as 第二季度 is, not an unknown word
    qualifying its name."""
    text = "2016年2季度广元市全市各类功能区昼间达标率为80.2%,夜间为70.1%。"
    facts = [(f.indicator_code, f.value) for f in extract(text, "510800", 2016).facts]
    assert facts == [("noise_function_zone_day_compliance_rate", 80.2),
                     ("noise_function_zone_night_compliance_rate", 70.1)]  # fmt: skip


def test_a_share_taken_of_all_the_things_counted_is_the_counts_share() -> None:
    """Written after the eighth set's measurement (103): '水质呈较差级的监测点为1580个,占全部监测点
    的39.5%' — the share of all the points counted is that count's share, named after it."""
    text = "2011年,全国水质呈较差级的监测点为1580个,占全部监测点的39.5%。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "100000", 2011).facts]
    assert facts[1] == ("水质呈较差级的监测点占比", 39.5)


def test_a_grade_after_a_scope_word_names_its_days() -> None:
    """Written after the eighth set's measurement (098): '全年轻度污染48天,中度污染7天' — the
    first grade of the list, after 全年, names its days as the others do."""
    text = "2022年,全年轻度污染48天,中度污染7天。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "341100", 2022).facts]
    assert facts == [("轻度污染天数", 48.0), ("中度污染天数", 7.0)]


def test_a_gloss_inside_a_name_is_no_word_of_it() -> None:
    """Written after the eighth set's measurement (098): '…,符合二级标准(良)的天数为230天' — the
    gloss (良) inside the name is no word of it: an open count named without it; the kinds of
    divisions counted ('13个市(区)') stay as they are."""
    text = "2022年度,全市空气质量优良,符合二级标准(良)的天数为230天。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "341100", 2022).facts]
    assert facts == [("符合二级标准的天数", 230.0)]


def test_the_mean_of_a_spread_keeps_the_spreads_name() -> None:
    """Written after the eighth set's measurement (097): '优良率在88.1%~95.0%之间,平均值为91.6%'
    — 平均值 is one word (not 平均 + 值), so the mean of the places' spread lands under the
    spread's name; the bounds stay no figure."""
    text = "2021年,六县市区空气质量优良率在88.1%~95.0%之间,平均值为91.6%。"
    facts = [(f.indicator_name_zh, f.value) for f in extract(text, "421200", 2021).facts]
    assert facts == [("空气质量优良率平均值", 91.6)]


def test_a_networks_sections_counted_after_their_name_decide_its_shares() -> None:
    """Written after the eighth set's measurement (097): '国控断面(点位)6个,达到或优于地表水Ⅲ类水质
    标准比例100%;省控断面(点位)11个,…比例100%;市控断面(点位)30个,…比例90.0%' — each share is
    its network's: the nation's, the province's, the city's own (open, named with it);
    跨界断面达标率 spells the boundary sections' compliance."""
    text = ("2021年,国控断面(点位)6个,达到或优于地表水Ⅲ类水质标准比例100%;省控断面(点位)11个,"
            "达到或优于地表水Ⅲ类水质标准比例100%;市控断面(点位)30个,达到或优于地表水Ⅲ类水质标准"
            "比例90.0%。全市5个跨界断面达标率100%。")  # fmt: skip
    shares = [(f.indicator_code, f.value) for f in extract(text, "421200", 2021).facts
              if f.unit == "pct"]  # fmt: skip
    assert shares == [
        ("water_sections_good_ratio", 100.0), ("provincial_sections_good_ratio", 100.0),
        ("", 90.0), ("cross_boundary_sections_compliance_rate", 100.0),
    ]  # fmt: skip
