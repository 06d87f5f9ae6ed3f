"""The extractor's view of the indicator catalogue: folded prose spelling → code, longest first.

Every indicator, its names, unit, direction, range, spellings and flags are written once, in the
catalogue (orchestration/registry/indicators/*.yml, read by orchestration.registry.catalogue);
this module only indexes what prose matching needs: the prose spellings (folded by
parsing.text.match_key, the same fold the report text gets), and the codes that are another
code's share (of its annual target, or of a count).
"""

from __future__ import annotations

import re
from functools import cache

from orchestration.registry.catalogue import Catalogue, Indicator, catalogue

_LATIN = re.compile("[a-z]")  # (folded: lower case)
_LATIN_OR_DIGIT = re.compile("[a-z0-9₂₃]")


class Lexicon:
    """Indicators by code, and folded prose alias → code."""

    def __init__(self, indicators: dict[str, Indicator], aliases: dict[str, str]) -> None:
        self.indicators = indicators
        self.aliases = aliases
        self.alias_lengths = sorted({len(a) for a in aliases}, reverse=True)
        # figure's code → the code of that figure as a share of its annual target
        self.target_shares = {
            i.target_share_of: code for code, i in indicators.items() if i.target_share_of
        }
        # a count's code → the code of its share ('…达标,占64.3%'; '分别占全国的22.1%')
        self.shares = {i.share_of: code for code, i in indicators.items() if i.share_of}

    @classmethod
    def of(cls, cat: Catalogue) -> Lexicon:
        return cls(cat.indicators, cat.prose_index)

    def match_at(self, text: str, start: int) -> tuple[int, str] | None:
        """The longest alias starting at text[start]: (end, code), or None."""
        matches = self.matches_at(text, start)
        return matches[0] if matches else None

    def matches_at(self, text: str, start: int) -> list[tuple[int, str]]:
        """Every alias starting at text[start], longest first: [(end, code), …]."""
        found = []
        for length in self.alias_lengths:
            code = self.aliases.get(text[start : start + length])
            if code is not None and not _inside_latin_word(text, start, start + length):
                found.append((start + length, code))
        return found


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """A Latin spelling is a word of its own: 'co' (CO) is not the start of 'co2' or 'cod', nor
    the end of 'nco'."""
    spelling = text[start:end]
    before, after = text[max(start - 1, 0) : start], text[end : end + 1]
    return bool(
        (_LATIN.fullmatch(spelling[-1:] or " ") and _LATIN_OR_DIGIT.fullmatch(after or " "))
        or (_LATIN.fullmatch(spelling[:1] or " ") and _LATIN.fullmatch(before or " "))
    )


@cache
def lexicon() -> Lexicon:
    """The project's lexicon, read once per process."""
    return Lexicon.of(catalogue())
