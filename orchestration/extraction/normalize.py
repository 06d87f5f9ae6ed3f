"""Prose normalised for matching, with a map back to the characters of the original text.

Matching runs on one folded form (NFKC, Simplified Chinese, lower case, no white space, no
quotation marks) so that 優良天數比率, “无废城市” and ＰＭ２．５ meet their lexicon entries; every
folded character remembers the original offset it came from, so a fact's quote and
char_start/char_end always point into the text as published.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from orchestration.parsing.text import to_simplified

# Dropped from the folded form: they separate nothing a matcher needs and vary between
# publishers (“无废城市” vs "无废城市" vs 无废城市).
_DROPPED = set("“”‘’\"'「」『』《》〈〉") | {" ", "\t", "\r", "\u3000", "\xa0"}
LINE_BREAK = "\n"


@dataclass(frozen=True)
class FoldedText:
    """The folded text and, for each of its characters, the original offset."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        if start >= end:
            raise ValueError(f"empty span {start}..{end}")
        return self.offsets[start], self.offsets[end - 1] + 1


def fold(original: str) -> FoldedText:
    """Fold a whole document (line breaks are kept: they end a paragraph)."""
    simplified = to_simplified(original)
    if len(simplified) != len(original):  # a phrase conversion changed the length
        simplified = "".join(to_simplified(c) for c in original)
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(simplified):
        if char == LINE_BREAK:
            chars.append(LINE_BREAK)
            offsets.append(index)
            continue
        for folded in unicodedata.normalize("NFKC", char).lower():
            if folded in _DROPPED or (folded.isspace() and folded != LINE_BREAK):
                continue
            chars.append(folded)
            offsets.append(index)
    return FoldedText(original, "".join(chars), tuple(offsets))


def fold_key(text: str) -> str:
    """The folded form of a short string (an alias, a unit spelling, a cue word)."""
    return fold(text).text.replace(LINE_BREAK, "")
