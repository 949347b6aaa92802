"""The certificate of attendance: issued by the organising school, signed by its head, with
the dates in the registrant's language and a QR code to its verification page."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from django.utils import timezone, translation

from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.pdftext import text_of
from twinschools.core import certificates as printing
from twinschools.events import certificates
from twinschools.events.models import Kind

pytestmark = pytest.mark.django_db
BASE_URL = "http://testserver"


def _attended(world: World, language: str, name: str = "Ana-Maria Ștefănescu"):
    event = EventFactory(school=world.school_a, kind=Kind.WORKSHOP, title="Atelier de robotică")
    session = SessionFactory(
        event=event,
        starts_at=timezone.make_aware(datetime(2026, 3, 12, 10)),
        ends_at=timezone.make_aware(datetime(2026, 3, 12, 12)),
    )
    person = RegistrationFactory(event=event, language=language, name=name)
    person.attended.add(session)
    return person


def _look(pdf: bytes, name: str) -> None:
    # For a person checking the layout: CERTIFICATES_OUT=/tmp/docs keeps each PDF.
    folder = os.environ.get("CERTIFICATES_OUT")
    if folder:
        Path(folder, name).write_bytes(pdf)


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "12 March 2026"), ("ro", "12 martie 2026"), ("ca", "12 de març de 2026")],
)
def test_the_certificate_names_the_school_its_head_the_nso_and_the_date_in_the_registrants_language(
    world: World, language: str, written: str
) -> None:
    person = _attended(
        world, language, name="Marc Roca i Gil·labert" if language == "ca" else "Ana Ștefănescu"
    )
    with translation.override(language):
        context = certificates.context_for(person, base_url=BASE_URL)
    pdf = printing.render_pdf(
        "events/day/certificate_pdf.html", context, language=language, base_url=BASE_URL
    )
    _look(pdf, f"attendance-{language}.pdf")
    text = " ".join(text_of(pdf).split())
    assert person.name in text and world.school_a.name in text
    assert world.people["head_a"].full_name in text
    assert "Agenția Națională pentru Programe Comunitare" in text
    assert written in text
    # pdftotext drops a hyphen where the address wraps: compare without hyphens
    assert context["verify_url"].replace("-", "") in text.replace(" ", "").replace("-", "")
    token = context["verify_url"].rstrip("/").rsplit("/", 1)[1]
    assert certificates.verified(token).pk == person.pk


def test_the_certificate_pdf_is_made_in_the_registrants_language(world: World) -> None:
    pdf = certificates.pdf(_attended(world, "ro"), base_url=BASE_URL)
    assert "Certificat de participare" in " ".join(text_of(pdf).split())


def test_the_certificate_carries_a_qr_code_to_its_verification_page_and_its_language_tag(
    world: World,
) -> None:
    person = _attended(world, "ca")
    context = certificates.context_for(person, base_url=BASE_URL)
    html = printing.render_html("events/day/certificate_pdf.html", context, language="ca")
    assert '<html lang="ca">' in html
    assert "<svg" in context["qr"] and context["qr"] in html
    assert "style=" not in html and "<style" not in html


def test_a_certificate_and_its_verification_page_list_only_the_sessions_its_holder_was_checked_in_at(
    world: World,
) -> None:
    from django.test import Client
    from django.urls import reverse

    event = EventFactory(school=world.school_a, kind=Kind.OPEN_DAY, title="Ziua porților deschise")
    before = SessionFactory(event=event, starts_at=timezone.make_aware(datetime(2025, 3, 1, 10)))
    came = SessionFactory(event=event, starts_at=timezone.make_aware(datetime(2026, 12, 1, 10)))
    person = RegistrationFactory(event=event, language="en")
    person.attended.add(came)
    assert before.starts_at < came.starts_at

    with translation.override("en"):
        context = certificates.context_for(person, base_url=BASE_URL)
    assert context["sessions"] == [came]
    pdf = certificates.pdf(person, base_url=BASE_URL)
    text = " ".join(text_of(pdf).split())
    assert "1 December 2026" in text and "2025" not in text

    page = Client().get(reverse("events:certificate_verify", args=[certificates.token_for(person)]))
    assert page.status_code == 200
    assert list(page.context["sessions"]) == [came]
    assert "2025" not in page.content.decode().split("<dl", 1)[1]
