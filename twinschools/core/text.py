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
_SPACES = re.compile(r"[\s\-‐–—_.,;:'‘’\"“”„«»()/]+")


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


SHORT_WORD = 2


def searchable_text(text: str) -> str:
    """How a searched column stores text: folded, with a space at each end.

    The spaces let a short word be searched as a whole word (" 3 ") anywhere, even first or last.
    """
    return f" {fold(text)} "


def search_patterns(query: str) -> list[str]:
    """What each word of a query must match inside `searchable_text`.

    Words of three letters or more match anywhere ("lleida", "scoal"). Shorter words
    match whole words only: "nr 3" finds "nr. 3", not "nr. 13"; and whole words can use
    the trigram index, where a bare "3" would make PostgreSQL read every row.
    """
    return [f" {term} " if len(term) <= SHORT_WORD else term for term in search_terms(query)]
