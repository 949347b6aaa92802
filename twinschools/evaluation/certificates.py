"""The label certificate: a PDF in the school's language, made with WeasyPrint."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from twinschools.evaluation.models import LabelAward

# The main language of a country, where it is one of the site's languages.
COUNTRY_LANGUAGES = {"RO": "ro", "MD": "ro", "AD": "ca", "IE": "en", "MT": "en", "GB": "en"}


def language_for(award: LabelAward, asked: str = "") -> str:
    """`asked` when it is a site language; else the country's main language; else English.

    A school in Spain that teaches in Catalan gets Catalan (Spanish is not a site language).
    """
    offered = {code for code, _name in settings.LANGUAGES}
    if asked in offered:
        return asked
    school = award.school
    found = COUNTRY_LANGUAGES.get(school.country.code)
    if found is None and school.languages.filter(code="ca").exists():
        found = "ca"
    return found if found in offered else "en"


def pdf(award: LabelAward, *, language: str, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy import: only when a certificate is asked for

    with translation.override(language):
        html = render_to_string(
            "evaluation/certificate_pdf.html", {"award": award, "school": award.school, "lang": language}
        )
    return bytes(HTML(string=html, base_url=base_url).write_pdf())
