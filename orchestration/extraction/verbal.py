"""Facts stated without digits: a goal in words next to a share ('实现全覆盖' = 100 %,
'无劣Ⅴ类水体断面' = 0 %), and in a report, none of a count of days or events ('无严重污染天数',
'连续7年零事故' = 0) or of a bad share, said before or after its name ('无劣Ⅴ类断面',
'劣Ⅴ类水体清零').

What belongs here: finding those words around an indicator's name (maps/cues.yml:
verbal_values) and the 零 that finishes a count's name. Each such statement becomes a fact like
any other (assembly.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from orchestration.extraction.aliases import Alias
from orchestration.extraction.assembly import build, open_vocabulary
from orchestration.extraction.clause import ReadSoFar, clause_at
from orchestration.extraction.cues import cues
from orchestration.extraction.facts import Fact
from orchestration.extraction.guards import SECTION_FIGURES
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.quantities import Mention
from orchestration.extraction.reading import CLAUSE_BREAK, Document, no_break
from orchestration.extraction.scope import LISTED, network, period, region
from orchestration.extraction.subjects import elided_subject
from orchestration.extraction.subsets import part_named
from orchestration.registry.catalogue import Indicator

VERBAL_GAP = 4  # the most words between a share's name and the words that state its value
ZERO = "零"
_ZERO_TAIL = re.compile(r"[^,;:。、()\n\d零]{1,4}")  # the words after 零 that finish a name


def verbal_facts(doc: Document) -> list[Fact]:
    """Goals stated in words next to a share: '实现全覆盖' (100%), '无劣Ⅴ类水体断面' (0%);
    a count of days stated to be none: '无严重污染天数' (0 days)."""
    facts = []
    text, the_cues = doc.text, cues()
    for alias in doc.aliases:
        indicator = doc.lex.indicators[alias.code]
        if indicator.unit_code == "day" and not doc.context.is_plan:
            facts += _none_stated(doc, alias, indicator)
        if _a_share_of_the_bad(indicator) and not doc.context.is_plan:
            facts += _none_stated(doc, alias, indicator)  # '…,无劣Ⅴ类断面。' = 0 %
        if indicator.unit_code != "pct":
            continue
        sentence_start, _ = doc.sentence(alias.start)
        before = text[sentence_start : alias.start]
        paragraph = text[doc.paragraph_start(alias.start) : alias.start]
        if not (the_cues.is_target_clause(before) or doc.context.is_plan):
            continue
        for value, start, end in _verbal_spans(doc, alias):
            mention = Mention(start, end, start, end, value, "pct", None, "=")
            period_code = period(doc, mention, "target", before, paragraph)
            facts.append(build(doc, mention, alias, indicator, "target", None, period_code,
                               region(doc, alias.start, sentence_start)))  # fmt: skip
    return facts


def zero_counts(doc: Document) -> list[Fact]:
    """'核与辐射安全领域连续7年零事故': 零 + words that finish a count's name begun in the
    clause (核与辐射安全领域…事故) state 0 of it."""
    text, lex, facts = doc.text, doc.lex, []
    for found in re.finditer(ZERO, text):
        tail = _ZERO_TAIL.match(text[found.end() :])
        if tail is None or doc.context.is_plan:
            continue
        sentence_start, _ = doc.sentence(found.start())
        clause_start = doc.clause_start(found.start(), sentence_start)
        alias = None
        for end in range(found.start(), clause_start + 1, -1):
            for cut in range(len(tail.group()), 0, -1):
                code = lex.aliases.get(text[clause_start:end] + tail.group()[:cut])
                if code and lex.indicators[code].unit_code == "count":
                    alias = Alias(clause_start, found.end() + cut, code)
                    break
            if alias:
                break
        if alias is None:
            continue
        indicator = lex.indicators[alias.code]
        mention = Mention(found.start(), found.end(), found.start(), found.end(), 0.0,
                          "count", None, "=")  # fmt: skip
        before = text[sentence_start : found.start()]
        paragraph = text[doc.paragraph_start(found.start()) : found.start()]
        period_code = period(doc, mention, "actual", before, paragraph)
        region_code = region(doc, alias.start, sentence_start, mention)
        if region_code != LISTED:
            facts.append(build(doc, mention, alias, indicator, "actual", None, period_code,
                               region_code))  # fmt: skip
    return facts


def _a_share_of_the_bad(indicator: Indicator) -> bool:
    """A share where lower is better ('劣Ⅴ类断面比例'): '无劣Ⅴ类断面' states 0 % of it."""
    return indicator.unit_code == "pct" and indicator.higher_is_better is False


def _other_network(doc: Document, start: int, sentence_start: int) -> bool:
    """The sentence speaks of sections of another network than the region's assessed ones
    ('地表水省控断面…', '省考核的380个断面') or of one water body ('长江干流…')."""
    said = doc.text[sentence_start:start]
    the_cues = cues()
    if any(word in said for word in the_cues.provincial_network_words + the_cues.water_body_words):
        return True
    return network(doc, start, sentence_start) not in (None, "national")


def _none_stated(doc: Document, alias: Alias, indicator: Indicator) -> list[Fact]:
    text = doc.text
    list_start, list_end = _coordinated_list(doc, alias)  # '无Ⅴ类和劣Ⅴ类水质断面': both none
    word = next((w for w in cues().none_before_alias if text.endswith(w, 0, list_start)),
                None)  # fmt: skip
    after = text[list_end : list_end + 1]
    # '国控断面劣Ⅴ类水体清零', '劣Ⅴ类水体持续为0': none, said after the name
    said_after = next((w for w in cues().none_after_alias if text.startswith(w, list_end)), None)
    if said_after is not None and word is None:
        start, end = list_start, list_end + len(said_after)
    elif word is None or (after and after not in CLAUSE_BREAK):
        return []  # '无严重污染天数比例…' is no statement that there were none
    else:
        start, end = list_start - len(word), alias.start
    sentence_start, _ = doc.sentence(start)
    mention = Mention(start, end, start, end, 0.0, indicator.unit_code, None, "=")
    clause = clause_at(doc, mention, ReadSoFar())
    # '191个省控监测断面…;无劣Ⅴ类断面': the part's figure, under its stated name
    stated = part_named(doc, alias.code, start, text[alias.start : alias.end])
    if (
        not stated
        and alias.code.startswith(SECTION_FIGURES)
        and _other_network(doc, start, sentence_start)
    ):
        return []  # '南水北调东线…22个断面…,无劣Ⅴ类断面': not the region's network
    if not stated and start == sentence_start:
        stated = elided_subject(clause, alias)  # '…监测断面…;Ⅴ类水质比例为0.3%;无劣Ⅴ类水质'
    if stated:
        quoted = replace(mention, end=max(end, alias.end))  # the quote holds the name
        fact = open_vocabulary(replace(clause, mention=quoted), OwnName(stated, start, True))
        return [fact] if isinstance(fact, Fact) else []
    before = text[sentence_start:start]
    paragraph = text[doc.paragraph_start(start) : start]
    period_code = period(doc, mention, "actual", before, paragraph)
    region_code = region(doc, alias.start, sentence_start, mention)
    if region_code == LISTED:
        return []
    return [build(doc, mention, alias, indicator, "actual", None, period_code, region_code)]


def _coordinated_list(doc: Document, alias: Alias) -> tuple[int, int]:
    """Where the list of names that `alias` is an item of begins and ends: names joined one to
    the next by a list word ('Ⅴ类和劣Ⅴ类水质断面': the item 'Ⅴ类' shares the tail of the last
    name), so that a word before the list (无) speaks of every item."""
    joins = cues().grammar.list_joins
    start, end = alias.start, alias.end
    for other in doc.aliases:  # in text order
        if other.start > end and other.start - end == 1 and doc.text[end] in joins:
            end = other.end
    for other in reversed(doc.aliases):
        if other.end < start and start - other.end == 1 and doc.text[other.end] in joins:
            start = other.start
    return start, end


def _verbal_spans(doc: Document, alias: Alias) -> list[tuple[float, int, int]]:
    text, spans, the_cues = doc.text, [], cues()
    for word, value in the_cues.verbal_after_alias:
        found = text.find(word, alias.end, alias.end + VERBAL_GAP + len(word))
        if found >= 0 and no_break(text[alias.end : found]):
            spans.append((value, found, found + len(word)))
            break
    for word, value in the_cues.verbal_before_alias:
        if text.endswith(word, 0, alias.start):
            spans.append((value, alias.start - len(word), alias.start))
            break
    return spans
