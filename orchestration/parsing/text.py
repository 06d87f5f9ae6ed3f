"""Text normalisation shared by every matcher: one form for headers, aliases and cells.

NFKC folds full-width digits, letters and punctuation (１２％ → 12%, （ → (), opencc folds
Traditional characters to Simplified, and white space is removed so that "PM2.5 平均浓度" and
"PM2.5平均浓度" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "~": "-", "～": "-", "〜": "-"})


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese; other characters pass through."""
    return _T2S.convert(text)


def clean_cell(text: str | None) -> str:
    """A cell as a person reads it: NFKC, Simplified, trimmed (inner spaces kept)."""
    if text is None:
        return ""
    return to_simplified(unicodedata.normalize("NFKC", text)).strip()


@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """The key two spellings must share to be the same name: cleaned, no spaces, lower case,
    one kind of dash."""
    return _SPACE.sub("", clean_cell(text)).translate(_DASHES).lower()
