"""Report prose → facts: one pass over the numbers of a document, each read in its clause.

Rankings of places each with its figure in parentheses (ranked_lists.py) and tables written
as lines of text (text_tables.py) are read whole first; the pass skips their numbers.
For each number the reader builds a Clause (clause.py: its sentence, kind, the name it states
for itself, and what was read before it) and decides, in this order (an amount of a thing
listed after a list opener, '…种类为废碱752.5万吨,…', is that thing's before anything else):
1. a candidate indicator: the first of strategies.STRATEGIES that names one (the order and why
   it matters are written there); a count of places ('14个设区市') is no fact unless one of the
   strategies that bind a number to its own place names what the places do, or its clause says
   what they did and states no other figure (an open-vocabulary count: '7市同比下降');
2. a change with no candidate keeps the stated name of the open-vocabulary figure it continues
   (not of a departure from the climate normal); a departure that opens its clause is the
   departure of the open figure right before it ('…673.8毫米,比常年偏多7%');
3. the guards (guards.py) void a candidate a figure would only borrow: part of the places, a
   bound of a spread, a change of an unclaimed figure, an unknown place, a gap to a reference
   level; a figure said of a part of a network takes the part's indicator or its stated name
   (subsets.py); a figure whose subject holds words the rule does not know keeps its stated name
   (subjects.py); a water figure follows its network of sections;
4. a fall of a `reduction` indicator is its actual value; a number without a unit stands only
   right after a share or an index;
5. with no candidate: a clearly named figure lands as an open-vocabulary fact (so does a count
   of things a network monitors: '65个国控点'); a goal whose
   sentence names nothing takes the previous goal's indicator (strategies.carried_goal); else
   the number is unmapped, with the name it states;
6. the fact (assembly.py) with its region and period (scope.py).
Then the facts stated without digits (verbal.py), and a statement repeated word for word is one
fact (facts.py). The reader alone keeps the memory of the pass (the fact before, the last goal
of each paragraph, the indicators a coordinated name gave the numbers of its list).

The modules of the extractor: document.py (what a document says about itself), reading.py (the
document cut into sentences and clauses), aliases.py (indicator names), quantities.py (numbers),
kinds.py, own_names.py, open_names.py (the names of open-vocabulary figures no strategy names),
fitting.py, clause.py, strategies.py, grades.py, guards.py, subsets.py,
subjects.py, scope.py, assembly.py, verbal.py, facts.py, ranked_lists.py, text_tables.py,
halves.py (a count said of the day and the night each). The cue words are in maps/cues.yml, the
indicators in the catalogue (orchestration/registry/indicators/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from orchestration.extraction.aliases import Alias
from orchestration.extraction.assembly import assemble, open_vocabulary, unmapped
from orchestration.extraction.clause import Clause, Previous, ReadSoFar, clause_at
from orchestration.extraction.cues import cues
from orchestration.extraction.document import DocumentContext, document_region, infer
from orchestration.extraction.facts import (
    Extraction,
    Fact,
    Unmapped,
    first_statements,
    without_bounds_of_exact,
)
from orchestration.extraction.fitting import compatible, unitless_ok
from orchestration.extraction.grades import days_of_a_grade, share_of_a_grade
from orchestration.extraction.guards import guarded, network_alias
from orchestration.extraction.halves import day_and_night_each
from orchestration.extraction.kinds import change_sign
from orchestration.extraction.lexicon import Lexicon, lexicon
from orchestration.extraction.open_names import (
    elided_class,
    extreme_places_each,
    generic_of_previous,
    listed_class,
    listed_things_each,
    monitored_things,
    named_things_counted,
    occurrences,
    open_list_item,
    open_series_item,
    places_doing,
    share_of_open_count,
    share_of_open_figure,
)
from orchestration.extraction.own_names import (
    BASE_YEAR,
    OwnName,
    coordinated_own_name,
    fused_half_name,
    listed_own_name,
    own_name,
    part_of_whole,
    shared_name_item,
)
from orchestration.extraction.ranked_lists import ranked_lists
from orchestration.extraction.reading import (
    CLAUSE_BREAKS,
    LIST_GLUE,
    Document,
    drop_marks,
    plain,
    read_respectively,
    restore_separators,
)
from orchestration.extraction.strategies import (
    BINDING,
    carried_goal,
    continued_code,
    first_candidate,
    respective_head,
    respective_heads,
)
from orchestration.extraction.text_tables import text_tables
from orchestration.extraction.verbal import verbal_facts, zero_counts
from orchestration.parsing.text import fold

_SAME_TIME = "同期"  # a departure from the normal of the same time of year: not of the year
_PART_OF_YEAR = re.compile(r"[春夏秋冬]季|[0-9]月|上半年|下半年")  # a season or months named
INDEX_UNIT = "index"  # the unit of a composite or quality index


@dataclass(frozen=True)
class Reading:
    """What the reader learns from one number."""

    record: Fact | Unmapped | None  # None: no statement (a count that scopes one, a bare digit)
    extra: tuple[Fact, ...] = ()  # the facts it states besides ('A和B均…', '南宁市、柳州市…均')
    goal: str | None = None  # the indicator of a goal stated here (for the paragraph's next)
    # the indicators a coordinated own name gives the numbers of its list, by their start;
    # {} forgets all such (the list names nothing), None leaves them as they are
    respective: dict[int, Alias] | None = None


def read_number(c: Clause) -> Reading:
    """Decide what one number states (the steps of the module docstring)."""
    doc, mention = c.doc, c.mention
    alias, strategy = first_candidate(c)
    graded = days_of_a_grade(c)
    if isinstance(graded, OwnName):  # '其中优33天、良159天': days of a grade, whatever was named
        return Reading(open_vocabulary(c, graded))
    if graded is not None and alias is None:  # '只有1个“严重污染”': the catalogue's days
        alias = graded
    halves = day_and_night_each(c)
    if halves is not None:  # '0类区昼夜各监测2点次': the day's count and the night's
        day, night = (open_vocabulary(c, half) for half in halves)
        return Reading(day, tuple(f for f in (night,) if isinstance(f, Fact)))
    things = listed_things_each(c) if c.kind == "actual" else None
    if things is not None:  # '…危险废物种类为废碱752.5万吨,占…的21.7%;…': each thing's, never
        return Reading(open_vocabulary(c, things))  # the measure's whole named before the list
    if alias is None:
        share = share_of_a_grade(c)  # '轻度污染减少3.8个百分点': the grade's share of days
        if isinstance(share, OwnName):
            return Reading(open_vocabulary(c, share))
        alias = share
    if c.counts_places and alias is None:
        doing = places_doing(c)  # '7市同比下降': how many places did what the clause says
        return Reading(open_vocabulary(c, doing) if doing else None)
    given = respective_heads(c) if strategy not in BINDING else None
    own = None if strategy in BINDING or strategy is respective_head else c.own
    if alias is not None and _changes_an_open_figure(c, alias):
        alias = None  # '二氧化硫排放总量1974.4万吨,同比下降3.4%': not 二氧化硫's change
    if alias is None and c.kind == "change" and own is None:
        previous = c.read.previous
        departed = previous is not None and cues().normal_departure.search(previous.name)
        if previous is not None and continued_code(c) == "" and not departed:
            # '水质达到或优于Ⅲ类的比例为87.5%,同比上升8.7个百分点': a change of an
            # open-vocabulary figure keeps its name (not of a departure from the normal: '…较
            # 常年偏高0.5℃,较上年下降0.2℃' is the figure's change, not the departure's)
            clause_start = doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
            own = OwnName(previous.name, clause_start, True)
    departed = _departure_of_previous(c, own) if alias is None and c.kind == "actual" else None
    if departed is not None:  # '…673.8毫米,比常年偏多7%': the departure of the figure before
        own, alias = departed, _departure_indicator(c, departed)
    elif alias is None and c.kind == "actual" and own is not None and own.copula:
        alias = _departure_indicator(c, own)  # '全省平均气温较常年偏低0.2℃': named so
    if alias is None and own is None and c.kind == "actual":
        own = share_of_open_count(c)  # '中度富营养的1个,占1.4%': that count's share
        own = own or share_of_open_figure(c)  # '…总量为18.2万吨,占全部发布城市产生总量的29.3%'
    if alias is None and own is None and c.kind == "actual":
        own = open_list_item(c)  # '喀什出现污染日数31天、和田24天': 和田's 污染日数
        own = own or open_series_item(c)  # '南宁、柳州和桂林的X分别为61.2%、55.0%…': each X
    listed = listed_class(c) if c.kind == "actual" else None
    if listed is not None:  # 'Ⅰ至Ⅲ类、…和劣Ⅴ类水质断面分别占…': each class's, whatever was named
        alias = None
    if alias is None and c.kind == "actual":
        elided = listed or elided_class(c)  # '一类海水比例为57.6%,二类为18.2%': 二类海水比例
        code = doc.lex.aliases.get(elided.name) if elided else None
        if code and compatible(doc.lex.indicators[code], mention, c.kind):
            alias = Alias(mention.start, mention.start, code)  # '…,劣四类为15.2%'
        own = elided or own
    if alias is None and (own is None or not own.is_open_vocabulary) and c.kind == "actual":
        own = monitored_things(c) or own  # '24个湖泊', '65个国控点': monitored things counted
        own = extreme_places_each(c) or own  # '废碱产生量较大的省份为山东490.5万吨和新疆…'
        own = occurrences(c) or own  # '共发现68次赤潮': how often an event occurred
        own = named_things_counted(c) or own  # '淦水、柏临河等11条支流的11个断面水质有所好转'
    alias, own = guarded(c, alias, own)
    kind = c.kind
    if alias is not None:
        candidate = alias
        alias, part = network_alias(c, alias)
        if alias is None and part and candidate.end > candidate.start:
            # '沅水流域:…。7个监测断面中': the part's figure, named with it (沅水流域监测断面)
            named = OwnName(part + c.text[candidate.start : candidate.end], candidate.start, True)
            return Reading(open_vocabulary(c, named), respective=given)
        if alias is None:
            return Reading(unmapped(doc, mention, own.name if own else ""), respective=given)
        if (
            kind == "change"
            and doc.lex.indicators[alias.code].is_reduction
            and mention.unit_code == "pct"
            and change_sign(c.text, mention, c.read.previous) == -1
        ):
            kind = "actual"  # '万元国内生产总值能耗比2021年下降0.1%': the reduction is the value
    if mention.unit_code is None and (
        alias is None
        or not (
            unitless_ok(doc.lex.indicators[alias.code], c.text[alias.end : mention.start])
            or _change_of_an_index(c, alias, kind)
        )
    ):
        return Reading(None, respective=given)
    if alias is None and kind == "actual":
        own = generic_of_previous(c, own) or own  # '自然保护地372处,总面积1467.12万公顷'
    if alias is None and kind in ("actual", "change"):
        # '化学需氧量、氨氮…减排量分别为1734吨、224吨…': each thing + the tail they share
        own = (
            shared_name_item(doc, mention, c.sentence_start)  # '镉、汞…8种…超标率分别为…'
            or coordinated_own_name(doc, mention, c.sentence_start)
            or own
        )
    if alias is None and kind == "actual":
        own = listed_own_name(doc, mention, c.sentence_start) or own  # 'A、B和C的Y分别占…'
        # '优良天数为332天,其中优130天,良202天': parts of the figure before, by name
        own = part_of_whole(doc, mention, c.sentence_start, own) or own
    if alias is None:  # '1类功能区昼夜间达标率分别为92.9%和89.4%': the day's, the night's
        own = fused_half_name(doc, mention, c.sentence_start, own) or own
    if alias is None and own is not None and own.is_open_vocabulary and kind != "target":
        return Reading(_of_departed(c, open_vocabulary(c, own), departed), respective=given)
    if alias is None and kind == "target" and not doc.aliases_between(c.sentence_start,
                                                                      mention.start):  # fmt: skip
        alias = carried_goal(c)
    if alias is None:
        if own is None and kind == "target":
            own = own_name(doc, mention, c.sentence_start)
        return Reading(unmapped(doc, mention, own.name if own else ""), respective=given)
    record, extra = assemble(c, alias, kind)
    record = _of_departed(c, record, departed)
    return Reading(record, tuple(extra), alias.code if kind == "target" else None, given)


def _changes_an_open_figure(c: Clause, alias: Alias) -> bool:
    """A change right after an open-vocabulary figure whose candidate name was said before that
    figure's number ('二氧化硫排放总量1974.4万吨,同比下降3.4%': 二氧化硫, inside the open name
    二氧化硫排放总量): the change is the open figure's, not the indicator's."""
    previous = c.read.previous
    return (c.kind == "change" and previous is not None and continued_code(c) == ""
            and alias.end <= previous.end)  # fmt: skip


def _change_of_an_index(c: Clause, alias: Alias, kind: str) -> bool:
    """'综合指数为3.13,同比下降0.03', '…为3.58,与2019年相比下降了0.74': a change without a unit,
    right after its index's level in the same sentence (only a comma and the change's words, a
    base year among them, between), is in the index's unit."""
    previous = c.read.previous
    if kind != "change" or previous is None or previous.code != alias.code:
        return False
    if c.doc.lex.indicators[alias.code].unit_code != INDEX_UNIT:
        return False
    gap = c.text[previous.end : c.mention.start]
    return (previous.end >= c.sentence_start and gap.startswith(",")
            and plain(BASE_YEAR.sub("", gap[1:])))  # fmt: skip


def _departure_of_previous(c: Clause, own: OwnName | None) -> OwnName | None:
    """'全国平均降水量673.8毫米,比常年偏多7%', '…平均气温25.1℃,较常年同期偏高1.3℃': a departure
    from the climate normal (maps/cues.yml `normal_departure_pattern`) that opens its clause,
    right after an open-vocabulary figure of its sentence, is that figure's departure, named
    after it (降水量比常年偏多); a coded figure or another word between them names none."""
    previous, mention = c.read.previous, c.mention
    if own is None or own.copula or previous is None or previous.code or not previous.name:
        return None
    departure = cues().normal_departure.fullmatch(own.name)
    if departure is None or previous.kind != "actual" or previous.end < c.sentence_start:
        return None
    if c.text[previous.end : own.clause_start].strip(",") or own.clause_start > mention.start:
        return None
    return OwnName(previous.name + own.name, own.clause_start, True)


def _of_departed(c: Clause, record: Fact | Unmapped, departed: OwnName | None,
                 ) -> Fact | Unmapped:  # fmt: skip
    """A departure of the figure before is of that figure's region ('南京市平均气温16.2℃,较常年
    偏高0.5℃': 南京's, not the province's)."""
    if departed is None or not isinstance(record, Fact) or c.read.previous is None:
        return record
    return replace(record, region_code=c.read.previous.region)


def _departure_indicator(c: Clause, departed: OwnName) -> Alias | None:
    """'全省年平均气温17.9℃,较常年偏低0.3℃', '全省平均气温较常年偏低0.2℃': the departure (of the
    figure before, or named by its own words) of a whole year's figure that the
    catalogue measures as a departure (maps/cues.yml departure_indicators) is that indicator —
    not against the normal of the same time (同期), nor in a sentence naming a season or months."""
    figure = next((f for f in cues().departure_indicators
                   if departed.name.startswith(f) and cues().normal_departure.fullmatch(
                       departed.name[len(f) :])), None)  # fmt: skip
    if figure is None or _SAME_TIME in departed.name or _PART_OF_YEAR.search(c.before):
        return None
    code = cues().departure_indicators[figure]
    if not compatible(c.doc.lex.indicators[code], c.mention, c.kind):
        return None
    return Alias(c.mention.start, c.mention.start, code)


def read(doc: Document) -> tuple[list[Fact], list[Unmapped]]:
    """Every fact and every unclaimed number of a document, in one pass."""
    facts: list[Fact] = []
    extra: list[Fact] = []
    unclaimed: list[Unmapped] = []
    previous: Previous | None = None
    goals: dict[int, str] = {}  # paragraph start → indicator of its last goal
    respective: dict[int, Alias] = {}
    last_unmapped_end = -1
    stated: dict[int, tuple[tuple[str, str, int], ...]] = {}  # the figures, by paragraph
    unmapped_end = -1  # end of the number just before, when it was left unclaimed
    listed, claimed = ranked_lists(doc)  # '按…由小到大的顺序依次是:张家口(3.76)、…'
    tabled, in_tables = text_tables(doc)  # '省会城市空气质量排名\n1月 哈尔滨 66 长春 57'
    claimed |= in_tables
    for mention in doc.mentions:
        if mention.number_start in claimed:
            unmapped_end, previous = -1, None
            continue
        paragraph_start = doc.paragraph_start(mention.start)
        if (
            mention.start not in respective
            and unmapped_end >= 0
            and LIST_GLUE.match(doc.text[unmapped_end : mention.start])
        ):
            # '处置和贮存分别占比21.2%和30.7%': the list of an unclaimed number is unclaimed
            reading = Reading(unmapped(doc, mention, ""))
        else:
            memory = ReadSoFar(previous, goals.get(paragraph_start),
                               respective.get(mention.start), last_unmapped_end,
                               stated.get(paragraph_start, ()))  # fmt: skip
            reading = read_number(clause_at(doc, mention, memory))
        if reading.goal is not None:
            goals[paragraph_start] = reading.goal
        if reading.respective is not None:
            respective = {**respective, **reading.respective} if reading.respective else {}
        extra += reading.extra
        record = reading.record
        unmapped_end = mention.end if isinstance(record, Unmapped) else -1
        if isinstance(record, Fact):
            facts.append(record)
            said = (record.indicator_code, record.kind, mention.end)
            stated[paragraph_start] = (*stated.get(paragraph_start, ()), said)
            name = "" if record.indicator_code else record.indicator_name_zh
            sign = -1 if record.value < 0 else 1
            previous = Previous(mention.end, record.kind, record.indicator_code, sign, name,
                                record.region_code)  # fmt: skip
        else:
            last_unmapped_end = mention.end
            previous = None
            if record is not None:
                unclaimed.append(record)
    facts += extra + listed + tabled + verbal_facts(doc) + zero_counts(doc)
    facts = first_statements(sorted(facts, key=lambda f: (f.char_start, f.char_end)))
    return without_bounds_of_exact(facts), unclaimed


def extract(text: str, province: str | None = None, year: int | None = None,
            is_plan: bool | None = None, lex: Lexicon | None = None,
            period_code: str | None = None) -> Extraction:  # fmt: skip
    """Every quantitative fact of one document. province (a GB/T 2260 code: the document's
    province, or the prefecture or county a city's document speaks of), year and is_plan
    override what the text says about itself; period_code names a part-year release
    ('2024-01..2024-03'), the period of its figures of that year."""
    folded = drop_marks(read_respectively(restore_separators(fold(text))))
    inferred = infer(folded.text)
    context = DocumentContext(
        region_code=document_region(province, inferred),
        year=year or inferred.year,
        is_plan=inferred.is_plan if is_plan is None else is_plan,
        period_code=period_code,
        reported_year=inferred.reported_year,
    )
    facts, unclaimed = read(Document(folded, context, lex or lexicon()))
    return Extraction(text, facts, unclaimed, context)
