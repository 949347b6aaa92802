"""The label certificate: a PDF in the school's language, made with WeasyPrint, issued in
the name of the country's NSO (its profile: name, logo, signatory) with a QR code to the
label's credential (or, before one is issued, to the school's public page)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.core import certificates
from twinschools.credentials import addresses
from twinschools.credentials import queries as credentials
from twinschools.evaluation.models import LabelAward
from twinschools.evaluation.services import award_source
from twinschools.network import nso

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


def verification_url(award: LabelAward, *, base_url: str) -> str:
    """The label's credential page when one was issued; else the school's public page."""
    issued = credentials.credential_issued_for(award_source(award))
    if issued is not None:
        return addresses.credential_page(issued.credential.uuid)
    return base_url.rstrip("/") + reverse("network:school", args=[award.school_id])


def context_for(award: LabelAward, *, base_url: str) -> dict[str, Any]:
    """What the certificate prints; call with the document's language active."""
    school = award.school
    issuer = nso.identity_of(school.country, with_logo=True)
    url = verification_url(award, base_url=base_url)
    return {
        "award": award,
        "school": school,
        "issuer_name": issuer.name,
        "issuer_name_en": issuer.name_en,
        "issuer_place": school.country.name,
        "logo_data_uri": issuer.logo_data_uri,
        "monogram_svg": issuer.monogram_svg,
        "signatory_name": issuer.signatory_name,
        "signatory_title": issuer.signatory_title,
        "signatory_org": issuer.name,
        "issued_on": timezone.localdate(award.awarded_at),
        "verify_url": url,
        "qr": certificates.qr_svg(url, title=_("QR code to check this certificate")),
    }


def pdf(award: LabelAward, *, language: str, base_url: str) -> bytes:
    with translation.override(language):
        context = context_for(award, base_url=base_url)
    return certificates.render_pdf(
        "evaluation/certificate_pdf.html", context, language=language, base_url=base_url
    )
