"""Classes of wording of figures in tables and lists, found on the spent gold sets (seed,
unseen … unseen6) in the twelfth generalising round: each test states the general class, in
sentences written for the test (other places and numbers than the gold texts), and fails
without its rule."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts


def test_things_listed_before_their_shared_name_each_take_their_own_figure() -> None:
    """'镉、汞…8种无机污染物点位超标率分别为…', '铜、锌和镍的点位超标率分别为…': each number after
    分别 is its own thing's (thing + the shared name), never the whole list as one name; words
    before the first thing open every thing; a list whose things and numbers differ in count
    lands nothing; the things may close the clause before ('主要污染指标为A、B和C,断面超标率
    分别为…')."""
    counted = "2021年,全省土壤铅、砷、汞3种重金属点位超标率分别为2.4%、1.9%和0.6%。"
    assert named_facts(counted, province="430000", year=2021) == [
        ("~土壤铅点位超标率", "actual", 2.4),
        ("~土壤砷点位超标率", "actual", 1.9),
        ("~土壤汞点位超标率", "actual", 0.6),
    ]
    joined = "2021年,全省六六六、滴滴涕和多环芳烃的点位超标率分别为0.3%、1.2%和1.7%。"
    assert named_facts(joined, province="430000", year=2021) == [
        ("~六六六点位超标率", "actual", 0.3),
        ("~滴滴涕点位超标率", "actual", 1.2),
        ("~多环芳烃点位超标率", "actual", 1.7),
    ]
    uneven = "2021年,全省铬、镍、锌3种重金属点位超标率分别为0.8%和1.4%。"
    assert named_facts(uneven, province="430000", year=2021) == []
    before = (
        "2021年,赣江干流主要污染指标为总磷、氨氮和五日生化需氧量,断面超标率分别为6.3%、2.1%和1.0%。"
    )
    assert named_facts(before, province="360000", year=2021) == [
        ("~总磷断面超标率", "actual", 6.3),
        ("~氨氮断面超标率", "actual", 2.1),
        ("~五日生化需氧量断面超标率", "actual", 1.0),
    ]


def test_a_place_in_a_ranking_said_without_its_ordinal_is_a_rank() -> None:
    """'排名5位', '排名全国12名': a verb of ranking right before the number and 位/名 after it
    make a rank (never the composite index's value 5); in a run of places each with its rank
    ('南昌排名31位,洪城排名33位,赣州排名40位') words standing where the others name a place are a
    place by another name, no name of what is ranked."""
    text = "2020年,全省空气质量排名7位,PM2.5浓度排名全国15名。"
    assert named_facts(text, province="360000", year=2020) == [
        ("composite_index", "rank", 7.0),
        ("pm2_5", "rank", 15.0),
    ]
    places = "2020年6月,全国重点城市排名中,南昌排名31位,洪城排名33位,赣州排名40位。"
    assert named_facts(places, province="360000", year=2020) == []


def test_a_table_written_as_lines_gives_each_place_its_figure() -> None:
    """A heading naming an indicator, then rows each opened by a month and holding places each
    followed by its number ('1月 哈尔滨 66 长春 57'): each number is that place's, of that
    month; a heading ending with a rank word makes them ranks; a heading naming no indicator, or
    a row with a place the reference does not know, states nothing."""
    table = (
        "上半年中部省会城市\n空气质量排名\n"
        "4月 武汉 35 长沙 41 郑州 60\n"
        "5月 武汉 38 长沙 36 郑州 57\n"
    )
    assert named_facts(table, province="420100", year=2021) == [
        ("composite_index", "rank", 35.0),
        ("composite_index", "rank", 41.0),
        ("composite_index", "rank", 60.0),
        ("composite_index", "rank", 38.0),
        ("composite_index", "rank", 36.0),
        ("composite_index", "rank", 57.0),
    ]
    facts = extract(table, province="420100", year=2021).facts
    assert [(f.region_code, f.period) for f in facts[:3]] == [
        ("420100", "2021-04"),
        ("430100", "2021-04"),
        ("410100", "2021-04"),
    ]
    unnamed = "上半年中部省会城市\n排名情况\n4月 武汉 35 长沙 41 郑州 60\n"
    assert named_facts(unnamed, province="420100", year=2021) == []
    unknown = "中部省会城市\n空气质量排名\n4月 江城 35 星城 41 郑州 60\n"
    assert named_facts(unknown, province="420100", year=2021) == []


def test_a_class_named_alone_after_a_named_class_takes_the_name_with_its_class() -> None:
    """'一类海水比例为…,二类为…,三类为…': each later class said alone ('二类为') is the figure
    before's name with its own class — open vocabulary, or the catalogue's code where the name
    is a spelling of one (劣四类海水比例); a class alone after an unnamed or coded figure keeps
    what it had."""
    text = (
        "2019年,东海近岸海域水质一般。一类海水比例为21.4%,二类为30.6%,三类为11.0%,劣四类为27.5%。"
    )
    assert named_facts(text, province="100000", year=2019) == [
        ("~一类海水比例", "actual", 21.4),
        ("~二类海水比例", "actual", 30.6),
        ("~三类海水比例", "actual", 11.0),
        ("coastal_worse_than_iv_ratio", "actual", 27.5),
    ]
    lake = "2019年,洞庭湖Ⅱ类水质断面比例为12.5%,Ⅲ类为62.5%。"
    assert named_facts(lake, province="430000", year=2019) == [
        ("~洞庭湖ii类水质断面比例", "actual", 12.5),
        ("~洞庭湖iii类水质断面比例", "actual", 62.5),
    ]


def test_places_of_the_largest_and_next_figures_with_the_name_repeated() -> None:
    """'X产生量最大的是A,产生量为N,其次是B、C和D,产生量分别为…' (the national solid-waste
    reports' wording): the repeated head (产生量) is the name said before, however far back;
    the first figure is A's, those shared out by 分别 are B's, C's and D's — never the
    country's; a place the reference does not know leaves its figure unmapped."""
    text = (
        "2016年,工业危险废物产生量最大的是山东省,产生量为120.5万吨,其次是江苏、浙江和广东,"
        "产生量分别为98.2万吨、80.1万吨和76.4万吨。"
    )
    facts = extract(text, province="100000", year=2016).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("industrial_hazardous_waste_generated", 120.5, "370000"),
        ("industrial_hazardous_waste_generated", 98.2, "320000"),
        ("industrial_hazardous_waste_generated", 80.1, "330000"),
        ("industrial_hazardous_waste_generated", 76.4, "440000"),
    ]
    unknown = "2016年,生活垃圾产生量最大的是某新区,产生量为57.3万吨。"
    assert named_facts(unknown, province="100000", year=2016) == []


def test_the_other_end_of_a_ranking_shared_out_over_its_places() -> None:
    """'X最低的N个城市依次是A、B和C,分别为…;(浓度)最高的N个城市依次是D、E和F,分别为…': the
    places at the other end after ';' are ranked by the same indicator, each its own figure —
    the count of the places in between states no figure and breaks nothing."""
    text = (
        "2021年,全省PM10平均浓度最低的2个城市依次是丽江和迪庆,分别为25和28微克/立方米;"
        "浓度最高的2个城市依次是昭通和曲靖,分别为61和58微克/立方米。"
    )
    facts = extract(text, province="530000", year=2021).facts
    assert [(f.indicator_code, f.value, f.region_code) for f in facts] == [
        ("pm10", 25.0, "530700"),
        ("pm10", 28.0, "533400"),
        ("pm10", 61.0, "530600"),
        ("pm10", 58.0, "530300"),
    ]


def test_a_count_of_days_followed_by_its_grade_counts_that_grades_days() -> None:
    """'2天“优”,25天“良”,3天“轻度污染”' (the quotation marks folded away): a count of days with
    an air-quality grade right after it, closing its clause, is that many days of the grade;
    '5天优良率…' (no grade alone) and a count of a list 分别 shares out are not."""
    text = "4月份,榕城2天“优”,25天“良”,3天“轻度污染”。"
    assert named_facts(text, province="350100", year=2020) == [
        ("~优天数", "actual", 2.0),
        ("~良天数", "actual", 25.0),
        ("~轻度污染天数", "actual", 3.0),
    ]
    listed = "4月份,宁德、莆田2市分别出现1天、2天轻度污染。"
    assert named_facts(listed, province="350000", year=2020) == []


def test_places_listed_before_an_open_name_share_its_figures_out() -> None:
    """'A、B和C的X分别为…' with X no catalogue name: each number is X of its own place (the places
    are no part of the name), as a catalogue name's would be; a place the reference does not know
    leaves the list unmapped, and items the clause does not list are no places."""
    text = "2022年,九江、景德镇和萍乡的城镇污水集中收集率分别为72.4%、68.9%和70.3%。"
    facts = extract(text, province="360000", year=2022).facts
    assert [(f.indicator_name_zh, f.value, f.region_code) for f in facts] == [
        ("城镇污水集中收集率", 72.4, "360400"),
        ("城镇污水集中收集率", 68.9, "360200"),
        ("城镇污水集中收集率", 70.3, "360300"),
    ]
    unknown = "2022年,九江、景德镇和某新区的城镇污水集中收集率分别为72.4%、68.9%和70.3%。"
    assert named_facts(unknown, province="360000", year=2022) == []


def test_a_zone_class_named_by_its_digit_is_part_of_the_name() -> None:
    """'1类功能区', '2类区', '4a类功能区': the digit of a noise zone's class is its name, no
    number — each zone's figure keeps its own class in its name (they all read '类功能区…'
    before, one name for different zones), and a zone's count after 其中 is that zone's, never
    the count of all the points (it took noise_monitoring_points before)."""
    text = (
        "2023年,全市1类功能区昼间达标率为93.8%,2类功能区昼间达标率为96.0%,"
        "4a类功能区夜间达标率为70.5%。"
    )
    assert named_facts(text, province="530000", year=2023) == [
        ("~1类功能区昼间达标率", "actual", 93.8),
        ("~2类功能区昼间达标率", "actual", 96.0),
        ("~4a类功能区夜间达标率", "actual", 70.5),
    ]
    counted = "2023年,全市共有声环境监测点位88个,其中2类区31个、3类区24个。"
    assert named_facts(counted, province="530000", year=2023) == [
        ("noise_monitoring_points", "actual", 88.0),
        ("~2类区", "actual", 31.0),
        ("~3类区", "actual", 24.0),
    ]


def test_an_open_name_fusing_day_and_night_names_each_number_by_its_half() -> None:
    """'1类功能区昼夜间达标率分别为92.9%和89.4%': the day's figure and the night's, each under its
    own half of the fused name — never both under '昼夜间…'."""
    text = "2023年,3类功能区昼夜间达标率分别为97.5%和88.1%。"
    assert named_facts(text, province="610000", year=2023) == [
        ("~3类功能区昼间达标率", "actual", 97.5),
        ("~3类功能区夜间达标率", "actual", 88.1),
    ]


def test_things_each_with_its_amount_after_a_list_opener() -> None:
    """'X产生量较大的行业为A 3.2亿吨,占…的35.2%;B 2.4亿吨,占…的26.1%': each amount is its
    thing's measure (A产生量), each share right after it the thing's share — never the whole
    named before the list (the first item took the solid waste's code before)."""
    text = (
        "2015年,一般工业固体废物产生量较大的行业为电力热力生产3.2亿吨,占全部调查企业产生量的"
        "35.2%;黑色金属冶炼2.4亿吨,占全部调查企业的26.1%。"
    )
    assert named_facts(text, province="100000", year=2015) == [
        ("~电力热力生产产生量", "actual", 3.2),
        ("~电力热力生产占全部调查企业产生量比例", "actual", 35.2),
        ("~黑色金属冶炼产生量", "actual", 2.4),
        ("~黑色金属冶炼占全部调查企业比例", "actual", 26.1),
    ]


def test_places_tied_in_parentheses_inside_an_ordered_list_share_the_rank() -> None:
    """'…排名,依次为A、B、C和D(并列第三名)、E…': the places joined by 和 right before '(并列第N名)'
    share that rank, each its own — not B, which the 、 of the order separates; the other places'
    order states no rank."""
    text = (
        "2019年,全省11个设区市环境空气质量从优到差排名,依次为丽水、舟山、台州和温州(并列第三名)、"
        "衢州。"
    )
    facts = extract(text, province="330000", year=2019).facts
    assert [(f.indicator_code, f.kind, f.value, f.region_code) for f in facts] == [
        ("composite_index", "rank", 3.0, "331000"),
        ("composite_index", "rank", 3.0, "330300"),
    ]


def test_named_things_counted_after_their_list_by_what_they_did() -> None:
    """'袁河、锦江、蜀水等9条支流的9个断面水质有所好转': things named in a list and counted right
    after it (closed by 等, or joined by 、), and their sections, are counts named by what the
    clause says they did; a list with a place in it ('南昌市青山湖…') or a clause saying nothing
    of them states no such count."""
    text = "2022年,赣江支流总体水质为优,袁河、锦江、蜀水等9条支流的9个断面水质有所好转。"
    assert named_facts(text, province="360000", year=2022) == [
        ("~水质有所好转的支流", "actual", 9.0),
        ("~水质有所好转的支流断面", "actual", 9.0),
    ]
    placed = "2022年,南昌市青山湖、艾溪湖等3个湖库水质有所好转。"
    assert named_facts(placed, province="360000", year=2022) == []


def test_a_part_glossed_in_parentheses_before_its_count_keeps_its_name() -> None:
    """'其中1类功能区(居住区)20个、2类功能区(混合区)35个': a part's name glossed in parentheses
    right before its count names the count (the gloss aside) — the first took the whole's
    name before and the others stayed unclaimed."""
    text = (
        "2024年,全市功能区声环境监测点位共计60个,其中1类功能区(居住区)14个、2类功能区(混合区)25个。"
    )
    assert [name for name, _, _ in named_facts(text, province="520000", year=2024)][1:] == [
        "~1类功能区",
        "~2类功能区",
    ]


def test_the_places_ranked_first_as_a_group_and_the_share_of_their_amount() -> None:
    """'前10位城市产生的X总量为N万吨,占全部发布城市产生总量的M%': the places ranked first are a
    group — their figure has no one region and their words open its name — and a share said of
    its whole right after an open amount is that amount's share (A占B比例)."""
    text = "2016年,前5位城市产生的工业危险废物总量为96.4万吨,占全部发布城市产生总量的21.8%。"
    facts = extract(text, province="100000", year=2016).facts
    assert [(f.indicator_name_zh, f.value, f.region_code) for f in facts] == [
        ("前5位城市产生的工业危险废物总量", 96.4, ""),
        ("前5位城市产生的工业危险废物总量占全部发布城市产生总量比例", 21.8, ""),
    ]


def test_the_share_of_a_places_amount_said_after_it_is_that_places() -> None:
    """'X产生量较大的省份为云南105.4万吨,占重点调查工业企业的38.2%': the share right after a place's
    own amount is that place's share — not the country's, and not unmapped."""
    text = "2012年,废铅蓄电池产生量较大的省份为江苏12.6万吨,占重点调查工业企业的41.5%。"
    facts = extract(text, province="100000", year=2012).facts
    assert [(f.indicator_name_zh, f.value, f.region_code) for f in facts] == [
        ("废铅蓄电池产生量", 12.6, "320000"),
        ("废铅蓄电池产生量占重点调查工业企业比例", 41.5, "320000"),
    ]
