"""Each country's NSO as data: the real NSOs are loaded, the NSO edits its own profile
(and nobody else's), and the label credentials it issues from then on name it."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.credentials.factories import issue
from tests.images import png
from twinschools.core.models import AuditEvent
from twinschools.credentials import verification
from twinschools.network.models import Country, NationalSupportOrganisation
from twinschools.network.reference import ETWINNING_COUNTRIES

PROFILE = {
    "name": "Agenția Națională pentru Programe Comunitare în Domeniul Educației și Formării Profesionale",
    "name_en": "National Agency for Community Programmes in Education and Vocational Training",
    "acronym": "ANPCDEFP",
    "address": "Splaiul Independenței 313, București",
    "website": "https://www.anpcdefp.ro/",
    "signatory_name": "Ioana Țurcanu",
    "signatory_title": "Directoare",
}


def _ro() -> NationalSupportOrganisation:
    return NationalSupportOrganisation.objects.get(country__code="RO")


def test_every_etwinning_country_has_a_profile_and_the_real_nsos_are_named(db: None) -> None:
    assert set(NationalSupportOrganisation.objects.values_list("country__code", flat=True)) >= set(
        ETWINNING_COUNTRIES
    )
    assert _ro().acronym == "ANPCDEFP" and "Agenția Națională" in _ro().name
    spain = NationalSupportOrganisation.objects.get(country__code="ES")
    assert "INTEF" in spain.acronym and "Servicio Nacional de Apoyo eTwinning" in spain.name
    assert not _ro().signatory_name  # not public: each NSO names the person who signs


def test_the_nso_edits_its_own_profile_and_the_change_is_audited(world: World) -> None:
    url = reverse("network:nso_profile", args=["ro"])
    response = signed_in(world.people["nso_x"]).post(url, PROFILE)
    assert response.status_code == 302
    saved = _ro()
    assert (saved.signatory_name, saved.signatory_title) == ("Ioana Țurcanu", "Directoare")
    event = AuditEvent.objects.get(action="network.nso_profile.updated")
    assert event.actor == world.people["nso_x"] and "signatory_name" in event.data["changed"]


def test_nso_staff_of_another_country_cannot_open_or_edit_the_profile(world: World) -> None:
    url = reverse("network:nso_profile", args=["ro"])
    client = signed_in(world.people["nso_y"])
    assert client.get(url).status_code == 404
    assert client.post(url, {**PROFILE, "signatory_name": "Intruder"}).status_code == 404
    assert _ro().signatory_name == ""


def test_a_logo_that_is_not_a_png_or_jpeg_is_refused_with_a_message(world: World) -> None:
    fake = SimpleUploadedFile("logo.png", b"<svg onload='alert(1)'></svg>", content_type="image/png")
    response = signed_in(world.people["nso_x"]).post(
        reverse("network:nso_profile", args=["ro"]), {**PROFILE, "logo": fake}
    )
    assert response.status_code == 400
    assert "must be a PNG or JPEG image" in response.content.decode()
    assert not _ro().logo


def test_a_png_logo_is_kept_and_served_as_the_issuers_image(world: World) -> None:
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    client = signed_in(world.people["nso_x"])
    client.post(reverse("network:nso_profile", args=["ro"]), {**PROFILE, "logo": logo})
    response = client.get(reverse("network:nso_logo", args=["ro"]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_the_credentials_issuer_comes_from_the_nso_profile(world: World) -> None:
    NationalSupportOrganisation.objects.filter(country__code="RO").update(**PROFILE)
    issuer = issue(world.school_a).signed_json["issuer"]
    assert issuer["name"] == PROFILE["name_en"]
    assert issuer["url"] == PROFILE["website"]
    # no logo yet: the bundled emblem stands in, as OB 3.0 validators expect an issuer image
    assert "/credentials/images/" in str(issuer["image"]) and "/logo/" not in str(issuer["image"])


def test_a_credential_signed_before_the_profile_changed_still_verifies(world: World) -> None:
    before = issue(world.school_a)
    NationalSupportOrganisation.objects.filter(country__code="RO").update(name_en="A new name")
    after = issue(world.school_a, source_label="label-2")
    assert before.signed_json["issuer"]["name"] != after.signed_json["issuer"]["name"] == "A new name"
    assert verification.verify(before.signed_json).is_valid
    assert verification.verify(after.signed_json).is_valid


def test_a_country_without_a_profile_gets_the_generic_name(db: None) -> None:
    from twinschools.network import nso

    country = Country.objects.create(code="XK")
    assert nso.identity_of(country).name.startswith("eTwinning National Support Organisation of")
