"""What every printed certificate shares: the A4 frame (templates/certificates/base_pdf.html
with static/css/certificate.css), a QR code to its verification address, and the PDF itself.

The stylesheet is handed to WeasyPrint (stylesheets=), so no template carries a <style>
element: the same no-inline-style rule as pages served to browsers.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

STYLESHEET = "css/certificate.css"
# Font size of a monogram's letters by their number (1, 2, ... 8), to stay inside the ring.
MONOGRAM_SIZES = (34, 30, 24, 19, 15, 13, 11, 10)


# Catalan writes "1 de desembre de 2026" and "1 d'abril de 2026", Romanian "1 decembrie
# 2026"; Django's formats print "1 desembre de 2026" and "1 Decembrie 2026", so both are
# written here.
CATALAN_VOWELS = tuple("aàeèéiíoòóuú")
# English certificates in Europe write the day first, in full: "1 December 2026".
DAY_FIRST = {"en": "j F Y"}


def long_date(day: date | datetime) -> str:
    """A date written out as the active language writes it on a document."""
    language = (translation.get_language() or "en").split("-")[0]
    if isinstance(day, datetime):
        day = timezone.localdate(day)
    month = date_format(day, "F").lower()
    if language == "ca":
        article = "d'" if month.startswith(CATALAN_VOWELS) else "de "
        return f"{day.day} {article}{month} de {day.year}"
    if language == "ro":
        return f"{day.day} {month} {day.year}"
    return date_format(day, DAY_FIRST.get(language, "DATE_FORMAT"))


def initials(name: str) -> str:
    """The capitals starting the words of a name: "Școala Gimnazială Avram Iancu" gives ȘGAI."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())[:8]


def monogram_svg(letters: str, *, label: str) -> SafeString:
    """A neutral round seal with a few letters, for an organisation without a logo:
    drawing no one's trade mark. Presentation attributes only (no style)."""
    letters = letters[:8] or "?"
    size = MONOGRAM_SIZES[len(letters) - 1]
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100" '
        'role="img" aria-label="{}">'
        '<circle cx="50" cy="50" r="47" fill="#ffffff" stroke="#1d3f72" stroke-width="3"/>'
        '<circle cx="50" cy="50" r="40" fill="none" stroke="#b08d3c" stroke-width="1"/>'
        '<text x="50" y="50" text-anchor="middle" dominant-baseline="central" font-size="{}" '
        'font-family="DejaVu Serif, serif" font-weight="bold" fill="#1d3f72">{}</text></svg>',
        label,
        size,
        letters,
    )


def qr_svg(url: str, *, title: str) -> SafeString:
    """An inline SVG QR code (presentation attributes only) with an accessible title."""
    code = segno.make(url, error="m")
    return mark_safe(code.svg_inline(scale=4, border=2, dark="#1d3f72", light="#ffffff", title=title))


def _stylesheet_path() -> str:
    found = finders.find(STYLESHEET)
    if found:
        return str(found)
    return str(Path(settings.STATIC_ROOT) / STYLESHEET)  # after collectstatic, without the finders


def render_html(template: str, context: dict[str, Any], *, language: str) -> str:
    with translation.override(language):
        return render_to_string(template, {**context, "lang": language})


def render_pdf(template: str, context: dict[str, Any], *, language: str, base_url: str) -> bytes:
    """The template rendered in `language` and printed by WeasyPrint."""
    from weasyprint import CSS, HTML  # heavy import: only when a certificate is asked for

    html = render_html(template, context, language=language)
    document = HTML(string=html, base_url=base_url)
    return bytes(document.write_pdf(stylesheets=[CSS(filename=_stylesheet_path())]))
