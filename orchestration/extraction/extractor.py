"""Report prose → facts: each number with its indicator, kind, unit, period, region and quote.

How a number finds its indicator, in order: a share of the target stated right after another
figure ('到位资金1129.2亿元,占年度目标任务106.0%'); a name the number interrupts ('督察指出的
39个问题'); an indicator named right after it ('51家重点排放单位'), also across the places it
counts ('27个县(市、区)实施…农村环境整治项目'); the k-th of k indicators named before '分别'
when k values follow it; the nearest indicator named before it in the same sentence whose unit
has the number's dimension; for a goal sentence that names none ('到2035年,达到90%以上'), the
indicator of the previous goal in the paragraph; last, a name that the words before the number
complete with a name said nearby ('EOD项目…,投资1047.21亿元' → EOD项目投资).

Kind: a rank ('全国第5名'), a change ('同比提高2.8个百分点'), a target (a goal cue in the clause,
or any number of a plan document) or an actual. The cue words are in maps/cues.yml, the
indicators in lexicon/*.yml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from orchestration.extraction.cues import cues
from orchestration.extraction.document import DocumentContext, find_regions, infer
from orchestration.extraction.lexicon import Lexicon, LexiconIndicator, lexicon
from orchestration.extraction.normalize import FoldedText, fold
from orchestration.extraction.quantities import RANK_UNIT, Mention, find_mentions
from orchestration.parsing.units import IncompatibleUnits, registry

_SENTENCE_END = re.compile(r"[。;!?\n]")
_CLAUSE_BREAK = set(",、;:。!?\n()")
_LIST_GLUE = re.compile(r"^(?:、|和|及|与|,)$")
_BACKWARD_WINDOW = 40
_FORWARD_GAP = 3
_SCOPE_REACH = 16  # from a count of places to the indicator of what they do
_PLACE_KINDS = re.compile(r"\([^()\d]{1,8}\)")  # 县(市、区)
_UNITLESS_GLUE = ("", "为", "是", "达", "达到", ":", "仅为")


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


@dataclass(frozen=True)
class Extraction:
    text: str  # the document as read
    facts: list[Fact]
    unmapped: list[Unmapped]
    context: DocumentContext


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
        if hit is None:
            pos += 1
            continue
        end, code = hit
        found += _coordinated(text, pos, end, lex, found[-1].end if found else 0)
        found.append(_Alias(pos, end, code))
        pos = end
    return found


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
    return []


class _Document:
    """One document being read: folded text, its sentences, names and numbers."""

    def __init__(self, folded: FoldedText, context: DocumentContext, lex: Lexicon) -> None:
        self.folded = folded
        self.text = folded.text
        self.context = context
        self.lex = lex
        self.aliases = find_aliases(self.text, lex)
        self.alias_starts = [a.start for a in self.aliases]
        self.mentions = find_mentions(self.text, [(a.start, a.end) for a in self.aliases])
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        province = context.region_code[:2] + "0000" if context.region_code else ""
        self.regions = find_regions(self.text, context.year, province)

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


def _compatible(indicator: LexiconIndicator, mention: Mention, kind: str) -> bool:
    if mention.unit_code is None or kind == "rank":
        return True
    unit_dimension = _dimension(mention.unit_code)
    indicator_dimension = _dimension(indicator.unit_code)
    if kind == "change":
        return unit_dimension in (indicator_dimension, "ratio", "ratio_change")
    if unit_dimension == "ratio" and indicator_dimension != "ratio":
        return False
    return unit_dimension == indicator_dimension or (
        unit_dimension == "ratio_change" and indicator_dimension == "ratio"
    )


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

    def read(self) -> tuple[list[Fact], list[Unmapped]]:
        facts, unmapped = [], []
        last: tuple[int, str, str] | None = None
        for mention in self.doc.mentions:
            if last is not None:
                self.previous[mention.start] = last
            fact = self._fact(mention)
            if isinstance(fact, Fact):
                facts.append(fact)
                last = (mention.end, fact.kind, fact.indicator_code)
            else:
                last = None
                if fact is not None:
                    unmapped.append(fact)
        facts += self.extra + self._verbal_facts()
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

    def _indicator(self, mention: Mention, kind: str, sentence_start: int) -> _Alias | None:
        return (
            self._forward(mention, kind)
            or self._respectively(mention, kind, sentence_start)
            or self._backward(mention, kind, sentence_start)
        )

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

    def _split_name(self, mention: Mention, kind: str, sentence_start: int) -> _Alias | None:
        """The words right before the number finish a name said nearby in the sentence:
        'EOD项目…,投资1047.21亿元' (EOD项目投资), '专项资金1.05亿元支持…农村环境整治项目'
        (农村环境整治专项资金)."""
        text, lex = self.doc.text, self.doc.lex
        _, sentence_end = self.doc.sentence(mention.start)
        nearby = self.doc.aliases_between(
            max(sentence_start, mention.start - _BACKWARD_WINDOW),
            min(sentence_end, mention.end + _BACKWARD_WINDOW),
        )
        nearby.sort(key=lambda a: min(abs(a.end - mention.start), abs(a.start - mention.end)))
        for word_length in range(2, 7):
            word = text[mention.start - word_length : mention.start]
            if not _plain(word, word_length):
                break
            for alias in nearby:
                if alias.start < mention.end and alias.end > mention.start - word_length:
                    continue
                name = text[alias.start : alias.end]
                for cut in range(len(name), 1, -1):
                    code = lex.aliases.get(name[:cut] + word)
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
        return str(year) if year else ""

    def _region(self, alias_start: int, sentence_start: int) -> str:
        """A prefecture or county named right before the indicator ('南宁市环境空气质量')."""
        for start, end, code in reversed(self.doc.regions):
            if end <= alias_start and start >= sentence_start:
                gap = self.doc.text[end:alias_start]
                near = _no_break(gap) and len(gap) <= 8 and not re.search(r"\d|等", gap)
                if near:
                    return code
                break
        return self.doc.context.region_code or ""

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
        alias = (
            forward
            or self._indicator(mention, kind, sentence_start)
            or self._split_name(mention, kind, sentence_start)
        )
        if mention.unit_code is None and (alias is None or not self._unitless_ok(alias, mention)):
            return None
        if (
            alias is None
            and kind == "target"
            and not doc.aliases_between(sentence_start, mention.start)
        ):
            alias = self._carried_goal(mention, paragraph_start, kind)
        if alias is None:
            start, end = doc.folded.span(mention.start, mention.end)
            quote = text[sentence_start : mention.end]
            return Unmapped(mention.value, mention.unit_code or "", quote, start, end)
        indicator = doc.lex.indicators[alias.code]
        if kind == "target":
            self.last_goal[paragraph_start] = (alias.code, mention.end)
        partner = self._both(alias, mention, kind)
        first_named = min(alias.start, partner.start) if partner else alias.start
        region = self._region(first_named, sentence_start)  # 桂林市A和B均…: both are 桂林's
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
        return mention.unit_code in ("count", None) and after.startswith(
            tuple(self.cues.scope_nouns)
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
        unit = mention.unit_code or indicator.unit_code
        value = mention.value
        if kind == "change" and self.cues.direction(self.doc.text[: mention.start]) == -1:
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
        """Goals stated in words next to a share: '实现全覆盖' (100%), '无劣Ⅴ类水体断面' (0%)."""
        facts = []
        text = self.doc.text
        for alias in self.doc.aliases:
            indicator = self.doc.lex.indicators[alias.code]
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
        key = (fact.indicator_code, fact.kind, fact.value, fact.unit, fact.comparator,
               fact.period, fact.region_code, fact.baseline_year)  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def extract(text: str, province: str | None = None, year: int | None = None,
            is_plan: bool | None = None, lex: Lexicon | None = None) -> Extraction:  # fmt: skip
    """Every quantitative fact of one document. province (a GB/T 2260 code), year and is_plan
    override what the text says about itself."""
    folded = fold(text)
    inferred = infer(folded.text)
    context = DocumentContext(
        region_code=province or inferred.region_code,
        year=year or inferred.year,
        is_plan=inferred.is_plan if is_plan is None else is_plan,
    )
    doc = _Document(folded, context, lex or lexicon())
    facts, unmapped = _Reader(doc).read()
    return Extraction(text, facts, unmapped, context)
