"""The records extraction yields: a fact, a number no indicator claimed, a document's extraction.

What belongs here: the shapes other modules read (landing, evaluation, `--suggest`), and the rules
that a statement repeated word for word is one fact, and a bound of a figure stated exactly is
that figure's statement. How the records are made lives in assembly.py; how a number finds its
indicator, in strategies.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.extraction.document import DocumentContext


@dataclass(frozen=True)
class Fact:
    """One quantitative statement (the columns of `envwh extract`)."""

    indicator_code: str
    indicator_name_zh: str
    kind: str  # actual | target | change | rank
    value: float
    unit: str
    value_canonical: float
    canonical_unit: str
    comparator: str
    period: str
    region_code: str
    baseline_year: str
    rank_scope: str  # of a rank: the list it is a place in (national, within_province) or ''
    qualifier: str
    quote: str
    char_start: int
    char_end: int
    # an actual said as a departure from the climate normal ('较常年偏少8.1%'): a signed
    # difference, not a level — it may be negative whatever it measures
    is_departure_from_normal: bool = False


@dataclass(frozen=True)
class Unmapped:
    """A number with a unit that no indicator claimed (for growing the lexicon), or whose value
    its indicator refused (reason)."""

    value: float
    unit: str
    quote: str
    char_start: int
    char_end: int
    name: str = ""  # the name the number states for itself, if any (envwh extract --suggest)
    # why an indicator's claim was refused by the measure path (parsing.measures: rule and
    # message); '' for a number no indicator claimed
    reason: str = ""


@dataclass(frozen=True)
class Extraction:
    text: str  # the document as read
    facts: list[Fact]
    unmapped: list[Unmapped]
    context: DocumentContext


def first_statements(facts: list[Fact]) -> list[Fact]:
    """A document that repeats a statement word for word states one fact: keep the first. An
    open-vocabulary figure said again under the end of its name or a longer one (a headline's
    '滇池综合营养状态指数下降11.4%', the body's '…综合营养状态指数下降11.4%') is the same."""
    seen, kept = set(), []
    open_names: dict[tuple, list[str]] = {}  # the names said so far of each open statement
    for fact in facts:
        # an actual is one fact whatever base its sentence names ('比上年' in a title, '比2021年'
        # in the body)
        baseline = "" if fact.kind == "actual" else fact.baseline_year
        if baseline and fact.period[:4].isdigit() and int(baseline) == int(fact.period[:4]) - 1:
            baseline = ""  # '与2022年相比' in a 2023 report is '同比'
        statement = (fact.kind, fact.value, fact.unit, fact.comparator, fact.period,
                     fact.region_code, baseline)  # fmt: skip
        if fact.indicator_code:
            if (fact.indicator_code, *statement) in seen:
                continue
            seen.add((fact.indicator_code, *statement))
        else:
            names, name = open_names.setdefault(statement, []), fact.indicator_name_zh
            if any(_same_name(name, other) for other in names):
                continue
            names.append(name)
        kept.append(fact)
    return kept


def _same_name(name: str, other: str) -> bool:
    """The same name, or one the end of the other ('综合营养状态指数', '滇池综合营养状态指数')."""
    return name == other or bool(name and other and (name.endswith(other) or other.endswith(name)))


def without_bounds_of_exact(facts: list[Fact]) -> list[Fact]:
    """'首次“破4”(年均浓度低于40微克/立方米)' beside '…年均浓度为38微克/立方米': an actual stated as
    a bound of a figure the document states exactly (same indicator, period and region, and the
    exact value within the bound) is the same statement, weaker: keep the exact one."""
    exact = {
        (f.indicator_code, f.period, f.region_code): f.value_canonical
        for f in facts
        if f.kind == "actual" and f.comparator == "=" and f.indicator_code
    }

    def redundant(fact: Fact) -> bool:
        value = exact.get((fact.indicator_code, fact.period, fact.region_code))
        if fact.kind != "actual" or not fact.indicator_code or value is None:
            return False
        return (fact.comparator == "<=" and value <= fact.value_canonical) or (
            fact.comparator == ">=" and value >= fact.value_canonical
        )

    return [f for f in facts if not redundant(f)]
