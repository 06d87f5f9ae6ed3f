"""City ranks in bulletin wording — a place held in a list (保持…第一, 稳居全国第3), and a city
opening a later clause that ranks under the indicator said before (…排名第8,厦门市排名第5) —
and a round bound crossed right before the figure (首次降到1%以内,达到0.9%)."""

from __future__ import annotations

import pytest

from orchestration.extraction.extractor import extract


def ranks(text: str, province: str = "350000") -> list[tuple[str, float, str]]:
    found = extract(text, province=province, year=2023).facts
    return [(f.indicator_code, f.value, f.region_code) for f in found if f.kind == "rank"]


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("该省空气质量综合指数3.22,同比改善2.1%,保持长三角第一。", 1.0),
        ("全省PM2.5平均浓度为24微克/立方米,稳居全国第3。", 3.0),
        ("全省PM2.5平均浓度为24微克/立方米,名列全国第二位。", 2.0),
    ],
)
def test_a_place_held_in_a_list_is_a_rank(text: str, rank: float) -> None:
    assert [value for _, value, _ in ranks(text)] == [rank]


def test_an_ordinal_of_a_thing_is_no_rank() -> None:
    assert ranks("保持第一个零碳园区的建设进度。") == []


def test_a_city_opening_a_later_clause_ranks_for_itself() -> None:
    text = "福州市环境空气质量综合指数在全国168个重点城市中排名第8,厦门市排名第5。"
    assert ranks(text) == [("composite_index", 8.0, "350100"), ("composite_index", 5.0, "350200")]


def test_a_round_bound_crossed_just_before_the_figure_is_no_fact() -> None:
    text = (
        "重污染天数比例首次降到1%以内,达到0.9%。"
        "PM2.5浓度首次降到30微克/立方米以内,为29微克/立方米。"
    )
    found = extract(text, province="100000", year=2022).facts
    assert [(f.indicator_code, f.value) for f in found] == [
        ("heavy_pollution_days_ratio", 0.9), ("pm2_5", 29.0),
    ]  # fmt: skip
    # a bound stated alone is the figure as stated (a comparator of its own)
    alone = extract("PM2.5浓度降至30微克/立方米以下。", province="100000", year=2022).facts
    assert [(f.value, f.comparator) for f in alone] == [(30.0, "<=")]


@pytest.mark.parametrize(
    "text",
    ["全省森林覆盖率达到62.96%,连续多年位居全国首位。", "森林覆盖率66.8%,继续位居全国首位。"],
)
def test_the_first_place_in_words_ranks_the_figure_before(text: str) -> None:
    assert ranks(text) == [("forest_coverage", 1.0, "350000")]


def test_a_first_place_that_names_a_thing_is_no_rank() -> None:
    assert ranks("首位产业产值为100亿元。") == []


def test_places_listed_in_the_ranks_own_clause_share_the_ranks_out() -> None:
    text = "城市环境空气质量综合指数在全国169个地级及以上城市中,厦门、福州分别位列第7位、第8位。"
    assert ranks(text) == [("composite_index", 7.0, "350200"), ("composite_index", 8.0, "350100")]


def test_a_rank_word_is_no_name_of_the_rank() -> None:
    text = "全省9个设区市中,南平市空气质量综合指数最好,排名全国第12位。"
    assert ranks(text) == [("composite_index", 12.0, "350700")]
