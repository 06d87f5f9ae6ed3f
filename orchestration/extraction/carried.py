"""Names a figure takes from the words of its sentence outside its own clause: the verb that
opens a list of things with amounts ('共产生A…万吨,B…万吨'), the thing a sentence is about
('对于X,…'), and what the clause before measured ('夜间区域声环境质量等级为一般,平均等效声级为…').

What belongs here: strategies (pure functions of a Clause, as in strategies.py, which orders
them) that complete a figure's name with such words and name the indicator the lexicon spells
so — never a guess: when the completed name spells nothing, they name nothing.
"""

from __future__ import annotations

import re

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.fitting import compatible
from orchestration.extraction.reading import (
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_REACH,
    RESPECTIVELY,
    plain,
)

NOT_AMOUNTS = ("pct", "pp", "count", "rank", None)  # units of no amount of a thing
# the words a name ends with when it shares out a total ('处置和贮存分别占比'), or an amount
SHARE_ENDINGS = ["量占比", "占比", "量占利用处置总量"]
AMOUNT_ENDINGS = ["量", ""]
_AMOUNT_LIST_SEPARATORS = re.compile("[,、]")  # between the things of a list with amounts
_DIGIT = re.compile(r"\d")
_TOPIC_END = ","  # (folded) ends the topic of a sentence ('对于城市生活垃圾,')
_OF = "的"  # joins places to the name they share ('越城区、柯桥区的优良率')


def amount_of_a_verb(c: Clause) -> Alias | None:
    """'共产生一般工业固体废物2.1亿吨,工业危险废物3900万吨,医疗废物约80万吨': a thing right before
    its amount, in a list of things with amounts that a verb of what was done opens
    (maps/cues.yml amount_verbs), names the indicator thing + verb + 量 (工业危险废物产生量),
    when the lexicon spells one."""
    text, lex, mention = c.text, c.doc.lex, c.mention
    if c.kind != "actual" or mention.unit_code in NOT_AMOUNTS:
        return None
    before = text[c.sentence_start : mention.start]
    verbs = [(before.rfind(v), v) for v in cues().amount_verbs if v in before]
    if not verbs:
        return None
    at, verb = max(verbs, key=lambda found: (found[0] + len(found[1]), len(found[1])))
    *listed, thing = _AMOUNT_LIST_SEPARATORS.split(before[at + len(verb) :])
    if not thing or not plain(thing) or not all(_DIGIT.search(item) for item in listed):
        return None  # the thing has a digit, or the words before it are no list of amounts
    spelled = (lex.aliases.get(thing + verb + suffix) for suffix in cues().amount_suffixes)
    code = next(filter(None, spelled), None)
    if code is None or not compatible(lex.indicators[code], mention, c.kind):
        return None
    return Alias(mention.start - len(thing), mention.start, code)


def topic(c: Clause) -> str:
    """The thing a sentence is about from '对于X,' before the number (maps/cues.yml
    topic_openers), after any amount said of it ('对于54.75万吨医疗废物,': 医疗废物); '' when the
    sentence names none."""
    text = c.text
    found = [(text.rfind(o, c.sentence_start, c.mention.start), o) for o in cues().topic_openers]
    at, opener = max(found)
    if at < 0:
        return ""
    start = at + len(opener)
    end = text.find(_TOPIC_END, start, c.mention.start)
    if end < 0:
        return ""
    within = [m for m in c.doc.mentions if start <= m.start and m.end <= end]
    thing = text[within[-1].end if within else start : end]
    return thing if thing and plain(thing) else ""


def topical(c: Clause) -> Alias | None:
    """A figure in a sentence about a thing ('对于X,…'): its own name completed with the thing
    ('处置率达97.4%' → 城市生活垃圾处置率), or a number followed by 得到(了) and a verb of what was
    done ('61.8%得到了综合利用' → X综合利用量占比; '54.2万吨得到处置' → X处置量), names the
    indicator the lexicon spells so."""
    thing = topic(c)
    if not thing:
        return None
    lex, mention, the_cues = c.doc.lex, c.mention, cues()
    names = [thing + c.own.name] if c.own is not None else []
    after = c.text[mention.end : mention.end + LIST_REACH]
    marker = next((m for m in the_cues.done_to_markers if after.startswith(m)), None)
    if marker is not None:  # '61.8%得到了综合利用'
        done = after[len(marker) :]
        verb = next((v for v in the_cues.amount_verbs if done.startswith(v)), None)
        endings = SHARE_ENDINGS if mention.unit_code == "pct" else AMOUNT_ENDINGS
        names += [thing + verb + ending for ending in endings] if verb else []
    for name in names:
        code = lex.aliases.get(name)
        if code and compatible(lex.indicators[code], mention, c.kind):
            return Alias(mention.start, mention.start, code)
    return None


def subject_said_before(c: Clause) -> Alias | None:
    """'夜间区域声环境质量等级为一般,平均等效声级为46.1dB(A)': a measure named without what it
    measures, in a sentence whose clause before named that (maps/cues.yml measured_subjects, and
    the time of day before it, after it or in the measure's own name), names the indicator they
    spell together (夜间区域声环境平均等效声级); a time of day said before alone completes it too
    ('…昼间达标131点次,达标率为91.6%': 昼间达标率) — also for each number of a list whose name is
    said before its 分别 ('…空气质量优良天数分别为336天、341天,优良率分别为93.9%、93.4%')."""
    lex, the_cues = c.doc.lex, cues()
    own = (c.own.name, c.own.clause_start) if c.own is not None else _shared_name(c)
    if own is None:
        return None
    own_name, clause_start = own
    before = c.text[c.sentence_start : clause_start]
    at, subject = max((before.rfind(s), s) for s in the_cues.measured_subjects)
    if subject in own_name:
        return None
    subject = subject if at >= 0 else ""
    said = c.text[clause_start : c.mention.start]  # own names drop words like 平均
    said = next((said.removesuffix(w) for w in the_cues.copulas if said.endswith(w)), said)
    for words in dict.fromkeys((said, own_name)):
        time = next((t for t in the_cues.times_of_day if words.startswith(t)), "")
        rest = words.removeprefix(time)
        time = time or _time_said(before, at)
        if not (subject or time):
            continue
        for name in (time + subject + rest, subject + time + rest):
            code = lex.aliases.get(name)
            if code and compatible(lex.indicators[code], c.mention, c.kind):
                # where the name is said, so the places listed before it are seen
                named_at = c.text.rfind(rest, clause_start, c.mention.start) if rest else -1
                return (Alias(named_at, named_at + len(rest), code) if named_at >= 0
                        else Alias(c.mention.start, c.mention.start, code))  # fmt: skip
    return None


def _time_said(before: str, subject_at: int) -> str:
    """The time of day said right before the subject (at subject_at), else the last one said
    after it (or anywhere before the clause when no subject was said): '' when none."""
    times = cues().times_of_day
    if subject_at >= 0:
        right_before = next((t for t in times if before.endswith(t, 0, subject_at)), "")
        if right_before:
            return right_before
    found = [(before.rfind(t), t) for t in times if before.rfind(t) >= max(subject_at, 0)]
    return max(found)[1] if found else ""


def _shared_name(c: Clause) -> tuple[str, int] | None:
    """'…,优良率分别为93.9%、93.4%': the name said before the 分别 of the list the number is in
    (the words from its clause's start), and where that clause starts; None: no such list."""
    text = c.text
    anchor = text.rfind(RESPECTIVELY, c.sentence_start, c.mention.start)
    if anchor < 0 or c.mention not in c.doc.series(anchor, c.mention):
        return None
    start = c.doc.clause_start(anchor, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    # after the places the clause lists before the name ('越城区、柯桥区的优良率分别为')
    start = max([start, *(end for s, end, _ in c.doc.regions if start <= s and end <= anchor)])
    start += text.startswith(_OF, start)
    name = text[start:anchor]
    return (name, start) if name and plain(name) else None
