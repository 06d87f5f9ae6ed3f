"""Report prose → facts: each number with its indicator, kind, unit, period, region and quote.

How a number finds its indicator, in order: a share of the target stated right after another
figure ('到位资金1129.2亿元,占年度目标任务106.0%') or the share of a count just before ('…达标,
占64.3%'); a name the number interrupts ('督察指出的39个问题'); an indicator named right after it
('51家重点排放单位'), also across the places it counts ('27个县(市、区)实施…农村环境整治项目');
the k-th of k indicators named before '分别' when k values follow it; the nearest indicator named
before it in the same sentence whose unit has the number's dimension — unless the number states
a name of its own in its clause ('…14.8亿吨,综合利用量8.6亿吨'), which then completes a name said
nearby, lands as an open-vocabulary fact (no code, the stated name kept: 'X为N'), or stays
unmapped; for a goal sentence that names none ('到2035年,达到90%以上'), the indicator of the
previous goal in the paragraph; last, a name that the words before the number complete with a
name said nearby ('EOD项目…,投资1047.21亿元' → EOD项目投资). Guards keep a figure from
borrowing: a percentage-point change only for a share, a qualified generic name claims nothing,
a list of places without 分别/均, a place without a code, a spread over places.

Kind: a rank ('全国第5名'), a change ('同比提高2.8个百分点'), a target (a goal cue in the clause,
or any number of a plan document) or an actual. Region: a city named before the indicator or
opening the clause, the country for 全国, none for a region of several provinces, else the
document's. The cue words are in maps/cues.yml, the indicators in lexicon/*.yml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from orchestration.extraction.cues import cues
from orchestration.extraction.document import DocumentContext, find_regions, infer, region_level
from orchestration.extraction.lexicon import Lexicon, lexicon
from orchestration.extraction.quantities import RANK_UNIT, Mention, find_mentions
from orchestration.parsing.text import FoldedText, fold
from orchestration.parsing.units import IncompatibleUnits, registry
from orchestration.registry.catalogue import Indicator as LexiconIndicator

_SENTENCE_END = re.compile(r"[。;!?\n]")
_CLAUSE_BREAK = set(",、;:。!?\n()")
_LIST_GLUE = re.compile(r"^(?:、|和|及|与|,)$")
_BACKWARD_WINDOW = 40
_FORWARD_GAP = 3
_SCOPE_REACH = 16  # from a count of places to the indicator of what they do
_PLACE_KINDS = re.compile(r"\([^()\d]{1,8}\)")  # 县(市、区)
_UNITLESS_GLUE = (
    "",
    "为",
    "是",
    "达",
    "达到",
    ":",
    "仅为",
    "平均为",
    "均值为",
    "平均值为",
    "年均值为",
)
NATIONAL = "100000"
LISTED = "listed"  # a figure of a list of regions that no 分别 shares out: no one region
# figures counted over a network of water sections (their network decides the indicator)
_SECTION_FIGURES = ("water_sections_", "provincial_sections_")
_SECTIONS_COUNTED = re.compile(r"\d+个[^,;:。\d]{0,16}?断面")
_RANGE_MARKS = set("至~～到-—–")
# a place name the way prose writes one: 2–3 characters and 市/州/盟 ('杭州市', '湘西州')
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:市|州|盟)")


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
    qualifier: str
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Unmapped:
    """A number with a unit that no indicator claimed (for growing the lexicon)."""

    value: float
    unit: str
    quote: str
    char_start: int
    char_end: int
    name: str = (
        ""  # the name the number states for itself, when it has one (envwh extract --suggest)
    )


@dataclass(frozen=True)
class Extraction:
    text: str  # the document as read
    facts: list[Fact]
    unmapped: list[Unmapped]
    context: DocumentContext


@dataclass(frozen=True)
class OwnName:
    """The name a number states for itself in its clause ('综合利用量8.6亿吨')."""

    name: str
    clause_start: int
    copula: bool  # 'X为N', 'X达到N', 'N个X': named clearly enough to land without a code

    @property
    def is_open_vocabulary(self) -> bool:
        return self.copula and self.name not in cues().generic_names


@dataclass(frozen=True)
class _Alias:
    start: int
    end: int
    code: str


def find_aliases(text: str, lex: Lexicon) -> list[_Alias]:
    """Indicator names in folded text, longest first, left to right, never overlapping; a
    coordinated list that shares the tail of a name ('战略性新兴产业、高技术制造业、装备制造业
    增加值…贡献率') names one indicator per item."""
    found, pos = [], 0
    while pos < len(text):
        hit = lex.match_at(text, pos)
        if hit is None or _inside_class_range(text, pos):
            pos += 1
            continue
        end, code = hit
        found += _coordinated(text, pos, end, lex, found[-1].end if found else 0)
        found.append(_Alias(pos, end, code))
        pos = end
    return found


def _inside_class_range(text: str, pos: int) -> bool:
    """'Ⅰ~Ⅲ类…' (folded 'i~iii类'): the 'iii类…' or 'ii类…' inside it names no class alone."""
    return text[pos] in "iv" and pos > 0 and text[pos - 1] in "iv~-—–至"


def _coordinated(text: str, start: int, end: int, lex: Lexicon, floor: int) -> list[_Alias]:
    """The items before an alias that complete to aliases with its tail: 'A、B、C+tail'."""
    items = []
    cursor = start
    while cursor > floor and text[cursor - 1] in "、和及与":
        head_end = cursor - 1
        head_start = head_end
        while (
            head_start > floor
            and head_start > head_end - 12
            and text[head_start - 1] not in (",、;:。()和及与\n")
        ):
            head_start -= 1
        if head_start == head_end:
            break
        items.insert(0, (head_start, head_end))
        cursor = head_start
    for cut in range(1, end - start):
        tail = text[start + cut : end]
        codes = [lex.aliases.get(text[a:b] + tail) for a, b in items]
        if items and all(codes) and len(set(codes)) == len(codes):
            return [_Alias(a, b, c) for (a, b), c in zip(items, codes, strict=True)]
    if len(items) == 1:  # '声环境质量昼、夜间达标率': the head's last words complete the tail
        a, b = items[0]
        for cut in range(1, end - start):
            tail = text[start + cut : end]
            for head_start in range(b - 1, a - 1, -1):
                code = lex.aliases.get(text[head_start:b] + tail)
                if code and code != lex.aliases.get(text[start:end]):
                    return [_Alias(head_start, b, code)]
    return []


def _list_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """'浓度分别为39、72、11、29、166μg/m3和1.2mg/m3': the numbers of a list opened by 分别 that
    state no unit take the unit of the next number of the list that states one."""
    filled = list(mentions)
    linked = [bool(_LIST_GLUE.match(text[a.end : b.start])) for a, b in pairwise(filled)]
    for index, mention in enumerate(filled):
        if mention.unit_code is not None:
            continue
        first = index
        while first > 0 and linked[first - 1]:
            first -= 1
        if "分别" not in text[max(0, filled[first].start - 6) : filled[first].start]:
            continue
        last = index
        while last < len(linked) and linked[last] and filled[last].unit_code is None:
            last += 1
        unit = filled[last].unit_code
        if unit is not None and unit != RANK_UNIT:
            filled[index] = replace(mention, unit_code=unit)
    return filled


class _Document:
    """One document being read: folded text, its sentences, names and numbers."""

    def __init__(self, folded: FoldedText, context: DocumentContext, lex: Lexicon) -> None:
        self.folded = folded
        self.text = folded.text
        self.context = context
        self.lex = lex
        self.aliases = [a for a in find_aliases(self.text, lex) if not self._qualified(a)]
        self.alias_starts = [a.start for a in self.aliases]
        self.mentions = _list_units(
            self.text, find_mentions(self.text, [(a.start, a.end) for a in self.aliases])
        )
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        province = context.region_code[:2] + "0000" if context.region_code else ""
        self.regions = find_regions(self.text, context.year, province)

    def _qualified(self, alias: _Alias) -> bool:
        """A bare name ('治理率', '投资总额') that other words qualify ('废渣治理率',
        '生态环境治理投资总额') names another figure: it claims nothing."""
        the_cues = cues()
        if self.text[alias.start : alias.end] not in the_cues.bare_aliases or alias.start == 0:
            return False
        before = self.text[max(0, alias.start - 2) : alias.start]
        if not ("\u4e00" <= before[-1] <= "\u9fff"):
            return False
        return not before.endswith(tuple(the_cues.bare_alias_lead_ins))

    def sentence(self, pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_ends, pos)
        start = self.sentence_ends[index - 1] + 1 if index else 0
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.text)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def aliases_between(self, start: int, end: int) -> list[_Alias]:
        first = bisect.bisect_left(self.alias_starts, start)
        last = bisect.bisect_left(self.alias_starts, end)
        return [a for a in self.aliases[first:last] if a.end <= end]


def _dimension(unit_code: str) -> str:
    return registry().get(unit_code).dimension


def _annual(unit_code: str | None, indicator: LexiconIndicator) -> str | None:
    """'年覆盖温室气体排放量约45亿吨二氧化碳': a quantity of a yearly indicator stated without
    '/年' is a yearly rate when the registry has that rate (亿吨二氧化碳 → 亿吨二氧化碳/年)."""
    if unit_code is None or not indicator.unit_code.endswith("_per_year"):
        return unit_code
    per_year = f"{unit_code}_per_year"
    try:
        registry().get(per_year)
    except KeyError:
        return unit_code
    return per_year


def _compatible(indicator: LexiconIndicator, mention: Mention, kind: str) -> bool:
    if mention.unit_code is None or kind == "rank":
        return True
    unit_dimension = _dimension(mention.unit_code)
    if indicator.unit_code.endswith("_per_year") and unit_dimension == "mass":
        return True  # a yearly amount stated without '/年' ('年固碳量3.49亿吨')
    indicator_dimension = _dimension(indicator.unit_code)
    if kind == "change":  # 个百分点 changes a share, never a count ('断面…提升1.3个百分点')
        if unit_dimension == "ratio_change":
            return indicator_dimension == "ratio"
        return unit_dimension in (indicator_dimension, "ratio")
    if unit_dimension == "ratio" and indicator_dimension != "ratio":
        return False
    return unit_dimension == indicator_dimension or (
        unit_dimension == "ratio_change" and indicator_dimension == "ratio"
    )


def _is_name(words: str) -> bool:
    """Words that can name a figure: one clause, no digit, no stray Latin letters (a mirror's
    'SO 浓度' lost its subscript), two Chinese characters besides 类 ('Ⅲ类' is a class)."""
    han = [c for c in words if "\u4e00" <= c <= "\u9fff" and c != "类"]
    latin = any(c.isascii() and c.isalpha() for c in words)
    return _plain(words) and len(han) >= 2 and not latin


def _no_break(text: str) -> bool:
    return not _CLAUSE_BREAK.intersection(text)


def _plain(text: str, length: int | None = None) -> bool:
    """Words of one clause without a digit (and `length` characters long, when given): what may
    stand between, or complete, the parts of a name."""
    full = length is None or len(text) == length
    return full and _no_break(text) and not any(c.isdigit() for c in text)


class _Reader:
    def __init__(self, doc: _Document) -> None:
        self.doc = doc
        self.cues = cues()
        self.last_goal: dict[int, tuple[str, int]] = {}  # paragraph start → (code, mention end)
        # mention start → (end, kind, indicator code) of the fact stated just before it
        self.previous: dict[int, tuple[int, str, str]] = {}
        self.extra: list[Fact] = []  # facts a statement gives a second indicator ('均')
        self.signs: dict[int, int] = {}  # mention end → sign of the change stated there
        # mention start → indicator named for it by '处置和贮存分别占比21.2%和30.7%'
        self.respective: dict[int, _Alias] = {}
        self.open_names: dict[int, str] = {}  # mention end → name of the open-vocabulary fact
        self.last_unmapped_end = -1  # end of the last number left unclaimed

    def read(self) -> tuple[list[Fact], list[Unmapped]]:
        facts, unmapped = [], []
        last: tuple[int, str, str] | None = None
        unmapped_end = -1
        for mention in self.doc.mentions:
            if last is not None:
                self.previous[mention.start] = last
            if mention.start in self.respective:
                fact = self._fact(mention)
            elif unmapped_end >= 0 and _LIST_GLUE.match(
                self.doc.text[unmapped_end : mention.start]
            ):
                # '处置和贮存分别占比21.2%和30.7%': the list of an unclaimed number is unclaimed
                fact = self._unmapped(mention, "")
            else:
                fact = self._fact(mention)
            unmapped_end = mention.end if isinstance(fact, Unmapped) else -1
            if fact is None or isinstance(fact, Unmapped):
                self.last_unmapped_end = mention.end
            if isinstance(fact, Fact):
                facts.append(fact)
                last = (mention.end, fact.kind, fact.indicator_code)
                if not fact.indicator_code:
                    self.open_names[mention.end] = fact.indicator_name_zh
                self.signs[mention.end] = -1 if fact.value < 0 else 1
            else:
                last = None
                if fact is not None:
                    unmapped.append(fact)
        facts += self.extra + self._verbal_facts() + self._zero_counts()
        return _first_statements(sorted(facts, key=lambda f: (f.char_start, f.char_end))), unmapped

    # -- kind ---------------------------------------------------------------------------------
    def _kind(self, mention: Mention, clause: str, after: str) -> tuple[str, int | None]:
        """(kind, baseline year) of a number whose clause text before it is `clause`."""
        the_cues = self.cues
        if mention.unit_code == RANK_UNIT:
            return "rank", None
        before = self.doc.text[: mention.number_start]
        before = before[: len(before) - (mention.number_start - mention.start)] or before
        is_goal = the_cues.is_target_clause(clause) or any(
            after.startswith(w) for w in the_cues.target_after
        )
        baseline = the_cues.baseline_year(clause)
        direction = the_cues.direction(self.doc.text[: mention.start])
        is_change = mention.unit_code == "pp" or (
            direction is not None and not the_cues.is_level(self.doc.text[: mention.start])
        )
        if is_change and not is_goal:
            return "change", baseline
        if self._continues_change(mention):
            return "change", baseline
        if is_goal:
            return "target", baseline
        if self.doc.context.is_plan and not self._states_existing(clause):
            return "target", baseline
        return "actual", None

    def _states_existing(self, clause: str) -> bool:
        """'依托…2个国家级基地': the clause of the number speaks of what exists."""
        last_break = max(clause.rfind(c) for c in ",;:")
        return any(word in clause[last_break + 1 :] for word in self.cues.actual_words)

    def _change_sign(self, mention: Mention, indicator: LexiconIndicator | None = None) -> int:
        """+1/-1 of a change: the direction word before it ('改善' is down for an indicator
        where lower is better), or, for an item of a list of changes ('分别下降2.9%、4.0%'),
        the direction of the list's first item."""
        found = self.cues.direction_word(self.doc.text[: mention.start])
        if found is not None:
            word, direction = found
            if word in self.cues.better_words and indicator and indicator.higher_is_better is False:
                return -direction
            return direction
        previous = self.previous.get(mention.start)
        if previous is not None and previous[1] == "change" and self._continues_change(mention):
            return self.signs.get(previous[0], 1)
        return 1

    def _continues_change(self, mention: Mention) -> bool:
        """'新增3个县…、1个县…': a list item after a change is a change too."""
        previous = self.previous.get(mention.start)
        if previous is None or previous[1] != "change":
            return False
        gap = self.doc.text[previous[0] : mention.start]
        return "、" in gap and not set(",;。").intersection(gap)

    # -- indicator ----------------------------------------------------------------------------
    def _forward(self, mention: Mention, kind: str) -> _Alias | None:
        """An indicator named right after the number; a shorter name at the same place may fit
        ('228个国家重要江河湖泊' before '…水质达标率100%')."""
        text = self.doc.text
        for alias in self.doc.aliases_between(mention.end, mention.end + _FORWARD_GAP + 30):
            gap = text[mention.end : alias.start]
            if len(gap) > _FORWARD_GAP or not _plain(gap):
                return None
            if any(word in gap for word in self.cues.forward_gap_blockers):
                return None  # '534个省级地表水…断面': not the indicator the name says
            ends_clause = text[alias.end : alias.end + 1] in _CLAUSE_BREAK | {""}
            if any(noun in gap for noun in self.cues.scope_nouns) and not ends_clause:
                # '4个城市的国家地表水考核断面…排名进入…': cities are no count of sections
                # (but '3个县获评国家生态文明建设示范区、' counts what they became)
                return None
            for end, code in self.doc.lex.matches_at(text, alias.start):
                if _compatible(self.doc.lex.indicators[code], mention, kind):
                    return _Alias(alias.start, end, code)
            return None
        return None

    def _respectively(self, mention: Mention, kind: str, sentence_start: int) -> _Alias | None:
        text = self.doc.text
        anchor = text.rfind("分别", sentence_start, mention.start)
        if anchor < 0 or self.doc.aliases_between(anchor, mention.start):
            return None
        listed = [m for m in self.doc.mentions if anchor < m.start and m.end <= mention.end + 200]
        series: list[Mention] = []
        for candidate in listed:
            if series and not _LIST_GLUE.match(text[series[-1].end : candidate.start]):
                break
            series.append(candidate)
        if mention not in series or len(series) < 2:
            return None
        named: list[_Alias] = []
        for alias in self.doc.aliases_between(sentence_start, anchor):
            indicator = self.doc.lex.indicators[alias.code]
            if _compatible(indicator, mention, kind) and alias.code not in {a.code for a in named}:
                named.append(alias)
        if len(named) != len(series):
            return None
        return named[series.index(mention)]

    def _backward(self, mention: Mention, kind: str, sentence_start: int) -> _Alias | None:
        window_start = max(sentence_start, mention.start - _BACKWARD_WINDOW)
        for alias in reversed(self.doc.aliases_between(window_start, mention.start)):
            if _compatible(self.doc.lex.indicators[alias.code], mention, kind):
                return alias
        return None

    def _indicator(self, mention: Mention, kind: str, sentence_start: int,
                   own: OwnName | None = None) -> _Alias | None:  # fmt: skip
        """Forward, '分别', or backward — but a number with a name of its own only takes an
        indicator named inside its own clause: it never borrows one from the clause before."""
        found = self._forward(mention, kind) or self._respectively(mention, kind, sentence_start)
        if found:
            return found
        backward = self._backward(mention, kind, sentence_start)
        if backward is not None and own is not None and backward.start < own.clause_start:
            return None
        return backward

    def _share_of_target(self, mention: Mention) -> _Alias | None:
        """'到位资金1129.2亿元,占年度目标任务106.0%': the previous figure's share of its target."""
        previous = self.previous.get(mention.start)
        if previous is None or mention.unit_code != "pct":
            return None
        end, _, code = previous
        share_code = self.doc.lex.target_shares.get(code)
        if share_code is None:
            return None
        gap = self.doc.text[end : mention.start]
        for cue in self.cues.share_of_target_before:
            if gap.endswith(cue) and gap[: -len(cue)] in ("", ","):
                return _Alias(mention.start - len(cue), mention.start, share_code)
        return None

    def _wrapped(self, mention: Mention, kind: str) -> _Alias | None:
        """'督察指出的39个问题': a name (督察指出的问题) that the number interrupts."""
        text, lex = self.doc.text, self.doc.lex
        best: _Alias | None = None
        for head_length in range(2, 13):
            head = text[mention.start - head_length : mention.start]
            if not _plain(head, head_length):
                break
            for tail_length in range(1, 9):
                tail = text[mention.end : mention.end + tail_length]
                if not _plain(tail, tail_length):
                    break
                code = lex.aliases.get(head + tail)
                if code and _compatible(lex.indicators[code], mention, kind):
                    wrapped = _Alias(mention.start - head_length, mention.end + tail_length, code)
                    if best is None or wrapped.end - wrapped.start > best.end - best.start:
                        best = wrapped
        return best

    def _across_scope(self, mention: Mention) -> _Alias | None:
        """'4市开展糖企包干处理重点区域蔗叶试点', '支持27个县(市、区)实施一批农村环境整治项目':
        a count of places doing what an indicator that counts such places names."""
        text = self.doc.text
        noun = next(n for n in self.cues.scope_nouns if text.startswith(n, mention.end))
        pos = mention.end + len(noun)
        kinds = _PLACE_KINDS.match(text, pos)
        pos = kinds.end() if kinds else pos
        place = noun.split("(")[0][-1]  # 市, 县, 区, 省 …
        following = self.doc.aliases_between(pos, pos + _SCOPE_REACH)
        if not following:
            return None
        alias, gap = following[0], text[pos : following[0].start]
        indicator = self.doc.lex.indicators[alias.code]
        counts_places = indicator.unit_code == "count" and place in indicator.name_zh
        return alias if counts_places and _plain(gap) else None

    def _share_of_count(self, mention: Mention, sentence_start: int) -> _Alias | None:
        """'218个城市…达标,占64.3%' / '优良水体断面115个,比例为75.2%': the share of the count
        stated just before; '脊椎动物1045种、维管束植物6186种,分别占全国的22.1%和18%': each
        count's share of the country, in order."""
        text, lex = self.doc.text, self.doc.lex
        before = text[sentence_start : mention.start]
        anchor = text.rfind("分别", sentence_start, mention.start)
        after_anchor = text[anchor + 2 : mention.start] if anchor >= 0 else ""
        country = next((w for w in self.cues.share_of_country
                        if before.endswith(w) or after_anchor.startswith(w)), None)  # fmt: skip
        if country is not None:
            floor = anchor if anchor >= 0 else mention.start - len(country)
            counts = [a for a in self.doc.aliases_between(sentence_start, floor)
                      if a.code in lex.shares]  # fmt: skip
            series = self._series(anchor, mention) if anchor >= 0 else [mention]
            if counts and len(series) <= len(counts) and mention in series:
                named = counts[-len(series) :]
                return _Alias(mention.start, mention.start,
                              lex.shares[named[series.index(mention)].code])  # fmt: skip
            return None
        previous = self.previous.get(mention.start)
        if previous is None or previous[0] < sentence_start:
            return None
        end, _, code = previous
        named = [a.end for a in self.doc.aliases_between(end, mention.start) if a.code == code]
        gap = text[max([end, *named]) : mention.start].lstrip(",")
        if code in lex.shares and gap in self.cues.share_after_count:
            return _Alias(mention.start, mention.start, lex.shares[code])
        return None

    def _series(self, anchor: int, mention: Mention) -> list[Mention]:
        """The numbers listed after '分别' ('分别为39、72、11'), up to the list's end."""
        text = self.doc.text
        series: list[Mention] = []
        for candidate in (m for m in self.doc.mentions if anchor < m.start):
            if series and not _LIST_GLUE.match(text[series[-1].end : candidate.start]):
                break
            series.append(candidate)
            if candidate.start > mention.end + 200:
                break
        return series

    def _continued(self, mention: Mention, kind: str, sentence_start: int) -> _Alias | None:
        """'…比例为75.2%,同比改善13.1个百分点': a change right after a figure whose
        indicator no name in the text spells is a change of that figure."""
        code = self._continued_code(mention, sentence_start)
        if not code or not _compatible(self.doc.lex.indicators[code], mention, kind):
            return None
        return _Alias(mention.start, mention.start, code)

    def _continued_code(self, mention: Mention, sentence_start: int) -> str | None:
        """The code ('' for an open-vocabulary figure) of the figure a change continues."""
        previous = self.previous.get(mention.start)
        if previous is None or previous[0] < sentence_start or previous[1] == "rank":
            return None
        gap = self.doc.text[previous[0] : mention.start]
        if not gap.startswith(",") or not _plain(gap[1:]):
            return None
        return previous[2]

    def _network(self, pos: int, sentence_start: int) -> str | None:
        """Which sections a water figure is counted over: the last count of sections named
        before it in the sentence ('534个省级…断面中'): national, provincial, other, or None
        when the sentence names none."""
        text = self.doc.text
        counted = list(_SECTIONS_COUNTED.finditer(text, sentence_start, pos))
        if not counted:
            return None
        last = counted[-1]
        phrase = text[self._clause_start(last.start(), sentence_start) : last.end()]
        if any(word in phrase for word in self.cues.provincial_network_words):
            return "provincial"
        if phrase.startswith("省") and not phrase.startswith("省会"):
            return "provincial"
        if any(word in phrase for word in self.cues.national_network_words):
            return "national"
        return "other"

    def _respective_heads(self, mention: Mention, sentence_start: int, own: OwnName,
                          kind: str) -> None:  # fmt: skip
        """'一般工业固体废物综合利用量占…48.0%,处置和贮存分别占比21.2%和30.7%': each head of a
        coordinated own name, completed with the subject of a name said before in the sentence
        (一般工业固体废物 + 处置 + 量占比), names the number of its place in the list."""
        found = re.fullmatch(r"(.+?)分别(占比|占|为|是|达)?", own.name)
        anchor = self.doc.text.rfind("分别", own.clause_start, mention.start)
        if found is None or anchor < 0:
            return
        heads = re.split("和|、|及|与", found.group(1))
        series = self._series(anchor, mention)
        if len(heads) != len(series) or series[0] is not mention:
            return
        share = found.group(2) in ("占比", "占")
        earlier = self.doc.aliases_between(sentence_start, own.clause_start)
        for head, item in zip(heads, series, strict=True):
            endings = ["量占比", "占比", "量占利用处置总量"] if share else ["量", ""]
            alias = self._completed(head, endings, earlier, item, kind)
            if alias is None:
                self.respective.clear()
                return
            self.respective[item.start] = alias

    def _completed(self, head: str, endings: list[str], earlier: list[_Alias], mention: Mention,
                   kind: str) -> _Alias | None:  # fmt: skip
        lex = self.doc.lex
        for alias in reversed(earlier):
            name = self.doc.text[alias.start : alias.end]
            for cut in range(len(name) - 1, 1, -1):
                for ending in endings:
                    code = lex.aliases.get(name[:cut] + head + ending)
                    if code and _compatible(lex.indicators[code], mention, kind):
                        return _Alias(mention.start, mention.start, code)
        return None

    def _in_range(self, mention: Mention) -> bool:
        """'范围在92.9%至64.2%之间', '介于2.1%~28.3%': a bound of a spread over places."""
        text = self.doc.text
        after = text[mention.end : mention.end + 2]
        before = text[max(0, mention.start - 2) : mention.start]
        opens = after[:1] in _RANGE_MARKS and after[1:2].isdigit()
        closes = before[-1:] in _RANGE_MARKS and (before[:1].isdigit() or before[:1] == "%")
        return opens or closes

    def _changes_unclaimed(self, mention: Mention, sentence_start: int) -> bool:
        """The figure a change follows (',同比上升7.5%') was left unclaimed."""
        end = self.last_unmapped_end
        if end < sentence_start or end > mention.start:
            return False
        gap = self.doc.text[end : mention.start]
        return gap.startswith(",") and _plain(gap[1:])

    def _unknown_place(self, name_start: int, sentence_start: int, counts: bool = False) -> bool:
        """A city or prefecture the region reference does not know, named as the subject
        ('杭州市PM2.5浓度…') or opening the clause: its code cannot be given, so no guess."""
        text = self.doc.text
        clause_start = self._clause_start(name_start, sentence_start, breaks=",;:。\n")
        for window in (text[max(clause_start, name_start - 6) : name_start],
                       text[clause_start : clause_start + 6]):  # fmt: skip
            for found in _PLACE_NAME.finditer(window):
                place = found.group()
                if any(word in place for word in self.cues.not_a_place_name):
                    continue
                listed = window[found.end() : found.end() + 1] in ("、", "和", "及", "与") or (
                    window[found.start() - 1 : found.start()] in ("、", "和")
                )
                if listed and counts:
                    continue  # '湘西州、张家界市…8个城市': places that scope a count
                if not any(self.doc.text[s:e] == place for s, e, _ in self.doc.regions):
                    return True
        return False

    def _unmapped(self, mention: Mention, name: str) -> Unmapped:
        sentence_start, _ = self.doc.sentence(mention.start)
        start, end = self.doc.folded.span(mention.start, mention.end)
        quote = self.doc.text[sentence_start : mention.end]
        return Unmapped(mention.value, mention.unit_code or "", quote, start, end, name)

    def _partial_subject(self, mention: Mention, sentence_start: int) -> bool:
        clause = self.doc.text[self._clause_start(mention.start, sentence_start) : mention.start]
        return any(word in clause for word in self.cues.partial_subject_words)

    def _split_name(self, mention: Mention, kind: str, sentence_start: int,
                    own: OwnName | None = None) -> _Alias | None:  # fmt: skip
        """The words right before the number finish a name said nearby in the sentence:
        'EOD项目…,投资1047.21亿元' (EOD项目投资), '专项资金1.05亿元支持…农村环境整治项目'
        (农村环境整治专项资金)."""
        text, lex = self.doc.text, self.doc.lex
        _, sentence_end = self.doc.sentence(mention.start)
        reach = mention.start - sentence_start if own is not None else _BACKWARD_WINDOW
        nearby = self.doc.aliases_between(
            max(sentence_start, mention.start - reach),
            min(sentence_end, mention.end + _BACKWARD_WINDOW),
        )
        nearby.sort(key=lambda a: min(abs(a.end - mention.start), abs(a.start - mention.end)))
        words = [text[mention.start - n : mention.start] for n in range(2, 7)]
        if own is not None:  # the number's own name completes, whole or by its last 4+ words
            heads = tuple(self.cues.completing_heads)
            words = [own.name[-n:] for n in range(len(own.name), 3, -1)] + [own.name]
            words += [h for h in heads if len(h) >= 3 and own.name.endswith(h)]  # 总面积
            words = [w for w in dict.fromkeys(words) if w.endswith(heads)]
        for word in words:
            word_length = len(word)
            if not _plain(word):
                break
            for alias in nearby:
                if alias.start < mention.end and alias.end > mention.start - word_length:
                    continue
                name = text[alias.start : alias.end]
                for cut in range(len(name), 1, -1):
                    code = lex.aliases.get(name[:cut] + word)
                    if code == alias.code:
                        continue  # '…优良天数比例达73.4%,其中达到优的天数比例': not the same figure
                    if code and _compatible(lex.indicators[code], mention, kind):
                        if alias.end <= mention.start:
                            return _Alias(alias.start, mention.start, code)
                        return _Alias(mention.start - word_length, alias.end, code)
        return None

    # -- period and region ----------------------------------------------------------------------
    def _period(self, mention: Mention, kind: str, clause: str, paragraph: str) -> str:
        the_cues, year = self.cues, None
        if kind == "target":
            year = the_cues.target_year(clause) or the_cues.target_year(paragraph)
            if year is None:
                year = self.doc.context.year
        else:
            year = the_cues.bound_year(self.doc.text[: mention.start])
            if year is None and any(p.search(clause) for p in the_cues.several_years_patterns):
                return ""
            if year is None:
                ceiling = self.doc.context.year
                years = [y for y in the_cues.context_years(clause) if not ceiling or y <= ceiling]
                year = years[-1] if years else ceiling
            if year and year == self.doc.context.year and self.doc.context.period_code:
                return self.doc.context.period_code
        return str(year) if year else ""

    def _region(self, alias_start: int, sentence_start: int, mention: Mention | None = None) -> str:
        """Whose figure: a region of several provinces without a code ('汾渭平原…': none); a
        prefecture or county named right before the indicator ('南宁市环境空气质量') or
        opening the number's clause ('柳州市连续四年排名第1'); the country when 全国 scopes
        the clause ('全国平均水平(87.9%)'); else the document's region."""
        text = self.doc.text
        if mention is not None:
            listed = self._listed_regions(alias_start, sentence_start)
            if (
                len(listed) >= 2
            ):  # '京津冀及周边地区、长三角地区、汾渭平原…分别…', '厦门市、福州市…分别'
                anchor = text.rfind("分别", alias_start, mention.start)
                series = self._series(anchor, mention) if anchor >= 0 else []
                if len(series) == len(listed) and mention in series:
                    return listed[series.index(mention)]
                return LISTED
        for word in self.cues.regions_without_code:
            found = text.rfind(word, sentence_start, alias_start)
            if found >= 0 and _no_break(text[found + len(word) : alias_start].replace("、", "")):
                return ""
        for start, end, code in reversed(self.doc.regions):
            if end <= alias_start and start >= sentence_start:
                gap = self.doc.text[end:alias_start]
                near = _no_break(gap) and len(gap) <= 8 and not re.search(r"\d|等", gap)
                if near and not self._in_list(start, end):
                    return code
                break
        if mention is not None:
            clause_start = self._clause_start(mention.start, sentence_start, breaks=",;:。\n")
            opening = self._opening_region(clause_start, mention.start)
            if opening:
                return opening
            if self._national_scope(clause_start, mention.start):
                return NATIONAL
            if mention.unit_code != RANK_UNIT and self._after_region_without_code(mention.start):
                return ""
        return self.doc.context.region_code or ""

    def _after_region_without_code(self, pos: int) -> bool:
        """'京津冀及周边地区…平均优良天数比例为63.5%…;PM2.5浓度为51微克/立方米': a figure
        said after a region of several provinces, in the same sentence (to the 。), with no
        other place named since, is that region's."""
        text = self.doc.text
        start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
        found = max(((text.rfind(w, start, pos), w) for w in self.cues.regions_without_code),
                    default=(-1, ""))  # fmt: skip
        if found[0] < 0 or text[found[0] - 1 : found[0]] == "在":
            return False  # '在京津冀及周边地区排名第二': the group ranked in, not the subject
        since = text[found[0] + len(found[1]) : pos]
        named = any(start <= s and e <= pos and s >= found[0] + len(found[1])
                    for s, e, _ in self.doc.regions)  # fmt: skip
        return not named and not re.search("全国|全省|全区|全市", since)

    def _listed_regions(self, alias_start: int, sentence_start: int) -> list[str]:
        """The codes ('' for a region of several provinces) of a list of regions ending right
        before the indicator ('厦门市、福州市环境空气质量…'), in order; [] when there is none."""
        text, codes, pos = self.doc.text, [], alias_start
        spans = [(s, e, c) for s, e, c in self.doc.regions if e <= alias_start]
        spans += [(m.start(), m.end(), "") for w in self.cues.regions_without_code
                  for m in re.finditer(re.escape(w), text[:alias_start])]  # fmt: skip
        while pos > sentence_start:
            ends = (pos, pos - 1) if text[pos - 1 : pos] == "的" else (pos,)
            item = next((sp for sp in spans if sp[1] in ends), None)
            if item is None:
                break
            codes.insert(0, item[2])
            pos = item[0]
            if text[pos - 1 : pos] not in ("、", "和", "及", "与"):
                break
            pos -= 1
        return codes

    def _in_list(self, start: int, end: int) -> bool:
        """'湘西州、张家界市…8个城市': a region of a list scopes a count, it is no subject."""
        text = self.doc.text
        return text[end : end + 1] in ("、", "和", "及", "与") or text[start - 1 : start] == "、"

    def _opening_region(self, clause_start: int, number_start: int) -> str | None:
        for start, end, code in self.doc.regions:
            if start < clause_start:
                continue
            if start >= number_start:
                break
            lead = self.doc.text[clause_start:start]
            if region_level(code) not in ("province", "prefecture"):
                break  # a county's name is often a word ('城区', '矿区'): only right before a name
            if lead in ("", "全国", "其中") and not self._in_list(start, end):
                return code if code != self.doc.context.region_code else None
            break
        return None

    def _national_scope(self, clause_start: int, number_start: int) -> bool:
        text = self.doc.text
        if self.doc.context.region_code == NATIONAL:
            return False
        found = text.rfind("全国", clause_start, number_start)
        if found < 0:
            return False
        if found != clause_start and not text.startswith("全国平均", found):
            return False  # '全区列入全国…平台的设区市': 全国 qualifies a noun, not the figure
        before, after = text[max(0, found - 3) : found], text[found + 2 : found + 6]
        return not (
            before.endswith(tuple(self.cues.national_scope_not_after))
            or after.startswith(tuple(self.cues.national_scope_not_before))
            or after.startswith("的")  # '占全国的'
        )

    def _clause_start(self, pos: int, floor: int, breaks: str = ",;:。、\n") -> int:
        """Where the clause of text[pos] begins; breaks inside parentheses do not count
        ('海域水质优良(一类、二类)面积比例为91.3%')."""
        text, depth = self.doc.text, 0
        for index in range(pos - 1, floor - 1, -1):
            char = text[index]
            if char == ")":
                depth += 1
            elif char == "(":
                depth = max(depth - 1, 0)
            elif char in breaks and depth == 0:
                return index + 1
        return floor

    # -- own names and open vocabulary ---------------------------------------------------------
    def _own_name(self, mention: Mention, sentence_start: int) -> OwnName | None:
        """The name a number states for itself in its own clause: 'X为N' / 'X N' before it, or
        'N个X' after it when the number opens its clause. None when the clause only points
        back ('同比下降9.1%', '比例为75.2%') or a lexicon name stands in it."""
        text, the_cues = self.doc.text, self.cues
        # a list of modifiers ('行业领军、…和专精特新企业11家') is one clause here
        clause_start = self._clause_start(mention.start, sentence_start, breaks=",;:。\n")
        words = text[clause_start : mention.start]
        if any(c.isdigit() for c in words) and "、" in words:  # '…13.1个百分点、改善幅度全国第一'
            clause_start += words.rfind("、") + 1
            words = text[clause_start : mention.start]
        if mention.unit_code == RANK_UNIT and (
            words.startswith("在") or words.endswith(("城市", "省份", "地区", "国家"))
        ):
            return None  # '在京津冀及周边地区排名第二', '省会城市第6名': the group, not a name
        if self.doc.aliases_between(clause_start, mention.start):
            return None
        copula = False
        for glue in the_cues.copulas:
            if words.endswith(glue):
                words, copula = words[: -len(glue)], True
                break
        words = re.sub(r"(?:比|较|相比|与)(?:19|20)\d\d年(?:相比)?", "", words)
        for pattern in the_cues.own_name_time_patterns:
            words = pattern.sub("", words)
        changed = True
        while changed:
            changed = False
            for word in the_cues.own_name_scope_words:
                if words.startswith(word) or words.endswith(word):
                    words = (
                        words.removeprefix(word) if words.startswith(word) else words[: -len(word)]
                    )
                    changed = True
            for word, _ in the_cues.directions:
                if words.endswith(word):
                    words, changed = words[: -len(word)], True
        words = self._without_regions(words.rstrip("("))
        borrowing = words in the_cues.borrowing_names or words.endswith(
            tuple(the_cues.borrowing_suffixes)
        )
        if _is_name(words) and not borrowing:
            return OwnName(words, clause_start, copula or mention.unit_code == RANK_UNIT)
        if words or mention.unit_code not in ("count", None):
            return None
        after = re.match(r"[^,;:。、()\n\d]{2,14}", text[mention.end :])  # '93个参与评价'
        if after is None:
            return None
        name = after.group().removesuffix("中").removesuffix("的")
        # '9个设区城市空气质量优良天数比例…': the places a figure is taken over, not a count
        holds_name = any(
            self.doc.lex.indicators[code].unit_code != "count"
            for i in range(len(name))
            for _, code in self.doc.lex.matches_at(name, i)
        )
        if (
            self._names_places(name)
            or name.startswith(("个", "家"))
            or holds_name
            or "城市" in name
        ):
            name = ""  # '14个地级城市…': the scope of a statement
        if not _is_name(name) or name in the_cues.borrowing_names or self.doc.lex.match_at(name, 0):
            return None
        return OwnName(name, clause_start, True)

    def _without_regions(self, words: str) -> str:
        for start, end, _ in self.doc.regions:
            name = self.doc.text[start:end]
            if words.startswith(name):
                return words[len(name) :]
        return words

    def _open_vocabulary(self, mention: Mention, own: OwnName, kind: str, baseline: int | None,
                         clause: str, paragraph: str) -> Fact | Unmapped:  # fmt: skip
        """A clearly named figure no lexicon entry claims: no code, the stated name kept."""
        sentence_start, _ = self.doc.sentence(mention.start)
        region = self._region(mention.start, sentence_start, mention)
        if region == LISTED:
            return self._unmapped(mention, own.name)
        value = mention.value
        if kind == "change" and self._change_sign(mention) == -1:
            value = -value
        unit = mention.unit_code or ""
        char_start, char_end = self.doc.folded.span(min(own.clause_start, mention.start),
                                                    mention.end)  # fmt: skip
        return Fact(
            indicator_code="", indicator_name_zh=own.name, kind=kind, value=value, unit=unit,
            value_canonical=value, canonical_unit=unit, comparator=mention.comparator,
            period=self._period(mention, kind, clause, paragraph),
            region_code=region,
            baseline_year=str(baseline or ""), qualifier=mention.qualifier or "",
            quote=self.doc.folded.original[char_start:char_end], char_start=char_start,
            char_end=char_end,
        )  # fmt: skip

    # -- assembling -----------------------------------------------------------------------------
    def _fact(self, mention: Mention) -> Fact | Unmapped | None:
        doc, text = self.doc, self.doc.text
        sentence_start, _ = doc.sentence(mention.start)
        paragraph_start = doc.paragraph_start(mention.start)
        clause = text[sentence_start : mention.start]
        paragraph = text[paragraph_start : mention.start]
        after = text[mention.end : mention.end + 8]
        kind, baseline = self._kind(mention, clause, after)
        forward = (
            self._share_of_target(mention)
            or self._wrapped(mention, kind)
            or self._forward(mention, kind)
        )
        if self._is_scope(mention):
            if mention.unit_code is None:  # '4市开展…': a count of places
                mention = replace(mention, unit_code="count")
                if forward and self.doc.lex.indicators[forward.code].unit_code != "count":
                    forward = None
            forward = forward or self._across_scope(mention)
            if forward is None:
                return None
        # a goal's name may follow it ('完成国家下达的95%以上的考核目标'): goals keep the old rules
        own = None if forward or kind == "target" else self._own_name(mention, sentence_start)
        if own is not None and not forward:
            self._respective_heads(mention, sentence_start, own, kind)
        forward = forward or self.respective.get(mention.start)
        if forward is not None:
            own = None
        alias = (
            forward
            or self._indicator(mention, kind, sentence_start, own)
            or self._split_name(mention, kind, sentence_start, own)
        )
        if mention.unit_code == "pct":
            alias = self._share_of_count(mention, sentence_start) or alias
        if alias is None and kind == "change" and own is None:
            alias = self._continued(mention, kind, sentence_start)
            previous = self.previous.get(mention.start)
            if alias is None and previous and self._continued_code(mention, sentence_start) == "":
                # '水质达到或优于Ⅲ类的比例为87.5%,同比上升8.7个百分点': a change of an
                # open-vocabulary figure keeps its name
                named = self.open_names[previous[0]]
                own = OwnName(named, self._clause_start(mention.start, sentence_start), True)
        if self._partial_subject(mention, sentence_start) or self._in_range(mention):
            alias = (
                None  # '大部分城市的…达到了100%', '范围在92.9%至64.2%之间': no figure of the region
            )
            own = None
        if kind == "change" and own is None and self._changes_unclaimed(mention, sentence_start):
            alias = None  # '…断面占91.6%(unclaimed),同比上升7.5%': the change is as unclaimed
        if alias is not None and self._unknown_place(
            min(alias.start, mention.start), sentence_start, counts=mention.unit_code == "count"
        ):
            alias, own = None, None  # '杭州市PM2.5浓度…' with no code for 杭州市: no guess
        if alias is not None and alias.code.startswith(_SECTION_FIGURES):
            network = self._network(min(alias.start, mention.start), sentence_start)
            variant = doc.lex.indicators[alias.code].provincial_variant
            if network == "provincial":
                alias = replace(alias, code=variant) if variant else None
            elif network == "other":
                alias = None  # '南水北调东线江苏段22个断面…': a network no code stands for
            if alias is None:
                return self._unmapped(mention, own.name if own else "")
        if (
            alias is not None
            and kind == "change"
            and doc.lex.indicators[alias.code].is_reduction
            and mention.unit_code == "pct"
            and self._change_sign(mention) == -1
        ):
            kind = "actual"  # '万元国内生产总值能耗比2021年下降0.1%': the reduction is the value
        if mention.unit_code is None and (alias is None or not self._unitless_ok(alias, mention)):
            return None
        if alias is None and own is not None and own.is_open_vocabulary and kind != "target":
            return self._open_vocabulary(mention, own, kind, baseline, clause, paragraph)
        if (
            alias is None
            and kind == "target"
            and not doc.aliases_between(sentence_start, mention.start)
        ):
            alias = self._carried_goal(mention, paragraph_start, kind)
        if alias is None:
            if own is None and kind == "target":
                own = self._own_name(mention, sentence_start)
            return self._unmapped(mention, own.name if own else "")
        indicator = doc.lex.indicators[alias.code]
        if kind == "target":
            self.last_goal[paragraph_start] = (alias.code, mention.end)
        partner = self._both(alias, mention, kind)
        first_named = min(alias.start, partner.start) if partner else alias.start
        region = self._region(first_named, sentence_start, mention)  # 桂林市A和B均…: both 桂林's
        if region == LISTED:
            if mention.unit_code == "count":
                region = self.doc.context.region_code or ""  # '湘西州、张家界市…8个城市'
            elif re.search("均|都", text[alias.end : mention.start]):
                # '南宁市、柳州市…优良天数比率均为98.1%': the value of each place listed
                listed = [c for c in self._listed_regions(first_named, sentence_start) if c]
                period = self._period(mention, kind, clause, paragraph)
                facts = [self._build(mention, alias, indicator, kind, baseline, period, code)
                         for code in listed]  # fmt: skip
                if not facts:
                    return self._unmapped(mention, "")
                self.extra += facts[1:]
                return facts[0]
            else:
                return self._unmapped(mention, "")  # whose figure, of the places listed?
        period = self._period(mention, kind, clause, paragraph)
        if partner is not None:
            partner_indicator = doc.lex.indicators[partner.code]
            self.extra.append(
                self._build(mention, partner, partner_indicator, kind, baseline, period, region)
            )
        return self._build(mention, alias, indicator, kind, baseline, period, region)

    def _both(self, alias: _Alias, mention: Mention, kind: str) -> _Alias | None:
        """'A和B均达到100%': the value belongs to both indicators."""
        text = self.doc.text
        if alias.end > mention.start or not re.search("均|都|皆", text[alias.end : mention.start]):
            return None
        before = [
            a
            for a in self.doc.aliases_between(alias.start - 30, alias.start)
            if text[a.end : alias.start] in ("和", "、", "及", "与")
        ]
        if before and _compatible(self.doc.lex.indicators[before[-1].code], mention, kind):
            return before[-1]
        return None

    def _is_scope(self, mention: Mention) -> bool:
        """'14个设区市', '168个重点城市': a count of places scopes a statement, it is no fact."""
        after = self.doc.text[mention.end : mention.end + 12]
        return mention.unit_code in ("count", None) and self._names_places(after)

    def _names_places(self, words: str) -> bool:
        """Words that open with places ('城市…', '设区市…'), not with a kind ('省级断面')."""
        noun = next((n for n in self.cues.scope_nouns if words.startswith(n)), None)
        return noun is not None and not words[len(noun) :].startswith(
            tuple(self.cues.scope_noun_not_before)
        )

    def _unitless_ok(self, alias: _Alias, mention: Mention) -> bool:
        indicator = self.doc.lex.indicators[alias.code]
        glue = self.doc.text[alias.end : mention.start]
        return glue in _UNITLESS_GLUE and indicator.unit_code in ("pct", "index")

    def _carried_goal(self, mention: Mention, paragraph_start: int, kind: str) -> _Alias | None:
        carried = self.last_goal.get(paragraph_start)
        if carried is None:
            return None
        code, _ = carried
        if not _compatible(self.doc.lex.indicators[code], mention, kind):
            return None
        return _Alias(mention.start, mention.start, code)

    def _build(self, mention: Mention, alias: _Alias, indicator: LexiconIndicator, kind: str,
               baseline: int | None, period: str, region: str) -> Fact:  # fmt: skip
        unit = _annual(mention.unit_code, indicator) or indicator.unit_code
        value = mention.value
        if kind == "change" and self._change_sign(mention, indicator) == -1:
            value = -value
        canonical_unit, canonical = self._canonical(value, unit, indicator, kind)
        first = min(alias.start, mention.start) if alias.end > alias.start else mention.start
        last = max(alias.end, mention.end)
        char_start, char_end = self.doc.folded.span(first, last)
        return Fact(
            indicator_code=indicator.code, indicator_name_zh=indicator.name_zh, kind=kind,
            value=value, unit=unit, value_canonical=canonical, canonical_unit=canonical_unit,
            comparator=mention.comparator, period=period, region_code=region,
            baseline_year=str(baseline or ""), qualifier=mention.qualifier or "",
            quote=self.doc.folded.original[char_start:char_end], char_start=char_start,
            char_end=char_end,
        )  # fmt: skip

    @staticmethod
    def _canonical(value: float, unit: str, indicator: LexiconIndicator,
                   kind: str) -> tuple[str, float]:  # fmt: skip
        if kind == "rank" or (unit in ("pp", "pct") and kind == "change"):
            return unit, value
        try:
            return indicator.unit_code, registry().convert(value, unit, indicator.unit_code)
        except IncompatibleUnits:
            return unit, value

    def _verbal_facts(self) -> list[Fact]:
        """Goals stated in words next to a share: '实现全覆盖' (100%), '无劣Ⅴ类水体断面' (0%);
        a count of days stated to be none: '无严重污染天数' (0 days)."""
        facts = []
        text = self.doc.text
        for alias in self.doc.aliases:
            indicator = self.doc.lex.indicators[alias.code]
            if indicator.unit_code == "day" and not self.doc.context.is_plan:
                facts += self._none_stated(alias, indicator)
            if indicator.unit_code != "pct":
                continue
            sentence_start, _ = self.doc.sentence(alias.start)
            clause = text[sentence_start : alias.start]
            paragraph = text[self.doc.paragraph_start(alias.start) : alias.start]
            if not (self.cues.is_target_clause(clause) or self.doc.context.is_plan):
                continue
            for value, start, end in self._verbal_spans(alias):
                mention = Mention(start, end, start, end, value, "pct", None, "=")
                period = self._period(mention, "target", clause, paragraph)
                facts.append(self._build(mention, alias, indicator, "target", None, period,
                                         self._region(alias.start, sentence_start)))  # fmt: skip
        return facts

    def _zero_counts(self) -> list[Fact]:
        """'核与辐射安全领域连续7年零事故': 零 + words that finish a count's name begun in the
        clause (核与辐射安全领域…事故) state 0 of it."""
        text, lex, facts = self.doc.text, self.doc.lex, []
        for found in re.finditer("零", text):
            tail = re.match(r"[^,;:。、()\n\d零]{1,4}", text[found.end() :])
            if tail is None or self.doc.context.is_plan:
                continue
            sentence_start, _ = self.doc.sentence(found.start())
            clause_start = self._clause_start(found.start(), sentence_start)
            alias = None
            for end in range(found.start(), clause_start + 1, -1):
                for cut in range(len(tail.group()), 0, -1):
                    code = lex.aliases.get(text[clause_start:end] + tail.group()[:cut])
                    if code and lex.indicators[code].unit_code == "count":
                        alias = _Alias(clause_start, found.end() + cut, code)
                        break
                if alias:
                    break
            if alias is None:
                continue
            indicator = lex.indicators[alias.code]
            mention = Mention(found.start(), found.end(), found.start(), found.end(), 0.0,
                              "count", None, "=")  # fmt: skip
            clause = text[sentence_start : found.start()]
            paragraph = text[self.doc.paragraph_start(found.start()) : found.start()]
            period = self._period(mention, "actual", clause, paragraph)
            region = self._region(alias.start, sentence_start, mention)
            if region != LISTED:
                facts.append(self._build(mention, alias, indicator, "actual", None, period, region))
        return facts

    def _none_stated(self, alias: _Alias, indicator: LexiconIndicator) -> list[Fact]:
        text = self.doc.text
        word = next((w for w in self.cues.none_before_alias if text.endswith(w, 0, alias.start)),
                    None)  # fmt: skip
        after = text[alias.end : alias.end + 1]
        if word is None or (after and after not in _CLAUSE_BREAK):
            return []  # '无严重污染天数比例…' is no statement that there were none
        start = alias.start - len(word)
        sentence_start, _ = self.doc.sentence(start)
        mention = Mention(start, alias.start, start, alias.start, 0.0, indicator.unit_code, None,
                          "=")  # fmt: skip
        clause = text[sentence_start:start]
        paragraph = text[self.doc.paragraph_start(start) : start]
        period = self._period(mention, "actual", clause, paragraph)
        region = self._region(alias.start, sentence_start, mention)
        if region == LISTED:
            return []
        return [self._build(mention, alias, indicator, "actual", None, period, region)]

    def _verbal_spans(self, alias: _Alias) -> list[tuple[float, int, int]]:
        text, spans = self.doc.text, []
        for word, value in self.cues.verbal_after_alias:
            found = text.find(word, alias.end, alias.end + 4 + len(word))
            if found >= 0 and _no_break(text[alias.end : found]):
                spans.append((value, found, found + len(word)))
                break
        for word, value in self.cues.verbal_before_alias:
            if text.endswith(word, 0, alias.start):
                spans.append((value, alias.start - len(word), alias.start))
                break
        return spans


def _first_statements(facts: list[Fact]) -> list[Fact]:
    """A document that repeats a statement word for word states one fact: keep the first."""
    seen, kept = set(), []
    for fact in facts:
        # an actual is one fact whatever base its sentence names ('比上年' in a title, '比2021年'
        # in the body)
        baseline = "" if fact.kind == "actual" else fact.baseline_year
        key = (fact.indicator_code, fact.indicator_name_zh if not fact.indicator_code else "",
               fact.kind, fact.value, fact.unit, fact.comparator, fact.period, fact.region_code,
               baseline)  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def extract(text: str, province: str | None = None, year: int | None = None,
            is_plan: bool | None = None, lex: Lexicon | None = None,
            period_code: str | None = None) -> Extraction:  # fmt: skip
    """Every quantitative fact of one document. province (a GB/T 2260 code), year and is_plan
    override what the text says about itself; period_code names a part-year release
    ('2024-01..2024-03'), the period of its figures of that year."""
    folded = fold(text)
    inferred = infer(folded.text)
    context = DocumentContext(
        region_code=province or inferred.region_code,
        year=year or inferred.year,
        is_plan=inferred.is_plan if is_plan is None else is_plan,
        period_code=period_code,
    )
    doc = _Document(folded, context, lex or lexicon())
    facts, unmapped = _Reader(doc).read()
    return Extraction(text, facts, unmapped, context)
