"""The practice library's searchable text: words, translated names and facet words.

Kept apart from services and queries because both need it: services write the
text, queries search it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from twinschools.core.text import searchable_text
from twinschools.mission.approaches import ApproachCode
from twinschools.network.models import EducationLevel, Subject


def facet_word(kind: str, code: str) -> str:
    """The word that stands for a filter value in the searchable text ("facetsubjectmaths")."""
    return "facet" + "".join(char for char in f"{kind}{code}" if char.isalnum()).lower()


def search_text_for(
    *,
    title: str,
    summary: str,
    description: str,
    subjects: Iterable[str],
    levels: Iterable[str],
    approaches: Iterable[str] = (),
    language: str = "",
) -> str:
    """Title, summary, description and the subject, level and approach names in every language we
    speak, so a Catalan "matemàtiques" finds a Romanian practice for "matematică" and "aula
    invertida" finds one tagged flipped classroom; then one facet word per subject, level,
    approach and language, so the library's filters are words too. Every search and filter is
    then one trigram-indexed LIKE on one column, which PostgreSQL combines inside the index
    instead of walking every practice when words and filters rarely meet."""
    subjects, levels, approaches = list(subjects), list(levels), list(approaches)
    names: list[str] = []
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            names += [str(Subject(code).label) for code in subjects]
            names += [str(EducationLevel(code).label) for code in levels]
            names += [str(ApproachCode(code).label) for code in approaches]
    facets = [
        *(facet_word("subject", code) for code in subjects),
        *(facet_word("level", code) for code in levels),
        *(facet_word("approach", code) for code in approaches),
        *([facet_word("language", language)] if language else []),
    ]
    return searchable_text(" ".join([title, summary, description, *names, *facets]))
