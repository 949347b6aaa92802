"""Text folding for accent- and case-insensitive search.

Both the stored search column and the user's query go through `fold`, so
"scoala" finds "Școala" and "ecole" finds "École" on SQLite and PostgreSQL
alike, without depending on a database extension such as unaccent.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
    }
)
_SPACES = re.compile(r"[\s\-‐–—_.,;:'’\"«»()/]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.translate(_SPECIAL_LETTERS)
    return _SPACES.sub(" ", bare).strip()


def search_terms(query: str, *, limit: int = 8) -> list[str]:
    """The folded words of a query, longest first (the most selective first)."""
    words = {word for word in fold(query).split(" ") if word}
    return sorted(words, key=len, reverse=True)[:limit]
