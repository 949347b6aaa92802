"""The label certificate: issued in the name of the country's NSO, signed by its signatory,
with the date in the document's language and a QR code to the label's credential."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import timezone

from tests import factories as base
from tests.applications.factories import open_round
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from tests.pdftext import text_of
from twinschools.core import certificates as printing
from twinschools.evaluation import certificates, services
from twinschools.evaluation.models import LabelAward, Outcome
from twinschools.network.models import NationalSupportOrganisation

BASE_URL = "http://testserver/"


def _awarded(world: World) -> LabelAward:
    round = open_round(first_year=timezone.localdate().year)
    app = submitted(world.school_a, world.people["head_a"], round=round)
    for person in (world.people["evaluator_x"], evaluator(world.school_a.country, "two@eval.ro")):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
        review(app, person, 5, 4, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    award = LabelAward.objects.select_related("school__country").get(application=app)
    award.awarded_at = timezone.make_aware(timezone.datetime(2026, 12, 1, 12))
    award.save(update_fields=["awarded_at"])
    return award


@pytest.fixture
def signed_award(world: World) -> LabelAward:
    NationalSupportOrganisation.objects.filter(country__code="RO").update(
        signatory_name="Ioana Țurcanu", signatory_title="Directoare"
    )
    return _awarded(world)


def _look(pdf: bytes, name: str) -> None:
    # For a person checking the layout: CERTIFICATES_OUT=/tmp/docs keeps each PDF.
    folder = os.environ.get("CERTIFICATES_OUT")
    if folder:
        Path(folder, name).write_bytes(pdf)


def test_the_label_certificate_names_the_nso_its_signatory_and_the_credential_to_check(
    signed_award: LabelAward,
) -> None:
    pdf = certificates.pdf(signed_award, language="en", base_url=BASE_URL)
    _look(pdf, "label-en.pdf")
    text = " ".join(text_of(pdf).split())
    assert "Agenția Națională pentru Programe Comunitare" in text
    assert "Ioana Țurcanu" in text and "Directoare" in text
    assert "Romania" in text and signed_award.school.name in text
    url = certificates.verification_url(signed_award, base_url=BASE_URL)
    # pdftotext drops a hyphen where the address wraps: compare without hyphens
    assert "/credentials/" in url and url.replace("-", "") in text.replace(" ", "").replace("-", "")


def test_the_label_certificate_carries_a_qr_code_to_its_verification_address(
    signed_award: LabelAward,
) -> None:
    context = certificates.context_for(signed_award, base_url=BASE_URL)
    html = printing.render_html("evaluation/certificate_pdf.html", context, language="ro")
    assert '<html lang="ro">' in html
    assert "<svg" in context["qr"] and context["qr"] in html
    assert "<style" not in html and "style=" not in html


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "1 December 2026"), ("ro", "1 decembrie 2026"), ("ca", "1 de desembre de 2026")],
)
def test_the_date_is_written_the_way_the_documents_language_writes_it(
    signed_award: LabelAward, language: str, written: str
) -> None:
    pdf = certificates.pdf(signed_award, language=language, base_url=BASE_URL)
    _look(pdf, f"label-{language}.pdf")
    assert written in " ".join(text_of(pdf).split())


def test_without_a_signatory_or_a_name_the_certificate_prints_the_generic_nso_and_an_empty_line(
    world: World,
) -> None:
    NationalSupportOrganisation.objects.filter(country__code="RO").update(name="", name_en="", acronym="")
    award = _awarded(world)
    text = " ".join(text_of(certificates.pdf(award, language="en", base_url=BASE_URL)).split())
    assert "eTwinning National Support Organisation of Romania" in text


def test_a_school_without_a_credential_is_checked_on_its_public_page(world: World) -> None:
    school = base.SchoolFactory(country=world.school_a.country)
    award = LabelAward(school=school, first_year=2026, last_year=2027, awarded_at=timezone.now())
    award.pk = 0
    assert (
        certificates.verification_url(award, base_url=BASE_URL) == f"http://testserver/schools/{school.pk}/"
    )
