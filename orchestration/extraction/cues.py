"""The cue words of maps/cues.yml, folded and compiled: what makes a number a goal, a change,
a rank or a bound, and which year it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from orchestration.parsing.text import match_key

CUES_PATH = Path(__file__).resolve().parent / "maps" / "cues.yml"
YEAR = r"(?:19|20)\d\d"
# a year bound to a number ('从2003年的约14.2万'), not a year of the clause
_BOUND_TO_NUMBER = re.compile(r"的?(?:约|近|逾|超)?\d")
_BASELINE_BEFORE = re.compile(r"(?:比|较|相比|与|相较)$")
BOUND_YEAR_REACH = 10  # the words before a number where a year bound to it stands ('从2022年的')
EXTREME_CHANGE_REACH = 48  # the words before a number where a change of extreme places is said
DIRECTION_REACH = 6  # the words before a number where its direction word ends ('下降了')
DEPARTURE_REACH = 16  # the words before a number where a departure from the normal is said
LEVEL_REACH = 4  # the words before a number that make a direction a new level ('提高至')


def _patterns(items: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(item.replace("{year}", YEAR)) for item in items]


def _words(items: list[str]) -> list[str]:
    return sorted({match_key(str(w)) for w in items}, key=len, reverse=True)


@dataclass(frozen=True)
class Subset:
    """A part of what a region's indicator measures (maps/cues.yml `subsets`)."""

    name: str
    applies_to: tuple[str, ...]  # subjects, or the start of codes
    words: list[str]
    patterns: list[re.Pattern[str]]
    kept_in_scope: bool  # a way of counting ('剔除沙尘…后'): a scope word after it does not end it
    provincial_only: bool  # a part only in a province's (or a city's) document
    after_name: bool  # read only between a borrowed name and the number ('…昼间…为54.3,夜间为…')

    def concerns(self, code: str, subject: str) -> bool:
        """The indicator is measured over the network the subset is a part of."""
        return subject in self.applies_to or code.startswith(self.applies_to)

    def last_end(self, text: str) -> int:
        """Where the last mention of the subset in text ends; -1 when none."""
        ends = [text.rfind(word) + len(word) for word in self.words if word in text]
        ends += [m.end() for p in self.patterns for m in p.finditer(text)]
        return max(ends, default=-1)

    def named_in(self, spelling: str) -> bool:
        return any(w in spelling for w in self.words) or any(
            p.search(spelling) for p in self.patterns
        )


@dataclass(frozen=True)
class Grammar:
    """The words that join, share out and scope (maps/cues.yml `grammar`)."""

    list_joins: tuple[str, ...]
    respectively: str
    fused_halves: dict[str, str]
    group_endings: tuple[str, ...]
    counter_starts: tuple[str, ...]
    count_statements: tuple[str, ...]
    opening_leads: tuple[str, ...]
    whole_region_words: tuple[str, ...]
    country_word: str
    ranked_in_order: str
    unitless_glue: tuple[str, ...]
    conjunctions: tuple[str, ...]

    @classmethod
    def of(cls, spec: dict) -> Grammar:
        def words(key: str) -> tuple[str, ...]:
            return tuple(match_key(str(w)) if w else "" for w in spec[key])

        return cls(
            list_joins=words("list_joins"),
            respectively=match_key(spec["respectively"]),
            fused_halves={match_key(k): match_key(v) for k, v in spec["fused_halves"].items()},
            group_endings=words("group_endings"),
            counter_starts=words("counter_starts"),
            count_statements=words("count_statements"),
            opening_leads=words("opening_leads"),
            whole_region_words=words("whole_region_words"),
            country_word=match_key(spec["country_word"]),
            ranked_in_order=match_key(spec["ranked_in_order"]),
            unitless_glue=words("unitless_glue"),
            conjunctions=words("conjunctions"),
        )


def _subsets(spec: dict) -> list[Subset]:
    return [
        Subset(
            name,
            tuple(item["applies_to"]),
            _words(item.get("words", [])),
            _patterns(item.get("patterns", [])),
            bool(item.get("kept_in_scope", False)),
            bool(item.get("provincial_only", False)),
            bool(item.get("after_name", False)),
        )
        for name, item in spec.items()
    ]


@dataclass(frozen=True)
class Cues:
    comparators: dict[str, str]
    bound_words: list[tuple[str, str]]
    target_patterns: list[re.Pattern[str]]
    past_span_patterns: list[re.Pattern[str]]
    state_at_patterns: list[re.Pattern[str]]
    target_after: list[str]
    target_after_patterns: list[re.Pattern[str]]
    actual_words: list[str]
    target_year_patterns: list[re.Pattern[str]]
    bound_year_patterns: list[re.Pattern[str]]
    change_end_year_patterns: list[re.Pattern[str]]
    context_year_patterns: list[re.Pattern[str]]
    this_year_words: list[str]
    span_start_patterns: list[re.Pattern[str]]
    several_years_patterns: list[re.Pattern[str]]
    directions: list[tuple[str, int]]
    level_after_direction: list[str]
    baseline_patterns: list[re.Pattern[str]]
    rank_patterns: list[re.Pattern[str]]
    rank_word_patterns: list[re.Pattern[str]]
    rank_scopes: list[tuple[str, str]]
    scope_noun_not_before: list[str]
    none_before_alias: list[str]
    none_after_alias: list[str]
    tenths_after: list[str]
    not_a_value_after: list[str]
    weight_after_patterns: list[re.Pattern[str]]
    frequency_after_patterns: list[re.Pattern[str]]
    amount_heads: list[str]
    spread_average_patterns: list[re.Pattern[str]]
    share_base_patterns: list[re.Pattern[str]]
    stated_amplitude: re.Pattern[str]
    extreme_change_patterns: list[re.Pattern[str]]
    normal_departure: re.Pattern[str]
    normal_departure_signs: dict[str, int]
    departure_indicators: dict[str, str]
    durations_after_count: list[str]
    days_after_count: list[str]
    not_a_value_before: list[str]
    not_a_value_before_patterns: list[re.Pattern[str]]
    prose_unit_exclusions: frozenset[str]
    verbal_after_alias: list[tuple[str, float]]
    verbal_before_alias: list[tuple[str, float]]
    scope_nouns: list[str]
    group_bounds: list[str]
    part_inclusion_patterns: list[re.Pattern[str]]
    share_of_target_before: list[str]
    own_name_scope_words: list[str]
    own_name_whole_words: tuple[str, ...]
    yielding_aliases: list[str]
    own_name_time_patterns: list[re.Pattern[str]]
    copulas: list[str]
    borrowing_names: frozenset[str]
    bare_extremes: frozenset[str]
    borrowing_suffixes: list[str]
    regions_without_code: list[str]
    groups_without_code: list[re.Pattern[str]]
    national_scope_not_after: list[str]
    national_scope_not_before: list[str]
    forward_gap_blockers: list[str]
    partial_subject_words: list[str]
    share_after_count: list[str]
    share_after_count_patterns: list[re.Pattern[str]]
    listed_share_endings: list[str]
    subset_count_verbs: list[str]
    catalogued_share_words: list[str]
    national_network_words: list[str]
    generic_names: frozenset[str]
    bare_aliases: frozenset[str]
    bare_alias_lead_ins: list[str]
    not_a_place_name: list[str]
    provincial_network_words: list[str]
    share_of_country: list[str]
    better_words: frozenset[str]
    lower_is_better_name_endings: list[str]
    completing_heads: list[str]
    listed_thing_kinds: list[str]
    amount_suffixes: list[str]
    amount_verbs: list[str]
    topic_openers: tuple[str, ...]
    measured_subjects: list[str]
    times_of_day: tuple[str, ...]
    done_to_markers: tuple[str, ...]
    measure_heads: list[str]
    listed_thing_predicates: list[str]
    thing_list_openers: list[re.Pattern[str]]
    place_list_openers: list[str]
    subsets: list[Subset]
    grammar: Grammar
    subset_resets: list[str]
    whole_network_patterns: list[re.Pattern[str]]
    subset_reset_patterns: list[re.Pattern[str]]
    reference_gap_patterns: list[re.Pattern[str]]
    water_body_words: list[str]
    mixed_network_words: list[str]
    release_months_patterns: list[re.Pattern[str]]
    lost_separator_patterns: list[re.Pattern[str]]
    respectively_patterns: list[re.Pattern[str]]
    day_and_night_each_patterns: list[re.Pattern[str]]
    dropped_mark_patterns: list[re.Pattern[str]]
    class_gloss_patterns: list[re.Pattern[str]]
    month_span_patterns: list[re.Pattern[str]]
    place_list_closers: list[re.Pattern[str]]
    extreme_place_patterns: list[re.Pattern[str]]
    extreme_after_place: re.Pattern[str]
    city_ranking_patterns: list[re.Pattern[str]]
    city_ranking_indicators: list[str]
    ranked_list_openers: list[re.Pattern[str]]
    ranked_list_item: re.Pattern[str]
    ranked_list_joins: list[str]
    ranked_list_name_tails: list[str]
    text_table_row_periods: list[re.Pattern[str]]
    text_table_rank_words: list[str]
    text_table_place_headers: list[str]
    respective_item_patterns: list[re.Pattern[str]]
    place_count_predicates: list[str]
    place_name_count_prefixes: tuple[str, ...]
    dimensionless_name_heads: tuple[str, ...]
    place_count_all_of_them: list[str]
    place_count_rest_words: tuple[str, ...]
    part_openers: list[str]
    occurrence_verbs: list[str]
    count_verbs: frozenset[str]
    times_counters: list[str]
    times_verbs: list[str]
    day_grades: frozenset[str]
    grade_suffixes: dict[str, str]
    half_year_months: dict[str, tuple[str, str]]
    monitored_things: list[str]
    monitored_thing_qualifiers: list[str]
    subject_words: list[str]
    city_urban_area_words: frozenset[str]
    subject_patterns: list[re.Pattern[str]]
    part_heads: list[str]

    @classmethod
    def load(cls, path: Path = CUES_PATH) -> Cues:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        directions = spec["change_directions"]
        verbal = spec["verbal_values"]
        return cls(
            comparators=spec["comparators"],
            bound_words=sorted(
                (
                    (match_key(w), comparator)
                    for comparator, words in spec["bound_words"].items()
                    for w in words
                ),
                key=lambda pair: -len(pair[0]),
            ),
            target_patterns=_patterns(spec["target_patterns"]),
            past_span_patterns=_patterns(spec["past_span_patterns"]),
            state_at_patterns=_patterns(spec["state_at_patterns"]),
            target_after=_words(spec["target_after"]),
            target_after_patterns=_patterns(spec["target_after_patterns"]),
            actual_words=_words(spec["actual_words"]),
            target_year_patterns=_patterns(spec["target_year_patterns"]),
            bound_year_patterns=_patterns(spec["bound_year_patterns"]),
            change_end_year_patterns=_patterns(spec["change_end_year_patterns"]),
            context_year_patterns=_patterns(spec["context_year_patterns"]),
            this_year_words=_words(spec["this_year_words"]),
            span_start_patterns=_patterns(spec["span_start_patterns"]),
            several_years_patterns=_patterns(spec["several_years_patterns"]),
            directions=sorted(
                [(match_key(w), 1) for w in directions["up"] + directions.get("better", [])]
                + [(match_key(w), -1) for w in directions["down"] + directions.get("worse", [])],
                key=lambda pair: -len(pair[0]),
            ),
            level_after_direction=_words(spec["level_after_direction"]),
            baseline_patterns=_patterns(spec["baseline_patterns"]),
            rank_patterns=_patterns(spec["rank_patterns"]),
            rank_word_patterns=_patterns(spec["rank_word_patterns"]),
            rank_scopes=[
                (match_key(w), scope) for scope, words in spec["rank_scopes"].items() for w in words
            ],
            scope_noun_not_before=_words(spec["scope_noun_not_before"]),
            none_before_alias=_words(verbal["none_before_alias"]),
            none_after_alias=_words(verbal["none_after_alias"]),
            tenths_after=_words(spec["tenths_after"]),
            not_a_value_after=_words(spec["not_a_value_after"]),
            weight_after_patterns=_patterns(spec["weight_after_patterns"]),
            frequency_after_patterns=_patterns(spec["frequency_after_patterns"]),
            amount_heads=_words(spec["amount_heads"]),
            spread_average_patterns=_patterns(spec["spread_average_patterns"]),
            share_base_patterns=_patterns(spec["share_base_patterns"]),
            stated_amplitude=re.compile(spec["stated_amplitude_pattern"]),
            extreme_change_patterns=_patterns(spec["extreme_change_patterns"]),
            normal_departure=re.compile(
                spec["normal_departure_pattern"].replace(
                    "{direction}",
                    "|".join(w for ws in spec["normal_departures"].values() for w in ws),
                )
            ),
            departure_indicators={match_key(k): v for k, v in spec["departure_indicators"].items()},
            normal_departure_signs={
                w: (1 if side == "up" else -1)
                for side, ws in spec["normal_departures"].items()
                for w in ws
            },
            durations_after_count=_words(spec["durations_after_count"]),
            days_after_count=_words(spec["days_after_count"]),
            not_a_value_before=_words(spec["not_a_value_before"]),
            not_a_value_before_patterns=_patterns(spec["not_a_value_before_patterns"]),
            prose_unit_exclusions=frozenset(match_key(w) for w in spec["prose_unit_exclusions"]),
            verbal_after_alias=[
                (match_key(w), float(v)) for v, ws in verbal["after_alias"].items() for w in ws
            ],
            verbal_before_alias=[
                (match_key(w), float(v)) for v, ws in verbal["before_alias"].items() for w in ws
            ],
            scope_nouns=_words(spec["scope_nouns"]),
            group_bounds=_words(spec["group_bounds"]),
            part_inclusion_patterns=_patterns(spec["part_inclusion_patterns"]),
            share_of_target_before=_words(spec["share_of_target_before"]),
            own_name_scope_words=_words(spec["own_name_scope_words"]),
            own_name_whole_words=tuple(_words(spec["own_name_whole_words"])),
            yielding_aliases=_words(spec["yielding_aliases"]),
            own_name_time_patterns=_patterns(spec["own_name_time_patterns"]),
            copulas=_words(spec["copulas"]),
            borrowing_names=frozenset(_words(spec["borrowing_names"])),
            bare_extremes=frozenset(_words(spec["bare_extremes"])),
            borrowing_suffixes=_words(spec["borrowing_suffixes"]),
            regions_without_code=_words(spec["regions_without_code"]),
            groups_without_code=_patterns(spec["groups_without_code_patterns"]),
            national_scope_not_after=_words(spec["national_scope_not_after"]),
            national_scope_not_before=_words(spec["national_scope_not_before"]),
            forward_gap_blockers=_words(spec["forward_gap_blockers"]),
            partial_subject_words=_words(spec["partial_subject_words"]),
            share_after_count=_words(spec["share_after_count"]),
            share_after_count_patterns=_patterns(spec["share_after_count_patterns"]),
            listed_share_endings=_words(spec["listed_share_endings"]),
            subset_count_verbs=_words(spec["subset_count_verbs"]),
            catalogued_share_words=_words(spec["catalogued_share_words"]),
            national_network_words=_words(spec["national_network_words"]),
            generic_names=frozenset(_words(spec["generic_names"])),
            bare_aliases=frozenset(_words(spec["bare_aliases"])),
            bare_alias_lead_ins=_words(spec["bare_alias_lead_ins"]),
            not_a_place_name=_words(spec["not_a_place_name"]),
            provincial_network_words=_words(spec["provincial_network_words"]),
            share_of_country=_words(spec["share_of_country"]),
            better_words=frozenset(
                match_key(w) for w in directions.get("better", []) + directions.get("worse", [])
            ),
            lower_is_better_name_endings=_words(spec["lower_is_better_name_endings"]),
            completing_heads=_words(spec["completing_heads"]),
            listed_thing_kinds=_words(spec["listed_thing_kinds"]),
            amount_suffixes=_words(spec["amount_suffixes"]),
            amount_verbs=_words(spec["amount_verbs"]),
            topic_openers=tuple(_words(spec["topic_openers"])),
            measured_subjects=_words(spec["measured_subjects"]),
            times_of_day=tuple(_words(spec["times_of_day"])),
            done_to_markers=tuple(_words(spec["done_to_markers"])),
            measure_heads=_words(spec["measure_heads"]),
            listed_thing_predicates=_words(spec["listed_thing_predicates"]),
            thing_list_openers=_patterns(spec["thing_list_openers"]),
            place_list_openers=_words(spec["place_list_openers"]),
            subsets=_subsets(spec["subsets"]),
            grammar=Grammar.of(spec["grammar"]),
            subset_resets=_words(spec["subset_resets"]),
            whole_network_patterns=_patterns(spec["whole_network_patterns"]),
            subset_reset_patterns=_patterns(spec["subset_reset_patterns"]),
            reference_gap_patterns=_patterns(spec["reference_gap_patterns"]),
            water_body_words=_words(spec["water_body_words"]),
            mixed_network_words=_words(spec["mixed_network_words"]),
            release_months_patterns=_patterns(spec["release_months_patterns"]),
            lost_separator_patterns=_patterns(spec["lost_separator_patterns"]),
            respectively_patterns=_patterns(spec["respectively_patterns"]),
            day_and_night_each_patterns=_patterns(spec["day_and_night_each_patterns"]),
            dropped_mark_patterns=_patterns(spec["dropped_mark_patterns"]),
            class_gloss_patterns=_patterns(spec["class_gloss_patterns"]),
            month_span_patterns=_patterns(spec["month_span_patterns"]),
            place_list_closers=_patterns(spec["place_list_closers"]),
            extreme_place_patterns=_patterns(spec["extreme_place_patterns"]),
            extreme_after_place=re.compile(spec["extreme_after_place_pattern"]),
            city_ranking_patterns=_patterns(spec["city_ranking_patterns"]),
            city_ranking_indicators=list(spec["city_ranking_indicators"]),
            ranked_list_openers=_patterns(spec["ranked_list_openers"]),
            ranked_list_item=re.compile(spec["ranked_list_item"]),
            ranked_list_joins=_words(spec["ranked_list_joins"]),
            ranked_list_name_tails=_words(spec["ranked_list_name_tails"]),
            text_table_row_periods=_patterns(spec["text_table_row_periods"]),
            text_table_rank_words=_words(spec["text_table_rank_words"]),
            text_table_place_headers=_words(spec["text_table_place_headers"]),
            respective_item_patterns=_patterns(spec["respective_item_patterns"]),
            place_count_predicates=_words(spec["place_count_predicates"]),
            place_name_count_prefixes=tuple(_words(spec["place_name_count_prefixes"])),
            dimensionless_name_heads=tuple(_words(spec["dimensionless_name_heads"])),
            place_count_all_of_them=_words(spec["place_count_all_of_them"]),
            place_count_rest_words=tuple(_words(spec["place_count_rest_words"])),
            part_openers=_words(spec["part_openers"]),
            occurrence_verbs=_words(spec["occurrence_verbs"]),
            count_verbs=frozenset(_words(spec["count_verbs"])),
            times_counters=_words(spec["times_counters"]),
            times_verbs=_words(spec["times_verbs"]),
            day_grades=frozenset(_words(spec["day_grades"])),
            grade_suffixes={str(k): match_key(str(v)) for k, v in spec["grade_suffixes"].items()},
            half_year_months={
                match_key(w): (str(a), str(b)) for w, (a, b) in spec["half_year_months"].items()
            },
            monitored_things=_words(spec["monitored_things"]),
            monitored_thing_qualifiers=_words(spec["monitored_thing_qualifiers"]),
            subject_words=_words([w for ws in spec["subject_words"].values() for w in ws]),
            city_urban_area_words=frozenset(_words(spec["city_urban_area_words"])),
            subject_patterns=_patterns(spec["subject_patterns"]),
            part_heads=_words(spec["part_heads"]),
        )

    def states_the_past(self, sentence: str, report_year: int | None) -> bool:
        """The sentence opens with the state at a date not after the report year ('截至2020年
        12月,…'): in a plan, what it counts exists."""
        return report_year is not None and any(
            int(m.group(1)) <= report_year
            for p in self.state_at_patterns
            if (m := p.search(sentence))
        )

    def is_target_clause(self, clause: str, report_year: int | None = None) -> bool:
        """A goal cue in the clause; a span from a past figure to a year not after the report
        year ('从2013年的58…下降至2022年的24') is a comparison, so its 至/到 is no cue."""
        if report_year is not None:
            for pattern in self.past_span_patterns:
                clause = pattern.sub(
                    lambda m: (
                        "·" * len(m.group(0)) if int(m.group(1)) <= report_year else m.group(0)
                    ),
                    clause,
                )
        return any(p.search(clause) for p in self.target_patterns)

    def target_year(self, clause: str) -> int | None:
        """The last target year stated in the clause ('到2027年…' → 2027)."""
        for pattern in self.target_year_patterns:
            found = pattern.findall(clause)
            if found:
                return int(found[-1])
        return None

    def bound_year(self, before: str) -> int | None:
        """A year stated right before the number ('从2022年的' → 2022)."""
        for pattern in self.bound_year_patterns:
            found = pattern.search(before[-BOUND_YEAR_REACH:])
            if found:
                return int(found.group(1))
        return None

    def change_end_year(self, before: str) -> int | None:
        """The later year of a figure said to go from one year's level to it, before a change
        ('…提升到2022年的347天,增加了96天' → 2022)."""
        found = [int(m.group(1)) for p in self.change_end_year_patterns for m in p.finditer(before)]
        return found[-1] if found else None

    def is_share_gap(self, gap: str) -> bool:
        """The words between a count and a percentage make it the count's share (…达标,占64.3%;
        …,占全部监测点的10.17%)."""
        return gap in self.share_after_count or any(
            p.fullmatch(gap) for p in self.share_after_count_patterns
        )

    def context_years(self, clause: str) -> list[int]:
        starts = {m.start(1) for p in self.span_start_patterns for m in p.finditer(clause)}
        years: list[tuple[int, int]] = []
        for pattern in self.context_year_patterns:
            years += [
                (m.start(1), int(m.group(1)))
                for m in pattern.finditer(clause)
                if not _BOUND_TO_NUMBER.match(clause, m.end())  # '从2022年的17.1%'
                and not _BASELINE_BEFORE.search(clause[: m.start(1)])  # '比2021年下降3.3%'
                and m.start(1) not in starts  # '自2016年以来': the start of a running span
            ]
        return [year for _, year in sorted(set(years))]

    def baseline_year(self, clause: str) -> int | None:
        for pattern in self.baseline_patterns:
            found = pattern.findall(clause)
            if found:
                return int(found[-1])
        return None

    def direction(self, before: str) -> int | None:
        """+1/-1 when a change word ends right before the number (提高2.8 / 下降了5)."""
        found = self.direction_word(before)
        return found[1] if found else None

    def direction_word(self, before: str) -> tuple[str, int] | None:
        """(word, +1/-1) of the change word that ends right before the number."""
        tail = before[-DIRECTION_REACH:]
        tail = tail.removesuffix("了").removesuffix("幅度为").removesuffix("幅度")
        stated = self.stated_amplitude.sub("", tail)  # '降幅分别为28%、23.3%', '增幅为5%'
        if stated.endswith("幅"):
            tail = stated
        for word, sign in self.directions:
            if tail.endswith(word):
                return word, sign
        extreme = next((m for p in self.extreme_change_patterns
                        if (m := p.search(before[-EXTREME_CHANGE_REACH:]))), None)  # fmt: skip
        if extreme is not None:  # '下降幅度最大的城市是德州市,为19.2%'
            return next((w, s) for w, s in self.directions if w == extreme.group("word"))
        return None

    def departure_sign(self, before: str) -> int | None:
        """+1/-1 when a departure from the climate normal ends right before the number
        ('较常年偏低0.3℃' → -1); None when none does."""
        found = self.normal_departure.search(before[-DEPARTURE_REACH:])
        return self.normal_departure_signs[found["direction"]] if found else None

    def rank_scope(self, clause: str) -> str:
        """The list a rank is a place in ('national', 'within_province'): the last scope word of
        the rank's clause before its number; '' when the clause names none."""
        found = max(((clause.rfind(word), scope) for word, scope in self.rank_scopes),
                    default=(-1, ""))  # fmt: skip
        return found[1] if found[0] >= 0 else ""

    def is_level(self, before: str) -> bool:
        """'提高至26.9%': a direction word followed by 至/到 states the new level."""
        tail = before[-LEVEL_REACH:]
        return any(
            tail.endswith(word + level)
            for word, _ in self.directions
            for level in self.level_after_direction
        ) or tail.endswith(("降至", "升至", "增至"))


@cache
def cues() -> Cues:
    return Cues.load()
