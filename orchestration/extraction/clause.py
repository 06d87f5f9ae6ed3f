"""The context of one number, as every strategy and guard sees it: the number, its sentence,
paragraph and kind, the name it states for itself, and what the reader has read before it.

What belongs here: building that context, once per number, from the document and the reader's
memory. A Clause is immutable: strategies read it and return a candidate, they never write.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from orchestration.extraction.aliases import Alias
from orchestration.extraction.cues import cues
from orchestration.extraction.kinds import kind_of
from orchestration.extraction.own_names import OwnName, own_name
from orchestration.extraction.quantities import Mention
from orchestration.extraction.reading import Document
from orchestration.extraction.scope import counts_places

INDEX = "index"  # the unit of a dimensionless index (seeds/units.csv)


@dataclass(frozen=True)
class Previous:
    """The fact stated by the number just before this one."""

    end: int  # where that number ends
    kind: str
    code: str  # '' for an open-vocabulary fact
    sign: int  # -1 when its value is negative (a fall), else +1
    name: str  # the stated name of an open-vocabulary fact, '' otherwise
    region: str = ""  # its region code ('' for none)


@dataclass(frozen=True)
class ReadSoFar:
    """What the reader remembers when it reaches a number (it alone updates this)."""

    previous: Previous | None = None  # None when the number before stated no fact
    goal: str | None = None  # the indicator of the last goal stated in this paragraph
    respective: Alias | None = None  # given by a coordinated name before ('处置和贮存分别…')
    last_unmapped_end: int = -1  # where the last number left unclaimed ends
    # the figures stated so far in this paragraph, in order: (code, '' when open; kind; end)
    stated: tuple[tuple[str, str, int], ...] = ()

    @property
    def last_coded(self) -> str:
        """The indicator of the last coded figure of this paragraph ('' when none)."""
        return next((code for code, _, _ in reversed(self.stated) if code), "")


@dataclass(frozen=True)
class Clause:
    """One number in its context."""

    doc: Document
    stated: Mention  # the number as found
    mention: Mention  # as read: a count of places stated without a unit counts ('4市')
    counts_places: bool  # the number counts places ('14个设区市', '4市开展…')
    kind: str  # actual | target | change | rank
    baseline: int | None  # the year a change or a target is measured from
    sentence_start: int
    paragraph_start: int
    before: str  # the sentence up to the number
    paragraph: str  # the paragraph up to the number
    own: OwnName | None  # the name the number states for itself (never for a goal)
    read: ReadSoFar

    @property
    def text(self) -> str:
        return self.doc.text


def clause_at(doc: Document, stated: Mention, read: ReadSoFar) -> Clause:
    text = doc.text
    sentence_start, _ = doc.sentence(stated.start)
    paragraph_start = doc.paragraph_start(stated.start)
    before = text[sentence_start : stated.start]
    kind, baseline = kind_of(text, stated, before, doc.context.is_plan, read.previous,
                               doc.context.year)  # fmt: skip
    places = counts_places(doc, stated)
    mention = stated
    if places and stated.unit_code is None:  # '4市开展…': a count of places
        mention = replace(stated, unit_code="count")
    # a goal's name may follow it ('完成国家下达的95%以上的考核目标'): goals keep the old rules
    own = None if kind == "target" else own_name(doc, mention, sentence_start)
    if (stated.unit_code is None and own is not None and own.is_open_vocabulary
            and own.name.endswith(cues().dimensionless_name_heads)):  # fmt: skip
        mention = replace(stated, unit_code=INDEX)  # '综合营养状态指数为38.2': an index
    return Clause(
        doc=doc, stated=stated, mention=mention, counts_places=places, kind=kind,
        baseline=baseline, sentence_start=sentence_start, paragraph_start=paragraph_start,
        before=before, paragraph=text[paragraph_start : stated.start], own=own, read=read,
    )  # fmt: skip
