"""Rankings of places each stated with its own figure in parentheses: '按空气质量综合指数由小到
大的顺序依次是:张家口(3.76)、承德(4.71)…和邢台(9.34)', '按PM2.5平均浓度同比下降幅度由大到小的顺序
依次是:保定(下降34.9%)…和邯郸(上升1.0%)', '…11市环境空气质量综合指数均有所下降,其中降幅前3位城市
依次是:晋中市(-22.3%)、…' (the indicator said to fall before, each change with its sign), '…14个城市
浓度均有不同程度下降,下降幅度较大的有永州市(-47.6%)、…' (浓度 said in part: the indicator said
before it in the sentence), a change in % or in 个百分点.

What belongs here: reading such a list whole (maps/cues.yml ranked_list_openers, ranked_list_item,
ranked_list_joins) — the indicator named after 按, and for each item the place's own region and
its figure (a bare number in the indicator's unit; 下降/上升 X% a change of it) — into one fact a
place. The list's numbers are claimed here, so no other reading gives them to the document's
region. A name after 按 that no catalogue spelling claims, and a place the region reference does
not resolve to exactly one region, state nothing (a wrong fact is worse than a missing one).
"""

from __future__ import annotations

from itertools import pairwise

from orchestration.extraction.aliases import Alias
from orchestration.extraction.assembly import build
from orchestration.extraction.cues import cues
from orchestration.extraction.facts import Fact
from orchestration.extraction.quantities import Mention
from orchestration.extraction.reading import Document
from orchestration.extraction.scope import period
from orchestration.parsing.measures import MeasureRefused
from orchestration.parsing.reference import regions

NAME_HEAD = 6  # the most words before it ('全省…')
SIGNS = {"-": -1, "+": 1}  # a change's sign written before its figure


def ranked_lists(doc: Document) -> tuple[list[Fact], set[int]]:
    """The facts of every ranked list of places of the document, and the starts of the numbers
    its lists hold (stated by a list, whether or not a fact could be read from them)."""
    facts: list[Fact] = []
    claimed: set[int] = set()
    for pattern in cues().ranked_list_openers:
        for opening in pattern.finditer(doc.text):
            items = _items(doc, opening.end())
            claimed.update(number_start for number_start, _ in items)
            alias = _indicator(doc, opening.start("name"), opening.end("name")) or _said_before(
                doc, opening.start("name"), opening.end("name")
            )
            if alias is None:
                continue
            change = opening.group("change") is not None
            said = _opening_direction(opening.group("change") or "")
            for number_start, item in items:
                fact = _fact(doc, alias, change, number_start, item, said)
                if fact is not None:
                    facts.append(fact)
    return facts, claimed


def _items(doc: Document, pos: int) -> list[tuple[int, dict[str, str | int | None]]]:
    """The items of the list opening at pos: (start of the number, the item's groups and the
    span of its place)."""
    the_cues, text, items = cues(), doc.text, []
    while True:
        item = the_cues.ranked_list_item.match(text, pos)
        if item is None:
            return items
        groups: dict[str, str | int | None] = {**item.groupdict(), "place_start": item.start(),
                                               "place_end": item.end("place")}  # fmt: skip
        items.append((item.start("value"), groups))
        pos = item.end()
        join = next((w for w in the_cues.ranked_list_joins if text.startswith(w, pos)), None)
        if join is None:
            return items
        pos += len(join)


def _indicator(doc: Document, start: int, end: int) -> Alias | None:
    """The indicator the list is ordered by: the last catalogue name in the words after 按, with
    few words before it and none after it but a tail of ranked_list_name_tails ('空气质量综合指
    数', 'PM2.5平均浓度'); None when no name, or a longer one, is said ('整改任务完成率')."""
    aliases = doc.aliases_between(start, end)
    if not aliases or aliases[-1].start - start > NAME_HEAD:
        return None
    tail = doc.text[aliases[-1].end : end]
    return aliases[-1] if not tail or tail in cues().ranked_list_name_tails else None


def _said_before(doc: Document, start: int, end: int) -> Alias | None:
    """The indicator a list names in part ('14个城市浓度均有不同程度下降,…') or not at all
    ('O3浓度为82…,其余11个市州均有不同程度的上升,…'): the last catalogue name said before it in
    its sentence that ends with the words (PM2.5平均浓度; any, for none), when the words are a
    tail of ranked_list_name_tails; None otherwise."""
    words = doc.text[start:end]
    if words and words not in cues().ranked_list_name_tails:
        return None
    sentence_start, _ = doc.sentence(start)
    said = [a for a in doc.aliases_between(sentence_start, start)
            if doc.text[a.start : a.end].endswith(words)]  # fmt: skip
    return said[-1] if said else None


def place_region(doc: Document, start: int, end: int) -> str:
    """The region of a place named exactly by text[start:end], in the document's year and
    province ('张家口'; '张家口市桥西区': a district named after its city, though 桥西区 alone
    could be several); '' when the words are not wholly region names or name no one region."""
    inside = [(s, e) for s, e, _ in doc.regions if start <= s and e <= end]
    if not inside or inside[0][0] != start or inside[-1][1] != end:
        return ""
    if any(e != s for (_, e), (s, _) in pairwise(inside)):
        return ""
    context = doc.context
    province = context.region_code[:2] + "0000" if context.region_code else ""
    resolution = regions().lookup(doc.text[start:end], context.year, province)
    found = resolution.region
    if resolution.ambiguous or found is None or found.level == "country":
        return ""
    return found.code


def _opening_direction(words: str) -> int | None:
    """The direction a list's opener gives changes that state none ('上升幅度较大的有长沙市
    (31.9%)': +1; maps/cues.yml change_directions), or None."""
    return next((sign for word, sign in cues().directions if word in words), None)


def _fact(doc: Document, alias: Alias, change: bool, number_start: int,
          item: dict[str, str | int | None], said: int | None = None) -> Fact | None:  # fmt: skip
    """One item's fact, or None (an unresolved place, a figure the indicator refuses, a change
    without its direction — its own, or the one its list's opener says — and %)."""
    region_code = place_region(doc, int(item["place_start"] or 0), int(item["place_end"] or 0))
    mention = next((m for m in doc.mentions if m.number_start == number_start), None)
    if not region_code or mention is None:
        return None
    # maps/cues.yml change_directions: 下降 -1, 上升 +1; a sign: '晋中市(-22.3%)'
    words = {**dict(cues().directions), **SIGNS}
    direction = words.get(str(item["direction"])) if item["direction"] else said
    if change != (direction is not None) or change != (item["pct"] is not None):
        return None  # a change names its direction and is a %; a level does neither
    indicator = doc.lex.indicators[alias.code]
    kind = "change" if change else "actual"
    value = Mention(mention.start, mention.end, mention.number_start, mention.number_end,
                    mention.value, mention.unit_code, None, "=")  # fmt: skip
    sentence_start, _ = doc.sentence(mention.start)
    before = doc.text[sentence_start : mention.start]
    paragraph = doc.text[doc.paragraph_start(mention.start) : mention.start]
    period_code = period(doc, value, kind, before, paragraph)
    try:
        return build(doc, value, alias, indicator, kind, None, period_code, region_code,
                     direction or 1)  # fmt: skip
    except MeasureRefused:
        return None
