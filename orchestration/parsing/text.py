"""Text normalisation shared by every matcher: one folded form for headers, row labels, prose,
aliases, unit spellings and cue words.

`fold` is the one normaliser: NFKC (full-width digits, letters and punctuation: １２％ → 12%,
（ → (), Simplified Chinese (opencc: 優良天數 → 优良天数), lower case, one kind of dash
(— – ~ 〜 → -), no white space, no quotation marks (“无废城市” vs 无废城市), and no pinyin a
mirror site printed in parentheses (質(zhì) → 质). A report is folded whole, and every folded
character remembers the original offset it came from, so a fact's quote and char_start/char_end
point into the text as published; `match_key` is the folded form of a short string (a header,
an alias, a unit spelling), so a spelling and the text it occurs in always meet.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
# Dropped from the folded form: they separate nothing a matcher needs and vary between
# publishers (“无废城市” vs "无废城市" vs 无废城市).
_DROPPED = set("“”‘’\"'「」『』《》〈〉") | {" ", "\t", "\r", "\u3000", "\xa0"}
_DASHES = {"—": "-", "–": "-", "~": "-", "〜": "-"}  # NFKC already folds －, ～
LINE_BREAK = "\n"


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese; other characters pass through."""
    return _T2S.convert(text)


def clean_cell(text: str | None) -> str:
    """A cell as a person reads it: NFKC, Simplified, trimmed (inner spaces kept)."""
    if text is None:
        return ""
    return to_simplified(unicodedata.normalize("NFKC", text)).strip()


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
            chars.append(_DASHES.get(folded, folded))
            offsets.append(index)
        _drop_echo(chars, offsets)
    return FoldedText(original, "".join(chars), tuple(offsets))


_TONED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
_PINYIN = set("abcdefghijklmnopqrstuvwxyzü") | _TONED


def _drop_echo(chars: list[str], offsets: list[int]) -> None:
    """Some mirror sites print the pinyin of a character in parentheses after it
    ('生態(tài)環(huán)境', '個(gè)百分點(diǎn)'): drop '(tài)' when it follows a Chinese character
    and holds a tone mark, so '(CO)' or '(PM2.5)' stay."""
    if not chars or chars[-1] != ")":
        return
    opening = len(chars) - 2
    while opening >= 0 and chars[opening] in _PINYIN:
        opening -= 1
    syllable = chars[opening + 1 : -1]
    if (
        opening >= 1
        and chars[opening] == "("
        and 1 <= len(syllable) <= 6
        and _TONED.intersection(syllable)
        and "\u4e00" <= chars[opening - 1] <= "\u9fff"
    ):
        del chars[opening:]
        del offsets[opening:]


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """The key two spellings must share to be the same name: the folded form of a short string
    (a header, a row label, an alias, a unit spelling, a cue word), line breaks removed."""
    return fold(text).text.replace(LINE_BREAK, "")
