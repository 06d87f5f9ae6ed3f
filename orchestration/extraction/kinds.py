"""What kind of fact a number states — a rank, a change, a target or an actual — and the sign
of a change (or of a departure from the climate normal, an actual).

What belongs here: the reading of the cue words around one number (maps/cues.yml): a goal cue in
its sentence or right after it, a direction word right before it, a plan document. The reader
passes the fact stated just before (a list item after a change is a change too).
"""

from __future__ import annotations

from typing import Protocol

from orchestration.extraction.cues import DEPARTURE_REACH, cues
from orchestration.extraction.quantities import RANK_UNIT, Mention
from orchestration.registry.catalogue import Indicator

AFTER_WINDOW = 8  # the words after a number where a goal cue may follow it ('的考核目标')
_EXISTING_BREAKS = ",;:"  # the part of a clause that may say a plan's number already exists
_LIST_ITEM = "、"
_NOT_IN_A_LIST = set(",;。")


class Stated(Protocol):
    """What the reader remembers of the fact stated by the number just before."""

    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def sign(self) -> int: ...


def kind_of(text: str, mention: Mention, before: str, is_plan: bool,
            previous: Stated | None, report_year: int | None = None,
            ) -> tuple[str, int | None]:  # fmt: skip
    """(kind, baseline year) of a number whose sentence text before it is `before`;
    report_year tells a past comparison (从…至2022年) from a goal."""
    the_cues = cues()
    if mention.unit_code == RANK_UNIT:
        return "rank", None
    after = text[mention.end : mention.end + AFTER_WINDOW]
    is_goal = (
        the_cues.is_target_clause(before, report_year)
        or any(after.startswith(w) for w in the_cues.target_after)
        or any(p.match(text, mention.end) for p in the_cues.target_after_patterns)
    )
    baseline = the_cues.baseline_year(before)
    direction = the_cues.direction(text[: mention.start])
    is_change = mention.unit_code == "pp" or (
        direction is not None and not the_cues.is_level(text[: mention.start])
    )
    if is_change and not is_goal:
        return "change", baseline
    if continues_change(text, mention, previous):
        return "change", baseline
    if is_goal:
        return "target", baseline
    if is_plan and not (_states_existing(before) or the_cues.states_the_past(before, report_year)):
        return "target", baseline
    return "actual", None


def _states_existing(before: str) -> bool:
    """'依托…2个国家级基地': the clause of the number speaks of what exists."""
    last_break = max(before.rfind(c) for c in _EXISTING_BREAKS)
    return any(word in before[last_break + 1 :] for word in cues().actual_words)


def continues_change(text: str, mention: Mention, previous: Stated | None) -> bool:
    """'新增3个县…、1个县…', '分别下降28%和23.3%': a list item after a change is a change too."""
    if previous is None or previous.kind != "change":
        return False
    gap = text[previous.end : mention.start]
    if gap in cues().grammar.list_joins:  # '28%和23.3%': a join alone before the last number
        return True
    return _LIST_ITEM in gap and not _NOT_IN_A_LIST.intersection(gap)


def change_sign(text: str, mention: Mention, previous: Stated | None,
                indicator: Indicator | None = None) -> int:  # fmt: skip
    """+1/-1 of a change: the direction word before it ('改善' is down for an indicator
    where lower is better), or, for an item of a list of changes ('分别下降2.9%、4.0%'),
    the direction of the list's first item."""
    the_cues = cues()
    found = the_cues.direction_word(text[: mention.start])
    if found is not None:
        word, direction = found
        if word in the_cues.better_words and indicator and indicator.higher_is_better is False:
            return -direction
        return direction
    if (
        previous is not None
        and previous.kind == "change"
        and continues_change(text, mention, previous)
    ):
        return previous.sign
    return 1


def departure(text: str, mention: Mention) -> int | None:
    """The sign of a departure from the climate normal said right before the number ('较常年偏低
    0.3℃', '比常年偏少12%': -1; maps/cues.yml normal_departures), or None when none is said."""
    return cues().departure_sign(text[max(0, mention.start - DEPARTURE_REACH) : mention.start])


def open_change_sign(text: str, mention: Mention, previous: Stated | None, name: str) -> int | None:
    """change_sign for a figure no indicator claims, known only by its stated name: a change for
    the better or worse ('同比改善24.2%') is a fall only where the name says lower is better (a
    concentration); None where the name does not say which way is better."""
    found = cues().direction_word(text[: mention.start])
    if found is not None and found[0] in cues().better_words:
        if not name.endswith(tuple(cues().lower_is_better_name_endings)):
            return None
        return -found[1]
    return change_sign(text, mention, previous)
